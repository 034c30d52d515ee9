"""Title line breaking and character widths."""

from __future__ import annotations

import pytest

from unionoffice.domain.notice_text import break_title, text_width


def test_width_counts_digits_as_half_with_space_between_them_and_chinese() -> None:
    assert text_width("2021年4月6日") == pytest.approx(6 + 5 * 0.22)
    assert text_width("“五一”") == 4


def test_short_title_stays_on_one_line() -> None:
    assert break_title("关于做好“金秋助学”工作的通知") == ["关于做好“金秋助学”工作的通知"]


def test_long_title_breaks_between_words_into_even_lines() -> None:
    lines = break_title(
        "青海省总工会办公室关于印发《开展庆“五一”系列活动方案》的通知", "青海省总工会办公室"
    )
    assert lines == ["青海省总工会办公室关于印发《开展", "庆“五一”系列活动方案》的通知"]
    lines = break_title(
        "青海省总工会办公室关于印发《开展“劳动展风采、岗位做贡献、夺取双胜利”庆“五一”活动方案》的通知"
    )
    assert len(lines) == 3 and all(text_width(line) <= 20 for line in lines)
    assert "".join(lines).startswith("青海省总工会办公室关于印发《开展“劳动展风采、")


def test_title_of_one_long_word_is_broken_between_characters() -> None:
    title = "一二三四五六七八九十一二三四五六七八九十一二三四五"
    lines = break_title(title)
    assert "".join(lines) == title and len(lines) == 2
    assert text_width(lines[0]) >= text_width(lines[1])
