"""What an export can be told: letterhead text, font names, plan layout, seal layout.

Plain values; the CLI and GUI fill them from the database and the user's choices, the writer
reads them. Anything left ``None`` falls back to the template's own settings.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field


class PlanLayout(enum.StrEnum):
    """How the activities of a notice appear in its 活动方案 attachment."""

    PARAGRAPHS = "paragraphs"  # （一）标题。正文…  then 完成时限：/牵头部门：/配合部门： lines
    TABLE = "table"  # 序号 | 活动内容 | 完成时限 | 牵头部门 | 配合部门, header row repeated


class SignatureLayout(enum.StrEnum):
    """Where 署名 and 成文日期 go (GB/T 9704 7.3.5)."""

    SEALED = "sealed"  # 加盖印章: date 右空四字, 署名 centred above it
    UNSEALED = "unsealed"  # 不加盖印章: 署名 右空二字, date starts two characters further right
    NONE = "none"  # 纪要: neither 署名 nor 成文日期 at the end of the body


@dataclass(frozen=True)
class FontSet:
    """The font names a template uses, by role. ``ascii`` None means: same as the CJK font.

    Offices differ: 仿宋_GB2312 / 楷体_GB2312 / 方正小标宋简体 or 仿宋 / 楷体 / 华文中宋.
    """

    body: str = "仿宋_GB2312"
    heading1: str = "黑体"
    heading2: str = "楷体_GB2312"
    title: str = "方正小标宋简体"
    page_number: str = "宋体"
    ascii: str | None = None

    def for_role(self, key: str) -> str:
        """The font for a role key: body, heading1, heading2, title or page_number."""
        return str(getattr(self, key))


# Fonts every Windows PC has; a template built with these needs no font installation.
WINDOWS_FONTS = FontSet(body="仿宋", heading2="楷体", title="华文中宋")


@dataclass(frozen=True)
class Letterhead:
    """The red header's text: ``header_text`` is the organ's 发文机关标志 (…办公室文件)."""

    header_text: str = ""
    organ_name: str = ""


@dataclass(frozen=True)
class ExportOptions:
    """Choices for one export. ``None`` means: use the template's setting."""

    template: str | None = None  # template name (file stem) or a path to a .docx
    letterhead: Letterhead = field(default_factory=Letterhead)
    plan_layout: PlanLayout | None = None
    signature: SignatureLayout | None = None
    fonts: FontSet | None = None  # overrides the template's fonts when given
