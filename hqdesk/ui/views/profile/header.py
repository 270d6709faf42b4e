"""The profile's header: name, code, status/tier/archived badges, the actions, the read-only note and the
message line (saved, validation, conflicts).

In a narrow splitter pane the actions move under the badges (``fit``) rather than widening the editor.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QKeySequence, QPainter
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLayout,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from hqdesk.domain.franchisee import STATUS_LABELS, LifecycleStatus
from hqdesk.services.dto import FranchiseeDetail
from hqdesk.services.profile import ANOTHER_USER, Notice
from hqdesk.ui.dialogs.status_dialog import status_since
from hqdesk.ui.i18n import tr_enum, tr_message

STATUS_COLORS = {
    LifecycleStatus.PROSPECT: "#2e86c1",
    LifecycleStatus.ACTIVE: "#1e8449",
    LifecycleStatus.SUSPENDED: "#ca6f1e",
    LifecycleStatus.TERMINATED: "#7b7d7d",
}
TIER_COLOR = "#8e7cc3"
ARCHIVED_COLOR = "#566573"


class ElidedLabel(QLabel):
    """A one-line label that shortens long text with "…" instead of pushing the buttons away."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setMinimumWidth(80)

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        metrics = self.fontMetrics()
        text = metrics.elidedText(self.text(), Qt.TextElideMode.ElideRight, self.width())
        painter.drawText(self.rect(), int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft), text)


def _badge(object_name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(object_name)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    return label


def set_badge(label: QLabel, text: str, background: str) -> None:
    label.setText(text)
    label.setStyleSheet(
        f"QLabel {{ background: {background}; color: white; border-radius: 9px;"
        " padding: 2px 10px; font-weight: bold; }"
    )


def notice_text(notice: Notice) -> str:
    """A service's Notice in the UI language."""
    params = dict(notice.params)
    if "role" in params:
        params["role"] = tr_enum(params["role"])
    if params.get("manager") == ANOTHER_USER:
        params["manager"] = tr_message("Profile", ANOTHER_USER)
    return tr_message("Profile", notice.template, params) if notice else ""


class ProfileHeader(QWidget):
    """Title line, badges and actions, the read-only note and the message line."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.title = ElidedLabel()
        self.title.setObjectName("profileTitle")
        font = QFont(self.title.font())
        if font.pointSizeF() > 0:
            font.setPointSizeF(font.pointSizeF() * 1.4)
        else:
            font.setPixelSize(round(font.pixelSize() * 1.4))
        font.setBold(True)
        self.title.setFont(font)
        layout.addWidget(self.title)
        row = QHBoxLayout()
        row.setSpacing(8)
        actions = QHBoxLayout()
        actions.setSpacing(6)
        actions.addStretch(1)
        self.code_label = QLabel()
        self.code_label.setObjectName("codeLabel")
        self.code_label.setStyleSheet("color: #5d6d7e;")
        self.code_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status_badge = _badge("statusBadge")
        self.tier_badge = _badge("tierBadge")
        self.archived_badge = _badge("archivedBadge")
        self.unsaved_label = QLabel("• " + self.tr("unsaved"))
        self.unsaved_label.setObjectName("unsavedLabel")
        self.unsaved_label.setStyleSheet("color: #ca6f1e; font-weight: bold;")
        for w in (
            self.code_label,
            self.status_badge,
            self.tier_badge,
            self.archived_badge,
            self.unsaved_label,
        ):
            row.addWidget(w)
        row.addStretch(1)
        self._badges, self._actions = row, actions
        self.header_line = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.header_line.setSpacing(6)
        self.header_line.addLayout(row, 1)
        self.header_line.addLayout(actions)
        self.status_button = QPushButton(self.tr("Change status…"))
        self.status_button.setObjectName("statusButton")
        self.archive_button = QPushButton(self.tr("Archive…"))
        self.archive_button.setObjectName("archiveButton")
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setObjectName("cancelButton")
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setObjectName("saveButton")
        key = QKeySequence(QKeySequence.StandardKey.Save).toString(QKeySequence.SequenceFormat.NativeText)
        self.save_button.setToolTip(self.tr("Save ({key})").format(key=key))
        self.save_button.setDefault(True)
        for b in (self.status_button, self.archive_button, self.cancel_button, self.save_button):
            actions.addWidget(b)
        line = QWidget()
        line.setLayout(self.header_line)
        self.header_line.setContentsMargins(0, 0, 0, 0)
        # the header never sets the editor's minimum width: fit() stacks it instead
        self.header_line.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        line.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        layout.addWidget(line)
        self.read_only_note = QLabel()
        self.read_only_note.setObjectName("readOnlyNote")
        self.read_only_note.setWordWrap(True)
        self.read_only_note.setStyleSheet("color: #5d6d7e; font-style: italic;")
        layout.addWidget(self.read_only_note)
        self.message = QLabel()
        self.message.setObjectName("profileMessage")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        rule = QFrame()
        rule.setFrameShape(QFrame.Shape.HLine)
        rule.setFrameShadow(QFrame.Shadow.Sunken)
        layout.addWidget(rule)

    def set_note(self, text: str) -> None:
        self.read_only_note.setText(text)
        self.read_only_note.setVisible(bool(text))

    def show_message(self, text: str, error: bool = False, warning: bool = False, ok: bool = False) -> None:
        color = "#c0392b" if error else "#b9770e" if warning else "#1e8449" if ok else "#5d6d7e"
        self.message.setStyleSheet(f"color: {color};" + (" font-weight: bold;" if ok else ""))
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def show_new(self) -> None:
        self.title.setText(self.tr("New franchisee"))
        self.code_label.setText("")
        self.code_label.hide()
        prospect = LifecycleStatus.PROSPECT
        set_badge(self.status_badge, tr_enum(STATUS_LABELS[prospect]), STATUS_COLORS[prospect])
        self.tier_badge.hide()
        self.archived_badge.hide()

    def show_franchisee(self, d: FranchiseeDetail) -> str:
        """Name, code and badges of ``d``; returns the status line for the form ("Status: Active since …")."""
        self.title.setText(d.data.legal_name)
        self.title.setToolTip(d.data.legal_name)
        self.code_label.setText(d.data.code)
        self.code_label.show()
        set_badge(self.status_badge, tr_enum(STATUS_LABELS[d.status]), STATUS_COLORS[d.status])
        self.status_badge.setToolTip(status_since(d))
        set_badge(self.tier_badge, self.tr("Tier {tier}").format(tier=d.data.tier), TIER_COLOR)
        self.tier_badge.show()
        set_badge(self.archived_badge, self.tr("Archived"), ARCHIVED_COLOR)
        self.archived_badge.setVisible(d.archived)
        self.archive_button.setText(self.tr("Restore from archive") if d.archived else self.tr("Archive…"))
        line = self.tr("Status: {status}").format(status=status_since(d))
        return line + (" · " + self.tr("archived") if d.archived else "")

    def fit(self, width: int) -> None:
        """Actions beside the badges where there is room, below them otherwise."""
        needed = self._badges.sizeHint().width() + self._actions.sizeHint().width() + 40
        direction = QBoxLayout.Direction.LeftToRight if width >= needed else QBoxLayout.Direction.TopToBottom
        if self.header_line.direction() != direction:
            self.header_line.setDirection(direction)


__all__ = [
    "ProfileHeader",
    "notice_text",
    "ElidedLabel",
    "set_badge",
    "STATUS_COLORS",
    "TIER_COLOR",
    "ARCHIVED_COLOR",
]
