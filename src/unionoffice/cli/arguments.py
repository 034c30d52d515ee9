"""Argument types shared by the commands: numbers a clerk types, checked before any work."""

from __future__ import annotations

import argparse

# SQLite and PostgreSQL keep ids in 64-bit integers.
MAX_ID = 2**63 - 1


def _whole_number(text: str, what: str) -> int:
    cleaned = text.strip()
    if not cleaned.lstrip("-").isdigit() or len(cleaned) > 25:
        raise argparse.ArgumentTypeError(f"{what}“{text[:30]}”应为整数")
    return int(cleaned)


def notice_id(text: str) -> int:
    """公文编号 as ``list`` shows it. Zero or negative is left to the services (没有编号为 0
    的公文); a number no database can hold is refused here."""
    value = _whole_number(text, "公文编号")
    if abs(value) > MAX_ID:
        raise argparse.ArgumentTypeError(
            f"公文编号 {text.strip()[:30]} 无效：应为 list 第一列的编号"
        )
    return value


def version(text: str) -> int:
    """A notice's version as ``history`` lists it; one it never had is the services' check."""
    value = _whole_number(text, "版本")
    if abs(value) > MAX_ID:
        raise argparse.ArgumentTypeError(f"版本 {text.strip()[:30]} 无效：应为 history 第一列")
    return value


def year(text: str) -> int:
    """A whole number; whether it is a year a 文号 may carry is the services' check
    (validate_year), which answers in Chinese with exit status 1."""
    value = _whole_number(text, "年份")
    if abs(value) > MAX_ID:
        raise argparse.ArgumentTypeError(f"年份 {text.strip()[:30]} 无效：应为四位年份")
    return value
