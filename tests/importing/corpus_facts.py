"""The import corpus: notices in the forms offices write, each with an answer key of every fact.

Each notice is ``corpus/NN-name.txt`` with ``corpus/NN-name.json`` beside it. The key names the
forms the notice is written in, how it reaches the importer (``source``: the .txt itself, a .docx
built from it, the committed .pdf LibreOffice made from it, or a .doc LibreOffice converts it to)
and every fact: the notice's 文号, date, year, organ, title and 主送, and for each activity its
title, 完成时限 as written, period, times of day, departments, 责任领导, 责任人, place, participants
and note. An activity field left out of the key is empty (no place, no lead department …).

Run ``python -m tests.importing.corpus_facts`` from the project root to print how many facts
the importer gets right, per form and in total.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess
import sys
import tempfile
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

CORPUS = Path(__file__).resolve().parent / "corpus"

# The facts of an activity, with what a key that leaves one out means.
ACTIVITY_DEFAULTS: dict[str, Any] = {
    "deadline": "",
    "period": None,
    "times": None,
    "lead": [],
    "cooperating": [],
    "leader": None,
    "responsible_person": None,
    "place": "",
    "participants": "",
    "note": "",
}
NOTICE_FACTS = ("doc_number", "date", "year", "organ", "title", "recipients")
MISSING = "（没有这项活动）"


@dataclass(frozen=True)
class Case:
    """One corpus notice and its answer key."""

    name: str
    text_path: Path
    key: dict[str, Any]

    @property
    def forms(self) -> list[str]:
        return list(self.key["forms"])

    @property
    def source(self) -> str:
        return str(self.key.get("source", "txt"))


@dataclass(frozen=True)
class Fact:
    """One fact of the key and what the importer made of it."""

    case: str
    name: str
    expected: object
    got: object

    @property
    def right(self) -> bool:
        return self.expected == self.got


def cases() -> list[Case]:
    """Every corpus notice, in name order."""
    found = []
    for key_path in sorted(CORPUS.glob("*.json")):
        key = json.loads(key_path.read_text(encoding="utf-8"))
        found.append(Case(key_path.stem, key_path.with_suffix(".txt"), key))
    return found


def source_file(case: Case, workdir: Path) -> Path:
    """The file the importer reads for ``case``, made in ``workdir`` when it is built."""
    if case.source == "txt":
        return case.text_path
    if case.source == "pdf":
        return case.text_path.with_suffix(".pdf")
    docx_path = build_docx_from_text(case.text_path, workdir / f"{case.name}.docx")
    if case.source == "docx":
        return docx_path
    if case.source == "doc":
        return convert_with_libreoffice(docx_path, "doc", workdir)
    raise ValueError(f"unknown source {case.source!r} in {case.name}")


def build_docx_from_text(text_path: Path, target: Path) -> Path:
    """A .docx with the notice's lines as paragraphs; "| a | b |" rows become a Word table."""
    import docx

    document = docx.Document()
    rows: list[list[str]] = []

    def flush() -> None:
        if not rows:
            return
        table = document.add_table(rows=len(rows), cols=max(len(r) for r in rows))
        table.style = "Table Grid"  # ruled, as plan tables in notices are
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                table.cell(r, c).text = value
        rows.clear()

    for line in text_path.read_text(encoding="utf-8").splitlines():
        stripped = line.strip()
        if stripped.startswith("|") and stripped.endswith("|"):
            rows.append([cell.strip() for cell in stripped.strip("|").split("|")])
            continue
        flush()
        if stripped:
            document.add_paragraph(stripped)
    flush()
    document.save(str(target))
    return target


def convert_with_libreoffice(path: Path, suffix: str, workdir: Path) -> Path:
    """``path`` converted by LibreOffice (headless) to ``suffix`` (doc, pdf) in ``workdir``."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise RuntimeError("LibreOffice (soffice) is needed: bash scripts/system-packages.sh")
    profile = workdir / "lo-profile"
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            suffix,
            "--outdir",
            str(workdir),
            str(path),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    return workdir / f"{path.stem}.{suffix}"


def activity_facts(activity: object | None) -> dict[str, object]:
    """What the importer made of one activity, as the key writes it (None: no activity)."""
    if activity is None:
        return dict.fromkeys(["title", *ACTIVITY_DEFAULTS], MISSING)
    period = getattr(activity, "period", None)
    start_time = getattr(period, "start_time", None)
    end_time = getattr(period, "end_time", None)
    return {
        "title": activity.title,  # type: ignore[attr-defined]
        "deadline": activity.deadline,  # type: ignore[attr-defined]
        "period": [period.start.isoformat(), period.end.isoformat()] if period else None,
        "times": [_time(start_time), _time(end_time)] if start_time or end_time else None,
        "lead": list(activity.lead),  # type: ignore[attr-defined]
        "cooperating": list(activity.cooperating),  # type: ignore[attr-defined]
        "leader": activity.leader,  # type: ignore[attr-defined]
        "responsible_person": getattr(activity, "responsible_person", None),
        "place": getattr(activity, "place", ""),
        "participants": getattr(activity, "participants", ""),
        "note": activity.note,  # type: ignore[attr-defined]
    }


def expected_activity(entry: dict[str, Any]) -> dict[str, object]:
    """An activity of the key with every fact spelled out."""
    facts: dict[str, object] = {"title": entry["title"]}
    for name, default in ACTIVITY_DEFAULTS.items():
        facts[name] = entry.get(name, default)
    if entry.get("start") or entry.get("end"):
        facts["period"] = [entry.get("start"), entry.get("end")]
    if entry.get("start_time") or entry.get("end_time"):
        facts["times"] = [entry.get("start_time"), entry.get("end_time")]
    return facts


def compare(case: Case, parsed: object | None, error: str | None = None) -> list[Fact]:
    """Every fact of ``case``'s key against the parsed notice (None when import failed)."""
    notice = getattr(parsed, "notice", None)
    warnings = list(getattr(parsed, "warnings", []) or [])
    facts: list[Fact] = []
    expected_notice = case.key["notice"]
    for name in NOTICE_FACTS:
        got = _notice_value(notice, name) if notice is not None else f"（导入失败：{error}）"
        facts.append(Fact(case.name, name, expected_notice[name], got))
    for warning in case.key.get("warnings", []):
        found = any(warning in w for w in warnings)
        facts.append(Fact(case.name, f"warning {warning}", True, found))
    expected = case.key["activities"]
    got_activities = list(getattr(notice, "activities", []) or [])
    facts.append(Fact(case.name, "number of activities", len(expected), len(got_activities)))
    for index, entry in enumerate(expected):
        want = expected_activity(entry)
        have = activity_facts(got_activities[index] if index < len(got_activities) else None)
        for name, value in want.items():
            facts.append(Fact(case.name, f"activity {index + 1} {name}", value, have.get(name)))
    return facts


def _notice_value(notice: object, name: str) -> object:
    value = getattr(notice, name)
    return value.isoformat() if isinstance(value, dt.date) else value


def _time(value: dt.time | None) -> str | None:
    return value.strftime("%H:%M") if value else None


def read_case(case: Case, workdir: Path) -> list[Fact]:
    """Import ``case`` the way its key says it arrives and compare every fact."""
    from unionoffice.importing import ImportFileError, prepare_file

    try:
        prepared = prepare_file(source_file(case, workdir))
    except ImportFileError as exc:
        return compare(case, None, str(exc))
    return compare(case, prepared.parsed)


def report(selected: Sequence[Case]) -> str:
    """ "facts right N/M" per form and in total, and the wrong facts."""
    per_form: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    total = [0, 0]
    wrong: list[Fact] = []
    with tempfile.TemporaryDirectory() as folder:
        for case in selected:
            facts = read_case(case, Path(folder))
            right = sum(f.right for f in facts)
            for form in case.forms:
                per_form[form][0] += right
                per_form[form][1] += len(facts)
            total[0] += right
            total[1] += len(facts)
            wrong.extend(f for f in facts if not f.right)
    lines = [f"{form:<18} facts right {r}/{n}" for form, (r, n) in sorted(per_form.items())]
    lines.append(f"{'total':<18} facts right {total[0]}/{total[1]} ({len(selected)} notices)")
    if wrong:
        lines.append("")
        lines.append("wrong facts:")
        lines.extend(f"  {f.case}: {f.name}: want {f.expected!r}, got {f.got!r}" for f in wrong)
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    """Print the report; arguments select notices whose name contains them."""
    args = list(sys.argv[1:] if argv is None else argv)
    verbose = "-v" in args
    words = [a for a in args if a != "-v"]
    selected = [c for c in cases() if not words or any(w in c.name for w in words)]
    text = report(selected)
    print(text if verbose else text.split("\n\nwrong facts:")[0])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
