"""LetterService: templates (admin-only, version-checked, validated), recipients per kind, statements that agree
with the aging, batches recorded all-or-nothing, history and byte-identical reprints."""

import io
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from hqdesk.demo.generate import generate_demo
from hqdesk.domain.cancel import Cancellation
from hqdesk.domain.errors import ConflictError, PermissionDenied
from hqdesk.domain.letter_templates import LetterTemplateError
from hqdesk.letters.batch import BatchCancelled, generate
from hqdesk.services.letter_dto import EventDetails, LetterSelection

TODAY = date(2026, 6, 30)


@pytest.fixture
def demo(services):
    generate_demo(services.db, franchisees=24, seed=3, today=TODAY)
    return services


def _recorder(services, actor):
    return lambda batch, items: services.letters.record_batch(actor, batch, items)


def _admin(services):
    return services.users.actor("admin")


def test_default_templates_are_seeded_for_every_key_and_language(services, admin):
    templates = services.letters.templates(admin)
    assert {(t.key, t.language) for t in templates} >= {
        (k, lang)
        for k in (
            "festival",
            "birthday",
            "store_anniversary",
            "invitation",
            "credit_change",
            "statement",
            "dunning_reminder",
            "dunning_final",
        )
        for lang in ("zh_CN", "en")
    }
    assert all(t.is_default and t.version == 1 for t in templates)


def test_saving_a_template_checks_rights_version_and_the_template(services, users):
    t = services.letters.template(users["admin"], "festival", "zh_CN")
    with pytest.raises(PermissionDenied):
        services.letters.save_template(users["cm"], t.id, t.version, t.name, t.subject, t.body)
    with pytest.raises(LetterTemplateError) as info:
        services.letters.save_template(
            users["admin"], t.id, t.version, t.name, t.subject, "好\n{{ contact.nope }}"
        )
    assert info.value.params["line"] == 2
    with pytest.raises(LetterTemplateError):
        services.letters.save_template(
            users["admin"], t.id, t.version, t.name, t.subject, "{{ ''.__class__ }}"
        )
    saved = services.letters.save_template(
        users["admin"], t.id, t.version, t.name, t.subject, t.body + "\n再会"
    )
    assert saved.version == t.version + 1 and not saved.is_default
    with pytest.raises(ConflictError):
        services.letters.save_template(users["admin"], t.id, t.version, t.name, t.subject, t.body)
    reset = services.letters.reset_template(users["admin"], t.id, saved.version)
    assert reset.is_default and reset.body == t.body


def test_statement_closing_balance_equals_the_aging_total(demo):
    admin = _admin(demo)
    for as_of in (date(2026, 3, 31), date(2026, 5, 15), TODAY):
        letters = demo.letters.recipients(admin, "statement", LetterSelection(as_of=as_of))
        assert letters
        aging = {r.franchisee_id: r.total for r in demo.receivables.aging(admin, as_of).rows}
        for letter in letters:
            assert letter.closing_balance == aging.get(letter.franchisee_id, 0), letter.franchisee_code
            if letter.ledger:
                assert letter.ledger[-1].balance == letter.closing_balance
            total = next(a.amount for a in letter.aging if a.label == "total")
            assert total == letter.closing_balance


def test_recipients_of_every_kind_and_the_preferred_language(demo):
    admin = _admin(demo)
    sel = LetterSelection(
        as_of=TODAY,
        event=EventDetails("年度经销商答谢盛典", date(2027, 1, 16), "长沙华天大酒店", date(2027, 1, 6)),
    )
    counts = {
        k: len(demo.letters.recipients(admin, k, sel))
        for k in ("festival", "birthday", "store_anniversary", "invitation", "statement", "dunning")
    }
    assert all(counts.values()), counts
    festival = demo.letters.recipients(admin, "festival", sel)
    assert all(x.merge["festival"]["key"] for x in festival)
    english = demo.letters.recipients(admin, "festival", LetterSelection(as_of=TODAY, language="en"))
    assert {x.language for x in english} == {"en"}


def test_a_batch_is_recorded_once_and_reprints_byte_for_byte(demo, tmp_path):
    admin = _admin(demo)
    letters = demo.letters.recipients(admin, "statement", LetterSelection(as_of=TODAY))[:3]
    result = generate(
        letters, _recorder(demo, admin), combined=tmp_path / "all.pdf", folder=tmp_path / "each"
    )
    assert result.letters == 3 and len(result.history_ids) == 3
    assert len(PdfReader(tmp_path / "all.pdf").pages) == result.pages
    assert sorted(p.name for p in (tmp_path / "each").iterdir()) == sorted(f.name for f in result.files)
    history = demo.letters.history(admin, letters[0].franchisee_id)
    assert history and history[0].kind == "statement" and history[0].created_by == "admin"
    reprint = demo.letters.reprint(admin, history[0].id)
    assert reprint == result.files[0].read_bytes()
    assert "对账单" in PdfReader(io.BytesIO(reprint)).pages[0].extract_text() or letters[0].language == "en"


def test_a_cancelled_batch_writes_and_records_nothing(demo, tmp_path):
    admin = _admin(demo)
    letters = demo.letters.recipients(admin, "festival", LetterSelection(as_of=TODAY))[:5]
    token = Cancellation()

    def progress(done, total):
        if done == 2:
            token.cancel()

    with pytest.raises(BatchCancelled):
        generate(
            letters,
            _recorder(demo, admin),
            combined=tmp_path / "x.pdf",
            folder=tmp_path / "f",
            progress=progress,
            cancel=token,
        )
    assert not (tmp_path / "x.pdf").exists()
    assert not any(Path(tmp_path).rglob("*.pdf")) and not any(Path(tmp_path).rglob("*.part"))
    assert all(not demo.letters.history(admin, x.franchisee_id) for x in letters)


def test_a_batch_failing_halfway_records_nothing(demo, tmp_path):
    admin = _admin(demo)
    letters = demo.letters.recipients(admin, "festival", LetterSelection(as_of=TODAY))[:4]
    broken = letters[:2] + [letters[2].__class__(**{**letters[2].__dict__, "body_source": "{{ nope }}"})]
    with pytest.raises(LetterTemplateError):
        generate(broken, _recorder(demo, admin), combined=tmp_path / "x.pdf")
    assert not (tmp_path / "x.pdf").exists()
    assert all(not demo.letters.history(admin, x.franchisee_id) for x in letters)


def test_account_managers_write_only_to_their_own_franchisees(demo):
    zhang = demo.users.actor("zhang")
    mine = demo.letters.recipients(zhang, "festival", LetterSelection(as_of=TODAY))
    everyone = demo.letters.recipients(_admin(demo), "festival", LetterSelection(as_of=TODAY))
    assert 0 < len(mine) < len(everyone)
    viewer_names = [u for u in ("viewer", "chen") if _exists(demo, u)]
    for name in viewer_names:
        assert demo.letters.recipients(demo.users.actor(name), "festival", LetterSelection(as_of=TODAY)) == []


def _exists(services, name):
    try:
        services.users.actor(name)
        return services.users.actor(name).role.value == "viewer"
    except Exception:
        return False


def test_a_recording_that_fails_leaves_no_file(demo, tmp_path):
    """The history write is refused (the account manager may not write to others' franchisees): no file."""
    everyone = demo.letters.recipients(_admin(demo), "festival", LetterSelection(as_of=TODAY))[:6]
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(PermissionDenied):
        generate(
            everyone, _recorder(demo, demo.users.actor("zhang")), combined=out / "x.pdf", folder=out / "f"
        )
    assert [p.name for p in out.iterdir()] == ["f"] and not any((out / "f").iterdir())
    assert all(not demo.letters.history(_admin(demo), x.franchisee_id) for x in everyone)


def test_birthday_and_anniversary_letters_without_names_are_for_the_coming_month(demo):
    from hqdesk.domain.letters import long_date

    admin = _admin(demo)
    sel = LetterSelection(as_of=TODAY, language="zh_CN")
    birthdays = demo.letters.recipients(admin, "birthday", sel)
    coming = {long_date(date.fromordinal(TODAY.toordinal() + d), "zh_CN") for d in range(32)}
    assert birthdays and all(x.merge["birthday"]["date"] in coming for x in birthdays)
    named = demo.letters.recipients(
        admin, "birthday", LetterSelection(as_of=TODAY, franchisee_ids=tuple(range(1, 25)), language="zh_CN")
    )
    assert len(named) > len(birthdays)  # named franchisees get one whenever the birthday is
    anniversaries = demo.letters.recipients(admin, "store_anniversary", sel)
    assert all(int(x.merge["anniversary"]["years"]) >= 1 for x in anniversaries)


def test_the_address_block_never_repeats_the_city_the_street_already_names(demo):
    """Chinese street addresses name their province and city; the window then shows company, addressee and the
    street, in either letter language (an English letter to 河南省郑州市…: no extra "郑州" line)."""
    admin = _admin(demo)
    for language in ("zh_CN", "en"):
        letters = demo.letters.recipients(admin, "festival", LetterSelection(as_of=TODAY, language=language))
        checked = 0
        for x in letters:
            street = x.address_lines[-1]
            with demo.db.read() as s:
                from hqdesk.persistence.models import Franchisee

                f = s.get(Franchisee, x.franchisee_id)
                city, province = f.city, f.province
            if city and city in street:
                assert not any(line in (city, f"{province}{city}") for line in x.address_lines), (
                    x.address_lines
                )
                checked += 1
        assert checked, language
