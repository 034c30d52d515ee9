"""Finding a Chinese TrueType font, and saying what to install when there is none."""

from __future__ import annotations

import os
import struct
import sys
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

WINDOWS = sys.platform == "win32"
WINDOWS_FONTS = Path(os.environ.get("WINDIR", "C:\\Windows")) / "Fonts"
# The fonts of the machine the tests run on: Debian's fonts-wqy-zenhei, fonts-noto-cjk and
# fonts-dejavu-core (scripts/system-packages.sh installs them), or those every Windows has.
WQY_LINUX = Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc")
CJK_TTF = WINDOWS_FONTS / "simhei.ttf" if WINDOWS else WQY_LINUX
DEJAVU_LINUX = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
LATIN_TTF = WINDOWS_FONTS / "arial.ttf" if WINDOWS else DEJAVU_LINUX
NOTO_OTF = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")


def _opentype_cff_header(folder: Path) -> Path:
    """The start of an OpenType font with PostScript (CFF) outlines: what reportlab refuses."""
    path = folder / "思源宋体.otf"
    path.write_bytes(b"OTTO" + struct.pack(">HHHH", 1, 16, 0, 0) + b"CFF " + bytes(12))
    return path


@pytest.fixture
def postscript_font(tmp_path: Path) -> Path:
    """A CJK font with PostScript outlines: Noto CJK on Linux; Windows ships none, so there
    the start of one is made (as test_an_opentype_cff_file_is_refused does everywhere)."""
    return _opentype_cff_header(tmp_path) if WINDOWS else NOTO_OTF


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


def test_candidates_are_skipped_until_one_has_chinese_glyphs(tmp_path: Path, postscript_font):
    not_a_font = tmp_path / "simsun.ttc"
    not_a_font.write_bytes(b"not a font")
    candidates = [tmp_path / "missing.ttf", not_a_font, postscript_font, LATIN_TTF, CJK_TTF]
    font = find_cjk_font(candidates=candidates, environ={})
    assert font.path == CJK_TTF


def test_configured_font_wins_and_is_checked(tmp_path: Path):
    assert find_cjk_font(CJK_TTF, candidates=[]).path == CJK_TTF
    assert find_cjk_font(candidates=[], environ={FONT_ENV_VAR: str(CJK_TTF)}).path == CJK_TTF
    with pytest.raises(FontNotFoundError, match="找不到指定的字体文件"):
        find_cjk_font(tmp_path / "nothing.ttf")
    broken = tmp_path / "broken.ttf"
    broken.write_bytes(b"\0" * 64)
    with pytest.raises(FontNotFoundError, match="无法读取字体文件"):
        find_cjk_font(broken)


def test_postscript_outline_fonts_are_refused_with_a_reason(postscript_font):
    with pytest.raises(FontNotFoundError, match="PostScript"):
        find_cjk_font(postscript_font)


def test_an_opentype_cff_file_is_refused(tmp_path: Path):
    with pytest.raises(FontNotFoundError, match="PostScript"):
        find_cjk_font(_opentype_cff_header(tmp_path))


def test_fonts_without_chinese_are_refused():
    with pytest.raises(FontNotFoundError, match="不含中文字形"):
        find_cjk_font(LATIN_TTF)


def test_platform_candidates():
    windows = default_candidates("win32", {"WINDIR": "D:\\Win", "LOCALAPPDATA": "C:\\U"})
    assert [p.name for p in windows[:3]] == ["simsun.ttc", "simsun.ttc", "simhei.ttf"]
    assert str(windows[0]).startswith("D:")
    linux = default_candidates("linux", {"HOME": "/home/clerk"})
    assert linux[0] == WQY_LINUX
    assert any("arphic" in str(p) for p in linux)
    assert Path("/home/clerk/.local/share/fonts/wqy-zenhei.ttc") in linux
