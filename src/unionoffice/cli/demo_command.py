"""``demo``: fill a database with realistic demo data."""

from __future__ import annotations

import argparse

from unionoffice.cli import arguments
from unionoffice.cli.context import CommandContext
from unionoffice.storage.demo import fill_demo


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    demo = subparsers.add_parser("demo", help="填入演示数据（发文机关、文号序列、公文和活动）")
    demo.add_argument(
        "--year", type=arguments.year, default=2021, help="演示数据的年份（默认 2021）"
    )
    demo.set_defaults(run=run_demo)


def run_demo(args: argparse.Namespace, ctx: CommandContext) -> int:
    ids = fill_demo(ctx.db, args.year)
    ctx.print(f"已填入演示数据：{len(ids)} 篇公文（{ctx.db.describe()}）")
    return 0
