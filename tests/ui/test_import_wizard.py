"""The import wizard on a real SQLite database (the real import services), with the inline task runner."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget, QWizard
from shiboken6 import isValid

from hqdesk.domain.errors import PermissionDenied
from hqdesk.ui.tasks import TaskRunner
from tests.services.test_import import HEADER, bad_check, write_csv, write_xlsx
from tests.services.test_import import good_rows as service_rows


def good_rows(n=3, start=1):
    """The import tests' good rows, managed by zhang (a user of these tests)."""
    rows = service_rows(n, start)
    for row in rows:
        row[HEADER.index("account_manager")] = "zhang"
    return rows


def franchisee_count(services) -> int:
    from tests.services.test_import import counts

    return counts(services)[0]


def dispose(*widgets) -> None:
    """Close and delete ``widgets`` now, while the test's task runner lives: a wizard deleted later (by the next
    test's event processing) would take its tasks' runner down in the middle of Qt's deferred deletes."""
    from PySide6.QtCore import QEvent

    for widget in widgets:
        if isValid(widget):
            widget.close()
            widget.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def wizard_of(make_ctx, qtbot, ui_users):
    from hqdesk.ui.views.import_wizard import ImportWizard

    def make(user="admin", runner=None):  # noqa: ARG001 - qtbot: a QApplication first
        ctx = make_ctx(ui_users[user])
        if runner is not None:
            ctx = type(ctx)(ctx.services, ctx.actor, runner, ctx.bus, ctx.settings)
        wizard = ImportWizard(ctx)
        made.append(wizard)
        wizard.show()
        return wizard

    made = []
    yield make
    dispose(*made)


def error_box(qtbot, parent):
    """The error dialog ``show_error`` opened over ``parent``, once it shows."""
    qtbot.waitUntil(lambda: (b := parent.findChild(QMessageBox, "errorBox")) is not None and b.isVisible())
    return parent.findChild(QMessageBox, "errorBox")


def to_mapping(wizard, path) -> None:
    wizard.pick.set_file(str(path))
    assert wizard.pick.isComplete()
    wizard.next()
    assert wizard.currentId() == wizard.MAPPING
    assert wizard.mapping.preview is not None


def to_check(wizard, path) -> None:
    to_mapping(wizard, path)
    assert wizard.mapping.isComplete(), wizard.mapping.status_label.text()
    wizard.next()
    assert wizard.currentId() == wizard.CHECK


def good_file(tmp_path, n=3, start=1, name="good.csv"):
    return write_csv(tmp_path / name, [HEADER, *good_rows(n, start)])


# ----- step 1 ---------------------------------------------------------------------------------------
def test_pick_page_needs_a_readable_csv_or_xlsx(wizard_of, tmp_path):
    wizard = wizard_of()
    pick = wizard.pick
    assert not pick.isComplete()  # no file yet: Next is off
    (tmp_path / "notes.txt").write_text("x")
    pick.set_file(str(tmp_path / "notes.txt"))
    assert not pick.isComplete() and ".txt" in pick.file_note.text()
    pick.set_file(str(tmp_path / "gone.xlsx"))
    assert not pick.isComplete() and "gone.xlsx" in pick.file_note.text()
    pick.set_file(str(good_file(tmp_path)))
    assert pick.isComplete() and pick.file_note.text() == ""


def test_a_dropped_file_is_taken(wizard_of, tmp_path):
    from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
    from PySide6.QtGui import QDropEvent

    wizard = wizard_of()
    path = good_file(tmp_path)
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(path))])
    event = QDropEvent(
        QPointF(5, 5),
        Qt.DropAction.CopyAction,
        data,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    wizard.pick.dropEvent(event)
    assert wizard.pick.path == str(path)
    assert wizard.pick.isComplete()


@pytest.mark.parametrize("language, first", [("en", "code*"), ("zh", "编码*")])
def test_download_template_saves_where_asked(wizard_of, tmp_path, qtbot, language, first):
    from openpyxl import load_workbook

    wizard = wizard_of()
    wizard.pick.entity_combo.setCurrentIndex(wizard.pick.entity_combo.findData("franchisees"))
    wizard.pick.language_combo.setCurrentIndex(wizard.pick.language_combo.findData(language))
    target = tmp_path / f"template-{language}.xlsx"
    wizard.pick.download_template(str(target))
    assert target.is_file()
    header = [c.value for c in next(load_workbook(target).active.iter_rows(max_row=1))]
    assert header[0] == first
    assert str(target) in wizard.pick.template_note.text()


# ----- step 2 ---------------------------------------------------------------------------------------
def test_mapping_page_shows_the_sample_and_the_template_columns(wizard_of, tmp_path):
    wizard = wizard_of()
    to_mapping(wizard, good_file(tmp_path))
    page = wizard.mapping
    assert page.table.columnCount() == len(HEADER)
    assert page.table.item(2, 0).text() == "F0001"  # first data row under the combos
    assert [c.currentData() for c in page.combos] == HEADER
    assert page.table.item(page.HOW_ROW, 0).text() == "template header"
    assert "template" in page.source_label.text()
    assert page.isComplete()


def test_missing_and_ambiguous_fields_are_said_and_mapping_edits_change_the_result(
    wizard_of, tmp_path, ui_services
):
    header = ["code", "Firmenname", "city", "tier"]
    path = write_csv(
        tmp_path / "odd.csv", [header, ["F1", "甲公司", "杭州", "A"], ["F2", "乙公司", "成都", "B"]]
    )
    wizard = wizard_of()
    to_mapping(wizard, path)
    page = wizard.mapping
    assert not page.isComplete()  # Next is off: the legal name has no column
    assert "Legal name" in page.status_label.text() or "legal" in page.status_label.text().lower()
    name_combo = page.combos[1]
    name_combo.setCurrentIndex(name_combo.findData("city"))  # city twice: ambiguous
    assert not page.isComplete()
    assert "more than one column" in page.status_label.text()
    name_combo.setCurrentIndex(name_combo.findData("legal_name"))
    assert page.isComplete()
    assert page.mapping()["Firmenname"] == "legal_name"
    wizard.next()
    assert wizard.check.isComplete(), wizard.check.summary.text()
    assert "create all 2" in wizard.check.summary.text()
    before = franchisee_count(ui_services)
    wizard.next()
    assert wizard.final.result.ok and wizard.final.result.imported == 2
    assert franchisee_count(ui_services) == before + 2
    assert "2 created" in wizard.final.message.text()


def test_an_unreadable_file_says_why_and_goes_no_further(wizard_of, tmp_path):
    path = tmp_path / "broken.xlsx"
    path.write_bytes(b"this is not a workbook")
    wizard = wizard_of()
    to_mapping(wizard, path)
    assert wizard.mapping.preview.problems
    assert not wizard.mapping.isComplete()
    assert wizard.mapping.status_label.text()


def test_saved_mapping_round_trip(wizard_of, tmp_path, ui_services, ui_users, qtbot):
    header = ["编号", "Firmenname", "城市", "级别"]
    path = write_csv(tmp_path / "old.csv", [header, ["F1", "甲公司", "杭州", "A"]])
    wizard = wizard_of()
    to_mapping(wizard, path)
    page = wizard.mapping
    page.combos[1].setCurrentIndex(page.combos[1].findData("legal_name"))
    page.save_as("老系统")
    saved = ui_services.imports.mappings.get("老系统", "franchisees")
    assert saved.columns["Firmenname"] == "legal_name"
    assert page.saved_combo.currentData() == "老系统"

    # a second file of the same shape: the saved mapping applied from the list
    other = write_csv(tmp_path / "old2.csv", [header, ["F2", "乙公司", "成都", "B"]])
    second = wizard_of()
    to_mapping(second, other)
    assert not second.mapping.isComplete()  # guessed alone, Firmenname stays unmapped
    second.mapping.saved_combo.setCurrentIndex(second.mapping.saved_combo.findData("老系统"))
    second.mapping.apply_saved()
    assert second.mapping.preview.mapping_name == "老系统"
    assert second.mapping.combos[1].currentData() == "legal_name"
    assert second.mapping.table.item(second.mapping.HOW_ROW, 1).text() == "saved mapping"
    assert "老系统" in second.mapping.source_label.text()
    assert second.mapping.isComplete()

    # overwrite with the version read; another user's save in between is a conflict, said in words
    second.mapping.combos[2].setCurrentIndex(0)  # 城市 no longer imported
    second.mapping.save_as("老系统", overwrite=True)
    assert ui_services.imports.mappings.get("老系统", "franchisees").columns["城市"] == ""
    ui_services.imports.mappings.save(
        ui_users["admin"], "老系统", "franchisees", saved.columns, expected_version=saved.version + 1
    )
    second.mapping.save_as("老系统", overwrite=True)  # its version is stale now
    box = error_box(qtbot, second)
    assert "another user" in box.text().lower() or "changed" in box.text().lower()
    box.close()


def test_a_saved_mapping_is_deleted_from_the_wizard(wizard_of, tmp_path, ui_services, ui_users):
    header = ["编号", "Firmenname", "城市", "级别"]
    ui_services.imports.mappings.save(
        ui_users["admin"], "旧表", "franchisees", {"编号": "code", "Firmenname": "legal_name"}
    )
    wizard = wizard_of()
    to_mapping(wizard, write_csv(tmp_path / "old.csv", [header, ["F1", "甲公司", "杭州", "A"]]))
    page = wizard.mapping
    assert not page.delete_button.isEnabled()  # nothing chosen yet
    page.saved_combo.setCurrentIndex(page.saved_combo.findData("旧表"))
    assert page.delete_button.isEnabled() and page.apply_button.isEnabled()
    page.delete_saved(confirm=False)  # the user said no
    assert "旧表" in ui_services.imports.mappings.names("franchisees")
    page.delete_saved(confirm=True)
    assert "旧表" not in ui_services.imports.mappings.names("franchisees")
    assert page.saved_combo.findData("旧表") < 0
    assert not page.delete_button.isEnabled() and not page.saved_combo.isEnabled()
    assert "旧表" in page.source_label.text()


# ----- step 3 and 4 -----------------------------------------------------------------------------------
def test_a_good_file_imports_and_the_list_hears_of_it(wizard_of, tmp_path, qtbot, ui_services):
    wizard = wizard_of()
    to_check(wizard, write_xlsx(tmp_path / "good.xlsx", [HEADER, *good_rows(3)]))
    check = wizard.check
    assert check.isComplete()
    assert "create all 3" in check.summary.text()
    assert not check.problems.isVisible()
    assert franchisee_count(ui_services) == 0  # the check wrote nothing
    assert wizard.button(QWizard.WizardButton.CommitButton).text().replace("&", "") == "Import"
    heard = []
    wizard.ctx.bus.changed.connect(heard.append)
    with qtbot.waitSignal(wizard.imported) as signal:
        wizard.next()
    assert signal.args[0].imported == 3
    assert franchisee_count(ui_services) == 3
    assert "3 created, 0 updated, 0 skipped" in wizard.final.message.text()
    assert heard and any(c.touches(*c.entities) for c in heard)
    assert wizard.final.isComplete()


def test_a_bad_file_lists_its_problems_and_writes_nothing(wizard_of, tmp_path, ui_services):
    rows = good_rows(3)
    rows[1][4] = bad_check(rows[1][4])  # row 3: a typo in the credit code
    rows[2][0] = ""  # row 4: no code
    wizard = wizard_of()
    to_check(wizard, write_csv(tmp_path / "bad.csv", [HEADER, *rows]))
    check = wizard.check
    assert not check.isComplete()  # Import stays off
    listed = check.problem_rows()
    assert {r[0] for r in listed} == {"3", "4"}
    assert any("check character" in r[2] for r in listed)
    assert "problem" in check.summary.text()
    check.copy_problems()
    assert "check character" in QApplication.clipboard().text()
    out = tmp_path / "problems.csv"
    check.export_problems(str(out))
    assert "check character" in out.read_text(encoding="utf-8-sig")
    assert franchisee_count(ui_services) == 0


def test_cancel_during_the_check_writes_nothing_and_keeps_import_off(wizard_of, tmp_path, ui_services):
    class HeldRunner(TaskRunner):
        """Holds every job until the test runs it: a check still running when the user cancels."""

        def __init__(self):
            super().__init__()
            self.held = []

        def _start(self, task, fn, args, kwargs, write):
            from hqdesk.ui.tasks import _Job

            self.held.append(_Job(task, fn, args, kwargs, write))

        def run_all(self):
            while self.held:
                self.held.pop(0).run()
                QApplication.processEvents()

    runner = HeldRunner()
    wizard = wizard_of(runner=runner)
    wizard.pick.set_file(str(good_file(tmp_path)))
    wizard.next()
    runner.run_all()  # the preview
    assert wizard.mapping.isComplete()
    wizard.next()
    check = wizard.check
    assert check.task is not None and check.progress.isVisible()
    assert not check.isComplete()
    check.cancel_button.click()
    runner.run_all()  # the dry run finishes after the cancel: its result is dropped
    assert check.result is None and check.cancelled
    assert not check.isComplete()
    assert "stopped" in check.summary.text().lower()
    assert franchisee_count(ui_services) == 0
    check.again_button.click()
    runner.run_all()
    assert check.isComplete()


def test_a_role_without_the_right_cannot_open_it(make_ctx, ui_users, qtbot, ui_services, tmp_path):
    from hqdesk.ui.views.franchisees import FranchiseesView
    from hqdesk.ui.views.import_wizard import open_import_wizard

    viewer = make_ctx(ui_users["viewer"])
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    assert open_import_wizard(viewer, parent) is None
    box = error_box(qtbot, parent)
    assert "may not" in box.text()
    box.close()
    view = FranchiseesView(viewer)
    qtbot.addWidget(view)
    assert "importFranchisees" not in [a.objectName() for a in view.table.actions()]  # not in the list's menu
    admin_view = FranchiseesView(make_ctx(ui_users["admin"]))
    qtbot.addWidget(admin_view)
    assert "importFranchisees" in [a.objectName() for a in admin_view.table.actions()]
    with pytest.raises(PermissionDenied):  # and the service refuses it too
        ui_services.imports.franchisees.preview(ui_users["viewer"], good_file(tmp_path))


def test_the_list_menu_opens_the_wizard(make_ctx, ui_users, qtbot):
    from hqdesk.ui.views.franchisees import FranchiseesView
    from hqdesk.ui.views.import_wizard import ImportWizard

    view = FranchiseesView(make_ctx(ui_users["admin"]))
    qtbot.addWidget(view)
    view.import_action.trigger()  # the list's context menu (beside Export to Excel or CSV…)
    wizard = next(w for w in QApplication.topLevelWidgets() if isinstance(w, ImportWizard) and w.isVisible())
    assert wizard.entity == "franchisees"
    dispose(wizard)


class RecordingImporter:
    """The real importer's preview; import_file answers with the duplicates the contract describes (two rows
    already in hqdesk: row 2 by code, row 4 by legal name) and records what the wizard asked for."""

    def __init__(self, real):
        self.real, self.calls = real, []

    def preview(self, *args, **kwargs):
        return self.real.preview(*args, **kwargs)

    def import_file(self, actor, path, *, dry_run=False, on_duplicate="refuse", decisions=None, **kwargs):
        from hqdesk.services.imports.plan import DuplicateMatch
        from hqdesk.services.imports.problems import ImportResult

        self.calls.append((dry_run, on_duplicate, dict(decisions or {}), kwargs.get("mapping")))
        decisions = decisions or {}
        dups = (
            DuplicateMatch(2, "code", 11, "JX0001", "杭州金辉珠宝有限公司", decisions.get(2, on_duplicate)),
            DuplicateMatch(
                4, "legal_name", 12, "JX0002", "成都福满堂黄金首饰有限公司", decisions.get(4, on_duplicate)
            ),
        )
        updated = sum(d.action == "update" for d in dups)
        skipped = sum(d.action == "skip" for d in dups)
        created = 0 if dry_run else 3 - updated - skipped
        return ImportResult(
            str(path),
            3,
            created,
            dry_run,
            updated=0 if dry_run else updated,
            skipped=skipped,
            duplicates=dups,
        )


def test_duplicates_default_then_per_row_choices_reach_the_import(wizard_of, tmp_path, ui_services):
    wizard = wizard_of()
    importer = RecordingImporter(ui_services.imports.franchisees)
    services = type("S", (), {})()
    services.imports = type("I", (), {"importer": staticmethod(lambda entity: importer)})()
    services.imports.mappings = ui_services.imports.mappings
    object.__setattr__(wizard.ctx, "services", services)  # only the importer is recorded
    for page in (wizard.pick, wizard.mapping, wizard.check, wizard.final):
        page.ctx = wizard.ctx
    to_check(wizard, good_file(tmp_path))
    check = wizard.check
    assert check.duplicates.rowCount() == 2 and not check.duplicates.isHidden()
    assert importer.calls[-1][:3] == (True, "skip", {})  # skip for all, by default
    by_code, by_name = check.duplicates.cellWidget(0, 4), check.duplicates.cellWidget(1, 4)
    assert [by_code.itemData(i) for i in range(by_code.count())] == ["update", "skip"]
    assert [by_name.itemData(i) for i in range(by_name.count())] == ["update", "skip", "create"]
    check.default_combo.setCurrentIndex(check.default_combo.findData("update"))
    check._recheck.timeout.emit()  # the debounced check, at once
    assert importer.calls[-1][:3] == (True, "update", {})
    check.decide(4, "create")
    assert not check.isComplete()  # a choice changed: Import waits for the check
    check._recheck.timeout.emit()
    assert importer.calls[-1][:3] == (True, "update", {4: "create"})
    assert "create 2, update 1 and skip 0" in check.summary.text()
    assert check.isComplete()
    wizard.next()
    assert importer.calls[-1][:3] == (False, "update", {4: "create"})
    assert "2 created, 1 updated, 0 skipped" in wizard.final.message.text()


def test_the_file_menu_offers_the_wizard_to_roles_that_may_import(make_ctx, ui_users, qtbot):
    from PySide6.QtGui import QAction

    from hqdesk.ui.main_window import MainWindow
    from hqdesk.ui.views.import_wizard import ImportWizard

    viewer_window = MainWindow(make_ctx(ui_users["viewer"]))
    qtbot.addWidget(viewer_window)
    refused = viewer_window.findChild(QAction, "importAction")
    assert not refused.isEnabled() and "may not import" in refused.toolTip()
    window = MainWindow(make_ctx(ui_users["admin"]))
    qtbot.addWidget(window)
    action = window.findChild(QAction, "importAction")
    assert action.isEnabled()
    action.trigger()
    wizard = window.findChild(ImportWizard)
    assert wizard is not None and wizard.isVisible()
    dispose(wizard)


def test_stores_import_through_the_wizard(wizard_of, tmp_path, ui_services, ui_users, sample_franchisees):
    """Another entity: stores of existing franchisees, the template's Chinese headers guessed."""
    from hqdesk.services.imports.templates import template_headers

    header = [h.rstrip("*") for h in template_headers("stores", "zh")]
    row = {"franchisee_code": "JX0001", "name": "金辉西湖店", "city": "杭州"}
    en = [h.rstrip("*") for h in template_headers("stores", "en")]
    path = write_csv(tmp_path / "门店.csv", [header, [row.get(name, "") for name in en]])
    wizard = wizard_of()
    wizard.pick.entity_combo.setCurrentIndex(wizard.pick.entity_combo.findData("stores"))
    to_check(wizard, path)
    assert wizard.check.isComplete(), wizard.check.summary.text()
    wizard.next()
    assert wizard.final.result.ok and wizard.final.result.imported == 1
    stores = ui_services.stores.list(ui_users["admin"], sample_franchisees[0].id)
    assert [s.data.name for s in stores] == ["金辉西湖店"]


def test_duplicate_decisions_update_one_skip_one(wizard_of, tmp_path, ui_services, sample_franchisees):
    """Rows matching JX0001 (by code) and JX0002 (by code): the default skips both; row 2 is set to update."""
    header = ["code", "legal_name", "city", "tier", "tags"]
    rows = [
        ["JX0001", "杭州金辉珠宝有限公司", "杭州", "A", "重点客户"],
        ["JX0002", "成都福满堂黄金首饰有限公司", "成都", "B", "重点客户"],
        ["NEW001", "苏州新悦珠宝有限公司", "苏州", "B", ""],
    ]
    wizard = wizard_of()
    to_check(wizard, write_csv(tmp_path / "dups.csv", [header, *rows]))
    check = wizard.check
    assert check.duplicates.rowCount() == 2 and check.duplicates.isVisible()
    assert check.on_duplicate == "skip"
    assert {d.row: d.action for d in check.result.duplicates} == {2: "skip", 3: "skip"}
    by_code = check.duplicates.cellWidget(0, 4)
    assert [by_code.itemData(i) for i in range(by_code.count())] == ["update", "skip"]  # no "create" by code
    check.decide(2, "update")
    check._recheck.timeout.emit()  # the debounced check, at once
    assert check.isComplete(), check.summary.text()
    assert "create 1, update 1 and skip 1" in check.summary.text()
    wizard.next()
    result = wizard.final.result
    assert (result.imported, result.updated, result.skipped) == (1, 1, 1)
    admin = ui_services.users.actor("admin")
    assert "重点客户" in ui_services.franchisees.get(admin, sample_franchisees[0].id).data.tags
    assert "重点客户" not in ui_services.franchisees.get(admin, sample_franchisees[1].id).data.tags
