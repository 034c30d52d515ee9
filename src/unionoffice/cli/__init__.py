"""The command line, over the same services as the GUI. ``unionoffice`` with no command opens
the main window; with a command it runs that command and exits.

Each command module has ``add_parser(subparsers)``, which sets ``run=function(args, ctx)`` as
the parser default; ``run`` returns the exit status. Errors a clerk can fix are raised as
UnionOfficeError and printed in Chinese on stderr with exit status 1.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from unionoffice import __version__
from unionoffice.domain.errors import UnionOfficeError

if TYPE_CHECKING:
    from unionoffice.cli.context import CommandContext

# Imported only when a command is given: opening the window needs none of them, and the
# export and import commands bring python-docx, reportlab, openpyxl … (a third of start-up).
COMMAND_MODULES = (
    "demo_command",
    "notice_commands",
    "history_commands",
    "number_commands",
    "schema_commands",
    "maintenance_commands",
    "export_command",
    "import_command",
    "timetable_command",
    "about_command",
)

EXIT_OK = 0
EXIT_ERROR = 1
EXIT_USAGE = 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="unionoffice",
        description="工会公文助手 UnionOffice：公文、文号登记与活动安排。不带命令时打开主窗口。",
    )
    parser.add_argument("--version", action="version", version=f"UnionOffice {__version__}")
    parser.add_argument(
        "--db",
        metavar="D",
        help="数据库文件路径或 SQLAlchemy URL（默认：用户数据目录中的 unionoffice.sqlite）",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="命令")
    for name in COMMAND_MODULES:
        importlib.import_module(f"unionoffice.cli.{name}").add_parser(subparsers)
    return parser


def window_request(argv: Sequence[str]) -> tuple[bool, str | None]:
    """Whether ``argv`` only asks for the window (nothing but ``--db``), and its --db."""
    parser = argparse.ArgumentParser(add_help=False, exit_on_error=False)
    parser.add_argument("--db")
    try:
        known, rest = parser.parse_known_args(argv)
    except argparse.ArgumentError:
        return False, None  # the full parser says what is wrong
    return not rest, known.db


def describe_os_error(exc: OSError) -> str:
    """An operating-system error about a file, in words a clerk reads."""
    from unionoffice.output_files import reason

    where = f"“{exc.filename}”" if exc.filename else ""
    return f"无法使用文件{where}：{reason(exc)}"


def main(argv: Sequence[str] | None = None) -> int:
    window_only, db = window_request(sys.argv[1:] if argv is None else argv)
    if window_only:
        from unionoffice.gui.app import run_gui  # Qt is imported only when a window is wanted

        return run_gui(db)
    from unionoffice.cli import console

    console.prepare_standard_streams()  # before argparse prints Chinese help or errors
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as usage:  # argparse has printed the usage error (or --help)
        return int(usage.code or EXIT_OK) if not isinstance(usage.code, str) else EXIT_USAGE
    if args.command is None:
        from unionoffice.gui.app import run_gui

        return run_gui(args.db)
    from unionoffice.cli.context import CommandContext  # the storage layer: not for the window

    # The windowed entry points have no console: their output goes nowhere, never to None.
    out, err = console.usable_stream(sys.stdout), console.usable_stream(sys.stderr)
    ctx: CommandContext = CommandContext(args.db, out, err)
    try:
        return int(args.run(args, ctx) or EXIT_OK)
    except UnionOfficeError as exc:
        ctx.error(str(exc))
        return EXIT_ERROR
    except KeyboardInterrupt:
        ctx.error("已中断")
        return 130
    except BrokenPipeError:  # output piped into head or less that closed early
        if sys.stderr is not None:
            sys.stderr.close()
        return EXIT_OK
    except OSError as exc:  # a file or folder the command was given cannot be used
        ctx.error(describe_os_error(exc))
        return EXIT_ERROR
    finally:
        ctx.close()
