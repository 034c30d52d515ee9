"""``backup``, ``restore`` and ``copy-to``: keeping and moving the data."""

from __future__ import annotations

import argparse
from pathlib import Path

from unionoffice.cli.context import CommandContext
from unionoffice.domain.errors import DatabaseError
from unionoffice.storage import backups, in_use
from unionoffice.storage.copying import copy_database
from unionoffice.storage.database import Database


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    backup = subparsers.add_parser(
        "backup", help="把数据库备份到一个文件（在线备份，可在使用中进行）"
    )
    backup.add_argument("out", help="备份文件或文件夹")
    backup.set_defaults(run=run_backup)

    restore = subparsers.add_parser("restore", help="从备份文件恢复数据库（当前数据库先另存）")
    restore.add_argument("source", type=Path, help="备份文件")
    restore.set_defaults(run=run_restore)

    copy = subparsers.add_parser(
        "copy-to", help="把整个数据库复制到另一个（空的）数据库，如单位服务器"
    )
    copy.add_argument("url", help="目标数据库 URL，如 postgresql+psycopg://user@server/office")
    copy.set_defaults(run=run_copy_to)


def run_backup(args: argparse.Namespace, ctx: CommandContext) -> int:
    path = backups.backup(ctx.db, args.out)  # a str: an empty name must not become "."
    ctx.print(f"已备份到 {path}")
    return 0


def run_restore(args: argparse.Namespace, ctx: CommandContext) -> int:
    # Not upgraded on open: the database being replaced may be damaged or old.
    live = Database(args.db, upgrade=False)
    try:
        aside = backups.restore(live, args.source)
    finally:
        live.dispose()
    ctx.print(f"已从 {args.source} 恢复；原数据库另存为 {aside}")
    return 0


def run_copy_to(args: argparse.Namespace, ctx: CommandContext) -> int:
    source = ctx.db
    target = Database(args.url)
    try:
        if source.path is not None and target.path is not None and target.path == source.path:
            raise DatabaseError("不能把数据库复制到它自己")
        if source.path is not None:
            # Whatever another window saved during the copy would stay behind in this file.
            with in_use.exclusive_use(source.path, "复制到其他数据库"):
                counts = copy_database(source, target)
        else:
            counts = copy_database(source, target)
    finally:
        target.dispose()
    ctx.print(
        f"已复制到 {target.describe()}：{counts.get('notices', 0)} 篇公文，"
        f"{counts.get('activities', 0)} 项活动，{counts.get('register_entries', 0)} 条发文登记"
    )
    return 0
