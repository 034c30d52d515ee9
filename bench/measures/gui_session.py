"""The main window on the archive, driven as a clerk would, in a process of its own.

    python -m bench.measures.gui_session ARCHIVE OUT.json RUNS

Opens the program's MainWindow (offscreen) and times, each against a floor of bare Qt widgets
over raw sqlite3 in the same process: filling the document tree, opening the 全部活动 table
and scrolling to its end, the calendar's month and year views with about 1,000 activities in
view, and the tree's search as the clerk types. Each timing ends with the view painted. Last,
the process's peak memory. Results go to OUT.json for the parent to report.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import (
    QAbstractTableModel,
    QEventLoop,
    QModelIndex,
    QPersistentModelIndex,
    QRectF,
    Qt,
)
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QApplication, QTableView, QTreeView, QWidget

from bench.measures.search import TYPED, keystrokes, raw_matching_ids
from bench.results import Result, Target, interleaved_ms
from unionoffice.domain.activity_criteria import ActivityFilter
from unionoffice.domain.deadline import month_end
from unionoffice.gui.app import make_application
from unionoffice.gui.settings import DictStore, Settings
from unionoffice.gui.window.main_window import ALL_ACTIVITIES_TAB, CALENDAR_TAB, MainWindow
from unionoffice.gui.window.startup_report import peak_rss_kb
from unionoffice.storage.database import Database
from unionoffice.storage.services.search import TRIGRAM

AnyIndex = QModelIndex | QPersistentModelIndex
NO_PARENT = QModelIndex()
IN_VIEW = 1000  # activities wanted in a calendar view

TABLE_SQL = """
    SELECT activities.position, activities.title, activities.deadline, activities.start_date,
           activities.end_date, activities.leader, activities.status, notices.title
      FROM activities JOIN notices ON notices.id = activities.notice_id
     WHERE notices.deleted_at IS NULL
     ORDER BY notices.year DESC, notices.doc_date DESC, notices.id, activities.position
"""
PERIOD_SQL = """
    SELECT activities.id, activities.title, activities.start_date, activities.end_date
      FROM activities JOIN notices ON notices.id = activities.notice_id
     WHERE notices.deleted_at IS NULL AND activities.end_date >= ? AND activities.start_date <= ?
       AND activities.id IN (SELECT activity_id FROM activity_departments WHERE name = ?)
"""


def settle() -> None:
    QApplication.processEvents()
    QApplication.processEvents()


def answered(window: Any) -> None:
    """What the window reads off its UI thread (a search, a calendar month) is on screen.

    Waited for in an event loop, as the program's own loop waits: a loop of processEvents
    calls would hold Python's lock and starve the thread that reads."""
    if window.reads.busy():
        loop = QEventLoop()
        window.reads.idle.connect(loop.quit)
        if window.reads.busy():
            loop.exec()
        window.reads.idle.disconnect(loop.quit)


# -- floors: bare Qt over raw sqlite3 ----------------------------------------------------------


class RowsModel(QAbstractTableModel):
    """The least a table model can be: rows of a cursor, fetched a page at a time."""

    def __init__(self, columns: int, page: int) -> None:
        super().__init__()
        self.rows: list[tuple[Any, ...]] = []
        self.columns = columns
        self.page = page
        self.cursor: sqlite3.Cursor | None = None
        self.more = False

    def start(self, cursor: sqlite3.Cursor) -> None:
        self.beginResetModel()
        self.rows, self.cursor, self.more = [], cursor, True
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: AnyIndex = NO_PARENT) -> int:
        return 0 if parent.isValid() else self.columns

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        value = self.rows[index.row()][index.column() % len(self.rows[index.row()])]
        return "" if value is None else str(value)

    def canFetchMore(self, parent: AnyIndex = NO_PARENT) -> bool:
        return not parent.isValid() and self.more

    def fetchMore(self, parent: AnyIndex = NO_PARENT) -> None:
        assert self.cursor is not None
        page = self.cursor.fetchmany(self.page)
        if len(page) < self.page:
            self.more = False
        if page:
            first = len(self.rows)
            self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
            self.rows.extend(page)
            self.endInsertRows()


class BarsCanvas(QWidget):
    """The least a calendar can be: one labelled bar per activity."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[tuple[Any, ...]] = []
        self.resize(1100, 800)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("white"))
        painter.setBrush(QColor("#4e79a7"))
        for index, row in enumerate(self.rows):
            rect = QRectF(300, 26 + index * 22 % max(1, self.height() - 30), 400, 18)
            painter.drawRoundedRect(rect, 3, 3)
            painter.drawText(rect, str(row[1]))
        painter.end()


# -- measures ----------------------------------------------------------------------------------


class Session:
    def __init__(self, db_path: Path, runs: int) -> None:
        self.runs = runs
        self.app = make_application()
        self.db = Database(db_path)
        started = time.perf_counter()
        self.window = MainWindow(self.db, Settings(DictStore()))
        self.window.show()
        settle()
        self.window_ms = (time.perf_counter() - started) * 1000
        self.raw = sqlite3.connect(db_path)
        self.results: list[Result] = []
        self.peak_kb: int | None = None

    def close(self) -> None:
        self.window.close()
        self.raw.close()
        self.db.dispose()

    def tree(self) -> None:
        tree = self.window.tree
        floor_view = QTreeView()
        floor_view.setHeaderHidden(True)
        floor_view.setUniformRowHeights(True)
        floor_view.resize(tree.view.size())
        floor_view.show()

        def work() -> None:
            tree.reload()
            tree.view.viewport().repaint()

        def floor() -> None:
            model = QStandardItemModel(floor_view)
            parents: dict[tuple[Any, Any], QStandardItem] = {}
            years: dict[Any, QStandardItem] = {}
            query = """SELECT notices.id, notices.year, doc_number_series.code, notices.number,
                              notices.title FROM notices
                         LEFT JOIN doc_number_series ON doc_number_series.id = notices.series_id
                        WHERE notices.deleted_at IS NULL
                        ORDER BY notices.year DESC, notices.series_id, notices.number DESC"""
            for _id, year, code, number, title in self.raw.execute(query):
                if year not in years:
                    years[year] = QStandardItem(f"{year}年")
                    model.appendRow(years[year])
                key = (year, code)
                if key not in parents:
                    parents[key] = QStandardItem(code or "未定文号")
                    years[year].appendRow(parents[key])
                parents[key].appendRow(QStandardItem(f"{number}号  {title}"))
            previous = floor_view.model()
            floor_view.setModel(model)
            # the model of the run before goes (it was kept as the view's child): the memory
            # row below is the program's, not six floor trees'
            if previous is not None:
                previous.setParent(None)
            floor_view.expandToDepth(0)
            floor_view.expandRecursively(model.index(0, 0))
            floor_view.viewport().repaint()

        samples, floors = interleaved_ms(work, floor, self.runs)
        count = len(tree.summaries())
        self.results.append(
            Result(
                "tree_fill",
                "Filling the document tree",
                "ms",
                samples,
                "QStandardItemModel tree over raw sqlite3",
                floors,
                Target(limit=200),
                note=f"{count:,} notices, newest year expanded",
            )
        )
        floor_view.close()

    def table(self) -> None:
        window = self.window
        view = window.all_activities
        # Pages of the program's size: both tables then scroll and paint the same steps.
        floor_model = RowsModel(9, view.model.PAGE)
        floor_table = QTableView()
        floor_table.setModel(floor_model)
        floor_table.show()

        def open_table() -> None:
            view.reload()
            window.tabs.setCurrentIndex(ALL_ACTIVITIES_TAB)
            settle()
            view.table.viewport().repaint()

        def open_floor() -> None:
            # The program's table once its tab has been shown: before, it has no size yet, and
            # a floor of that size paints no cell.
            floor_table.resize(view.table.size())
            count = self.raw.execute(
                "SELECT count(*) FROM activities JOIN notices ON notices.id = "
                "activities.notice_id WHERE notices.deleted_at IS NULL"
            ).fetchone()[0]
            assert count
            floor_model.start(self.raw.execute(TABLE_SQL))
            settle()
            floor_table.viewport().repaint()

        def before() -> None:
            window.tabs.setCurrentIndex(CALENDAR_TAB)
            settle()

        samples, floors = [], []
        for _ in range(self.runs + 1):
            before()
            started = time.perf_counter()
            open_table()
            samples.append((time.perf_counter() - started) * 1000)
            started = time.perf_counter()
            open_floor()
            floors.append((time.perf_counter() - started) * 1000)
        assert view.model.rowCount() > 0
        total = view.model.total()
        self.results.append(
            Result(
                "table_open",
                "Opening the 全部活动 table",
                "ms",
                samples[1:],
                "QTableView over raw sqlite3",
                floors[1:],
                Target(limit=200),
                note=f"{total:,} activities, first page shown",
            )
        )

        def scroll(table: QTableView, can_fetch: Callable[[], bool]) -> int:
            steps = 0
            while can_fetch():
                before_rows = table.model().rowCount()
                table.scrollToBottom()
                settle()
                if table.model().rowCount() == before_rows:
                    table.model().fetchMore(QModelIndex())
                steps += 1
            table.scrollToBottom()
            table.viewport().repaint()
            return steps

        scroll_runs = max(1, min(self.runs, 3))
        samples, floors, pages = [], [], 0
        for _ in range(scroll_runs):
            open_table()
            started = time.perf_counter()
            pages = scroll(view.table, view.model.canFetchMore)
            samples.append((time.perf_counter() - started) * 1000)
        assert view.model.rowCount() == total
        # The program's peak, before the floor's model holds every row in this process.
        self.peak_kb = peak_rss_kb()
        for _ in range(scroll_runs):
            open_floor()
            started = time.perf_counter()
            scroll(floor_table, lambda: floor_model.more)
            floors.append((time.perf_counter() - started) * 1000)
        floor_model.start(self.raw.execute("SELECT 1 WHERE 0"))
        self.results.append(
            Result(
                "table_scroll_end",
                "… scrolling it to the end",
                "ms",
                samples,
                "QTableView over raw sqlite3",
                floors,
                Target(ratio=3),
                note=(
                    f"{pages} pages of {view.model.PAGE}; "
                    f"{statistics.median(samples) / max(1, pages):.1f} ms a page"
                ),
            )
        )
        floor_table.close()
        window.tabs.setCurrentIndex(CALENDAR_TAB)
        settle()

    def _busiest(self, year: int) -> tuple[int, str, int]:
        """The month and department of ``year`` whose count is nearest IN_VIEW."""
        service = self.window.activities
        names = service.department_names()
        best: tuple[int, int, str, int] | None = None
        for month in range(1, 13):
            first, last = dt.date(year, month, 1), month_end(year, month)
            for name in names:
                count = service.count(ActivityFilter(name, first, last))
                score = abs(count - IN_VIEW)
                if best is None or score < best[0]:
                    best = (score, month, name, count)
        assert best is not None
        return best[1], best[2], best[3]

    def _year_department(self, year: int) -> tuple[str, int]:
        service = self.window.activities
        first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
        counts = {
            name: service.count(ActivityFilter(name, first, last))
            for name in service.department_names()
        }
        name = min(counts, key=lambda n: abs(counts[n] - IN_VIEW))
        return name, counts[name]

    def calendar(self) -> None:
        calendar = self.window.calendar
        self.window.tabs.setCurrentIndex(CALENDAR_TAB)
        settle()
        year = self.raw.execute("SELECT max(year) FROM notices").fetchone()[0] - 1
        month, department, count = self._busiest(year)
        canvas = BarsCanvas()
        canvas.resize(calendar.month_canvas.size())
        canvas.show()

        def floor_for(first: dt.date, last: dt.date, name: str) -> Callable[[], None]:
            def floor() -> None:
                canvas.rows = self.raw.execute(
                    PERIOD_SQL, (first.isoformat(), last.isoformat(), name)
                ).fetchall()
                canvas.repaint()

            return floor

        calendar.department.setCurrentText(department)
        calendar.month_button.click()
        settle()

        def month_view() -> None:
            calendar.set_month(year, month)
            answered(self.window)
            calendar.month_canvas.repaint()

        first, last = dt.date(year, month, 1), month_end(year, month)
        samples, floors = interleaved_ms(month_view, floor_for(first, last, department), self.runs)
        self.results.append(
            Result(
                "calendar_month",
                "Calendar month view",
                "ms",
                samples,
                "bars over raw sqlite3",
                floors,
                Target(limit=100),
                note=f"{year}年{month}月, {department}: {count:,} activities in view",
            )
        )
        department, count = self._year_department(year)
        calendar.department.setCurrentText(department)
        calendar.year_button.click()
        settle()

        def year_view() -> None:
            calendar.year = year
            calendar.reload()
            answered(self.window)
            calendar.year_canvas.repaint()

        first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
        samples, floors = interleaved_ms(year_view, floor_for(first, last, department), self.runs)
        self.results.append(
            Result(
                "calendar_year",
                "Calendar year view",
                "ms",
                samples,
                "bars over raw sqlite3",
                floors,
                Target(limit=100),
                note=f"{year}年, {department}: {count:,} activities in view",
            )
        )
        calendar.department.setCurrentText(calendar.department.itemText(0))
        calendar.month_button.click()
        canvas.close()

    def search(self) -> None:
        tree = self.window.tree

        def show(text: str) -> None:
            tree.search_box.setText(text)
            tree.apply_filter()
            answered(self.window)
            tree.view.viewport().repaint()

        # Each keystroke timed from the tree of the keystroke before, as the clerk types it
        # (the first character from the whole tree), not by typing the same text again.
        per_key: dict[str, tuple[list[float], list[float]]] = {}
        previous = ""
        for text in keystrokes():
            if not text.startswith(previous):
                previous = ""
            samples: list[float] = []
            floors: list[float] = []
            for run in range(self.runs + 1):  # the first is a warm-up
                show(previous)
                started = time.perf_counter()
                show(text)
                took = (time.perf_counter() - started) * 1000
                started = time.perf_counter()
                raw_matching_ids(self.raw, text)
                floor = (time.perf_counter() - started) * 1000
                if run:
                    samples.append(took)
                    floors.append(floor)
            per_key[text] = samples, floors
            previous = text
        tree.search_box.clear()
        tree.apply_filter()
        answered(self.window)
        medians = {k: statistics.median(v[0]) for k, v in per_key.items()}
        worst = max(medians, key=medians.__getitem__)
        long_words = [k for k in per_key if min(len(w) for w in k.split()) >= TRIGRAM]
        self.results.append(
            Result(
                "search_keystroke_tree",
                "Search as you type, per keystroke (tree filtered and painted)",
                "ms",
                [t for v in per_key.values() for t in v[0]],
                "raw query alone",
                [t for v in per_key.values() for t in v[1]],
                Target(limit=30),
                note=(
                    f"{len(per_key)} keystrokes of {len(TYPED)} searches, each timed after the "
                    "one before"
                ),
            )
        )
        self.results.append(
            Result(
                "search_keystroke_tree_slowest",
                "… the slowest keystroke (its median)",
                "ms",
                [medians[worst]],
                "raw query alone, same keystroke",
                [statistics.median(per_key[worst][1])],
                Target(limit=50),
                note=f"“{worst}”",
            )
        )
        self.results.append(
            Result(
                "search_keystroke_tree_indexed",
                "… keystrokes whose words all have ≥ 3 characters (tree)",
                "ms",
                [t for k in long_words for t in per_key[k][0]],
                "raw query alone",
                [t for k in long_words for t in per_key[k][1]],
                Target(limit=30),
                note=f"{len(long_words)} keystrokes",
            )
        )

    def memory(self) -> None:
        peak = self.peak_kb if self.peak_kb is not None else peak_rss_kb()
        self.results.append(
            Result(
                "memory_session",
                "GUI peak memory (RSS) after all of the above",
                "MB",
                [peak / 1024] if peak is not None else [],
                target=Target(limit=200),
                note=(
                    "tree, calendar, search, then the 全部活动 table scrolled to its end "
                    "(before the table's floor runs in the same process)"
                ),
            )
        )


def main(argv: list[str]) -> int:
    db_path, out, runs = Path(argv[0]), Path(argv[1]), int(argv[2])
    only = set(argv[3].split(",")) if len(argv) > 3 and argv[3] else None
    session = Session(db_path, runs)
    try:
        for name in ("tree", "calendar", "search", "table", "memory"):
            if only is None or name in only or name == "memory":
                getattr(session, name)()
    finally:
        session.close()
    out.write_text(
        json.dumps([asdict(r) for r in session.results], ensure_ascii=False), encoding="utf-8"
    )
    return 0


if __name__ == "__main__":
    code = main(sys.argv[1:])
    sys.stdout.flush()
    sys.stderr.flush()
    # Skip interpreter teardown: PySide6 may crash collecting widgets at exit, after the work.
    os._exit(code)
