"""Backups of the SQLite database: safe while another connection writes, private, checked, whole or nothing;
restore refuses what is not an hqdesk database and keeps the current one first; daily backups rotate."""

from __future__ import annotations

import os
import sqlite3
from datetime import date

import pytest

from hqdesk.cli import main
from hqdesk.services.backup import BackupRefused, backup, daily_backup, restore


@pytest.fixture
def url(migrated_sqlite, tmp_path):
    url = migrated_sqlite(tmp_path / "live" / "hqdesk.sqlite3")
    with sqlite3.connect(url.removeprefix("sqlite:///")) as conn:
        conn.execute(
            "INSERT INTO tiers (code, name, sort_order, version, created_at, updated_at, updated_by) "
            "VALUES ('Z', 'committed', 9, 1, '2026-01-01', '2026-01-01', 'test')"
        )
    return url


def tier_names(path) -> set[str]:
    with sqlite3.connect(path) as conn:
        return {r[0] for r in conn.execute("SELECT name FROM tiers")}


def test_backup_while_another_connection_holds_a_write_transaction(url, tmp_path):
    writer = sqlite3.connect(url.removeprefix("sqlite:///"), isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")
    writer.execute("UPDATE tiers SET name = 'uncommitted' WHERE code = 'Z'")
    try:
        result = backup(url, tmp_path / "b.sqlite3")
    finally:
        writer.execute("ROLLBACK")
        writer.close()
    assert "committed" in tier_names(result.path) and "uncommitted" not in tier_names(result.path)
    assert result.revision
    if os.name == "posix":
        assert oct(result.path.stat().st_mode & 0o777) == "0o600"
    assert [p.name for p in (tmp_path).iterdir() if p.name.startswith(".~")] == []


def test_cli_backup_and_restore(url, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("HQDESK_DATA_DIR", str(tmp_path / "data"))
    saved = tmp_path / "saved.sqlite3"
    assert main(["backup", str(saved), "--db", url]) == 0
    assert "backed up the database" in capsys.readouterr().out
    live = url.removeprefix("sqlite:///")
    with sqlite3.connect(live) as conn:
        conn.execute("UPDATE tiers SET name = 'changed later' WHERE code = 'Z'")
    assert main(["restore", str(saved), "--db", url]) == 2  # no --yes
    assert "--yes" in capsys.readouterr().err
    assert "changed later" in tier_names(live)
    assert main(["restore", str(saved), "--db", url, "--yes"]) == 0
    assert "committed" in tier_names(live) and "changed later" not in tier_names(live)
    kept = list((tmp_path / "data" / "backups").glob("before-restore-*.sqlite3"))
    assert len(kept) == 1 and "changed later" in tier_names(kept[0])


@pytest.mark.parametrize(
    "content, words",
    [
        (b"name,code\nx,1\n", "is not a SQLite database"),
        (None, "is not an hqdesk database"),
    ],
)
def test_restore_refuses_what_is_not_an_hqdesk_database(url, tmp_path, content, words):
    other = tmp_path / "other.sqlite3"
    if content is None:
        with sqlite3.connect(other) as conn:
            conn.execute("CREATE TABLE notes (x)")
    else:
        other.write_bytes(content)
    before = (tmp_path / "live" / "hqdesk.sqlite3").read_bytes()
    with pytest.raises(BackupRefused) as refused:
        restore(url, other, tmp_path / "keep", {"0001"})
    assert words in refused.value.english()
    assert (tmp_path / "live" / "hqdesk.sqlite3").read_bytes() == before
    assert not (tmp_path / "keep").exists()


def test_restore_refuses_a_newer_schema(url, tmp_path):
    newer = backup(url, tmp_path / "newer.sqlite3").path
    with sqlite3.connect(newer) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    with pytest.raises(BackupRefused, match="newer hqdesk"):
        restore(url, newer, tmp_path / "keep", {"0001"})


def test_postgresql_is_refused_with_the_pg_dump_command(capsys, tmp_path):
    assert main(["backup", str(tmp_path / "b"), "--db", "postgresql://hq@localhost/hqdesk"]) == 2
    assert "pg_dump" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_daily_backup_once_a_day_and_old_ones_removed(url, tmp_path):
    folder = tmp_path / "backups"
    folder.mkdir()
    for day in ("2026-11-01", "2026-11-20", "2026-11-21"):
        (folder / f"hqdesk-{day}.sqlite3").write_bytes(b"old")
    (folder / "my-own-copy.sqlite3").write_bytes(b"mine")
    made, removed = daily_backup(url, folder, keep_days=14, today=date(2026, 12, 4))
    assert made == folder / "hqdesk-2026-12-04.sqlite3"
    assert [p.name for p in removed] == ["hqdesk-2026-11-01.sqlite3", "hqdesk-2026-11-20.sqlite3"]
    assert sorted(p.name for p in folder.iterdir()) == [
        "hqdesk-2026-11-21.sqlite3",
        "hqdesk-2026-12-04.sqlite3",
        "my-own-copy.sqlite3",
    ]
    again, _ = daily_backup(url, folder, keep_days=14, today=date(2026, 12, 4))
    assert again is None  # one a day
