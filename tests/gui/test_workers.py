"""Background tasks: work off the UI thread, results and questions on it, cancel, abandon."""

from __future__ import annotations

import threading
import time

import pytest
from PySide6.QtWidgets import QWidget

from unionoffice.domain.errors import UnionOfficeError
from unionoffice.gui import messages
from unionoffice.gui.workers import BackgroundTask, TaskContext, running_tasks, stop_tasks


@pytest.fixture
def parent(qtbot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.show()
    return widget


def test_work_runs_off_the_ui_thread_and_reports_back(qtbot, parent, shown_messages) -> None:
    seen: dict[str, object] = {}

    def work(context: TaskContext) -> int:
        seen["worker"] = threading.current_thread() is not threading.main_thread()
        for step in range(3):
            context.report(step + 1, 3, f"第 {step + 1} 步")
        return 42

    def done(result: int) -> None:
        seen["result"] = result
        seen["done_on_main"] = threading.current_thread() is threading.main_thread()

    task = BackgroundTask(parent, "计算中…", work, on_done=done)
    with qtbot.waitSignal(task.finished, timeout=5000):
        task.start()
    assert seen == {"worker": True, "result": 42, "done_on_main": True}
    assert shown_messages == []


def test_errors_are_shown_in_chinese(qtbot, parent, shown_messages) -> None:
    def work(_context: TaskContext) -> None:
        raise UnionOfficeError("数据库正被其他程序占用，请稍后再试")

    task = BackgroundTask(parent, "保存中…", work, on_done=lambda _r: None)
    with qtbot.waitSignal(task.finished, timeout=5000):
        task.start()
    assert shown_messages == [("error", "数据库正被其他程序占用，请稍后再试")]

    task = BackgroundTask(parent, "保存中…", lambda _c: 1 / 0, on_done=lambda _r: None)
    with qtbot.waitSignal(task.finished, timeout=5000):
        task.start()
    assert shown_messages[-1][0] == "error" and "ZeroDivisionError" in shown_messages[-1][1]


def test_questions_are_asked_on_the_ui_thread(qtbot, parent, monkeypatch) -> None:
    asked_on_main: list[bool] = []

    def choose(_parent, text, choices, default=0):
        asked_on_main.append(threading.current_thread() is threading.main_thread())
        return list(choices).index("第二")

    monkeypatch.setattr(messages, "choose", choose)
    answers: list[int] = []
    task = BackgroundTask(
        parent, "…", lambda c: c.ask("选哪个？", ["第一", "第二"]), on_done=answers.append
    )
    with qtbot.waitSignal(task.finished, timeout=5000):
        task.start()
    assert answers == [1] and asked_on_main == [True]


def test_abandoned_work_stops_and_calls_nothing(qtbot, parent, shown_messages) -> None:
    started = threading.Event()
    called: list[object] = []

    def work(context: TaskContext) -> str:
        started.set()
        while not context.cancelled():
            time.sleep(0.01)
        return "stopped"

    task = BackgroundTask(parent, "…", work, on_done=called.append)
    task.start()
    assert started.wait(5)
    assert running_tasks(parent) == [task]
    stop_tasks(parent)  # what the window does when it closes
    assert not task.is_running() and running_tasks(parent) == []
    qtbot.waitSignal(task.finished, timeout=5000).wait()
    assert called == [] and shown_messages == []
