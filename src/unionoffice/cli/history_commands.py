"""``history`` (a notice's 痕迹) and ``diff`` (two of its versions compared)."""

from __future__ import annotations

import argparse

from unionoffice.cli import arguments
from unionoffice.cli.context import CommandContext
from unionoffice.domain.notice_changes import compare_notices
from unionoffice.storage.services import NoticeService
from unionoffice.storage.services.history import HistoryService


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    history = subparsers.add_parser("history", help="列出一篇公文的痕迹（每次保存的改动）")
    history.add_argument("id", type=arguments.notice_id, help="公文编号（list 的第一列）")
    history.add_argument("--json", action="store_true", help="以 JSON 输出")
    history.set_defaults(run=run_history)

    diff = subparsers.add_parser("diff", help="比较一篇公文的两个版本")
    diff.add_argument("id", type=arguments.notice_id, help="公文编号（list 的第一列）")
    diff.add_argument("old", type=arguments.version, help="较早的版本（history 的第一列）")
    diff.add_argument("new", type=arguments.version, help="较新的版本")
    diff.add_argument("--json", action="store_true", help="以 JSON 输出")
    diff.set_defaults(run=run_diff)


def run_history(args: argparse.Namespace, ctx: CommandContext) -> int:
    NoticeService(ctx.db).get(args.id, include_deleted=True)  # 没有编号为 … 的公文
    entries = HistoryService(ctx.db).revisions(args.id)
    if args.json:
        ctx.print_json(
            {
                "notice": args.id,
                "revisions": [
                    {
                        "version": e.version,
                        "saved_at": e.saved_at.isoformat(),
                        "clerk": e.clerk,
                        "summary": e.summary,
                    }
                    for e in entries
                ],
            }
        )
        return 0
    for e in entries:
        when = e.saved_at.astimezone().strftime("%Y-%m-%d %H:%M")
        ctx.print(f"{e.version}\t{when}\t{e.clerk}\t{e.summary}")
    if not entries:
        ctx.note("该公文还没有修改记录")
    return 0


def run_diff(args: argparse.Namespace, ctx: CommandContext) -> int:
    history = HistoryService(ctx.db)
    changes = compare_notices(
        history.version(args.id, args.old), history.version(args.id, args.new)
    )
    if args.json:
        ctx.print_json(
            {
                "notice": args.id,
                "old": args.old,
                "new": args.new,
                "summary": changes.summary(),
                "changes": changes.lines(),
            }
        )
        return 0
    ctx.note(f"第 {args.old} 版 → 第 {args.new} 版：{changes.summary()}")
    for line in changes.lines():
        ctx.print(line)
    return 0
