#!/usr/bin/env python3
"""Screenshots of the complaint screens in both languages (developer tool), offscreen, on a throw-away demo
database of 300 franchisees:

  python .ci/screenshots_complaints.py OUT_DIR

the queue (all open, overdue only), the complaint form (an overdue one, a closed one, a new one), a step, the
franchisee's Complaints tab and Settings > Complaints, as ``<screen>_<language>.png``.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main(out: Path) -> int:
    sys.path.insert(0, str(ROOT))
    tmp = tempfile.mkdtemp(prefix="hqdesk-shots-")
    os.environ["HQDESK_DATA_DIR"] = os.environ["HQDESK_SETTINGS_DIR"] = tmp
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QFont, QFontDatabase
    from PySide6.QtWidgets import QApplication

    app = QApplication([])
    from hqdesk.demo import generate_demo
    from hqdesk.domain.complaints import ComplaintStatus
    from hqdesk.resources import resource_path
    from hqdesk.services.bootstrap import open_services
    from hqdesk.services.complaints import QueueFilter
    from hqdesk.ui.context import ChangeBus, UiContext
    from hqdesk.ui.dialogs.complaint_dialog import ComplaintDialog
    from hqdesk.ui.dialogs.settings.complaints import ComplaintSettingsPage
    from hqdesk.ui.i18n import install_translators
    from hqdesk.ui.settings import open_settings
    from hqdesk.ui.tasks import InlineTaskRunner
    from hqdesk.ui.views.complaints import ComplaintsView
    from hqdesk.ui.views.profile import ProfileEditor

    QFontDatabase.addApplicationFont(str(resource_path("fonts", "wqy-microhei.ttc")))
    app.setFont(QFont(["WenQuanYi Micro Hei"], 10))
    out.mkdir(parents=True, exist_ok=True)
    sv = open_services("sqlite:///" + tmp + "/demo.sqlite3")
    try:
        generate_demo(sv.db, franchisees=300, seed=1, today=date.today())
        zhang, admin = sv.users.actor("zhang"), sv.users.actor("admin")
        mine = sv.complaints.queue(zhang, QueueFilter(assignee_id=zhang.user_id)).rows
        target = next((r for r in mine if r.overdue), mine[0])
        closed = sv.complaints.queue(admin, QueueFilter(statuses=frozenset({ComplaintStatus.CLOSED}))).rows[0]
        for lang in ("zh_CN", "en"):
            install_translators(app, lang)
            ctx = UiContext(sv, zhang, InlineTaskRunner(), ChangeBus(), open_settings())
            shown = []

            def shot(widget, name, lang=lang, shown=shown):
                widget.show()
                app.processEvents()
                widget.grab().save(str(out / f"{name}_{lang}.png"))
                shown.append(widget)

            view = ComplaintsView(ctx)
            view.resize(1280, 640)
            shot(view, "queue")
            view.overdue.setChecked(True)
            shot(view, "queue_overdue")
            dialog = ComplaintDialog(ctx, target.id)
            shot(dialog, "complaint")
            shot(ComplaintDialog(ctx, closed.id), "complaint_closed")
            shot(ComplaintDialog(ctx, None), "complaint_new")
            step = next((s for s, b in dialog.step_buttons.items() if b.isVisibleTo(dialog)), None)
            if step is not None:
                dialog.open_step(step)
                shot(dialog.step, "complaint_step")
            editor = ProfileEditor(ctx)
            editor.resize(1100, 700)
            editor.load(target.franchisee_id)
            editor.tabs.setCurrentWidget(editor.complaints_tab)
            shot(editor, "profile_complaints_tab")
            page = ComplaintSettingsPage(
                UiContext(sv, admin, InlineTaskRunner(), ChangeBus(), open_settings())
            )
            page.resize(760, 760)
            shot(page, "settings_complaints")
            for widget in shown:
                widget.close()
    finally:
        sv.close()
        shutil.rmtree(tmp, ignore_errors=True)
    print("saved in", out)
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        print(__doc__)
        sys.exit(2)
    sys.exit(main(Path(sys.argv[1])))
