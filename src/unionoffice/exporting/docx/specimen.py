"""A specimen notice with every element, to preview a template without a database.

``python -m unionoffice.exporting.docx.specimen OUT.docx [--template NAME]`` writes it; a
clerk editing a template in Word uses it to see the result, tests and benchmarks use it too.
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from unionoffice.domain.notice import ActivityData, Block, NoticeData
from unionoffice.exporting.docx.options import ExportOptions, Letterhead, PlanLayout

SPECIMEN_LETTERHEAD = Letterhead(
    header_text="青海省总工会办公室文件", organ_name="青海省总工会办公室"
)


def specimen_notice(activity_count: int = 4) -> NoticeData:
    """青总办〔2021〕15号 with headings, an attachment and ``activity_count`` activities."""
    plan = "开展庆祝建党100周年暨庆“五一”系列活动方案"
    activities = [
        ActivityData(
            title=f"开展第{n}项主题活动",
            text=f"开展第{n}项主题活动。组织劳模代表深入基层一线开展宣讲，推动理论学习走进职工身边。",
            section="活动内容",
            deadline=("4—7月份", "5-6月份", "全年", "4月份")[n % 4],
            lead=["省总宣教部"] if n % 2 else ["省总宣教部", "省总经济部"],
            cooperating=["各市（州）总工会", "省级各产业工会"],
            leader="张明" if n == 1 else None,
        )
        for n in range(1, activity_count + 1)
    ]
    return NoticeData(
        title=f"青海省总工会办公室关于印发《{plan}》的通知",
        organ="青海省总工会办公室",
        series_code="青总办",
        year=2021,
        number=15,
        recipients="各市（州）总工会，省级各产业工会、省总各直属工会，省总机关各部室",
        body=[
            Block.paragraph(f"现将《{plan}》印发给你们，请结合实际抓好落实。"),
            Block.attachment(plan),
            Block.paragraph("为热烈庆祝建党100周年暨“五一”国际劳动节，制定如下活动方案。"),
            Block.heading(1, "总体要求"),
            Block.paragraph(
                "以习近平新时代中国特色社会主义思想为指导，围绕爱党爱国爱社会主义主题开展活动。"
            ),
            Block.heading(1, "活动内容"),
            Block.heading(1, "工作要求"),
            Block.heading(2, "高度重视，精心组织"),
            Block.paragraph("各级工会要充分认识系列活动的重大意义，加强组织领导。"),
            Block.heading(3, "成立领导小组"),
            Block.heading(4, "明确责任分工"),
        ],
        attachment_note=plan,
        signature="青海省总工会办公室",
        date=date(2021, 4, 6),
        remark="省总宣教部联系人：车永秀，联系电话：0971-8236825",
        cc="全国总工会办公厅",
        distributor="青海省总工会办公室",
        distribution_date=date(2021, 4, 6),
        activities=activities,
    )


def main(argv: list[str] | None = None) -> int:
    """Write the specimen notice with a template, for a look in Word or WPS."""
    from unionoffice.exporting.docx.notice_writer import export_notice

    parser = argparse.ArgumentParser(description="用示例公文预览模板效果")
    parser.add_argument("out", type=Path, help="输出的 .docx 文件")
    parser.add_argument("--template", help="模板名称或 .docx 路径")
    parser.add_argument("--plan-as", choices=("table", "paragraphs"))
    parser.add_argument("--activities", type=int, default=4)
    args = parser.parse_args(argv)
    options = ExportOptions(
        template=args.template,
        letterhead=SPECIMEN_LETTERHEAD,
        plan_layout=PlanLayout(args.plan_as) if args.plan_as else None,
    )
    print(export_notice(specimen_notice(args.activities), args.out, options))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
