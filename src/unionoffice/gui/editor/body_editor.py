"""The notice body: one line per block, lines set as heading level 1–4 or 附件 title.

Heading numbers (一、 （一） 1. （1）) are not part of the text: they are worked out from the
order of the headings and painted in a margin left of the text, so the clerk never renumbers
by hand. Level changes are block-format edits, steps of the document's undo history like
typing; the notice editor replays those steps from the notice's one undo stack.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from PySide6.QtCore import QEvent, QMimeData, QRect, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QKeyEvent,
    QPainter,
    QPaintEvent,
    QSyntaxHighlighter,
    QTextBlock,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextFormat,
)
from PySide6.QtWidgets import QTextEdit, QWidget

from unionoffice.domain.headings import heading_number, split_heading
from unionoffice.domain.notice import Block, BlockKind
from unionoffice.domain.notice_body import unfold_blocks

LEVEL_PROPERTY = QTextFormat.Property.UserProperty + 1
PARAGRAPH = 0
ATTACHMENT = 9  # a line that starts an attachment; its text is the attachment's title
LEVEL_NAMES = {
    PARAGRAPH: "正文段落",
    1: "一级标题",
    2: "二级标题",
    3: "三级标题",
    4: "四级标题",
    ATTACHMENT: "附件标题",
}
TYPING = "编辑正文"
_LEVEL_KEYS = {
    Qt.Key.Key_0: PARAGRAPH,
    Qt.Key.Key_1: 1,
    Qt.Key.Key_2: 2,
    Qt.Key.Key_3: 3,
    Qt.Key.Key_4: 4,
}


def block_level(block: QTextBlock) -> int:
    value = block.blockFormat().property(LEVEL_PROPERTY)
    return int(value) if isinstance(value, int) else PARAGRAPH


def number_labels(levels: Sequence[int]) -> list[str]:
    """The label painted before each line: heading numbers, "附件" or "" for paragraphs.

    A heading's number counts on from the last heading of its level and restarts below
    every higher heading; an attachment starts the numbering afresh.
    """
    counters = [0, 0, 0, 0, 0]
    labels = []
    for level in levels:
        if level == ATTACHMENT:
            counters = [0, 0, 0, 0, 0]
            labels.append("附件")
        elif 1 <= level <= 4:
            counters[level] += 1
            for deeper in range(level + 1, 5):
                counters[deeper] = 0
            labels.append(heading_number(level, counters[level]))
        else:
            labels.append("")
    return labels


class _HeadingHighlighter(QSyntaxHighlighter):
    """Shows headings bold and 附件 titles in colour; display only, never stored."""

    def highlightBlock(self, text: str) -> None:
        level = block_level(self.currentBlock())
        if level == PARAGRAPH or not text:
            return
        fmt = QTextCharFormat()
        if level in (1, 2, ATTACHMENT):
            fmt.setFontWeight(QFont.Weight.Bold)
        if level == ATTACHMENT:
            fmt.setForeground(QColor("#1f4e8c"))
        if level == 2:
            fmt.setForeground(QColor("#333333"))
        self.setFormat(0, len(text), fmt)


class _NumberMargin(QWidget):
    """The strip left of the text where heading numbers are painted."""

    def __init__(self, editor: BodyEditor) -> None:
        super().__init__(editor)
        self._editor = editor

    def sizeHint(self) -> QSize:
        return QSize(self._editor.margin_width(), 0)

    def paintEvent(self, event: QPaintEvent) -> None:
        self._editor.paint_margin(self, event)


class BodyEditor(QTextEdit):
    """Plain-text body editor with heading levels per line; Ctrl+1..4 set, Ctrl+0 clears."""

    blocks_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAcceptRichText(False)
        self.setTabChangesFocus(True)
        self.setPlaceholderText(
            "在此输入正文。选中一行按 Ctrl+1～Ctrl+4 设为一至四级标题，序号自动生成。"
        )
        font = self.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.setFont(font)
        self._highlighter = _HeadingHighlighter(self.document())
        self._margin = _NumberMargin(self)
        self.setViewportMargins(self.margin_width(), 0, 0, 0)
        self.document().contentsChanged.connect(self._on_contents_changed)
        self.verticalScrollBar().valueChanged.connect(self._margin.update)
        self.cursorPositionChanged.connect(self._margin.update)
        self._loading = False
        self._edit_label: str | None = None

    # -- blocks in and out -----------------------------------------------------------------

    def set_blocks(self, blocks: Sequence[Block]) -> None:
        """Show a notice body; clears the editor's undo history.

        Headings folded into a block by line breaks (text extracted from Word) get lines of
        their own, so "1." and "（1）" are 三级 and 四级 headings here as in print.
        """
        self._loading = True
        try:
            document = self.document()
            document.clear()
            cursor = QTextCursor(document)
            for i, block in enumerate(unfold_blocks(blocks)):
                if i:
                    cursor.insertBlock()
                cursor.setBlockFormat(_format_for(_level_of(block)))
                cursor.insertText(block.text)
            document.clearUndoRedoStacks()
            document.setModified(False)
            self._highlighter.rehighlight()
        finally:
            self._loading = False
        self._margin.update()

    def blocks(self) -> list[Block]:
        """The body as Blocks; empty lines are left out."""
        result = []
        block = self.document().firstBlock()
        while block.isValid():
            text = block.text().strip()
            if text:
                level = block_level(block)
                if level == ATTACHMENT:
                    result.append(Block.attachment(text))
                elif 1 <= level <= 4:
                    result.append(Block.heading(level, text))
                else:
                    result.append(Block.paragraph(text))
            block = block.next()
        return result

    def is_loading(self) -> bool:
        """True while set_blocks fills the document: those changes are not edits."""
        return self._loading

    def take_edit_label(self) -> str:
        """What the document's newest undo step did, for the undo menu ("设为二级标题")."""
        label, self._edit_label = self._edit_label, None
        return label or TYPING

    @contextmanager
    def _labelled(self, label: str) -> Iterator[None]:
        self._edit_label = label
        try:
            yield
        finally:
            self._edit_label = None

    def levels(self) -> list[int]:
        levels = []
        block = self.document().firstBlock()
        while block.isValid():
            levels.append(block_level(block))
            block = block.next()
        return levels

    # -- heading levels --------------------------------------------------------------------

    def set_level(self, level: int) -> None:
        """Make the line(s) under the cursor or selection a heading of ``level`` (0: 正文)."""
        cursor = self.textCursor()
        start, end = cursor.selectionStart(), cursor.selectionEnd()
        document = self.document()
        first = document.findBlock(start)
        last = document.findBlock(end)
        edit = QTextCursor(document)
        with self._labelled(f"设为{LEVEL_NAMES.get(level, LEVEL_NAMES[PARAGRAPH])}"):
            edit.beginEditBlock()
            block = first
            while block.isValid():
                edit.setPosition(block.position())
                edit.setBlockFormat(_format_for(level))
                self._highlighter.rehighlightBlock(block)
                if block == last:
                    break
                block = block.next()
            edit.endEditBlock()
        self._margin.update()
        self.blocks_changed.emit()

    def current_level(self) -> int:
        return block_level(self.textCursor().block())

    # -- events ----------------------------------------------------------------------------

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and _level_key(event) is not None:
            event.accept()  # Ctrl+0..4 belong to this editor while it has the focus
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        level = _level_key(event)
        if level is not None:
            self.set_level(level)
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self._at_heading_end():
            # As in Word: the line after a heading is 正文 again.
            cursor = self.textCursor()
            cursor.insertBlock(_format_for(PARAGRAPH))
            self.setTextCursor(cursor)
            return
        super().keyPressEvent(event)

    def _at_heading_end(self) -> bool:
        cursor = self.textCursor()
        return (
            not cursor.hasSelection()
            and cursor.atBlockEnd()
            and block_level(cursor.block()) != PARAGRAPH
        )

    def insertFromMimeData(self, source: QMimeData) -> None:
        """Pasted lines written as "一、…", "（二）…" become headings without their numbers."""
        if not source.hasText():
            super().insertFromMimeData(source)
            return
        lines = source.text().replace("\r\n", "\n").replace("\r", "\n").split("\n")
        cursor = self.textCursor()
        with self._labelled("粘贴"):
            cursor.beginEditBlock()
            for i, line in enumerate(lines):
                if i:
                    cursor.insertBlock(_format_for(PARAGRAPH))
                heading = split_heading(line)
                if heading is not None and len(lines) > 1:
                    cursor.setBlockFormat(_format_for(heading[0]))
                    cursor.insertText(heading[2])
                else:
                    cursor.insertText(line.strip() if len(lines) > 1 else line)
            cursor.endEditBlock()
        self.setTextCursor(cursor)

    def _on_contents_changed(self) -> None:
        self._margin.update()
        if not self._loading:
            self.blocks_changed.emit()

    # -- the number margin -----------------------------------------------------------------

    def margin_width(self) -> int:
        return self.fontMetrics().horizontalAdvance("（十二）") + 12

    def resizeEvent(self, event: object) -> None:
        super().resizeEvent(event)  # type: ignore[arg-type]
        rect = self.contentsRect()
        self._margin.setGeometry(QRect(rect.left(), rect.top(), self.margin_width(), rect.height()))

    def paint_margin(self, widget: QWidget, event: QPaintEvent) -> None:
        painter = QPainter(widget)
        painter.fillRect(event.rect(), QColor("#f4f4f0"))
        labels = number_labels(self.levels())
        layout = self.document().documentLayout()
        offset = self.verticalScrollBar().value()
        block = self.document().firstBlock()
        index = 0
        width = widget.width() - 6
        while block.isValid():
            label = labels[index]
            if label:
                rect = layout.blockBoundingRect(block).translated(0, -offset)
                if rect.bottom() >= event.rect().top() and rect.top() <= event.rect().bottom():
                    line = block.layout().lineAt(0) if block.layout().lineCount() else None
                    height = int(line.height()) if line is not None else self.fontMetrics().height()
                    top = int(rect.top() + (line.y() if line is not None else 0))
                    painter.setPen(QColor("#1f4e8c") if label == "附件" else QColor("#8b0000"))
                    painter.drawText(
                        QRect(0, top, width, height),
                        int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                        label,
                    )
            block = block.next()
            index += 1
        painter.end()


def _level_of(block: Block) -> int:
    if block.kind is BlockKind.HEADING:
        return block.level
    if block.kind is BlockKind.ATTACHMENT:
        return ATTACHMENT
    return PARAGRAPH


def _format_for(level: int) -> QTextBlockFormat:
    fmt = QTextBlockFormat()
    fmt.setProperty(LEVEL_PROPERTY, level)
    fmt.setLineHeight(140, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
    if level in (1, ATTACHMENT):
        fmt.setTopMargin(6)
    return fmt


def _level_key(event: QEvent) -> int | None:
    if not isinstance(event, QKeyEvent):
        return None
    modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
    if modifiers != Qt.KeyboardModifier.ControlModifier:
        return None
    return _LEVEL_KEYS.get(Qt.Key(event.key()))
