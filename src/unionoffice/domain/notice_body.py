"""A notice's body and fields made ready to print: headings unfolded, heading sentences found,
empty fields filled from the organ, and what the clerk must still be told.

The Word export, the page preview and the body editor use these, so a notice prints as the
editor shows it.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from dataclasses import dataclass

from unionoffice.domain.headings import split_heading
from unionoffice.domain.notice import Block, BlockKind, NoticeData

# A 成文日期 not yet filled in: room to write it by hand, as on paper forms. The preview
# marks it; the export writes it and warns.
DATE_PLACEHOLDER = "\u3000\u3000年\u3000月\u3000日"
_LINE_BREAKS = re.compile(r"[\n\r\v\u2028\u2029]+")
_SENTENCE_END = "。！？!?"


def unfold_blocks(blocks: Sequence[Block]) -> list[Block]:
    """Blocks with headings folded into them by line breaks made blocks of their own.

    "（一）…\\n1.明确责任分工。…\\n（1）建立台账。…" in one block (as text extracted from Word
    comes) becomes the 二级 heading, a 三级 and a 四级 heading. A block whose later lines are
    not headings keeps its line breaks.
    """
    result: list[Block] = []
    for block in blocks:
        pieces = [p.strip() for p in _LINE_BREAKS.split(block.text) if p.strip()]
        if len(pieces) < 2 or block.kind is BlockKind.ATTACHMENT:
            result.append(block)
            continue
        headings = [split_heading(piece) for piece in pieces[1:]]
        if not any(headings):
            result.append(block)
            continue
        result.append(dataclasses.replace(block, text=pieces[0]))
        for piece, heading in zip(pieces[1:], headings, strict=True):
            if heading is not None:
                result.append(Block.heading(heading[0], heading[2]))
            else:
                result.append(Block.paragraph(piece))
    return result


def split_heading_sentence(text: str) -> tuple[str, str]:
    """(the heading sentence with its full stop, the text after it).

    "高度重视，精心组织。各级工会要…" → ("高度重视，精心组织。", "各级工会要…"); a heading
    without a full stop is all heading sentence.
    """
    text = text.strip()
    for index, char in enumerate(text):
        if char in _SENTENCE_END:
            return text[: index + 1], text[index + 1 :].lstrip()
    return text, ""


@dataclass(frozen=True)
class OrganDefaults:
    """What an organ puts where a notice leaves a field empty."""

    name: str = ""  # 署名
    distributor: str = ""  # 印发机关 (else the name)


def with_organ_defaults(notice: NoticeData, defaults: OrganDefaults) -> NoticeData:
    """A copy whose empty 署名 and 印发机关 are the organ's (imported notices have neither)."""
    name = defaults.name.strip() or (notice.organ or "").strip()
    distributor = defaults.distributor.strip() or name
    return dataclasses.replace(
        notice,
        signature=notice.signature.strip() or name,
        distributor=notice.distributor.strip() or distributor,
    )


def missing_field_warnings(notice: NoticeData) -> list[str]:
    """What the clerk must fill in before the notice goes out, in a clerk's words."""
    warnings = []
    if notice.date is None:
        warnings.append("未填成文日期：文件中的成文日期留作“　　年　月　日”，请填写后再印发")
        if notice.distribution_date is None and notice.distributor.strip():
            warnings.append("未填印发日期：版记中的印发日期同样留空")
    if not notice.signature.strip():
        warnings.append("未填署名，发文机关也未设置：文件中没有署名")
    return warnings
