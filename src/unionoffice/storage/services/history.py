"""A notice's 痕迹: every save kept as the difference from the version before it.

``record_save`` runs inside each save's transaction (NoticeService), after the flush that gave
the notice its new version. ``HistoryService`` lists the saves, rebuilds any version from the
notice as it is now and the patches of the newer saves, and restores an older version as a new
save (with the version check every save has).
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from unionoffice.domain.errors import ConflictError, NotFoundError
from unionoffice.domain.notice import NoticeData
from unionoffice.domain.notice_changes import compare_notices
from unionoffice.domain.notice_patch import (
    PatchError,
    RevisionEntry,
    apply_patch,
    patch_between,
    patch_from_text,
    patch_to_text,
)
from unionoffice.storage.database import Database
from unionoffice.storage.mapping import KnownDepartments, as_stored, notice_to_data
from unionoffice.storage.models import Notice, NoticeRevision
from unionoffice.storage.notice_rows import CREATED


def record_save(
    session: Session,
    notice: Notice,
    before: NoticeData | None,
    clerk: str,
    note: str = "",
    *,
    saved: NoticeData | None = None,
    known: KnownDepartments | None = None,
) -> None:
    """Keep the save that made ``notice`` (flushed, at its new version) out of ``before``
    (None for a new notice); nothing when the content did not change. ``saved``: the data a
    whole-notice save wrote, so its body and activities need not be read back."""
    if before is None:
        summary, patch = CREATED, ""
    else:
        after = as_stored(notice, saved, known) if saved is not None else notice_to_data(notice)
        changes = compare_notices(before, after)
        found = patch_between(after, before)
        if not found:
            return
        summary, patch = changes.summary(), patch_to_text(found)
    session.add(
        NoticeRevision(
            notice_id=notice.id,
            version=notice.version,
            clerk=clerk,
            summary=f"{note}：{summary}" if note else summary,
            patch=patch,
        )
    )


def _utc(value: dt.datetime) -> dt.datetime:
    """SQLite gives back the UTC time it was given without its zone; PostgreSQL with it."""
    return value.replace(tzinfo=dt.UTC) if value.tzinfo is None else value.astimezone(dt.UTC)


class HistoryService:
    """Reads a notice's saves and brings an older version back."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def revisions(self, notice_id: int) -> list[RevisionEntry]:
        """The notice's saves, newest first."""
        with self.db.read_session() as session:
            rows = session.execute(
                select(
                    NoticeRevision.version,
                    NoticeRevision.saved_at,
                    NoticeRevision.clerk,
                    NoticeRevision.summary,
                )
                .where(NoticeRevision.notice_id == notice_id)
                .order_by(NoticeRevision.version.desc())
            )
            return [
                RevisionEntry(version, _utc(saved_at), clerk, summary)
                for version, saved_at, clerk, summary in rows
            ]

    def version(self, notice_id: int, version: int) -> NoticeData:
        """The notice as it was at ``version`` (its id; ``version`` as its version)."""
        from unionoffice.storage.services.notices import _load

        with self.db.read_session() as session:
            current = notice_to_data(_load(session, notice_id, include_deleted=True))
            if current.version is None or version > current.version or version < 1:
                raise NotFoundError(f"公文没有第 {version} 版")
            patches = session.scalars(
                select(NoticeRevision.patch)
                .where(NoticeRevision.notice_id == notice_id, NoticeRevision.version > version)
                .order_by(NoticeRevision.version.desc())
            ).all()
            oldest = session.scalar(
                select(NoticeRevision.version)
                .where(NoticeRevision.notice_id == notice_id)
                .order_by(NoticeRevision.version)
                .limit(1)
            )
        if version < current.version and (oldest is None or version < oldest - 1):
            # saved before the history was kept (migration 0014): the content is not known
            raise NotFoundError(f"第 {version} 版保存于开始记录痕迹之前，无法查看")
        notice = current
        try:
            for patch in patches:
                notice = apply_patch(notice, patch_from_text(patch))
        except PatchError as exc:
            raise NotFoundError(f"无法还原第 {version} 版：{exc}") from exc
        return dataclasses.replace(notice, id=notice_id, version=version)

    def restore(self, notice_id: int, version: int, current_version: int) -> int:
        """Save the content of ``version`` as a new version (the 文号 and status stay as they
        are now); the new version. ``current_version`` must be the notice's version now."""
        from unionoffice.storage.services.notices import NoticeService

        old = self.version(notice_id, version)
        current = NoticeService(self.db).get(notice_id)
        if current.version != current_version:
            raise ConflictError("该公文已被其他用户修改，请刷新后再恢复")
        restored = dataclasses.replace(
            old,
            version=current.version,
            number=current.number,
            series_code=current.series_code if current.number else old.series_code,
            year=current.year if current.number else old.year,
            status=current.status,
        )
        return NoticeService(self.db).update(restored, note=f"恢复到第 {version} 版")
