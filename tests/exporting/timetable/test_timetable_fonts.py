"""Finding a Chinese TrueType font, and saying what to install when there is none."""

from __future__ import annotations

from pathlib import Path

import pytest

from unionoffice.domain.errors import UnionOfficeError
from unionoffice.exporting.timetable import (
    FontNotFoundError,
    build_timetable,
    find_cjk_font,
    render_timetable_pdf,
)
from unionoffice.exporting.timetable import fonts as fonts_module
from unionoffice.exporting.timetable.fonts import FONT_ENV_VAR, default_candidates

WQY = Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc")
# Debian's fonts-noto-cjk and fonts-dejavu-core; scripts/system-packages.sh installs both.
NOTO_OTF = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


def test_no_font_found_says_what_to_install():
    with pytest.raises(FontNotFoundError) as raised:
        find_cjk_font(candidates=[], environ={})
    message = str(raised.value)
    assert isinstance(raised.value, UnionOfficeError)
    assert "fonts-wqy-zenhei" in message and "simsun.ttc" in message and "--font" in message


def test_rendering_without_any_font_fails_clearly(monkeypatch, sample):
    monkeypatch.setattr(fonts_module, "default_candidates", lambda **_: [])
    monkeypatch.delenv(FONT_ENV_VAR, raising=False)
    with pytest.raises(FontNotFoundError, match="找不到可嵌入 PDF 的中文 TrueType 字体"):
        render_timetable_pdf(build_timetable([sample]))


def test_candidates_are_skipped_until_one_has_chinese_glyphs(tmp_path: Path):
    not_a_font = tmp_path / "simsun.ttc"
    not_a_font.write_bytes(b"not a font")
    candidates = [tmp_path / "missing.ttf", not_a_font, NOTO_OTF, DEJAVU, WQY]
    font = find_cjk_font(candidates=candidates, environ={})
    assert font.path == WQY


def test_configured_font_wins_and_is_checked(tmp_path: Path):
    assert find_cjk_font(WQY, candidates=[]).path == WQY
    assert find_cjk_font(candidates=[], environ={FONT_ENV_VAR: str(WQY)}).path == WQY
    with pytest.raises(FontNotFoundError, match="找不到指定的字体文件"):
        find_cjk_font(tmp_path / "nothing.ttf")
    broken = tmp_path / "broken.ttf"
    broken.write_bytes(b"\0" * 64)
    with pytest.raises(FontNotFoundError, match="无法读取字体文件"):
        find_cjk_font(broken)


def test_postscript_outline_fonts_are_refused_with_a_reason():
    with pytest.raises(FontNotFoundError, match="PostScript"):
        find_cjk_font(NOTO_OTF)


def test_fonts_without_chinese_are_refused():
    with pytest.raises(FontNotFoundError, match="不含中文字形"):
        find_cjk_font(DEJAVU)


def test_platform_candidates():
    windows = default_candidates("win32", {"WINDIR": "D:\\Win", "LOCALAPPDATA": "C:\\U"})
    assert [p.name for p in windows[:3]] == ["simsun.ttc", "simsun.ttc", "simhei.ttf"]
    assert str(windows[0]).startswith("D:")
    linux = default_candidates("linux", {"HOME": "/home/clerk"})
    assert linux[0] == WQY
    assert any("arphic" in str(p) for p in linux)
    assert Path("/home/clerk/.local/share/fonts/wqy-zenhei.ttc") in linux
