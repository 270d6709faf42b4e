"""The letters' tables: who will get which letter (and who is skipped, and why), a franchisee's letter history,
and the templates by kind and language."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor

from hqdesk.domain.i18n import QT_TRANSLATE_NOOP
from hqdesk.ui.i18n import fmt_date, fmt_datetime
from hqdesk.ui.models.base import RowsModel

SKIPPED = QColor("#c0392b")
WARNED = QColor("#b9770e")
LANGUAGE_NAMES = {
    "zh_CN": QT_TRANSLATE_NOOP("LettersModel", "Chinese"),
    "en": QT_TRANSLATE_NOOP("LettersModel", "English"),
}


KIND_NAMES = {
    "festival": QT_TRANSLATE_NOOP("LettersEngine", "Festival greeting"),
    "birthday": QT_TRANSLATE_NOOP("LettersEngine", "Birthday wishes"),
    "store_anniversary": QT_TRANSLATE_NOOP("LettersEngine", "Store anniversary"),
    "invitation": QT_TRANSLATE_NOOP("LettersEngine", "Invitation"),
    "credit_change": QT_TRANSLATE_NOOP("LettersEngine", "Credit-term change"),
    "statement": QT_TRANSLATE_NOOP("LettersEngine", "Account statement"),
    "dunning": QT_TRANSLATE_NOOP("LettersEngine", "Dunning letter"),
}


def language_name(code: str | None) -> str:
    return QCoreApplication.translate("LettersModel", LANGUAGE_NAMES[code]) if code in LANGUAGE_NAMES else ""


@dataclass(frozen=True)
class RecipientRow:
    """One line of the recipient list, in the screen's words (made from the engine's plan)."""

    franchisee_id: int
    code: str
    name: str
    addressee: str  # the salutation or the contact's name; "" when there is none
    language: str | None
    letter: str  # what the letter is about (translated)
    skipped: str = ""  # why no letter is written (translated); "" = one is written
    warnings: tuple[str, ...] = ()  # e.g. characters the font lacks (translated)


class RecipientsModel(RowsModel[RecipientRow]):
    CONTEXT = "LettersModel"
    HEADERS = (
        QT_TRANSLATE_NOOP("LettersModel", "Code"),
        QT_TRANSLATE_NOOP("LettersModel", "Franchisee"),
        QT_TRANSLATE_NOOP("LettersModel", "Addressed to"),
        QT_TRANSLATE_NOOP("LettersModel", "Language"),
        QT_TRANSLATE_NOOP("LettersModel", "Letter"),
        QT_TRANSLATE_NOOP("LettersModel", "Remarks"),
    )

    def cells(self, r: RecipientRow) -> tuple[str, ...]:
        if r.skipped:
            remark = QCoreApplication.translate("LettersModel", "Skipped: {why}").format(why=r.skipped)
        else:
            remark = "; ".join(r.warnings)
        return (r.code, r.name, r.addressee, language_name(r.language), r.letter, remark)

    def role_data(self, row: int, column: int, role: int):
        r = self.row(row)
        if role == Qt.ItemDataRole.ForegroundRole:
            if r.skipped:
                return QBrush(SKIPPED)
            if r.warnings and column == 5:
                return QBrush(WARNED)
        if role == Qt.ItemDataRole.ToolTipRole and column == 5 and (r.skipped or r.warnings):
            return self.text(row, column)
        return None

    def written(self) -> int:
        return sum(1 for r in self.rows() if not r.skipped)

    def skipped(self) -> int:
        return sum(1 for r in self.rows() if r.skipped)

    def warned(self) -> int:
        return sum(1 for r in self.rows() if r.warnings and not r.skipped)


@dataclass(frozen=True)
class HistoryRow:
    """One letter in a franchisee's history (made from the engine's record)."""

    id: int
    created_at: object  # datetime (UTC)
    kind: str  # translated
    language: str | None
    template_version: int | None
    created_by: str  # display name
    about: str = ""  # e.g. the statement's period, the festival


class LetterHistoryModel(RowsModel[HistoryRow]):
    CONTEXT = "LettersModel"
    HEADERS = (
        QT_TRANSLATE_NOOP("LettersModel", "Date"),
        QT_TRANSLATE_NOOP("LettersModel", "Kind"),
        QT_TRANSLATE_NOOP("LettersModel", "About"),
        QT_TRANSLATE_NOOP("LettersModel", "Language"),
        QT_TRANSLATE_NOOP("LettersModel", "Template version"),
        QT_TRANSLATE_NOOP("LettersModel", "By"),
    )

    def cells(self, r: HistoryRow) -> tuple[str, ...]:
        when = fmt_datetime(r.created_at) if hasattr(r.created_at, "hour") else fmt_date(r.created_at)
        return (
            when,
            r.kind,
            r.about,
            language_name(r.language),
            "" if r.template_version is None else str(r.template_version),
            r.created_by,
        )

    def role_data(self, row: int, column: int, role: int):
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 4:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


@dataclass(frozen=True)
class TemplateRow:
    """One template in the editor's list."""

    kind: str  # the kind's key (festival, statement…)
    kind_label: str  # translated
    language: str
    version: int | None
    customised: bool
    updated_by: str = ""
    updated_at: object = None
    key: object = None  # whatever the engine identifies the template by


class TemplatesModel(RowsModel[TemplateRow]):
    CONTEXT = "LettersModel"
    HEADERS = (
        QT_TRANSLATE_NOOP("LettersModel", "Kind"),
        QT_TRANSLATE_NOOP("LettersModel", "Language"),
        QT_TRANSLATE_NOOP("LettersModel", "Version"),
    )

    def cells(self, r: TemplateRow) -> tuple[str, ...]:
        return (r.kind_label, language_name(r.language), "" if r.version is None else str(r.version))

    @staticmethod
    def changed_text(r: TemplateRow) -> str:
        """ "changed 2026-11-20 14:03 by 管理员", or "as shipped" for a default template."""
        if not r.customised:
            return QCoreApplication.translate("LettersModel", "as shipped")
        return QCoreApplication.translate("LettersModel", "changed {when} by {who}").format(
            when=fmt_datetime(r.updated_at) if r.updated_at is not None else "", who=r.updated_by
        )

    def role_data(self, row: int, column: int, role: int):
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.changed_text(self.row(row))
        if role == Qt.ItemDataRole.FontRole and self.row(row).customised and column == 0:
            from PySide6.QtGui import QFont

            font = QFont()
            font.setBold(True)  # changed from the shipped template: easy to spot
            return font
        return None


__all__ = [
    "HistoryRow",
    "LetterHistoryModel",
    "RecipientRow",
    "RecipientsModel",
    "TemplateRow",
    "TemplatesModel",
    "language_name",
]
