"""``hqdesk-admin report ...`` to files: XLSX (number formats, frozen header, Chinese headers with
``--language zh_CN``) or CSV (UTF-8 with BOM), chosen by ``--out``'s extension (anything else: exit 2).

- ``report aging --as-of YYYY-MM-DD [--buckets ...] --format xlsx|pdf --out FILE [--language en|zh_CN]``:
  the aging report's rows (``--format json|csv`` still print to stdout exactly as before; ``--out`` is
  required with ``xlsx``/``pdf`` and refused without them; ``--format xlsx`` also takes FILE.csv).
- ``report sales-matrix --from YYYY-MM-DD --to YYYY-MM-DD [--franchisee CODE] --out FILE.xlsx|FILE.csv|FILE.pdf
  [--language en|zh_CN]``: sales (invoices - credit notes) by franchisee and month, every month of the period
  a column, a total column and a totals row.

- ``report visits --from YYYY-MM-DD --to YYYY-MM-DD [--franchisee CODE] --out FILE.xlsx|FILE.csv|FILE.pdf
  [--language en|zh_CN]``: the visit log, every visit in the period newest first (date, franchisee code and
  name, kind, purpose, who from HQ, met with, outcome, next follow-up, suggestions made and still open).

- ``report kpi-by-franchisee --from YYYY-MM-DD --to YYYY-MM-DD --out FILE.xlsx|FILE.csv|FILE.pdf [--language ...]``:
  ``report kpi``'s figures for each franchisee in the list (not archived, by code), then a row for all
  franchisees together (exactly ``report kpi`` without ``--franchisee``).

- ``report complaints --from YYYY-MM-DD --to YYYY-MM-DD [--franchisee CODE] --out FILE.xlsx|FILE.csv|FILE.pdf
  [--language ...]``: complaints received in the period per top-level category, most first: category, count,
  share, cumulative share; then the total.

- ``report directory --out FILE.xlsx|FILE.csv|FILE.pdf [--include-archived] [--language ...]``: the franchisee
  directory, by code: code, legal name, store brand, region, province, city, tier, status, account manager,
  primary contact, phone, contract end (every page of the franchisee list, streamed).

On success one line on stdout: ``wrote N rows to FILE``.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from hqdesk.cli.output import OK, Refused, acting_actor, iso_day, open_services

FILE_FORMATS = ("xlsx", "pdf")
PAGE = 500  # rows fetched at a time from the paged lists


def _check_out(path: str | None) -> str:
    if not path:
        raise Refused("--out FILE is required for a report file (FILE.xlsx, FILE.csv or FILE.pdf)")
    if Path(path).suffix.lower() not in (".xlsx", ".csv", ".pdf"):
        raise Refused(f"--out {path}: the file name must end in .xlsx, .csv or .pdf")
    return path


def _run(args, build, *, period: bool = True) -> int:
    """The one body of every report command: check ``--out`` (and ``--to`` against ``--from`` when the
    report has a period), open the services, ``build(services, actor)`` -> (table, as-of text), write the
    table to ``--out`` by its extension while the services are open (the rows may stream from them), print
    ``wrote N rows to FILE``."""
    from hqdesk.reports.files import write_report

    path = _check_out(args.out)
    if period and args.to < args.start:
        raise Refused(f"--to ({args.to}) is before --from ({args.start})")
    services = open_services(args)
    try:
        company = services.company.get().name
        actor = acting_actor(services)
        table, as_of = build(services, actor)
        try:
            if Path(path).suffix.lower() == ".pdf":
                from hqdesk.reports.pdf import write_pdf

                count = write_pdf(
                    table, path, company, as_of, language=args.language, generated_by=actor.display_name
                )
            else:
                count = write_report(table, path)
        except OSError as exc:
            raise Refused(f"cannot write {path}: {exc.strerror or exc}") from None
    finally:
        services.close()
    print(f"wrote {count} rows to {path}")
    return OK


def _period_text(args) -> str:
    from hqdesk.reports.files import word

    return word("period", args.language).format(args.start.isoformat(), args.to.isoformat())


def cmd_aging_file(args) -> int:
    from hqdesk.reports.files import aging_table, word
    from hqdesk.services.receivables import ReceivablesService

    path = _check_out(args.out)
    if Path(path).suffix.lower() != "." + args.format and not (
        args.format == "xlsx" and path.lower().endswith(".csv")
    ):
        raise Refused(f"--out {path}: --format {args.format} writes FILE.{args.format}")

    def build(services, actor):
        report = ReceivablesService(services.db).aging(actor, args.as_of, args.buckets)
        as_of = word("as_of", args.language).format(args.as_of.isoformat())
        return aging_table(report, args.language), as_of

    return _run(args, build, period=False)


def cmd_sales_matrix(args) -> int:
    from hqdesk.reports.files import sales_matrix_table
    from hqdesk.services.analytics import AnalyticsService

    def build(services, actor):
        analytics = AnalyticsService(services.db)
        fid = analytics.franchisee_id(args.franchisee) if args.franchisee is not None else None
        rows = analytics.sales(actor, args.start, args.to, "franchisee_month", fid)
        return sales_matrix_table(args.start, args.to, rows, args.language), _period_text(args)

    return _run(args, build)


def cmd_visits(args) -> int:
    from hqdesk.cli.output import translator
    from hqdesk.domain.visits import KIND_LABELS, PURPOSE_LABELS
    from hqdesk.reports.files import visit_log_table
    from hqdesk.services.visits import VisitFilter

    translate = translator(("Enums",), args.language)
    labels = {**KIND_LABELS, **PURPOSE_LABELS}

    def build(services, actor):
        fid = None
        if args.franchisee is not None:
            from hqdesk.services.analytics import AnalyticsService

            fid = AnalyticsService(services.db).franchisee_id(args.franchisee)
        visits = services.visits
        flt = VisitFilter(date_from=args.start, date_to=args.to, franchisee_id=fid)

        def rows():
            after = None
            while True:
                page = visits.page(actor, flt, after, limit=PAGE)
                yield from page.rows
                if page.next_key is None:
                    return
                after = page.next_key

        label = lambda v: translate("Enums", labels[v])  # noqa: E731
        return visit_log_table(args.start, args.to, rows(), args.language, label), _period_text(args)

    return _run(args, build)


def _franchisee_rows(services, actor, criteria):
    """Every franchisee of the list matching ``criteria``, by code, a page at a time."""
    page = services.franchisees.list_first(actor, criteria, "code", page_size=PAGE).first
    while True:
        yield from page.rows
        if page.next is None:
            return
        page = services.franchisees.list_page(actor, criteria, "code", False, page.next, PAGE)


def cmd_kpi_by_franchisee(args) -> int:
    from hqdesk.reports.files import kpi_table
    from hqdesk.services.dto import SearchCriteria
    from hqdesk.services.receivables import ReceivablesService

    def build(services, actor):
        receivables = ReceivablesService(services.db)
        everyone = receivables.kpis(actor, args.start, args.to)
        grouped = receivables.kpis_by_franchisee(actor, args.start, args.to)  # one set of queries for all
        rows = (
            (f.code, f.legal_name, grouped[f.id]) for f in _franchisee_rows(services, actor, SearchCriteria())
        )
        return kpi_table(args.start, args.to, rows, everyone, args.language), _period_text(args)

    return _run(args, build)


def cmd_complaints(args) -> int:
    from hqdesk.reports.files import complaint_summary_table
    from hqdesk.services.analytics import AnalyticsService
    from hqdesk.services.analytics_dto import AnalyticsFilter

    def build(services, actor):
        analytics = AnalyticsService(services.db)
        filters = None
        if args.franchisee is not None:
            filters = AnalyticsFilter(franchisee_id=analytics.franchisee_id(args.franchisee))
        rows = analytics.complaints_by_category(actor, args.start, args.to, filters)
        return complaint_summary_table(args.start, args.to, rows, args.language), _period_text(args)

    return _run(args, build)


def cmd_directory(args) -> int:
    from datetime import date

    from hqdesk.cli.output import translator
    from hqdesk.domain.franchisee import STATUS_LABELS
    from hqdesk.reports.files import directory_table, word
    from hqdesk.services.dto import SearchCriteria

    translate = translator(("Enums",), args.language)

    def build(services, actor):
        rows = _franchisee_rows(services, actor, SearchCriteria(include_archived=args.include_archived))
        status = lambda s: translate("Enums", STATUS_LABELS[s])  # noqa: E731
        as_of = word("as_of", args.language).format(date.today().isoformat())
        return directory_table(date.today(), rows, args.language, status), as_of

    return _run(args, build, period=False)


def _period(p: argparse.ArgumentParser) -> None:
    p.add_argument("--from", dest="start", type=iso_day, required=True, metavar="YYYY-MM-DD")
    p.add_argument("--to", dest="to", type=iso_day, required=True, metavar="YYYY-MM-DD")
    p.add_argument("--franchisee", metavar="CODE", default=None, help="one franchisee (default: everyone)")
    p.add_argument("--out", metavar="FILE", required=True, help="FILE.xlsx, FILE.csv or FILE.pdf")


def _language(p: argparse.ArgumentParser) -> None:
    p.add_argument("--language", choices=("en", "zh_CN"), default="en", help="the file's headers")


def add_commands(sub, common: argparse.ArgumentParser) -> None:
    """Into the ``report`` group's subparsers ``sub``: ``--format xlsx --out`` for ``report aging`` (json and
    csv untouched) and ``report sales-matrix``."""
    aging = sub.choices["aging"]
    for action in aging._actions:  # the existing --format: json|csv, now also xlsx
        if action.dest == "format":
            action.choices = (*action.choices, *FILE_FORMATS)
    aging.add_argument(
        "--out", metavar="FILE", default=None, help="with --format xlsx|pdf: the file to write"
    )
    _language(aging)
    to_stdout = aging.get_default("handler")

    def aging_handler(args) -> int:
        if args.format in FILE_FORMATS:
            return cmd_aging_file(args)
        if args.out is not None:
            raise Refused("--out is for --format xlsx or pdf (json and csv are printed)")
        return to_stdout(args)

    aging.set_defaults(handler=aging_handler)

    p = sub.add_parser(
        "sales-matrix",
        parents=[common],
        help="sales by franchisee and month to a file (a column per month)",
    )
    _period(p)
    _language(p)
    p.set_defaults(handler=cmd_sales_matrix)

    p = sub.add_parser("visits", parents=[common], help="the visit log of a period to a file")
    _period(p)
    _language(p)
    p.set_defaults(handler=cmd_visits)

    p = sub.add_parser(
        "kpi-by-franchisee", parents=[common], help="receivables KPIs of a period per franchisee to a file"
    )
    p.add_argument("--from", dest="start", type=iso_day, required=True, metavar="YYYY-MM-DD")
    p.add_argument("--to", dest="to", type=iso_day, required=True, metavar="YYYY-MM-DD")
    p.add_argument("--out", metavar="FILE", required=True, help="FILE.xlsx, FILE.csv or FILE.pdf")
    _language(p)
    p.set_defaults(handler=cmd_kpi_by_franchisee)

    p = sub.add_parser("complaints", parents=[common], help="complaints per category of a period to a file")
    _period(p)
    _language(p)
    p.set_defaults(handler=cmd_complaints)

    p = sub.add_parser("directory", parents=[common], help="the franchisee directory to a file")
    p.add_argument("--out", metavar="FILE", required=True, help="FILE.xlsx, FILE.csv or FILE.pdf")
    p.add_argument("--include-archived", action="store_true", help="archived franchisees too")
    _language(p)
    p.set_defaults(handler=cmd_directory)
