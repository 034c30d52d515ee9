"""A notice's body as its main text and attachments, and where the activity plan goes in it.

The Word export and the page preview both divide a notice with these, so the preview's pages
hold what Word's do.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from unionoffice.domain.notice import ActivityData, Block, BlockKind


@dataclass(frozen=True)
class Attachment:
    """One attachment: its title and the blocks after it."""

    title: str
    blocks: list[Block]


def split_attachments(body: Sequence[Block]) -> tuple[list[Block], list[Attachment]]:
    """The main text and the attachments (each ATTACHMENT block starts one)."""
    main: list[Block] = []
    attachments: list[Attachment] = []
    for block in body:
        if block.kind is BlockKind.ATTACHMENT:
            attachments.append(Attachment(block.text.strip(), []))
        elif attachments:
            attachments[-1].blocks.append(block)
        else:
            main.append(block)
    return main, attachments


def is_section_heading(block: Block) -> bool:
    """A level-1 heading, which an activity's ``section`` names."""
    return block.kind is BlockKind.HEADING and block.level == 1


def place_activities(
    blocks: Sequence[Block], activities: Sequence[ActivityData]
) -> dict[int | None, list[ActivityData]]:
    """Activities by the index of the block they follow (the last of their section); None for
    those whose section heading is absent (they go after the last block)."""
    section_end: dict[str, int] = {}
    current: str | None = None
    for index, block in enumerate(blocks):
        if is_section_heading(block):
            current = block.text.strip()
            section_end.setdefault(current, index)
        if current is not None:
            section_end[current] = index
    placed: dict[int | None, list[ActivityData]] = {}
    for activity in activities:
        key = section_end.get((activity.section or "").strip())
        placed.setdefault(key, []).append(activity)
    return placed
