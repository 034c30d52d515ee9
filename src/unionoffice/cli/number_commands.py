"""``number allocate | set | void | register``: the 文号 register from the command line."""

from __future__ import annotations

import argparse
import datetime as dt

from unionoffice.cli import arguments
from unionoffice.cli.context import CommandContext
from unionoffice.cli.serialize import register_row_json
from unionoffice.domain.doc_number import describe_runs
from unionoffice.storage.services import NumberingService


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    number = subparsers.add_parser("number", help="文号：取号、指定、作废、发文登记")
    actions = number.add_subparsers(dest="number_command", metavar="操作", required=True)

    allocate = actions.add_parser("allocate", help="取下一个文号")
    allocate.add_argument("series", help="机关代字，如 青总办")
    allocate.add_argument("--year", type=arguments.year, default=dt.date.today().year, help="年份")
    allocate.set_defaults(run=run_allocate)

    manual = actions.add_parser("set", help="手工指定一个空闲文号")
    manual.add_argument("doc_number", help="文号，如 青总办〔2021〕15号")
    manual.set_defaults(run=run_set)

    void = actions.add_parser("void", help="作废一个文号（保留在登记簿中）")
    void.add_argument("doc_number", help="文号，如 青总办〔2021〕15号")
    void.add_argument("--reason", required=True, help="作废原因")
    void.set_defaults(run=run_void)

    register = actions.add_parser("register", help="发文登记簿")
    register.add_argument("--series", required=True, help="机关代字")
    register.add_argument("--year", type=arguments.year, default=dt.date.today().year, help="年份")
    register.add_argument("--json", action="store_true", help="以 JSON 输出")
    register.set_defaults(run=run_register)


def run_allocate(args: argparse.Namespace, ctx: CommandContext) -> int:
    allocation = NumberingService(ctx.db).allocate(args.series, args.year)
    if allocation.series_created:
        ctx.note(f"提示：新建了文号序列“{allocation.doc_number.series_code}”")
    ctx.print(str(allocation.doc_number))
    return 0


def run_set(args: argparse.Namespace, ctx: CommandContext) -> int:
    doc_number, skipped = NumberingService(ctx.db).set_number(args.doc_number)
    if skipped:
        ctx.note(f"注意：{describe_runs(skipped)} 尚未使用，登记簿中记为缺号")
    ctx.print(str(doc_number))
    return 0


def run_void(args: argparse.Namespace, ctx: CommandContext) -> int:
    row = NumberingService(ctx.db).void(args.doc_number, args.reason)
    ctx.print(f"{row.doc_number} 已作废：{row.void_reason}")
    return 0


def run_register(args: argparse.Namespace, ctx: CommandContext) -> int:
    register = NumberingService(ctx.db).register(args.series, args.year)
    if args.json:
        ctx.print_json(
            {
                "series": register.series_code,
                "year": register.year,
                "entries": [register_row_json(r) for r in register.rows],
                "missing": [list(run) for run in register.missing],
            }
        )
        return 0
    ctx.print(f"发文登记簿  {register.series_code}  {register.year}年")
    for row in register.rows:
        extra = f"（{row.void_reason}）" if row.voided else ""
        manual = "  手工指定" if row.manual else ""
        ctx.print(f"{row.doc_number}\t{row.state}{extra}\t{row.title}{manual}")
    if register.missing:
        ctx.print(f"缺号：{describe_runs(register.missing)}")
    return 0
