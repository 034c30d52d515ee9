"""Search as you type: the tree's search service, one keystroke at a time, over the archive.

The floor runs the same SQL on the same indexes (migration 0015: trigrams of the joined texts
for words of three or more characters, their pairs of characters for shorter ones) through a
bare sqlite3 connection: what is left of the ratio is our layer (SQLAlchemy, sessions, sets).
"""

from __future__ import annotations

import sqlite3
import statistics
from pathlib import Path

from bench.results import Result, Target, interleaved_ms
from unionoffice.storage.database import Database
from unionoffice.storage.services.search import TRIGRAM, NoticeSearch, indexed_notices_holding

# What a clerk types, a keystroke (or an IME commit of one character) at a time.
TYPED = ["职工书屋建设", "劳动和技能竞赛", "省总宣教部", "金秋助学 格尔木", "康复医院体检"]


def keystrokes() -> list[str]:
    """Every prefix of every typed text (the search box's text after each keystroke)."""
    return [text[:end] for text in TYPED for end in range(1, len(text) + 1) if text[end - 1] != " "]


def raw_matching_ids(connection: sqlite3.Connection, text: str) -> set[int]:
    """The floor: the same statements, through a bare sqlite3 cursor (no engine, no session)."""
    result: set[int] | None = None
    cursor = connection.cursor()
    for word in sorted(text.split(), key=len, reverse=True):
        ids = indexed_notices_holding(cursor, word)
        result = ids if result is None else result & ids
        if not result:
            break
    deleted = connection.execute("SELECT id FROM notices WHERE deleted_at IS NOT NULL")
    return (result or set()) - {row[0] for row in deleted}


def measure(db_path: Path, runs: int) -> list[Result]:
    db = Database(db_path)
    search = NoticeSearch(db)
    connection = sqlite3.connect(db_path)
    per_key: dict[str, tuple[list[float], list[float]]] = {}
    try:
        for text in keystrokes():
            if search.matching_ids(text) != raw_matching_ids(connection, text):
                raise AssertionError(f"service and floor disagree on {text!r}")
            per_key[text] = interleaved_ms(
                lambda t=text: search.matching_ids(t),
                lambda t=text: raw_matching_ids(connection, t),
                runs,
            )
    finally:
        connection.close()
        db.dispose()
    medians = {text: statistics.median(times) for text, (times, _) in per_key.items()}
    worst = max(medians, key=medians.__getitem__)
    samples = [t for times, _ in per_key.values() for t in times]
    floors = [t for _, times in per_key.values() for t in times]
    long_words = [k for k in per_key if min(len(w) for w in k.split()) >= TRIGRAM]
    return [
        Result(
            "search_keystroke",
            "Search as you type, per keystroke (service)",
            "ms",
            samples,
            "same SQL, raw sqlite3",
            floors,
            Target(limit=50, ratio=3),
            note=(
                f"{len(per_key)} keystrokes of {len(TYPED)} searches; slowest keystroke "
                f"“{worst}” {medians[worst]:.1f} ms"
            ),
        ),
        Result(
            "search_keystroke_indexed",
            "… keystrokes whose words all have ≥ 3 characters (FTS5 trigram)",
            "ms",
            [t for k in long_words for t in per_key[k][0]],
            "raw FTS5 query",
            [t for k in long_words for t in per_key[k][1]],
            Target(limit=50, ratio=3),
        ),
    ]
