"""File names from titles: every character Windows forbids, reserved names, trailing dots and
spaces — cleaned the same way on every platform (pathvalidate's Windows rules)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from pathvalidate import is_valid_filename

from unionoffice.domain.notice import NoticeData
from unionoffice.exporting.docx import file_name_for
from unionoffice.file_names import DEFAULT_MAX_CHARS, safe_file_name

FORBIDDEN = '\\/:*?"<>|'
CONTROL = "".join(chr(c) for c in range(32))


def test_every_forbidden_character_is_replaced() -> None:
    title = f"关于{FORBIDDEN}的通知{CONTROL}附件. . "
    name = safe_file_name(title, fallback="公文")
    assert not set(name) & set(FORBIDDEN + CONTROL)
    assert name.startswith("关于") and "的通知" in name and name.endswith("附件")
    assert is_valid_filename(name + ".docx", platform="windows")


def test_trailing_dots_and_spaces_go() -> None:
    assert safe_file_name("工作要点…. ..  ", fallback="x") == "工作要点…"


def test_names_windows_reserves_are_changed() -> None:
    for reserved in ("CON", "prn", "AUX", "NUL", "COM1", "lpt9", "con.txt"):
        name = safe_file_name(reserved, fallback="x")
        assert is_valid_filename(name + ".pdf", platform="windows"), name


def test_nothing_usable_gives_the_fallback() -> None:
    for title in ("", "   ", "...", "???", "<>|", " . _ "):
        assert safe_file_name(title, fallback="活动安排表") == "活动安排表"


def test_long_titles_are_shortened() -> None:
    name = safe_file_name("关于" + "开展活动" * 100 + "的通知", fallback="x")
    assert len(name) == DEFAULT_MAX_CHARS


@given(st.text(max_size=200))
def test_any_title_gives_a_name_windows_accepts(title: str) -> None:
    name = safe_file_name(title, fallback="公文")
    assert name and len(name) <= DEFAULT_MAX_CHARS
    for extension in (".docx", ".pdf", ".xlsx", ".ics"):
        assert is_valid_filename(name + extension, platform="windows"), repr(name)


def test_notice_file_names_are_cleaned() -> None:
    notice = NoticeData(
        title=f"关于“五一”{FORBIDDEN}活动的通知. ", series_code="青总办", year=2021, number=15
    )
    name = file_name_for(notice)
    assert name.startswith("青总办〔2021〕15号 关于“五一”")
    assert name.endswith("活动的通知")
    assert is_valid_filename(name + ".docx", platform="windows")
