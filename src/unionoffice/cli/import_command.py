"""``import``: notices from .docx, .doc, .wps, .pdf and .txt files and folders, or from the
text given on standard input (``unionoffice import -``)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from unionoffice.cli import console
from unionoffice.cli.context import CommandContext
from unionoffice.cli.serialize import notice_json
from unionoffice.domain.errors import UnionOfficeError
from unionoffice.importing import STDIN, ImportResult, import_paths, import_text
from unionoffice.importing.revisions import RevisionChoice
from unionoffice.storage.services import NoticeService


class ImportUsageError(UnionOfficeError):
    """The command was given nothing it can import."""


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "import",
        help="导入已有公文（.docx、.doc、.wps、.pdf、.txt 文件或文件夹，- 表示标准输入）",
        description="导入已有公文：每个文件成为一篇公文及其活动；文件夹按子文件夹逐个导入；"
        "“-”从标准输入读取一篇公文的文字（如从网页复制的文本）。.doc/.wps 需要本机安装 "
        "LibreOffice 进行转换。内容与已导入文件相同的文件默认跳过。",
    )
    parser.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help=".docx / .doc / .wps / .pdf / .txt 文件或文件夹；- 表示从标准输入读取",
    )
    parser.add_argument("--json", action="store_true", help="以 JSON 输出导入的公文")
    parser.add_argument(
        "--duplicates",
        choices=("skip", "import"),
        default="skip",
        help="内容已导入过的文件：skip 跳过（默认），import 仍然导入",
    )
    parser.add_argument(
        "--original",
        action="store_true",
        help="Word 文件中的修订：默认接受全部修订；加此项按修订前的原文导入",
    )
    parser.set_defaults(run=run_import)


def run_import(args: argparse.Namespace, ctx: CommandContext) -> int:
    if any(not p.strip() for p in args.paths):
        raise ImportUsageError("路径为空：请给出要导入的文件或文件夹（当前文件夹请写 .）")
    results: list[ImportResult] = []
    files: list[Path] = []
    revisions: RevisionChoice = "original" if args.original else "accept"
    for given in console.expand_wildcards(args.paths):  # cmd.exe leaves *.docx to the program
        if given != "-":
            files.append(Path(given))
            continue
        results.extend(import_paths(ctx.db, files, args.duplicates, revisions=revisions))
        files = []
        results.append(import_text(ctx.db, _read_stdin(), args.duplicates))
    if files:
        results.extend(import_paths(ctx.db, files, args.duplicates, revisions=revisions))
    service = NoticeService(ctx.db)
    created = [
        r.notice_id
        for r in results
        if r.status in ("created", "updated") and r.notice_id is not None
    ]
    if args.json:
        ctx.print_json({"notices": [notice_json(service.get(notice_id)) for notice_id in created]})
    for result in results:
        _report(result, ctx, service, quiet=args.json)
    failed = sum(1 for r in results if r.status == "failed")
    skipped = sum(1 for r in results if r.status == "skipped")
    updated = sum(1 for r in results if r.status == "updated")
    done = f"共导入 {len(created) - updated} 篇，" + (f"更新 {updated} 篇，" if updated else "")
    ctx.note(f"{done}跳过 {skipped} 个文件，失败 {failed} 个")
    return 1 if failed else 0


def _read_stdin() -> bytes:
    """The bytes on standard input (the text of one notice); nothing when there is no input."""
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:
        return sys.stdin.read().encode("utf-8") if sys.stdin is not None else b""
    return bytes(stream.read())


def _report(result: ImportResult, ctx: CommandContext, service: NoticeService, quiet: bool) -> None:
    source = "标准输入" if result.path == STDIN else str(result.path)
    if result.status == "failed":
        ctx.error(f"{source}：{result.error}")
        return
    if result.status == "skipped":
        reason = result.skipped or f"内容与已导入的公文 {result.duplicate_of} 相同"
        ctx.note(f"跳过 {source}：{reason}")
        return
    for warning in result.warnings:
        ctx.note(f"提示 {source}：{warning}")
    if not quiet and result.notice_id is not None:
        notice = service.get(result.notice_id)
        number = notice.doc_number or "（未编号）"
        updated = "\tupdated" if result.status == "updated" else ""
        ctx.print(
            f"{notice.id}\t{number}\t{notice.title}\t{len(notice.activities)}项活动\t{source}"
            f"{updated}"
        )
