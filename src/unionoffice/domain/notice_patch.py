"""The way back from one version of a notice to the one before: what a revision keeps.

Each save keeps, instead of a copy, only what differed from the version before it: the
header fields that changed (with their old values), and for the body and the activity plan
the runs of paragraphs or activities that were replaced, as hunks over the *new* list. A
paragraph edited in place keeps only the characters that changed; an activity edited in
place only its fields that changed. Applying the patches of the newer saves, newest first, to
the notice as it is now gives any older version back exactly:

    apply_patch(new, patch_between(new, old)) == old   (ids and versions aside)

A patch is plain JSON (dicts, lists, strings, numbers), so it is stored as text.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Any

from unionoffice.domain.notice import NoticeData
from unionoffice.domain.notice_json import notice_from_dict, notice_to_dict

PATCH_FORMAT = 1
# Not content: who the notice is and which version, and the JSON format's own number.
_NOT_CONTENT = frozenset({"format", "id", "version", "body", "activities"})

Patch = dict[str, Any]


class PatchError(ValueError):
    """A stored patch that does not fit the notice it is applied to (a damaged history)."""


def patch_between(new: NoticeData, old: NoticeData) -> Patch:
    """What turns ``new`` back into ``old``; ``{}`` when their content is the same."""
    new_dict, old_dict = notice_to_dict(new), notice_to_dict(old)
    patch: Patch = {}
    fields = {
        key: old_dict[key]
        for key in old_dict
        if key not in _NOT_CONTENT and old_dict[key] != new_dict.get(key)
    }
    if fields:
        patch["fields"] = fields
    body = _list_hunks(new_dict["body"], old_dict["body"], _block_edit)
    if body:
        patch["body"] = body
    activities = _list_hunks(new_dict["activities"], old_dict["activities"], _dict_edit)
    if activities:
        patch["activities"] = activities
    return patch


def apply_patch(notice: NoticeData, patch: Patch) -> NoticeData:
    """``notice`` as it was before the save ``patch`` was kept for (a new value)."""
    data = notice_to_dict(notice)
    try:
        for key, value in patch.get("fields", {}).items():
            if key in _NOT_CONTENT:
                raise PatchError(f"不能由修改记录改动的字段：{key}")
            data[key] = value
        data["body"] = _apply_hunks(data["body"], patch.get("body", []), _apply_block_edit)
        data["activities"] = _apply_hunks(
            data["activities"], patch.get("activities", []), _apply_dict_edit
        )
        return notice_from_dict(data)
    except PatchError:
        raise
    except (KeyError, IndexError, TypeError, ValueError, AttributeError) as exc:
        raise PatchError(f"修改记录与公文内容不符：{exc}") from exc


def patch_to_text(patch: Patch) -> str:
    """The patch as compact JSON, for the database."""
    return json.dumps(patch, ensure_ascii=False, separators=(",", ":"))


def patch_from_text(text: str) -> Patch:
    """A stored patch read back; PatchError when it is not one."""
    try:
        patch = json.loads(text) if text else {}
    except json.JSONDecodeError as exc:
        raise PatchError(f"修改记录已损坏：{exc}") from exc
    if not isinstance(patch, dict):
        raise PatchError("修改记录已损坏：不是修改记录")
    return patch


# -- lists of paragraphs or activities ------------------------------------------------------


def _key(item: dict[str, Any]) -> str:
    return json.dumps(item, ensure_ascii=False, sort_keys=True)


def _list_hunks(new: list[dict[str, Any]], old: list[dict[str, Any]], edit: Any) -> list[list[Any]]:
    """Hunks over ``new`` that give ``old``: ``["r", start, end, [old items]]`` replaces a
    run; ``["e", index, change]`` edits one item in place (``edit`` makes the change, or None
    when a whole copy is as small)."""
    matcher = SequenceMatcher(None, [_key(i) for i in new], [_key(i) for i in old], autojunk=False)
    hunks: list[list[Any]] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        if tag == "replace" and i2 - i1 == j2 - j1:
            edits = [edit(new[i1 + k], old[j1 + k]) for k in range(i2 - i1)]
            if all(e is not None for e in edits):
                hunks.extend(["e", i1 + k, e] for k, e in enumerate(edits))
                continue
        hunks.append(["r", i1, i2, old[j1:j2]])
    return hunks


def _apply_hunks(items: list[dict[str, Any]], hunks: list[list[Any]], edit: Any) -> list[Any]:
    result = list(items)
    # Back to front, so that the positions of the hunks still to apply hold.
    for hunk in sorted(hunks, key=lambda h: h[1], reverse=True):
        if hunk[0] == "r":
            _, start, end, old = hunk
            if not 0 <= start <= end <= len(result):
                raise PatchError(f"修改记录的位置 {start}–{end} 超出了 {len(result)} 项")
            result[start:end] = list(old)
        elif hunk[0] == "e":
            _, index, change = hunk
            if not 0 <= index < len(result):
                raise PatchError(f"修改记录的位置 {index} 超出了 {len(result)} 项")
            result[index] = edit(result[index], change)
        else:
            raise PatchError(f"修改记录中有未知的改动类型“{hunk[0]}”")
    return result


def _dict_edit(new: dict[str, Any], old: dict[str, Any]) -> dict[str, Any] | None:
    """The fields of an item whose old values differ (a whole copy if the keys differ)."""
    if new.keys() != old.keys():
        return None
    return {key: old[key] for key in old if old[key] != new[key]}


def _apply_dict_edit(item: dict[str, Any], change: dict[str, Any]) -> dict[str, Any]:
    return {**item, **change}


def _block_edit(new: dict[str, Any], old: dict[str, Any]) -> dict[str, Any] | None:
    """A paragraph edited in place: its kind and level if they changed, and the characters
    of its text that changed (``[start, end, old characters]`` over the new text)."""
    change = _dict_edit(new, old)
    if change is None or "text" not in change:
        return change
    matcher = SequenceMatcher(None, new["text"], old["text"], autojunk=False)
    runs = [
        [i1, i2, old["text"][j1:j2]]
        for tag, i1, i2, j1, j2 in matcher.get_opcodes()
        if tag != "equal"
    ]
    if len(json.dumps(runs, ensure_ascii=False)) < len(json.dumps(old["text"], ensure_ascii=False)):
        change["text"] = runs
    return change


def _apply_block_edit(item: dict[str, Any], change: dict[str, Any]) -> dict[str, Any]:
    result = {**item, **change}
    runs = change.get("text")
    if isinstance(runs, list):
        text = item["text"]
        for start, end, old in sorted(runs, key=lambda r: r[0], reverse=True):
            if not 0 <= start <= end <= len(text):
                raise PatchError("修改记录中的文字位置超出了段落")
            text = text[:start] + old + text[end:]
        result["text"] = text
    return result


@dataclass(frozen=True)
class RevisionEntry:
    """One save in a notice's 痕迹: the version it made, when, by whom, and what changed."""

    version: int
    saved_at: dt.datetime
    clerk: str
    summary: str
