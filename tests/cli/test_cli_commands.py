import json
import subprocess
import sys

import pytest

from unionoffice import __version__
from unionoffice.cli import main
from unionoffice.storage import migrations


@pytest.fixture
def run(db_url, capsys):
    def _run(*args: str) -> tuple[int, str, str]:
        code = main(["--db", db_url, *args])
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    return _run


def test_demo_list_and_show_json(run):
    code, out, _ = run("demo")
    assert code == 0 and "9 篇公文" in out
    code, out, _ = run("list", "--json")
    listed = json.loads(out)["notices"]
    assert len(listed) == 9
    assert sum(1 for n in listed if n["doc_number"] is None) == 1
    with_plan = next(n for n in listed if n["doc_number"] == "青总办通〔2021〕1号")
    code, out, _ = run("show", str(with_plan["id"]), "--json")
    shown = json.loads(out)
    assert code == 0
    assert set(shown) == {
        "id", "org", "doc_number", "title", "recipients", "date", "outline", "activities",
        "copy_number", "secrecy", "secrecy_term", "urgency", "issuer",
        "attendees", "absentees", "observers",
    }  # fmt: skip
    assert shown["issuer"] is None and shown["secrecy"] is None  # a 下行文 without marks
    assert shown["org"] == "青海省总工会办公室"
    assert shown["outline"] == ["总体要求", "活动内容", "工作要求"]
    assert shown["date"].startswith("2021-04-")
    first = shown["activities"][0]
    assert set(first) == {
        "seq", "section", "title", "deadline", "start", "end", "start_time", "end_time",
        "place", "participants", "lead", "cooperating", "leader", "responsible_person",
        "status",
    }  # fmt: skip
    assert first["seq"] == 1 and isinstance(first["lead"], list) and first["lead"]
    assert all(a["status"] in ("未开始", "进行中", "已完成") for a in shown["activities"])
    assert (first["start_time"], first["place"], first["responsible_person"]) == (None,) * 3
    # the plan of events: times of day, place, participants, the person responsible
    events = next(n for n in listed if n["doc_number"] == "青总办通〔2021〕3号")
    code, out, _ = run("show", str(events["id"]), "--json")
    walk, show = json.loads(out)["activities"][:2]
    assert (walk["start"], walk["start_time"], walk["end_time"]) == ("2021-10-12", "09:00", None)
    assert walk["place"] == "湟水河滨河步道（集合地点：海湖广场东门）"
    assert walk["participants"].startswith("省总机关全体干部职工")
    assert walk["responsible_person"] == "王敏"
    assert (show["start_time"], show["end_time"]) == ("14:30", "16:00")
    code, out, _ = run("show", str(events["id"]))
    assert "（2021-10-15—2021-10-15 14:30—16:00）" in out
    assert "地点：青海省工人文化宫一楼展厅" in out


def test_show_text(run):
    run("demo")
    code, out, _ = run("show", "1")
    assert code == 0 and "青总办〔2021〕1号" in out and "完成时限" in out


def test_allocate_prints_the_number_alone(run):
    code, out, err = run("number", "allocate", "工办", "--year", "2021")
    assert (code, out) == (0, "工办〔2021〕1号\n")
    assert "新建" in err and "工办" in err
    code, out, err = run("number", "allocate", "工办", "--year", "2021")
    assert (code, out, err) == (0, "工办〔2021〕2号\n", "")


def test_set_void_and_register(run):
    run("number", "allocate", "青总办", "--year", "2021")
    code, out, err = run("number", "set", "青总办[2021]第4号")
    assert code == 0 and out == "青总办〔2021〕4号\n" and "2—3号" in err
    code, out, err = run("number", "set", "青总办〔2021〕4号")
    assert code == 1 and out == "" and "已被占用" in err
    code, out, _ = run("number", "void", "青总办〔2021〕1号", "--reason", "误取号")
    assert code == 0 and "作废" in out
    code, out, _ = run("number", "register", "--series", "青总办", "--year", "2021", "--json")
    register = json.loads(out)
    assert [e["state"] for e in register["entries"]] == ["作废", "预留"]
    assert register["entries"][0]["void_reason"] == "误取号"
    assert register["missing"] == [[2, 3]]  # runs of missing numbers, first and last
    code, out, _ = run("number", "register", "--series", "青总办", "--year", "2021")
    assert "缺号：2—3号" in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["show", "42"], "没有编号为 42 的公文"),
        (["number", "allocate", "青总办", "--year", "21"], "年份 21 无效"),
        (["list", "--year", "99999999999"], "年份 99999999999 无效"),
        (["demo", "--year", "99999"], "年份 99999 无效"),
        (["number", "set", "青总办2021-15"], "无法识别文号"),
        (["number", "void", "青总办〔2021〕1号", "--reason", "x"], "没有"),
        (["number", "register", "--series", "无此代字", "--year", "2021"], "无此代字"),
    ],
)
def test_errors_are_chinese_on_stderr_with_exit_1(run, args, message):
    code, out, err = run(*args)
    assert code == 1 and out == ""
    assert err.startswith("错误：") and message in err
    assert "Traceback" not in err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["show", "99999999999999999999999"], "公文编号 99999999999999999999999 无效"),
        (["number", "register", "--series", "青总办", "--year", "1e9"], "年份“1e9”应为整数"),
        (["list", "--year", "二〇二一"], "年份“二〇二一”应为整数"),
    ],
)
def test_numbers_out_of_range_are_usage_errors_in_chinese(run, args, message):
    code, out, err = run(*args)
    assert code == 2 and out == ""
    assert message in err and "Traceback" not in err


def test_a_bad_database_file_is_an_error_not_a_crash(tmp_path, capsys):
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(b"\x00\x01 not a database")
    assert main(["--db", str(bad), "list"]) == 1
    assert "不是" in capsys.readouterr().err
    assert bad.read_bytes() == b"\x00\x01 not a database"


def test_migrate(run):
    code, out, _ = run("migrate")
    assert code == 0 and migrations.head_revision() in out
    code, out, _ = run("migrate")
    assert code == 0 and "已是最新版本" in out


def test_usage_errors_exit_2(db_path, capsys):
    assert main(["--db", str(db_path), "number"]) == 2
    assert "usage" in capsys.readouterr().err


def test_console_entry_point_version(db_path):
    result = subprocess.run(
        [sys.executable, "-m", "unionoffice", "--version"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0 and __version__ in result.stdout


def test_history_and_diff_of_a_notice(tmp_path, capsys) -> None:
    import json

    from unionoffice.cli import main
    from unionoffice.domain.notice import Block, NoticeData
    from unionoffice.storage.database import Database
    from unionoffice.storage.services import NoticeService

    path = tmp_path / "h.sqlite"
    db = Database(path)
    try:
        service = NoticeService(db)
        notice_id = service.create(
            NoticeData(title="关于开展读书月活动的通知", body=[Block.paragraph("第一段。")])
        )
        first = service.get(notice_id)
        first.title = "关于开展职工读书月活动的通知"
        service.update(first)
        second = service.get(notice_id)
        second.body.append(Block.paragraph("第二段。"))
        service.update(second)
        versions = [first.version, second.version, service.get(notice_id).version]
    finally:
        db.dispose()
    assert main(["--db", str(path), "history", str(notice_id)]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert [line.split("\t")[0] for line in lines] == [str(v) for v in reversed(versions)]
    assert [line.split("\t")[3] for line in lines] == ["正文 1 处（新增 1）", "标题", "新建"]
    assert main(["--db", str(path), "history", str(notice_id), "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [r["version"] for r in listed["revisions"]] == list(reversed(versions))
    old, new = str(versions[0]), str(versions[2])
    assert main(["--db", str(path), "diff", str(notice_id), old, new]) == 0
    out, err = capsys.readouterr()
    assert out.strip().splitlines() == [
        "标题：关于开展读书月活动的通知 → 关于开展职工读书月活动的通知",
        "正文新增第 2 段：第二段。",
    ]
    assert "标题；正文 1 处（新增 1）" in err
    assert main(["--db", str(path), "diff", str(notice_id), "1", str(versions[2] + 5)]) == 1
    assert "没有第" in capsys.readouterr().err
