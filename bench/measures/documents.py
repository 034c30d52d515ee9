"""Files in and out: import of notice files, Word export, the PDF timetable.

Each is measured only when its package is installed in this tree (they are built in other
issues); otherwise its row says why it was skipped. Floors:

- import: reading and decoding the same files, no parsing and no database;
- Word export: python-docx opening the template and saving it unchanged;
- PDF timetable: the same table as plain ASCII in a built-in font, straight reportlab
  (bench/timetable_pdf.py, from the timetable issue).
"""

from __future__ import annotations

import importlib
import importlib.util
import itertools
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench import texts
from bench.dataset import QUICK, generate
from bench.results import Result, Target, interleaved_ms
from unionoffice.domain.notice import NoticeData
from unionoffice.storage.database import Database
from unionoffice.storage.services.notices import NoticeService

IMPORT_FILES = 1000
TIMETABLE_ROWS = 1000


def _available(module: str) -> bool:
    try:
        return importlib.util.find_spec(module) is not None
    except ImportError:
        return False


def _skipped(key: str, label: str, why: str) -> Result:
    return Result(key, label, "ms", skipped=why)


def _guarded(key: str, label: str, work: Callable[[], list[Result]]) -> list[Result]:
    """Run a measure; a failure of a module still being built becomes a skipped row."""
    try:
        return work()
    except Exception as exc:  # another issue's module may be half-way
        return [_skipped(key, label, f"failed: {type(exc).__name__}: {str(exc)[:120]}")]


def measure(db_path: Path, work_dir: Path, runs: int) -> list[Result]:
    results: list[Result] = []
    label = f"Import of {IMPORT_FILES:,} notice files (.txt)"
    if _available("unionoffice.importing.service"):
        results += _guarded("import", label, lambda: _import(work_dir, min(runs, 3)))
    else:
        results.append(_skipped("import", label, "unionoffice.importing not present yet"))
    if _available("unionoffice.exporting.docx"):
        results += _guarded("word_export", "Word export", lambda: _word(db_path, work_dir, runs))
    else:
        results.append(_skipped("word_export", "Word export", "exporting.docx not present yet"))
    label = f"PDF timetable of {TIMETABLE_ROWS:,} rows"
    if _available("unionoffice.exporting.timetable"):
        results += _guarded("timetable_pdf", label, lambda: _timetable(db_path, runs))
    else:
        results.append(_skipped("timetable_pdf", label, "exporting.timetable not present yet"))
    return results


# -- import ----------------------------------------------------------------------------------


def _import(work_dir: Path, runs: int) -> list[Result]:
    from unionoffice.importing.parallel import worker_count
    from unionoffice.importing.reading import read_document
    from unionoffice.importing.service import import_paths

    folder = work_dir / "import-files"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    notices = itertools.islice(generate(QUICK), IMPORT_FILES)
    for index, data in enumerate(notices):
        (folder / f"{index:04d}.txt").write_text(texts.notice_text(data), encoding="utf-8")
    files = sorted(folder.glob("*.txt"))
    counter = itertools.count()
    outcome: dict[str, int] = {}

    def run() -> None:
        target = work_dir / f"import-{next(counter)}.sqlite"
        db = Database(target)
        try:
            results = import_paths(db, [folder])
        finally:
            db.dispose()
        for result in results:
            outcome[result.status] = outcome.get(result.status, 0) + 1

    def floor() -> None:
        for path in files:
            read_document(path)

    samples, floors = interleaved_ms(run, floor, runs, warmup=0)
    per_run = {status: count // runs for status, count in outcome.items()}
    workers = worker_count(len(files))
    return [
        Result(
            "import",
            f"Import of {IMPORT_FILES:,} notice files (.txt)",
            "ms",
            samples,
            "read and decode only",
            floors,
            Target(limit=5000),
            note=(
                f"into a new database, one transaction a file, parsed by {workers} worker "
                f"processes; per run: {per_run}"
            ),
        )
    ]


# -- Word export -----------------------------------------------------------------------------


def _notices_with_plans(db_path: Path, count: int) -> list[NoticeData]:
    db = Database(db_path)
    try:
        service = NoticeService(db)
        summaries = [s for s in service.list() if s.activity_count and s.doc_number]
        return [service.get(s.id) for s in summaries[:count]]
    finally:
        db.dispose()


def _word(db_path: Path, work_dir: Path, runs: int) -> list[Result]:
    from docx import Document

    from unionoffice.exporting.docx import export_notice, export_notices, find_template

    notices = _notices_with_plans(db_path, 100)
    template = find_template().path
    out = work_dir / "word"
    out.mkdir(parents=True, exist_ok=True)

    def floor_one() -> None:
        Document(str(template)).save(str(out / "floor.docx"))

    def floor_hundred() -> None:
        for index in range(len(notices)):
            Document(str(template)).save(str(out / f"floor-{index}.docx"))

    one, one_floor = interleaved_ms(
        lambda: export_notice(notices[0], out / "one.docx"), floor_one, runs
    )
    hundred, hundred_floor = interleaved_ms(
        lambda: export_notices(notices, out / "hundred"), floor_hundred, max(1, runs // 2)
    )
    activities = sum(len(n.activities) for n in notices)
    return [
        Result(
            "word_export_1",
            "Word export of 1 notice",
            "ms",
            one,
            "python-docx open + save template",
            one_floor,
            Target(ratio=1.5),
            note=f"{len(notices[0].activities)} activities in its plan",
        ),
        Result(
            "word_export_100",
            "Word export of 100 notices (per notice)",
            "ms",
            [t / len(notices) for t in hundred],
            "python-docx open + save template",
            [t / len(notices) for t in hundred_floor],
            Target(ratio=1.5),
            note=f"{len(notices)} notices, {activities:,} activities in all",
        ),
    ]


# -- PDF timetable ---------------------------------------------------------------------------


def _timetable(db_path: Path, runs: int) -> list[Result]:
    from unionoffice.exporting.timetable import (
        PdfOptions,
        build_timetable,
        find_cjk_font,
        render_timetable_pdf,
    )

    notices = _year_of_activities(db_path, TIMETABLE_ROWS)
    font = find_cjk_font()
    floor_pdf: Any = None
    if _available("bench.timetable_pdf"):
        floor_pdf = getattr(importlib.import_module("bench.timetable_pdf"), "floor_pdf", None)

    def work() -> None:
        render_timetable_pdf(build_timetable(notices), PdfOptions(font=font))

    if floor_pdf is None:
        samples, floors = interleaved_ms(work, lambda: None, runs)
        floors = []
        floor_label = ""
    else:
        samples, floors = interleaved_ms(work, lambda: floor_pdf(notices), runs)
        floor_label = "reportlab, ASCII in Helvetica"
    return [
        Result(
            "timetable_pdf",
            f"PDF timetable of {TIMETABLE_ROWS:,} rows",
            "ms",
            samples,
            floor_label,
            floors,
            Target(limit=2000),
            note=(
                f"{sum(len(n.activities) for n in notices):,} activities of {len(notices)} "
                f"notices of one year; font {font.path.name}"
            ),
        )
    ]


def _year_of_activities(db_path: Path, rows: int) -> list[NoticeData]:
    """Notices of the archive's latest full year, cut so they hold exactly ``rows`` activities."""
    db = Database(db_path)
    try:
        service = NoticeService(db)
        summaries = [s for s in service.list() if s.activity_count]
        years = sorted({s.year for s in summaries if s.year}, reverse=True)
        chosen: list[NoticeData] = []
        left = rows
        for summary in (s for s in summaries if s.year == years[min(1, len(years) - 1)]):
            if left <= 0:
                break
            notice = service.get(summary.id)
            notice.activities = notice.activities[:left]
            left -= len(notice.activities)
            chosen.append(notice)
        return chosen
    finally:
        db.dispose()
