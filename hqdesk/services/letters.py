"""Letters: the shared templates, the merge data of each kind, batches and the letter history.

The contract the letters screens code against (``Services.letters``):

Templates (every role reads; ``Action.EDIT_LETTER_TEMPLATES``, administrators, saves):
- ``templates(actor) -> list[LetterTemplateDTO]``: every template, by key and language.
- ``template(actor, key, language) -> LetterTemplateDTO``.
- ``save_template(actor, template_id, version, name, subject, body) -> LetterTemplateDTO``: checks the version
  (ConflictError when another user saved first) and the template itself (LetterTemplateError with the part and
  line when it does not render with the kind's example data, or reaches outside the sandbox); nothing saved then.
- ``reset_template(actor, template_id, version) -> LetterTemplateDTO``: back to the shipped text.
- ``merge_fields(kind) -> list[MergeField]``: name, description (English source, context "LetterFields"),
  example per language: the editor's field list.
- ``example_letter(kind, language, subject, body) -> LetterData``: the (unsaved) template filled with the
  example data: the editor's live preview renders it (``hqdesk.letters.render.render_letter(...).pdf``;
  LetterTemplateError / MissingGlyph when it cannot print).

Letters (``Action.VIEW_FRANCHISEES`` to read; ``Action.GENERATE_LETTERS`` per franchisee to record):
- ``recipients(actor, kind, selection) -> list[LetterData]``: the letters a selection gives, in franchisee code
  order, each with its template (by the letter's language), merge data, address block and tables.
  Franchisees the actor may not write letters to are left out.
- a preview of one letter: ``hqdesk.letters.render.render_letter(letter).pdf`` (nothing recorded).
- a batch: ``hqdesk.letters.batch.generate(letters, recorder=lambda batch, items:
  services.letters.record_batch(actor, batch, items), combined=PATH, folder=PATH, progress=cb, cancel=token)
  -> BatchResult``: renders, records, then puts the files in place; a cancel (BatchCancelled), a template error,
  a missing glyph or a failed write leaves no file and no history row. (The services sit below ``letters/``
  and never render; the caller, UI or CLI, runs the batch off the UI thread.)
- ``record_batch(actor, batch_id, spooled_letters) -> tuple[int, ...]``: the history rows of one batch, in ONE
  transaction (what ``generate``'s recorder calls).
- ``history(actor, franchisee_id) -> list[LetterHistoryDTO]``: newest first (anyone who may read the franchisee).
- ``reprint(actor, history_id) -> bytes``: the stored PDF, byte for byte what was printed.

Company settings read for the letterhead (Settings > Company shows them; keys in ``LETTERHEAD_KEYS``):
``letters.name_en``, ``letters.address_en``, ``letters.bank_name``, ``letters.bank_account``,
``letters.bank_holder``; the name, address, phone and logo come from ``company_profile``.

Recipients per kind (``selection.franchisee_ids`` None = all, as below; archived franchisees only when named):
- festival, invitation: every active franchisee; festival: ``selection.festival`` (None: the next festival on or
  after ``as_of``), its date the next occurrence on or after ``as_of``; invitation needs ``selection.event``.
- birthday: active franchisees whose letter contact's next birthday (on or after as_of) is within 31 days
  (named franchisees: whenever it is).
- store_anniversary: active franchisees whose oldest open store's opening anniversary is within 31 days of as_of
  (named franchisees: the years open as of as_of).
- credit_change: franchisees whose credit profile changed (limit or term) on or before ``as_of``: the latest such
  change.
- statement: franchisees with a ledger document in [period_from, as_of] or an open balance as of ``as_of``.
- dunning: franchisees overdue as of ``as_of`` whose collection policy's level is a letter action; the template
  is the level's ``letter_template`` (``dunning_reminder`` / ``dunning_final``) unless the selection names one.
The letter contact is the primary contact, else the first contact; the language the selection's, else the
contact's preferred language, else Simplified Chinese.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from sqlalchemy import case, func, or_, select, type_coerce
from sqlalchemy.orm import Session

from hqdesk.domain.calendar import next_birthday
from hqdesk.domain.credit import DunningAction, TermKind, bucket_labels
from hqdesk.domain.dunning import LETTER_ACTIONS, LevelRule, numbered
from hqdesk.domain.errors import EXIT_REFUSED, HqdeskError, NotFound
from hqdesk.domain.festivals import Festival, festivals_between
from hqdesk.domain.i18n import QT_TRANSLATE_NOOP
from hqdesk.domain.letter_fields import (
    DEFAULT_TEMPLATES,
    DUNNING_DEFAULT_KEY,
    FESTIVAL_NAMES,
    LetterKind,
    MergeField,
    example_data,
    merge_fields,
)
from hqdesk.domain.letter_templates import LetterTemplateError, validate_template
from hqdesk.domain.letters import (
    EN,
    LANGUAGES,
    ZH,
    long_date,
    money_figures,
    ordinal_en,
    rmb_capital,
    salutation,
    split_name,
    years_since,
)
from hqdesk.domain.roles import Action, Actor
from hqdesk.persistence.ledger_sql import days_overdue, open_invoices
from hqdesk.persistence.models import CompanyProfile, Contact, Franchisee, Store, User
from hqdesk.persistence.models_credit import (
    CompanySetting,
    CreditPolicy,
    CreditProfile,
    CreditProfileChange,
    DunningLevel,
    LedgerDocument,
)
from hqdesk.persistence.models_letters import LetterHistory, LetterTemplate
from hqdesk.persistence.types import Cents
from hqdesk.resources import resource_path
from hqdesk.services.base import Service, conflict_error, raise_if_invalid
from hqdesk.services.letter_dto import (
    AgingLine,
    EventDetails,
    LedgerLine,
    LetterData,
    Letterhead,
    LetterHistoryDTO,
    LetterSelection,
    LetterTemplateDTO,
    OverdueLine,
    SkippedRecipient,
    SpooledLetter,
)

ZERO = Decimal("0.00")

# Why a franchisee in the selection gets no letter (SkippedRecipient.reason; context "Letters")
NOT_YOURS = QT_TRANSLATE_NOOP(
    "Letters", "not your franchisee: its account manager or an administrator writes to it"
)
NO_BIRTHDAY = QT_TRANSLATE_NOOP("Letters", "the primary contact's birthday is not on file")
BIRTHDAY_LATER = QT_TRANSLATE_NOOP("Letters", "the birthday is not in the coming {days} days")
NO_OPENING_DATE = QT_TRANSLATE_NOOP("Letters", "no store with an opening date")
NOT_OPEN_YET = QT_TRANSLATE_NOOP("Letters", "the store opens on {day}")
ANNIVERSARY_LATER = QT_TRANSLATE_NOOP("Letters", "the store's anniversary is not in the coming {days} days")
UNDER_A_YEAR = QT_TRANSLATE_NOOP("Letters", "the store opened less than a year ago")
NO_CREDIT_CHANGE = QT_TRANSLATE_NOOP("Letters", "no change of credit limit or settlement term on record")
NOTHING_OVERDUE = QT_TRANSLATE_NOOP("Letters", "nothing overdue long enough for a dunning level")


@dataclass(frozen=True)
class _Skip:
    """Why ``_letter`` gives no letter: a reason above and its parameters."""

    reason: str
    params: dict = field(default_factory=dict)


LETTERHEAD_KEYS = (
    "letters.name_en",
    "letters.address_en",
    "letters.bank_name",
    "letters.bank_account",
    "letters.bank_holder",
)
PAY_WITHIN_DAYS = 10
UPCOMING_DAYS = 31  # birthday and store-anniversary letters without named franchisees: the coming month
TEMPLATE_LIMITS = {"name": 100}


class LetterSelectionRefused(HqdeskError):
    """A selection that cannot give letters (the subclasses say why); nothing was written."""

    exit_code = EXIT_REFUSED
    message = QT_TRANSLATE_NOOP("Errors", "No letters can be made from this selection. Nothing was written.")


class InvitationNeedsEvent(LetterSelectionRefused):
    message = QT_TRANSLATE_NOOP("Errors", "An invitation needs the event's name, date and place.")


class UnknownFestival(LetterSelectionRefused):
    message = QT_TRANSLATE_NOOP("Errors", "There is no festival {festival}; choose one of: {keys}.")


class UnknownLetterLanguage(LetterSelectionRefused):
    message = QT_TRANSLATE_NOOP(
        "Errors", "Letters are written in Simplified Chinese (zh_CN) or English (en), not {language}."
    )


class StatementPeriodRefused(LetterSelectionRefused):
    message = QT_TRANSLATE_NOOP("Errors", "The statement period starts ({start}) after it ends ({end}).")


class UnknownLetterTemplate(LetterSelectionRefused):
    message = QT_TRANSLATE_NOOP("Errors", "There is no letter template {template} in {language}.")


class NoLetters(HqdeskError):
    exit_code = EXIT_REFUSED
    message = QT_TRANSLATE_NOOP(
        "Errors", "No franchisee in the selection gets this letter. Nothing was written."
    )


def shipped_template(key: str, language: str) -> tuple[str, str]:
    """(subject, body) of the shipped default ``resources/letters/KEY.LANGUAGE.j2``."""
    text = resource_path("letters", f"{key}.{language}.j2").read_text(encoding="utf-8")
    subject, _, body = text.partition("\n---\n")
    return subject.strip(), body.strip() + "\n"


def _template_dto(t: LetterTemplate) -> LetterTemplateDTO:
    return LetterTemplateDTO(
        t.id,
        t.key,
        LetterKind(t.kind),
        t.language,
        t.name,
        t.subject,
        t.body,
        t.version,
        t.is_default,
        t.updated_by,
        t.updated_at,
    )


TERM_TEXT = {
    ZH: {
        TermKind.ADVANCE: "预付款",
        TermKind.COD: "货到付款",
        TermKind.NET: "发票日后{n}天内付款",
        TermKind.MONTHLY: "月结（月末后{n}天内付款）",
        TermKind.QUARTERLY: "季结（季末后{n}天内付款）",
        TermKind.HALF_YEARLY: "半年结（半年末后{n}天内付款）",
        TermKind.YEARLY: "年结（年末后{n}天内付款）",
    },
    EN: {
        TermKind.ADVANCE: "payment in advance",
        TermKind.COD: "cash on delivery",
        TermKind.NET: "net {n} days from the invoice date",
        TermKind.MONTHLY: "monthly, {n} days after the month end",
        TermKind.QUARTERLY: "quarterly, {n} days after the quarter end",
        TermKind.HALF_YEARLY: "half-yearly, {n} days after the half-year end",
        TermKind.YEARLY: "yearly, {n} days after the year end",
    },
}


ZERO_DAY_TERMS = {
    TermKind.NET: ("发票日当天付款", "due on the invoice date"),
    TermKind.MONTHLY: ("月结（月末付款）", "monthly, due at the month end"),
    TermKind.QUARTERLY: ("季结（季末付款）", "quarterly, due at the quarter end"),
    TermKind.HALF_YEARLY: ("半年结（半年末付款）", "half-yearly, due at the half-year end"),
    TermKind.YEARLY: ("年结（年末付款）", "yearly, due at the year end"),
}


def term_text(kind: str, days: int, language: str) -> str:
    """A settlement term as the letter says it: 月结（月末后30天内付款） / monthly, 30 days after the month end."""
    try:
        term = TermKind(kind)
    except ValueError:
        return kind
    if days == 0 and term in ZERO_DAY_TERMS:
        return ZERO_DAY_TERMS[term][0 if language == ZH else 1]
    return TERM_TEXT[ZH if language == ZH else EN][term].format(n=days)


def _limit_text(value, language: str) -> str:
    if value in (None, ""):
        return "无信用额度" if language == ZH else "no credit"
    return money_figures(Decimal(str(value)), language)


def _signed_amount():
    return case((LedgerDocument.kind == "invoice", LedgerDocument.amount), else_=-LedgerDocument.amount)


class LetterService(Service):
    # ----- templates ----------------------------------------------------------------------------------------
    def templates(self, actor: Actor) -> list[LetterTemplateDTO]:
        with self.db.read() as s:
            self.require(actor, Action.VIEW_FRANCHISEES, s=s)
            rows = s.scalars(select(LetterTemplate).order_by(LetterTemplate.key, LetterTemplate.language))
            return [_template_dto(t) for t in rows]

    def template(self, actor: Actor, key: str, language: str) -> LetterTemplateDTO:
        with self.db.read() as s:
            self.require(actor, Action.VIEW_FRANCHISEES, s=s)
            t = s.scalar(
                select(LetterTemplate).where(LetterTemplate.key == key, LetterTemplate.language == language)
            )
            if t is None:
                raise NotFound()
            return _template_dto(t)

    @staticmethod
    def merge_fields(kind: LetterKind | str) -> list[MergeField]:
        return list(merge_fields(LetterKind(kind)))

    @staticmethod
    def check_template(
        kind: LetterKind | str, language: str, subject: str, body: str, name: str = ""
    ) -> None:
        """LetterTemplateError for the first problem of the template (rendered with the example data)."""
        problems = validate_template(subject, body, example_data(LetterKind(kind), language))
        if problems:
            raise LetterTemplateError.of(name or str(kind), problems[0])

    def save_template(
        self, actor: Actor, template_id: int, version: int, name: str, subject: str, body: str
    ) -> LetterTemplateDTO:
        with self.db.write(actor.username) as s:
            self.require(actor, Action.EDIT_LETTER_TEMPLATES, s=s)
            t = s.get(LetterTemplate, template_id)
            if t is None:
                raise NotFound()
            if t.version != version:
                raise conflict_error(_template_dto(t), {}, t)
            self.check_template(t.kind, t.language, subject, body, name or t.name)
            t.name = (name.strip() or t.name)[: TEMPLATE_LIMITS["name"]]
            t.subject = subject
            t.body = body
            t.is_default = (subject.strip(), body.strip() + "\n") == shipped_template(t.key, t.language)
            t.updated_by = actor.username
            self.flush_or_conflict(
                s,
                lambda fresh: conflict_error(
                    _template_dto(fresh.get(LetterTemplate, template_id)),
                    {},
                    fresh.get(LetterTemplate, template_id),
                ),
            )
            dto = _template_dto(t)
            s.commit()
        return dto

    def reset_template(self, actor: Actor, template_id: int, version: int) -> LetterTemplateDTO:
        with self.db.read() as s:
            t = s.get(LetterTemplate, template_id)
            if t is None:
                raise NotFound()
            key, language, name = t.key, t.language, t.name
        subject, body = shipped_template(key, language)
        return self.save_template(actor, template_id, version, name, subject, body)

    def example_letter(self, kind: LetterKind | str, language: str, subject: str, body: str) -> LetterData:
        """The (unsaved) template filled with the example data and the real letterhead: the editor's live
        preview renders it with ``hqdesk.letters.render.render_letter``."""
        kind = LetterKind(kind)
        data = example_data(kind, language)
        with self.db.read() as s:
            head = self._letterhead(s)
        zh = language == ZH
        return LetterData(
            kind,
            kind.value,
            language,
            None,
            0,
            subject,
            body,
            0,
            "F0001",
            None,
            date.today(),
            None,
            data,
            (
                "长沙金辉珠宝有限公司",
                "王建国 先生" if zh else "Wang Jianguo",
                "湖南省长沙市芙蓉区五一大道100号" if zh else "100 Wuyi Avenue, Furong District, Changsha",
            ),
            head,
            signature=(data["manager"]["name"],),
            ledger=_example_ledger(),
            aging=_example_aging(),
            overdue=_example_overdue(),
            opening_balance=Decimal("120000.00"),
            closing_balance=Decimal("85432.10"),
        )

    # ----- recipients ---------------------------------------------------------------------------------------
    def recipients(
        self,
        actor: Actor,
        kind: LetterKind | str,
        selection: LetterSelection,
        skipped: list[SkippedRecipient] | None = None,
    ) -> list[LetterData]:
        kind = LetterKind(kind)
        if selection.language is not None and selection.language not in LANGUAGES:
            raise UnknownLetterLanguage(language=selection.language)
        if kind == LetterKind.INVITATION and selection.event is None:
            raise InvitationNeedsEvent()
        period_from = selection.period_from or selection.as_of.replace(day=1)
        if kind == LetterKind.STATEMENT and period_from > selection.as_of:
            raise StatementPeriodRefused(start=period_from, end=selection.as_of)
        festival = None
        if kind == LetterKind.FESTIVAL:
            festival = self._festival(selection)
        with self.db.read() as s:
            actor = self.require(actor, Action.VIEW_FRANCHISEES, s=s)
            head = self._letterhead(s)
            templates = {(t.key, t.language): t for t in s.scalars(select(LetterTemplate))}
            candidates = self._candidates(s, kind, selection, period_from)
            out = []
            for f in candidates:
                if not actor.can(Action.GENERATE_LETTERS, f.account_manager_id):
                    letter = _Skip(NOT_YOURS)
                else:
                    letter = self._letter(s, kind, f, selection, period_from, festival, head, templates)
                if isinstance(letter, LetterData):
                    out.append(letter)
                elif skipped is not None and selection.franchisee_ids is not None:
                    # only franchisees the selection named: "every active franchisee" names nobody
                    skipped.append(SkippedRecipient(f.id, f.code, f.legal_name, letter.reason, letter.params))
        return out

    def _festival(self, selection: LetterSelection) -> tuple[str, date]:
        start = selection.as_of
        found = festivals_between(start, start + timedelta(days=400))
        if selection.festival:
            try:
                key = Festival(selection.festival)
            except ValueError:
                keys = ", ".join(f.value for f in Festival)
                raise UnknownFestival(festival=selection.festival, keys=keys) from None
            day = next(d for d, f in found if f == key)
            return key.value, day
        day, key = found[0]
        return key.value, day

    def _candidates(
        self, s: Session, kind: LetterKind, selection: LetterSelection, period_from: date
    ) -> list:
        q = select(Franchisee).order_by(Franchisee.code)
        if selection.franchisee_ids is not None:
            q = q.where(Franchisee.id.in_(selection.franchisee_ids))
        elif kind == LetterKind.STATEMENT:
            active_in_period = select(LedgerDocument.franchisee_id).where(
                LedgerDocument.doc_date >= period_from, LedgerDocument.doc_date <= selection.as_of
            )
            balance = (
                select(LedgerDocument.franchisee_id)
                .where(LedgerDocument.doc_date <= selection.as_of)
                .group_by(LedgerDocument.franchisee_id)
                .having(func.sum(_signed_amount()) != 0)
            )
            q = q.where(or_(Franchisee.id.in_(active_in_period), Franchisee.id.in_(balance)))
        elif kind == LetterKind.DUNNING:
            pass  # filtered by level below
        else:
            q = q.where(Franchisee.status == "active", Franchisee.archived.is_(False))
        return list(s.scalars(q))

    # ----- Settings › Letters: the English letterhead and the remittance details -----------------------------
    def letter_settings(self) -> dict[str, tuple[str, int | None]]:
        """field (``name_en``, ``address_en``, ``bank_name``, ``bank_account``, ``bank_holder``) -> (value,
        version): what ``save_letter_settings`` takes back."""
        from hqdesk.services.company_settings import CompanySettingsService

        got = CompanySettingsService(self.db).get_many(LETTERHEAD_KEYS)
        return {key.removeprefix("letters."): got[key] for key in LETTERHEAD_KEYS}

    def save_letter_settings(
        self, actor: Actor, values: dict[str, str], versions: dict[str, int | None]
    ) -> dict[str, tuple[str, int | None]]:
        """Validate and save the changed fields in one transaction (administrators: EDIT_COMPANY_SETTINGS);
        ValidationError naming the fields, or ConflictError when another administrator saved one of them since
        ``versions`` were read (nothing saved then). Returns ``letter_settings()`` as saved."""
        from hqdesk.domain.letters import (
            LETTER_SETTING_LIMITS,
            clean_letter_settings,
            validate_letter_settings,
        )
        from hqdesk.services.company_settings import CompanySettingsService

        unknown = set(values) - set(LETTER_SETTING_LIMITS)
        if unknown:
            raise ValueError(f"not letter settings: {sorted(unknown)}")
        self.require(actor, Action.EDIT_COMPANY_SETTINGS)
        values = clean_letter_settings(values)
        current = self.letter_settings()
        merged = {k: values.get(k, current[k][0]) for k in LETTER_SETTING_LIMITS}
        raise_if_invalid(validate_letter_settings(merged))
        changed = values  # the fields the user changed: each saved only over the version they read
        if changed:
            CompanySettingsService(self.db).put_many(
                actor,
                {f"letters.{k}": v for k, v in changed.items()},
                {f"letters.{k}": versions.get(k) for k in changed},
            )
        return self.letter_settings()

    def _letterhead(self, s: Session) -> Letterhead:
        p = s.get(CompanyProfile, 1)
        settings = dict(
            s.execute(
                select(CompanySetting.key, CompanySetting.value).where(
                    CompanySetting.key.in_(LETTERHEAD_KEYS)
                )
            ).all()
        )
        return Letterhead(
            p.name if p else "",
            p.address if p else "",
            p.phone if p else "",
            p.logo_png if p else None,
            settings.get("letters.name_en", ""),
            settings.get("letters.address_en", ""),
            settings.get("letters.bank_name", ""),
            settings.get("letters.bank_account", ""),
            settings.get("letters.bank_holder", ""),
        )

    def _letter(
        self,
        s: Session,
        kind: LetterKind,
        f: Franchisee,
        selection: LetterSelection,
        period_from: date,
        festival: tuple[str, date] | None,
        head: Letterhead,
        templates: dict,
    ) -> LetterData | _Skip:
        """The letter, or why there is none (a ``_Skip``)."""
        contacts = list(
            s.scalars(
                select(Contact)
                .where(Contact.franchisee_id == f.id)
                .order_by(Contact.is_primary.desc(), Contact.id)
            )
        )
        contact = contacts[0] if contacts else None
        language = selection.language or (contact.preferred_language if contact else None) or ZH
        stores = list(
            s.scalars(
                select(Store)
                .where(Store.franchisee_id == f.id)
                .order_by(Store.opened_on.is_(None), Store.opened_on, Store.id)
            )
        )
        store = next((x for x in stores if x.status == "open"), stores[0] if stores else None)
        manager = s.get(User, f.account_manager_id) if f.account_manager_id else None
        as_of = selection.as_of
        fields: dict[str, str] = {}
        self._common_fields(fields, f, contact, store, manager, head, language, as_of)
        extra: dict = {}
        template_key = selection.template_key or kind.value
        if kind == LetterKind.FESTIVAL:
            key, day = festival
            fields["festival.key"] = key
            fields["festival.name"] = FESTIVAL_NAMES[key][0 if language == ZH else 1]
            fields["festival.date"] = long_date(day, language)
        elif kind == LetterKind.BIRTHDAY:
            if contact is None or contact.birthday is None:
                return _Skip(NO_BIRTHDAY)
            day = next_birthday(contact.birthday, contact.birthday_lunar, as_of)
            if selection.franchisee_ids is None and (day - as_of).days > UPCOMING_DAYS:
                return _Skip(BIRTHDAY_LATER, {"days": UPCOMING_DAYS})  # only birthdays in the coming month
            fields["birthday.date"] = long_date(day, language)
        elif kind == LetterKind.STORE_ANNIVERSARY:
            if store is None or store.opened_on is None:
                return _Skip(NO_OPENING_DATE)
            if store.opened_on > as_of:
                return _Skip(NOT_OPEN_YET, {"day": store.opened_on.isoformat()})
            years = years_since(store.opened_on, as_of)
            if selection.franchisee_ids is None:  # not named: only anniversaries in the coming month
                from hqdesk.domain.calendar import gregorian_anniversary

                upcoming = gregorian_anniversary(store.opened_on, as_of.year)
                if upcoming < as_of:
                    upcoming = gregorian_anniversary(store.opened_on, as_of.year + 1)
                if (upcoming - as_of).days > UPCOMING_DAYS:
                    return _Skip(ANNIVERSARY_LATER, {"days": UPCOMING_DAYS})
                years = years_since(store.opened_on, upcoming)
            if years < 1:
                return _Skip(UNDER_A_YEAR)
            fields["anniversary.years"] = str(years)
            fields["anniversary.ordinal"] = str(years) if language == ZH else ordinal_en(years)
        elif kind == LetterKind.INVITATION:
            e: EventDetails = selection.event
            fields["event.name"] = e.name
            fields["event.date"] = long_date(e.day, language)
            fields["event.place"] = e.place
            fields["event.rsvp_by"] = long_date(e.rsvp_by, language) if e.rsvp_by else ""
            fields["event.rsvp_contact"] = e.rsvp_contact
        elif kind == LetterKind.CREDIT_CHANGE:
            if not self._credit_change_fields(s, f, as_of, language, fields):
                return _Skip(NO_CREDIT_CHANGE)
        elif kind == LetterKind.STATEMENT:
            self._money_fields(s, f, head, language, fields)
            extra = self._statement(s, f.id, period_from, as_of, language, fields)
        elif kind == LetterKind.DUNNING:
            level = self._dunning_level(s, f.id, as_of)
            if level is None:
                return _Skip(NOTHING_OVERDUE)
            rule, days, overdue_amount, oldest = level
            if selection.template_key is None:
                template_key = rule.letter_template or DUNNING_DEFAULT_KEY
            self._money_fields(s, f, head, language, fields)
            extra = self._dunning(s, f.id, as_of, language, fields)
            fields["dunning.level"] = str(rule.level)
            fields["dunning.days"] = str(days)
            fields["dunning.oldest_due"] = long_date(oldest, language)
            fields["dunning.overdue"] = money_figures(overdue_amount, language)
            fields["dunning.overdue_words"] = rmb_capital(overdue_amount)
            fields["dunning.pay_by"] = long_date(as_of + timedelta(days=PAY_WITHIN_DAYS), language)
        if kind in (LetterKind.CREDIT_CHANGE,):
            self._money_fields(s, f, head, language, fields)
        template = templates.get((template_key, language))
        if template is not None:
            tid, tversion, subject, body = template.id, template.version, template.subject, template.body
        else:
            if template_key not in DEFAULT_TEMPLATES:
                raise UnknownLetterTemplate(template=template_key, language=language)
            tid, tversion = None, 0
            subject, body = shipped_template(template_key, language)
        from hqdesk.domain.letter_fields import nest

        address = [f.legal_name]
        if contact is not None:
            title = {"male": "先生", "female": "女士"}.get(contact.gender, "") if language == ZH else ""
            address.append(f"{contact.name} {title}".strip() if language == ZH else fields["contact.name"])
        street = f.address or (store.address if store else "")
        region = f"{f.province}{f.city}" if language == ZH else f.city
        # a Chinese street address usually names its province and city: the region line would repeat them
        if street and (street.startswith(f.province or "\x00") or (f.city and f.city in street)):
            region = ""
        address += [x for x in (region, street) if x]
        signature = tuple(x for x in (fields.get("manager.name", ""),) if x)
        return LetterData(
            kind=kind,
            template_key=template_key,
            language=language,
            template_id=tid,
            template_version=tversion,
            subject_source=subject,
            body_source=body,
            franchisee_id=f.id,
            franchisee_code=f.code,
            contact_id=contact.id if contact else None,
            as_of=as_of,
            period_from=period_from if kind == LetterKind.STATEMENT else None,
            merge=nest(fields),
            address_lines=tuple(address),
            letterhead=head,
            signature=signature,
            **extra,
        )

    @staticmethod
    def _common_fields(fields, f, contact, store, manager, head, language, as_of) -> None:
        if contact is not None:
            fields["contact.greeting"] = salutation(
                contact.name, contact.gender, contact.honorific, contact.role, language
            )
            if language == ZH:
                fields["contact.name"] = contact.name
                fields["contact.surname"] = split_name(contact.name)[0]
            else:
                from hqdesk.domain.letters import romanized

                family, given = romanized(contact.name)
                fields["contact.name"] = f"{family} {given}".strip()
                fields["contact.surname"] = family
        else:
            fields["contact.greeting"] = salutation("", language=language)
            fields["contact.name"] = ""
            fields["contact.surname"] = ""
        fields["franchisee.code"] = f.code
        fields["franchisee.name"] = f.legal_name
        fields["franchisee.brand_name"] = f.store_brand_name
        fields["franchisee.city"] = f.city
        fields["franchisee.years"] = str(years_since(f.join_date, as_of)) if f.join_date else ""
        fields["store.name"] = store.name if store else ""
        fields["store.opened_on"] = long_date(store.opened_on, language) if store and store.opened_on else ""
        fields["store.years"] = str(years_since(store.opened_on, as_of)) if store and store.opened_on else ""
        fields["letter.date"] = long_date(as_of, language)
        manager_name = (manager.display_name or manager.username) if manager else ""
        if language != ZH and manager_name and not manager_name.isascii():
            from hqdesk.domain.letters import romanized

            manager_name = " ".join(romanized(manager_name)).strip()  # 李娜 -> Li Na on an English letter
        fields["manager.name"] = manager_name
        fields["manager.email"] = manager.email if manager else ""
        fields["company.name"] = (head.name_en or head.name) if language != ZH else head.name
        fields["company.phone"] = head.phone

    @staticmethod
    def _money_fields(s, f, head, language, fields) -> None:
        p = s.scalar(select(CreditProfile).where(CreditProfile.franchisee_id == f.id))
        fields["credit.term"] = term_text(p.term_kind if p else "net", p.term_days if p else 30, language)
        fields["bank.name"] = head.bank_name
        fields["bank.account"] = head.bank_account
        fields["bank.holder"] = head.bank_holder or head.name

    @staticmethod
    def _credit_change_fields(s, f, as_of, language, fields) -> bool:
        changes = s.scalars(
            select(CreditProfileChange)
            .where(
                CreditProfileChange.franchisee_id == f.id, func.date(CreditProfileChange.changed_at) <= as_of
            )
            .order_by(CreditProfileChange.changed_at.desc(), CreditProfileChange.id.desc())
        )
        p = s.scalar(select(CreditProfile).where(CreditProfile.franchisee_id == f.id))
        for c in changes:
            old, new = json.loads(c.old_values or "{}"), json.loads(c.new_values or "{}")
            if not {"credit_limit", "term_kind", "term_days"} & set(new):
                continue
            now_limit = p.credit_limit if p else None
            now_kind, now_days = (p.term_kind, p.term_days) if p else ("net", 30)
            new_limit = new.get("credit_limit", now_limit)
            old_limit = old.get("credit_limit", new_limit)
            new_kind, new_days = new.get("term_kind", now_kind), int(new.get("term_days", now_days))
            old_kind, old_days = old.get("term_kind", new_kind), int(old.get("term_days", new_days))
            fields["change.old_limit"] = _limit_text(old_limit, language)
            fields["change.new_limit"] = _limit_text(new_limit, language)
            fields["change.old_term"] = term_text(old_kind, old_days, language)
            fields["change.new_term"] = term_text(new_kind, new_days, language)
            fields["change.effective_on"] = long_date(c.changed_at.date(), language)
            fields["change.reason"] = c.reason
            return True
        return False

    @staticmethod
    def balance_as_of(s: Session, franchisee_id: int, day: date) -> Decimal:
        """Invoices less credit documents dated on or before ``day`` (one SQL sum): the aging total."""
        value = s.scalar(
            select(type_coerce(func.coalesce(func.sum(_signed_amount()), 0), Cents())).where(
                LedgerDocument.franchisee_id == franchisee_id, LedgerDocument.doc_date <= day
            )
        )
        return Decimal(value or 0).quantize(Decimal("0.01"))

    def _statement(self, s: Session, fid: int, start: date, as_of: date, language: str, fields: dict) -> dict:
        opening = self.balance_as_of(s, fid, start - timedelta(days=1))
        signed = _signed_amount()
        order = (
            LedgerDocument.doc_date,
            case((LedgerDocument.kind == "invoice", 0), else_=1),
            LedgerDocument.id,
        )
        running = type_coerce(func.sum(signed).over(order_by=order), Cents())
        rows = s.execute(
            select(
                LedgerDocument.doc_date,
                LedgerDocument.kind,
                LedgerDocument.number,
                LedgerDocument.due_date,
                LedgerDocument.amount,
                running.label("running"),
            )
            .where(
                LedgerDocument.franchisee_id == fid,
                LedgerDocument.doc_date >= start,
                LedgerDocument.doc_date <= as_of,
            )
            .order_by(*order)
        ).all()
        lines = tuple(
            LedgerLine(
                r.doc_date,
                r.kind,
                r.number,
                r.due_date,
                r.amount if r.kind == "invoice" else ZERO,
                ZERO if r.kind == "invoice" else r.amount,
                opening + r.running,
            )
            for r in rows
        )
        closing = lines[-1].balance if lines else opening
        aging = self._aging(s, fid, as_of)
        overdue = sum((a.amount for a in aging if a.label not in ("not_due", "unapplied", "total")), ZERO)
        fields["statement.from"] = long_date(start, language)
        fields["statement.to"] = long_date(as_of, language)
        fields["statement.opening"] = money_figures(opening, language)
        fields["statement.closing"] = money_figures(closing, language)
        fields["statement.closing_words"] = rmb_capital(closing)
        fields["statement.overdue"] = money_figures(overdue, language)
        fields["statement.has_overdue"] = "yes" if overdue > 0 else ""
        fields["statement.lines"] = str(len(lines))
        return {"ledger": lines, "aging": aging, "opening_balance": opening, "closing_balance": closing}

    @staticmethod
    def _aging(s: Session, fid: int, as_of: date) -> tuple[AgingLine, ...]:
        from hqdesk.services.receivables import _aging_rows

        text = s.scalar(select(CreditPolicy.aging_bounds).where(CreditPolicy.id == 1))
        from hqdesk.domain.credit import DEFAULT_AGING_BOUNDS, parse_bounds

        try:
            bounds = parse_bounds(text) if text else DEFAULT_AGING_BOUNDS
        except ValueError:
            bounds = DEFAULT_AGING_BOUNDS
        labels = bucket_labels(bounds)
        rows = _aging_rows(s, as_of, bounds, fid)
        if not rows:
            return tuple(AgingLine(x, ZERO) for x in (*labels, "unapplied", "total"))
        r = rows[0]
        return (
            *(AgingLine(label, amount) for label, amount in zip(labels, r.buckets, strict=True)),
            AgingLine("unapplied", r.unapplied),
            AgingLine("total", r.total),
        )

    @staticmethod
    def _dunning_level(s: Session, fid: int, as_of: date) -> tuple[LevelRule, int, Decimal, date] | None:
        inv = open_invoices(as_of, fid).subquery()
        late = days_overdue(as_of, inv.c.due_date)
        row = s.execute(
            select(
                func.max(late), type_coerce(func.sum(inv.c.open_amount), Cents()), func.min(inv.c.due_date)
            ).where(inv.c.due_date < as_of)
        ).one()
        days, amount, oldest = row
        if days is None:
            return None
        if isinstance(oldest, str):
            oldest = date.fromisoformat(oldest)
        p = s.scalar(select(CreditProfile).where(CreditProfile.franchisee_id == fid))
        policy_id = p.collection_policy_id if p and p.collection_policy_id else None
        if policy_id is None:
            policy_id = s.scalar(
                select(CreditPolicy.default_collection_policy_id).where(CreditPolicy.id == 1)
            )
        levels = numbered(
            [
                LevelRule(r.days_overdue, DunningAction(r.action), r.letter_template)
                for r in s.scalars(select(DunningLevel).where(DunningLevel.policy_id == policy_id))
            ]
        )
        reached = [r for r in levels if r.days_overdue <= int(days)]
        letters = [r for r in reached if r.action in LETTER_ACTIONS]
        if not letters:
            return None
        return letters[-1], int(days), Decimal(amount), oldest

    def _dunning(self, s: Session, fid: int, as_of: date, language: str, fields: dict) -> dict:
        inv = open_invoices(as_of, fid).subquery()
        late = days_overdue(as_of, inv.c.due_date)
        rows = s.execute(
            select(inv.c.number, inv.c.doc_date, inv.c.due_date, inv.c.open_amount, late.label("days"))
            .where(inv.c.due_date < as_of)
            .order_by(inv.c.due_date, inv.c.number)
        ).all()
        overdue = tuple(
            OverdueLine(r.number, r.doc_date, r.due_date, r.open_amount, int(r.days)) for r in rows
        )
        balance = self.balance_as_of(s, fid, as_of)
        fields["dunning.balance"] = money_figures(balance, language)
        return {"overdue": overdue, "closing_balance": balance}

    # ----- rendering, batches, history ----------------------------------------------------------------------
    def record_batch(self, actor: Actor, batch_id: str, letters: Sequence[SpooledLetter]) -> tuple[int, ...]:
        """Record every letter of a batch in the history, in ONE transaction (all or nothing); the history ids.
        Refused (nothing recorded) when the actor may not write letters to one of the franchisees."""
        if not letters:
            return ()
        with self.db.write(actor.username) as s:
            now = self.require(actor, Action.VIEW_FRANCHISEES, s=s)
            owners = dict(
                s.execute(
                    select(Franchisee.id, Franchisee.account_manager_id).where(
                        Franchisee.id.in_({x.data.franchisee_id for x in letters})
                    )
                ).all()
            )
            for owner in set(owners.values()):
                self.require(now, Action.GENERATE_LETTERS, owner, s=s)
            ids: list[int] = []
            for x in letters:
                d = x.data
                row = LetterHistory(
                    franchisee_id=d.franchisee_id,
                    contact_id=d.contact_id,
                    kind=d.kind.value,
                    template_key=d.template_key,
                    language=d.language,
                    template_id=d.template_id,
                    template_version=d.template_version,
                    as_of=d.as_of,
                    period_from=d.period_from,
                    subject=x.subject,
                    created_by=actor.username,
                    batch_id=batch_id,
                    pdf=x.pdf(),
                    sha256=x.sha256,
                    merge_data=json.dumps(d.merge, ensure_ascii=False, sort_keys=True),
                )
                s.add(row)
                s.flush()
                ids.append(row.id)
                s.expunge(row)  # the PDF bytes leave memory once inserted: a batch's memory stays flat
            s.commit()
        return tuple(ids)

    def history(self, actor: Actor, franchisee_id: int) -> list[LetterHistoryDTO]:
        with self.db.read() as s:
            self.require(actor, Action.VIEW_FRANCHISEES, s=s)
            rows = s.execute(
                select(
                    LetterHistory.id,
                    LetterHistory.franchisee_id,
                    LetterHistory.contact_id,
                    Contact.name,
                    LetterHistory.kind,
                    LetterHistory.template_key,
                    LetterHistory.language,
                    LetterHistory.template_version,
                    LetterHistory.as_of,
                    LetterHistory.period_from,
                    LetterHistory.subject,
                    LetterHistory.created_at,
                    LetterHistory.created_by,
                    LetterHistory.batch_id,
                    LetterHistory.sha256,
                    func.length(LetterHistory.pdf),
                )
                .outerjoin(Contact, Contact.id == LetterHistory.contact_id)
                .where(LetterHistory.franchisee_id == franchisee_id)
                .order_by(LetterHistory.created_at.desc(), LetterHistory.id.desc())
            ).all()
        return [
            LetterHistoryDTO(
                r[0],
                r[1],
                r[2],
                r[3] or "",
                LetterKind(r[4]),
                r[5],
                r[6],
                r[7],
                r[8],
                r[9],
                r[10],
                r[11],
                r[12],
                r[13],
                r[14],
                int(r[15] or 0),
            )
            for r in rows
        ]

    def reprint(self, actor: Actor, history_id: int) -> bytes:
        with self.db.read() as s:
            self.require(actor, Action.VIEW_FRANCHISEES, s=s)
            pdf = s.scalar(select(LetterHistory.pdf).where(LetterHistory.id == history_id))
        if pdf is None:
            raise NotFound()
        return bytes(pdf)


def _example_ledger() -> tuple[LedgerLine, ...]:
    d = date.today().replace(day=1)
    return (
        LedgerLine(
            d,
            "invoice",
            "INV-2026-0001",
            d + timedelta(days=30),
            Decimal("15432.10"),
            ZERO,
            Decimal("135432.10"),
        ),
        LedgerLine(
            d + timedelta(days=9), "payment", "PAY-0001", None, ZERO, Decimal("50000.00"), Decimal("85432.10")
        ),
    )


def _example_aging() -> tuple[AgingLine, ...]:
    labels = bucket_labels((30, 60, 90, 180, 365))
    values = [Decimal("73432.10"), Decimal("12000.00")] + [ZERO] * (len(labels) - 2)
    return (
        *(AgingLine(x, v) for x, v in zip(labels, values, strict=True)),
        AgingLine("unapplied", ZERO),
        AgingLine("total", Decimal("85432.10")),
    )


def _example_overdue() -> tuple[OverdueLine, ...]:
    d = date.today()
    return (
        OverdueLine("INV-2026-0001", d - timedelta(days=68), d - timedelta(days=38), Decimal("12345.67"), 38),
    )


__all__ = [
    "LetterService",
    "shipped_template",
    "term_text",
    "LETTERHEAD_KEYS",
    "LetterSelectionRefused",
    "NoLetters",
]
