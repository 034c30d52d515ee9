"""The main window's commands: its actions (with icons and Office's shortcuts), menus and
toolbar.

Shortcuts follow what clerks know from Word and WPS: Ctrl+N new, Ctrl+O open, Ctrl+S save,
Ctrl+W close, Ctrl+P print, Ctrl+F find, Ctrl+Z / Ctrl+Y undo and redo, F1 help. The toolbar
shows icons with their names, except 撤销 and 重做: their text names the step ("撤销 修改标题"),
so they are icon-only buttons of a fixed size whose tooltip says it, and the toolbar never
moves under the mouse when the text changes.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QToolBar, QToolButton

from unionoffice.gui.assets import icon
from unionoffice.gui.editor.body_editor import ATTACHMENT

if TYPE_CHECKING:
    from unionoffice.gui.window.main_window import MainWindow

CALENDAR_TAB, ALL_ACTIVITIES_TAB = 0, 1
NATIVE = QKeySequence.SequenceFormat.NativeText


def make_action(
    window: MainWindow,
    text: str,
    slot: Callable[[], object],
    shortcut: str = "",
    icon_name: str = "",
) -> QAction:
    """A command of the window; its tooltip names its shortcut."""
    action = QAction(text, window)
    if icon_name:
        action.setIcon(icon(icon_name))
    if shortcut:
        action.setShortcut(QKeySequence(shortcut))
        action.setToolTip(f"{text.rstrip('…')}（{action.shortcut().toString(NATIVE)}）")
    action.triggered.connect(lambda _checked=False: slot())
    return action


def build_actions(window: MainWindow) -> None:
    """Make the window's actions (as its attributes), its menus and its toolbar."""
    w = window
    w.new_action = make_action(
        w, "新建公文", lambda: w.notice_commands.new_notice(), "Ctrl+N", "new"
    )
    w.open_action = make_action(w, "打开公文", w.open_selected, "Ctrl+O", "open")
    w.save_action = make_action(w, "保存", w.save_all, "Ctrl+S", "save")
    w.close_action = make_action(w, "关闭公文", w.close_current_notice, "Ctrl+W", "close")
    w.print_action = make_action(w, "打印活动安排表…", w.print_timetable, "Ctrl+P", "print")
    w.print_notice_action = make_action(
        w, "打印公文…", w.print_notice, "Ctrl+Shift+P", "print"
    )
    w.find_action = make_action(w, "查找", w.tree.focus_search, "Ctrl+F", "find")
    w.quit_action = make_action(w, "退出", w.close, "Ctrl+Q", "quit")
    w.import_files_action = make_action(
        w, "导入公文…", lambda: w.importer.choose_files(), "Ctrl+I", "import"
    )
    w.import_folder_action = make_action(
        w, "导入文件夹…", lambda: w.importer.choose_folder(), icon_name="import-folder"
    )
    w.paste_import_action = make_action(
        w, "从剪贴板导入…", lambda: w.importer.paste_text(), "Ctrl+Shift+V", "paste-import"
    )
    w.keep_original_action = QAction(icon("revisions"), "导入 Word 时保留修订前的原文", w)
    w.keep_original_action.setCheckable(True)
    w.keep_original_action.setChecked(w.settings.import_keep_original)
    w.keep_original_action.setToolTip(
        "Word 文件中有修订时：不勾选则接受全部修订，勾选则按修订前的原文导入"
    )
    w.keep_original_action.toggled.connect(
        lambda checked: setattr(w.settings, "import_keep_original", checked)
    )
    w.export_action = make_action(
        w, "导出 Word…", lambda: w.exporter.export_word(), "Ctrl+E", "export-word"
    )
    w.excel_action = make_action(
        w, "导出 Excel 台账…", lambda: w.timetables.export_excel(), icon_name="export-excel"
    )
    w.ics_action = make_action(
        w, "导出日历（.ics）…", lambda: w.timetables.export_calendar(), icon_name="export-calendar"
    )
    w.settings_action = make_action(w, "设置…", w.show_settings, icon_name="settings")
    w.backup_action = make_action(w, "备份与恢复…", w.show_backups, icon_name="backup")
    w.help_action = make_action(w, "帮助", w.show_help, "F1", "help")
    w.register_action = make_action(w, "发文登记簿…", w.show_register, "Ctrl+R", "register")
    w.supervision_action = make_action(
        w, "督办…", w.show_supervision, "Ctrl+D", "supervision"
    )
    w.give_back_action = make_action(w, "退回文号…", w.give_back_number, icon_name="give-back")
    w.history_action = make_action(
        w, "痕迹（修改记录）…", lambda: _show_history(w), "Ctrl+H", "history"
    )
    w.data_actions = [
        w.new_action,
        w.open_action,
        w.save_action,
        w.close_action,
        w.print_action,
        w.print_notice_action,
        w.find_action,
        w.import_files_action,
        w.import_folder_action,
        w.paste_import_action,
        w.export_action,
        w.excel_action,
        w.ics_action,
        w.settings_action,
        w.backup_action,
        w.register_action,
        w.supervision_action,
        w.give_back_action,
        w.history_action,
    ]
    w.undo_action = w.undo_group.createUndoAction(w, "撤销")
    w.undo_action.setShortcut(QKeySequence("Ctrl+Z"))
    w.undo_action.setIcon(icon("undo"))
    w.redo_action = w.undo_group.createRedoAction(w, "重做")
    w.redo_action.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
    w.redo_action.setIcon(icon("redo"))
    for action in (w.undo_action, w.redo_action):
        _tooltip_follows_text(action)
    _build_menus(w)
    _build_toolbar(w)


def _tooltip_follows_text(action: QAction) -> None:
    """The undo group renames its actions after each step: the tooltip follows, with the key."""

    def update() -> None:
        key = action.shortcut().toString(NATIVE)
        wanted = f"{action.text()}（{key}）"
        if action.toolTip() != wanted:  # setToolTip emits changed again
            action.setToolTip(wanted)

    action.changed.connect(update)
    update()


def _show_history(w: MainWindow) -> None:
    # imported when asked: the window opens without storage's modules (test_startup_imports)
    from unionoffice.gui.operations.history_actions import show_history

    show_history(w)


def _build_menus(w: MainWindow) -> None:
    menu = w.menuBar().addMenu("文件(&F)")
    menu.addActions([w.new_action, w.open_action, w.save_action, w.close_action])
    recent_menu = menu.addMenu(icon("recent"), "最近打开")
    recent_menu.aboutToShow.connect(lambda: w.notice_commands.fill_recent_menu(recent_menu))
    menu.addSeparator()
    menu.addActions([w.import_files_action, w.import_folder_action, w.paste_import_action])
    menu.addAction(w.keep_original_action)
    menu.addSeparator()
    menu.addActions([w.export_action, w.excel_action, w.ics_action])
    menu.addActions([w.print_notice_action, w.print_action])
    menu.addSeparator()
    trash_menu = menu.addMenu(icon("trash"), "回收站")
    trash_menu.aboutToShow.connect(lambda: w.notice_commands.fill_trash_menu(trash_menu))
    menu.addSeparator()
    menu.addAction(w.quit_action)

    menu = w.menuBar().addMenu("编辑(&E)")
    menu.addActions([w.undo_action, w.redo_action])
    menu.addSeparator()
    menu.addAction(w.give_back_action)
    menu.addAction(w.history_action)
    menu.addSeparator()
    menu.addAction(w.find_action)

    menu = w.menuBar().addMenu("格式(&O)")
    w.level_actions = []
    for text, level, key in (
        ("一级标题　一、", 1, "Ctrl+1"),
        ("二级标题　（一）", 2, "Ctrl+2"),
        ("三级标题　1.", 3, "Ctrl+3"),
        ("四级标题　（1）", 4, "Ctrl+4"),
        ("正文段落", 0, "Ctrl+0"),
        ("附件标题", ATTACHMENT, ""),
    ):
        action = make_action(w, text, functools.partial(w.set_heading_level, level), key)
        menu.addAction(action)
        w.level_actions.append(action)

    menu = w.menuBar().addMenu("视图(&V)")
    tree_action = w.tree_dock.toggleViewAction()
    tree_action.setIcon(icon("tree"))
    menu.addAction(tree_action)
    menu.addAction(
        make_action(w, "日历", lambda: w.tabs.setCurrentIndex(CALENDAR_TAB), icon_name="calendar")
    )
    menu.addAction(
        make_action(
            w,
            "全部活动",
            lambda: w.tabs.setCurrentIndex(ALL_ACTIVITIES_TAB),
            icon_name="activities",
        )
    )
    menu.addAction(make_action(w, "刷新", w.refresh, "F5", "refresh"))

    menu = w.menuBar().addMenu("工具(&T)")
    menu.addActions([w.register_action, w.supervision_action])
    menu.addSeparator()
    menu.addActions([w.settings_action, w.backup_action])

    menu = w.menuBar().addMenu("帮助(&H)")
    menu.addAction(w.help_action)
    menu.addAction(make_action(w, "关于工会公文助手", w.about, icon_name="about"))


def _build_toolbar(w: MainWindow) -> None:
    toolbar = w.addToolBar("常用")
    toolbar.setObjectName("main_toolbar")
    toolbar.setMovable(False)
    toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    toolbar.addActions([w.new_action, w.save_action])
    toolbar.addSeparator()
    import_button = QToolButton(toolbar)
    import_button.setDefaultAction(w.import_files_action)
    import_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    import_button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
    import_menu = QMenu(import_button)
    import_menu.addActions([w.import_files_action, w.import_folder_action])
    import_button.setMenu(import_menu)
    toolbar.addWidget(import_button)
    toolbar.addAction(w.export_action)
    toolbar.addSeparator()
    w.undo_button = _icon_only_button(toolbar, w.undo_action)
    w.redo_button = _icon_only_button(toolbar, w.redo_action)
    toolbar.addSeparator()
    toolbar.addActions([w.find_action, w.print_action])
    w.toolbar = toolbar


def _icon_only_button(toolbar: QToolBar, action: QAction) -> QToolButton:
    """A toolbar button showing only the action's icon, whatever the toolbar's style."""
    button = QToolButton(toolbar)
    button.setDefaultAction(action)
    button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
    button.setAutoRaise(True)
    button.setIconSize(toolbar.iconSize())
    toolbar.iconSizeChanged.connect(button.setIconSize)
    toolbar.addWidget(button)
    return button
