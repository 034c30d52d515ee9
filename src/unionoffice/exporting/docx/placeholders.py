"""Template placeholders such as ``{{ 文号 }}``, filled in a Jinja2 sandbox.

A template is a document from outside the program; its placeholders are rendered by an
immutable sandbox with no globals, so ``{{ ''.__class__ }}`` and the like are refused with a
clear error instead of running. Word often splits typed text into several runs; a paragraph's
runs are joined, rendered, and the result kept in the first run (with its formatting).
"""

from __future__ import annotations

import functools
from collections.abc import Iterator

from docx.document import Document
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph
from jinja2 import (
    StrictUndefined,
    Template,
    TemplateError,
    TemplateSyntaxError,
    UndefinedError,
    nodes,
)
from jinja2.sandbox import ImmutableSandboxedEnvironment, SecurityError

from unionoffice.domain.notice import NoticeData
from unionoffice.domain.notice_text import break_title, format_chinese_date
from unionoffice.exporting.docx import errors
from unionoffice.exporting.docx.options import Letterhead

_TEXT = qn("w:t")
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


# What a placeholder may be made of: names, text, a few filters and simple conditions. No
# loops, macros, calls, includes or assignments, so what a template renders is never larger
# than its own text and the notice's fields, and it renders at once.
_ALLOWED_NODES: tuple[type[nodes.Node], ...] = (
    nodes.Template, nodes.Output, nodes.TemplateData, nodes.Name, nodes.Const, nodes.Filter,
    nodes.If, nodes.Not, nodes.And, nodes.Or, nodes.Compare, nodes.Operand, nodes.CondExpr,
    nodes.Concat, nodes.Test,
)  # fmt: skip
_ALLOWED_FILTERS = frozenset({"trim", "default", "d", "upper", "lower", "length"})
_ALLOWED_TESTS = frozenset({"defined", "undefined", "none", "string"})
_NODE_WORDS = {
    nodes.For: "{% for %} 循环",
    nodes.Macro: "{% macro %} 宏",
    nodes.CallBlock: "{% call %}",
    nodes.Call: "函数调用",
    nodes.Include: "{% include %}",
    nodes.Import: "{% import %}",
    nodes.FromImport: "{% from … import %}",
    nodes.Extends: "{% extends %}",
    nodes.Block: "{% block %}",
    nodes.Assign: "{% set %}",
    nodes.AssignBlock: "{% set %}",
    nodes.FilterBlock: "{% filter %}",
    nodes.With: "{% with %}",
    nodes.Getattr: "属性（.）",
    nodes.Getitem: "下标（[]）",
}
MAX_CONSTANT_CHARS = 2_000
MAX_RENDERED_CHARS = 50_000


def _refusal(node: nodes.Node) -> str | None:
    """Why ``node`` may not be in a placeholder, or None."""
    if not isinstance(node, _ALLOWED_NODES):
        return next(
            (words for kind, words in _NODE_WORDS.items() if isinstance(node, kind)),
            f"“{type(node).__name__}”",
        )
    if isinstance(node, nodes.Filter) and node.name not in _ALLOWED_FILTERS:
        return f"过滤器“{node.name}”"
    if isinstance(node, nodes.Test) and node.name not in _ALLOWED_TESTS:
        return f"判断“{node.name}”"
    if isinstance(node, nodes.Const) and len(str(node.value)) > MAX_CONSTANT_CHARS:
        return "过长的文字常量"
    return None


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


_ENVIRONMENT = _environment()  # holds no state of a rendering: shared by every export


@functools.lru_cache(maxsize=1024)
def _compiled(text: str) -> tuple[Template | None, str]:
    """``text`` compiled once (every notice from a template has the same placeholders), or
    None and why it is refused; a syntax error is raised, not kept."""
    tree = _ENVIRONMENT.parse(text)
    for node in (tree, *tree.find_all(nodes.Node)):
        refused = _refusal(node)
        if refused is not None:
            return None, refused
    return _ENVIRONMENT.from_string(tree), ""


class PlaceholderRenderer:
    """Renders every placeholder of one template, reporting problems under its name."""

    def __init__(self, template_name: str, context: dict[str, str]) -> None:
        self.template_name = template_name
        self.context = context

    def render_text(self, text: str, where: str = "") -> str:
        """Render one piece of template text, or raise errors.TemplateError naming the template
        and ``where`` in it (第 3 段, 页眉 …)."""
        snippet = text.strip()
        if len(snippet) > 40:
            snippet = snippet[:40] + "…"
        label = f"模板“{self.template_name}”" + (f"（{where}）" if where else "")
        try:
            compiled, refused = _compiled(text)
            if compiled is None:
                raise errors.TemplateError(
                    f"{label}中的“{snippet}”用了{refused}，已拒绝。模板只能填入公文内容"
                    "（如 {{ 文号 }}，可加 {% if 文号 %}…{% endif %}），不能执行代码"
                )
            result = compiled.render(self.context)
        except SecurityError as exc:
            raise errors.TemplateError(
                f"{label}中的占位符“{snippet}”试图访问程序内部，已拒绝（{exc}）。"
                "模板只能填入公文内容，不能执行代码"
            ) from exc
        except UndefinedError as exc:
            known = "、".join(k for k in self.context)
            raise errors.TemplateError(
                f"{label}使用了不认识的占位符“{snippet}”。可用的占位符：{known}"
            ) from exc
        except TemplateSyntaxError as exc:
            raise errors.TemplateError(
                f"{label}中的占位符“{snippet}”写法有误：{exc.message}。"
                "占位符的写法是 {{ 文号 }}"
            ) from exc
        except TemplateError as exc:
            raise errors.TemplateError(f"{label}无法填写（{snippet}）：{exc}") from exc
        except (RecursionError, MemoryError) as exc:  # only a template far out of the ordinary
            raise errors.TemplateError(f"{label}中的“{snippet}”无法填写：过于复杂") from exc
        if len(result) > MAX_RENDERED_CHARS:
            raise errors.TemplateError(
                f"{label}中的“{snippet}”填出的文字过长（{len(result)} 字），请检查模板"
            )
        return result

    def render_paragraph(self, paragraph: Paragraph, where: str = "") -> bool:
        """Fill the placeholders of one paragraph; True if it holds the body marker."""
        if not may_hold_placeholder(paragraph):
            return False
        runs = [run for run in paragraph.runs if run.text]
        text = "".join(run.text for run in runs)
        if "{{" not in text and "{%" not in text and "{#" not in text:
            return False
        result = self.render_text(text, where)
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
        for paragraph, where in located_paragraphs(document):
            if self.render_paragraph(paragraph, where):
                anchors.append(paragraph)
        return anchors


def may_hold_placeholder(paragraph: Paragraph) -> bool:
    """False when no text of the paragraph has a brace, so it holds no placeholder (a quick
    look at its w:t elements before its runs' text is put together)."""
    return any("{" in (t.text or "") for t in paragraph._p.iter(_TEXT))


def iter_all_paragraphs(document: Document) -> Iterator[Paragraph]:
    """Every paragraph of the body (tables included), headers and footers."""
    for paragraph, _where in located_paragraphs(document):
        yield paragraph


def located_paragraphs(document: Document) -> Iterator[tuple[Paragraph, str]]:
    """Every paragraph with where a clerk finds it: 正文第 3 段, 页眉, 页脚."""
    body = document.element.body
    for number, p in enumerate(list(body.iter(qn("w:p"))), start=1):
        yield Paragraph(p, document._body), f"正文第 {number} 段"
    for rel in document.part.rels.values():
        if rel.reltype in _HEADER_FOOTER_RELS and not rel.is_external:
            where = "页眉" if rel.reltype.endswith("/header") else "页脚"
            part = rel.target_part
            for p in list(part.element.iter(qn("w:p"))):
                yield Paragraph(p, None), where  # type: ignore[arg-type]
