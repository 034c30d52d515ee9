"""Search for the document tree: which notices mention a text anywhere a clerk would look."""

from __future__ import annotations

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from unionoffice.storage.database import Database
from unionoffice.storage.models import (
    Activity,
    ActivityDepartment,
    BodyBlock,
    DocNumberSeries,
    Notice,
    Organ,
)


def _like(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


class NoticeSearch:
    """Finds notices by 文号, title, 主送机关, body text, activity text or department."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def matching_ids(self, text: str, *, include_deleted: bool = False) -> set[int]:
        """Ids of notices whose fields contain every space-separated word of ``text``."""
        words = [word for word in text.split() if word]
        if not words:
            return set()
        result: set[int] | None = None
        with self.db.read_session() as session:
            for word in words:
                ids = self._matching_word(session, word)
                result = ids if result is None else result & ids
                if not result:
                    break
            if result and not include_deleted:
                alive = select(Notice.id).where(Notice.id.in_(result), Notice.deleted_at.is_(None))
                result = set(session.scalars(alive))
        return result or set()

    @staticmethod
    def _matching_word(session: Session, word: str) -> set[int]:
        pattern = _like(word)
        header = (
            select(Notice.id)
            .outerjoin(DocNumberSeries, Notice.series_id == DocNumberSeries.id)
            .outerjoin(Organ, Notice.organ_id == Organ.id)
            .where(
                or_(
                    Notice.title.like(pattern, escape="\\"),
                    Notice.recipients.like(pattern, escape="\\"),
                    Notice.folder.like(pattern, escape="\\"),
                    DocNumberSeries.code.like(pattern, escape="\\"),
                    Organ.name.like(pattern, escape="\\"),
                )
            )
        )
        body = select(BodyBlock.notice_id).where(BodyBlock.text.like(pattern, escape="\\"))
        activities = select(Activity.notice_id).where(
            or_(
                Activity.title.like(pattern, escape="\\"),
                Activity.text.like(pattern, escape="\\"),
                Activity.deadline.like(pattern, escape="\\"),
                Activity.leader.like(pattern, escape="\\"),
            )
        )
        departments = (
            select(Activity.notice_id)
            .join(ActivityDepartment, ActivityDepartment.activity_id == Activity.id)
            .where(ActivityDepartment.name.like(pattern, escape="\\"))
        )
        ids: set[int] = set()
        for query in (header, body, activities, departments):
            ids.update(session.scalars(query))
        return ids


def recipients_in_use(db: Database, limit: int = 50) -> list[str]:
    """主送机关 written on past notices, most used first, for completion."""
    query = (
        select(Notice.recipients)
        .where(Notice.recipients != "")
        .group_by(Notice.recipients)
        .order_by(func.count().desc(), Notice.recipients)
        .limit(limit)
    )
    with db.read_session() as session:
        return list(session.scalars(query))
