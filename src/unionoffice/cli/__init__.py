"""The command line, over the same services as the GUI. ``unionoffice`` with no command opens
the main window; with a command it runs that command and exits.

Each command module has ``add_parser(subparsers)``, which sets ``run=function(args, ctx)`` as
the parser default; ``run`` returns the exit status. Errors a clerk can fix are raised as
UnionOfficeError and printed in Chinese on stderr with exit status 1.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from unionoffice import __version__
from unionoffice.cli import (
    demo_command,
    export_command,
    import_command,
    maintenance_commands,
    notice_commands,
    number_commands,
    schema_commands,
    timetable_command,
)
from unionoffice.cli.context import CommandContext
from unionoffice.domain.errors import UnionOfficeError

COMMAND_MODULES = (
    demo_command,
    notice_commands,
    number_commands,
    schema_commands,
    maintenance_commands,
    export_command,
    import_command,
    timetable_command,
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
    for module in COMMAND_MODULES:
        module.add_parser(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        from unionoffice.gui.app import run_gui  # Qt is imported only when a window is wanted

        return run_gui(args.db)
    ctx = CommandContext(args.db, sys.stdout, sys.stderr)
    try:
        return int(args.run(args, ctx) or EXIT_OK)
    except UnionOfficeError as exc:
        ctx.error(str(exc))
        return EXIT_ERROR
    except KeyboardInterrupt:
        ctx.error("已中断")
        return 130
    except BrokenPipeError:  # output piped into head or less that closed early
        sys.stderr.close()
        return EXIT_OK
    finally:
        ctx.close()
