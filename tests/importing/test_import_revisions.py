"""Word files with tracked changes (修订) import with the changes accepted, or as the text
before them; the import report counts the revisions and names who made them.

The revisions are written into the XML here the way Word and WPS write them: ``w:ins`` and
``w:del`` around runs, ``w:moveFrom``/``w:moveTo`` for moved text, ``w:del``/``w:ins`` in a
paragraph mark's ``w:rPr`` for a joined or split paragraph, in ``w:trPr`` for a table row.
"""

from __future__ import annotations

from pathlib import Path

import docx
from docx.oxml.parser import parse_xml

from unionoffice.importing import prepare_file, read_document
from unionoffice.importing.document import Table
from unionoffice.importing.revisions import Revisions, resolve_revisions

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_N = f'xmlns:w="{W}"'


def _run(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>'


def _deleted_run(text: str) -> str:
    return f'<w:r><w:delText xml:space="preserve">{text}</w:delText></w:r>'


def _ins(author: str, inner: str, rid: int = 1) -> str:
    return f'<w:ins w:id="{rid}" w:author="{author}" w:date="2024-03-01T09:00:00Z">{inner}</w:ins>'


def _del(author: str, inner: str, rid: int = 2) -> str:
    return f'<w:del w:id="{rid}" w:author="{author}" w:date="2024-03-01T09:00:00Z">{inner}</w:del>'


def _paragraph(inner: str, mark: str = "") -> str:
    ppr = f"<w:pPr><w:rPr>{mark}</w:rPr></w:pPr>" if mark else ""
    return f"<w:p {_N}>{ppr}{inner}</w:p>"


def _docx(path: Path, paragraphs: list[str]) -> Path:
    """A .docx whose body is the given paragraph (or table) XML, in order."""
    document = docx.Document()
    body = document.element.body
    sect_pr = body[-1]
    for xml in paragraphs:
        sect_pr.addprevious(parse_xml(xml))
    document.save(str(path))
    return path


NOTICE_HEAD = [
    _paragraph(_run("滨河区总工会关于开展职工读书月活动的通知")),
    _paragraph(_run("各基层工会：")),
]


def _marked_up(tmp_path: Path) -> Path:
    return _docx(
        tmp_path / "marked.docx",
        [
            *NOTICE_HEAD,
            # 赵科长 replaced 三月 with 四月; 钱主任 added a sentence and deleted a phrase
            _paragraph(
                _run("读书月定于")
                + _del("赵科长", _deleted_run("三月"), 11)
                + _ins("赵科长", _run("四月"), 12)
                + _run("举行。")
                + _ins("钱主任", _run("请各单位认真组织。"), 13)
            ),
            _paragraph(_run("活动面向全体会员") + _del("钱主任", _deleted_run("及其家属"), 14)),
            _paragraph(_run("滨河区总工会")),
        ],
    )


def test_tracked_changes_are_accepted_and_counted(tmp_path: Path) -> None:
    document = read_document(_marked_up(tmp_path))
    assert "读书月定于四月举行。请各单位认真组织。" in document.elements
    assert "活动面向全体会员" in document.elements
    assert not any("三月" in str(e) or "家属" in str(e) for e in document.elements)
    assert document.revisions == Revisions(
        inserted=2, deleted=2, authors=("赵科长", "钱主任"), kept="accept"
    )


def test_the_text_before_the_changes_can_be_kept(tmp_path: Path) -> None:
    document = read_document(_marked_up(tmp_path), "original")
    assert "读书月定于三月举行。" in document.elements
    assert "活动面向全体会员及其家属" in document.elements
    assert not any("四月" in str(e) or "认真组织" in str(e) for e in document.elements)
    assert document.revisions is not None
    assert document.revisions.count == 4
    assert document.revisions.kept == "original"


def test_import_report_says_how_many_revisions_and_who(tmp_path: Path) -> None:
    prepared = prepare_file(_marked_up(tmp_path))
    assert prepared.revisions is not None and prepared.revisions.count == 4
    note = next(w for w in prepared.warnings if "修订" in w)
    assert note == "含 4 处修订（插入 2、删除 2；修订人：赵科长、钱主任），已接受全部修订"
    body = [b.text for b in prepared.parsed.notice.body]
    assert "读书月定于四月举行。请各单位认真组织。" in body


def test_a_file_without_revisions_says_nothing_of_them(tmp_path: Path) -> None:
    path = _docx(tmp_path / "plain.docx", [*NOTICE_HEAD, _paragraph(_run("正文一段。"))])
    prepared = prepare_file(path)
    assert prepared.revisions == Revisions()
    assert not any("修订" in w for w in prepared.warnings)


def test_moved_text_counts_once_and_lands_where_it_was_moved(tmp_path: Path) -> None:
    moved = (
        '<w:moveFrom w:id="21" w:author="孙秘书" w:date="2024-03-02T10:00:00Z">'
        + _run("（一）报名方式。")
        + "</w:moveFrom>"
    )
    moved_to = (
        '<w:moveTo w:id="22" w:author="孙秘书" w:date="2024-03-02T10:00:00Z">'
        + _run("（一）报名方式。")
        + "</w:moveTo>"
    )
    path = _docx(
        tmp_path / "moved.docx",
        [
            _paragraph(
                '<w:moveFromRangeStart w:id="30" w:name="move1" w:author="孙秘书"/>'
                + moved
                + '<w:moveFromRangeEnd w:id="30"/>'
                + _run("第一段。")
            ),
            _paragraph(
                _run("第二段。")
                + '<w:moveToRangeStart w:id="31" w:name="move1" w:author="孙秘书"/>'
                + moved_to
                + '<w:moveToRangeEnd w:id="31"/>'
            ),
        ],
    )
    accepted = read_document(path)
    assert accepted.elements == ("第一段。", "第二段。（一）报名方式。")
    assert accepted.revisions == Revisions(moved=1, authors=("孙秘书",))
    original = read_document(path, "original")
    assert original.elements == ("（一）报名方式。第一段。", "第二段。")


def test_a_deleted_paragraph_mark_joins_two_paragraphs(tmp_path: Path) -> None:
    mark = '<w:del w:id="41" w:author="李四" w:date="2024-03-03T08:00:00Z"/>'
    inserted_mark = '<w:ins w:id="42" w:author="李四" w:date="2024-03-03T08:00:00Z"/>'
    path = _docx(
        tmp_path / "joined.docx",
        [
            _paragraph(_run("上半句，"), mark),
            _paragraph(_run("下半句。")),
            # a paragraph the reviewer split in two: its first half has an inserted mark
            _paragraph(_run("甲项，"), inserted_mark),
            _paragraph(_run("乙项。")),
        ],
    )
    assert read_document(path).elements == ("上半句，下半句。", "甲项，", "乙项。")
    assert read_document(path, "original").elements == ("上半句，", "下半句。", "甲项，乙项。")


def test_table_rows_inserted_and_deleted(tmp_path: Path) -> None:
    def row(cells: list[str], mark: str = "") -> str:
        tr_pr = f"<w:trPr>{mark}</w:trPr>" if mark else ""
        tcs = "".join(f"<w:tc><w:p>{_run(c)}</w:p></w:tc>" for c in cells)
        return f"<w:tr>{tr_pr}{tcs}</w:tr>"

    table = (
        f"<w:tbl {_N}><w:tblPr/><w:tblGrid><w:gridCol/><w:gridCol/></w:tblGrid>"
        + row(["活动", "完成时限"])
        + row(["读书分享会", "4月份"])
        + row(["征文比赛", "5月底前"], '<w:del w:id="51" w:author="周部长"/>')
        + row(["好书推荐", "6月份"], '<w:ins w:id="52" w:author="周部长"/>')
        + "</w:tbl>"
    )
    path = _docx(tmp_path / "rows.docx", [table])
    (accepted,) = read_document(path).elements
    assert isinstance(accepted, Table)
    assert [r[0] for r in accepted.rows] == ["活动", "读书分享会", "好书推荐"]
    (original,) = read_document(path, "original").elements
    assert isinstance(original, Table)
    assert [r[0] for r in original.rows] == ["活动", "读书分享会", "征文比赛"]


def test_text_inserted_then_deleted_by_another_reviewer_is_gone_either_way(
    tmp_path: Path,
) -> None:
    # WPS writes a deletion of someone's insertion as w:del inside w:ins
    inner = _del("乙", _deleted_run("临时"), 62)
    path = _docx(tmp_path / "nested.docx", [_paragraph(_run("保留") + _ins("甲", inner, 61))])
    assert read_document(path).elements == ("保留",)
    assert read_document(path, "original").elements == ("保留",)
    assert read_document(path).revisions == Revisions(inserted=1, deleted=1, authors=("甲", "乙"))


def test_format_changes_are_counted_and_dropped(tmp_path: Path) -> None:
    changed = (
        '<w:r><w:rPr><w:b/><w:rPrChange w:id="71" w:author="王五" w:date="2024-03-04T08:00:00Z">'
        "<w:rPr/></w:rPrChange></w:rPr><w:t>加粗的字</w:t></w:r>"
    )
    path = _docx(tmp_path / "format.docx", [_paragraph(changed)])
    document = read_document(path)
    assert document.elements == ("加粗的字",)
    assert document.revisions == Revisions(formatted=1, authors=("王五",))
    assert Revisions(formatted=1, authors=("王五",)).describe() == (
        "含 1 处修订（格式 1；修订人：王五），已接受全部修订"
    )


def test_resolving_leaves_no_revision_marks_behind(tmp_path: Path) -> None:
    document = docx.Document(str(_marked_up(tmp_path)))
    resolve_revisions(document.element.body)
    xml = document.element.body.xml
    assert "w:ins " not in xml and "w:del " not in xml and "w:delText" not in xml
