"""Benchmark: ``hqdesk-admin import invoices`` then ``import payments`` of generated ERP files.

    python tests/perf/bench_ledger_import.py                        # 100,000 invoices + 50,000 payments, SQLite
    python tests/perf/bench_ledger_import.py --db pg-temp           # also a throw-away local PostgreSQL
    python tests/perf/bench_ledger_import.py --invoices 20000 --franchisees 200

Creates the franchisees, writes one UTF-8 CSV of invoices (2% credit notes naming an invoice of the same
franchisee) and one of payments (half of them naming an invoice), and imports each once through the importers
(read, check every row, bulk insert, audit trail on SQLite, recomputation of every touched franchisee's
allocations). Prints the seconds and rows per second of each. Target: 100,000 invoices in under 60 s on SQLite.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.null.Keyring")

TARGET_S = 60.0


def files(folder: Path, invoices: int, franchisees: int) -> tuple[Path, Path]:
    rnd = random.Random(7)
    start = date(2022, 1, 1)
    inv_lines = ["franchisee_code,number,date,amount,kind,applies_to"]
    owners = []
    for n in range(invoices):
        code = f"F{n % franchisees:05d}"
        day = start + timedelta(days=rnd.randrange(1460))
        if n % 50 == 49 and owners:
            target_n, target_code = owners[-1]
            inv_lines.append(
                f"{target_code},CN{n:07d},{day},{rnd.randrange(100, 999)}.00,credit_note,INV{target_n:07d}"
            )
        else:
            inv_lines.append(
                f"{code},INV{n:07d},{day},{rnd.randrange(1000, 99999)}.{rnd.randrange(100):02d},,"
            )
            owners.append((n, code))
    pay_lines = ["franchisee_code,reference,date,amount,invoice_number"]
    for n in range(invoices // 2):
        target_n, code = owners[rnd.randrange(len(owners))]
        day = start + timedelta(days=rnd.randrange(1500))
        named = f"INV{target_n:07d}" if n % 2 else ""
        pay_lines.append(f"{code},PAY{n:07d},{day},{rnd.randrange(1000, 99999)}.00,{named}")
    i_path, p_path = folder / "invoices.csv", folder / "payments.csv"
    i_path.write_text("\n".join(inv_lines) + "\n", encoding="utf-8")
    p_path.write_text("\n".join(pay_lines) + "\n", encoding="utf-8")
    return i_path, p_path


def run(url: str, folder: Path, invoices: int, franchisees: int) -> float:
    from hqdesk.domain.franchisee import FranchiseeData
    from hqdesk.services.bootstrap import open_services
    from hqdesk.services.imports.invoices import InvoiceImporter
    from hqdesk.services.imports.payments import PaymentImporter

    services = open_services(url)
    admin = services.users.create_first_admin("admin", "admin", "admin-pass-1")
    for n in range(franchisees):
        services.franchisees.create(
            admin, FranchiseeData(code=f"F{n:05d}", legal_name=f"加盟商{n}", city="杭州")
        )
    i_path, p_path = files(folder, invoices, franchisees)
    t0 = time.perf_counter()
    result = InvoiceImporter(services.db).import_file(admin, i_path)
    t1 = time.perf_counter()
    assert result.ok, result.errors[:3]
    result2 = PaymentImporter(services.db).import_file(admin, p_path)
    t2 = time.perf_counter()
    assert result2.ok, result2.errors[:3]
    services.close()
    print(f"  invoices: {result.rows:,} rows in {t1 - t0:.1f} s ({result.rows / (t1 - t0):,.0f} rows/s)")
    print(f"  payments: {result2.rows:,} rows in {t2 - t1:.1f} s ({result2.rows / (t2 - t1):,.0f} rows/s)")
    return t1 - t0


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--invoices", type=int, default=100_000)
    parser.add_argument("--franchisees", type=int, default=500)
    parser.add_argument("--db", default="sqlite")
    args = parser.parse_args()
    ok = True
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        print(f"SQLite, {args.invoices:,} invoices for {args.franchisees} franchisees:")
        seconds = run(
            "sqlite:///" + (folder / "bench.sqlite3").as_posix(), folder, args.invoices, args.franchisees
        )
        ok = seconds < TARGET_S * args.invoices / 100_000
        if args.db == "pg-temp":
            from tests.pgserver import PostgresServer

            pg = PostgresServer().start()
            try:
                print("PostgreSQL:")
                run(pg.create_database("bench_ledger"), folder, args.invoices, args.franchisees)
            finally:
                pg.stop()
    print("PASS" if ok else "FAIL", f"(target: 100,000 invoices in < {TARGET_S:.0f} s on SQLite)")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
