"""Whatever it is given, the importer returns a notice or its own error, never a crash."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from unionoffice.importing import ImportFileError, parse_text, read_document
from unionoffice.importing.reading import decode_text

SAMPLES = Path(__file__).resolve().parents[1] / "data" / "samples"
CORPUS = Path(__file__).resolve().parent / "corpus"
SAMPLE_TEXT = (SAMPLES / "qinghai-2021-15.txt").read_text(encoding="utf-8")

# Pieces notices are made of, so random text reaches the parser's branches.
PIECES = [
    "青海省总工会办公室文件", "青总办〔2021〕15号", "关于", "的通知", "方案", "一、", "（一）",
    "(二)", "1.", "（1）", "活动内容", "工作要求", "完成时限：", "牵头部门:", "配合部门：",
    "责任部门：", "责任领导：", "牵头", "配合", "、", "，", "。", "（", "）", "(", ")", "“", "”",
    '"', "：", ":", "\n", "\n\n", " ", "# ", "- ", "|", "---", "附件", "2021年4月6日",
    "二〇二一年三月十五日", "4—7月份", "全年", "月底前", "等", "及", "宣教部", "各市（州）总工会",
    "— 3 —", "抄送：", "印发", "联系人：", "\t", "\u3000", "〔", "〕", "号",
]  # fmt: skip
notice_like = st.lists(st.sampled_from(PIECES) | st.text(max_size=5), max_size=80).map("".join)


def _check(text: str) -> None:
    parsed = parse_text(text)
    notice = parsed.notice
    assert isinstance(notice.title, str)
    for activity in notice.activities:
        assert activity.title
        assert activity.period is None or activity.period.start <= activity.period.end


@given(st.text(max_size=400))
@settings(max_examples=300, deadline=None)
def test_arbitrary_text_never_crashes(text: str) -> None:
    _check(text)


@given(notice_like)
@settings(max_examples=500, deadline=None)
def test_notice_like_text_never_crashes(text: str) -> None:
    _check(text)


@given(st.integers(0, len(SAMPLE_TEXT)), st.integers(0, len(SAMPLE_TEXT)))
@settings(max_examples=100, deadline=None)
def test_truncated_and_cut_samples_never_crash(start: int, end: int) -> None:
    _check(SAMPLE_TEXT[min(start, end) : max(start, end)])


@given(st.lists(st.integers(0, len(SAMPLE_TEXT) - 1), max_size=30))
@settings(max_examples=100, deadline=None)
def test_samples_with_dropped_characters_never_crash(drops: list[int]) -> None:
    damaged = "".join(ch for i, ch in enumerate(SAMPLE_TEXT) if i not in set(drops))
    _check(damaged)


@given(st.binary(max_size=2000))
@settings(max_examples=300, deadline=None)
def test_arbitrary_bytes_decode_or_give_the_importers_error(data: bytes) -> None:
    try:
        text, encoding = decode_text(data)
    except ImportFileError as exc:
        assert str(exc)
    else:
        assert isinstance(text, str) and encoding


@given(st.binary(max_size=3000), st.sampled_from([".txt", ".docx"]))
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_arbitrary_files_read_or_give_the_importers_error(data: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"file{suffix}"
        path.write_bytes(data)
        try:
            document = read_document(path)
        except ImportFileError as exc:
            assert str(exc)
        else:
            _check("\n".join(e for e in document.elements if isinstance(e, str)))


_DOCX_BYTES: list[bytes] = []


def _docx_bytes() -> bytes:
    if not _DOCX_BYTES:
        import docx

        document = docx.Document()
        document.add_paragraph("青海省总工会办公室文件")
        document.add_paragraph("关于开展活动的通知")
        table = document.add_table(rows=2, cols=3)
        for c, text in enumerate(["活动内容", "完成时限", "牵头部门"]):
            table.cell(0, c).text = text
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "a.docx"
            document.save(str(path))
            _DOCX_BYTES.append(path.read_bytes())
    return _DOCX_BYTES[0]


@given(st.data())
@settings(max_examples=150, deadline=None)
def test_truncated_or_corrupted_docx_gives_the_importers_error(data: st.DataObject) -> None:
    original = _docx_bytes()
    cut = data.draw(st.integers(0, len(original)))
    flips = data.draw(st.lists(st.tuples(st.integers(0, len(original) - 1), st.integers(0, 255))))
    damaged = bytearray(original[:cut] if data.draw(st.booleans()) else original)
    for position, value in flips:
        if position < len(damaged):
            damaged[position] = value
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "damaged.docx"
        path.write_bytes(bytes(damaged))
        try:
            read_document(path)
        except ImportFileError as exc:
            assert str(exc)


@given(notice_like)
@settings(max_examples=40, deadline=None)
def test_any_text_file_is_stored_or_refused_with_a_message(text: str) -> None:
    from unionoffice.importing import import_file
    from unionoffice.storage.database import Database

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "notice.txt"
        path.write_text(text, encoding="utf-8")
        database = Database(Path(folder) / "db.sqlite")
        try:
            result = import_file(database, path, "import")
        finally:
            database.dispose()
        assert result.status in ("created", "failed")
        assert (result.error is None) == (result.status == "created")


# Pieces of the forms issue 15 added: tables as text, events, dated items, run-on web text.
FORM_PIECES = [
    "序号", "工作任务", "责任单位", "完成时限", "责任人", "活动名称", "时间", "地点", "参加对象",
    "1", "2", "3", "1000", "宣教部", "各街道工会", "张三、李四", "2018.09", "全年", "5月下旬",
    "时间：", "地点：", "参加人员：", "负责人：", "联系人：", "3月8日（星期二）上午9时30分，",
    "下午4时20分至5时10分", "3月下旬或4月上旬", "（排名第一的部室为牵头部门，下同）",
    "，6月底前完成。",
    "现将有关活动安排如下：", "有关要求：", "二○○九年二月二十日", "□", "エ", "单位（盖章）：", "\t",
]  # fmt: skip
CORPUS_TEXTS = [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))]
form_like = st.lists(st.sampled_from(FORM_PIECES + PIECES) | st.text(max_size=5), max_size=80).map(
    "\n".join
)
run_on_like = st.lists(
    st.sampled_from(FORM_PIECES + PIECES) | st.text(max_size=5), min_size=30, max_size=150
).map(lambda pieces: "".join(pieces).replace("\n", ""))


@given(form_like)
@settings(max_examples=400, deadline=None)
def test_table_and_event_like_lines_never_crash(text: str) -> None:
    _check(text)


@given(run_on_like)
@settings(max_examples=300, deadline=None)
def test_run_on_text_never_crashes(text: str) -> None:
    _check(text)


@given(st.sampled_from(CORPUS_TEXTS), st.integers(0, 5000), st.integers(0, 5000), st.booleans())
@settings(max_examples=300, deadline=None)
def test_cut_corpus_notices_never_crash(text: str, start: int, end: int, one_line: bool) -> None:
    part = text[min(start, end) : max(start, end)]
    _check(part.replace("\n", "") if one_line else part)
