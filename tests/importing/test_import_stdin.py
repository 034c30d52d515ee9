"""``unionoffice import -``: the text of a notice on standard input (pasted from a web page,
WeChat or a PDF viewer)."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.importing.corpus_facts import CORPUS

from unionoffice.cli import main
from unionoffice.importing import STDIN, ImportFileError, prepare_text

PASTED = (CORPUS / "23-web-paste-brackets.txt").read_text(encoding="utf-8")


def _stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


def test_a_pasted_notice_imports_from_stdin(
    db_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _stdin(monkeypatch, PASTED.encode("utf-8"))
    assert main(["--db", str(db_path), "import", "--json", "-"]) == 0
    out, err = capsys.readouterr()
    (notice,) = json.loads(out)["notices"]
    assert notice["title"].endswith("系列活动方案》的通知")
    assert [a["title"] for a in notice["activities"]] == [
        "开展“百年党史职工讲”宣讲活动",
        "举办“永远跟党走”职工歌咏比赛",
        "开展“红色足迹”职工寻访活动",
    ]
    assert "共导入 1 篇，跳过 0 个文件，失败 0 个" in err


def test_stdin_beside_files_and_in_gb18030(
    db_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _stdin(monkeypatch, PASTED.encode("gb18030"))
    path = CORPUS / "01-bracket-danwei.txt"
    assert main(["--db", str(db_path), "import", str(path), "-"]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert lines[0].endswith(str(path)) and "4项活动" in lines[0]  # in the order given
    assert lines[1].endswith("标准输入") and "3项活动" in lines[1]


@pytest.mark.parametrize("data", [b"", b"\n \r\n\t", "\ufeff".encode()])
def test_empty_stdin_is_one_clear_error_and_changes_nothing(
    data: bytes,
    db_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["--db", str(db_path), "import", str(CORPUS / "06-sentence-deadline.txt")]) == 0
    capsys.readouterr()
    assert main(["--db", str(db_path), "list", "--json"]) == 0
    before = capsys.readouterr().out
    _stdin(monkeypatch, data)
    assert main(["--db", str(db_path), "import", "-"]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert "错误：标准输入：没有读到公文内容：输入为空" in err
    assert main(["--db", str(db_path), "list", "--json"]) == 0
    assert capsys.readouterr().out == before


def test_binary_on_stdin_is_refused() -> None:
    with pytest.raises(ImportFileError, match="不是文本"):
        prepare_text(bytes(range(256)) * 4)


@given(st.binary(max_size=1500))
@settings(max_examples=200, deadline=None)
def test_any_bytes_on_stdin_parse_or_give_the_importers_error(data: bytes) -> None:
    try:
        prepared = prepare_text(data)
    except ImportFileError as exc:
        assert str(exc)
    else:
        assert prepared.path == STDIN and prepared.parsed.notice.title


@given(st.integers(0, len(PASTED)), st.integers(0, len(PASTED)))
@settings(max_examples=150, deadline=None)
def test_any_part_of_a_pasted_notice_parses(start: int, end: int) -> None:
    text = PASTED[min(start, end) : max(start, end)]
    try:
        prepared = prepare_text(text.encode("utf-8"))
    except ImportFileError as exc:
        assert "输入为空" in str(exc)
    else:
        for activity in prepared.parsed.notice.activities:
            assert activity.title
