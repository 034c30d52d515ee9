"""notice_search_texts also holds the notice's 牵头 and 配合 department names

Revision ID: 0006
Revises: 0005

A short word was found in notice_search_texts and then, apart, in the department names of
every activity: two more statements that were half of a one-character keystroke on ten years
of notices. The joined text now ends with the notice's department names, kept by three more
triggers on activity_departments, so one scan finds everything a short word can match in a
notice. SQLite only, like 0005.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_TEXTS = """
    n.title || char(10) || n.recipients || char(10) || coalesce(n.folder, '')
    || char(10) || coalesce(
        (SELECT group_concat(b.text, char(10)) FROM body_blocks b
          WHERE b.notice_id = n.id), '')
    || char(10) || coalesce(
        (SELECT group_concat(a.title || char(10) || a.text || char(10) || a.deadline
                             || char(10) || coalesce(a.leader, ''), char(10))
           FROM activities a WHERE a.notice_id = n.id), '')
"""
_DEPARTMENTS = """
    || char(10) || coalesce(
        (SELECT group_concat(d.name, char(10))
           FROM activity_departments d JOIN activities a ON a.id = d.activity_id
          WHERE a.notice_id = n.id), '')
"""


def _notice_text(*, departments: bool) -> str:
    """SELECT notice id, joined texts FROM notices n (0005's texts, then the departments)."""
    return f"SELECT n.id, {_TEXTS} {_DEPARTMENTS if departments else ''} FROM notices n"


def _refresh(notice_id: str, *, departments: bool) -> str:
    return (
        "INSERT OR REPLACE INTO notice_search_texts (notice_id, text) "
        f"{_notice_text(departments=departments)} WHERE n.id = {notice_id};"
    )


def _notice_of(activity_id: str) -> str:
    return f"(SELECT notice_id FROM activities WHERE id = {activity_id})"


def _triggers(*, departments: bool) -> list[tuple[str, str, str]]:
    """(name, event, statements) of every trigger that rewrites a notice's joined text."""

    def refresh(notice_id: str) -> str:
        return _refresh(notice_id, departments=departments)

    triggers = [
        ("notice_search_texts_notice_ai", "AFTER INSERT ON notices", refresh("new.id")),
        (
            "notice_search_texts_notice_au",
            "AFTER UPDATE OF title, recipients, folder ON notices",
            refresh("new.id"),
        ),
        ("notice_search_texts_body_ai", "AFTER INSERT ON body_blocks", refresh("new.notice_id")),
        ("notice_search_texts_body_ad", "AFTER DELETE ON body_blocks", refresh("old.notice_id")),
        (
            "notice_search_texts_body_au",
            "AFTER UPDATE OF text, notice_id ON body_blocks",
            refresh("old.notice_id") + " " + refresh("new.notice_id"),
        ),
        (
            "notice_search_texts_activity_ai",
            "AFTER INSERT ON activities",
            refresh("new.notice_id"),
        ),
        (
            "notice_search_texts_activity_ad",
            "AFTER DELETE ON activities",
            refresh("old.notice_id"),
        ),
        (
            "notice_search_texts_activity_au",
            "AFTER UPDATE OF title, text, deadline, leader, notice_id ON activities",
            refresh("old.notice_id") + " " + refresh("new.notice_id"),
        ),
    ]
    if departments:
        triggers += [
            (
                "notice_search_texts_department_ai",
                "AFTER INSERT ON activity_departments",
                refresh(_notice_of("new.activity_id")),
            ),
            (
                "notice_search_texts_department_ad",
                "AFTER DELETE ON activity_departments",
                refresh(_notice_of("old.activity_id")),
            ),
            (
                "notice_search_texts_department_au",
                "AFTER UPDATE OF name, activity_id ON activity_departments",
                refresh(_notice_of("old.activity_id"))
                + " "
                + refresh(_notice_of("new.activity_id")),
            ),
        ]
    return triggers


def _rebuild(*, departments: bool) -> None:
    """Drop the triggers of either version, create this version's and refill the table."""
    for name, _event, _statements in _triggers(departments=True):
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    for name, event, statements in _triggers(departments=departments):
        op.execute(f"CREATE TRIGGER {name} {event} BEGIN {statements} END")
    op.execute("DELETE FROM notice_search_texts")
    op.execute(
        f"INSERT INTO notice_search_texts (notice_id, text) {_notice_text(departments=departments)}"
    )


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        _rebuild(departments=True)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        _rebuild(departments=False)
