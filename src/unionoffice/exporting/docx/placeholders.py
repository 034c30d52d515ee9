"""Template placeholders such as ``{{ 文号 }}``, filled in a Jinja2 sandbox.

A template is a document from outside the program; its placeholders are rendered by an
immutable sandbox with no globals, so ``{{ ''.__class__ }}`` and the like are refused with a
clear error instead of running. Word often splits typed text into several runs; a paragraph's
runs are joined, rendered, and the result kept in the first run (with its formatting).
"""

from __future__ import annotations

from collections.abc import Iterator

from docx.document import Document
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph
from jinja2 import StrictUndefined, TemplateError, TemplateSyntaxError, UndefinedError
from jinja2.sandbox import ImmutableSandboxedEnvironment, SecurityError

from unionoffice.domain.notice import NoticeData
from unionoffice.domain.notice_text import break_title, format_chinese_date
from unionoffice.exporting.docx import errors
from unionoffice.exporting.docx.options import Letterhead

# Stands for the body while paragraphs are rendered; the paragraph holding it is the anchor.
BODY_MARKER = "\ue000正文\ue000"
BODY_PLACEHOLDER = "正文"

_HEADER_FOOTER_RELS = (
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/header",
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer",
)


class _Sandbox(ImmutableSandboxedEnvironment):
    """No globals, no attribute tricks, no ``'x' * 10**9``."""

    intercepted_binops = frozenset({"*", "**"})

    def call_binop(self, context, operator, left, right):  # type: ignore[no-untyped-def]
        raise SecurityError(f"运算“{operator}”在模板中不可用")


def _environment() -> _Sandbox:
    env = _Sandbox(undefined=StrictUndefined, autoescape=False, keep_trailing_newline=False)
    env.globals.clear()
    return env


def notice_context(notice: NoticeData, letterhead: Letterhead) -> dict[str, str]:
    """The values a template may use, by the names a clerk reads."""
    organ = letterhead.organ_name or notice.organ or ""
    return {
        "发文机关标志": letterhead.header_text or (f"{organ}文件" if organ else ""),
        "发文机关": organ,
        "文号": notice.doc_number or "",
        "标题": "\n".join(break_title(notice.title, organ)),
        "主送机关": notice.recipients,
        "成文日期": format_chinese_date(notice.date),
        "年份": str(notice.year or (notice.date.year if notice.date else "")),
        "印发机关": notice.distributor,
        "印发日期": format_chinese_date(notice.distribution_date or notice.date),
        BODY_PLACEHOLDER: BODY_MARKER,
    }


class PlaceholderRenderer:
    """Renders every placeholder of one template, reporting problems under its name."""

    def __init__(self, template_name: str, context: dict[str, str]) -> None:
        self.template_name = template_name
        self.context = context
        self._env = _environment()

    def render_text(self, text: str) -> str:
        """Render one piece of template text, or raise errors.TemplateError naming the template."""
        snippet = text.strip()
        if len(snippet) > 40:
            snippet = snippet[:40] + "…"
        name = self.template_name
        try:
            return self._env.from_string(text).render(self.context)
        except SecurityError as exc:
            raise errors.TemplateError(
                f"模板“{name}”中的占位符“{snippet}”试图访问程序内部，已拒绝（{exc}）。"
                "模板只能填入公文内容，不能执行代码"
            ) from exc
        except UndefinedError as exc:
            known = "、".join(k for k in self.context)
            raise errors.TemplateError(
                f"模板“{name}”使用了不认识的占位符“{snippet}”。可用的占位符：{known}"
            ) from exc
        except TemplateSyntaxError as exc:
            raise errors.TemplateError(
                f"模板“{name}”中的占位符“{snippet}”写法有误：{exc.message}。"
                "占位符的写法是 {{ 文号 }}"
            ) from exc
        except TemplateError as exc:
            raise errors.TemplateError(f"模板“{name}”无法填写（{snippet}）：{exc}") from exc

    def render_paragraph(self, paragraph: Paragraph) -> bool:
        """Fill the placeholders of one paragraph; True if it holds the body marker."""
        runs = [run for run in paragraph.runs if run.text]
        text = "".join(run.text for run in runs)
        if "{{" not in text and "{%" not in text:
            return False
        result = self.render_text(text)
        is_anchor = BODY_MARKER in result
        if is_anchor and result.replace(BODY_MARKER, "").strip():
            raise errors.TemplateError(
                f"模板“{self.template_name}”中的 {{{{ 正文 }}}} 必须单独占一段，段中不能有其他文字"
            )
        runs[0].text = "" if is_anchor else result
        for run in runs[1:]:
            run._r.getparent().remove(run._r)
        return is_anchor

    def render_document(self, document: Document) -> list[Paragraph]:
        """Fill the body, headers and footers; returns the paragraphs that held {{ 正文 }}."""
        anchors = []
        for paragraph in iter_all_paragraphs(document):
            if self.render_paragraph(paragraph):
                anchors.append(paragraph)
        return anchors


def iter_all_paragraphs(document: Document) -> Iterator[Paragraph]:
    """Every paragraph of the body (tables included), headers and footers."""
    body = document.element.body
    for p in list(body.iter(qn("w:p"))):
        yield Paragraph(p, document._body)
    for rel in document.part.rels.values():
        if rel.reltype in _HEADER_FOOTER_RELS and not rel.is_external:
            part = rel.target_part
            for p in list(part.element.iter(qn("w:p"))):
                yield Paragraph(p, None)  # type: ignore[arg-type]
