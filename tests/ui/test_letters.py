"""The Letters page, the template editor and the profile's Letters tab on real services (SQLite)."""

from __future__ import annotations

from datetime import date

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QTimer

from hqdesk.ui.views.letters import LettersPage

AS_OF = date(2026, 11, 23)


def pick_all(view, services, actor, franchisees):
    """The sample franchisees are prospects: pick them by hand."""
    view.form.set_source("picked")
    view.form.set_pick_results(services.franchisees.rows(actor, [f.id for f in franchisees]))
    view.form.pick([f.id for f in franchisees])


@pytest.fixture
def page(qtbot, make_ctx, ui_users, sample_franchisees, tmp_path):
    widget = LettersPage(make_ctx(ui_users["admin"]), today=AS_OF)
    qtbot.addWidget(widget)
    widget.resize(1130, 680)
    widget.show()
    widget.writer.form.folder_edit.setText(str(tmp_path / "out"))
    return widget


def test_plan_and_write_festival_letters(
    qtbot, qtmodeltester, page, ui_services, ui_users, sample_franchisees
):
    view = page.writer
    view.form.set_kind("festival")
    pick_all(view, ui_services, ui_users["admin"], sample_franchisees)
    view.plan()
    assert view.model.rowCount() == 3 and view.model.written() == 3
    qtmodeltester.check(view.model)
    assert "3 letters to write" in view.summary.text()
    with qtbot.waitSignal(view.finished) as done:
        view.generate()
    outcome = done.args[0]
    assert outcome.count == 3 and outcome.combined.exists()
    assert view.preview is not None and view.preview.page_count() >= 3
    text = "".join(p.extract_text() for p in PdfReader(outcome.combined).pages)
    assert "杭州金辉珠宝有限公司" in text or "王" in text
    history = ui_services.letters.history(ui_users["admin"], sample_franchisees[0].id)
    assert len(history) == 1


def test_cancel_leaves_no_history_and_the_event_loop_runs(
    qtbot, make_ctx, ui_services, ui_users, sample_franchisees, tmp_path
):
    from hqdesk.ui.context import ChangeBus, UiContext
    from hqdesk.ui.settings import open_settings
    from hqdesk.ui.tasks import TaskRunner

    runner = TaskRunner()
    ctx = UiContext(ui_services, ui_users["admin"], runner, ChangeBus(), open_settings())
    page = LettersPage(ctx, today=AS_OF)
    qtbot.addWidget(page)
    view = page.writer
    view.form.folder_edit.setText(str(tmp_path / "out"))
    view.form.set_kind("festival")
    pick_all(view, ui_services, ui_users["admin"], sample_franchisees)
    with qtbot.waitSignal(view.planned, timeout=20000):
        view.plan()
    ticks = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(1)
    from PySide6.QtCore import Qt

    original = runner.submit

    def submit(fn, *args, **kwargs):  # cancel from the worker right after the first letter
        task = original(fn, *args, **kwargs)
        if kwargs.get("with_context"):
            task.signals.progress.connect(
                lambda d, t: task.context.cancel(), Qt.ConnectionType.DirectConnection
            )
        return task

    runner.submit = submit
    with qtbot.waitSignal(view.cancelled, timeout=30000):
        view.generate()
    timer.stop()
    assert ticks, "the event loop did not run during the batch"
    runner.wait()
    for f in sample_franchisees:
        assert ui_services.letters.history(ui_users["admin"], f.id) == []
    assert "Cancelled" in view.status_label.text()


def test_template_error_shows_the_line_and_does_not_save(qtbot, page, ui_services, ui_users):
    panel = page.show_templates()
    qtbot.waitUntil(lambda: panel.model.rowCount() > 0)
    qtbot.waitUntil(lambda: panel.editor.toPlainText() != "")
    before = ui_services.letters.templates(ui_users["admin"])
    panel.editor.setPlainText(panel.editor.toPlainText() + "\n{% if %}\n")
    bad_line = panel.editor.blockCount() - 1
    panel.render_preview()
    qtbot.waitUntil(lambda: panel.error_label.isVisible())
    assert panel.editor.error_line() == bad_line
    assert f"Line {bad_line}" in panel.error_label.text()
    panel.save()
    assert ui_services.letters.templates(ui_users["admin"]) == before
    assert panel.dirty()  # the text stays in the editor
    qtmodeltester_free = panel.model.rowCount()
    assert qtmodeltester_free > 0


def test_template_preview_and_save(qtbot, qtmodeltester, page, ui_services, ui_users):
    panel = page.show_templates()
    qtbot.waitUntil(lambda: panel.editor.toPlainText() != "")
    qtmodeltester.check(panel.model)
    qtbot.waitUntil(lambda: panel.preview is not None and panel.preview.page_count() > 0)
    panel.editor.setPlainText(panel.editor.toPlainText() + "\n{{ contact.greeting }}\n")
    with qtbot.waitSignal(panel.saved):
        panel.save()
    assert not panel.dirty()


def test_profile_letters_tab_reprints_identical_bytes(
    qtbot, qtmodeltester, page, make_ctx, ui_services, ui_users, sample_franchisees, tmp_path
):
    from hqdesk.ui.views.profile import ProfileEditor

    view = page.writer
    view.form.set_kind("festival")
    pick_all(view, ui_services, ui_users["admin"], sample_franchisees)
    with qtbot.waitSignal(view.finished):
        view.generate()
    editor = ProfileEditor(make_ctx(ui_users["admin"]))
    qtbot.addWidget(editor)
    editor.show()
    editor.load(sample_franchisees[0].id)
    tab = next(t for t in editor.page_tabs if t.name == "letters")
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1)
    qtmodeltester.check(tab.model)
    history = ui_services.letters.history(ui_users["admin"], sample_franchisees[0].id)[0]
    original = ui_services.letters.reprint(ui_users["admin"], history.id)
    tab.view.selectRow(0)
    target = tmp_path / "again.pdf"
    tab._with_pdf(lambda _row, path, _name: tab.save_to(path, str(target)))
    qtbot.waitUntil(target.exists)
    assert target.read_bytes() == original


def test_contact_dialog_keeps_and_sets_the_letter_language(
    qtbot, make_ctx, ui_services, ui_users, sample_franchisees
):
    """Before: the dialog had no such field and saved every edited contact with no preferred language."""
    import dataclasses

    from hqdesk.ui.dialogs.contact_dialog import ContactDialog

    admin, fid = ui_users["admin"], sample_franchisees[0].id
    contact = ui_services.contacts.list(admin, fid)[0]
    ui_services.contacts.update(
        admin, contact.id, contact.version, dataclasses.replace(contact.data, preferred_language="en")
    )
    contact = ui_services.contacts.list(admin, fid)[0]
    dialog = ContactDialog(make_ctx(admin), fid, contact)
    qtbot.addWidget(dialog)
    assert dialog.preferred_language.currentData() == "en"
    data, errors = dialog.collect()
    assert errors == [] and data.preferred_language == "en"
    dialog.preferred_language.setCurrentIndex(dialog.preferred_language.findData("zh_CN"))
    assert dialog.collect()[0].preferred_language == "zh_CN"


def test_the_recipient_list_says_exactly_why_a_franchisee_gets_no_letter(
    qtbot, page, ui_services, ui_users, sample_franchisees
):
    """Store anniversaries for three picked franchisees without a store: each row says why (not a vague
    catch-all); a name no font can print is left out with the character named, and the batch writes the rest."""
    view = page.writer
    view.form.set_kind("store_anniversary")
    pick_all(view, ui_services, ui_users["admin"], sample_franchisees)
    view.plan()
    assert view.model.rowCount() == 3 and view.model.written() == 0
    remarks = {view.model.index(r, 5).data() for r in range(3)}
    assert remarks == {"Skipped: no store with an opening date"}

    from sqlalchemy import text

    with ui_services.db.write("admin") as s:
        s.execute(
            text("UPDATE contacts SET name = '刘䶮' WHERE franchisee_id = :f"),
            {"f": sample_franchisees[1].id},
        )
        s.commit()
    view.form.set_kind("festival")
    view.plan()
    assert view.model.rowCount() == 3 and view.model.written() == 2
    remarks = [view.model.index(r, 5).data() for r in range(3)]
    assert any(r.startswith("Skipped: no font has the character 䶮 (contact.") for r in remarks), remarks
    with qtbot.waitSignal(view.finished) as done:
        view.generate()
    assert done.args[0].count == 2
    assert ui_services.letters.history(ui_users["admin"], sample_franchisees[1].id) == []
