"""What an export can be told: letterhead text, font names, plan layout, seal layout.

Plain values; the CLI and GUI fill them from the database and the user's choices, the writer
reads them. Anything left ``None`` falls back to the template's own settings.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# Chosen by a template or the clerk; the layout they steer lives in the domain.
from unionoffice.domain.activity_plan import PlanLayout
from unionoffice.domain.notice_layout import SignatureLayout

__all__ = [
    "WINDOWS_FONTS",
    "ExportOptions",
    "FontSet",
    "Letterhead",
    "PlanLayout",
    "SignatureLayout",
]


@dataclass(frozen=True)
class FontSet:
    """The font names a template uses, by role, and the font of digits and Latin letters.

    Offices differ: 仿宋_GB2312 / 楷体_GB2312 / 方正小标宋简体 or 仿宋 / 楷体 / 华文中宋. Digits
    are Times New Roman, as style guides ask: half a 字 wide like the GB fonts' own, and
    every PC has it (LibreOffice its metric twin), so lines break alike everywhere.
    ``ascii`` None means: the CJK font's own Latin letters.
    """

    body: str = "仿宋_GB2312"
    heading1: str = "黑体"
    heading2: str = "楷体_GB2312"
    title: str = "方正小标宋简体"
    page_number: str = "宋体"
    ascii: str | None = "Times New Roman"

    def for_role(self, key: str) -> str:
        """The font for a role key: body, heading1, heading2, title or page_number."""
        return str(getattr(self, key))


# Fonts every Windows PC has; a template built with these needs no font installation.
WINDOWS_FONTS = FontSet(body="仿宋", heading2="楷体", title="华文中宋")


@dataclass(frozen=True)
class Letterhead:
    """The organ's red header and defaults: ``header_text`` is its 发文机关标志 (…办公室文件),
    ``organ_name`` the 署名 and ``distributor`` the 印发机关 of notices that leave them empty."""

    header_text: str = ""
    organ_name: str = ""
    distributor: str = ""


@dataclass(frozen=True)
class ExportOptions:
    """Choices for one export. ``None`` means: use the template's setting."""

    template: str | None = None  # template name (file stem) or a path to a .docx
    letterhead: Letterhead = field(default_factory=Letterhead)
    plan_layout: PlanLayout | None = None
    signature: SignatureLayout | None = None
    fonts: FontSet | None = None  # overrides the template's fonts when given
