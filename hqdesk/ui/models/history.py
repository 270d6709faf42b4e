"""The history of a franchisee (audit trail and status changes) as table models, and how fields read to users.

FIELD_LABELS and format_value are shared: the profile form's captions, the history's "field: old → new"
and the conflict dialog's "their value / your value" all name a field and show a value the same way.

Every text here is put together from translatable templates ("{field}: {value}"), never with punctuation in
the code: Chinese writes "门店名称：郑州二七店" with a full-width colon, and "；" between the changes.
Texts picked from a table (WHAT, SOURCES) are marked with QT_TRANSLATE_NOOP so that lupdate collects them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal, InvalidOperation

from PySide6.QtCore import QCoreApplication, Qt

from hqdesk.domain.contact import (
    CONTACT_ROLE_LABELS,
    GENDER_LABELS,
    STORE_STATUS_LABELS,
    Anniversary,
    ContactRole,
    Gender,
    StoreStatus,
)
from hqdesk.domain.franchisee import STATUS_LABELS, LifecycleStatus
from hqdesk.domain.history import without_status_echoes  # the rule lives in domain
from hqdesk.domain.i18n import QT_TRANSLATE_NOOP
from hqdesk.services.dto import FieldChange, HistoryEntry, StatusChangeDTO
from hqdesk.ui.i18n import fmt_date, fmt_datetime, fmt_decimal, fmt_money, tr_enum
from hqdesk.ui.models.base import RowsModel

EMPTY = "—"
MAX_CELL = 60  # characters of one value in a history cell; the tooltip has everything

FIELD_LABELS: dict[str, dict[str, str]] = {
    "franchisees": {
        "code": QT_TRANSLATE_NOOP("Fields", "Code"),
        "legal_name": QT_TRANSLATE_NOOP("Fields", "Legal name"),
        "store_brand_name": QT_TRANSLATE_NOOP("Fields", "Brand store name"),
        "uscc": QT_TRANSLATE_NOOP("Fields", "Unified social credit code"),
        "legal_representative": QT_TRANSLATE_NOOP("Fields", "Legal representative"),
        "registered_capital": QT_TRANSLATE_NOOP("Fields", "Registered capital"),
        "business_scope": QT_TRANSLATE_NOOP("Fields", "Business scope"),
        "region": QT_TRANSLATE_NOOP("Fields", "Region"),
        "province": QT_TRANSLATE_NOOP("Fields", "Province"),
        "city": QT_TRANSLATE_NOOP("Fields", "City"),
        "address": QT_TRANSLATE_NOOP("Fields", "Address"),
        "tier": QT_TRANSLATE_NOOP("Fields", "Tier"),
        "status": QT_TRANSLATE_NOOP("Fields", "Status"),
        "status_changed_on": QT_TRANSLATE_NOOP("Fields", "Status since"),
        "join_date": QT_TRANSLATE_NOOP("Fields", "Joined on"),
        "contract_start": QT_TRANSLATE_NOOP("Fields", "Contract start"),
        "contract_end": QT_TRANSLATE_NOOP("Fields", "Contract end"),
        "account_manager_id": QT_TRANSLATE_NOOP("Fields", "Account manager"),
        "tags": QT_TRANSLATE_NOOP("Fields", "Tags"),
        "notes": QT_TRANSLATE_NOOP("Fields", "Notes"),
        "archived": QT_TRANSLATE_NOOP("Fields", "Archived"),
    },
    "contacts": {
        "name": QT_TRANSLATE_NOOP("Fields", "Name"),
        "gender": QT_TRANSLATE_NOOP("Fields", "Gender"),
        "honorific": QT_TRANSLATE_NOOP("Fields", "Form of address"),
        "role": QT_TRANSLATE_NOOP("Fields", "Role"),
        "mobile": QT_TRANSLATE_NOOP("Fields", "Mobile"),
        "phone": QT_TRANSLATE_NOOP("Fields", "Phone"),
        "email": QT_TRANSLATE_NOOP("Fields", "E-mail"),
        "wechat_id": QT_TRANSLATE_NOOP("Fields", "WeChat ID"),
        "birthday": QT_TRANSLATE_NOOP("Fields", "Birthday"),
        "birthday_lunar": QT_TRANSLATE_NOOP("Fields", "Lunar calendar birthday"),
        "anniversaries": QT_TRANSLATE_NOOP("Fields", "Anniversaries"),
        "hobbies": QT_TRANSLATE_NOOP("Fields", "Hobbies"),
        "preferences": QT_TRANSLATE_NOOP("Fields", "Preferences"),
        "notes": QT_TRANSLATE_NOOP("Fields", "Notes"),
        "is_primary": QT_TRANSLATE_NOOP("Fields", "Primary contact"),
    },
    "stores": {
        "name": QT_TRANSLATE_NOOP("Fields", "Store name"),
        "address": QT_TRANSLATE_NOOP("Fields", "Address"),
        "city": QT_TRANSLATE_NOOP("Fields", "City"),
        "opened_on": QT_TRANSLATE_NOOP("Fields", "Opened on"),
        "status": QT_TRANSLATE_NOOP("Fields", "Status"),
        "floor_area": QT_TRANSLATE_NOOP("Fields", "Floor area (m²)"),
    },
    "contact_anniversaries": {
        "label": QT_TRANSLATE_NOOP("Fields", "Anniversary"),
        "day": QT_TRANSLATE_NOOP("Fields", "Date"),
        "lunar": QT_TRANSLATE_NOOP("Fields", "Lunar calendar"),
    },
    "franchisee_status_changes": {
        "from_status": QT_TRANSLATE_NOOP("Fields", "From"),
        "to_status": QT_TRANSLATE_NOOP("Fields", "To"),
        "changed_on": QT_TRANSLATE_NOOP("Fields", "Date"),
        "reason": QT_TRANSLATE_NOOP("Fields", "Reason"),
    },
    "visits": {
        "visited_on": QT_TRANSLATE_NOOP("Fields", "Visit date"),
        "kind": QT_TRANSLATE_NOOP("Fields", "Kind"),
        "purpose": QT_TRANSLATE_NOOP("Fields", "Purpose"),
        "hq_user_id": QT_TRANSLATE_NOOP("Fields", "Visited by"),
        "hq_others": QT_TRANSLATE_NOOP("Fields", "Also from HQ"),
        "met_with": QT_TRANSLATE_NOOP("Fields", "Met with"),
        "notes": QT_TRANSLATE_NOOP("Fields", "Notes"),
        "outcome": QT_TRANSLATE_NOOP("Fields", "Outcome"),
        "next_follow_up_on": QT_TRANSLATE_NOOP("Fields", "Next follow-up"),
        "suggestions": QT_TRANSLATE_NOOP("Fields", "Suggestions"),
    },
    "visit_suggestions": {
        "text": QT_TRANSLATE_NOOP("Fields", "Suggestion"),
        "status": QT_TRANSLATE_NOOP("Fields", "Follow-up status"),
        "response": QT_TRANSLATE_NOOP("Fields", "Response"),
        "visit_id": QT_TRANSLATE_NOOP("Fields", "Visit"),
    },
    "visit_overrides": {"months": QT_TRANSLATE_NOOP("Fields", "Visit every (months)")},
    "visit_cadences": {
        "tier": QT_TRANSLATE_NOOP("Fields", "Tier"),
        "months": QT_TRANSLATE_NOOP("Fields", "Visit every (months)"),
    },
}

# Bookkeeping columns that mean nothing to a user (the "who" and "when" columns already say the rest).
HIDDEN_FIELDS = frozenset({"id", "franchisee_id", "contact_id", "changed_by", "recorded_at", "search_text"})

DATE_FIELDS = frozenset(
    {
        "join_date",
        "contract_start",
        "contract_end",
        "status_changed_on",
        "birthday",
        "opened_on",
        "changed_on",
        "day",
        "visited_on",
        "next_follow_up_on",
    }
)
BOOL_FIELDS = frozenset({"archived", "birthday_lunar", "is_primary", "lunar"})

# Registries a capability fills for its own tables (see ui/models/credit_history.py):
# (table, field) -> (labels by enum member, the enum); money kept as whole cents (PostgreSQL's trail holds the
# BIGINT, SQLite's the amount as text); rates kept as fractions, shown as percentages
ENUM_FIELDS: dict[tuple[str, str], tuple[dict, type]] = {}
CENTS_FIELDS: set[tuple[str, str]] = set()
RATE_FIELDS: set[tuple[str, str]] = set()

WHAT = {
    ("franchisees", "insert"): QT_TRANSLATE_NOOP("History", "Franchisee created"),
    ("franchisees", "update"): QT_TRANSLATE_NOOP("History", "Profile changed"),
    ("franchisees", "delete"): QT_TRANSLATE_NOOP("History", "Franchisee deleted"),
    ("contacts", "insert"): QT_TRANSLATE_NOOP("History", "Contact added"),
    ("contacts", "update"): QT_TRANSLATE_NOOP("History", "Contact changed"),
    ("contacts", "delete"): QT_TRANSLATE_NOOP("History", "Contact deleted"),
    ("stores", "insert"): QT_TRANSLATE_NOOP("History", "Store added"),
    ("stores", "update"): QT_TRANSLATE_NOOP("History", "Store changed"),
    ("stores", "delete"): QT_TRANSLATE_NOOP("History", "Store deleted"),
    ("contact_anniversaries", "insert"): QT_TRANSLATE_NOOP("History", "Anniversary added"),
    ("contact_anniversaries", "update"): QT_TRANSLATE_NOOP("History", "Anniversary changed"),
    ("contact_anniversaries", "delete"): QT_TRANSLATE_NOOP("History", "Anniversary removed"),
    ("franchisee_status_changes", "insert"): QT_TRANSLATE_NOOP("History", "Status changed"),
    ("visits", "insert"): QT_TRANSLATE_NOOP("History", "Visit logged"),
    ("visits", "update"): QT_TRANSLATE_NOOP("History", "Visit changed"),
    ("visits", "delete"): QT_TRANSLATE_NOOP("History", "Visit deleted"),
    ("visit_suggestions", "insert"): QT_TRANSLATE_NOOP("History", "Suggestion noted"),
    ("visit_suggestions", "update"): QT_TRANSLATE_NOOP("History", "Suggestion followed up"),
    ("visit_suggestions", "delete"): QT_TRANSLATE_NOOP("History", "Suggestion removed"),
    ("visit_overrides", "insert"): QT_TRANSLATE_NOOP("History", "Visit plan set"),
    ("visit_overrides", "update"): QT_TRANSLATE_NOOP("History", "Visit plan changed"),
    ("visit_overrides", "delete"): QT_TRANSLATE_NOOP("History", "Visit plan follows the tier again"),
}
# An anniversary belongs to a contact: its entries say whose it is when the trail tells (inserts and deletes do).
WHAT_ANNIVERSARY_OF = {
    "insert": QT_TRANSLATE_NOOP("History", "Anniversary added for {contact}"),
    "update": QT_TRANSLATE_NOOP("History", "Anniversary changed for {contact}"),
    "delete": QT_TRANSLATE_NOOP("History", "Anniversary removed for {contact}"),
}

# Where a change came from. The app's own changes are the rule and say nothing (the column stays narrow and
# the exception stands out); a change made directly in the database is named, in red.
SOURCES = {
    "app": "",
    "db": QT_TRANSLATE_NOOP("History", "Outside the app"),
}

# How the parts of a history text are put together (translated: Chinese uses full-width punctuation).
FIELD_VALUE = QT_TRANSLATE_NOOP("History", "{field}: {value}")
FIELD_CHANGE = QT_TRANSLATE_NOOP("History", "{field}: {old} → {new}")
WHAT_NAME = QT_TRANSLATE_NOOP("History", "{what}: {name}")
SEPARATOR = QT_TRANSLATE_NOOP("History", "; ")  # between the changed fields of one entry in a cell


@dataclass
class UserNames:
    """Display names for user names and user ids (history's "who", the account manager field)."""

    by_username: dict[str, str] = field(default_factory=dict)
    by_id: dict[int, str] = field(default_factory=dict)

    @classmethod
    def of_users(cls, users) -> UserNames:
        return cls(
            {u.username: u.display_name or u.username for u in users},
            {u.id: u.display_name or u.username for u in users},
        )

    def name(self, username: str) -> str:
        return self.by_username.get(username) or username

    def name_of_id(self, user_id: int | None) -> str:
        if user_id is None:
            return ""
        return self.by_id.get(int(user_id)) or f"#{user_id}"


def field_label(table: str, name: str) -> str:
    label = FIELD_LABELS.get(table, {}).get(name)
    return QCoreApplication.translate("Fields", label) if label else name


def _tr(text: str) -> str:
    """Translate a text marked with QT_TRANSLATE_NOOP("History", ...): lupdate never sees a variable here."""
    return QCoreApplication.translate("History", text)


def separator() -> str:
    return _tr(SEPARATOR)


def _as_date(value) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def _as_decimal(value) -> Decimal | None:
    try:
        return value if isinstance(value, Decimal) else Decimal(str(value))
    except InvalidOperation:
        return None


def _enum_label(table: str, name: str, value) -> str | None:
    try:
        if name in ("from_status", "to_status") or (table == "franchisees" and name == "status"):
            return tr_enum(STATUS_LABELS[LifecycleStatus(value)])
        if table == "stores" and name == "status":
            return tr_enum(STORE_STATUS_LABELS[StoreStatus(value)])
        if table == "contacts" and name == "role":
            return tr_enum(CONTACT_ROLE_LABELS[ContactRole(value)])
        if table == "contacts" and name == "gender":
            return tr_enum(GENDER_LABELS[Gender(value)])
        if table.startswith("visit"):
            from hqdesk.domain import visits

            labels = {
                ("visits", "kind"): (visits.KIND_LABELS, visits.VisitKind),
                ("visits", "purpose"): (visits.PURPOSE_LABELS, visits.VisitPurpose),
                ("visit_suggestions", "status"): (visits.SUGGESTION_STATUS_LABELS, visits.SuggestionStatus),
            }.get((table, name))
            if labels is not None:
                return tr_enum(labels[0][labels[1](value)])
        registered = ENUM_FIELDS.get((table, name))
        if registered is not None:
            return tr_enum(registered[0][registered[1](value)])
    except (ValueError, KeyError):
        return None
    return None


def _cents_amount(value) -> Decimal | None:
    """A ledger amount from the trail: an int is whole cents (PostgreSQL), text is the amount (SQLite)."""
    if isinstance(value, int) and not isinstance(value, bool):
        return Decimal(value) / 100
    return _as_decimal(value)


def format_value(table: str, name: str, value, names: UserNames | None = None) -> str:
    """A field's value as a user reads it; works on Python values (DTOs) and on JSON values (the audit trail)."""
    if name in BOOL_FIELDS:
        return (
            QCoreApplication.translate("History", "Yes")
            if value
            else QCoreApplication.translate("History", "No")
        )
    if value is None or value == "" or value == ():
        return EMPTY
    enum = _enum_label(table, name, value)
    if enum is not None:
        return enum
    if name in DATE_FIELDS:
        day = _as_date(value)
        return fmt_date(day) if day else str(value)
    if (table, name) in CENTS_FIELDS:
        amount = _cents_amount(value)
        return fmt_money(amount) if amount is not None else str(value)
    if (table, name) in RATE_FIELDS:
        rate = _as_decimal(value)
        return f"{(rate * 100).normalize():f} %" if rate is not None else str(value)
    if name == "registered_capital":
        amount = _as_decimal(value)
        return fmt_money(amount) if amount is not None else str(value)
    if name == "floor_area":
        amount = _as_decimal(value)
        return fmt_decimal(amount) if amount is not None else str(value)
    if name in ("account_manager_id", "hq_user_id"):
        return (names or UserNames()).name_of_id(value)
    if name == "suggestions":  # a visit's suggestions in the conflict dialog
        return separator().join(getattr(s, "text", str(s)) for s in value)
    if name == "tags":
        return (
            ", ".join(value)
            if isinstance(value, (tuple, list))
            else ", ".join(t for t in str(value).split(",") if t)
        )
    if name == "anniversaries":
        return separator().join(_anniversary_text(a) for a in value)
    return str(value)


def _anniversary_text(a: Anniversary) -> str:
    day = fmt_date(a.day)
    if a.lunar:
        day = QCoreApplication.translate("History", "{date} (lunar calendar)").format(date=day)
    return f"{a.label} {day}"


def shorten(text: str, limit: int = MAX_CELL) -> str:
    text = " ".join(text.split())  # multi-line notes on one line
    return text if len(text) <= limit else text[: limit - 1] + "…"


def change_lines(
    entry: HistoryEntry, names: UserNames | None = None, limit: int | None = MAX_CELL
) -> list[str]:
    """One "field: old → new" line per changed field (inserts: "field: value"; deletes: "field: old value")."""
    lines = []
    order = list(FIELD_LABELS.get(entry.table_name, {}))  # as the form shows them, not alphabetically
    for change in sorted(
        entry.changes, key=lambda c: order.index(c.field) if c.field in order else len(order)
    ):
        if change.field in HIDDEN_FIELDS:
            continue
        label = field_label(entry.table_name, change.field)
        old = format_value(entry.table_name, change.field, change.old, names)
        new = format_value(entry.table_name, change.field, change.new, names)
        if limit:
            old, new = shorten(old, limit), shorten(new, limit)
        if entry.action == "insert":
            if change.new in (None, "", False) and change.field not in ("to_status",):
                continue  # a new record: only what was filled in
            lines.append(_tr(FIELD_VALUE).format(field=label, value=new))
        elif entry.action == "delete":
            if change.old in (None, "", False):
                continue
            lines.append(_tr(FIELD_VALUE).format(field=label, value=old))
        else:
            lines.append(_tr(FIELD_CHANGE).format(field=label, old=old, new=new))
    return lines


def _changed(entry: HistoryEntry) -> dict[str, FieldChange]:
    return {c.field: c for c in entry.changes}


def _value(change: FieldChange | None):
    return (change.new or change.old) if change else None


def describe(entry: HistoryEntry, row_names: dict[tuple[str, str], str] | None = None) -> str:
    """What happened, in words: "Contact added: 王芳", "Profile changed", "Archived"..."""
    changed = _changed(entry)
    if entry.table_name == "franchisees" and entry.action == "update":
        if set(changed) == {"archived"}:
            return (
                QCoreApplication.translate("History", "Archived")
                if changed["archived"].new
                else QCoreApplication.translate("History", "Restored from the archive")
            )
        if "status" in changed:
            return QCoreApplication.translate("History", "Status changed")
    if (
        entry.table_name == "franchisee_status_changes"
        and entry.action == "insert"
        and "from_status" in changed
        and not changed["from_status"].new
    ):
        return QCoreApplication.translate("History", "Initial status")
    if entry.table_name == "contact_anniversaries" and entry.action in WHAT_ANNIVERSARY_OF:
        contact_id = _value(changed.get("contact_id"))
        contact = (row_names or {}).get(("contacts", str(contact_id))) if contact_id is not None else None
        if contact:
            return _tr(WHAT_ANNIVERSARY_OF[entry.action]).format(contact=contact)
    template = WHAT.get((entry.table_name, entry.action))
    text = _tr(template) if template else f"{entry.table_name} {entry.action}"
    if entry.table_name in ("contacts", "stores"):
        name = _value(changed.get("name")) or (row_names or {}).get((entry.table_name, entry.row_id))
        if name:
            text = _tr(WHAT_NAME).format(what=text, name=name)
    return text


def names_in_trail(
    entries, row_names: dict[tuple[str, str], str] | None = None
) -> dict[tuple[str, str], str]:
    """Contact and store names by (table, row id): the current ones (``row_names``), and for rows deleted since,
    the last name their own entries recorded (an anniversary of a deleted contact still says whose it was)."""
    names: dict[tuple[str, str], str] = {}
    for e in sorted(entries, key=lambda e: e.occurred_at):  # oldest first: the last name recorded wins
        if e.table_name in ("contacts", "stores"):
            name = _value(_changed(e).get("name"))
            if name:
                names[(e.table_name, e.row_id)] = str(name)
    names.update(row_names or {})
    return names


def source_label(source: str) -> str:
    """The Source cell: empty for the app's own changes, "Outside the app" for changes made in the database."""
    label = SOURCES.get(source)
    if label is None:
        return source
    return _tr(label) if label else ""


class HistoryModel(RowsModel[HistoryEntry]):
    """The audit trail of one franchisee (profile, contacts, stores, status), newest first."""

    CONTEXT = "HistoryModel"
    WHEN, WHO, SOURCE, WHAT, CHANGES = range(5)
    HEADERS = (
        QT_TRANSLATE_NOOP("HistoryModel", "When"),
        QT_TRANSLATE_NOOP("HistoryModel", "Who"),
        QT_TRANSLATE_NOOP("HistoryModel", "Source"),
        QT_TRANSLATE_NOOP("HistoryModel", "What"),
        QT_TRANSLATE_NOOP("HistoryModel", "Changes"),
    )

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._tips: list[str] = []
        self._names = UserNames()
        self._row_names: dict[tuple[str, str], str] | None = None

    def set_entries(
        self, entries, names: UserNames | None = None, row_names: dict[tuple[str, str], str] | None = None
    ) -> None:
        """``row_names`` names contacts and stores by (table, row id) for entries that do not carry the name."""
        entries = without_status_echoes(entries)
        self._names, self._row_names = names or UserNames(), names_in_trail(entries, row_names)
        self._tips = ["\n".join(change_lines(e, self._names, limit=None)) for e in entries]
        self.set_rows(entries)

    def cells(self, e: HistoryEntry) -> tuple[str, ...]:
        return (
            fmt_datetime(e.occurred_at),
            self._names.name(e.username),
            source_label(e.source),
            describe(e, self._row_names),
            separator().join(change_lines(e, self._names)),
        )

    def header_role_data(self, section: int, role: int):
        if section == self.SOURCE and role == Qt.ItemDataRole.ToolTipRole:
            return QCoreApplication.translate(
                "HistoryModel", "Changes made outside hqdesk, directly in the database, are marked here."
            )
        return None

    def details(self, row: int) -> str:
        """Everything about one entry, one changed field per line (the pane under the table)."""
        cells = self._cells[row]
        who = cells[self.WHO]
        login = self._login_note(row)
        if login:
            who = QCoreApplication.translate("HistoryModel", "{user} ({login})").format(user=who, login=login)
        parts = [cells[self.WHAT], who, cells[self.WHEN]]
        if cells[self.SOURCE]:
            parts.append(cells[self.SOURCE])
        return f"{' · '.join(parts)}\n{self._tips[row]}".rstrip()

    def _login_note(self, row: int) -> str | None:
        """PostgreSQL: the database login behind the change, when it is not the user's own name."""
        entry = self._rows[row]
        if not entry.db_login or entry.db_login == entry.username:
            return None
        return QCoreApplication.translate("HistoryModel", "database login: {login}").format(
            login=entry.db_login
        )

    def role_data(self, row: int, column: int, role: int):
        from_db = self._rows[row].source == "db"
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == self.CHANGES:
                return self._tips[row] or None
            if column == self.WHO:
                return self._login_note(row)
            if column == self.SOURCE and from_db:
                return QCoreApplication.translate(
                    "HistoryModel", "Changed directly in the database, not through hqdesk."
                )
            return None
        if role == Qt.ItemDataRole.ForegroundRole and column == self.SOURCE and from_db:
            from PySide6.QtGui import QColor

            return QColor("#b03a2e")
        return None


class StatusHistoryModel(RowsModel[StatusChangeDTO]):
    """Lifecycle status changes with their dates and reasons, newest first."""

    CONTEXT = "StatusHistoryModel"
    DATE, CHANGE, REASON, WHO, RECORDED = range(5)
    HEADERS = (
        QT_TRANSLATE_NOOP("StatusHistoryModel", "Date"),
        QT_TRANSLATE_NOOP("StatusHistoryModel", "Status"),
        QT_TRANSLATE_NOOP("StatusHistoryModel", "Reason"),
        QT_TRANSLATE_NOOP("StatusHistoryModel", "Changed by"),
        QT_TRANSLATE_NOOP("StatusHistoryModel", "Recorded at"),
    )

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._names = UserNames()

    def set_changes(self, changes, names: UserNames | None = None) -> None:
        self._names = names or UserNames()
        self.set_rows(changes)

    def cells(self, c: StatusChangeDTO) -> tuple[str, ...]:
        to = tr_enum(STATUS_LABELS[c.to_status])
        move = f"{tr_enum(STATUS_LABELS[c.from_status])} → {to}" if c.from_status else to
        return (
            fmt_date(c.changed_on),
            move,
            c.reason,
            self._names.name(c.changed_by),
            fmt_datetime(c.recorded_at),
        )

    def role_data(self, row: int, column: int, role: int):
        if role == Qt.ItemDataRole.ToolTipRole and column == self.REASON:
            return self._rows[row].reason or None
        return None
