"""Search for the document tree: which notices mention a text anywhere a clerk would look.

On SQLite every word is looked up in an index of the joined texts of notice_search_texts
(0005–0009: one row per notice joining its title, 主送机关, folder, body, activities and
department names), migration 0015: a word of three or more characters in its FTS5 trigram
index, a word of one or two characters in the index of its pairs of neighbouring characters
(storage/search_texts.py). Either is one lookup whatever the size of the archive. A short word
with a character the pairs keep as a gap (punctuation, a full-width letter) is found by reading
the joined texts. On PostgreSQL every word is found by reading the texts (LIKE; on SQLite
instr() when the word has no ASCII letter to fold). All ways find the same notices.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import (
    ColumnElement,
    CompoundSelect,
    Connection,
    SQLColumnExpression,
    func,
    or_,
    select,
    text,
    true,
    union,
)
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
from unionoffice.storage.search_texts import PAIRS_TABLE, pairs_query

# Shortest word the trigram index can find; shorter ones are looked up in the pairs.
TRIGRAM = 3
# Up to this many notices left by the other words, a short word read from the texts reads
# only theirs: in body blocks and activities, and in notice_search_texts, whose rows are read
# by notice id at about the cost of a scan of the same share of the table.
_SCAN_WITHIN = 1000
_SCAN_JOINED_WITHIN = 5000

# A word of three or more characters; the parameter is the quoted word (fts_phrase), which
# the trigram tokenizer finds as a substring.
_INDEX_MATCHING_SQL = "SELECT rowid FROM notice_search_index WHERE notice_search_index MATCH ?"
# A word of one or two characters; the parameter is search_texts.pairs_query(word).
_PAIRS_MATCHING_SQL = f"SELECT rowid FROM {PAIRS_TABLE} WHERE {PAIRS_TABLE} MATCH ?"
# The few series codes and organ names are not in the joined texts.
_SERIES_HOLDING_SQL = "SELECT id FROM doc_number_series WHERE code LIKE ? ESCAPE '\\'"
_ORGANS_HOLDING_SQL = "SELECT id FROM organs WHERE name LIKE ? ESCAPE '\\'"


def _like(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def fts_phrase(word: str) -> str:
    """``word`` as an FTS5 phrase: the trigram tokenizer then finds it as a substring."""
    return '"' + word.replace('"', '""') + '"'


def has_search_index(session: Session) -> bool:
    """Whether this database has the indexes of migration 0015 (SQLite only)."""
    if session.get_bind().dialect.name != "sqlite":
        return False
    found = session.execute(
        text(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table'"
            f" AND name IN ('notice_search_index', '{PAIRS_TABLE}')"
        )
    ).scalar_one()
    return found == 2


class NoticeSearch:
    """Finds notices by 文号, title, 主送机关, body text, activity text or department."""

    def __init__(self, db: Database, *, use_index: bool = True) -> None:
        self.db = db
        # Whether to use the FTS tables: asked of the database once; False forces LIKE.
        self._indexed: bool | None = None if use_index else False

    def matching_ids(
        self, text: str, *, include_deleted: bool = False, within: set[int] | None = None
    ) -> set[int]:
        """Ids of notices whose fields contain every space-separated word of ``text``.

        ``within``: notices known to include every answer (what a text that ``text`` narrows
        found, as the clerk types on: domain.search_words.narrows); only those are looked at.
        """
        words = [word for word in text.split() if word]
        if not words:
            return set()
        result: set[int] | None = None if within is None else set(within)
        if result is not None and not result:
            return set()
        with self.db.read_session() as session:
            if self._indexed is None:
                self._indexed = has_search_index(session)
            # Long words first: they find fewest notices, and an empty result ends the search.
            for word in sorted(words, key=len, reverse=True):
                ids = self._matching_word(session, word, result)
                result = ids if result is None else result & ids
                if not result:
                    break
            if result and not include_deleted:
                # The 回收站 holds few notices: take them away rather than list the living.
                deleted = select(Notice.id).where(Notice.deleted_at.is_not(None))
                result.difference_update(session.connection().execute(deleted).scalars())
        return result or set()

    def _matching_word(self, session: Session, word: str, within: set[int] | None) -> set[int]:
        """Notices holding ``word``; only those of ``within`` need be right, when given."""
        connection = session.connection()  # Core rows: the ORM result layer is not needed
        if self._indexed:
            # Straight through SQLite's driver: thousands of ids come back for a common word,
            # and SQLAlchemy's rows cost as much as the lookup.
            cursor = connection.connection.driver_connection.cursor()  # type: ignore[union-attr]
            try:
                return indexed_notices_holding(cursor, word, within=within)
            finally:
                cursor.close()
        sqlite = connection.dialect.name == "sqlite"
        if within is not None and len(within) > _SCAN_WITHIN:
            within = None  # too many to list; reading everything is as quick
        ids = {row[0] for row in connection.execute(_scan(word, sqlite=sqlite, within=within))}
        # Departments: the few distinct names that hold the word, then their rows by name.
        names_query = select(ActivityDepartment.name).distinct()
        names = list(
            connection.execute(
                names_query.where(_contains(ActivityDepartment.name, word, sqlite=sqlite))
            ).scalars()
        )
        everyone = len(within) if within is not None else _notice_count(connection)
        if names and len(ids) < everyone:  # when every notice is found already, skip
            named = select(ActivityDepartment.activity_id).where(ActivityDepartment.name.in_(names))
            query = select(Activity.notice_id).distinct().where(Activity.id.in_(named))
            if within is not None:
                query = query.where(Activity.notice_id.in_(sorted(within)))
            ids.update(row[0] for row in connection.execute(query))
        return ids


def indexed_notices_holding(cursor: Any, word: str, *, within: set[int] | None = None) -> set[int]:
    """Notices holding ``word``, found with the indexes of migration 0015 through an SQLite
    DB-API ``cursor``; only those of ``within`` need be right, when given."""
    pairs = None if len(word) >= TRIGRAM else pairs_query(word)
    if len(word) >= TRIGRAM:
        cursor.execute(_INDEX_MATCHING_SQL, (fts_phrase(word),))
    elif pairs is not None:
        cursor.execute(_PAIRS_MATCHING_SQL, (pairs,))
    else:  # a short word the pairs cannot tell: read the texts
        if within is not None and len(within) > _SCAN_JOINED_WITHIN:
            within = None
        return _scan_joined_texts(cursor, word, within=within)
    found = {row[0] for row in cursor}
    found.update(_series_or_organ_notices(cursor, word))
    return found


def _series_or_organ_notices(cursor: Any, word: str) -> list[int]:
    """Notices whose series code or organ name holds ``word``: those few names first, so that
    the notices are read only when one holds it (not in the joined texts)."""
    pattern = (_like(word),)
    series = [row[0] for row in cursor.execute(_SERIES_HOLDING_SQL, pattern)]
    organs = [row[0] for row in cursor.execute(_ORGANS_HOLDING_SQL, pattern)]
    if not series and not organs:
        return []
    marks = ", ".join("?" * len(series)), ", ".join("?" * len(organs))
    cursor.execute(
        f"SELECT id FROM notices WHERE series_id IN ({marks[0]}) OR organ_id IN ({marks[1]})",
        [*series, *organs],
    )
    return [row[0] for row in cursor]


def _contains(column: SQLColumnExpression[Any], word: str, *, sqlite: bool) -> ColumnElement[bool]:
    """``column`` holds ``word``: LIKE, or on SQLite instr() where LIKE's ASCII case folding
    cannot matter (no ASCII letter in the word), which scans faster."""
    if sqlite and not any(c.isascii() and c.isalpha() for c in word):
        return func.instr(column, word) > 0
    return column.like(_like(word), escape="\\")


def _scan(word: str, *, sqlite: bool, within: set[int] | None = None) -> CompoundSelect[int]:
    """Notices (of ``within``, if given) whose header, body or activity texts hold ``word``.

    One statement, so the database removes duplicates instead of sending a row per matching
    activity. Department names are matched apart (see NoticeSearch._matching_word).
    """

    def has(column: SQLColumnExpression[Any]) -> ColumnElement[bool]:
        return _contains(column, word, sqlite=sqlite)

    def among(notice_id: SQLColumnExpression[Any]) -> ColumnElement[bool]:
        return notice_id.in_(sorted(within)) if within is not None else true()

    header = (
        select(Notice.id)
        .outerjoin(DocNumberSeries, Notice.series_id == DocNumberSeries.id)
        .outerjoin(Organ, Notice.organ_id == Organ.id)
        .where(
            among(Notice.id),
            or_(
                has(Notice.title),
                has(Notice.recipients),
                has(Notice.folder),
                has(DocNumberSeries.code),
                has(Organ.name),
            ),
        )
    )
    body = select(BodyBlock.notice_id).where(among(BodyBlock.notice_id), has(BodyBlock.text))
    activities = select(Activity.notice_id).where(
        among(Activity.notice_id),
        or_(
            has(Activity.title),
            has(Activity.text),
            has(Activity.deadline),
            has(Activity.leader),
            has(Activity.place),
            has(Activity.participants),
            has(Activity.responsible_person),
        ),
    )
    return union(header, body, activities)


def _scan_joined_texts(cursor: Any, word: str, *, within: set[int] | None = None) -> set[int]:
    """What _scan and the department names find, read from notice_search_texts (SQLite, 0006).

    Straight through the driver: a list of thousands of notices (``within``) cost more to
    bind through SQLAlchemy than the scan of their texts.
    """
    if any(c.isascii() and c.isalpha() for c in word):  # as _contains: LIKE folds ASCII case
        holds, pattern = "text LIKE ? ESCAPE '\\'", _like(word)
    else:
        holds, pattern = "instr(text, ?) > 0", word
    ids = sorted(within) if within is not None else []
    among = f" AND notice_id IN ({', '.join('?' * len(ids))})" if within is not None else ""
    cursor.execute(
        f"SELECT notice_id FROM notice_search_texts WHERE {holds}{among}", [pattern, *ids]
    )
    found = {row[0] for row in cursor}
    found.update(_series_or_organ_notices(cursor, word))
    return found


def _notice_count(connection: Connection) -> int:
    return int(connection.execute(select(func.count(Notice.id))).scalar_one())


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
