#!/usr/bin/env python3
"""README screenshots from the real app (developer tool).

  python .ci/screenshots.py            # both languages, both screen sizes, into resources/screenshots/
  python .ci/screenshots.py en         # one language

For each screen size (1280x720 and 1440x900) starts Xvfb (Debian package xvfb) with a screen of exactly that
size on a free display, runs ``hqdesk --demo`` on a throw-away data folder (the window sizes itself from the
screen, as it does for a user), drives it the way a user would (select a franchisee, edit and save, look at
each tab, try a bad credit code, search, open the users page and the settings) and grabs the window or dialog
after each step, as ``<step>_<size>_<language>.png``. ImageMagick, when present, shrinks the PNGs.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "resources" / "screenshots"
SEARCH = "杭州"
SIZES = ((1280, 720), (1440, 900))


def drive(lang: str, out: Path, size: str) -> int:
    """Runs inside the app's process: the QApplication exists before hqdesk.app.main() reuses it (hqdesk.ui.startup)."""
    sys.path.insert(0, str(ROOT))  # this checkout's hqdesk, not an installed one
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv[:1])
    from hqdesk.app import main
    from hqdesk.ui.main_window import MainWindow
    from hqdesk.ui.views.franchisees import FranchiseesView

    def window():
        return next(
            (w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()), None
        )

    def shot(name: str, widget=None) -> None:
        (widget or window()).grab().save(str(out / f"{name}_{size}_{lang}.png"))
        print("saved", name, size, lang, flush=True)

    def view() -> FranchiseesView:
        return window().findChild(FranchiseesView)

    def ready() -> bool:
        w = window()
        if w is None:
            return False
        return view().model.rowCount() > 0

    def select():
        view().table.selectRow(3)

    def edit_and_save():
        shot("profile")
        ed = view().editor
        ed.tags.setText(ed.tags.text() + (", 年会嘉宾" if lang == "zh_CN" else ", gala guest"))
        ed.notes.setPlainText(ed.notes.toPlainText() + "\n11月回访：店长希望增加古法金新品。")
        ed.save()

    def tab(name):
        def step():
            ed = view().editor
            ed.tabs.setCurrentWidget(getattr(ed, f"{name}_tab"))

        return step

    def bad_input():
        ed = view().editor
        ed.tabs.setCurrentWidget(ed.profile_tab)
        ed.uscc.setText(ed.uscc.text()[:-1] + ("X" if ed.uscc.text()[-1] != "X" else "Y"))
        ed.registered_capital.setText("-5")
        ed.save()

    def search():
        def discard():  # the editor asks before throwing edits away: answer with its default, "Discard"
            box = QApplication.activeModalWidget()
            if box is not None and hasattr(box, "defaultButton") and box.defaultButton() is not None:
                box.defaultButton().click()

        QTimer.singleShot(300, discard)
        view().editor.cancel()
        view().search_box.setText(SEARCH)

    def users():
        window().show_page("users")

    def page(key: str):
        def step():
            window().show_page(key)

        return step

    def franchisee_again():
        view().search_box.setText("")
        window().show_page("franchisees")
        QTimer.singleShot(600, lambda: view().table.selectRow(1))

    def back_to_list():
        window().show_page("franchisees")

    def scroll_down(key: str):
        def step():
            from PySide6.QtWidgets import QScrollArea

            area = window().page(key).findChild(QScrollArea)
            area.verticalScrollBar().setValue(area.verticalScrollBar().maximum())

        return step

    def health_segments():
        window().page("health_analytics").tabs.setCurrentIndex(1)

    state_dialog = {}

    def settings(page: str):
        def step():
            from hqdesk.ui.dialogs.settings import SettingsDialog

            old = state_dialog.pop("dialog", None)
            if old is not None:
                old.reject()
            w = window()
            dialog = SettingsDialog(w.ctx, w.ctx.settings, w.ctx.runner, w)
            dialog.show_page(getattr(dialog, page))
            dialog.show()
            state_dialog["dialog"] = dialog

        return step

    def settings_shot(name: str):
        def step():
            dialog = state_dialog.pop("dialog")
            shot(name, dialog)
            dialog.reject()

        return step

    def letters_tab():
        window().show_page("franchisees")
        ed = view().editor
        ed.tabs.setCurrentWidget(next(t for t in ed.page_tabs if t.name == "letters"))

    def letters_plan():
        page = window().page("letters")
        page.writer.form.set_kind("festival")
        page.writer.plan()

    def letter_templates():
        window().page("letters").show_templates()

    wizard_state = {}

    def wizard_files() -> tuple[Path, Path]:
        """A good file (Chinese headers, one column the import does not know) and one with two bad rows."""
        import csv

        folder = Path(tempfile.mkdtemp(prefix="hqdesk-import-"))
        header = [
            "编码",
            "公司名称",
            "城市",
            "等级",
            "统一社会信用代码",
            "联系人",
            "联系人手机",
            "旧系统编号",
        ]
        rows = [
            [f"IMP{i:03d}", f"{city}新悦珠宝有限公司", city, "B", "", name, f"1391234{i:04d}", f"OLD-{i}"]
            for i, (city, name) in enumerate(
                [("苏州", "周敏"), ("无锡", "吴磊"), ("南京", "郑洁"), ("合肥", "孙浩"), ("温州", "钱芳")],
                start=1,
            )
        ]
        good, bad = folder / "新加盟商.csv", folder / "新加盟商-有错.csv"
        for path, data in (
            (good, rows),
            (bad, rows[:2] + [["", "无编码珠宝行", "宁波", "B", "913301", "", "", ""]]),
        ):
            with path.open("w", encoding="utf-8-sig", newline="") as f:
                csv.writer(f).writerows([header, *data])
        return good, bad

    def wizard_open(which: int):
        def step():
            from hqdesk.ui.views.import_wizard import ImportWizard

            old = wizard_state.pop("wizard", None)
            if old is not None:
                old.close()
            files = wizard_state.setdefault("files", wizard_files())
            w = window()
            wizard = ImportWizard(w.ctx, w)
            wizard.pick.set_file(str(files[which]))
            wizard.show()
            wizard_state["wizard"] = wizard

        return step

    def wizard_next():
        wizard_state["wizard"].next()

    def wizard_shot(name: str):
        def step():
            shot(name, wizard_state["wizard"])

        return step

    def wizard_close():
        wizard_state.pop("wizard").close()

    steps = [  # (action, wait ms, screenshot after the wait)
        (select, 1500, None),
        (edit_and_save, 1500, None),
        (tab("contacts"), 800, "contacts"),
        (tab("stores"), 800, "stores"),
        (tab("history"), 1200, "history"),
        (bad_input, 1200, "validation"),
        (search, 1500, "search"),
        (franchisee_again, 2000, None),
        (tab("visits"), 1000, "tab_visits"),
        (tab("complaints"), 1000, "tab_complaints"),
        (tab("credit"), 1500, "tab_credit"),
        (tab("ledger"), 1500, "tab_ledger"),
        (page("home"), 2000, "page_today"),
        (page("agenda"), 2000, "page_agenda"),
        (page("visits"), 2000, "page_visits"),
        (page("complaints"), 2000, "page_complaints"),
        (page("aging"), 2500, "page_aging"),
        (page("dunning"), 2000, "page_dunning"),
        (page("credit_policy"), 2000, "page_credit_policy"),
        (page("simulator"), 2500, "page_simulator"),
        (users, 1200, "users"),
        (back_to_list, 300, None),
        (settings("database"), 800, None),
        (settings_shot("settings_database"), 100, None),
        (settings("company"), 1000, None),
        (settings_shot("settings_company"), 100, None),
        (settings("letter_settings"), 1000, None),
        (settings_shot("settings_letters"), 100, None),
        (franchisee_again, 2000, None),
        (tab("analytics"), 3000, "tab_analytics"),
        (page("sales_analytics"), 3500, "page_sales"),
        (page("receivables_analytics"), 4000, "page_receivables"),
        (scroll_down("receivables_analytics"), 800, "page_receivables_more"),
        (page("relationship_analytics"), 3500, "page_relationship"),
        (page("health_analytics"), 4000, "page_health"),
        (health_segments, 1000, "page_health_segments"),
        (letters_tab, 1500, "tab_letters"),
        (page("letters"), 1500, None),
        (letters_plan, 3000, "page_letters"),
        (letter_templates, 3000, "page_letter_templates"),
        (page("reports"), 1500, "page_reports"),
        (lambda: window().page("reports").select("sales"), 800, "page_reports_sales"),
        (back_to_list, 300, None),
        (wizard_open(1), 800, None),
        (wizard_shot("import_pick"), 100, None),
        (wizard_next, 1500, None),
        (wizard_shot("import_columns"), 100, None),
        (wizard_next, 2000, None),
        (wizard_shot("import_check_problems"), 100, None),
        (wizard_open(0), 800, None),
        (wizard_next, 1500, None),
        (wizard_next, 2000, None),
        (wizard_shot("import_check"), 100, None),
        (wizard_next, 3000, None),
        (wizard_shot("import_done"), 100, None),
        (wizard_close, 300, None),
    ]
    state = {"waited": 0}

    def start():
        if not ready():
            state["waited"] += 1
            if state["waited"] > 600:
                print("the main window never showed a list", file=sys.stderr)
                app.exit(1)
                return
            QTimer.singleShot(100, start)
            return
        QTimer.singleShot(800, lambda: (shot("list"), run(0)))

    def run(i: int) -> None:
        if i == len(steps):
            app.quit()
            return
        action, wait, name = steps[i]
        action()

        def after():
            if name:
                shot(name)
            run(i + 1)

        QTimer.singleShot(wait, after)

    QTimer.singleShot(300, start)
    return main(["--demo", "--lang", lang])


def free_display() -> int:
    for number in range(77, 120):
        if not Path(f"/tmp/.X11-unix/X{number}").exists() and not Path(f"/tmp/.X{number}-lock").exists():
            return number
    raise SystemExit("no free X display number")


def take(lang: str, width: int, height: int) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    number = free_display()
    size = f"{width}x{height}"
    xvfb = subprocess.Popen(
        ["Xvfb", f":{number}", "-screen", "0", f"{size}x24"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        time.sleep(1)
        with tempfile.TemporaryDirectory() as tmp:
            env = dict(
                os.environ,
                DISPLAY=f":{number}",
                QT_QPA_PLATFORM="xcb",
                HQDESK_DATA_DIR=str(Path(tmp, "data")),
                HQDESK_SETTINGS_DIR=str(Path(tmp, "settings")),
            )
            subprocess.run(
                [sys.executable, __file__, "--drive", lang, str(OUT), size], env=env, check=True, timeout=300
            )
    finally:
        xvfb.terminate()
        xvfb.wait()
    for png in OUT.glob(f"*_{size}_{lang}.png"):
        _palette(png)


def _palette(png: Path) -> None:
    """256 colours, as a small PNG (Pillow comes with ReportLab; a screenshot of the UI loses nothing visible)."""
    from PIL import Image

    with Image.open(png) as image:
        small = image.convert("RGB").quantize(
            colors=256, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE
        )
    small.save(png, optimize=True)


if __name__ == "__main__":
    if sys.argv[1:2] == ["--drive"]:
        sys.exit(drive(sys.argv[2], Path(sys.argv[3]), sys.argv[4]))
    for language in sys.argv[1:] or ["zh_CN", "en"]:
        for w, h in SIZES:
            take(language, w, h)
