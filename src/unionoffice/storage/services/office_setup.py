"""Setting up a new database for one office: its 发文机关, 文号 series and departments.

The first-run wizard collects these and writes them here in one transaction, so a failure
leaves the database as empty as it was. The rules the wizard checks page by page are the
ones ``set_up_office`` checks again before writing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from sqlalchemy import exists, or_, select
from sqlalchemy.exc import IntegrityError

from unionoffice.domain.doc_number import DocNumberError, validate_series_code, validate_year
from unionoffice.domain.errors import UnionOfficeError
from unionoffice.storage.database import Database
from unionoffice.storage.models import Department, DocNumberSeries, Notice, Organ, RegisterEntry

# Column widths of the schema; SQLite would store longer text, PostgreSQL would refuse it.
NAME_MAX = 100
SERIES_CODE_MAX = 20
# A clerk who starts mid-year types how far each series has got; more than this is a typo.
NUMBERS_USED_MAX = 9999
# The title of the register entries for numbers given out before the program was used.
USED_BEFORE_TITLE = "（启用本程序前已使用）"

# The departments most 总工会 have, in the order their documents list them.
USUAL_DEPARTMENTS = (
    "办公室",
    "组织部",
    "宣教部",
    "权益保障部",
    "经济技术部",
    "基层工作部",
    "女职工部",
    "财务部",
    "研究室",
    "机关党委",
)

# 主送机关 by the level of the union, the longest matching ending first.
_RECIPIENTS_BY_LEVEL = (
    ("中华全国总工会", "各省、自治区、直辖市总工会，各全国产业工会，全总各部门、各直属单位："),
    ("自治区总工会", "各市（盟）总工会，自治区各产业工会、区总各直属工会，区总机关各部室："),
    ("省总工会", "各市（州）总工会，省级各产业工会、省总各直属工会，省总机关各部室："),
    ("州总工会", "各县（市）总工会，州级各产业工会，州总机关各部室："),
    ("市总工会", "各县（区）总工会，市级各产业工会、市总各直属工会，市总机关各部室："),
    ("区总工会", "各街道（乡镇）总工会，区级各产业工会，区总机关各部室："),
    ("县总工会", "各乡镇（街道）工会，县直各单位工会，县总机关各部室："),
)
_OFFICE_ENDINGS = ("办公室", "办公厅")
_BRACKETS = "〔〕[]【】()（）［］〖〗{}「」<>《》"
_DIGITS = re.compile(r"[0-9０-９]")
_LINE_BREAKS = re.compile(r"\s*\n\s*")
_SPACES = re.compile(r"[\s\u3000\u00a0]+")


class SetupError(UnionOfficeError, ValueError):
    """What the clerk entered cannot be saved; ``page`` says which part of the wizard it is.

    ``page`` is one of "organ", "series", "departments" or "" (the database itself).
    """

    def __init__(self, message: str, page: str = "") -> None:
        super().__init__(message)
        self.page = page


@dataclass(frozen=True)
class SeriesStart:
    """One 机关代字 and how many numbers of the starting year were given out by hand before."""

    code: str
    numbers_used: int = 0


@dataclass(frozen=True)
class OfficeSetup:
    """Everything the first-run wizard collects about the clerk's office."""

    organ_name: str
    header_text: str
    default_recipients: str
    default_distributor: str
    year: int
    series: tuple[SeriesStart, ...]
    departments: tuple[str, ...] = field(default_factory=tuple)


# -- defaults the wizard offers --------------------------------------------------------------


def suggested_header_text(organ_name: str) -> str:
    """发文机关标志: the organ's name followed by 文件, as on a red-header notice."""
    name = organ_name.strip()
    return f"{name}文件" if name else ""


def suggested_recipients(organ_name: str) -> str:
    """The usual 主送机关 of a union at this level; empty when the level is not recognised."""
    union = _union_of(organ_name.strip())
    for ending, recipients in _RECIPIENTS_BY_LEVEL:
        if union.endswith(ending):
            return recipients
    return ""


def suggested_distributor(organ_name: str) -> str:
    """印发机关: the union's 办公室, which prints and sends its notices (GB/T 9704 版记)."""
    name = organ_name.strip()
    if not name or name.endswith(_OFFICE_ENDINGS):
        return name
    return f"{name}办公室" if name.endswith("工会") else name


def _union_of(organ_name: str) -> str:
    for ending in _OFFICE_ENDINGS:
        if organ_name.endswith(ending):
            return organ_name.removesuffix(ending)
    return organ_name


# -- the rules -------------------------------------------------------------------------------


def clean_organ_fields(
    name: str, header_text: str, recipients: str, distributor: str
) -> tuple[str, str, str, str]:
    """The 发文机关 fields stripped and checked; SetupError (page "organ") when one is unusable."""
    name = _SPACES.sub("", name)  # Chinese names need none; a stray one is a typo
    if not name:
        raise SetupError("请填写发文机关名称，如“青海省总工会办公室”", "organ")
    header_text = header_text.strip() or suggested_header_text(name)
    distributor = distributor.strip() or suggested_distributor(name)
    for label, value in (
        ("发文机关名称", name),
        ("发文机关标志", header_text),
        ("印发机关", distributor),
    ):
        if len(value) > NAME_MAX:
            raise SetupError(f"{label}过长（最多 {NAME_MAX} 个字）", "organ")
    recipients = _LINE_BREAKS.sub("", recipients.strip())  # one line on the notice
    return name, header_text, recipients, distributor


def clean_series_code(code: str) -> str:
    """A 机关代字 as the clerk typed it, checked; SetupError (page "series") when unusable.

    Stricter than 文号 parsing: a space inside is refused rather than removed, since
    “青总办 青总发” typed in one row means two codes, not the code 青总办青总发.
    """
    code = code.strip()
    if not code:
        raise SetupError("机关代字不能为空；不需要的行请删除", "series")
    if _SPACES.search(code):
        raise SetupError(f"机关代字“{code}”中不能有空格；每行只填一个机关代字", "series")
    if any(char in _BRACKETS for char in code):
        raise SetupError(
            f"机关代字“{code}”中不能有括号：〔年份〕和序号由程序自动加在后面", "series"
        )
    if _DIGITS.search(code):
        raise SetupError(f"机关代字“{code}”中不能有数字：年份和序号由程序自动加在后面", "series")
    try:
        return validate_series_code(code)
    except DocNumberError as exc:
        raise SetupError(str(exc), "series") from None


def clean_series(series: Iterable[SeriesStart]) -> tuple[SeriesStart, ...]:
    """At least one 机关代字, each valid and used once, with a sensible count of used numbers."""
    cleaned: list[SeriesStart] = []
    seen: set[str] = set()
    for start in series:
        code = clean_series_code(start.code)
        if code in seen:
            raise SetupError(f"机关代字“{code}”重复了", "series")
        if not 0 <= start.numbers_used <= NUMBERS_USED_MAX:
            raise SetupError(f"“{code}”已用到的号数应在 0 到 {NUMBERS_USED_MAX} 之间", "series")
        seen.add(code)
        cleaned.append(SeriesStart(code, start.numbers_used))
    if not cleaned:
        raise SetupError("请至少填写一个机关代字，如“青总办”", "series")
    return tuple(cleaned)


def clean_departments(names: Iterable[str]) -> tuple[str, ...]:
    """Department names stripped, none empty or twice; an empty list is allowed."""
    cleaned: list[str] = []
    for raw in names:
        name = raw.strip()
        if not name:
            raise SetupError("部门名称不能为空；不需要的部门请删除", "departments")
        if len(name) > NAME_MAX:
            raise SetupError(f"部门名称“{name[:20]}…”过长（最多 {NAME_MAX} 个字）", "departments")
        if name in cleaned:
            raise SetupError(f"部门“{name}”重复了", "departments")
        cleaned.append(name)
    return tuple(cleaned)


def clean_setup(setup: OfficeSetup) -> OfficeSetup:
    """The whole setup checked and tidied, or the first SetupError."""
    name, header, recipients, distributor = clean_organ_fields(
        setup.organ_name, setup.header_text, setup.default_recipients, setup.default_distributor
    )
    try:
        year = validate_year(setup.year)
    except DocNumberError as exc:
        raise SetupError(str(exc), "series") from None
    return OfficeSetup(
        organ_name=name,
        header_text=header,
        default_recipients=recipients,
        default_distributor=distributor,
        year=year,
        series=clean_series(setup.series),
        departments=clean_departments(setup.departments),
    )


# -- the database ----------------------------------------------------------------------------


def is_new_database(db: Database) -> bool:
    """True when nothing has been set up or written yet: no organ, 机关代字 or notice.

    One query, since it runs at every start.
    """
    anything = or_(
        exists(select(Organ.id)),
        exists(select(DocNumberSeries.id)),
        exists(select(Notice.id)),
    )
    with db.read_session() as session:
        return not session.scalar(select(anything))


def set_up_office(db: Database, setup: OfficeSetup) -> int:
    """Write the organ, its series and departments in one transaction; the new organ's id.

    Numbers a series had already used this year are entered in the 发文登记 register, so the
    first number the program gives out follows on from them.
    """
    setup = clean_setup(setup)
    try:
        with db.session() as session:
            if session.scalar(select(Organ.id).where(Organ.name == setup.organ_name)):
                raise SetupError(f"发文机关“{setup.organ_name}”已存在", "organ")
            codes = [start.code for start in setup.series]
            taken = session.scalars(
                select(DocNumberSeries.code).where(DocNumberSeries.code.in_(codes))
            ).all()
            if taken:
                raise SetupError(f"机关代字“{'、'.join(taken)}”已在数据库中", "series")
            organ = Organ(
                name=setup.organ_name,
                header_text=setup.header_text,
                default_recipients=setup.default_recipients,
                default_distributor=setup.default_distributor,
            )
            session.add(organ)
            for start in setup.series:
                series = DocNumberSeries(code=start.code, organ=organ)
                session.add(series)
                session.add_all(
                    RegisterEntry(
                        series=series,
                        year=setup.year,
                        number=number,
                        title=USED_BEFORE_TITLE,
                        manual=True,
                    )
                    for number in range(1, start.numbers_used + 1)
                )
            session.add_all(
                Department(organ=organ, name=name, position=position)
                for position, name in enumerate(setup.departments)
            )
            session.flush()
            return organ.id
    except IntegrityError:  # another clerk on the same server was quicker
        raise SetupError(
            "发文机关或机关代字刚被其他用户建立，数据库未作修改；请重新打开程序查看"
        ) from None
