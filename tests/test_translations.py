"""Every visible string ships in Simplified Chinese; the shipped .qm matches the .ts; Qt loads it."""

from __future__ import annotations

import importlib.util
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS = ROOT / "resources" / "translations" / "hqdesk_zh_CN.ts"


def _load_tool():
    spec = importlib.util.spec_from_file_location("translations_tool", ROOT / ".ci" / "translations.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    out = {}
    for ctx in ET.parse(ts).getroot().iter("context"):
        for msg in ctx.iter("message"):
            out[(ctx.findtext("name"), msg.findtext("source"))] = msg
    return out


def test_every_source_string_is_in_the_ts_file(tmp_path):
    """Running lupdate over the code finds no string the shipped .ts lacks."""
    tool = _load_tool()
    fresh = tmp_path / "fresh.ts"
    tool.update(fresh, en_ts=None)
    shipped = set(_messages(TS))
    found = set(_messages(fresh))
    assert len(found) > 200
    assert found - shipped == set(), "run: python .ci/translations.py update"


def test_every_string_is_translated():
    tool = _load_tool()
    assert tool.missing() == {}


def test_qm_is_compiled_from_the_current_ts(tmp_path):
    import subprocess

    tool = _load_tool()
    qm = tmp_path / "check.qm"
    subprocess.run([tool.tool("lrelease"), str(TS), "-qm", str(qm)], check=True, capture_output=True)
    assert qm.read_bytes() == TS.with_suffix(".qm").read_bytes(), "run: python .ci/translations.py release"


def test_chinese_is_loaded_and_used(qapp):
    from PySide6.QtCore import QCoreApplication

    from hqdesk.ui.i18n import install_translators

    try:
        assert install_translators(qapp, "zh_CN") == "zh_CN"
        assert QCoreApplication.translate("MainWindow", "&File") != "&File"
        assert QCoreApplication.translate("Enums", "Active") == "合作中"
        # Qt's own dialogs and buttons are translated too (qtbase_zh_CN)
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"
    finally:
        install_translators(qapp, "en")
    assert QCoreApplication.translate("Enums", "Active") == "Active"


def test_english_plurals_are_current_and_used(qapp, tmp_path):
    """English sources say "%n franchisee(s)"; the small English file turns that into "1 franchisee" and
    "2 franchisees" (and is current with the code, and its .qm with it)."""
    import subprocess

    from PySide6.QtCore import QCoreApplication

    from hqdesk.ui.i18n import install_translators

    tool = _load_tool()
    fresh = tmp_path / "en.ts"
    tool.update_english(fresh)
    assert fresh.read_text(encoding="utf-8") == tool.EN_TS.read_text(encoding="utf-8"), (
        "run: python .ci/translations.py update"
    )
    qm = tmp_path / "en.qm"
    subprocess.run([tool.tool("lrelease"), str(tool.EN_TS), "-qm", str(qm)], check=True, capture_output=True)
    assert qm.read_bytes() == tool.EN_QM.read_bytes(), "run: python .ci/translations.py release"

    install_translators(qapp, "en")
    assert QCoreApplication.translate("FranchiseesView", "%n franchisee(s)", None, 1) == "1 franchisee"
    assert QCoreApplication.translate("FranchiseesView", "%n franchisee(s)", None, 296) == "296 franchisees"
