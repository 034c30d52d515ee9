"""帮助 (F1): a short page of what a clerk does where, and the window's shortcuts.

The tasks are written here; the shortcuts are read from the window's menus when the page
opens, so the list is always the one the window answers to. The layout is ui/help_dialog.ui.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMenu, QTextBrowser, QWidget

from unionoffice.gui.forms import child, load_form

if TYPE_CHECKING:
    from unionoffice.gui.window.main_window import MainWindow

# (what the clerk wants to do, where it is done)
TASKS: tuple[tuple[str, str], ...] = (
    ("起草通知", "文件 → 新建公文（Ctrl+N）：光标在标题中，直接输入标题。"
     "正文中用 Ctrl+1…4 设一、（一）1.（1）各级标题，Ctrl+0 恢复为正文段落。"),
    ("取文号", "在编辑器的“版头”中选机关代字和年份，点“取号”；取号后标题被选中，可直接改写。"),
    ("活动安排", "编辑器的“活动安排”标签页：添加、删除（先说明删除几项，可撤销）、上移、下移；"
     "可从 Excel、WPS 表格复制整行后粘贴。"),
    ("查找公文", "左侧“公文目录”上方的搜索框（Ctrl+F），按文号、标题、正文、活动和部门查找。"),
    ("看日历、查全部活动", "中间的“日历”“全部活动”标签页（视图菜单）；双击活动打开所在公文。"
     "日历上方“转到”选年份和月份，“今天”回到本月；活动表中右键“在日历中查看”"
     "（Ctrl+Shift+L）转到该活动所在的月份。"),
    ("督办", "工具 → 督办（Ctrl+D）：未来若干天内到期和已逾期的活动，按牵头部门分组；"
     "双击“进度”“督办情况”直接修改（Ctrl+Z 撤销）；可打印，或导出 PDF、Excel 分送各部门。"),
    ("导出 Word", "文件 → 导出 Word（Ctrl+E）；在公文目录中选中年份或机关代字后右键，可批量导出。"),
    ("打印活动安排表", "文件 → 打印活动安排表（Ctrl+P）；导出 Excel 台账、日历文件也在文件菜单。"),
    ("导入已有通知", "文件 → 导入公文（Ctrl+I）或导入文件夹：.docx、.doc、.wps、PDF、.txt。"),
    ("删除与恢复", "在公文目录中右键“删除”，公文移到回收站；文件 → 回收站 中恢复。"),
    ("保存与撤销", "输入停止片刻后自动保存，Ctrl+S 立即保存全部。每篇公文的字段、正文和活动表"
     "共用一份撤销记录：编辑 → 撤销（Ctrl+Z）、重做（Ctrl+Y）。"),
    ("合并部门", "工具 → 设置 → 机关与部门：选中部门后点“合并到…”，活动中的牵头、配合部门"
     "一并改过去，原名称成为别名（可撤销）；导入的公文按别名对应部门。"),
    ("设置与备份", "工具 → 设置：数据库、导出模板、节假日、机关与部门；工具 → 备份与恢复。"),
)  # fmt: skip


def shortcut_rows(window: MainWindow) -> list[tuple[str, str]]:
    """(command, keys) of every menu command that has a shortcut, in menu order."""
    rows: list[tuple[str, str]] = []
    for menu_action in window.menuBar().actions():
        menu = menu_action.menu()
        actions = menu.actions() if isinstance(menu, QMenu) else []
        for action in actions:
            rows += _row(action)
    return rows


def _row(action: QAction) -> list[tuple[str, str]]:
    keys = [
        key.toString(QKeySequence.SequenceFormat.NativeText)
        for key in action.shortcuts()
        if not key.isEmpty()
    ]
    if not keys or action.isSeparator():
        return []
    name = action.text().replace("&", "").rstrip("…").replace("　", " ")
    return [(name, " 或 ".join(keys))]


def help_html(shortcuts: list[tuple[str, str]]) -> str:
    """The page: tasks, then shortcuts, as simple HTML tables."""
    cell = "padding: 3px 14px 3px 0; vertical-align: top;"

    def table(rows: list[tuple[str, str]], bold: bool) -> str:
        weight = " font-weight: bold; white-space: nowrap;" if bold else ""
        return (
            "<table>"
            + "".join(
                f"<tr><td style='{cell}{weight}'>{html.escape(a)}</td>"
                f"<td style='{cell}'>{html.escape(b)}</td></tr>"
                for a, b in rows
            )
            + "</table>"
        )

    return (
        "<h3>在哪里做什么</h3>"
        + table(list(TASKS), bold=True)
        + "<h3>快捷键</h3>"
        + table(shortcuts, bold=False)
    )


class HelpDialog(QDialog):
    """The 帮助 page of one window; it stays open beside the window while the clerk works."""

    def __init__(self, window: MainWindow, parent: QWidget | None = None) -> None:
        super().__init__(parent or window)
        load_form("help_dialog", self)
        self.text = child(self, QTextBrowser, "text")
        self.text.setHtml(help_html(shortcut_rows(window)))
        buttons = child(self, QDialogButtonBox, "buttons")
        buttons.addButton("关闭", QDialogButtonBox.ButtonRole.RejectRole).clicked.connect(
            self.reject
        )
