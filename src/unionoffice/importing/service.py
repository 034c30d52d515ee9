"""Importing files and folders into the database, one notice a file, each file on its own.

A file that cannot be read or stored gives an ImportResult with a Chinese error and the others
still import. A file whose content (sha256 of its whitespace-free text) was imported before is
skipped, imported again, or left to a callback that asks the clerk.
"""

from __future__ import annotations

import logging
import os
import stat
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Literal

from unionoffice.domain.department_names import DepartmentMatcher, with_listed_departments
from unionoffice.domain.errors import ConflictError, UnionOfficeError
from unionoffice.domain.notice import NoticeStatus
from unionoffice.importing.document import ImportFileError
from unionoffice.importing.file_updates import FileUpdate, apply_update, find_update
from unionoffice.importing.parallel import ParserBug, PreparedInOrder
from unionoffice.importing.preparing import STDIN, PreparedFile, prepare_file, prepare_text
from unionoffice.importing.reading import SUPPORTED_SUFFIXES
from unionoffice.importing.revisions import RevisionChoice
from unionoffice.importing.understood import (
    ImportedFacts,
    matched_departments,
    unlisted_departments,
)
from unionoffice.storage.database import Database
from unionoffice.storage.services.departments import DepartmentService
from unionoffice.storage.services.notices import NoticeService

__all__ = [  # PreparedFile and its makers moved to preparing.py; still imported from here
    "STDIN",
    "DepartmentLists",
    "ImportResult",
    "PreparedFile",
    "collect_files",
    "import_file",
    "import_paths",
    "import_text",
    "prepare_file",
    "prepare_text",
    "store_prepared",
    "with_listed_departments_of",
]

log = logging.getLogger(__name__)

# "skip", "import", or a function asked with the file and the id of the notice it repeats.
DuplicatePolicy = Literal["skip", "import"] | Callable[[Path, int], bool]
# A file that is a stored notice's own Word file, edited: "apply" stores the update (a stale
# file fails as a conflict), "ask" leaves it to the clerk (the result carries it), "new"
# imports it as a new notice as any other file.
UpdatePolicy = Literal["apply", "ask", "new"]
ProgressCallback = Callable[[int, int, "ImportResult"], None]


@dataclass(frozen=True)
class ImportResult:
    """What happened to one file: a new notice, a skipped duplicate, or an error."""

    path: Path
    notice_id: int | None = None
    duplicate_of: int | None = None
    error: str | None = None
    warnings: tuple[str, ...] = ()
    skipped: str | None = None  # why a file found in a folder was left out
    facts: ImportedFacts | None = None  # what was understood, once the file was read
    # The file is a stored notice's own Word file: the update it makes, and once stored, the
    # notice's new version (the notice is then ``notice_id``).
    update: FileUpdate | None = None
    updated_version: int | None = None

    @property
    def status(self) -> Literal["created", "updated", "update", "skipped", "failed"]:
        """created / updated (a notice updated from its file) / update (an update waiting for
        the clerk) / skipped / failed."""
        if self.error is not None:
            return "failed"
        if self.updated_version is not None:
            return "updated"
        if self.update is not None:
            return "update"
        return "created" if self.notice_id is not None else "skipped"


KINDS = ".docx、.doc、.wps、.pdf 和 .txt"  # what a clerk is told the importer reads


def collect_files(paths: Iterable[Path | str]) -> tuple[list[Path], list[ImportResult]]:
    """The files to import, and a result for everything given that cannot be imported.

    Folders are read recursively in name order for every kind the importer reads (.docx,
    .txt, .pdf, .doc, .wps …); Word's ~$ owner files and hidden files are left out silently,
    every other file that is not a notice, every unreadable subfolder and every pipe or
    device is reported, and a folder with nothing to import says so.
    """
    files: list[Path] = []
    problems: list[ImportResult] = []
    for given in paths:
        if not str(given).strip():
            problems.append(ImportResult(Path(""), error="路径为空：请给出要导入的文件或文件夹"))
            continue
        path = Path(given)
        if path.is_dir():
            found = _files_in_folder(path, problems)
            if not found:
                problems.append(
                    ImportResult(path, error=f"文件夹中没有可导入的公文（{KINDS} 文件）")
                )
            files.extend(found)
        else:
            problem = _unimportable(path)
            if problem is None:
                files.append(path)
            else:
                problems.append(ImportResult(path, error=problem))
    return list(dict.fromkeys(files)), problems


def _unimportable(path: Path) -> str | None:
    """Why a file given by name cannot be imported, or None."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return "文件或文件夹不存在"
    except OSError as exc:
        return f"无法读取：{exc.strerror or exc}"
    if not stat.S_ISREG(mode):
        return "不是普通文件（管道、设备等），无法导入"
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        return f"不支持的文件类型“{suffix or '无扩展名'}”：只能导入 {KINDS}"
    return None


def _files_in_folder(folder: Path, problems: list[ImportResult]) -> list[Path]:
    """Importable files under ``folder``; what is left out for a reason goes to ``problems``."""

    def unreadable(error: OSError) -> None:
        where = Path(error.filename) if error.filename else folder
        problems.append(ImportResult(where, error=f"无法读取文件夹：{error.strerror or error}"))

    found: list[Path] = []
    for root, folders, names in os.walk(folder, onerror=unreadable):
        folders[:] = sorted(f for f in folders if not f.startswith("."))
        for name in sorted(names):
            if name.startswith(("~$", ".")):
                continue  # Word's owner files, hidden files
            path = Path(root) / name
            problem = _unimportable(path)
            if problem is None:
                found.append(path)
            else:
                problems.append(ImportResult(path, skipped=problem))
    return found


class DepartmentLists:
    """The organs' department lists and aliases, read once per import run (a folder of a
    thousand files names the same organ a thousand times)."""

    def __init__(self, db: Database) -> None:
        self._departments = DepartmentService(db)
        self._lists: dict[str, DepartmentMatcher] = {}

    def of(self, organ: str) -> DepartmentMatcher:
        if organ not in self._lists:
            self._lists[organ] = self._departments.matcher_of(organ)
        return self._lists[organ]


def with_listed_departments_of(db: Database, prepared: PreparedFile) -> PreparedFile:
    """``prepared`` with its 牵头/配合 names as the organ's listed departments they mean (an
    alias, the organ's own prefix), saying which; for a paste, so the clerk sees them before
    saving."""
    notice = prepared.parsed.notice
    matcher = DepartmentService(db).matcher_of(notice.organ) if notice.organ else None
    if matcher is None or not matcher.names:
        return prepared
    listed, matched = with_listed_departments(notice, matcher)
    if not matched:
        return prepared
    return replace(
        prepared,
        parsed=replace(prepared.parsed, notice=listed),
        warnings=(*prepared.warnings, *matched_departments(matched)),
    )


def import_file(
    db: Database,
    path: Path,
    on_duplicate: DuplicatePolicy = "skip",
    *,
    departments: DepartmentLists | None = None,
    revisions: RevisionChoice = "accept",
    on_update: UpdatePolicy = "apply",
) -> ImportResult:
    """Import one file; never raises for a problem with the file or its data.

    ``revisions``: accept a Word file's tracked changes, or keep the text before them;
    ``on_update``: what to do with a stored notice's own edited Word file (UpdatePolicy).
    """
    return _import(
        db, path, lambda: prepare_file(path, revisions), on_duplicate, departments, on_update
    )


def import_text(
    db: Database, data: bytes, on_duplicate: DuplicatePolicy = "skip", label: Path = STDIN
) -> ImportResult:
    """Import the text of one notice (``unionoffice import -``); never raises for a problem
    with the text or its data. The result's path is ``label``."""
    return _import(db, label, lambda: prepare_text(data, label), on_duplicate)


def store_prepared(
    db: Database, prepared: PreparedFile, on_duplicate: DuplicatePolicy = "skip"
) -> ImportResult:
    """Store a notice read by ``prepare_file``/``prepare_text`` and perhaps corrected by the
    clerk (从剪贴板导入); the same checks and report as ``import_text``."""
    return _import(db, prepared.path, lambda: prepared, on_duplicate)


def _import(
    db: Database,
    path: Path,
    prepare: Callable[[], PreparedFile],
    on_duplicate: DuplicatePolicy,
    departments: DepartmentLists | None = None,
    on_update: UpdatePolicy = "new",
) -> ImportResult:
    try:
        prepared = prepare()
    except ImportFileError as exc:
        return ImportResult(path, error=str(exc))
    except ParserBug as exc:  # in a worker process, which sent its traceback
        log.error("import of %s failed\n%s", path, exc.trace)
        return ImportResult(path, error=_parser_bug(exc.kind))
    except Exception as exc:  # a parser bug must not stop a folder import
        log.exception("import of %s failed", path)
        return ImportResult(path, error=_parser_bug(type(exc).__name__))
    service = NoticeService(db)
    facts = ImportedFacts.of(prepared.parsed.notice)
    try:
        existing = service.find_by_source_hash(prepared.source_hash)
        if existing is not None and not _import_again(on_duplicate, path, existing):
            return ImportResult(
                path, duplicate_of=existing, warnings=prepared.warnings, facts=facts
            )
        if existing is None and on_update != "new" and prepared.revisions is not None:
            try:
                update = find_update(db, path, prepared.parsed.notice, prepared.properties)
            except UnionOfficeError:
                raise
            except Exception as exc:  # a bug in the comparison must not stop a folder import
                log.exception("comparing %s with its notice failed", path)
                raise ImportFileError(
                    f"无法与已有公文比较（程序内部错误 {type(exc).__name__}），未导入"
                ) from exc
            if update is not None:
                return _update(db, prepared, update, on_update, facts)
        return _store(service, prepared, existing, departments or DepartmentLists(db))
    except UnionOfficeError as exc:
        return ImportResult(path, error=str(exc), warnings=prepared.warnings, facts=facts)


def _update(
    db: Database,
    prepared: PreparedFile,
    update: FileUpdate,
    policy: UpdatePolicy,
    facts: ImportedFacts,
) -> ImportResult:
    """A stored notice's own Word file: nothing to do, an update stored, or one to ask about."""
    warnings = (*prepared.warnings, *update.warnings)
    if not update.changes:
        return ImportResult(
            prepared.path,
            duplicate_of=update.notice_id,
            warnings=(*warnings, f"与公文“{update.stored.title}”内容相同，无需更新"),
            facts=facts,
        )
    if policy == "ask":
        return ImportResult(prepared.path, warnings=warnings, facts=facts, update=update)
    version = apply_update(db, update)  # a stale file raises ConflictError: reported, not stored
    return ImportResult(
        prepared.path,
        notice_id=update.notice_id,
        warnings=(*warnings, update.describe()),
        facts=ImportedFacts.of(update.updated),
        update=update,
        updated_version=version,
    )


def _import_again(policy: DuplicatePolicy, path: Path, existing: int) -> bool:
    if policy == "skip":
        return False
    if policy == "import":
        return True
    if callable(policy):
        return bool(policy(path, existing))
    raise ValueError(f"unknown duplicate policy {policy!r}")


def _store(
    service: NoticeService,
    prepared: PreparedFile,
    duplicate_of: int | None,
    departments: DepartmentLists,
) -> ImportResult:
    notice = prepared.parsed.notice
    warnings = list(prepared.warnings)
    matcher = departments.of(notice.organ) if notice.organ else DepartmentMatcher()
    if matcher.names:
        notice, matched = with_listed_departments(notice, matcher)
        warnings += matched_departments(matched)
    try:
        notice_id = service.create(
            notice, source_hash=prepared.source_hash, source_text=prepared.source_text
        )
    except ConflictError as exc:
        if notice.number is None:
            raise
        # The 文号 is taken (by an earlier import of this notice, or another notice): keep the
        # notice, without the number, rather than lose it.
        notice = replace(notice, number=None, status=NoticeStatus.DRAFT)
        notice_id = service.create(
            notice, source_hash=prepared.source_hash, source_text=prepared.source_text
        )
        warnings.append(f"{exc}；已作为未编号公文导入")
    if notice.organ and any(a.lead or a.cooperating for a in notice.activities):
        warnings += unlisted_departments(notice, matcher.names)
    return ImportResult(
        prepared.path,
        notice_id=notice_id,
        duplicate_of=duplicate_of,
        warnings=tuple(warnings),
        facts=ImportedFacts.of(notice),
    )


def import_paths(
    db: Database,
    paths: Sequence[Path | str],
    on_duplicate: DuplicatePolicy = "skip",
    *,
    progress: ProgressCallback | None = None,
    cancelled: Callable[[], bool] | None = None,
    revisions: RevisionChoice = "accept",
    on_update: UpdatePolicy = "apply",
) -> list[ImportResult]:
    """Import files and folders; one result per file, in order, errors included.

    ``progress(done, total, result)`` is called after each file; ``cancelled()`` is asked
    before each file, so a GUI worker can stop between files (each file is one transaction).
    Many files are read and parsed by worker processes while this one stores them in order
    (parallel.py): the same notices, numbers and report as one file after another.
    """
    files, results = collect_files(paths)
    total = len(files)
    departments = DepartmentLists(db)
    with PreparedInOrder(files, revisions) as prepared_files:
        prepared = iter(prepared_files)
        for done in range(1, total + 1):
            if cancelled is not None and cancelled():
                break
            item = next(prepared)
            result = _import(db, item.path, item.unwrap, on_duplicate, departments, on_update)
            results.append(result)
            if progress is not None:
                progress(done, total, result)
    return results


def _parser_bug(kind: str) -> str:
    return f"无法解析该文件（程序内部错误 {kind}）"
