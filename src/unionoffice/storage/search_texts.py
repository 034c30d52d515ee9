"""Keeping notice_search_texts (one joined text per notice, for short search words) current.

Triggers note every notice whose texts change in notice_search_stale (migration 0007); just
before a write transaction commits, ``refresh_stale`` rebuilds those notices' texts once each.
A notice of ten thousand activities is thus joined once, not ten thousand times. SQLite only:
PostgreSQL searches its tables directly.
"""

from __future__ import annotations

from sqlalchemy import Connection

# The texts in the order migration 0008 rebuilt them: title, 主送机关, folder, body blocks,
# activities (title, text, 完成时限, 责任领导, 地点, 参加对象, 责任人), then 牵头/配合 departments.
_REFRESH_SQL = """
INSERT OR REPLACE INTO notice_search_texts (notice_id, text)
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


def has_stale_table(connection: Connection) -> bool:
    """Whether this database notes stale search texts (SQLite at migration 0007 or later)."""
    if connection.dialect.name != "sqlite":
        return False
    found = connection.exec_driver_sql(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'notice_search_stale'"
    ).first()
    return found is not None


def refresh_stale(connection: Connection) -> None:
    """Rebuild the joined texts of the notices changed in this transaction."""
    if connection.exec_driver_sql("SELECT 1 FROM notice_search_stale LIMIT 1").first() is None:
        return
    connection.exec_driver_sql(_REFRESH_SQL)
    connection.exec_driver_sql("DELETE FROM notice_search_stale")
