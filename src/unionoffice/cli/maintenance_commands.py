"""``backup``, ``restore`` and ``copy-to``: keeping and moving the data."""

from __future__ import annotations

import argparse
from pathlib import Path

from unionoffice.cli.context import CommandContext
from unionoffice.domain.errors import DatabaseError
from unionoffice.storage import backups
from unionoffice.storage.copying import copy_database
from unionoffice.storage.database import Database


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    backup = subparsers.add_parser(
        "backup", help="把数据库备份到一个文件（在线备份，可在使用中进行）"
    )
    backup.add_argument("out", type=Path, help="备份文件或文件夹")
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
    path = backups.backup(ctx.db, args.out)
    ctx.print(f"已备份到 {path}")
    return 0


def run_restore(args: argparse.Namespace, ctx: CommandContext) -> int:
    probe = Database(args.db, upgrade=False)
    probe.dispose()
    if probe.path is None:
        raise DatabaseError("只能恢复到 SQLite 数据库文件；服务器数据库请用其自身的备份工具")
    aside = backups.restore(probe.path, args.source)
    Database(probe.path).dispose()  # upgrade the restored copy now, not at the next start
    ctx.print(f"已从 {args.source} 恢复；原数据库另存为 {aside}")
    return 0


def run_copy_to(args: argparse.Namespace, ctx: CommandContext) -> int:
    target = Database(args.url)
    try:
        counts = copy_database(ctx.db, target)
    finally:
        target.dispose()
    ctx.print(
        f"已复制到 {target.describe()}：{counts.get('notices', 0)} 篇公文，"
        f"{counts.get('activities', 0)} 项活动，{counts.get('register_entries', 0)} 条发文登记"
    )
    return 0
