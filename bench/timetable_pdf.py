"""Time the PDF timetable of a 1,000-activity year against reportlab's own floor.

The floor is the same table (same rows, columns, widths, wrapping content cells, repeated
header) of plain ASCII text in a built-in font: what reportlab costs before any CJK font,
subsetting, month grid or page numbering of ours. Both run in the same process, best of N.

    python bench/timetable_pdf.py [--rows 1000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import io
import random
import time
from collections.abc import Callable
from datetime import date

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

from unionoffice.domain.deadline import parse_deadline
from unionoffice.domain.notice import ActivityData, ActivityStatus, NoticeData
from unionoffice.exporting.timetable import (
    PdfOptions,
    SortOrder,
    TimetableFilter,
    build_timetable,
    find_cjk_font,
    render_timetable_pdf,
)
from unionoffice.exporting.timetable.pdf_table import column_widths

DEPARTMENTS = ["省总办公室", "省总组织部", "省总宣教部", "省总经济部", "省总权益保障部",
               "省总网络和社会工作部", "省总研究室", "省总女职委办公室",
               "省总干部学校"]  # fmt: skip
DEADLINES = ["3月份", "4月份", "4—7月份", "5-6月份", "全年", "6月底前", "第三季度", "下半年",
             "10月份", "11月份", "年底前", "上半年", "根据工作安排"]  # fmt: skip
PHRASES = ["组织宣讲团成员和劳模代表深入基层一线开展宣讲", "推动理论学习走进职工身边",
           "围绕重大工程、重点项目开展主题劳动和技能竞赛", "完善困难职工帮扶机制",
           "利用职工书屋开展经典诵读、阅读沙龙和名家讲堂等主题阅读活动"]  # fmt: skip


def year_of_notices(rows: int, year: int = 2021, notices: int = 20) -> list[NoticeData]:
    """``notices`` notices holding ``rows`` activities between them."""
    rng = random.Random(rows)
    result = []
    for index in range(notices):
        activities = []
        for number in range(rows // notices + (index < rows % notices)):
            deadline = rng.choice(DEADLINES)
            title = f"第{index + 1}号文第{number + 1}项{rng.choice(PHRASES)[:10]}"
            lead = rng.sample(DEPARTMENTS, k=rng.choice([1, 1, 2]))
            activities.append(
                ActivityData(
                    title=title,
                    text=title + "。" + "，".join(rng.sample(PHRASES, k=rng.randint(1, 4))) + "。",
                    deadline=deadline,
                    period=parse_deadline(deadline, year),
                    lead=lead,
                    cooperating=rng.sample([d for d in DEPARTMENTS if d not in lead], k=2),
                    leader=rng.choice([None, "张明", "李华"]),
                    status=rng.choice(list(ActivityStatus)),
                )
            )
        result.append(
            NoticeData(
                f"关于印发《{year}年第{index + 1}项工作方案》的通知",
                series_code="青总办",
                year=year,
                number=index + 1,
                date=date(year, 1 + index % 12, 10),
                activities=activities,
                id=index + 1,
            )
        )
    return result


def floor_pdf(notices: list[NoticeData]) -> bytes:
    """The same table in ASCII and Helvetica, straight reportlab, no extras."""
    timetable = build_timetable(notices)
    style = ParagraphStyle("ascii", fontName="Helvetica", fontSize=9, leading=12)
    width = landscape(A4)[0] - 30 * mm
    widths = column_widths(timetable.columns, width, month_grid=False)
    data: list[list[object]] = [[c.name for c in timetable.columns]]
    for seq, row in enumerate(timetable.rows, start=1):
        activity = row.activity
        cells: list[object] = [str(seq), Paragraph(_words(len(activity.text)), style), "d" * 8]
        cells += [Paragraph(_words(len(row.lead_text)), style)]
        cells += [Paragraph(_words(len(row.cooperating_text)), style)]
        cells += ["leader", "status"][: len(timetable.columns) - 5]
        data.append(cells)
    table = Table(data, colWidths=widths, repeatRows=1)
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, "black")]))
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=landscape(A4)).build([table])
    return buffer.getvalue()


def _words(cjk_length: int) -> str:
    """ASCII words about as wide as ``cjk_length`` Chinese characters (each ~2 Latin ones)."""
    return " ".join(["union"] * max(1, cjk_length * 2 // 6))


def best_of(repeat: int, work: Callable[[], object]) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    notices = year_of_notices(args.rows)
    font = find_cjk_font()
    render_timetable_pdf(build_timetable(notices[:1]), PdfOptions(font=font))  # load the font
    cases = {
        "reportlab floor (ASCII, Helvetica)": lambda: floor_pdf(notices),
        "timetable, plan order": lambda: render_timetable_pdf(
            build_timetable(notices), PdfOptions(font=font)
        ),
        "timetable, plan order, month grid": lambda: render_timetable_pdf(
            build_timetable(notices), PdfOptions(font=font, month_grid=True)
        ),
        "timetable, by start date, month grid": lambda: render_timetable_pdf(
            build_timetable(notices, TimetableFilter(sort=SortOrder.START)),
            PdfOptions(font=font, month_grid=True),
        ),
    }
    print(f"{args.rows} activities, font {font.path}, best of {args.repeat}")
    floor = None
    for name, work in cases.items():
        seconds = best_of(args.repeat, work)
        floor = floor or seconds
        print(f"  {name:<40} {seconds:6.2f} s  ({seconds / floor:4.1f}× floor)")


if __name__ == "__main__":
    main()
