"""activities as events: 地点, 参加对象, 责任人 and the times of day of their period

Revision ID: 0009
Revises: 0008

An activity may be an event ("时间：3月8日上午9时30分" "地点：工人文化宫二楼" "参加人员：…"): it
gains place, participants and responsible_person (the 责任人, a person beside the 责任领导),
and start_time / end_time, the times of day its 时间 text gives, derived from that text as
start_date and end_date are (TIME on both backends). Rows written before keep NULL times and
empty texts; their 完成时限 named no time the program read then, and it reads them again at
the next save.

On SQLite the searched texts follow: the FTS5 trigram table of activities (0002) is made again
with the three new columns, the triggers that mark a notice's joined search text stale (0007)
also fire for them, and every notice's joined text is rebuilt with them, so a clerk searching
"工人文化宫" finds the notice. PostgreSQL searches the columns directly.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_NEW_TEXT_COLUMNS = ("place", "participants", "responsible_person")
_FTS_BEFORE = ("title", "text", "deadline", "leader")
_FTS_AFTER = (*_FTS_BEFORE, *_NEW_TEXT_COLUMNS)
_STALE_BEFORE = "title, text, deadline, leader, notice_id"
_STALE_AFTER = "title, text, deadline, leader, place, participants, responsible_person, notice_id"


def _activities_fts(columns: tuple[str, ...]) -> None:
    """(Re)create activities_fts over ``columns`` with 0002's triggers, and fill it."""
    for suffix in ("ai", "ad", "au"):
        op.execute(f"DROP TRIGGER IF EXISTS activities_fts_{suffix}")
    op.execute("DROP TABLE IF EXISTS activities_fts")
    names = ", ".join(columns)
    new_values = ", ".join(f"new.{c}" for c in columns)
    old_values = ", ".join(f"old.{c}" for c in columns)
    op.execute(
        f"CREATE VIRTUAL TABLE activities_fts USING fts5({names}, content='activities', "
        "content_rowid='id', tokenize='trigram')"
    )
    insert = f"INSERT INTO activities_fts(rowid, {names}) VALUES (new.id, {new_values});"
    delete = (
        f"INSERT INTO activities_fts(activities_fts, rowid, {names}) "
        f"VALUES ('delete', old.id, {old_values});"
    )
    op.execute(f"CREATE TRIGGER activities_fts_ai AFTER INSERT ON activities BEGIN {insert} END")
    op.execute(f"CREATE TRIGGER activities_fts_ad AFTER DELETE ON activities BEGIN {delete} END")
    op.execute(
        f"CREATE TRIGGER activities_fts_au AFTER UPDATE OF {names} ON activities "
        f"BEGIN {delete} {insert} END"
    )
    op.execute("INSERT INTO activities_fts(activities_fts) VALUES ('rebuild')")


def _stale_trigger(columns: str) -> None:
    """0007's trigger that notes a notice whose activity texts changed, for ``columns``."""
    mark = (
        "INSERT OR IGNORE INTO notice_search_stale (notice_id) VALUES (old.notice_id); "
        "INSERT OR IGNORE INTO notice_search_stale (notice_id) VALUES (new.notice_id);"
    )
    op.execute("DROP TRIGGER IF EXISTS notice_search_texts_activity_au")
    op.execute(
        f"CREATE TRIGGER notice_search_texts_activity_au AFTER UPDATE OF {columns} "
        f"ON activities BEGIN {mark} END"
    )


def _activity_texts(*, events: bool) -> str:
    """One activity's part of a notice's joined search text (see storage/search_texts.py)."""
    texts = "a.title || char(10) || a.text || char(10) || a.deadline || char(10) || "
    texts += "coalesce(a.leader, '')"
    if events:
        texts += (
            " || char(10) || coalesce(a.place, '') || char(10) || coalesce(a.participants, '')"
            " || char(10) || coalesce(a.responsible_person, '')"
        )
    return texts


def _rebuild_search_texts(*, events: bool) -> None:
    """Every notice's joined text again, as storage/search_texts.py builds it at commit."""
    op.execute("DELETE FROM notice_search_texts")
    op.execute(
        "INSERT INTO notice_search_texts (notice_id, text) "
        "SELECT n.id, n.title || char(10) || n.recipients || char(10) || coalesce(n.folder, '')"
        " || char(10) || coalesce((SELECT group_concat(b.text, char(10)) FROM body_blocks b"
        " WHERE b.notice_id = n.id), '')"
        f" || char(10) || coalesce((SELECT group_concat({_activity_texts(events=events)},"
        " char(10)) FROM activities a WHERE a.notice_id = n.id), '')"
        " || char(10) || coalesce((SELECT group_concat(d.name, char(10))"
        " FROM activity_departments d JOIN activities a ON a.id = d.activity_id"
        " WHERE a.notice_id = n.id), '')"
        " FROM notices n"
    )
    op.execute("DELETE FROM notice_search_stale")


def upgrade() -> None:
    # Plain ADD COLUMN on both backends: a batch copy of the table would lose its triggers.
    op.add_column("activities", sa.Column("place", sa.Text(), nullable=False, server_default=""))
    op.add_column(
        "activities", sa.Column("participants", sa.Text(), nullable=False, server_default="")
    )
    op.add_column("activities", sa.Column("responsible_person", sa.String(100), nullable=True))
    op.add_column("activities", sa.Column("start_time", sa.Time(), nullable=True))
    op.add_column("activities", sa.Column("end_time", sa.Time(), nullable=True))
    if op.get_bind().dialect.name != "sqlite":
        return
    _activities_fts(_FTS_AFTER)
    _stale_trigger(_STALE_AFTER)
    _rebuild_search_texts(events=True)


def downgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    if sqlite:  # nothing may refer to the columns when SQLite drops them
        _activities_fts(_FTS_BEFORE)
        _stale_trigger(_STALE_BEFORE)
    for name in ("end_time", "start_time", *reversed(_NEW_TEXT_COLUMNS)):
        if sqlite:
            op.execute(f"ALTER TABLE activities DROP COLUMN {name}")
        else:
            op.drop_column("activities", name)
    if sqlite:
        _rebuild_search_texts(events=False)
