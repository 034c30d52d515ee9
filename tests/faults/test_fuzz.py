"""Fuzzing: ten thousand inputs a run (importer and command line) and not one unexpected
exception. UNIONOFFICE_FUZZ_SCALE multiplies the counts (a nightly run: 10 or more), and
UNIONOFFICE_FUZZ_SEED replays a run; a failure names the seed and the input."""

from __future__ import annotations

import os
import random
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.faults.kit import content_digest, run_cli

from unionoffice.importing import ImportFileError, parse_text
from unionoffice.importing.reading import decode_text

SCALE = max(1, int(os.environ.get("UNIONOFFICE_FUZZ_SCALE", "1")))
SEED = int(os.environ.get("UNIONOFFICE_FUZZ_SEED", "20261203"))
IMPORTER_INPUTS = 8_000 * SCALE
CLI_INPUTS = 2_000 * SCALE

SAMPLES = Path(__file__).resolve().parents[1] / "data" / "samples"
FIXTURES = Path(__file__).resolve().parents[1] / "importing" / "fixtures"

# What notices are made of: the marks the parser looks for, in every spelling clerks use.
MARKS = [
    "一、", "（一）", "(二)", "1.", "2．", "（1）", "⑴", "①", "第一条", "附件：", "附件1",
    "完成时限：", "完成时间:", "牵头部门：", "牵头单位：", "配合部门：", "责任领导：", "责任单位：",
    "时间：", "地点：", "参加人员：", "（牵头部门：省总宣教部；配合部门：各市州总工会）",
    "青总办〔2021〕15号", "〔", "〕", "号", "2021年3月1日", "二○二一年三月一日", "4—7月份",
    "全年", "3月底前", "上半年", "第三季度", "抄送：", "印发", "各市（州）总工会：", "通知",
    "关于", "的通知", "\u3000", "\t", "  ", "•", "- ", "**", "#", "\x00", "\ufeff", "\r",
]  # fmt: skip


def _corpus() -> list[list[str]]:
    texts = [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt"))]
    texts += [p.read_bytes().decode("gb18030", "replace") for p in sorted(FIXTURES.glob("*.txt"))]
    return [text.splitlines() for text in texts]


def _mutant(rng: random.Random, corpus: list[list[str]]) -> str:
    """A notice as it may arrive: cut, shuffled, repeated, marks and noise put anywhere."""
    lines = list(rng.choice(corpus))
    if rng.random() < 0.5:  # a fragment: what a clerk pastes
        start = rng.randrange(len(lines))
        lines = lines[start : start + rng.randint(1, 12)]
    for _ in range(rng.randint(0, 8)):
        kind = rng.random()
        where = rng.randrange(len(lines) + 1)
        if kind < 0.3:
            lines.insert(where, rng.choice(MARKS) + rng.choice(lines or [""])[: rng.randint(0, 40)])
        elif kind < 0.45 and lines:
            del lines[rng.randrange(len(lines))]
        elif kind < 0.6 and lines:
            line = lines[rng.randrange(len(lines))]
            cut = rng.randint(0, len(line))
            lines.insert(where, line[:cut] + rng.choice(MARKS) + line[cut:])
        elif kind < 0.7 and lines:
            lines.extend(lines[: rng.randint(1, 30)])  # a plan pasted twice
        elif kind < 0.8:
            noise = (chr(rng.randint(1, 0x2FFFF)) for _ in range(rng.randint(1, 30)))
            lines.insert(where, "".join(noise))
        elif kind < 0.9 and lines:
            lines = [" ".join(lines)]  # copied from a web page: no line breaks at all
        else:
            lines.insert(where, rng.choice(MARKS) * rng.randint(1, 50))
    return rng.choice(["\n", "\r\n", "\n\n"]).join(lines)


def test_the_importer_takes_any_text(record_property) -> None:
    rng = random.Random(SEED)
    corpus = _corpus()
    record_property("seed", SEED)
    for count in range(IMPORTER_INPUTS):
        text = _mutant(rng, corpus)
        try:
            parsed = parse_text(text)
        except ImportFileError:
            continue  # the importer's own refusal, with its message
        except Exception as exc:  # pragma: no cover - the report is the point
            pytest.fail(f"input {count} of seed {SEED} raised {exc!r}:\n{text[:2000]!r}")
        notice = parsed.notice
        assert isinstance(notice.title, str)
        for activity in notice.activities:
            assert activity.title.strip(), f"input {count} of seed {SEED}: an untitled activity"


def test_the_reader_takes_any_bytes() -> None:
    rng = random.Random(SEED + 1)
    corpus = ["\n".join(lines) for lines in _corpus()]
    encodings = ["utf-8", "utf-8-sig", "gb18030", "utf-16", "big5", "latin-1"]
    for count in range(IMPORTER_INPUTS // 8):
        text = rng.choice(corpus)[: rng.randint(0, 3000)]
        data = bytearray(text.encode(rng.choice(encodings), errors="replace"))
        for _ in range(rng.randint(0, 10)):
            if data:
                data[rng.randrange(len(data))] = rng.randrange(256)
        try:
            decoded, _encoding = decode_text(bytes(data))
        except ImportFileError:
            continue
        except Exception as exc:  # pragma: no cover
            pytest.fail(f"bytes {count} of seed {SEED + 1} raised {exc!r}: {bytes(data[:200])!r}")
        assert isinstance(decoded, str)


# -- the command line -------------------------------------------------------------------

_typed = st.text(
    alphabet=st.sampled_from(list("青总办工发〔〕[]【】()（）第号0123456789０１２-—年月日 _%'\";\\~")),
    max_size=24,
)  # fmt: skip
_any = st.text(max_size=24).filter(lambda t: "\x00" not in t)
_words = _typed | _any
# File names in the case's own folder: no separators, so nothing leaves it.
_names = st.text(alphabet=st.sampled_from(list("通知表ab1 .-_~$#%（）")), min_size=1, max_size=20)


def _commands(folder: Path) -> st.SearchStrategy[list[str]]:
    def out(name: str, suffix: str) -> str:
        return str(folder / (name + suffix))

    return st.one_of(  # fmt: skip (one command a line)
        st.builds(lambda t: ["number", "set", t], _words),
        st.builds(lambda t, r: ["number", "void", t, "--reason", r], _words, _words),
        st.builds(lambda t, y: ["number", "allocate", t, "--year", y], _words, _words),
        st.builds(lambda t, y: ["number", "register", "--series", t, "--year", y], _words, _words),
        st.builds(lambda t: ["show", t], _words),
        st.builds(lambda t: ["show", t, "--json"], _words),
        st.builds(lambda t, s: ["list", "--year", t, "--series", s], _words, _words),
        st.builds(lambda i, n: ["export", i, "--docx", out(n, ".docx")], _words, _names),
        st.builds(lambda n, t: ["export", "2", "--docx", out(n, ".docx"), "--template", t], _names, _words),
        st.builds(lambda i, n: ["timetable", i, "--pdf", out(n, ".pdf")], _words, _names),
        st.builds(lambda m, n: ["timetable", "2", "--month", m, "--xlsx", out(n, ".xlsx")], _words, _names),
        st.builds(lambda d, n: ["timetable", "2", "--today", d, "--overdue", "--ics", out(n, ".ics")], _words, _names),
        st.builds(lambda p, n: ["timetable", "2", "--department", p, "--pdf", out(n, ".pdf")], _words, _names),
        st.builds(lambda n: ["backup", out(n, "")], _names),
        st.builds(lambda n: ["restore", out(n, "")], _names),
        st.builds(lambda n: ["import", out(n, ".txt")], _names),
    )  # fmt: skip


@pytest.fixture(scope="module")
def fuzz_folder(tmp_path_factory, demo_file: Path) -> Path:
    folder = tmp_path_factory.mktemp("cli-fuzz")
    shutil.copy(demo_file, folder / "office.sqlite")
    notice = "关于开展活动的通知\n各单位：\n请按时参加。\n"
    (folder / "通知.txt").write_text(notice, encoding="utf-8")
    return folder


@settings(
    max_examples=CLI_INPUTS,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_the_command_line_takes_any_arguments(fuzz_folder: Path, data: st.DataObject) -> None:
    db = fuzz_folder / "office.sqlite"
    args = data.draw(_commands(fuzz_folder))
    before = content_digest(db)
    outcome = run_cli(["--db", db, *args])
    assert "Traceback" not in outcome.err
    assert outcome.code in (0, 1, 2), outcome
    if outcome.code != 0:
        assert outcome.err.strip(), "a failing command must say why"
        assert content_digest(db) == before
