import pytest
from sqlalchemy.exc import IntegrityError

from unionoffice.domain.doc_number import DocNumber, DocNumberError
from unionoffice.domain.errors import ConflictError, NotFoundError
from unionoffice.domain.notice import NoticeData, NoticeStatus
from unionoffice.storage.models import RegisterEntry
from unionoffice.storage.services import NoticeService, NumberingService


@pytest.fixture
def numbering(db):
    return NumberingService(db)


def test_allocation_counts_per_series_and_year(numbering):
    first = numbering.allocate("青总办", 2021)
    assert first.series_created
    assert str(first.doc_number) == "青总办〔2021〕1号"
    assert str(numbering.allocate("青总办", 2021).doc_number) == "青总办〔2021〕2号"
    assert str(numbering.allocate("青总办", 2022).doc_number) == "青总办〔2022〕1号"
    again = numbering.allocate("青总办通", 2021)
    assert again.series_created and again.doc_number.number == 1
    assert not numbering.allocate("青总办", 2021).series_created


def test_bad_series_or_year_is_refused_before_anything_is_written(numbering, db):
    with pytest.raises(DocNumberError):
        numbering.allocate("青总办〔", 2021)
    with pytest.raises(DocNumberError):
        numbering.allocate("青总办", 21)
    with db.read_session() as session:
        assert session.query(RegisterEntry).count() == 0


def test_manual_number_only_if_free(numbering):
    numbering.allocate("青总办", 2021)
    value, skipped = numbering.set_number("青总办[2021]第5号")
    assert value == DocNumber("青总办", 2021, 5)
    assert skipped == [(2, 4)]
    with pytest.raises(ConflictError, match="已被占用"):
        numbering.set_number("青总办〔2021〕5号")
    with pytest.raises(ConflictError):
        numbering.set_number("青总办〔2021〕1号")
    # Allocation continues after the highest number; the gap stays visible in the register.
    assert numbering.allocate("青总办", 2021).doc_number.number == 6
    assert numbering.register("青总办", 2021).missing == [(2, 4)]


def test_voided_number_stays_and_is_never_given_again(numbering):
    numbering.allocate("青总办", 2021)
    numbering.allocate("青总办", 2021)
    row = numbering.void("青总办〔2021〕2号", "误取号")
    assert row.state == "作废" and row.void_reason == "误取号"
    assert numbering.allocate("青总办", 2021).doc_number.number == 3
    with pytest.raises(ConflictError, match="作废"):
        numbering.set_number("青总办〔2021〕2号")
    with pytest.raises(ConflictError, match="已经作废"):
        numbering.void("青总办〔2021〕2号", "again")
    register = numbering.register("青总办", 2021)
    assert [r.state for r in register.rows] == ["预留", "作废", "预留"]
    assert register.missing == []


def test_void_needs_a_reason_and_an_existing_number(numbering):
    numbering.allocate("青总办", 2021)
    with pytest.raises(ConflictError, match="原因"):
        numbering.void("青总办〔2021〕1号", "  ")
    with pytest.raises(NotFoundError):
        numbering.void("青总办〔2021〕9号", "x")
    with pytest.raises(NotFoundError):
        numbering.register("不存在", 2021)


def test_notice_takes_the_next_number_and_the_register_shows_its_title(db, numbering):
    notices = NoticeService(db)
    notice_id = notices.create(
        NoticeData(title="关于开展活动的通知", series_code="青总办", year=2021)
    )
    numbering.allocate("青总办", 2021)  # someone reserved number 1 from the command line
    assert str(notices.allocate_number(notice_id)) == "青总办〔2021〕2号"
    notice = notices.get(notice_id)
    assert notice.doc_number == "青总办〔2021〕2号"
    assert notice.status is NoticeStatus.NUMBERED
    rows = numbering.register("青总办", 2021).rows
    assert rows[1].title == "关于开展活动的通知" and rows[1].notice_id == notice_id
    with pytest.raises(ConflictError, match="已有文号"):
        notices.allocate_number(notice_id)


def test_a_reserved_number_can_be_given_to_a_notice(db, numbering):
    numbering.allocate("青总办", 2021)
    notices = NoticeService(db)
    notice_id = notices.create(NoticeData(title="通知", series_code="青总办", year=2021))
    assert notices.set_number(notice_id, DocNumber("青总办", 2021, 1)) == []
    assert notices.get(notice_id).number == 1
    other = notices.create(NoticeData(title="另一通知", series_code="青总办", year=2021))
    with pytest.raises(ConflictError, match="已被占用"):
        notices.set_number(other, DocNumber("青总办", 2021, 1))


def test_voiding_a_notices_number_voids_the_notice(db, numbering):
    notices = NoticeService(db)
    notice_id = notices.create(NoticeData(title="通知", series_code="青总办", year=2021))
    notices.allocate_number(notice_id)
    numbering.void("青总办〔2021〕1号", "内容有误，重新发文")
    assert notices.get(notice_id).status is NoticeStatus.VOID


def test_the_database_itself_refuses_a_duplicate_number(db, numbering):
    numbering.allocate("青总办", 2021)
    with pytest.raises(IntegrityError), db.session() as session:
        entry = session.query(RegisterEntry).one()
        session.add(RegisterEntry(series_id=entry.series_id, year=2021, number=1))


def test_the_register_says_who_took_and_who_voided_a_number(db):
    db.clerk = "李文书"
    numbering = NumberingService(db)
    taken = numbering.allocate("青总办", 2021).doc_number
    db.clerk = "王主任"
    numbering.void(taken, "误取号")
    (row,) = numbering.register("青总办", 2021).rows
    assert (row.allocated_by, row.voided_by) == ("李文书", "王主任")
    assert row.voided_at is not None and row.voided_at >= row.allocated_at.replace(tzinfo=None)


def test_a_number_given_back_is_voided_and_never_given_again(db):
    notices = NoticeService(db)
    notice_id = notices.create(NoticeData(title="误取号的通知", series_code="青总办", year=2021))
    taken = notices.allocate_number(notice_id)
    with pytest.raises(ConflictError, match="原因"):
        notices.give_back_number(notice_id, "  ")
    assert notices.give_back_number(notice_id, "标题写错，重新取号") == taken
    draft = notices.get(notice_id)
    assert draft.number is None and draft.status is NoticeStatus.DRAFT
    (row,) = NumberingService(db).register("青总办", 2021).rows
    assert row.voided and row.title == "误取号的通知" and row.notice_id is None
    assert row.void_reason == "标题写错，重新取号"
    again = notices.allocate_number(notice_id)
    assert again.number == taken.number + 1  # the voided number is never given again
