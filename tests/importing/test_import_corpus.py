"""Every fact of every corpus notice, as its answer key gives it (see corpus_facts.py).

The .pdf case reads the committed PDF LibreOffice made from its text; the .doc case builds a
.docx, has LibreOffice convert it to .doc and imports that, end to end.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.importing.corpus_facts import CORPUS, Case, cases, read_case

CASES = cases()
ISSUE_FORMS = {
    "bracket", "responsible-only", "sentence-deadline", "label-lines", "event-lines",
    "unmarked-plan", "dated-items", "word-table", "flat-table", "web-paste", "date-texts",
    "damaged", "no-year", "pdf", "doc", "meeting",
}  # fmt: skip


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_every_fact_of_the_notice(case: Case, tmp_path: Path) -> None:
    facts = read_case(case, tmp_path)
    wrong = [f"{f.name}: want {f.expected!r}, got {f.got!r}" for f in facts if not f.right]
    assert not wrong, "\n".join(wrong)


def test_the_corpus_covers_every_form_of_the_issue() -> None:
    assert len(CASES) >= 30
    covered = {form for case in CASES for form in case.forms}
    assert covered == ISSUE_FORMS
    for form in ISSUE_FORMS:
        assert sum(form in case.forms for case in CASES) >= (1 if form in ("pdf", "doc") else 2)


def test_every_key_has_its_notice_and_every_notice_its_key() -> None:
    texts = {p.stem for p in CORPUS.glob("*.txt")}
    assert texts == {case.name for case in CASES}
    pdfs = {p.stem for p in CORPUS.glob("*.pdf")}
    assert pdfs == {case.name for case in CASES if case.source == "pdf"}
