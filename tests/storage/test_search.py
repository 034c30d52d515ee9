"""The tree's search: title, body, activity text, departments, series code; all words."""

from __future__ import annotations

from unionoffice.domain.notice import ActivityData, Block, NoticeData
from unionoffice.storage.services.notices import NoticeService
from unionoffice.storage.services.search import NoticeSearch


def _make(db) -> tuple[int, int]:
    service = NoticeService(db)
    first = service.create(
        NoticeData(
            title="关于开展劳动竞赛的通知",
            series_code="青总办",
            year=2021,
            body=[Block.paragraph("请各单位认真组织100%参与")],
            activities=[ActivityData(title="职工书屋建设", lead=["省总宣教部"])],
        )
    )
    second = service.create(NoticeData(title="关于金秋助学的通知", series_code="宁工发"))
    return first, second


def test_finds_by_title_body_activity_and_department(db) -> None:
    first, second = _make(db)
    search = NoticeSearch(db)
    assert search.matching_ids("劳动竞赛") == {first}
    assert search.matching_ids("认真组织") == {first}
    assert search.matching_ids("书屋") == {first}
    assert search.matching_ids("宣教部") == {first}
    assert search.matching_ids("宁工发") == {second}
    assert search.matching_ids("通知") == {first, second}


def test_every_word_must_match_and_wildcards_are_literal(db) -> None:
    first, _ = _make(db)
    search = NoticeSearch(db)
    assert search.matching_ids("通知 书屋") == {first}
    assert search.matching_ids("通知 没有的词") == set()
    assert search.matching_ids("100%") == {first}
    assert search.matching_ids("%") == {first}
    assert search.matching_ids("_") == set()
    assert search.matching_ids("  ") == set()


def test_deleted_notices_are_not_found(db) -> None:
    first, _ = _make(db)
    NoticeService(db).delete(first)
    assert NoticeSearch(db).matching_ids("劳动竞赛") == set()
    assert NoticeSearch(db).matching_ids("劳动竞赛", include_deleted=True) == {first}


def test_recipients_in_use_most_used_first(db) -> None:
    service = NoticeService(db)
    for recipients in ("各市（州）总工会：", "各市（州）总工会：", "省总机关各部室："):
        service.create(NoticeData(title="通知", recipients=recipients))
    from unionoffice.storage.services.search import recipients_in_use

    assert recipients_in_use(db) == ["各市（州）总工会：", "省总机关各部室："]
