"""从剪贴板导入: the text of a notice pasted from a web page, WeChat or a PDF viewer; what the
importer recognised (title, 文号, date, the activities) shown at once, the title, 文号, date and
year corrected by the clerk, and the notice saved as a new one.

Parsing and storing are the importer's (``prepare_text``, ``store_prepared``): a pasted text
becomes exactly what ``unionoffice import -`` makes of it, with the clerk's corrections.
"""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from unionoffice.domain.errors import UnionOfficeError
from unionoffice.domain.notice import ActivityData, NoticeData
from unionoffice.gui import messages
from unionoffice.gui.date_fields import NO_DATE, from_qdate, to_qdate
from unionoffice.importing.document import ImportFileError
from unionoffice.importing.service import (
    ImportResult,
    PreparedFile,
    prepare_text,
    store_prepared,
    with_listed_departments_of,
)
from unionoffice.importing.understood import corrected
from unionoffice.storage.database import Database

EMPTY_PASTE = (
    "没有可识别的文字：请在网页、微信或 PDF 阅读器中选中公文全文，复制后点“从剪贴板粘贴”，"
    "或直接粘贴到上面的框中。"
)
NO_YEAR = 1999  # likewise the year
ACTIVITY_COLUMNS = (
    "序号", "活动内容", "完成时限", "时间", "地点", "参加对象", "牵头部门", "责任人",
)  # fmt: skip


class PasteImportDialog(QDialog):
    """Paste, check what was recognised, correct, save; ``saved`` carries the result."""

    saved = Signal(object)  # ImportResult of the new notice

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("从剪贴板导入")
        self.db = db
        self.prepared: PreparedFile | None = None
        self.text = QPlainTextEdit(self)
        self.text.setPlaceholderText("在此粘贴通知全文（Ctrl+V），或点“从剪贴板粘贴”")
        paste = QPushButton("从剪贴板粘贴", self)
        paste.clicked.connect(self.paste_clipboard)
        recognise = QPushButton("重新识别", self)
        recognise.setToolTip("改动上面的文字后，按改后的文字再识别一次")
        recognise.clicked.connect(self.recognise)
        # What is pasted or typed is recognised a moment after it stops changing.
        self.recognise_timer = QTimer(self)
        self.recognise_timer.setObjectName("recognise_timer")
        self.recognise_timer.setSingleShot(True)
        self.recognise_timer.setInterval(400)
        self.recognise_timer.timeout.connect(self.recognise)
        self.text.textChanged.connect(self._text_changed)

        self.title = QLineEdit(self)
        self.doc_number = QLineEdit(self)
        self.doc_number.setPlaceholderText("未识别到文号（可不填，按未编号公文保存）")
        self.date = QDateEdit(self)
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy年M月d日")
        self.date.setMinimumDate(NO_DATE)
        self.date.setSpecialValueText("未识别")
        self.year = QSpinBox(self)
        self.year.setRange(NO_YEAR, 2100)
        self.year.setSpecialValueText("未识别")
        self.year.setToolTip("活动的完成时限按此年份推算；有文号时取文号的年份")
        self.activities = QTableWidget(0, len(ACTIVITY_COLUMNS), self)
        self.activities.setHorizontalHeaderLabels(list(ACTIVITY_COLUMNS))
        self.activities.verticalHeader().hide()
        self.activities.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.activities.setWordWrap(True)
        header = self.activities.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.activities.setColumnWidth(0, 48)
        self.status = QLabel(self)
        self.status.setWordWrap(True)

        buttons = QDialogButtonBox(self)
        self.save_button = buttons.addButton("保存为新公文", QDialogButtonBox.ButtonRole.AcceptRole)
        cancel = buttons.addButton("取消", QDialogButtonBox.ButtonRole.RejectRole)
        self.save_button.clicked.connect(self.save)
        cancel.clicked.connect(self.reject)

        top = QHBoxLayout()
        top.addWidget(QLabel("通知全文：", self))
        top.addStretch(1)
        top.addWidget(paste)
        top.addWidget(recognise)
        form = QFormLayout()
        form.addRow("标题", self.title)
        dates = QHBoxLayout()
        dates.addWidget(self.doc_number, 2)
        for label, widget in (("成文日期", self.date), ("年份", self.year)):
            dates.addWidget(QLabel(label, self))
            dates.addWidget(widget)
        form.addRow("文号", dates)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.text, 2)
        layout.addWidget(
            QLabel("识别结果（可修改标题、文号、成文日期和年份；活动保存后在公文中修改）：")
        )
        layout.addLayout(form)
        layout.addWidget(self.activities, 3)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.resize(1000, 760)
        self.show_result(None, EMPTY_PASTE)

    # -- recognising -----------------------------------------------------------------------

    def _text_changed(self) -> None:
        self.save_button.setEnabled(False)  # until the new text is recognised
        self.recognise_timer.start()

    def done(self, result: int) -> None:
        self.recognise_timer.stop()
        super().done(result)

    def paste_clipboard(self) -> None:
        """Take the clipboard's text into the box and recognise it."""
        self.text.setPlainText(QGuiApplication.clipboard().text())
        self.recognise()

    def recognise(self) -> None:
        """Read the box's text as a notice and show what was found."""
        self.recognise_timer.stop()
        data = self.text.toPlainText().encode("utf-8")
        try:
            prepared = with_listed_departments_of(self.db, prepare_text(data))
        except ImportFileError as exc:
            self.show_result(None, EMPTY_PASTE if not data.strip() else str(exc))
            return
        except UnionOfficeError as exc:  # the department lists could not be read
            self.show_result(None, str(exc))
            return
        self.show_result(prepared)

    def show_result(self, prepared: PreparedFile | None, problem: str = "") -> None:
        self.prepared = prepared
        self.save_button.setEnabled(prepared is not None)
        notice = prepared.parsed.notice if prepared is not None else NoticeData(title="")
        self.title.setText(notice.title)
        self.doc_number.setText(notice.doc_number or "")
        date = notice.date
        self.date.setDate(to_qdate(date))
        self.year.setValue(notice.year or NO_YEAR)
        self._show_activities(notice.activities)
        if prepared is None:
            self._say(problem, error=True)
            return
        found = f"识别到 {len(notice.activities)} 项活动。"
        doubts = "；".join(prepared.warnings)
        self._say(found + (f"请核对：{doubts}" if doubts else ""), error=bool(doubts))

    def _show_activities(self, activities: list[ActivityData]) -> None:
        self.activities.setRowCount(len(activities))
        for row, activity in enumerate(activities):
            period = activity.period
            cells = (
                str(row + 1),
                activity.title,
                activity.deadline,
                period.times_text if period is not None else "",
                activity.place,
                activity.participants,
                "、".join(activity.lead),
                activity.responsible_person or "",
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if column == 2 and activity.deadline and period is None:
                    item.setToolTip(f"无法从“{activity.deadline}”推算日期")
                    item.setForeground(QBrush(QColor("#b00020")))
                self.activities.setItem(row, column, item)
        self.activities.resizeRowsToContents()

    def _say(self, text: str, *, error: bool) -> None:
        self.status.setText(text)
        self.status.setStyleSheet("color: #b05a00;" if error else "color: #2a5d8f;")

    # -- saving ----------------------------------------------------------------------------

    def corrected_notice(self) -> NoticeData:
        """The recognised notice with the clerk's corrections; raises UnionOfficeError."""
        assert self.prepared is not None
        date = self.date.date()
        return corrected(
            self.prepared.parsed.notice,
            title=self.title.text(),
            doc_number=self.doc_number.text(),
            date=from_qdate(date),
            year=None if self.year.value() == NO_YEAR else self.year.value(),
        )

    def save(self) -> None:
        """Store the corrected notice as a new one; a text saved before is asked about."""
        if self.recognise_timer.isActive():
            self.recognise()
        if self.prepared is None:
            self._say(EMPTY_PASTE, error=True)
            return
        try:
            notice = self.corrected_notice()
        except UnionOfficeError as exc:
            messages.show_error(self, f"无法保存：{exc}")
            return
        parsed = dataclasses.replace(self.prepared.parsed, notice=notice)
        prepared = dataclasses.replace(self.prepared, parsed=parsed)

        def again(_path: object, existing: int) -> bool:
            return messages.confirm(
                self, "这段文字以前导入过（内容相同）。仍要再保存一篇新的公文吗？"
            )

        result: ImportResult = store_prepared(self.db, prepared, again)
        if result.error is not None:
            messages.show_error(self, f"保存失败：{result.error}")
            return
        if result.notice_id is None:
            return  # the clerk chose not to save it twice
        self.saved.emit(result)
        self.accept()
