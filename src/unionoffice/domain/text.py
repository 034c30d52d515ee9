"""Small text normalisations shared by the parsers."""

from __future__ import annotations

import re
import unicodedata

from unionoffice.domain.chinese_numerals import FULLWIDTH_TO_ASCII

# Dashes clerks and text extractors use for a range: 4—7月份, 4-7月, 4–7月, 4~7月, 4～7月.
RANGE_DASHES = "-‐‑‒–—―－~～〜"
_DASH_RE = re.compile(f"[{re.escape(RANGE_DASHES)}]+")
_SPACE_RE = re.compile(r"[\s\u3000\u00a0]+")


def collapse_spaces(text: str) -> str:
    """Remove all whitespace, including ideographic and non-breaking spaces.

    Chinese text needs none; extracted PDFs and hand-typed text carry stray spaces.
    """
    return _SPACE_RE.sub("", text)


def normalize_range_dashes(text: str) -> str:
    """Turn every kind of range dash into one ASCII hyphen."""
    return _DASH_RE.sub("-", text)


def to_ascii_digits(text: str) -> str:
    """Full-width digits and Latin letters to ASCII."""
    return text.translate(FULLWIDTH_TO_ASCII)


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)
