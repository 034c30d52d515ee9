"""Start-up: the program on the archive against the bare window floor, each a new process.

Timed from the parent: from launching the process to the line the program prints once its
window is painted and idle (UNIONOFFICE_REPORT_STARTUP=quit). The file cache is warm (the
archive was just copied), as on a clerk's second start of the day; the first start of a day
also takes the automatic backup, measured once apart.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from pathlib import Path

from bench.results import Result, Target

LINE = re.compile(r"UNIONOFFICE_STARTUP ms=(\S+) peak_rss_kb=(\S+)")
TIMEOUT_S = 120


def run_once(command: list[str], config_dir: Path) -> tuple[float, float | None]:
    """Launch, wait for the report line; wall milliseconds and peak RSS in MB."""
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "UNIONOFFICE_REPORT_STARTUP": "quit",
        "UNIONOFFICE_QUIT_AFTER_MS": str(TIMEOUT_S * 1000),  # a hung start still ends
        "XDG_CONFIG_HOME": str(config_dir),  # never the user's own settings
    }
    started = time.perf_counter()
    process = subprocess.Popen(
        command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
    )
    assert process.stderr is not None
    wall: float | None = None
    rss: float | None = None
    errors: list[str] = []
    for line in process.stderr:
        match = LINE.search(line)
        if match:
            wall = (time.perf_counter() - started) * 1000
            rss = int(match.group(2)) / 1024 if match.group(2) != "None" else None
            break
        errors.append(line)
    process.stderr.read()
    process.wait(timeout=TIMEOUT_S)
    if wall is None:
        raise RuntimeError(f"{command} printed no start-up line:\n{''.join(errors)[-2000:]}")
    return wall, rss


def measure(db_path: Path, work_dir: Path, runs: int) -> list[Result]:
    """Start-up time and memory of the program and of the floor window."""
    config = work_dir / "config"
    config.mkdir(parents=True, exist_ok=True)
    program = [sys.executable, "-m", "unionoffice", "--db", str(db_path)]
    floor = [sys.executable, "-m", "bench.floor_window"]
    first_of_day, _ = run_once(program, config)  # takes today's automatic backup
    run_once(floor, config)
    times: list[float] = []
    floor_times: list[float] = []
    memory: list[float] = []
    floor_memory: list[float] = []
    for _ in range(runs):
        wall, rss = run_once(program, config)
        times.append(wall)
        if rss is not None:
            memory.append(rss)
        wall, rss = run_once(floor, config)
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
            note="new process each run, warm file cache",
        ),
        Result(
            "startup_first_of_day",
            "First start of the day (with automatic backup)",
            "ms",
            [first_of_day],
            "bare PySide6 window",
            floor_times,
            note="one run; the daily backup copies the whole archive",
        ),
        Result(
            "memory_startup",
            "GUI peak memory (RSS) at start-up",
            "MB",
            memory,
            "bare window",
            floor_memory,
            Target(limit=300),
        ),
    ]
