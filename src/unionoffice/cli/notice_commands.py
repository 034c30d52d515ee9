"""``list`` and ``show``."""

from __future__ import annotations

import argparse

from unionoffice.cli import arguments
from unionoffice.cli.context import CommandContext
from unionoffice.cli.serialize import notice_json, summary_json
from unionoffice.domain.notice import NoticeData
from unionoffice.storage.services import NoticeService


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    listing = subparsers.add_parser("list", help="列出公文")
    listing.add_argument("--year", type=arguments.year, help="只列该年的公文")
    listing.add_argument("--series", help="只列该机关代字的公文")
    listing.add_argument("--json", action="store_true", help="以 JSON 输出")
    listing.set_defaults(run=run_list)

    show = subparsers.add_parser("show", help="显示一篇公文及其活动")
    show.add_argument("id", type=arguments.notice_id, help="公文编号（list 的第一列）")
    show.add_argument("--json", action="store_true", help="以 JSON 输出")
    show.set_defaults(run=run_show)


def run_list(args: argparse.Namespace, ctx: CommandContext) -> int:
    summaries = NoticeService(ctx.db).list(year=args.year, series_code=args.series)
    if args.json:
        ctx.print_json({"notices": [summary_json(s) for s in summaries]})
        return 0
    for s in summaries:
        number = s.doc_number or f"（{s.status}）"
        ctx.print(f"{s.id}\t{number}\t{s.title}\t{s.activity_count}项活动")
    if not summaries:
        ctx.note("数据库中还没有公文")
    return 0


def run_show(args: argparse.Namespace, ctx: CommandContext) -> int:
    notice = NoticeService(ctx.db).get(args.id)
    if args.json:
        ctx.print_json(notice_json(notice))
    else:
        ctx.print(format_notice(notice))
    return 0


def format_notice(notice: NoticeData) -> str:
    lines = [
        f"文号：{notice.doc_number or '（未编号）'}    状态：{notice.status}",
        f"发文机关：{notice.organ or ''}",
        f"标题：{notice.title}",
        f"主送：{notice.recipients}",
        f"成文日期：{notice.date.isoformat() if notice.date else ''}",
    ]
    for seq, activity in enumerate(notice.activities, start=1):
        period = activity.period
        span = f"{period.start}—{period.end}" if period else "（无法解析）"
        if period is not None and period.timed:
            span += f" {period.times_text}"
        line = (
            f"  {seq}. {activity.title}  完成时限：{activity.deadline}（{span}）"
            f"  牵头：{'、'.join(activity.lead)}  配合：{'、'.join(activity.cooperating)}"
        )
        for label, value in (
            ("地点", activity.place),
            ("参加对象", activity.participants),
            ("责任人", activity.responsible_person or ""),
        ):
            line += f"  {label}：{value}" if value else ""
        lines.append(line)
    return "\n".join(lines)
