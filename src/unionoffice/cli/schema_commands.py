"""``migrate``: bring a database to this program's schema."""

from __future__ import annotations

import argparse

from unionoffice.cli.context import CommandContext
from unionoffice.domain.errors import DatabaseError
from unionoffice.storage import sqlite_files
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
        missing = ""
        if db.path is not None and db.path.exists():
            problem = sqlite_files.integrity_problem(db.path)
            if problem is not None:
                raise DatabaseError(f"数据库“{db.describe()}”已损坏（{problem}），请用备份恢复")
            missing = sqlite_files.schema_differences(db.path)
    finally:
        db.dispose()
    if missing:
        raise DatabaseError(f"数据库“{db.describe()}”的结构不完整：{missing}；请用备份恢复")
    if changed:
        ctx.print(f"数据库已升级：{before or '空'} → {after}（{db.describe()}）")
    else:
        ctx.print(f"数据库已是最新版本 {after}（{db.describe()}）")
    return 0
