"""What the letters screens ask of the services, in the screens' words; runs in the task runner's threads.

The selection (calendar events in a date range, a franchisee filter, the dunning run's to-do list, all active
franchisees, picked franchisees) is resolved here from the existing services (calendar, franchisee list,
dunning); the letter engine (``services.letters``) plans, writes and records the letters.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from hqdesk.domain.calendar import EventKind
from hqdesk.domain.credit import DunningAction
from hqdesk.domain.franchisee import LifecycleStatus
from hqdesk.services.dto import SearchCriteria

LETTER_ACTIONS = frozenset({DunningAction.REMINDER_LETTER, DunningAction.FINAL_DEMAND})
EVENT_KINDS = {"birthday": EventKind.BIRTHDAY, "store_anniversary": EventKind.STORE_ANNIVERSARY}
PICK_LIMIT = 50  # franchisees listed for one search when picking by hand


@dataclass(frozen=True)
class Selection:
    """Who the order names, before the engine checks contacts and addresses."""

    franchisee_ids: tuple[int, ...]
    levels: dict  # dunning: franchisee id -> level (from the run)
    events: tuple = ()  # CalendarEvents (birthdays, anniversaries) in the range


def default_output_folder() -> Path:
    from PySide6.QtCore import QStandardPaths

    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents or Path.home()) / "hqdesk letters"


def find_franchisees(services, actor, text: str):
    """Franchisees to pick by hand: those matching ``text`` (code, name, pinyin…), the first PICK_LIMIT."""
    result = services.franchisees.search(actor, SearchCriteria(text=text.strip()), page_size=PICK_LIMIT)
    return result.first_rows


def sample_franchisees(services, actor, limit: int = 30) -> list[tuple[int, str]]:
    """Franchisees to preview a template with (active ones first)."""
    result = services.franchisees.search(
        actor, SearchCriteria(statuses=(LifecycleStatus.ACTIVE,)), sort_column="code", page_size=limit
    )
    rows = (
        result.first_rows or services.franchisees.search(actor, SearchCriteria(), page_size=limit).first_rows
    )
    return [(r.id, f"{r.code} {r.legal_name}") for r in rows]


def select(services, actor, order) -> Selection:
    """The franchisees (and events, levels) ``order`` names, in a stable order."""
    source = order.source
    levels: dict[int, int] = {}
    events: tuple = ()
    if source == "events":
        kinds = {EVENT_KINDS[order.kind]} if order.kind in EVENT_KINDS else set(EVENT_KINDS.values())
        found = services.calendar.events(actor, order.events_from, order.events_to, kinds=kinds)
        events = tuple(e for e in found if e.franchisee_id is not None)
        ids = tuple(dict.fromkeys(e.franchisee_id for e in events))
    elif source == "dunning":
        tasks = [t for t in services.dunning.tasks(actor) if t.action in LETTER_ACTIONS]
        if tasks:
            latest = max(t.run_date for t in tasks)
            tasks = [t for t in tasks if t.run_date == latest]
        for t in tasks:  # the highest level of the run for each franchisee
            levels[t.franchisee_id] = max(levels.get(t.franchisee_id, 0), t.level)
        ids = tuple(dict.fromkeys(t.franchisee_id for t in tasks))
    elif source == "picked":
        ids = tuple(order.picked)
    else:
        if source == "active":
            criteria = SearchCriteria(statuses=(LifecycleStatus.ACTIVE,))
        else:
            criteria = SearchCriteria(
                tiers=(order.tier,) if order.tier else (),
                statuses=tuple(order.statuses),
                region=order.region or "",
                account_manager_id=order.account_manager_id,
            )
        ids = services.franchisees.search(actor, criteria, sort_column="code", page_size=0).ids
    return Selection(tuple(ids), levels, events)


def today() -> date:
    return date.today()


# ----- the engine ---------------------------------------------------------------------------------------------
from hqdesk.domain.changes import Changes, Entity  # noqa: E402
from hqdesk.domain.roles import Action  # noqa: E402

LETTER_ENTITIES = (Entity.LETTER, Entity.LETTER_TEMPLATE)


class BatchCancelled(Exception):
    """Raised by ``generate`` when the user cancelled: nothing was written or recorded."""


@dataclass(frozen=True)
class Plan:
    order: object  # the LetterOrder
    letters: tuple  # LetterData, in order
    rows: tuple  # RecipientRow, the letters' and the skipped franchisees'

    @property
    def count(self) -> int:
        return len(self.letters)


@dataclass(frozen=True)
class BatchOutcome:
    count: int
    pages: int
    combined: Path | None
    files: tuple
    folder: Path | None
    franchisee_ids: tuple


def _translate(text: str) -> str:
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate("LettersEngine", text)


def _selection(order, ids, level=None):
    from hqdesk.services.letter_dto import EventDetails, LetterSelection

    event = None
    if order.kind == "invitation" and order.event_date is not None:
        event = EventDetails(order.event_name, order.event_date, order.event_place, None, order.rsvp)
    return LetterSelection(
        as_of=order.as_of,
        franchisee_ids=ids,
        language=order.language,
        period_from=order.period_from,
        festival=order.festival,
        event=event,
    )


def plan(services, actor, order) -> Plan:
    """Who gets which letter; the franchisees named but not written to, with why."""
    from PySide6.QtCore import QCoreApplication

    from hqdesk.letters.render import printable
    from hqdesk.ui.models.letters import KIND_NAMES, RecipientRow

    chosen = select(services, actor, order)
    ids = chosen.franchisee_ids
    skipped: list = []
    letters = (
        list(services.letters.recipients(actor, order.kind, _selection(order, ids), skipped)) if ids else []
    )
    letters, refused = printable(letters)
    kind_name = _translate(KIND_NAMES.get(order.kind, order.kind))

    def names(x) -> tuple[str, str]:
        merge = x.merge if isinstance(x.merge, dict) else {}
        greeting = (merge.get("contact") or {}).get("greeting", "")
        name = (merge.get("franchisee") or {}).get("name", "")
        return name or (x.address_lines[0] if x.address_lines else ""), greeting

    rows = []
    for x in letters:
        name, greeting = names(x)
        rows.append(RecipientRow(x.franchisee_id, x.franchisee_code, name, greeting, x.language, kind_name))
    for x, exc in refused:
        name, greeting = names(x)
        why = QCoreApplication.translate("LettersEngine", "no font has the character {char} ({where})")
        rows.append(
            RecipientRow(
                x.franchisee_id,
                x.franchisee_code,
                name,
                greeting,
                x.language,
                kind_name,
                skipped=why.format(char=exc.params["char"], where=exc.params["where"]),
            )
        )
    for r in skipped:
        why = QCoreApplication.translate("Letters", r.reason).format(**r.params)
        rows.append(RecipientRow(r.franchisee_id, r.code, r.name, "", None, kind_name, skipped=why))
    listed = {r.franchisee_id for r in rows}
    missing_ids = [i for i in (ids or []) if i not in listed]
    if missing_ids:
        for r in services.franchisees.rows(actor, missing_ids):
            rows.append(
                RecipientRow(
                    r.id,
                    r.code,
                    r.legal_name,
                    r.primary_contact,
                    None,
                    kind_name,
                    skipped=_translate(
                        "nothing to write for this kind (no contact, no activity, or not yours)"
                    ),
                )
            )
    return Plan(order, tuple(letters), tuple(rows))


def generate(services, actor, plan_: Plan, context=None) -> BatchOutcome:
    """Render, record and write the files; a cancelled batch leaves no file and no history row."""
    from hqdesk.letters.batch import BatchCancelled as EngineCancelled
    from hqdesk.letters.batch import generate as run

    order = plan_.order
    folder = Path(order.folder) if order.folder else default_output_folder()
    stamp = f"{order.kind}_{order.as_of.isoformat()}"
    combined = folder / f"letters_{stamp}.pdf" if order.output in ("combined", "both") else None
    separate = folder / stamp if order.output in ("separate", "both") else None
    folder.mkdir(parents=True, exist_ok=True)
    try:
        result = run(
            plan_.letters,
            lambda batch, items: services.letters.record_batch(actor, batch, items),
            combined=combined,
            folder=separate,
            progress=context.progress if context is not None else None,
            cancel=context.cancellation if context is not None else None,
        )
    except EngineCancelled as exc:
        raise BatchCancelled() from exc
    return BatchOutcome(
        result.letters,
        result.pages,
        result.combined,
        tuple(result.files),
        separate,
        tuple(dict.fromkeys(x.franchisee_id for x in plan_.letters)),
    )


def changes_after(outcome: BatchOutcome, origin=None) -> Changes:
    return Changes.of(Entity.LETTER, franchisee_ids=outcome.franchisee_ids, origin=origin)


def template_changes(origin=None) -> Changes:
    return Changes.of(Entity.LETTER_TEMPLATE, origin=origin)


# ----- history ------------------------------------------------------------------------------------------------
def history(services, actor, franchisee_id: int):
    from hqdesk.ui.models.letters import KIND_NAMES, HistoryRow

    out = []
    for h in services.letters.history(actor, franchisee_id):
        about = h.subject
        out.append(
            HistoryRow(
                h.id,
                h.created_at,
                _translate(KIND_NAMES.get(h.kind.value, h.kind.value)),
                h.language,
                h.template_version,
                h.created_by,  # the username: the tab shows the display name
                about,
            )
        )
    return out


def letter_pdf(services, actor, history_id: int) -> tuple[bytes, str]:
    return services.letters.reprint(actor, history_id), f"letter_{history_id}.pdf"


# ----- templates ----------------------------------------------------------------------------------------------
def can_edit_templates(ctx) -> bool:
    return ctx.can(Action.EDIT_LETTER_TEMPLATES)


def templates(services, actor):
    from hqdesk.ui.models.letters import KIND_NAMES, TemplateRow

    return [
        TemplateRow(
            t.kind.value,
            _translate(KIND_NAMES.get(t.kind.value, t.kind.value))
            + ("" if t.key == t.kind.value else f" ({t.key})"),
            t.language,
            t.version,
            not t.is_default,
            t.updated_by,
            t.updated_at,
            key=(t.key, t.language),
        )
        for t in services.letters.templates(actor)
    ]


def template_text(services, actor, key) -> tuple[str, int, int, str]:
    """(body, version, id, subject)"""
    t = services.letters.template(actor, *key)
    return t.body, t.version, t.id, t.subject


def merge_fields(kind: str) -> list[tuple[str, str]]:
    from PySide6.QtCore import QCoreApplication

    from hqdesk.services.letters import LetterService

    return [
        (f.name, QCoreApplication.translate("LetterFields", f.description))
        for f in LetterService.merge_fields(kind)
    ]


def render_sample(services, actor, row, subject: str, body: str) -> bytes:
    from hqdesk.letters.render import render_letter

    services.letters.check_template(row.kind, row.language, subject, body)
    data = services.letters.example_letter(row.kind, row.language, subject, body)
    return render_letter(data).pdf


def template_problem(exc: BaseException) -> tuple[int | None, str] | None:
    from hqdesk.domain.letter_templates import LetterTemplateError, TemplateProblem

    if isinstance(exc, TemplateProblem):
        return exc.line, exc.message
    if isinstance(exc, LetterTemplateError):
        line = exc.params.get("line")
        return (line if isinstance(line, int) else None), str(exc.params.get("problem", ""))
    return None


def save_template(services, actor, template_id: int, version: int, subject: str, body: str) -> int:
    return services.letters.save_template(actor, template_id, version, "", subject, body).version


def revert_template(services, actor, template_id: int, version: int) -> int:
    return services.letters.reset_template(actor, template_id, version).version
