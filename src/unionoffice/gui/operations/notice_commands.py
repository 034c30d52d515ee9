"""The window's commands that make and unmake notices: 新建, 复制为新公文, 删除 to the 回收站,
恢复 and 清空回收站, with the 回收站 and 最近打开 menus that list them."""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMenu, QWidget

from unionoffice.domain.changes import Changes
from unionoffice.domain.errors import UnionOfficeError
from unionoffice.domain.notice import NoticeData, NoticeStatus
from unionoffice.gui import messages

if TYPE_CHECKING:
    from unionoffice.gui.app_context import AppContext
    from unionoffice.gui.editor.notice_editor import NoticeEditor

MENU_ITEMS = 30  # notices listed in the 回收站 menu


class NoticeCommands(QObject):
    """Creates, copies, deletes and restores notices for ``window``, then shows the result."""

    def __init__(self, context: AppContext, parent: QWidget) -> None:
        super().__init__(parent)
        self.context = context
        self.workbench = context.workbench
        self.parent_widget = parent  # for the dialogs and messages

    def new_notice(self) -> NoticeEditor | None:
        """Create a draft with the defaults of the organ the clerk works for; the cursor is
        in its title, selected, so the clerk types the title at once."""
        from unionoffice.storage.services.organs import OrganService

        organs = OrganService(self.context.db).organs()
        organ = organs[0] if organs else None
        today = dt.date.today()
        data = NoticeData(
            title="关于……的通知",
            organ=organ.name if organ else None,
            series_code=organ.series_codes[0] if organ and organ.series_codes else None,
            year=today.year,
            recipients=organ.default_recipients if organ else "",
            signature=organ.name if organ else "",
            date=today,
            distributor=organ.default_distributor if organ else "",
            distribution_date=today,
        )
        return self._create_and_open(data, "已新建公文草稿")

    def duplicate_notice(self, notice_id: int) -> NoticeEditor | None:
        """A new draft with the same content and no 文号; its title selected, as for 新建."""
        self.workbench.save_all()
        try:
            source = self.context.notices.get(notice_id)
        except UnionOfficeError as exc:
            messages.show_error(self.parent_widget, str(exc))
            return None
        copy = dataclasses.replace(
            source,
            id=None,
            version=None,
            number=None,
            status=NoticeStatus.DRAFT,
            title=f"{source.title}（副本）",
        )
        return self._create_and_open(copy, "已复制为新公文草稿")

    def _create_and_open(self, data: NoticeData, message: str) -> NoticeEditor | None:
        try:
            notice_id = self.context.notices.create(data)
        except UnionOfficeError as exc:
            messages.show_error(self.parent_widget, f"无法新建公文：{exc}")
            return None
        self.context.notify(Changes.of_notice(notice_id))
        self.workbench.show_status(message, 5000)
        from unionoffice.gui.editor.notice_editor import NoticeEditor

        editor = self.workbench.open_notice(notice_id)
        if not isinstance(editor, NoticeEditor):
            return None
        editor.focus_title()
        return editor

    def delete_notice(self, notice_id: int) -> bool:
        """Move a notice to the 回收站 (it can be restored from 文件 → 回收站)."""
        summary = next((s for s in self.workbench.notice_summaries() if s.id == notice_id), None)
        name = summary.doc_number or summary.title if summary else str(notice_id)
        if not messages.confirm(
            self.parent_widget, f"把“{name}”移到回收站？\n可在“文件 → 回收站”中恢复。"
        ):
            return False
        self.workbench.close_notice(notice_id)
        try:
            self.context.notices.delete(notice_id)
        except UnionOfficeError as exc:
            messages.show_error(self.parent_widget, f"删除失败：{exc}")
            return False
        self.context.notify(Changes(removed=frozenset({notice_id})))
        self.workbench.show_status(f"已把“{name}”移到回收站", 5000)
        return True

    def restore_notice(self, notice_id: int) -> None:
        try:
            self.context.notices.restore(notice_id)
        except UnionOfficeError as exc:
            messages.show_error(self.parent_widget, f"恢复失败：{exc}")
            return
        self.context.notify(Changes.of_notice(notice_id))
        self.workbench.open_notice(notice_id)

    def empty_trash(self) -> None:
        if messages.confirm(
            self.parent_widget, "永久删除回收站中的全部公文？已用文号仍保留在发文登记中。"
        ):
            count = self.context.notices.purge_deleted()
            self.workbench.show_status(f"已永久删除 {count} 件公文", 5000)

    def fill_trash_menu(self, menu: QMenu) -> None:
        """The deleted notices, newest first, each restored by a click; then 清空回收站."""
        menu.clear()
        deleted = self.context.notices.list(only_deleted=True)
        for summary in deleted[:MENU_ITEMS]:
            label = f"恢复：{summary.doc_number or '草稿'} {summary.title[:24]}"
            menu.addAction(label, functools.partial(self.restore_notice, summary.id))
        if not deleted:
            menu.addAction("回收站是空的").setEnabled(False)
        else:
            menu.addSeparator()
            menu.addAction("清空回收站…", self.empty_trash)

    def fill_recent_menu(self, menu: QMenu) -> None:
        """The notices opened last that still exist, each opened by a click."""
        menu.clear()
        titles = {s.id: s for s in self.workbench.notice_summaries()}
        for notice_id in self.context.settings.recent_notice_ids():
            summary = titles.get(notice_id)
            if summary is not None:
                label = f"{summary.doc_number or '草稿'}  {summary.title[:28]}"
                menu.addAction(label, functools.partial(self.workbench.open_notice, notice_id))
        if menu.isEmpty():
            menu.addAction("（无）").setEnabled(False)
