"""How a search text's words relate, for searching as the clerk types."""

from __future__ import annotations


def narrows(before: str, text: str) -> bool:
    """Whether every notice ``text`` finds is one ``before`` found: each word of ``before`` is
    part of a word of ``text`` (the clerk typed on, or added a word). Every way of searching
    finds a word as a part of a text, so a notice holding the longer word holds the shorter."""
    words = text.split()
    return bool(words) and all(any(old in new for new in words) for old in before.split())
