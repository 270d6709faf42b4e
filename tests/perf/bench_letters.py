"""Letters benchmark: 1,000 one-page greetings and 1,000 statements (20-40 ledger lines each), into one combined
PDF and into separate PDFs; letters per second, peak memory per batch size, and the same page drawn by a bare
ReportLab script for comparison.

    python -m tests.perf.bench_letters [--count 1000] [--quick]

No database: the letters' data is built in memory (what ``LetterService.recipients`` returns), so the figures
are the engine's own: template, layout, fonts, PDF writing, combining. Targets: >= 100 greetings/s and >= 30
statements/s on the 2-core machine; memory flat as the batch grows.
"""

from __future__ import annotations

import argparse
import os
import random
import tempfile
import time
import tracemalloc
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

from hqdesk.domain.letter_fields import LetterKind, example_data
from hqdesk.letters.batch import default_workers, generate
from hqdesk.letters.fonts import register_fonts
from hqdesk.services.letter_dto import AgingLine, LedgerLine, LetterData, Letterhead
from hqdesk.services.letters import shipped_template

HEAD = Letterhead(
    "金辉珠宝集团总部",
    "湖南省长沙市芙蓉区五一大道1号",
    "0731-88886666",
    None,
    "",
    "",
    "中国工商银行长沙分行",
    "1901 0000 0000 0000 888",
    "金辉珠宝集团有限公司",
)
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
GIVEN = "建国伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英"


def greetings(n: int) -> list[LetterData]:
    rnd = random.Random(1)
    subject, body = shipped_template("festival", "zh_CN")
    out = []
    for i in range(n):
        merge = example_data(LetterKind.FESTIVAL, "zh_CN")
        name = rnd.choice(SURNAMES) + rnd.choice(GIVEN) + rnd.choice(GIVEN)
        merge["contact"]["greeting"] = f"尊敬的{name[0]}先生"
        merge["contact"]["name"] = name
        merge["store"]["name"] = f"金辉珠宝{rnd.choice(GIVEN)}{rnd.choice(GIVEN)}店"
        out.append(
            LetterData(
                LetterKind.FESTIVAL,
                "festival",
                "zh_CN",
                1,
                1,
                subject,
                body,
                i + 1,
                f"F{i + 1:05d}",
                None,
                date(2026, 11, 23),
                None,
                merge,
                (f"{name}珠宝有限公司", f"{name} 先生", "湖南省长沙市芙蓉区五一大道100号"),
                HEAD,
                ("张敏",),
            )
        )
    return out


def statements(n: int) -> list[LetterData]:
    rnd = random.Random(2)
    subject, body = shipped_template("statement", "zh_CN")
    start = date(2026, 11, 1)
    out = []
    for i in range(n):
        balance = opening = Decimal(rnd.randint(0, 500000)) / 100
        lines = []
        for j in range(rnd.randint(20, 40)):
            day = start + timedelta(days=j % 23)
            if j % 3 == 2:
                amount = Decimal(rnd.randint(1000, 90000)) / 100
                balance -= amount
                lines.append(
                    LedgerLine(day, "payment", f"PAY{i:05d}{j:02d}", None, Decimal(0), amount, balance)
                )
            else:
                amount = Decimal(rnd.randint(1000, 120000)) / 100
                balance += amount
                lines.append(
                    LedgerLine(
                        day,
                        "invoice",
                        f"INV{i:05d}{j:02d}",
                        day + timedelta(days=30),
                        amount,
                        Decimal(0),
                        balance,
                    )
                )
        merge = example_data(LetterKind.STATEMENT, "zh_CN")
        aging = (
            *(
                AgingLine(x, Decimal(0))
                for x in ("not_due", "1-30", "31-60", "61-90", "91-180", "181-365", ">365", "unapplied")
            ),
            AgingLine("total", balance),
        )
        out.append(
            LetterData(
                LetterKind.STATEMENT,
                "statement",
                "zh_CN",
                1,
                1,
                subject,
                body,
                i + 1,
                f"F{i + 1:05d}",
                None,
                date(2026, 11, 23),
                start,
                merge,
                ("长沙金辉珠宝有限公司", "王建国 先生", "湖南省长沙市芙蓉区五一大道100号"),
                HEAD,
                ("张敏",),
                ledger=tuple(lines),
                aging=aging,
                opening_balance=opening,
                closing_balance=balance,
            )
        )
    return out


def run(letters, separate: bool, traced: bool = False, workers: int | None = None) -> tuple[float, int, int]:
    """(seconds, pages, peak traced bytes of this process) for one batch."""
    with tempfile.TemporaryDirectory() as tmp:
        if traced:
            tracemalloc.start()
        t = time.perf_counter()
        result = generate(
            letters,
            None,
            combined=None if separate else Path(tmp) / "all.pdf",
            folder=Path(tmp) / "each" if separate else None,
            workers=workers,
        )
        seconds = time.perf_counter() - t
        peak = tracemalloc.get_traced_memory()[1] if traced else 0
        if traced:
            tracemalloc.stop()
        return seconds, result.pages, peak


def bare(n: int, separate: bool) -> float:
    """The same one-page greeting drawn with ReportLab's canvas directly (no template, no platypus)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    fonts = register_fonts()
    lines = [
        "尊敬的王先生：",
        "值此春节来临之际，金辉珠宝集团总部全体同仁向您和金辉珠宝的每一位伙伴致以最诚挚的节日祝福！",
        "携手同行的6年里，金辉珠宝五一广场店用心经营、服务顾客，是品牌在长沙最可信赖的窗口。",
        "佳节团圆，愿您阖家安康、万事顺意，生意兴隆、财源广进。",
        "如有任何需要，欢迎随时与您的客户经理张敏联系。",
    ]
    with tempfile.TemporaryDirectory() as tmp:
        t = time.perf_counter()
        canvas = (
            None if separate else Canvas(str(Path(tmp) / "all.pdf"), pagesize=A4, initialFontName=fonts.body)
        )
        for i in range(n):
            c = (
                Canvas(str(Path(tmp) / f"{i}.pdf"), pagesize=A4, initialFontName=fonts.body)
                if separate
                else canvas
            )
            c.setFont(fonts.body, 15)
            c.drawString(70, 780, "金辉珠宝集团总部")
            c.setFont(fonts.body, 10.5)
            for k, line in enumerate(
                ("长沙金辉珠宝有限公司", "王建国 先生", "湖南省长沙市芙蓉区五一大道100号")
            ):
                c.drawString(71, 680 - 15 * k, line)
            for k, line in enumerate(lines):
                c.drawString(71, 560 - 20 * k, line[:40])
            c.showPage()
            if separate:
                c.save()
        if not separate:
            canvas.save()
        return time.perf_counter() - t


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=1000)
    args = parser.parse_args()
    n = args.count
    register_fonts()
    generate(greetings(3), None, combined=Path(tempfile.gettempdir()) / "warm.pdf")  # imports, font cache
    print(f"load average: {os.getloadavg()}; {n} letters per batch")
    print(f"default worker processes for {n} letters: {default_workers(n)} (HQDESK_LETTER_WORKERS)")
    for label, build in (("greetings", greetings), ("statements", statements)):
        letters = build(n)
        for workers in (1, 2):
            for separate in (False, True):
                seconds, pages, _ = run(letters, separate, workers=workers)
                mode = "separate PDFs" if separate else "one combined PDF"
                procs = "1 process " if workers == 1 else f"{workers} processes"
                print(
                    f"{label:10} {mode:17} {procs}: {n / seconds:7.1f} letters/s ({pages} pages, {seconds:.1f} s)"
                )
    for label, build in (("greetings", greetings), ("statements", statements)):
        for size in (max(n // 10, 1), n):
            for separate in (False, True):
                _, _, peak = run(build(size), separate, traced=True, workers=1)
                mode = "separate" if separate else "combined"
                print(f"{label:10} peak traced memory, {mode}, batch of {size:5}: {peak / 1e6:6.1f} MB")
    for separate in (False, True):
        seconds = bare(n, separate)
        mode = "separate PDFs" if separate else "one combined PDF"
        print(f"bare ReportLab greeting, {mode:17}: {n / seconds:7.1f} pages/s")


if __name__ == "__main__":
    main()
