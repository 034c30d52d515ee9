"""python -m bench [--quick] [--runs N] [--only GROUPS] [--postgres URL]: the benchmark.

Builds (once, then cached) an archive of 10,000 notices and 100,000 activities through the
services, measures start-up, the tree, the 全部活动 table, the calendar, search as you type,
文号 allocation, import and export, each as the median of several runs beside a floor taken
in the same run, and writes bench/results/latest.json and latest.md (``--quick``: a tenth of
the archive, fewer runs, results in latest-quick.*).
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench import report
from bench.dataset import LARGE, QUICK, ensure_dataset, working_copy
from bench.results import Result, Target

GROUPS = ("startup", "search", "gui", "numbering", "documents", "import_size", "server")


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="1,000 notices, 3 runs (a minute)")
    parser.add_argument("--runs", type=int, help="runs per measure (default 5, quick 3)")
    parser.add_argument("--only", help=f"comma-separated groups of: {', '.join(GROUPS)}")
    parser.add_argument("--rebuild", action="store_true", help="build the archive again")
    parser.add_argument("--out", type=Path, help="folder for the results (default bench/results)")
    parser.add_argument("--keep", action="store_true", help="keep the working folder")
    parser.add_argument(
        "--postgres",
        metavar="URL",
        help="a PostgreSQL server (a role that may create databases): the server group then "
        "measures the notices on screen, search, allocation and import on it, after copy-to",
    )
    return parser.parse_args(argv)


def _log(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def _gui_session(db_path: Path, work_dir: Path, runs: int) -> list[Result]:
    out = work_dir / "gui-session.json"
    command = [sys.executable, "-m", "bench.measures.gui_session", str(db_path), str(out)]
    subprocess.run([*command, str(runs)], check=True)
    results = []
    for data in json.loads(out.read_text(encoding="utf-8")):
        data["target"] = Target(**data["target"])
        results.append(Result(**data))
    return results


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    spec = QUICK if args.quick else LARGE
    runs = args.runs or (3 if args.quick else 5)
    groups = args.only.split(",") if args.only else list(GROUPS)
    unknown = set(groups) - set(GROUPS)
    if unknown:
        raise SystemExit(f"unknown groups: {', '.join(sorted(unknown))}")
    started = time.perf_counter()
    archive = ensure_dataset(spec, rebuild=args.rebuild)
    work_dir = Path(tempfile.mkdtemp(prefix="unionoffice-bench-"))
    results: list[Result] = []
    try:
        if "startup" in groups:
            from bench.measures import startup

            _log("start-up …")
            db = working_copy(archive, work_dir / "startup")
            results += startup.measure(db, work_dir / "startup", runs)
        if "server" in groups and args.postgres:
            from bench.measures import server, startup

            _log("the archive copied to the PostgreSQL server …")
            db = working_copy(archive, work_dir / "server")
            with server.archive_on_server(db, args.postgres) as copy_url:
                _log("start-up from the PostgreSQL server …")
                results += startup.measure_server(db, work_dir / "server", runs, copy_url)
                _log("search, allocation and import on the PostgreSQL server …")
                results += server.measure(db, work_dir / "server", runs, args.postgres, copy_url)
        shared = working_copy(archive, work_dir / "shared")
        if "gui" in groups:
            _log("main window: tree, table, calendar, search …")
            results += _gui_session(shared, work_dir, runs)
        if "search" in groups:
            from bench.measures import search

            _log("search service …")
            results += search.measure(shared, runs)
        if "numbering" in groups:
            from bench.measures import numbering

            _log("文号 allocation …")
            results += numbering.measure(working_copy(archive, work_dir / "numbering"), runs)
        if "documents" in groups:
            from bench.measures import documents

            _log("import and export …")
            results += documents.measure(shared, work_dir / "documents", runs)
        if "import_size" in groups:
            from bench.measures import import_size

            _log("import against a notice's size …")
            sizes = import_size.QUICK_SIZES_MB if args.quick else import_size.SIZES_MB
            results += import_size.measure(work_dir / "import-size", runs, sizes)
    finally:
        if not args.keep:
            shutil.rmtree(work_dir, ignore_errors=True)
    folder = args.out or report.RESULTS_DIR
    header = {
        "dataset": f"{spec.notices:,} notices, {spec.activities:,} activities ({spec.name})",
        "runs": runs,
        "machine": report.machine(),
        "seconds": round(time.perf_counter() - started),
    }
    written = report.write(results, header, folder, stem="latest-quick" if args.quick else "latest")
    print(written.read_text(encoding="utf-8"))
    _log(f"written {written} and its .json in {time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
