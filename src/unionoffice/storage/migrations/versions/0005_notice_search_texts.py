"""notice_search_texts: every searched text of a notice in one row, for one- and two-character words

Revision ID: 0005
Revises: 0004

The trigram tables of 0002 cannot find a word shorter than three characters, and reading
every body block and activity for such a word (most keystrokes start with one) took over
100 ms on ten years of notices. This table holds, per notice, its title, 主送机关, folder,
body and activity texts joined by line breaks (a searched word never holds one, so no match
spans two fields), kept by triggers; a short word is then one scan of 10,000 rows that stops
at the first hit in each. SQLite only, like 0002: PostgreSQL keeps its LIKE search.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The texts services/search.py reads for a short word; the same columns as its LIKE scan.
_NOTICE_TEXT = """
    SELECT n.id,
           n.title || char(10) || n.recipients || char(10) || coalesce(n.folder, '')
           || char(10) || coalesce(
               (SELECT group_concat(b.text, char(10)) FROM body_blocks b
                 WHERE b.notice_id = n.id), '')
           || char(10) || coalesce(
               (SELECT group_concat(a.title || char(10) || a.text || char(10) || a.deadline
                                    || char(10) || coalesce(a.leader, ''), char(10))
                  FROM activities a WHERE a.notice_id = n.id), '')
      FROM notices n
"""


def _refresh(notice_id: str) -> str:
    return (
        "INSERT OR REPLACE INTO notice_search_texts (notice_id, text) "
        f"{_NOTICE_TEXT} WHERE n.id = {notice_id};"
    )


# (trigger name, event, table, statements)
TRIGGERS = [
    ("notice_search_texts_notice_ai", "AFTER INSERT ON notices", _refresh("new.id")),
    (
        "notice_search_texts_notice_au",
        "AFTER UPDATE OF title, recipients, folder ON notices",
        _refresh("new.id"),
    ),
    (
        "notice_search_texts_notice_ad",
        "AFTER DELETE ON notices",
        "DELETE FROM notice_search_texts WHERE notice_id = old.id;",
    ),
    ("notice_search_texts_body_ai", "AFTER INSERT ON body_blocks", _refresh("new.notice_id")),
    ("notice_search_texts_body_ad", "AFTER DELETE ON body_blocks", _refresh("old.notice_id")),
    (
        "notice_search_texts_body_au",
        "AFTER UPDATE OF text, notice_id ON body_blocks",
        _refresh("old.notice_id") + " " + _refresh("new.notice_id"),
    ),
    ("notice_search_texts_activity_ai", "AFTER INSERT ON activities", _refresh("new.notice_id")),
    ("notice_search_texts_activity_ad", "AFTER DELETE ON activities", _refresh("old.notice_id")),
    (
        "notice_search_texts_activity_au",
        "AFTER UPDATE OF title, text, deadline, leader, notice_id ON activities",
        _refresh("old.notice_id") + " " + _refresh("new.notice_id"),
    ),
]


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    op.execute(
        "CREATE TABLE notice_search_texts ("
        " notice_id INTEGER NOT NULL PRIMARY KEY REFERENCES notices (id) ON DELETE CASCADE,"
        " text TEXT NOT NULL)"
    )
    for name, event, statements in TRIGGERS:
        op.execute(f"CREATE TRIGGER {name} {event} BEGIN {statements} END")
    op.execute(f"INSERT INTO notice_search_texts (notice_id, text) {_NOTICE_TEXT}")


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for name, _event, _statements in TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.execute("DROP TABLE notice_search_texts")
