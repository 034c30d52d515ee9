"""The search indexes (migration 0015: trigrams and pairs of characters of each notice's
joined texts): they find exactly what reading the texts finds, and stay in step with every
write."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import text

from unionoffice.domain.errors import ConflictError
from unionoffice.domain.notice import ActivityData, Block, NoticeData
from unionoffice.domain.search_words import narrows
from unionoffice.storage.search_texts import pairs_of, pairs_query
from unionoffice.storage.services.notices import NoticeService
from unionoffice.storage.services.search import NoticeSearch, has_search_index

TEXTS = [
    "开展“中国梦·劳动美”主题宣传教育活动，组织劳模工匠进企业",
    "推进职工书屋建设和职工技能提升行动，100%覆盖基层工会",
    "在格尔木设立分会场，邀请大国工匠现场交流 ABC Union",
    'Quote "marks" and under_score and back\\slash',
]


def _archive(db) -> list[int]:
    service = NoticeService(db)
    return [
        service.create(
            NoticeData(
                title="关于开展劳动和技能竞赛的通知",
                organ="青海省总工会办公室",
                series_code="青总办",
                year=2021,
                recipients="各市（州）总工会：",
                body=[Block.heading(1, "活动内容"), Block.paragraph(TEXTS[0])],
                date=dt.date(2021, 3, 1),
                activities=[
                    ActivityData(
                        title="职工书屋", text=TEXTS[1], deadline="全年", lead=["省总宣教部"]
                    ),
                    ActivityData(title="劳模宣讲", deadline="4月份", leader="张明"),
                ],
            )
        ),
        service.create(
            NoticeData(
                title="关于做好金秋助学工作的通知",
                series_code="宁工发",
                folder="助学/2021",
                activities=[
                    ActivityData(
                        title="送温暖", text=TEXTS[2], cooperating=["西宁市总工会女职工部"]
                    )
                ],
            )
        ),
        service.create(NoticeData(title="短", body=[Block.paragraph(TEXTS[3])])),
    ]


QUERIES = [
    "书屋", "职工书屋", "职工书屋建设", "技能提升行动", "格尔木", "格", "劳", "劳动美",
    "宣教部", "省总宣教部", "女职工部", "张明", "全年", "4月份", "青总办", "宁工", "办公室",
    "100%", "%", "_", "under_score", "back\\slash", '"marks"', '"', "abc", "union", "UNION",
    "大国工匠 格尔木", "职工 书屋 全年", "助学/2021", "没有这个词", "书屋 没有",
]  # fmt: skip


def test_index_and_reading_the_texts_find_the_same_notices(db) -> None:
    _archive(db)
    indexed, scanned = NoticeSearch(db), NoticeSearch(db, use_index=False)
    for query in QUERIES:
        assert indexed.matching_ids(query) == scanned.matching_ids(query), query
    assert indexed.matching_ids("职工书屋建设") == scanned.matching_ids("书屋建") != set()


def test_the_index_exists_on_sqlite_only(db) -> None:
    with db.read_session() as session:
        assert has_search_index(session) == db.is_sqlite


def test_joined_texts_follow_every_kind_of_write(db) -> None:
    """notice_search_texts (SQLite) holds a notice's texts after inserts, updates and deletes
    of its body blocks and activities, and loses the notice when it is purged."""
    first, second, third = _archive(db)
    if not db.is_sqlite:
        return  # PostgreSQL has no such table; the comparison below is its LIKE search
    service, indexed, scanned = (
        NoticeService(db),
        NoticeSearch(db),
        NoticeSearch(db, use_index=False),
    )
    notice = service.get(third)
    notice.body = [Block.paragraph("召开职代会")]
    notice.activities = [ActivityData(title="读书月", deadline="7月份", leader="王芳")]
    service.update(notice)
    notice = service.get(first)
    notice.activities = notice.activities[1:]  # 职工书屋 (省总宣教部) goes, 劳模宣讲 stays
    notice.activities[0].cooperating = ["法律部"]
    service.update(notice)
    words = ("职代", "读书", "王芳", "7月", "书屋", "劳模", "宣讲", "活动", "under", "教部", "律部")
    for word in words:
        assert indexed.matching_ids(word) == scanned.matching_ids(word), word
    assert indexed.matching_ids("职代") == {third}
    assert indexed.matching_ids("书屋") == set()  # its activity was removed
    assert indexed.matching_ids("劳模") == {first}
    # Department names are in the joined texts too (0006), and follow their own writes.
    assert indexed.matching_ids("教部") == set()
    assert indexed.matching_ids("律部") == {first}
    notice = service.get(first)
    notice.activities[0].cooperating = []
    notice.activities[0].lead = ["法制部"]
    service.update(notice)
    assert indexed.matching_ids("律部") == set()
    assert indexed.matching_ids("法制") == scanned.matching_ids("法制") == {first}
    service.delete(second)
    service.purge_deleted()
    assert indexed.matching_ids("格尔", include_deleted=True) == set()
    if db.is_sqlite:  # the table is SQLite's; PostgreSQL reads the texts themselves
        with db.read_session() as session:
            rows = session.execute(text("SELECT notice_id FROM notice_search_texts"))
            assert set(rows.scalars()) == {first, third}


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_any_piece_of_a_stored_text_is_found_by_both(db, data) -> None:
    if not NoticeService(db).list(include_deleted=True):  # the fixture outlives each example
        _archive(db)
    text = data.draw(st.sampled_from(TEXTS))
    start = data.draw(st.integers(0, len(text) - 1))
    piece = text[start : data.draw(st.integers(start + 1, len(text)))].strip()
    if not piece:
        return
    indexed, scanned = NoticeSearch(db), NoticeSearch(db, use_index=False)
    found = indexed.matching_ids(piece)
    assert found == scanned.matching_ids(piece)
    assert found, piece


def test_triggers_follow_updates_and_deletes(db) -> None:
    first, second, _ = _archive(db)
    service, search = NoticeService(db), NoticeSearch(db)
    notice = service.get(first)
    notice.activities[0].text = "组织职工参加全省职工演讲比赛"
    notice.title = "关于举办演讲比赛的通知"
    service.update(notice)
    assert search.matching_ids("职工书屋建设") == set()
    assert search.matching_ids("建设") == set()  # short words: notice_search_texts (0005)
    assert search.matching_ids("演讲比赛") == {first}
    assert search.matching_ids("举办演讲") == {first}
    assert search.matching_ids("演讲") == search.matching_ids("讲") == {first}
    service.delete(second)
    assert search.matching_ids("格尔木") == set()
    assert search.matching_ids("格尔") == set()
    assert search.matching_ids("格尔木", include_deleted=True) == {second}
    service.purge_deleted()
    assert search.matching_ids("格尔木", include_deleted=True) == set()


def test_many_notices_in_one_transaction(db) -> None:
    service = NoticeService(db)
    ids = service.create_many(
        [
            NoticeData(title=f"通知{i}", series_code="青总办", year=2021, number=i + 1)
            for i in range(5)
        ]
    )
    assert len(set(ids)) == 5
    assert [s.doc_number for s in service.list()] == [f"青总办〔2021〕{5 - i}号" for i in range(5)]
    with pytest.raises(ConflictError):  # one taken number: none of the batch is stored
        service.create_many(
            [
                NoticeData(title="新通知", series_code="青总办", year=2021, number=9),
                NoticeData(title="重号", series_code="青总办", year=2021, number=3),
            ]
        )
    assert len(service.list()) == 5


TYPED = [
    "职工书屋建设", "劳动和技能竞赛", "省总宣教部",
    "大国工匠 格尔木", "格尔木 大国工匠", "金秋 助学", "ABC Union", "under_s 100%",
]  # fmt: skip


@pytest.mark.parametrize("use_index", [True, False])
def test_typing_on_within_what_was_found_finds_what_a_fresh_search_finds(db, use_index) -> None:
    """As the clerk types, each text is searched only among what the one before found."""
    _archive(db)
    search = NoticeSearch(db, use_index=use_index)
    fresh = NoticeSearch(db, use_index=use_index)
    for typed in TYPED:
        before, found = "", None
        for end in range(1, len(typed) + 1):
            text = typed[:end]
            if not text.strip():
                continue
            within = found if found is not None and narrows(before, text) else None
            found = search.matching_ids(text, within=within)
            assert found == fresh.matching_ids(text), text
            before = text
    assert search.matching_ids("格尔木", within=set()) == set()


def test_narrows_when_every_word_before_is_part_of_a_word_now() -> None:
    assert narrows("职工", "职工书屋")
    assert narrows("金秋助学", "金秋助学 格")
    assert narrows("书屋 职工", "职工书屋")  # both words are parts of the one typed now
    assert narrows("格尔木 大国", "大国工匠 格尔木")
    assert not narrows("职工书屋", "职工书")  # a letter taken back: more may be found
    assert not narrows("金秋 格", "金秋")
    assert not narrows("职工", "")


# Migration 0015: the trigram and pairs indexes of the joined texts.


def test_the_pairs_of_a_text_and_the_query_of_a_short_word() -> None:
    assert sorted(pairs_of("金秋助学").split()) == sorted(["金秋", "秋助", "助学", "学_"])
    # Gaps (punctuation, spaces, line breaks, full-width letters) end a run; ASCII is folded.
    assert sorted(pairs_of("AB，Ｃ\n2021号").split()) == sorted(
        ["ab", "b_", "20", "02", "21", "1号", "号_"]
    )
    assert pairs_of("") == pairs_of("，。") == ""
    assert pairs_query("金") == '"金"*'
    assert pairs_query("金秋") == '"金秋"'
    assert pairs_query("Ab") == '"ab"'
    for word in ("金秋助", "〔", "1。", "Ｃ", "_", '"', "a b", ""):
        assert pairs_query(word) is None, word


def _index_content(db) -> tuple[dict[str, int], dict[str, int]]:
    """Each term of notice_search_pairs with the number of notices holding it: as indexed, and
    as the joined texts now make it."""
    raw = db.engine.raw_connection()
    try:
        raw.execute(
            "CREATE VIRTUAL TABLE IF NOT EXISTS temp.pairs_terms"
            " USING fts5vocab(main, notice_search_pairs, row)"
        )
        indexed = dict(raw.execute("SELECT term, doc FROM temp.pairs_terms").fetchall())
        expected: dict[str, int] = {}
        for (joined,) in raw.execute("SELECT text FROM notice_search_texts"):
            for pair in set(pairs_of(joined).split()):
                expected[pair] = expected.get(pair, 0) + 1
        index = "notice_search_index"
        raw.execute(f"INSERT INTO {index}({index}) VALUES('integrity-check')")
        assert raw.execute("SELECT count(*) FROM notice_search_gone").fetchone() == (0,)
        assert raw.execute("SELECT count(*) FROM notice_search_stale").fetchone() == (0,)
        return indexed, expected
    finally:
        raw.close()


def test_both_indexes_hold_exactly_the_texts_after_every_kind_of_write(sqlite_db) -> None:
    first, second, third = _archive(sqlite_db)
    service = NoticeService(sqlite_db)
    indexed, expected = _index_content(sqlite_db)
    assert indexed == expected and "书屋" in indexed
    notice = service.get(first)
    notice.activities = notice.activities[1:]  # 职工书屋 goes
    notice.title = "关于举办演讲比赛的通知"
    service.update(notice)
    service.delete(second)
    indexed, expected = _index_content(sqlite_db)
    assert indexed == expected and "书屋" not in indexed and "演讲" in indexed
    assert "格尔" in indexed  # in the 回收站: still searched with include_deleted
    service.purge_deleted()
    indexed, expected = _index_content(sqlite_db)
    assert indexed == expected and "格尔" not in indexed
    service.delete(third)
    service.restore(third)
    assert _index_content(sqlite_db)[0] == _index_content(sqlite_db)[1]


def test_a_joined_text_is_replaced_never_updated(sqlite_db) -> None:
    from sqlalchemy.exc import DBAPIError

    first = _archive(sqlite_db)[0]
    update = text("UPDATE notice_search_texts SET text = '别的' WHERE notice_id = :id")
    with (
        pytest.raises(DBAPIError, match="replaced, not updated"),
        sqlite_db.engine.begin() as connection,
    ):
        connection.execute(update, {"id": first})
    assert NoticeSearch(sqlite_db).matching_ids("书屋") == {first}


def test_0015_goes_down_and_up_again_and_searches_the_same(sqlite_db) -> None:
    from alembic import command

    from unionoffice.storage import migrations

    _archive(sqlite_db)
    queries = [*QUERIES, "职", "屋", "a", "U", "宁"]
    before = {query: NoticeSearch(sqlite_db).matching_ids(query) for query in queries}
    with sqlite_db.engine.begin() as connection:
        command.downgrade(migrations.alembic_config(connection), "0014")
        tables = {row[0] for row in connection.exec_driver_sql("SELECT name FROM sqlite_master")}
        assert "activities_fts" in tables and "notice_search_pairs" not in tables
        command.upgrade(migrations.alembic_config(connection), "head")
    indexed, scanned = NoticeSearch(sqlite_db), NoticeSearch(sqlite_db, use_index=False)
    for query in queries:
        assert indexed.matching_ids(query) == scanned.matching_ids(query) == before[query], query
    assert _index_content(sqlite_db)[0] == _index_content(sqlite_db)[1]
