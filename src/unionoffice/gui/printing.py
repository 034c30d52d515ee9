"""Printing a notice's 活动安排表 through Qt's print preview (the Word/PDF exports live in
exporting/; this is the quick paper copy a clerk takes to a meeting)."""

from __future__ import annotations

import html

from PySide6.QtGui import QTextDocument
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QWidget

from unionoffice.domain.deadline import parse_deadline
from unionoffice.domain.notice import NoticeData
from unionoffice.gui.activity_model import NAME_SEPARATOR, format_period


def timetable_html(notice: NoticeData) -> str:
    """The plan as an HTML table: 序号, 活动内容, 完成时限, 起止日期, 牵头, 配合, 责任领导."""
    rows = []
    for number, activity in enumerate(notice.activities, start=1):
        period = parse_deadline(activity.deadline, notice.plan_year, not_before=notice.date)
        cells = [
            str(number),
            activity.title,
            activity.deadline,
            format_period(period) if activity.deadline else "",
            NAME_SEPARATOR.join(activity.lead),
            NAME_SEPARATOR.join(activity.cooperating),
            activity.leader or "",
        ]
        rows.append("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in cells) + "</tr>")
    headers = ["序号", "活动内容", "完成时限", "起止日期", "牵头部门", "配合部门", "责任领导"]
    title = html.escape(notice.title)
    number = html.escape(notice.doc_number or "")
    return (
        f"<h2 align='center'>{title}</h2><p align='center'>{number}</p>"
        "<table border='1' cellspacing='0' cellpadding='4' width='100%'>"
        "<tr>" + "".join(f"<th>{h}</th>" for h in headers) + "</tr>" + "".join(rows) + "</table>"
    )


def preview_timetable(parent: QWidget, notice: NoticeData) -> None:
    document = QTextDocument(parent)
    document.setHtml(timetable_html(notice))
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setWindowTitle("打印活动安排表")
    dialog.paintRequested.connect(document.print_)
    dialog.exec()
