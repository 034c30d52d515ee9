"""Every row an import and a new notice write, against golden/import_rows.json.

The scenario imports the corpus, the fixtures and the samples into a database set up with an
organ, departments and aliases, a reserved 文号, a voided one and a series without an organ;
imports some of them again (taken numbers, duplicates skipped) and creates notices through
NoticeService. The golden file holds every row of every table that these write (times masked)
and each import result; it was written by the ORM path before new notices were written as
Core INSERTs. Write it again with ``python -m tests.importing.test_import_rows`` (and say why
in the commit).
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
import sqlite3
from pathlib import Path
from typing import Any

from unionoffice.domain.notice import (
    ActivityData,
    ActivityStatus,
    Block,
    BlockKind,
    NoticeData,
    NoticeStatus,
)
from unionoffice.importing import import_paths, import_text
from unionoffice.importing.service import ImportResult
from unionoffice.storage.database import Database
from unionoffice.storage.services import NoticeService
from unionoffice.storage.services.departments import DepartmentService
from unionoffice.storage.services.numbering import NumberingService
from unionoffice.storage.services.organs import OrganService

HERE = Path(__file__).resolve().parent
GOLDEN = HERE / "golden" / "import_rows.json"
SOURCES = [HERE / "corpus", HERE / "fixtures", HERE.parents[0] / "data" / "samples"]

# Tables import and create write, in the order they are dumped. The search tables (FTS and
# notice_search_texts) are left out: they follow the rows by triggers of their own.
TABLES = [
    "organs",
    "doc_number_series",
    "departments",
    "department_aliases",
    "notices",
    "register_entries",
    "body_blocks",
    "activities",
    "activity_departments",
    "notice_revisions",
    "change_log",
]
TIMES = {"created_at", "updated_at", "saved_at", "allocated_at", "changed_at", "voided_at"}


def _set_up(db: Database) -> None:
    """An office as a clerk leaves it before importing."""
    organs = OrganService(db)
    organ = organs.create_organ(
        "柳湾市总工会", series_codes=["柳工发"], departments=["市总宣传教育部", "市工人文化宫"]
    )
    DepartmentService(db).set_aliases(organ, "市工人文化宫", ["文化宫"])
    DepartmentService(db).set_aliases(organ, "市总宣传教育部", ["宣教部"])
    numbers = NumberingService(db)
    numbers.set_number("柳工发〔2019〕6号")  # reserved, not yet given to a notice
    numbers.set_number("溪工〔2021〕3号")  # its series is made without an organ
    numbers.set_number("茶工发〔2024〕9号")
    numbers.void("茶工发〔2024〕9号", "作废测试")


def _copy_sources(tmp_path: Path) -> Path:
    folder = tmp_path / "导入"
    folder.mkdir()
    for source in SOURCES:
        for path in sorted(source.glob("*.txt")):
            shutil.copy(path, folder / f"{source.name}-{path.name}")
    return folder


def _new_notices() -> list[NoticeData]:
    """Notices made in the window: numbered, with statuses, marks and a plan."""
    plan = [
        ActivityData(
            title="职工读书月",
            deadline="4—6月份",
            lead=[" 宣教部 ", "市总宣传教育部", ""],
            cooperating=["文化宫", "各区总工会"],
            leader="张三",
            status=ActivityStatus.IN_PROGRESS,
            place="文化宫",
            participants="全市职工",
            responsible_person="",
        ),
        ActivityData(
            title="劳模座谈", deadline="5月1日上午9:00", section="二、走访慰问", note="备注"
        ),
        ActivityData(title="无时限"),
    ]
    body = [
        Block(BlockKind.PARAGRAPH, "为丰富职工文化生活，现将有关事项通知如下。"),
        Block(BlockKind.HEADING, "一、活动时间", 1),
    ]
    return [
        NoticeData(
            title="关于开展职工读书月活动的通知",
            organ="柳湾市总工会",
            series_code="柳工发",
            year=2025,
            number=3,
            status=NoticeStatus.NUMBERED,
            recipients="各区总工会：",
            body=body,
            date=dt.date(2025, 3, 1),
            activities=plan,
            secrecy="秘密",
            urgency="加急",
            issuer="李四",
        ),
        NoticeData(title="草稿", organ="新机关", series_code="新代字", year=2025),
        NoticeData(title="无机关草稿", activities=[ActivityData(title="一项", lead=["某部"])]),
    ]


def scenario(tmp_path: Path) -> dict[str, Any]:
    """Run the scenario in a new database under ``tmp_path``; what it wrote."""
    db = Database(tmp_path / "rows.sqlite")
    db.clerk = "测试员"
    try:
        _set_up(db)
        folder = _copy_sources(tmp_path)
        results = import_paths(db, [folder])
        again = sorted(folder.glob("corpus-0*.txt"))[:4]
        results += import_paths(db, again, on_duplicate="import")
        results += import_paths(db, again[:2])
        results.append(import_text(db, again[2].read_bytes(), on_duplicate="import"))
        service = NoticeService(db)
        made = _new_notices()
        created = [service.create(made[0]), *service.create_many(made[1:])]
    finally:
        db.dispose()
    return {
        "results": [_result(r) for r in results],
        "created": created,
        "rows": _rows(tmp_path / "rows.sqlite"),
    }


def _result(result: ImportResult) -> dict[str, Any]:
    return {
        "path": result.path.name,
        "status": result.status,
        "notice_id": result.notice_id,
        "duplicate_of": result.duplicate_of,
        "error": result.error,
        "warnings": list(result.warnings),
        "facts": repr(result.facts),
    }


def _rows(path: Path) -> dict[str, list[list[Any]]]:
    connection = sqlite3.connect(path)
    try:
        dumped = {}
        for table in TABLES:
            cursor = connection.execute(f'SELECT * FROM "{table}" ORDER BY id')
            names = [d[0] for d in cursor.description]
            dumped[table] = [
                [
                    "<time>" if name in TIMES and value is not None else value
                    for name, value in zip(names, row, strict=True)
                ]
                for row in cursor
            ]
        return dumped
    finally:
        connection.close()


def test_import_and_create_write_the_rows_they_always_wrote(tmp_path: Path) -> None:
    expected = json.loads(GOLDEN.read_text(encoding="utf-8"))
    got = json.loads(json.dumps(scenario(tmp_path), ensure_ascii=False))
    assert got["results"] == expected["results"]
    assert got["created"] == expected["created"]
    for table in TABLES:
        assert got["rows"][table] == expected["rows"][table], table


def write_golden() -> None:
    """Write golden/import_rows.json from the code as it is now."""
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        found = scenario(Path(folder))
    GOLDEN.parent.mkdir(exist_ok=True)
    text = json.dumps(found, ensure_ascii=False, indent=1)
    GOLDEN.write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    write_golden()
