"""``about``: the version and what this copy of the program runs on and brought with it.

For support (a clerk reads it out or sends it) and for the bundle's smoke test, which checks
that the parts PyInstaller cannot see being imported are inside: the PostgreSQL driver, the
platform's keyring backend, the time-zone data icalendar needs on Windows.
"""

from __future__ import annotations

import argparse
import importlib
import importlib.metadata
import importlib.util
import platform
import sqlite3
import sys
from typing import Any

from unionoffice import __version__
from unionoffice.cli.context import CommandContext

# The keyring backend each platform keeps passwords in (its entry-point name in keyring's
# metadata, its module, what it needs besides keyring).
PLATFORM_KEYRINGS = {
    "win32": ("Windows", "keyring.backends.Windows", ("win32ctypes.pywin32.win32cred",)),
    "darwin": ("macOS", "keyring.backends.macOS", ()),
    "linux": ("SecretService", "keyring.backends.SecretService", ("secretstorage",)),
}


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    about = subparsers.add_parser("about", help="显示版本与运行环境（技术支持用）")
    about.add_argument("--json", action="store_true", help="以 JSON 输出")
    about.set_defaults(run=run_about)


def run_about(args: argparse.Namespace, ctx: CommandContext) -> int:
    report = environment_report()
    if args.json:
        ctx.print_json(report)
        return 0
    keyring = report["keyring"]
    postgres = report["postgresql_driver"]
    ctx.print(f"UnionOffice {report['version']}")
    ctx.print(f"Python {report['python']}（UTF-8 模式：{'是' if report['utf8_mode'] else '否'}）")
    ctx.print(f"系统：{report['platform']}")
    ctx.print(f"SQLite {report['sqlite']}")
    ctx.print(
        f"PostgreSQL 驱动：psycopg {postgres['version']}（{postgres['implementation']}）"
        if postgres["version"]
        else f"PostgreSQL 驱动：未安装（{postgres['problem']}）"
    )
    ctx.print(f"密码保存：{keyring['in_use']}")
    ctx.print(f"时区数据：{report['time_zones']['source']}")
    ctx.print(f"数据文件夹：{report['data_folder']}")
    return 0


def environment_report() -> dict[str, Any]:
    """What this copy of the program is and runs with, as plain values."""
    from unionoffice.storage.database import default_database_path

    return {
        "version": __version__,
        "python": platform.python_version(),
        "frozen": bool(getattr(sys, "frozen", False)),
        "utf8_mode": bool(sys.flags.utf8_mode),
        "platform": platform.platform(),
        "sqlite": sqlite3.sqlite_version,
        "postgresql_driver": _postgresql_driver(),
        "keyring": keyring_report(sys.platform),
        "time_zones": _time_zones(),
        "data_folder": str(default_database_path().parent),
    }


def _postgresql_driver() -> dict[str, Any]:
    try:
        import psycopg
    except ImportError as exc:
        return {"version": None, "implementation": None, "libpq": None, "problem": str(exc)}
    return {
        "version": psycopg.__version__,
        "implementation": psycopg.pq.__impl__,  # "binary" or "c": libpq came with it
        "libpq": psycopg.pq.version(),
        "problem": None,
    }


def keyring_report(platform_name: str) -> dict[str, Any]:
    """The backend in use and whether ``platform_name``'s own backend is inside the program:
    registered in keyring's metadata (how keyring finds it) and importable with what it needs."""
    name, module, needs = PLATFORM_KEYRINGS.get(platform_name, ("", "", ()))
    registered = sorted(
        entry.name for entry in importlib.metadata.entry_points(group="keyring.backends")
    )
    problem = None
    for required in (module, *needs) if module else ():
        try:
            importlib.import_module(required)
        except Exception as exc:  # a backend module may fail in any way on import
            problem = f"{required}: {exc}"
            break
    try:
        import keyring

        backend = keyring.get_keyring()
        in_use = f"{type(backend).__module__}.{type(backend).__name__}"
    except Exception as exc:  # no backend at all is still something to report
        in_use = f"（无：{exc}）"
    return {
        "in_use": in_use,
        "platform_backend": name or None,
        "registered": registered,
        "platform_backend_present": bool(name) and name in registered and problem is None,
        "problem": problem,
    }


def _time_zones() -> dict[str, Any]:
    """Whether zone names resolve (icalendar needs them) and where their data comes from."""
    import zoneinfo

    try:
        tzdata_version: str | None = importlib.metadata.version("tzdata")
    except importlib.metadata.PackageNotFoundError:
        tzdata_version = None
    try:
        zoneinfo.ZoneInfo("Asia/Shanghai")
        works = True
    except zoneinfo.ZoneInfoNotFoundError:
        works = False
    tzdata_inside = importlib.util.find_spec("tzdata") is not None
    source = f"tzdata {tzdata_version or ''}".strip() if tzdata_inside else "系统时区数据库"
    return {"works": works, "tzdata": tzdata_version if tzdata_inside else None, "source": source}
