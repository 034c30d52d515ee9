"""The document tree over a long day: a replaced tree is freed at once, not by a full garbage
collection."""

from __future__ import annotations

import gc

from unionoffice.gui.tree.tree_model import NoticeTreeModel
from unionoffice.gui.tree.tree_nodes import Grouping, NoticeCatalogue
from unionoffice.storage.services.notices import NoticeService


def test_a_replaced_tree_leaves_no_garbage_cycles(db, demo_ids) -> None:
    summaries = NoticeService(db).list()
    model = NoticeTreeModel()
    gc.collect()
    gc.disable()
    try:
        catalogue = NoticeCatalogue(summaries)
        for grouping in Grouping:
            for search in ("", "金秋", "2021", ""):
                model.set_root(catalogue.build(search=search, grouping=grouping))
        model.set_root(NoticeCatalogue(summaries).build())  # a reload: a new catalogue
        del catalogue
        assert gc.collect() == 0  # everything replaced was freed by reference counting
    finally:
        gc.enable()
    assert model.root.notice_count() == len(summaries)
