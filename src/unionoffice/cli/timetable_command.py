"""``timetable``: the 活动安排表 of notices, a year or a department as PDF, Excel or calendar."""

from __future__ import annotations

import argparse
import re
from datetime import UTC, date, datetime

from unionoffice.cli import arguments
from unionoffice.cli.context import CommandContext
from unionoffice.domain.doc_number import validate_year
from unionoffice.domain.errors import UnionOfficeError
from unionoffice.domain.notice import NoticeData
from unionoffice.exporting.timetable import (
    PageSize,
    PdfOptions,
    SortOrder,
    TimetableFilter,
    build_timetable,
    find_cjk_font,
    write_timetable_ics,
    write_timetable_pdf,
    write_timetable_xlsx,
)
from unionoffice.storage.services import NoticeService

_MONTH_RE = re.compile(r"^(\d{4})-(\d{1,2})$")


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "timetable",
        help="生成活动安排表（PDF、Excel 或日历文件）",
        description=(
            "生成公文中活动的安排表：可按部门、月份、逾期筛选，输出 PDF、Excel 或 .ics 日历。"
        ),
    )
    parser.add_argument(
        "ids", nargs="*", type=arguments.notice_id, metavar="ID", help="公文编号（list 的第一列）"
    )
    output = parser.add_argument_group("输出（至少一项）")
    output.add_argument("--pdf", metavar="OUT.pdf", help="写出可打印的 PDF 安排表")
    output.add_argument("--xlsx", metavar="OUT.xlsx", help="写出 Excel 台账")
    output.add_argument("--ics", metavar="OUT.ics", help="写出日历文件（每项活动一个全天日程）")
    scope = parser.add_argument_group("范围与筛选")
    scope.add_argument(
        "--year", type=arguments.year, metavar="YYYY", help="该年的全部公文（不给公文编号时）"
    )
    scope.add_argument("--month", metavar="YYYY-MM", help="只列活动时间与该月有交集的活动")
    scope.add_argument("--department", metavar="NAME", help="只列该部门牵头或配合的活动")
    scope.add_argument("--lead-only", action="store_true", help="与 --department 同用：只列牵头的")
    scope.add_argument("--overdue", action="store_true", help="只列已过完成时限且未完成的活动")
    scope.add_argument("--today", metavar="YYYY-MM-DD", help="计算逾期所用的日期（默认今天）")
    scope.add_argument(
        "--sort",
        choices=[s.value for s in SortOrder],
        default="plan",
        help="plan=按方案顺序（默认），start=按开始日期",
    )
    looks = parser.add_argument_group("PDF 版式")
    looks.add_argument(
        "--grid", action="store_true", help="加月份进度格（12 列，涂出活动所在月份）"
    )
    looks.add_argument("--a3", action="store_true", help="用 A3 横向纸（默认 A4 横向）")
    looks.add_argument("--brief", action="store_true", help="活动内容只印标题，不印说明")
    looks.add_argument("--title", help="自定标题（默认由公文标题生成）")
    looks.add_argument("--font", metavar="PATH", help="中文 TrueType 字体文件（.ttf/.ttc）")
    parser.set_defaults(run=run_timetable)


def run_timetable(args: argparse.Namespace, ctx: CommandContext) -> int:
    if not (args.pdf or args.xlsx or args.ics):
        raise UnionOfficeError("请用 --pdf、--xlsx 或 --ics 指定输出文件")
    if args.lead_only and not args.department:
        raise UnionOfficeError("--lead-only 需要与 --department 一起使用")
    if args.year is not None:
        validate_year(args.year)
    month = _parse_month(args.month) if args.month else None
    today = _parse_day(args.today) if args.today else date.today()
    flt = TimetableFilter(
        department=args.department,
        lead_only=args.lead_only,
        year=args.year,
        month=month,
        overdue_on=today if args.overdue else None,
        sort=SortOrder(args.sort),
    )
    notices = _notices(ctx, args.ids, args.year or (month[0] if month else None))
    timetable = build_timetable(notices, flt, title=args.title)
    if not timetable.rows:
        raise UnionOfficeError("没有符合条件的活动，未生成文件")
    count = len(timetable.rows)
    if args.pdf:
        font = find_cjk_font(args.font)
        options = PdfOptions(
            page_size=PageSize.A3 if args.a3 else PageSize.A4,
            month_grid=args.grid,
            brief=args.brief,
            font=font,
        )
        pages = write_timetable_pdf(timetable, args.pdf, options)
        ctx.print(f"已生成 PDF：{args.pdf}（{count}项活动，{pages}页）")
    if args.xlsx:
        write_timetable_xlsx(timetable, args.xlsx)
        ctx.print(f"已生成 Excel：{args.xlsx}（{count}项活动）")
    if args.ics:
        events = write_timetable_ics(timetable, args.ics, stamp=datetime.now(UTC))
        ctx.print(f"已生成日历：{args.ics}（{events}个日程）")
        if events < count:
            ctx.note(f"有{count - events}项活动的完成时限没有具体日期，未写入日历")
    return 0


def _notices(ctx: CommandContext, ids: list[int], year: int | None) -> list[NoticeData]:
    service = NoticeService(ctx.db)
    if ids:
        return [service.get(notice_id) for notice_id in dict.fromkeys(ids)]
    if year is None:
        raise UnionOfficeError("请给出公文编号，或用 --year / --month 指定年份")
    summaries = sorted(service.list(year=year), key=lambda s: (s.date or date.max, s.id))
    if not summaries:
        raise UnionOfficeError(f"{year}年没有公文")
    return [service.get(summary.id) for summary in summaries]


def _parse_month(text: str) -> tuple[int, int]:
    match = _MONTH_RE.match(text.strip())
    if not match or not 1 <= int(match[2]) <= 12:
        raise UnionOfficeError(f"月份格式应为 YYYY-MM，如 2021-04，而不是 {text}")
    return validate_year(int(match[1])), int(match[2])


def _parse_day(text: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise UnionOfficeError(f"日期格式应为 YYYY-MM-DD，如 2021-06-01，而不是 {text}") from None
