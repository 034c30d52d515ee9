"""The garbage collector's settings for a window that stays open all day on a large archive.

A full collection walks every container object alive. After start-up on ten years of notices
that is about 130,000 objects, 50 ms a pass, and with Python's defaults a pass fell in about
every other reload of the document tree (after each save). What start-up made (modules,
classes, the window's widgets) lives as long as the program, so it is taken out of all later
passes, and the young generation is collected less often.
"""

from __future__ import annotations

import gc

YOUNG_THRESHOLD = 10_000  # container objects made before a young collection; Python's is 700


def settle_after_start_up() -> None:
    """Collect once, then freeze what is alive out of every later collection."""
    gc.collect()
    gc.freeze()
    _young, *older = gc.get_threshold()
    gc.set_threshold(YOUNG_THRESHOLD, *older)
