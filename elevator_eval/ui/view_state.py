"""What the views show beyond the project file — engine results the user waited for and
choices made in the workspace — carried over when the views are rebuilt (a language
switch), so that switching the language keeps the current view and its results.

Results are language-free data (the engines' result objects); the rebuilt views render
them again in the new language.
"""

from __future__ import annotations

from .lazy_qt import Qt


def collect(window) -> dict:
    """The results and choices of ``window``'s views (before they are destroyed)."""
    kept: dict = {}
    editor = window.built_view("unit")
    if editor is not None:
        pre = editor.tab("preinstall")
        kept["unit_id"] = pre.unit_id
        kept["preinstall"] = pre.result
        cons = editor.tab("costs").consensus
        kept["consensus"] = (
            cons.result,
            getattr(cons, "result_inputs", None),
            cons.label.property("status"),
        )
        kept["costs_tab"] = editor.tab("costs").result_tabs.currentIndex()
    proc = window.built_view("procurement")
    if proc is not None:
        kept["procurement"] = {
            "checked": {
                proc.unit_list.item(i).data(Qt.UserRole): proc.unit_list.item(i).checkState()
                == Qt.Checked
                for i in range(proc.unit_list.count())
            },
            "tab": proc.tabs.currentIndex(),
            "bad_scores": dict(proc.bad_scores),
        }
    return kept


def restore(window, kept: dict) -> None:
    """Show the kept results in the rebuilt views (those of the same unit only)."""
    if (
        kept.get("unit_id")
        and kept["unit_id"] == window.current_unit
        and window.built_view("unit") is None
    ):
        window.view("unit").set_unit(window.current_unit)  # built, not shown
    editor = window.built_view("unit")
    if editor is not None and editor.tab("preinstall").unit_id == kept.get("unit_id"):
        pre = editor.tab("preinstall")
        pre.ensure_fresh()
        if kept.get("preinstall") is not None:
            pre.show_result(kept["preinstall"])
        costs = editor.tab("costs")
        costs.ensure_fresh()
        result, inputs, status = kept.get("consensus") or (None, None, None)
        if result is not None and result.unit_id == costs.unit_id:
            cons = costs.consensus
            cons.result, cons.result_inputs = result, inputs
            from . import i18n

            cons.label.setText(i18n.pick(result.message_zh, result.message_en) or status)
            cons.label.setProperty("status", status)
            cons.refresh(window.doc.unit(costs.unit_id))
        if kept.get("costs_tab") is not None:
            costs.result_tabs.setCurrentIndex(kept["costs_tab"])
    proc = window.built_view("procurement")
    state = kept.get("procurement")
    if proc is not None and state:
        proc.set_checked_units(state["checked"])
        proc.bad_scores = dict(state["bad_scores"])
        proc.recompute()
        proc.tabs.setCurrentIndex(state["tab"])
