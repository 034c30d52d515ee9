"""The GB/T 9704-2012 page in numbers: the one specification every part of the program reads.

The template builder and the Word writer turn these into twips, the page preview into pixels,
and the layout (``page_layout``, ``notice_layout``) into millimetres on the text block, so the
preview cannot drift from the file. Sizes are what the standard gives (../shared/guides/
gbt9704.md); the few it leaves open (the title's line pitch, table text) are the office
practice the shipped templates follow.
"""

from __future__ import annotations

from dataclasses import dataclass

MM_PER_PT = 25.4 / 72
TWIPS_PER_PT = 20


def mm_to_twips(mm: float) -> int:
    """Millimetres as twentieths of a point, Word's unit for page and paragraph geometry."""
    return round(mm / MM_PER_PT * TWIPS_PER_PT)


def pt_to_twips(pt: float) -> int:
    return round(pt * TWIPS_PER_PT)


@dataclass(frozen=True)
class PageSpec:
    """A4 with the 版心 of GB/T 9704: margins, the 22 × 28 grid, the sizes of each element."""

    paper_width_mm: float = 210.0
    paper_height_mm: float = 297.0
    top_margin_mm: float = 37.0  # 天头
    bottom_margin_mm: float = 35.0
    left_margin_mm: float = 28.0  # 订口
    right_margin_mm: float = 26.0
    lines_per_page: int = 22
    chars_per_line: int = 28
    # one 3号 character + 7/8 of it; 22 of them fill the 225 mm text block
    line_pitch_pt: float = 28.95
    body_size_pt: float = 16.0  # 3号
    # 28 characters of 16 pt do not fit 156 mm (442.2 pt); condensing each by 0.25 pt does
    body_char_spacing_pt: float = -0.25
    title_size_pt: float = 22.0  # 2号
    # The title's own pitch, off the body grid, so every program sets its lines alike.
    title_pitch_pt: float = 33.0
    letterhead_size_pt: float = 52.0
    letterhead_pitch_pt: float = 62.0
    # puts the 标志's glyphs 35 mm below the top of the text block (its exact line, off the
    # grid, sets them 0.3 mm below its top)
    letterhead_space_mm: float = 34.7
    red_rule_gap_pt: float = 8.0  # 文号 to the red rule, 4 mm from the 文号's baseline area
    red_rule_pt: float = 2.25
    imprint_size_pt: float = 14.0  # 4号
    imprint_outer_rule_mm: float = 0.35
    imprint_inner_rule_mm: float = 0.25
    page_number_size_pt: float = 14.0  # 4号
    page_number_below_mm: float = 7.0  # below the text block
    header_distance_mm: float = 15.0
    # the page number's line starts 7 mm below the text block (35 - 7 - one 4号 line)
    footer_distance_mm: float = 22.0
    letter_letterhead_top_mm: float = 30.0  # 信函式: 标志 30 mm from the top edge
    letter_bottom_rule_mm: float = 20.0  # 信函式: the lower double rule above the bottom edge
    letter_rule_length_mm: float = 170.0  # 信函式: both double rules
    table_size_pt: float = 12.0  # 小四, the activity plan's table
    table_pitch_pt: float = 18.0
    table_padding_x_mm: float = 1.9  # Word's default cell margin
    table_padding_y_pt: float = 3.0
    table_rule_pt: float = 0.5

    @property
    def text_width_mm(self) -> float:
        return self.paper_width_mm - self.left_margin_mm - self.right_margin_mm

    @property
    def text_height_mm(self) -> float:
        return self.paper_height_mm - self.top_margin_mm - self.bottom_margin_mm

    @property
    def line_pitch_mm(self) -> float:
        return self.line_pitch_pt * MM_PER_PT

    @property
    def body_char_mm(self) -> float:
        """One 字 of body text on the 28-字 grid."""
        return self.text_width_mm / self.chars_per_line

    @property
    def title_chars_per_line(self) -> int:
        """2号 characters across the text block (20)."""
        return int(self.text_width_mm / (self.title_size_pt * MM_PER_PT))


GBT9704 = PageSpec()
