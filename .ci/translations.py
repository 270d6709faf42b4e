#!/usr/bin/env python3
"""Translation upkeep (developer tool).

python .ci/translations.py update    # lupdate: collect every tr()/translate()/QT_TRANSLATE_NOOP string
                                     # (and the English plural forms: hqdesk_en.ts, filled automatically)
python .ci/translations.py fill F    # apply a JSON file {"Context": {"source": "译文"}} to the .ts
python .ci/translations.py release   # lrelease: compile the .ts into the shipped .qm
python .ci/translations.py missing   # list sources without a finished translation (JSON, for filling)
"""

from __future__ import annotations

import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS = ROOT / "resources" / "translations" / "hqdesk_zh_CN.ts"
QM = TS.with_suffix(".qm")
# English needs a translation file for one thing only: "%n franchisee(s)" -> "1 franchisee" / "2 franchisees".
EN_TS = TS.with_name("hqdesk_en.ts")
EN_QM = EN_TS.with_suffix(".qm")


def tool(name: str) -> str:
    bindir = Path(sys.executable).parent
    candidate = bindir / f"pyside6-{name}"
    return str(candidate) if candidate.exists() else f"pyside6-{name}"


def sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in (ROOT / "hqdesk").rglob("*.py"))


def update(ts: Path = TS, en_ts: Path | None = EN_TS) -> None:
    subprocess.run(
        [tool("lupdate"), "-no-obsolete", "-locations", "none", *sources(), "-ts", str(ts)],
        cwd=ROOT,
        check=True,
        stdout=subprocess.DEVNULL,
    )
    tree = ET.parse(ts)
    tree.getroot().set("language", "zh_CN")
    tree.getroot().set("sourcelanguage", "en")
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    if en_ts is not None:
        update_english(en_ts)


def english_forms(source: str) -> list[str]:
    """The English singular and plural of a "%n ...(s)" source text."""
    return [source.replace("(s)", ""), source.replace("(s)", "s")]


def update_english(en_ts: Path = EN_TS) -> None:
    """The plural-only English file, its forms derived from the sources' "(s)"."""
    subprocess.run(
        [
            tool("lupdate"),
            "-no-obsolete",
            "-locations",
            "none",
            "-pluralonly",
            "-source-language",
            "en",
            "-target-language",
            "en",
            *sources(),
            "-ts",
            str(en_ts),
        ],
        cwd=ROOT,
        check=True,
        stdout=subprocess.DEVNULL,
    )
    tree = ET.parse(en_ts)
    for msg in tree.getroot().iter("message"):
        tr = msg.find("translation")
        for child in list(tr):
            tr.remove(child)
        for form in english_forms(msg.findtext("source")):
            ET.SubElement(tr, "numerusform").text = form
        tr.attrib.pop("type", None)
    tree.write(en_ts, encoding="utf-8", xml_declaration=True)


def missing() -> dict:
    out: dict = {}
    for ctx in ET.parse(TS).getroot().iter("context"):
        name = ctx.findtext("name")
        for msg in ctx.iter("message"):
            tr = msg.find("translation")
            if tr is None:
                continue
            if tr.get("type") == "unfinished" or not (tr.text or "").strip() and msg.get("numerus") != "yes":
                out.setdefault(name, {})[msg.findtext("source")] = ""
            elif msg.get("numerus") == "yes" and not all(
                (n.text or "").strip() for n in tr.iter("numerusform")
            ):
                out.setdefault(name, {})[msg.findtext("source")] = ""
    return out


def fill(path: Path) -> None:
    table = json.loads(path.read_text(encoding="utf-8"))
    tree = ET.parse(TS)
    for ctx in tree.getroot().iter("context"):
        name = ctx.findtext("name")
        for msg in ctx.iter("message"):
            source = msg.findtext("source")
            text = table.get(name, {}).get(source) or table.get("*", {}).get(source)
            if not text:
                continue
            tr = msg.find("translation")
            if msg.get("numerus") == "yes":
                for child in list(tr):
                    tr.remove(child)
                form = ET.SubElement(tr, "numerusform")
                form.text = text
            else:
                tr.text = text
            tr.attrib.pop("type", None)
    tree.write(TS, encoding="utf-8", xml_declaration=True)


def release() -> None:
    for ts, qm in ((TS, QM), (EN_TS, EN_QM)):
        subprocess.run(
            [tool("lrelease"), str(ts), "-qm", str(qm)], cwd=ROOT, check=True, stdout=subprocess.DEVNULL
        )


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else ""
    if command == "update":
        update()
    elif command == "fill":
        fill(Path(sys.argv[2]))
    elif command == "release":
        release()
    elif command == "missing":
        print(json.dumps(missing(), ensure_ascii=False, indent=1))
    else:
        print(__doc__)
        sys.exit(2)
