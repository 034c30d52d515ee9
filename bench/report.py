"""Writing the results: bench/results/latest.json (every sample) and latest.md (the table)."""

from __future__ import annotations

import datetime as dt
import json
import os
import platform
import sqlite3
import sys
from pathlib import Path
from typing import Any

from bench.results import Result

RESULTS_DIR = Path(__file__).resolve().parent / "results"


def machine() -> dict[str, Any]:
    """What the figures were taken on."""
    info: dict[str, Any] = {
        "python": sys.version.split()[0],
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
        "sqlite": sqlite3.sqlite_version,
    }
    try:
        import PySide6
        import sqlalchemy

        info["pyside6"] = PySide6.__version__
        info["sqlalchemy"] = sqlalchemy.__version__
    except ImportError:
        pass
    return info


def _number(value: float | None, unit: str) -> str:
    if value is None:
        return "—"
    if unit in ("ms", "MB") and value >= 100:
        return f"{value:,.0f} {unit}"
    if unit in ("ms", "MB") and value >= 10:
        return f"{value:.1f} {unit}"
    if unit in ("ms", "MB", "×"):
        return f"{value:.2f} {unit}"
    return f"{value:,.0f} {unit}"


def markdown(results: list[Result], header: dict[str, Any]) -> str:
    """The Markdown table, with what was measured on what above it."""
    lines = [
        f"Data set: {header['dataset']}; {header['runs']} runs each (median); "
        f"{header['machine']['cpus']} CPUs, Python {header['machine']['python']}, "
        f"SQLite {header['machine']['sqlite']}, PySide6 {header['machine'].get('pyside6', '?')}; "
        f"{header['finished'][:16].replace('T', ' ')}.",
        "",
        "| Measure | Median | Floor | × floor | Target | Met | Notes |",
        "| --- | ---: | ---: | ---: | --- | :---: | --- |",
    ]
    for result in results:
        if result.skipped:
            lines.append(f"| {result.label} | — | — | — | — | skipped | {result.skipped} |")
            continue
        ratio = f"{result.ratio:.2f}×" if result.ratio is not None else "—"
        met = {True: "yes", False: "**no**", None: "—"}[result.met]
        floor = _number(result.floor, result.unit)
        if result.floor_label and result.floor is not None:
            floor = f"{floor} ({result.floor_label})"
        lines.append(
            f"| {result.label} | {_number(result.value, result.unit)} | {floor} | {ratio} | "
            f"{result.target.describe(result.unit)} | {met} | {result.note} |"
        )
    return "\n".join(lines) + "\n"


def write(
    results: list[Result],
    header: dict[str, Any],
    folder: Path = RESULTS_DIR,
    stem: str = "latest",
) -> Path:
    """Write STEM.json and STEM.md; the Markdown file's path."""
    folder.mkdir(parents=True, exist_ok=True)
    header = {**header, "finished": dt.datetime.now().isoformat(timespec="seconds")}
    payload = {**header, "results": [r.to_json() for r in results]}
    (folder / f"{stem}.json").write_text(
        json.dumps(payload, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    target = folder / f"{stem}.md"
    target.write_text(markdown(results, header), encoding="utf-8")
    return target
