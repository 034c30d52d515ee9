"""UNIONOFFICE_REPORT_STARTUP: say how long start-up took, for the benchmark and for support.

When the variable is set, the program prints two lines on stderr: one once the main window
has been painted and the event loop first has nothing left to do (the window is on screen and
answers), one once the notices are in the tree and the loop is idle again (the database is
opened with SQLAlchemy behind the tree, see database_opener.py)::

    UNIONOFFICE_STARTUP ms=212.4 peak_rss_kb=85332
    UNIONOFFICE_READY ms=640.9 peak_rss_kb=145332

``ms`` counts from the start of the process (None where the system does not say). With the
value ``quit`` the window closes right after the second line, as a clerk closing it would.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QAbstractEventDispatcher, QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

VARIABLE = "UNIONOFFICE_REPORT_STARTUP"


def ms_since_process_start() -> float | None:
    """Milliseconds since this process started (Linux; None elsewhere)."""
    try:
        stat = Path("/proc/self/stat").read_text()
        start_ticks = int(stat.rsplit(")", 1)[1].split()[19])
        uptime = float(Path("/proc/uptime").read_text().split()[0])
        return (uptime - start_ticks / os.sysconf("SC_CLK_TCK")) * 1000
    except (OSError, ValueError, IndexError, AttributeError):
        return None


def peak_rss_kb() -> int | None:
    """The most memory this process has held, in KiB (None where the system does not say)."""
    try:
        import resource
    except ImportError:  # Windows
        return None
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak // 1024 if sys.platform == "darwin" else peak


class StartupReporter(QObject):
    """Waits for the first paint and idle (STARTUP), then for the data and idle (READY)."""

    def __init__(self, window: QWidget, *, quit_after: bool) -> None:
        super().__init__(window)
        self._window = window
        self._quit_after = quit_after
        self._painted = False
        self._shown_reported = False
        # the bench's bare window has no notices to wait for; the main window has (they are
        # shown before the database is open, database_opener.py)
        self._attached = not hasattr(window, "notices_shown") or bool(window.is_attached())  # type: ignore[attr-defined]
        if not self._attached:
            window.notices_shown.connect(self._on_attached)  # type: ignore[attr-defined]
        window.installEventFilter(self)
        dispatcher = QAbstractEventDispatcher.instance()
        assert dispatcher is not None
        self._dispatcher = dispatcher
        dispatcher.aboutToBlock.connect(self._on_idle)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._window and event.type() == QEvent.Type.Paint:
            self._painted = True
        return False

    def _on_attached(self) -> None:
        self._attached = True

    def _on_idle(self) -> None:
        if not self._painted:
            return
        if not self._shown_reported:
            self._shown_reported = True
            self._window.removeEventFilter(self)
            _print_line("UNIONOFFICE_STARTUP")
        if not self._attached:
            return
        self._dispatcher.aboutToBlock.disconnect(self._on_idle)
        _print_line("UNIONOFFICE_READY")
        if self._quit_after:
            QTimer.singleShot(0, self._window.close)


def _print_line(name: str) -> None:
    elapsed = ms_since_process_start()
    shown = "None" if elapsed is None else f"{elapsed:.1f}"
    if sys.stderr is None:  # the windowed program has no console to report to
        return
    print(f"{name} ms={shown} peak_rss_kb={peak_rss_kb()}", file=sys.stderr)
    sys.stderr.flush()


def report_startup_if_asked(window: QWidget) -> StartupReporter | None:
    """Start a StartupReporter when UNIONOFFICE_REPORT_STARTUP is set."""
    mode = os.environ.get(VARIABLE, "")
    if not mode:
        return None
    return StartupReporter(window, quit_after=mode == "quit")
