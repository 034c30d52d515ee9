"""change_log (migration 0010): every write, from any process, is seen by the other windows."""

import datetime as dt

from unionoffice.domain.changes import Changes
from unionoffice.domain.notice import NoticeData
from unionoffice.storage.database import Database
from unionoffice.storage.services import NoticeService, NumberingService, OrganService
from unionoffice.storage.services.change_feed import ChangeFeed


def test_a_save_elsewhere_is_seen_with_its_version(db_url) -> None:
    mine, theirs = Database(db_url), Database(db_url)
    try:
        feed = ChangeFeed(mine)
        start = feed.latest()
        assert feed.since(start).changes == Changes()
        notices = NoticeService(theirs)
        notice_id = notices.create(NoticeData(title="另一位文书新建的通知"))
        data = notices.get(notice_id)
        data.title = "改过的标题"
        version = notices.update(data)
        update = feed.since(start)
        assert update.changes.notices == {notice_id} and update.versions[notice_id] == version
        assert feed.since(update.last).changes == Changes()  # read once
        notices.delete(notice_id)
        removed = feed.since(update.last)
        assert removed.changes.removed == {notice_id} and not removed.changes.notices
    finally:
        mine.dispose()
        theirs.dispose()


def test_numbers_and_lists_are_named(db) -> None:
    feed = ChangeFeed(db)
    start = feed.latest()
    NumberingService(db).allocate("青总办", 2021)
    update = feed.since(start)
    assert ("青总办", 2021) in update.changes.numbers
    assert update.changes.organs  # the series was new
    organs = OrganService(db)
    organ = organs.create_organ("某县总工会")
    organs.add_department(organ, "县总办公室")
    assert feed.since(update.last).changes.departments


def test_old_rows_are_pruned(db) -> None:
    feed = ChangeFeed(db)
    NoticeService(db).create(NoticeData(title="一周前的通知"))
    assert feed.prune(now=dt.datetime.now(dt.UTC) + dt.timedelta(days=8)) >= 1
    assert feed.since(0).changes == Changes()
