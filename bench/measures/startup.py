"""Start-up: the program on the archive against the bare window floor, each a new process.

Timed from the parent, from launching the process to each line the program prints with
UNIONOFFICE_REPORT_STARTUP=quit: STARTUP once its window is painted and idle (the clerk sees
it and can use the menus), READY once the notices are in the tree and the loop is idle again
(the clerk reads them and may type a search; the database is opened behind the tree). The
floor window prints STARTUP only. The file cache is warm (the archive was just copied), as
on a clerk's second start of the day; the first start of a day also starts the automatic
backup, measured once apart.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from pathlib import Path

from bench.results import Result, Target

LINE = re.compile(r"UNIONOFFICE_(STARTUP|READY) ms=(\S+) peak_rss_kb=(\S+)")
TIMEOUT_S = 120


def run_once(command: list[str], config_dir: Path) -> dict[str, tuple[float, float | None]]:
    """Launch, read the report lines until the process ends; per line, wall ms and peak MB."""
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "UNIONOFFICE_REPORT_STARTUP": "quit",
        "UNIONOFFICE_QUIT_AFTER_MS": str(TIMEOUT_S * 1000),  # a hung start still ends
        "XDG_CONFIG_HOME": str(config_dir),  # never the user's own settings
        # nor the user's single-window lock: an open window of theirs would refuse the start
        "XDG_DATA_HOME": str(config_dir / "data"),
    }
    started = time.perf_counter()
    process = subprocess.Popen(
        command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
    )
    assert process.stderr is not None
    lines: dict[str, tuple[float, float | None]] = {}
    errors: list[str] = []
    for line in process.stderr:
        match = LINE.search(line)
        if match:
            wall = (time.perf_counter() - started) * 1000
            rss = int(match.group(3)) / 1024 if match.group(3) != "None" else None
            lines[match.group(1)] = (wall, rss)
        else:
            errors.append(line)
    process.wait(timeout=TIMEOUT_S)
    if "STARTUP" not in lines:
        raise RuntimeError(f"{command} printed no start-up line:\n{''.join(errors)[-2000:]}")
    return lines


def measure(db_path: Path, work_dir: Path, runs: int) -> list[Result]:
    """Start-up time and memory of the program and of the floor window."""
    config = work_dir / "config"
    config.mkdir(parents=True, exist_ok=True)
    program = [sys.executable, "-m", "unionoffice", "--db", str(db_path)]
    floor = [sys.executable, "-m", "bench.floor_window"]
    first_of_day = run_once(program, config)["READY"][0]  # starts today's automatic backup
    run_once(floor, config)
    times: list[float] = []
    ready_times: list[float] = []
    floor_times: list[float] = []
    memory: list[float] = []
    floor_memory: list[float] = []
    for _ in range(runs):
        lines = run_once(program, config)
        times.append(lines["STARTUP"][0])
        ready, rss = lines["READY"]
        ready_times.append(ready)
        if rss is not None:
            memory.append(rss)
        wall, rss = run_once(floor, config)["STARTUP"]
        floor_times.append(wall)
        if rss is not None:
            floor_memory.append(rss)
    return [
        Result(
            "startup",
            "Start-up to main window shown and idle",
            "ms",
            times,
            "bare PySide6 window",
            floor_times,
            Target(ratio=1.5),
            note="new process each run, warm file cache; the database opens behind the window",
        ),
        Result(
            "startup_ready",
            "… until the notices are in the tree",
            "ms",
            ready_times,
            "bare PySide6 window",
            floor_times,
            Target(ratio=2.5),
            note="read from the file; the database is opened, the calendar month and 全部活动 "
            "shown, behind the tree",
        ),
        Result(
            "startup_first_of_day",
            "First start of the day, until the notices are shown",
            "ms",
            [first_of_day],
            "bare PySide6 window",
            floor_times,
            Target(ratio=2.5),
            note="one run; the daily backup of the whole archive then runs on a worker thread",
        ),
        Result(
            "memory_startup",
            "GUI peak memory (RSS) at start-up, notices shown",
            "MB",
            memory,
            "bare window",
            floor_memory,
            Target(limit=300),
        ),
    ]


def measure_server(db_path: Path, work_dir: Path, runs: int, copy_url: str) -> list[Result]:
    """The notices on screen from a PostgreSQL server, beside the same archive from SQLite.

    ``copy_url``: the archive copied to the server (bench.measures.server.archive_on_server,
    as ``copy-to`` does, ANALYZE included); the program is started on each in turn.
    """
    config = work_dir / "config-server"
    config.mkdir(parents=True, exist_ok=True)
    on_server = [sys.executable, "-m", "unionoffice", "--db", copy_url]
    on_file = [sys.executable, "-m", "unionoffice", "--db", str(db_path)]
    run_once(on_file, config)  # the day's backup of the file, out of the way
    server_times: list[float] = []
    file_times: list[float] = []
    for _ in range(runs):
        server_times.append(run_once(on_server, config)["READY"][0])
        file_times.append(run_once(on_file, config)["READY"][0])
    return [
        Result(
            "startup_ready_server",
            "Notices on screen from the office's PostgreSQL server, after copy-to",
            "ms",
            server_times,
            "the same archive from its SQLite file",
            file_times,
            note="new process each run; the server on this machine (no network between)",
        )
    ]
