"""Keeping notice_search_texts (one joined text per notice) and its two indexes current.

Triggers note every notice whose texts change in notice_search_stale (migration 0007); just
before a write transaction commits, ``refresh_stale`` rebuilds those notices' texts once each.
A notice of ten thousand activities is thus joined once, not ten thousand times. SQLite only:
PostgreSQL searches its tables directly.

Since migration 0015 the joined texts are what search looks words up in:
- notice_search_index, an FTS5 trigram table over them (words of three or more characters),
  kept by SQL triggers on notice_search_texts;
- notice_search_pairs, an FTS5 table of the pairs of neighbouring characters each text holds
  (words of one or two characters: a pair is one term, a character the prefix of its pairs).
  The pairs are made here in Python, so it is kept here: a deleted text leaves its row in
  notice_search_gone (a trigger) so that its pairs can be taken out again.
"""

from __future__ import annotations

import re

from sqlalchemy import Connection

# The texts in the order migration 0008 rebuilt them: title, 主送机关, folder, body blocks,
# activities (title, text, 完成时限, 责任领导, 地点, 参加对象, 责任人), then 牵头/配合 departments.
_JOINED_TEXTS_SQL = """
SELECT n.id,
       n.title || char(10) || n.recipients || char(10) || coalesce(n.folder, '')
       || char(10) || coalesce(
           (SELECT group_concat(b.text, char(10)) FROM body_blocks b
             WHERE b.notice_id = n.id), '')
       || char(10) || coalesce(
           (SELECT group_concat(a.title || char(10) || a.text || char(10) || a.deadline
                                || char(10) || coalesce(a.leader, '')
                                || char(10) || coalesce(a.place, '')
                                || char(10) || coalesce(a.participants, '')
                                || char(10) || coalesce(a.responsible_person, ''), char(10))
              FROM activities a WHERE a.notice_id = n.id), '')
       || char(10) || coalesce(
           (SELECT group_concat(d.name, char(10))
              FROM activity_departments d JOIN activities a ON a.id = d.activity_id
             WHERE a.notice_id = n.id), '')
  FROM notices n
 WHERE n.id IN (SELECT notice_id FROM notice_search_stale)
"""

PAIRS_TABLE = "notice_search_pairs"
# Characters the pairs hold as themselves: ASCII letters and digits, and the CJK ideographs
# of Unicode 1.1 and Extension A, which SQLite's unicode61 tokenizer (whatever its Unicode
# version) takes as one character of a term. Anything else is a gap ("_"). A word is looked up
# in the pairs only when all its characters are of these; any other is read from the texts.
_PAIR_CHAR = "0-9A-Za-z\u3400-\u4db5\u4e00-\u9fa5"
_GAPS = re.compile(f"[^{_PAIR_CHAR}]+")
_PAIR_WORD = re.compile(f"[{_PAIR_CHAR}]{{1,2}}")
_PAIR = re.compile(f"(?=([{_PAIR_CHAR}][{_PAIR_CHAR}_]))")  # at each character, overlapping


def pairs_of(text: str) -> str:
    """The pairs of neighbouring characters of ``text``, space-separated, as
    notice_search_pairs indexes them. A character before a gap or the end pairs with "_", so
    that every character begins a pair. (A pair may come more than once: the index keeps
    which notices hold a term, not how often.) Changing this needs a migration that rebuilds
    the table (0015 made it)."""
    folded = _GAPS.sub("_", text).lower() + "_"  # LIKE folds ASCII case; the pairs do too
    return " ".join(_PAIR.findall(folded))


def pairs_query(word: str) -> str | None:
    """The FTS5 query of notice_search_pairs that finds exactly the texts holding ``word``
    (ASCII case folded), or None when the pairs cannot tell (a longer word, or a character
    the pairs keep as a gap)."""
    if not _PAIR_WORD.fullmatch(word):
        return None
    word = word.lower()
    return f'"{word}"' if len(word) == 2 else f'"{word}"*'


def has_stale_table(connection: Connection) -> bool:
    """Whether this database notes stale search texts (SQLite at migration 0007 or later)."""
    if connection.dialect.name != "sqlite":
        return False
    found = connection.exec_driver_sql(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'notice_search_stale'"
    ).first()
    return found is not None


def refresh_stale(connection: Connection) -> None:
    """Rebuild the joined texts of the notices changed in this transaction, and their pairs.

    Straight through SQLite's driver: this runs at every commit, an import's thousand among
    them, where SQLAlchemy's handling of each small statement cost more than SQLite's work.
    """
    cursor = connection.connection.driver_connection.cursor()  # type: ignore[union-attr]
    try:
        pairs = cursor.execute(_HAS_PAIRS_SQL).fetchone() is not None
        stale = cursor.execute("SELECT 1 FROM notice_search_stale LIMIT 1").fetchone()
        if stale is not None:
            # Deleted and inserted, not replaced: the triggers of 0015 see the old text go.
            cursor.execute(f"DELETE FROM notice_search_texts WHERE notice_id IN ({_STALE})")
        if pairs:
            gone = cursor.execute("SELECT notice_id, text FROM notice_search_gone").fetchall()
            if gone:
                cursor.executemany(
                    f"INSERT INTO {PAIRS_TABLE} ({PAIRS_TABLE}, rowid, text)"
                    " VALUES ('delete', ?, ?)",
                    [(notice_id, pairs_of(text)) for notice_id, text in gone],
                )
                cursor.execute("DELETE FROM notice_search_gone")
        if stale is None:
            return
        fresh = cursor.execute(_JOINED_TEXTS_SQL).fetchall()
        cursor.executemany("INSERT INTO notice_search_texts (notice_id, text) VALUES (?, ?)", fresh)
        if pairs:
            cursor.executemany(
                f"INSERT INTO {PAIRS_TABLE} (rowid, text) VALUES (?, ?)",
                [(notice_id, pairs_of(text)) for notice_id, text in fresh],
            )
        cursor.execute("DELETE FROM notice_search_stale")
    finally:
        cursor.close()


_STALE = "SELECT notice_id FROM notice_search_stale"
# Whether the database has notice_search_pairs (migration 0015). Asked at each commit, as a
# connection may have been opened before the migration (a catalogue look-up, microseconds).
_HAS_PAIRS_SQL = f"SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '{PAIRS_TABLE}'"


def fill_pairs(connection: Connection) -> None:
    """Index every joined text's pairs (a new notice_search_pairs, migration 0015)."""
    cursor = connection.connection.driver_connection.cursor()  # type: ignore[union-attr]
    try:
        rows = cursor.execute("SELECT notice_id, text FROM notice_search_texts")
        while batch := rows.fetchmany(500):
            connection.connection.driver_connection.executemany(  # type: ignore[union-attr]
                f"INSERT INTO {PAIRS_TABLE} (rowid, text) VALUES (?, ?)",
                [(notice_id, pairs_of(text)) for notice_id, text in batch],
            )
    finally:
        cursor.close()
