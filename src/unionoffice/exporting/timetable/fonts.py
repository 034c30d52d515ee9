"""Find a Chinese TrueType font reportlab can embed (as a subset) in a PDF.

reportlab embeds TrueType outlines only: Noto CJK's usual .ttc/.otf files carry PostScript (CFF)
outlines and are skipped. The order: a font the user configured (argument, then the
UNIONOFFICE_CJK_FONT environment variable), then the fonts of the platform.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from unionoffice.exporting.timetable.errors import FontNotFoundError
from unionoffice.output_files import expand_home

FONT_ENV_VAR = "UNIONOFFICE_CJK_FONT"
_PROBE_TEXT = "中文活动安排表"

WINDOWS_FONT_FILES = ("simsun.ttc", "simhei.ttf", "simfang.ttf", "simkai.ttf", "msyh.ttc")
LINUX_FONT_PATHS = (
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/arphic/uming.ttc",
    "/usr/share/fonts/truetype/arphic/ukai.ttc",
    "/usr/share/fonts/truetype/arphic-gbsn00lp/gbsn00lp.ttf",
    "/usr/share/fonts/wqy-zenhei/wqy-zenhei.ttc",  # Fedora
    "/usr/share/fonts/wqy-microhei/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/noto/NotoSansSC-Regular.ttf",
    "/usr/share/fonts/truetype/noto/NotoSerifSC-Regular.ttf",
)
LINUX_USER_FONT_FILES = ("wqy-zenhei.ttc", "wqy-microhei.ttc", "uming.ttc", "simsun.ttc")
MAC_FONT_PATHS = (
    "/System/Library/Fonts/STHeiti Light.ttc",
    "/System/Library/Fonts/Supplemental/Songti.ttc",
    "/Library/Fonts/Arial Unicode.ttf",
    "/System/Library/Fonts/Supplemental/Arial Unicode.ttf",
)

INSTALL_HINT = (
    "找不到可嵌入 PDF 的中文 TrueType 字体，无法生成活动安排表。"
    "Windows：请确认 C:\\Windows\\Fonts 中有宋体（simsun.ttc）、黑体（simhei.ttf）"
    "或仿宋（simfang.ttf）；"
    "Linux：请安装文泉驿正黑（Debian/Ubuntu：sudo apt install fonts-wqy-zenhei）"
    "或文鼎明体（fonts-arphic-uming）；"
    f"也可以用 --font 或环境变量 {FONT_ENV_VAR} 指定一个 .ttf/.ttc 字体文件。"
    "注意：思源/Noto CJK 的 OTF 字体无法嵌入。"
)


@dataclass(frozen=True)
class CjkFont:
    """A TrueType font file (and the face inside a .ttc collection) with Chinese glyphs."""

    path: Path
    subfont_index: int = 0

    @property
    def name(self) -> str:
        """The name the font is registered under in reportlab."""
        return f"UnionOfficeCJK-{self.path.stem}-{self.subfont_index}"


def default_candidates(
    platform: str | None = None, environ: Mapping[str, str] | None = None
) -> list[Path]:
    """The font files to try on this platform, most wanted first."""
    platform = platform or sys.platform
    environ = os.environ if environ is None else environ
    if platform.startswith("win"):
        folders = [Path(environ.get("WINDIR", "C:\\Windows")) / "Fonts"]
        if "LOCALAPPDATA" in environ:
            folders.append(Path(environ["LOCALAPPDATA"]) / "Microsoft" / "Windows" / "Fonts")
        return [folder / name for name in WINDOWS_FONT_FILES for folder in folders]
    if platform == "darwin":
        return [Path(p) for p in MAC_FONT_PATHS]
    home = Path(environ.get("HOME", "~")).expanduser()
    user_folders = [home / ".local" / "share" / "fonts", home / ".fonts"]
    return [Path(p) for p in LINUX_FONT_PATHS] + [
        folder / name for folder in user_folders for name in LINUX_USER_FONT_FILES
    ]


def find_cjk_font(
    configured: str | Path | None = None,
    *,
    candidates: Sequence[Path] | None = None,
    environ: Mapping[str, str] | None = None,
) -> CjkFont:
    """The configured font, else the first usable font of ``candidates`` (default: platform's).

    Raises FontNotFoundError with a message saying what to install, never falls back to a font
    that would print blank boxes.
    """
    environ = os.environ if environ is None else environ
    configured = configured or environ.get(FONT_ENV_VAR) or None
    if configured:
        font = CjkFont(expand_home(configured))
        _check(font, strict=True)
        return font
    for path in default_candidates(environ=environ) if candidates is None else candidates:
        font = CjkFont(Path(path))
        if _check(font, strict=False):
            return font
    raise FontNotFoundError(INSTALL_HINT)


def register_font(font: CjkFont) -> str:
    """Register ``font`` with reportlab once per process; return its reportlab name."""
    if font.name not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(_load(font))
    return font.name


def _check(font: CjkFont, *, strict: bool) -> bool:
    """Whether ``font`` loads and has Chinese glyphs; ``strict`` raises saying why not."""
    if not font.path.is_file():
        if strict:
            raise FontNotFoundError(f"找不到指定的字体文件：{font.path}")
        return False
    try:
        loaded = _load(font)
    except (TTFError, OSError) as exc:
        if not strict:
            return False
        if "postscript" in str(exc).lower():
            raise FontNotFoundError(
                f"字体 {font.path} 是 PostScript 轮廓（OTF/CFF）字体，无法嵌入 PDF；"
                "请改用 TrueType 字体（.ttf/.ttc），如宋体 simsun.ttc 或文泉驿正黑 wqy-zenhei.ttc"
            ) from None
        raise FontNotFoundError(
            f"无法读取字体文件 {font.path}：它不是可用的 TrueType 字体（.ttf/.ttc），"
            "可能已损坏；请改用宋体 simsun.ttc 或文泉驿正黑 wqy-zenhei.ttc"
        ) from None
    glyphs = loaded.face.charToGlyph
    if all(ord(char) in glyphs for char in _PROBE_TEXT):
        _LOADED[font] = loaded
        return True
    if strict:
        raise FontNotFoundError(f"字体 {font.path} 不含中文字形，请指定中文 TrueType 字体")
    return False


_LOADED: dict[CjkFont, TTFont] = {}


def _load(font: CjkFont) -> TTFont:
    if font in _LOADED:
        return _LOADED[font]
    return TTFont(font.name, str(font.path), subfontIndex=font.subfont_index)
