"""The signature page (GB/T 9704 7.3.5): 署名 and 成文日期 never on a page of their own.

When the text leaves too little room on its last page, the standard adjusts spacing so that
the seal shares a page with the body or the 附件说明: the blank lines left for the seal
shrink, and if that is not enough the last paragraph starts the next page with them.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from unionoffice.domain.page_layout import Page, Paragraph, Role
from unionoffice.domain.pagination import Item, Pagination, paginate

# What a page must hold above the 署名 besides blank lines.
_TEXT_ROLES = frozenset(Role) - {Role.BLANK, Role.SIGNATURE, Role.DATE, Role.REMARK}




def fit_signature(
    header: list[Paragraph], body: list[Item], imprint: list[Paragraph], top: float
) -> tuple[list[Item], Pagination]:
    """Keep 署名 and 成文日期 off a page that holds none of the notice's text.

    First the blank lines left for the seal shrink (to one under a seal, none without);
    if that is not enough, the last paragraph of text (or the 附件说明) starts the next page.
    """
    at = next(
        (i for i, p in enumerate(body) if isinstance(p, Paragraph) and p.role is Role.SIGNATURE),
        None,
    )
    if at is None:
        at = next(
            (i for i, p in enumerate(body) if isinstance(p, Paragraph) and p.role is Role.DATE),
            None,
        )
    pagination = paginate([*header, *body], imprint, top_mm=top)
    if at is None or _signature_has_text_above(pagination.pages):
        return body, pagination
    blanks = 0
    while at - blanks - 1 >= 0 and _is_blank(body[at - blanks - 1]):
        blanks += 1
    fewest = 1 if blanks >= 2 else 0
    for keep in range(blanks - 1, fewest - 1, -1):
        trial = [*body[: at - blanks + keep], *body[at:]]
        pagination = paginate([*header, *trial], imprint, top_mm=top)
        if _signature_has_text_above(pagination.pages):
            return trial, pagination
    trial = _keep_with_signature(body, at, blanks)
    return trial, paginate([*header, *trial], imprint, top_mm=top)


def _is_blank(item: Item) -> bool:
    return isinstance(item, Paragraph) and item.role is Role.BLANK


def _is_note(item: Item) -> bool:
    return isinstance(item, Paragraph) and item.role is Role.ATTACHMENT_NOTE


def _keep_with_signature(body: list[Item], at: int, blanks: int) -> list[Item]:
    """The last text paragraph (or the whole 附件说明) starts a new page, so the 署名 follows
    it there. A page break, not a chain of keep-with-next paragraphs: Word and LibreOffice
    move a chain differently, a break the same."""
    start = at - blanks - 1
    while start > 0 and _is_note(body[start]) and _is_note(body[start - 1]):
        start -= 1
    result = list(body)
    item = result[max(start, 0)]
    if isinstance(item, Paragraph):
        result[max(start, 0)] = dataclasses.replace(
            item, page_break_before=True, keep_together=True
        )
    return result


def _signature_has_text_above(pages: Sequence[Page]) -> bool:
    """署名 and 成文日期 on one page, below some of the notice's text."""
    for page in pages:
        roles = [line.role for line in page.lines]
        if Role.SIGNATURE in roles or Role.DATE in roles:
            first = min(
                i for i, role in enumerate(roles) if role in (Role.SIGNATURE, Role.DATE)
            )
            together = Role.DATE in roles
            return together and any(
                line.role in _TEXT_ROLES and line.text.strip() for line in page.lines[:first]
            )
    return True
