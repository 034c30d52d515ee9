"""份号, 密级和保密期限, 紧急程度 and 签发人 read from the head of an imported notice.

Lines such as "000123", "秘密★1年", "特急" and "签发人：张三 李四" (often on the 文号's own
line, or in a table cell beside it) become the notice's fields instead of being dropped.
"""

from __future__ import annotations

import re

_COPY_NUMBER = re.compile(r"^(?:份号[：:]?\s*)?(?P<value>\d{6})$")
_SECRECY = re.compile(
    r"^(?:密级[：:]?\s*)?(?P<level>秘密|机密|绝密)\s*(?:[★☆*]\s*(?P<term>.{1,10}))?$"
)
_URGENCY = re.compile(r"^(?:紧急程度[：:]?\s*)?(?P<value>特急|加急|平急|特提)$")
_ISSUER = re.compile(r"签\s*发\s*人\s*[：:]\s*(?P<names>.*)$")


def split_issuer(text: str) -> tuple[str, str]:
    """(the text before 签发人, the names after it); ("text", "") when there is no 签发人."""
    match = _ISSUER.search(text)
    if match is None:
        return text, ""
    names = " ".join(match["names"].replace("、", " ").replace("，", " ").split())
    return text[: match.start()].strip(), names


def mark_fields(text: str) -> dict[str, str]:
    """The marks one whole line of the head states, by NoticeData field; {} for none."""
    compact = text.strip()
    if match := _COPY_NUMBER.match(compact):
        return {"copy_number": match["value"]}
    if match := _SECRECY.match(compact):
        return {"secrecy": match["level"], "secrecy_term": (match["term"] or "").strip()}
    if match := _URGENCY.match(compact):
        return {"urgency": match["value"]}
    return {}
