"""``export``: notices to Word (.docx) from a template, laid out to GB/T 9704."""

from __future__ import annotations

import argparse

from unionoffice.cli import arguments
from unionoffice.cli.context import CommandContext
from unionoffice.domain.errors import UnionOfficeError
from unionoffice.domain.notice import NoticeData
from unionoffice.domain.organs import OrganInfo
from unionoffice.exporting.docx import (
    WINDOWS_FONTS,
    ExportOptions,
    Letterhead,
    PlanLayout,
    available_templates,
    export_notice,
    export_notices,
    export_warnings,
    user_template_dir,
)
from unionoffice.storage.services import NoticeService, OrganService


class ExportUsageError(UnionOfficeError):
    """The export command was given a combination it cannot do."""


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    export = subparsers.add_parser(
        "export",
        help="把公文导出为 Word 文档（按 GB/T 9704 排版）",
        description="把公文导出为 Word 文档。一篇用 --docx，多篇用 --out-dir。",
    )
    export.add_argument(
        "ids", type=arguments.notice_id, nargs="*", metavar="ID", help="公文编号（list 的第一列）"
    )
    # Plain strings: Path("") would be the current folder.
    export.add_argument("--docx", metavar="OUT.docx", help="输出文件（一篇公文）")
    export.add_argument("--out-dir", metavar="DIR", help="输出文件夹（多篇公文）")
    export.add_argument("--template", metavar="NAME", help="模板名称或 .docx 路径（默认：文件式）")
    export.add_argument(
        "--plan-as",
        choices=("table", "paragraphs"),
        help="活动方案排成表格或段落（默认：按模板设置）",
    )
    export.add_argument(
        "--fonts", choices=("template", "windows"), default="template",
        help="template：用模板中的字体；windows：仿宋/黑体/楷体/华文中宋（Windows 自带）",
    )  # fmt: skip
    export.add_argument("--list-templates", action="store_true", help="列出可用的模板")
    export.set_defaults(run=run_export)


def run_export(args: argparse.Namespace, ctx: CommandContext) -> int:
    if args.list_templates:
        for info in available_templates():
            where = "随程序" if info.shipped else "用户"
            ctx.print(f"{info.name}\t{where}\t{info.path}")
        ctx.note(f"用户模板文件夹：{user_template_dir()}")
        return 0
    if not args.ids:
        raise ExportUsageError("请给出要导出的公文编号")
    if bool(args.docx) == bool(args.out_dir):
        raise ExportUsageError("请用 --docx 指定输出文件（一篇），或用 --out-dir 指定输出文件夹")
    if args.docx and len(args.ids) > 1:
        raise ExportUsageError("导出多篇公文时请用 --out-dir 指定文件夹")
    service = NoticeService(ctx.db)
    notices = [service.get(notice_id) for notice_id in args.ids]
    organs = {organ.name: organ for organ in OrganService(ctx.db).organs()}
    if args.docx:
        notice = notices[0]
        options = _options(args, notice, organs)
        path = export_notice(notice, args.docx, options)
        ctx.print(f"已导出：{path}")
        _warn(ctx, notice, options)
        return 0
    for notice in notices:
        # one notice at a time: each may have its own organ and so its own 标志
        options = _options(args, notice, organs)
        for result in export_notices([notice], args.out_dir, options):
            ctx.print(f"已导出：{result.path}")
        _warn(ctx, notice, options)
    return 0


def _warn(ctx: CommandContext, notice: NoticeData, options: ExportOptions) -> None:
    """What the file still lacks (no 成文日期 …), on stderr: the export itself succeeded."""
    label = notice.doc_number or notice.title
    for warning in export_warnings(notice, options):
        ctx.note(f"注意（{label}）：{warning}")


def _options(
    args: argparse.Namespace, notice: NoticeData, organs: dict[str, OrganInfo]
) -> ExportOptions:
    organ = notice.organ or ""
    info = organs.get(organ)
    return ExportOptions(
        template=args.template,
        letterhead=Letterhead(
            header_text=info.header_text if info else "",
            organ_name=organ,
            distributor=info.default_distributor if info else "",
        ),
        plan_layout=PlanLayout(args.plan_as) if args.plan_as else None,
        fonts=WINDOWS_FONTS if args.fonts == "windows" else None,
    )
