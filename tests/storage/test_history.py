"""A notice's 痕迹: every save kept as a difference, any version rebuilt exactly, an old
version restored as a new save; on SQLite and PostgreSQL, through backup and 复制到."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import func, select

from unionoffice.domain.errors import ConflictError, NotFoundError
from unionoffice.domain.notice import ActivityData, ActivityStatus, Block, NoticeData
from unionoffice.storage.copying import copy_database
from unionoffice.storage.database import Database
from unionoffice.storage.models import NoticeRevision
from unionoffice.storage.services import NoticeService
from unionoffice.storage.services.history import CREATED, HistoryService


def _draft() -> NoticeData:
    notice = NoticeData(
        title="滨河区总工会关于开展职工读书月活动的通知",
        organ="滨河区总工会",
        series_code="滨工发",
        year=2024,
        recipients="各基层工会：",
        body=[
            Block.paragraph("为丰富职工文化生活，决定开展职工读书月活动。"),
            Block.heading(1, "活动安排"),
            Block.paragraph("各单位要认真组织。"),
        ],
        date=dt.date(2024, 3, 1),
        activities=[
            ActivityData(title="读书分享会", deadline="4月份", lead=["宣教部"]),
            ActivityData(title="征文比赛", deadline="5月底前", lead=["宣教部"]),
        ],
    )
    for activity in notice.activities:
        activity.with_parsed_period(2024)
    return notice


def _content(notice: NoticeData) -> NoticeData:
    return dataclasses.replace(notice, id=None, version=None)


def _edits(service: NoticeService, notice_id: int) -> list[NoticeData]:
    """Four saves of the kinds a clerk makes; the notice after each (the first is as created)."""
    seen = [service.get(notice_id)]

    def save(change) -> None:
        data = service.get(notice_id)
        change(data)
        service.update(data)
        seen.append(service.get(notice_id))

    save(lambda n: setattr(n, "title", "滨河区总工会关于开展2024年职工读书月活动的通知"))
    save(lambda n: n.body.__setitem__(2, Block.paragraph("各单位要认真组织，务求实效。")))

    def plan(n: NoticeData) -> None:
        n.activities[1].deadline = "6月底前"
        n.activities[1].with_parsed_period(2024)
        n.activities.append(ActivityData(title="好书推荐", deadline="全年", lead=["女职工部"]))
        del n.activities[0]

    save(plan)
    save(
        lambda n: (
            setattr(n, "remark", "联系人：王老师"),
            n.body.insert(0, Block.heading(1, "目的")),
        )
    )
    return seen


def test_every_save_is_listed_with_who_when_and_what(db) -> None:
    db.clerk = "张秘书"
    service = NoticeService(db)
    notice_id = service.create(_draft())
    seen = _edits(service, notice_id)
    history = HistoryService(db).revisions(notice_id)
    assert [r.version for r in history] == [n.version for n in reversed(seen)]
    assert history[-1].summary == CREATED
    assert history[3].summary == "标题"
    assert history[2].summary == "正文 1 处（修改 1）"
    assert history[1].summary == "活动 3 项（修改 1、新增 1、删除 1）"
    assert history[0].summary == "附注；正文 1 处（新增 1）"
    assert {r.clerk for r in history} == {"张秘书"}
    now = dt.datetime.now(dt.UTC)
    assert all(r.saved_at.tzinfo is not None for r in history)
    assert all(abs((now - r.saved_at).total_seconds()) < 600 for r in history)


def test_any_version_comes_back_exactly(db) -> None:
    service = NoticeService(db)
    notice_id = service.create(_draft())
    seen = _edits(service, notice_id)
    history = HistoryService(db)
    for notice in seen:
        assert notice.version is not None
        rebuilt = history.version(notice_id, notice.version)
        assert rebuilt == notice


def test_a_save_that_changes_nothing_keeps_no_revision(db) -> None:
    service = NoticeService(db)
    notice_id = service.create(_draft())
    service.update(service.get(notice_id))
    assert len(HistoryService(db).revisions(notice_id)) == 1


def test_restoring_an_old_version_is_a_new_save(db) -> None:
    service = NoticeService(db)
    notice_id = service.create(_draft())
    seen = _edits(service, notice_id)
    service.allocate_number(notice_id)
    numbered = service.get(notice_id)
    history = HistoryService(db)
    first = seen[0]
    assert first.version is not None and numbered.version is not None
    version = history.restore(notice_id, first.version, numbered.version)
    restored = service.get(notice_id)
    assert version == restored.version and version > numbered.version
    # the content of the first version, the 文号 and status of now
    expected = dataclasses.replace(_content(first), number=numbered.number, status=numbered.status)
    assert _content(restored) == expected
    entries = history.revisions(notice_id)
    assert entries[0].summary.startswith(f"恢复到第 {first.version} 版：")
    assert entries[1].summary.startswith("取号")
    # and the version before the restore is still there, exactly
    assert history.version(notice_id, numbered.version) == numbered


def test_restoring_over_a_newer_save_is_a_conflict(db) -> None:
    service = NoticeService(db)
    notice_id = service.create(_draft())
    seen = _edits(service, notice_id)
    stale = seen[-2].version
    assert stale is not None
    with pytest.raises(ConflictError):
        HistoryService(db).restore(notice_id, seen[0].version or 0, stale)
    assert service.get(notice_id) == seen[-1]


def test_activity_table_edits_are_kept_too(db) -> None:
    service = NoticeService(db)
    notice_id = service.create(_draft())
    notice = service.get(notice_id)
    edited = dataclasses.replace(notice.activities[0], status=ActivityStatus.DONE)
    service.update_activity(notice_id, notice.version or 0, 0, edited)
    (latest, created) = HistoryService(db).revisions(notice_id)
    assert latest.summary == "活动 1 项（修改 1）"
    assert HistoryService(db).version(notice_id, created.version) == notice


def test_unknown_versions_are_refused(db) -> None:
    service = NoticeService(db)
    notice_id = service.create(_draft())
    current = service.get(notice_id).version or 0
    with pytest.raises(NotFoundError):
        HistoryService(db).version(notice_id, current + 1)
    with pytest.raises(NotFoundError):
        HistoryService(db).version(notice_id, 0)


def test_a_notice_saved_two_hundred_times_keeps_differences_not_copies(db) -> None:
    service = NoticeService(db)
    draft = _draft()
    draft.body += [
        Block.paragraph(f"第{i}条　各单位要按照要求认真落实各项工作任务。") for i in range(60)
    ]
    notice_id = service.create(draft)
    for i in range(200):
        data = service.get(notice_id)
        data.body[5 + i % 50] = Block.paragraph(f"第{i}条　各单位要按照要求认真落实各项工作。")
        service.update(data)
    with db.read_session() as session:
        stored = session.scalar(
            select(func.sum(func.length(NoticeRevision.patch))).where(
                NoticeRevision.notice_id == notice_id
            )
        )
    whole = len(str(service.get(notice_id)))
    assert stored < 200 * whole / 20  # a save keeps a twentieth of a copy or less


def test_history_goes_with_its_notice_when_the_bin_is_emptied(db) -> None:
    service = NoticeService(db)
    notice_id = service.create(_draft())
    _edits(service, notice_id)
    service.delete(notice_id)
    assert HistoryService(db).revisions(notice_id)  # still there in the 回收站
    service.purge_deleted()
    with db.read_session() as session:
        assert session.scalar(select(func.count(NoticeRevision.id))) == 0


def test_history_survives_a_backup_and_copy_to(db, tmp_path: Path) -> None:
    service = NoticeService(db)
    notice_id = service.create(_draft())
    seen = _edits(service, notice_id)
    expected = HistoryService(db).revisions(notice_id)
    target = Database(tmp_path / "copy.sqlite")
    try:
        copy_database(db, target)
        assert HistoryService(target).revisions(notice_id) == expected
        assert HistoryService(target).version(notice_id, seen[1].version or 0) == seen[1]
    finally:
        target.dispose()
    if db.url.get_backend_name() == "sqlite":
        backup = db.backup(tmp_path / "backup.sqlite")
        restored = Database(backup)
        try:
            assert HistoryService(restored).revisions(notice_id) == expected
            assert HistoryService(restored).version(notice_id, seen[0].version or 0) == seen[0]
        finally:
            restored.dispose()


def test_an_upgraded_database_starts_the_history_at_the_next_save(tmp_path, test_data) -> None:
    import shutil

    path = tmp_path / "v6.sqlite"
    shutil.copy(test_data / "schema_0006.sqlite", path)
    database = Database(path)
    try:
        service = NoticeService(database)
        notice_id = service.list()[0].id
        before = service.get(notice_id)
        assert HistoryService(database).revisions(notice_id) == []
        edited = dataclasses.replace(before, title="关于举办职工篮球赛的通知")
        service.update(edited)
        (entry,) = HistoryService(database).revisions(notice_id)
        assert entry.summary == "标题"
        # the version before the first kept save comes back; older ones are not known
        assert HistoryService(database).version(notice_id, before.version or 0) == before
        if (before.version or 0) > 1:
            with pytest.raises(NotFoundError):
                HistoryService(database).version(notice_id, (before.version or 0) - 1)
    finally:
        database.dispose()


def test_every_demo_notice_comes_back_after_a_save(db) -> None:
    """Events, times of day, departments off the list: the version before a save is rebuilt
    exactly for every kind of notice the demo holds."""
    from unionoffice.storage.demo import fill_demo

    service = NoticeService(db)
    for notice_id in fill_demo(db):
        before = service.get(notice_id)
        edited = dataclasses.replace(before, remark=before.remark + "（已核）")
        edited.activities = list(reversed(before.activities))
        service.update(edited)
        assert HistoryService(db).version(notice_id, before.version or 0) == before
        after = service.get(notice_id)
        assert HistoryService(db).version(notice_id, after.version or 0) == after


def test_a_department_written_as_its_alias_comes_back_as_stored(db) -> None:
    """A save stores an alias as its department (0012); the history, which keeps the save
    without reading it back, must see what a read sees: writing 宣教部 by its alias is no
    change, and a real change rebuilds exactly."""
    from unionoffice.storage.services.departments import DepartmentService
    from unionoffice.storage.services.organs import OrganService

    organs = OrganService(db)
    organ_id = organs.create_organ("滨河区总工会")
    organs.add_department(organ_id, "宣教部")
    DepartmentService(db).set_aliases(organ_id, "宣教部", ["区总宣教部"])
    service = NoticeService(db)
    history = HistoryService(db)
    notice_id = service.create(_draft())
    first = service.get(notice_id)
    data = service.get(notice_id)
    data.activities[0].lead = ["区总宣教部"]  # the same department, by its alias
    service.update(data)
    assert len(history.revisions(notice_id)) == 1  # only 新建: nothing changed
    data = service.get(notice_id)
    data.activities[1].cooperating = ["区总宣教部", "女职工部"]
    service.update(data)
    stored = service.get(notice_id)
    assert stored.activities[1].cooperating == ["宣教部", "女职工部"]
    assert stored.version is not None and len(history.revisions(notice_id)) == 2
    assert history.version(notice_id, stored.version) == stored
    assert dataclasses.replace(
        history.version(notice_id, stored.version - 1), version=None
    ) == dataclasses.replace(first, version=None)


def test_the_marks_of_a_save_are_in_its_history(db) -> None:
    """签发人, 份号 and the other marks (0013) are part of what a save keeps."""
    service = NoticeService(db)
    notice_id = service.create(_draft())
    first = service.get(notice_id)
    data = service.get(notice_id)
    data.issuer, data.copy_number, data.urgency = "张三", "000123", "特急"
    service.update(data)
    stored = service.get(notice_id)
    assert stored.version is not None and stored.issuer == "张三"
    history = HistoryService(db)
    assert history.version(notice_id, stored.version) == stored
    assert dataclasses.replace(
        history.version(notice_id, stored.version - 1), version=None
    ) == dataclasses.replace(first, version=None)
    assert len(history.revisions(notice_id)) == 2  # the marks were a change
