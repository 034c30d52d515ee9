"""``migrate``: bring a database to this program's schema."""

from __future__ import annotations

import argparse

from unionoffice.cli.context import CommandContext
from unionoffice.storage.database import Database


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    migrate = subparsers.add_parser("migrate", help="把数据库升级到当前版本")
    migrate.set_defaults(run=run_migrate)


def run_migrate(args: argparse.Namespace, ctx: CommandContext) -> int:
    db = Database(args.db, upgrade=False)
    try:
        before = db.schema_revision()
        changed = db.upgrade()
        after = db.schema_revision()
    finally:
        db.dispose()
    if changed:
        ctx.print(f"数据库已升级：{before or '空'} → {after}（{db.describe()}）")
    else:
        ctx.print(f"数据库已是最新版本 {after}（{db.describe()}）")
    return 0
