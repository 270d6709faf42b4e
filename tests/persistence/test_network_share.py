"""SQLite files on network shares are refused: SQLite cannot lock them, and several users corrupt the file."""

from __future__ import annotations

from pathlib import Path

import pytest

from hqdesk.domain.errors import NetworkShareRefused
from hqdesk.persistence.database import Database
from hqdesk.persistence.engine import NETWORK_FS_TYPES, _linux_fs_type, build_engine, is_network_path


@pytest.mark.parametrize("path", ["\\\\server\\share\\x.sqlite3", "//server/share/x"])
def test_unc_paths_are_network_paths(path):
    assert is_network_path(Path(path))
    assert is_network_path(Path(path), platform="win32", drive_is_remote=lambda p: False)


def test_mapped_network_drive_on_windows():
    seen = []

    def remote(p):
        seen.append(p)
        return True

    assert is_network_path(Path("Z:/hq/data.sqlite3"), platform="win32", drive_is_remote=remote)
    assert seen == [Path("Z:/hq/data.sqlite3")]
    assert not is_network_path(Path("C:/hq/data.sqlite3"), platform="win32", drive_is_remote=lambda p: False)


@pytest.mark.parametrize(
    ("fs", "refused"),
    [
        ("nfs", True),
        ("nfs4", True),
        ("cifs", True),
        ("smb3", True),
        ("fuse.sshfs", True),
        ("ext4", False),
        ("tmpfs", False),
        (None, False),
    ],
)
def test_network_file_systems_on_linux(tmp_path, fs, refused):
    assert is_network_path(tmp_path / "x.sqlite3", platform="linux", fs_type=lambda p: fs) is refused


def test_the_real_mount_table_decides(tmp_path):
    """The real mount table (the tests run on Linux): a file in the temp folder is refused exactly when that
    folder's file system is a network one (on a developer's machine and in CI: a local one, so accepted)."""
    fs = _linux_fs_type(tmp_path.resolve())
    assert fs is not None, "no file system found for the temp folder in /proc/mounts"
    assert is_network_path(tmp_path / "x.sqlite3") is (fs in NETWORK_FS_TYPES)


def test_mount_table_lookup_uses_the_longest_matching_mount_point(tmp_path):
    mounts = tmp_path / "mounts"
    mounts.write_text(
        "/dev/sda1 / ext4 rw 0 0\n"
        "fileserver:/export /mnt/hq nfs4 rw 0 0\n"
        "//nas/share /mnt/hq\\040office cifs rw 0 0\n",
        encoding="utf-8",
    )
    assert _linux_fs_type(Path("/mnt/hq/data/hq.sqlite3"), str(mounts)) == "nfs4"
    assert _linux_fs_type(Path("/mnt/hq office/hq.sqlite3"), str(mounts)) == "cifs"
    assert _linux_fs_type(Path("/mnt/hqlocal/hq.sqlite3"), str(mounts)) == "ext4"  # not under /mnt/hq
    assert _linux_fs_type(Path("/home/u/hq.sqlite3"), str(tmp_path / "missing")) is None


@pytest.mark.parametrize("path", ["//server/share/hq.sqlite3", "\\\\server\\share\\hq.sqlite3"])
def test_build_engine_refuses_a_unc_path_and_points_to_postgresql(path, monkeypatch):
    monkeypatch.delenv("HQDESK_ALLOW_NETWORK_SQLITE", raising=False)
    with pytest.raises(NetworkShareRefused) as err:
        build_engine("sqlite:///" + path)
    message = str(err.value)
    assert path in message
    assert "PostgreSQL" in message
    assert not Path("/server").exists()  # nothing was created on the way


def test_opening_a_database_on_a_share_is_refused(monkeypatch):
    monkeypatch.delenv("HQDESK_ALLOW_NETWORK_SQLITE", raising=False)
    with pytest.raises(NetworkShareRefused):
        Database.open("sqlite://///server/share/hq.sqlite3")
