"""``hqdesk-admin letters KIND --out PATH ...``: the contract, defaults, history, and bad input (exit 2, nothing
written)."""

from __future__ import annotations

import io
from datetime import date

import pytest
from pypdf import PdfReader

from hqdesk.cli import main

TODAY = date(2026, 6, 30)


def cli(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def url(migrated_db_url):
    from hqdesk.demo.generate import generate_demo
    from hqdesk.services.bootstrap import open_services

    sv = open_services(migrated_db_url)
    try:
        generate_demo(sv.db, franchisees=12, seed=4, today=TODAY)
    finally:
        sv.close()
    return migrated_db_url


def _history(url, code):
    from hqdesk.services.bootstrap import open_services

    sv = open_services(url)
    try:
        admin = sv.users.actor("admin")
        fid = sv.receivables.franchisee_id(code)
        return sv.letters.history(admin, fid), sv
    finally:
        sv.close()


def test_a_combined_statement_pdf_is_written_and_recorded(capsys, url, tmp_path):
    out_pdf = tmp_path / "statements.pdf"
    code, out, err = cli(
        capsys,
        "letters",
        "statement",
        "--out",
        str(out_pdf),
        "--as-of",
        "2026-06-30",
        "--as",
        "admin",
        "--db",
        url,
    )
    assert code == 0 and err == ""
    n = int(out.split()[0])
    assert out == f"{n} letters written to {out_pdf}\n" and n > 0
    reader = PdfReader(out_pdf)
    text = reader.pages[0].extract_text()
    assert "对账单" in text or "Statement of account" in text
    assert "2026年6月1日" in text or "1 June 2026" in text  # --from defaults to the first of the month


def test_separate_files_for_named_franchisees_in_english(capsys, url, tmp_path):
    folder = tmp_path / "festival"
    code, out, err = cli(
        capsys,
        "letters",
        "festival",
        "--out",
        str(folder),
        "--separate",
        "--franchisee",
        "JX0001",
        "JX0002",
        "--language",
        "en",
        "--festival",
        "mid_autumn",
        "--as-of",
        "2026-06-30",
        "--db",
        url,
    )
    assert code == 0, err
    files = sorted(folder.iterdir())
    assert [f.name for f in files] == ["JX0001_festival_2026-06-30.pdf", "JX0002_festival_2026-06-30.pdf"]
    assert out.startswith("2 letters written to ")
    text = PdfReader(io.BytesIO(files[0].read_bytes())).pages[0].extract_text()
    assert "Mid-Autumn Festival" in text and "Dear" in text
    history, _ = _history(url, "JX0001")
    assert len(history) == 1 and history[0].language == "en" and history[0].kind == "festival"


def test_an_invitation_with_its_event(capsys, url, tmp_path):
    out_pdf = tmp_path / "gala.pdf"
    code, out, err = cli(
        capsys,
        "letters",
        "invitation",
        "--out",
        str(out_pdf),
        "--franchisee",
        "JX0003",
        "--event-name",
        "年度经销商答谢盛典",
        "--event-date",
        "2027-01-16",
        "--event-place",
        "长沙华天大酒店",
        "--rsvp-by",
        "2027-01-06",
        "--db",
        url,
    )
    assert code == 0, err
    text = " ".join(PdfReader(out_pdf).pages[0].extract_text().split())
    assert "年度经销商答谢盛典" in text or "2027 Annual" in text or "16 January 2027" in text


@pytest.mark.parametrize(
    "argv",
    [
        ("letters", "greeting", "--out", "{out}"),  # unknown kind
        ("letters", "festival"),  # no --out
        ("letters", "statement", "--out", "{out}", "--as-of", "2026-13-01"),
        ("letters", "statement", "--out", "{out}", "--from", "2026-07-01", "--as-of", "2026-06-30"),
        ("letters", "festival", "--out", "{out}", "--festival", "christmas"),
        ("letters", "festival", "--out", "{out}", "--language", "fr"),
        ("letters", "invitation", "--out", "{out}", "--event-name", "Gala"),
        ("letters", "festival", "--out", "{out}", "--franchisee", "NOPE"),
        ("letters", "festival", "--out", "{tmp}"),  # a folder without --separate
        ("letters", "festival", "--out", "{tmp}/missing/x.pdf"),
    ],
)
def test_bad_input_is_exit_2_in_one_line_and_writes_nothing(capsys, url, tmp_path, argv):
    out_pdf = tmp_path / "x.pdf"
    args = [a.format(out=out_pdf, tmp=tmp_path) for a in argv]
    before = set(tmp_path.rglob("*"))
    code, out, err = cli(capsys, *args, "--db", url)
    assert code == 2 and out == "" and err.count("\n") == 1, err
    assert set(tmp_path.rglob("*")) == before


def test_a_name_no_font_can_print_leaves_that_letter_out_and_says_so(capsys, url, tmp_path):
    """One rare character in one contact's name (䶮, CJK extension A: not in the bundled font) leaves that
    franchisee's letter out, named on stderr with the character; the others are written and recorded."""
    from sqlalchemy import text

    from hqdesk.services.bootstrap import open_services

    sv = open_services(url)
    try:
        with sv.db.write("admin") as s:
            fid = s.execute(text("SELECT id FROM franchisees WHERE code = 'JX0002'")).scalar_one()
            s.execute(text("UPDATE contacts SET name = '刘䶮' WHERE franchisee_id = :f"), {"f": fid})
            s.commit()
    finally:
        sv.close()
    out_pdf = tmp_path / "festival.pdf"
    argv = ["letters", "festival", "--out", str(out_pdf), "--franchisee", "JX0001", "JX0002", "JX0003"]
    code, out, err = cli(capsys, *argv, "--as-of", "2026-06-30", "--as", "admin", "--db", url)
    assert code == 0, err
    assert out == f"2 letters written to {out_pdf}\n"
    assert "JX0002: left out: no font has the character 䶮 (contact." in err
    assert len(PdfReader(out_pdf).pages) == 2
    assert _history(url, "JX0002")[0] == [] and len(_history(url, "JX0001")[0]) == 1


def test_named_franchisees_without_a_letter_are_listed_with_the_reason(capsys, url, tmp_path):
    codes = [f"JX{i:04d}" for i in range(1, 13)]
    argv = ["letters", "credit_change", "--out", str(tmp_path / "c.pdf"), "--franchisee", *codes]
    code, out, err = cli(capsys, *argv, "--as-of", "2026-06-30", "--as", "admin", "--db", url)
    reasons = [
        line for line in err.splitlines() if "no change of credit limit or settlement term on record" in line
    ]
    assert reasons, err
    written = int(out.split()[0]) if code == 0 else 0
    assert written + len(reasons) == len(codes)
    assert all(line.split(":")[0] in codes for line in reasons)
