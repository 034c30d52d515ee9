"""Run an installed UnionOffice (not the source tree) through what a clerk does first.

    python packaging/smoke_test.py DIR          a PyInstaller bundle (DIR/unionoffice and
                                                DIR/UnionOffice, on Windows
                                                DIR\\unionoffice-cli.exe and DIR\\UnionOffice.exe)
    python packaging/smoke_test.py CLI GUI      any two executables, e.g. a wheel's
                                                venv/bin/unionoffice and venv/bin/unionoffice-gui

Standard library only, so any Python 3.11 runs it on Linux and Windows alike. Everything
happens in a temporary folder far from the source tree, with its own settings file
(UNIONOFFICE_SETTINGS_FILE; on Linux also XDG folders), so a clerk's or developer's settings
are never touched. Checks that the parts PyInstaller cannot see being imported are inside
(``about --json``): the PostgreSQL driver with its libpq, the platform's keyring backend, the
time-zone data icalendar needs, UTF-8 mode in the bundle.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

WINDOWS = sys.platform == "win32"
TIMEOUT_S = 120


def executables(arguments: list[str]) -> tuple[Path, Path]:
    if len(arguments) >= 2:
        return Path(arguments[0]).resolve(), Path(arguments[1]).resolve()
    bundle = Path(arguments[0]).resolve()
    if WINDOWS:
        return bundle / "unionoffice-cli.exe", bundle / "UnionOffice.exe"
    return bundle / "unionoffice", bundle / "UnionOffice"


def isolated_environment(work: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["UNIONOFFICE_SETTINGS_FILE"] = str(work / "settings.ini")
    for variable, folder in (("XDG_CONFIG_HOME", "config"), ("XDG_DATA_HOME", "data"),
                             ("XDG_CACHE_HOME", "cache")):  # fmt: skip
        env[variable] = str(work / folder)
    return env


class Runner:
    """The command line in ``work`` with the isolated environment; stops at the first failure."""

    def __init__(self, cli: Path, work: Path, env: dict[str, str]) -> None:
        self.cli, self.work, self.env = cli, work, env
        self.db = work / "demo.sqlite"

    def run(self, *args: str, db: bool = True) -> str:
        command = [str(self.cli), *(["--db", str(self.db)] if db else []), *args]
        result = subprocess.run(
            command, cwd=self.work, env=self.env, capture_output=True, timeout=TIMEOUT_S
        )
        out = result.stdout.decode("utf-8", "replace")
        if result.returncode != 0:
            err = result.stderr.decode("utf-8", "replace")
            raise SystemExit(f"failed ({result.returncode}): {' '.join(command)}\n{out}{err}")
        print(f"$ unionoffice {' '.join(args)}\n{out.strip()[:400]}")
        return out


def check_about(report: dict) -> None:
    """The parts collected by hand in the spec are in the program."""
    driver, keyring, zones = report["postgresql_driver"], report["keyring"], report["time_zones"]
    problems = []
    if driver["implementation"] not in ("binary", "c"):
        problems.append(f"psycopg with its own libpq is missing: {driver}")
    if not keyring["platform_backend_present"]:
        problems.append(f"the platform's keyring backend is missing: {keyring}")
    if not zones["works"] or not zones["tzdata"]:
        problems.append(f"time-zone data (tzdata) is missing: {zones}")
    if report["frozen"] and not report["utf8_mode"]:
        problems.append("the bundle does not run in Python's UTF-8 mode")
    if problems:
        raise SystemExit("about --json:\n" + "\n".join(problems))
    print(
        f"psycopg {driver['version']} ({driver['implementation']}, libpq {driver['libpq']}), "
        f"keyring {keyring['platform_backend']} (in use: {keyring['in_use']}), "
        f"time zones from {zones['source']}, UTF-8 mode {report['utf8_mode']}"
    )


def check_file(path: Path, starts: bytes) -> None:
    if not path.is_file() or not path.read_bytes().startswith(starts):
        raise SystemExit(f"{path.name} was not written as expected")


def main(arguments: list[str]) -> int:
    if not arguments:
        print(__doc__)
        return 2
    cli, gui = executables(arguments)
    work = Path(tempfile.mkdtemp(prefix="unionoffice-smoke-"))
    try:
        env = isolated_environment(work)
        runner = Runner(cli, work, env)
        runner.run("--version", db=False)
        check_about(json.loads(runner.run("about", "--json", db=False)))
        runner.run("demo")
        runner.run("list")
        runner.run("number", "allocate", "青总办", "--year", "2021")
        runner.run("export", "2", "--docx", str(work / "notice.docx"))
        check_file(work / "notice.docx", b"PK")
        runner.run("timetable", "2", "--pdf", str(work / "plan.pdf"))
        check_file(work / "plan.pdf", b"%PDF")
        runner.run("timetable", "2", "--ics", str(work / "plan.ics"))
        check_file(work / "plan.ics", b"BEGIN:VCALENDAR")
        # The window opens on the demo database and closes by itself.
        window_env = {**env, "UNIONOFFICE_QUIT_AFTER_MS": "1500"}
        result = subprocess.run(
            [str(gui), "--db", str(runner.db)], cwd=work, env=window_env, timeout=TIMEOUT_S
        )
        if result.returncode != 0:
            raise SystemExit(f"the window ended with status {result.returncode}")
        if not (work / "settings.ini").is_file():
            raise SystemExit("the window did not keep its settings in the smoke test's file")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"smoke test passed: {' '.join(arguments)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
