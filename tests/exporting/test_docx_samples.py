"""The two real sample notices, read roughly from their text, exported with every template.

The reading here is a small stand-in for the importer: enough to rebuild 文号, title,
主送机关, headings and activities, which must come out of the .docx unchanged.
"""

from __future__ import annotations

import re
from pathlib import Path

import docx
import pytest

from unionoffice.domain.headings import split_heading
from unionoffice.domain.notice import ActivityData, Block, NoticeData
from unionoffice.exporting.docx import ExportOptions, Letterhead, PlanLayout, export_notice

_NUMBER = re.compile(r"^(?P<code>\S+?)〔(?P<year>\d{4})〕(?P<number>\d+)号$")
_INFO = re.compile(r"^(?P<label>完成时限|牵头部门|牵头单位|配合部门)\s*[:：]\s*(?P<value>.*)$")
_INLINE = re.compile(r"[（(]牵头部门[:：](?P<lead>.+?)[，,]配合部门[:：](?P<coop>.+?)。?[）)]$")


def _clean(line: str) -> str:
    line = re.sub(r"^(#+|-)\s*", "", line.strip())
    line = line.replace("(", "（").replace(")", "）").replace(":", "：").replace(",", "，")
    return re.sub(r"(?<=[\u4e00-\u9fff“”\"])\s+|\s+(?=[\u4e00-\u9fff“”\"])", "", line)


def _names(value: str) -> list[str]:
    return [n for n in re.split(r"[、，,]", value.strip().rstrip("。")) if n]


def read_sample(text: str) -> NoticeData:
    """A NoticeData from a sample's text (letterhead, 文号, title, recipients, body)."""
    lines = [_clean(line) for line in text.splitlines()]
    lines = [line for line in lines if line and line != "---"]
    number_at = next(i for i, line in enumerate(lines) if _NUMBER.match(line))
    found = _NUMBER.match(lines[number_at])
    notice = NoticeData(
        title=lines[number_at + 1],
        organ="青海省总工会办公室",
        series_code=found["code"],
        year=int(found["year"]),
        number=int(found["number"]),
        recipients=lines[number_at + 2],
    )
    plan = re.search(r"《(.+)》", notice.title)[1]
    section, activity = None, None
    for line in lines[number_at + 3 :]:
        heading = split_heading(line)
        info = _INFO.match(line)
        if line == plan:
            notice.body.append(Block.attachment(line))
        elif line.startswith("（") and "联系" in line:
            notice.remark = line
        elif info and activity:
            value = info["value"]
            if info["label"] == "完成时限":
                activity.deadline = value
            elif info["label"] == "配合部门":
                activity.cooperating = _names(value)
            else:
                activity.lead = _names(value)
        elif heading and heading[0] == 1:
            section, activity = heading[2], None
            notice.body.append(Block.heading(1, section))
        elif heading and heading[0] == 2 and section == "活动内容":
            body = heading[2]
            inline = _INLINE.search(body)
            if inline:
                body = body[: inline.start()]
            title = body.split("。")[0]
            activity = ActivityData(title=title, text=body, section=section)
            if inline:
                activity.lead, activity.cooperating = _names(inline["lead"]), _names(inline["coop"])
            notice.activities.append(activity)
        elif activity is not None:
            activity.text += line
        else:
            notice.body.append(Block.paragraph(line))
    return notice


@pytest.mark.parametrize("sample", ["qinghai-2021-15", "qinghai-2020-31"])
@pytest.mark.parametrize("template", ["文件式", "信函式", "纪要式", "套打"])
@pytest.mark.parametrize("layout", [PlanLayout.PARAGRAPHS, PlanLayout.TABLE])
def test_sample_round_trips_its_key_facts(
    tmp_path: Path, sample_texts: dict[str, str], sample: str, template: str, layout: PlanLayout
) -> None:
    notice = read_sample(sample_texts[sample])
    assert len(notice.activities) >= 8
    options = ExportOptions(
        template=template,
        letterhead=Letterhead("青海省总工会办公室文件", "青海省总工会办公室"),
        plan_layout=layout,
    )
    path = export_notice(notice, tmp_path / f"{sample}.docx", options, user_dir=tmp_path)
    document = docx.Document(str(path))
    texts = [p.text for p in document.paragraphs]
    assert notice.doc_number in texts
    title = next(t for t in texts if t.startswith("青海省总工会办公室关于"))
    assert title.replace("\n", "") == notice.title.replace(" ", "")
    assert notice.recipients.rstrip("：") + "：" in texts
    for number, heading in zip("一二三", notice.outline, strict=False):
        assert f"{number}、{heading}" in texts
    if layout is PlanLayout.TABLE:
        rows = document.tables[0].rows[1:]
        assert [r.cells[0].text for r in rows] == [str(n) for n in range(1, len(rows) + 1)]
        assert len(rows) == len(notice.activities)
        assert rows[0].cells[3].text == "、".join(notice.activities[0].lead)
    else:
        items = [t for t in texts if t.startswith(("（一）", "（二）", "（十）", "（十二）"))]
        assert items and items[0].startswith("（一）" + notice.activities[0].title)
        assert texts.count(f"牵头部门：{'、'.join(notice.activities[0].lead)}") >= 1
