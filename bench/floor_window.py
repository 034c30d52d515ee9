"""The start-up floor: a bare PySide6 main window with the program's widgets and no data.

Same application set-up (names, Chinese locale and translator, CJK font), the same kinds of
widgets in the same places (menus, toolbar, a dock with a search box and a tree, tabs with a
calendar bar and canvas and a table, a status bar), and the same report line as the program
prints with UNIONOFFICE_REPORT_STARTUP. It imports nothing of UnionOffice, SQLAlchemy or
Alembic: what is left is what Python and Qt cost.

    QT_QPA_PLATFORM=offscreen python -m bench.floor_window
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import (
    QAbstractEventDispatcher,
    QEvent,
    QLibraryInfo,
    QLocale,
    QObject,
    Qt,
    QTimer,
    QTranslator,
)
from PySide6.QtGui import QAction, QFont, QPainter, QPaintEvent, QStandardItemModel
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QTableView,
    QTabWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

UI_FONTS = ["Microsoft YaHei UI", "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "Sans"]
HEADERS = ["序号", "活动内容", "完成时限", "起止日期", "牵头部门", "配合部门", "责任领导", "进度"]


class _Canvas(QWidget):
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.palette().base())
        painter.end()


def build_window() -> QMainWindow:
    """The window, with every widget the program's main window has at start-up."""
    window = QMainWindow()
    window.setWindowTitle("工会公文助手")
    window.resize(1400, 900)
    for title in ("文件(&F)", "编辑(&E)", "格式(&O)", "视图(&V)", "帮助(&H)"):
        menu = window.menuBar().addMenu(title)
        for index in range(6):
            menu.addAction(QAction(f"{title[:2]}{index}", window))
    toolbar = window.addToolBar("常用")
    for text in ("新建公文", "保存", "撤销", "重做", "查找", "打印活动安排表…"):
        toolbar.addAction(QAction(text, window))

    tree_panel = QWidget()
    search = QLineEdit(tree_panel)
    search.setPlaceholderText("搜索文号、标题、正文、活动、部门…")
    tree = QTreeView(tree_panel)
    tree.setModel(QStandardItemModel(tree))
    tree.setHeaderHidden(True)
    layout = QVBoxLayout(tree_panel)
    layout.addWidget(search)
    layout.addWidget(tree, 1)
    dock = QDockWidget("公文目录", window)
    dock.setWidget(tree_panel)
    window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, dock)

    calendar = QWidget()
    bar = QHBoxLayout()
    for text in ("◀", "▶", "本月", "月视图", "年视图"):
        bar.addWidget(QPushButton(text, calendar))
    bar.addWidget(QComboBox(calendar))
    bar.addWidget(QLabel("共 0 项活动", calendar))
    column = QVBoxLayout(calendar)
    column.addLayout(bar)
    column.addWidget(_Canvas(calendar), 1)

    table_panel = QWidget()
    model = QStandardItemModel(0, len(HEADERS) + 1, table_panel)
    model.setHorizontalHeaderLabels([*HEADERS, "所属公文"])
    table = QTableView(table_panel)
    table.setModel(model)
    QVBoxLayout(table_panel).addWidget(table)

    tabs = QTabWidget(window)
    tabs.setDocumentMode(True)
    tabs.addTab(calendar, "日历")
    tabs.addTab(table_panel, "全部活动")
    window.setCentralWidget(tabs)
    window.statusBar().addPermanentWidget(QLabel("公文 0 件"))
    window.statusBar().addPermanentWidget(QLabel("数据库："))
    return window


class _Reporter(QObject):
    """The same rule as unionoffice.gui.window.startup_report: painted, then the loop goes idle."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.painted = False
        window.installEventFilter(self)
        dispatcher = QAbstractEventDispatcher.instance()
        assert dispatcher is not None
        self.dispatcher = dispatcher
        dispatcher.aboutToBlock.connect(self.on_idle)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.Paint:
            self.painted = True
        return False

    def on_idle(self) -> None:
        if not self.painted:
            return
        self.dispatcher.aboutToBlock.disconnect(self.on_idle)
        print(f"UNIONOFFICE_STARTUP ms={_ms_since_start()} peak_rss_kb={_peak_rss_kb()}",
              file=sys.stderr, flush=True)  # fmt: skip
        QTimer.singleShot(0, self.window.close)


def _ms_since_start() -> str:
    try:
        stat = Path("/proc/self/stat").read_text()
        start = int(stat.rsplit(")", 1)[1].split()[19]) / os.sysconf("SC_CLK_TCK")
        return f"{(float(Path('/proc/uptime').read_text().split()[0]) - start) * 1000:.1f}"
    except (OSError, ValueError, IndexError, AttributeError):
        return "None"


def _peak_rss_kb() -> int | None:
    try:
        import resource
    except ImportError:
        return None
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def main() -> int:
    app = QApplication(sys.argv[:1])
    app.setApplicationName("UnionOffice")
    app.setApplicationDisplayName("工会公文助手")
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    translator = QTranslator(app)
    path = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if translator.load(QLocale(), "qtbase", "_", path):
        app.installTranslator(translator)
    font = QFont()
    font.setFamilies(UI_FONTS)
    font.setPointSize(10)
    app.setFont(font)
    window = build_window()
    _Reporter(window)
    window.show()
    return int(app.exec())


if __name__ == "__main__":
    raise SystemExit(main())
