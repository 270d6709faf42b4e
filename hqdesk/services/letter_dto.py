"""Frozen DTOs of the letters capability: what ``LetterService`` returns and what ``hqdesk.letters`` renders.

``letters/`` may import this module (and only this one of the services): a ``LetterData`` holds everything a
letter needs (the template text and version, the merge data, the address block, the tables, the letterhead),
so rendering never touches the database.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

from hqdesk.domain.letter_fields import LetterKind


@dataclass(frozen=True)
class LetterTemplateDTO:
    id: int
    key: str  # "festival", "statement", "dunning_reminder"...
    kind: LetterKind
    language: str  # "zh_CN" / "en"
    name: str
    subject: str  # Jinja2 source
    body: str  # Jinja2 source
    version: int
    is_default: bool  # still the shipped text
    updated_by: str
    updated_at: datetime


@dataclass(frozen=True)
class Letterhead:
    """The sender: ``company_profile`` (name, address, phone, logo) and the ``letters.*`` company settings."""

    name: str = ""
    address: str = ""
    phone: str = ""
    logo_png: bytes | None = None
    name_en: str = ""  # used on English letters when set
    address_en: str = ""
    bank_name: str = ""
    bank_account: str = ""
    bank_holder: str = ""


@dataclass(frozen=True)
class EventDetails:
    """An invitation's batch-level parameters."""

    name: str
    day: date
    place: str
    rsvp_by: date | None = None
    rsvp_contact: str = ""


@dataclass(frozen=True)
class LetterSelection:
    """Who gets a letter and for which date.

    ``franchisee_ids`` None: every active franchisee (statements: every franchisee with activity in the
    period or an open balance; dunning: every franchisee at a dunning level that prints a letter).
    ``language`` None: each contact's preferred language, else Simplified Chinese.
    ``period_from`` (statements) None: the first day of ``as_of``'s month. ``festival``: a festival key
    (festival letters; None: the next festival on or after ``as_of``). ``event``: invitations only.
    ``template_key``: another template of the kind (e.g. ``dunning_final``; None: the kind's own, or for
    dunning the level's template)."""

    as_of: date
    franchisee_ids: tuple[int, ...] | None = None
    language: str | None = None
    period_from: date | None = None
    festival: str | None = None
    event: EventDetails | None = None
    template_key: str | None = None


@dataclass(frozen=True)
class SkippedRecipient:
    """A franchisee the selection named that gets no letter, and why: ``reason`` is an English template in
    translation context "Letters" (``LetterService.NOT_YOURS``...), ``params`` fill it."""

    franchisee_id: int
    code: str
    name: str
    reason: str
    params: dict = field(default_factory=dict)

    def english(self) -> str:
        return self.reason.format(**self.params)


@dataclass(frozen=True)
class LedgerLine:
    """A statement line: a document dated in the period, with the running balance after it."""

    doc_date: date
    kind: str  # DocumentKind value
    number: str
    due_date: date | None
    debit: Decimal  # invoices
    credit: Decimal  # credit notes, payments, write-offs
    balance: Decimal


@dataclass(frozen=True)
class AgingLine:
    label: str  # bucket label: "not_due", "1-30", ..., "unapplied", "total"
    amount: Decimal


@dataclass(frozen=True)
class OverdueLine:
    number: str
    doc_date: date
    due_date: date
    open_amount: Decimal
    days_overdue: int


@dataclass(frozen=True)
class LetterData:
    """One letter, ready to render: the template, the merge data (nested dict of strings, as the template
    sees it), the recipient's address block and the tables. JSON-able through ``merge`` (what history keeps)."""

    kind: LetterKind
    template_key: str
    language: str
    template_id: int | None
    template_version: int
    subject_source: str
    body_source: str
    franchisee_id: int
    franchisee_code: str
    contact_id: int | None
    as_of: date
    period_from: date | None
    merge: dict  # nested: {"contact": {"greeting": ...}, ...}
    address_lines: tuple[str, ...]  # recipient block: company, contact, street, city
    letterhead: Letterhead
    signature: tuple[str, ...] = ()  # lines under the closing: name, title, phone
    ledger: tuple[LedgerLine, ...] = ()
    aging: tuple[AgingLine, ...] = ()
    overdue: tuple[OverdueLine, ...] = ()
    opening_balance: Decimal | None = None
    closing_balance: Decimal | None = None
    check_fields: tuple[tuple[str, str], ...] = field(default=())  # (field, value) checked against the font

    @property
    def file_stem(self) -> str:
        """A file name (no extension) for this letter: CODE_kind_as-of."""
        return f"{self.franchisee_code}_{self.template_key}_{self.as_of.isoformat()}"


@dataclass(frozen=True)
class SpooledLetter:
    """A rendered letter waiting in the batch's spool folder: what ``LetterService.record_batch`` records."""

    data: LetterData
    path: Path  # the letter's PDF
    sha256: str
    pages: int
    subject: str  # as rendered

    def pdf(self) -> bytes:
        return self.path.read_bytes()


@dataclass(frozen=True)
class BatchResult:
    """What a batch wrote and recorded."""

    batch_id: str
    letters: int
    pages: int
    combined: Path | None  # the combined PDF, if asked for
    files: tuple[Path, ...]  # one PDF per franchisee, if asked for
    history_ids: tuple[int, ...]


@dataclass(frozen=True)
class LetterHistoryDTO:
    id: int
    franchisee_id: int
    contact_id: int | None
    contact_name: str
    kind: LetterKind
    template_key: str
    language: str
    template_version: int
    as_of: date
    period_from: date | None
    subject: str
    created_at: datetime  # UTC
    created_by: str
    batch_id: str
    sha256: str
    size: int  # bytes of the PDF


__all__ = [
    "LetterTemplateDTO",
    "Letterhead",
    "EventDetails",
    "LetterSelection",
    "LedgerLine",
    "AgingLine",
    "OverdueLine",
    "LetterData",
    "SpooledLetter",
    "BatchResult",
    "LetterHistoryDTO",
]
