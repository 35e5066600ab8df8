"""The project tree and the street overview as Qt models: the tree mirrors the project's
lists level by level, clicking in it opens units, the overview sorts on a header click
keeping the selected unit, and search and class filter combine."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPoint, Qt

UNIT_ROLE = Qt.UserRole + 1


def _click(qtbot, view, index):
    view.scrollTo(index)
    qtbot.mouseClick(view.viewport(), Qt.LeftButton, pos=view.visualRect(index).center())


def test_tree_mirrors_the_project_and_parents_round_trip(make_main_window):
    w = make_main_window("sample")
    model, project = w.tree.model(), w.doc.project
    assert model.rowCount() == len(project.communities)
    seen = []
    for ci, c in enumerate(project.communities):
        ci_index = model.index(ci, 0)
        assert ci_index.data() == c.name and model.parent(ci_index) == QModelIndex()
        assert model.rowCount(ci_index) == len(c.buildings)
        for bi, b in enumerate(c.buildings):
            b_index = model.index(bi, 0, ci_index)
            assert b_index.data() == b.name and model.parent(b_index) == ci_index
            assert model.rowCount(b_index) == len(b.units)
            for ui, u in enumerate(b.units):
                u_index = model.index(ui, 0, b_index)
                assert model.parent(u_index) == b_index and model.rowCount(u_index) == 0
                assert u_index.data(UNIT_ROLE) == u.id
                assert w.tree_unit_index(u.id) == u_index
                seen.append(u.id)
    assert seen == [u.id for u in project.units()]
    # no index outside the lists
    assert not model.index(len(project.communities), 0).isValid()
    assert not w.tree_unit_index("no-such-unit").isValid()


def test_clicks_in_tree_and_table_keep_both_in_step(make_main_window, qtbot):
    w = make_main_window("sample")
    last = w.doc.project.units()[-1]
    _click(qtbot, w.tree, w.tree_unit_index(last.id))
    assert w.current_view_name() == "unit" and w.current_unit == last.id
    # a community: back to the overview
    _click(qtbot, w.tree, w.tree.model().index(0, 0))
    assert w.current_view_name() == "overview"
    # pick a row of the overview and press Enter: the unit opens and the tree follows
    ov = w.view("overview")
    first = ov.row_unit_ids()[0]
    _click(qtbot, ov.table, ov.model.index(0, 2))
    qtbot.keyClick(ov.table, Qt.Key_Return)
    assert w.current_view_name() == "unit" and w.current_unit == first
    assert w.tree.currentIndex() == w.tree_unit_index(first)


def test_header_click_sorts_and_the_selection_stays_on_its_unit(make_main_window, qtbot):
    w = make_main_window("sample")
    ov = w.view("overview")
    census = w.doc.census()
    years = {r.unit_id: r.year_built for r in census.rows}
    col = ov.model.COLUMNS.index("year")
    chosen = ov.row_unit_ids()[3]
    _click(qtbot, ov.table, ov.model.index(3, 0))
    header = ov.table.horizontalHeader()
    x = header.sectionViewportPosition(col) + header.sectionSize(col) // 2
    qtbot.mouseClick(header.viewport(), Qt.LeftButton, pos=QPoint(x, header.height() // 2))
    ids = ov.row_unit_ids()
    order = [years[u] for u in ids]
    assert order in (sorted(order), sorted(order, reverse=True))
    assert sorted(ids) == sorted(years)  # every unit still shown once
    selected = ov.table.selectionModel().selectedRows()
    assert [ov.model.data(i, Qt.UserRole) for i in selected] == [chosen]


def test_search_and_class_filter_combine(make_main_window, qtbot):
    w = make_main_window("sample")
    ov = w.view("overview")
    census = w.doc.census()
    community = census.rows[0].community
    ov.class_filter.setCurrentIndex(ov.class_filter.findData("suitable"))
    ov.search.setText(community)  # Chinese text: typed as a paste would
    expected = sorted(
        r.unit_id for r in census.rows if r.klass == "suitable" and community in r.community
    )
    assert sorted(ov.row_unit_ids()) == expected and expected
    # the search ignores case and covers the unit id
    unit_id = census.rows[-1].unit_id
    ov.class_filter.setCurrentIndex(0)
    ov.search.clear()
    qtbot.keyClicks(ov.search, unit_id.lower())
    assert unit_id in ov.row_unit_ids()
    assert all(unit_id.lower() in u.lower() for u in ov.row_unit_ids())
    ov.search.clear()
    assert len(ov.row_unit_ids()) == len(census.rows)


def test_sorting_again_the_same_way_only_moves_rows_changed_in_place(make_main_window):
    import copy

    w = make_main_window("sample")
    ov = w.view("overview")
    m = ov.model
    col = m.COLUMNS.index("unit")

    def names():
        return [m.data(m.index(r, col)) for r in range(m.rowCount())]

    ov.table.sortByColumn(col, Qt.AscendingOrder)
    assert names() == sorted(names())
    layouts = []
    m.layoutChanged.connect(lambda *_args: layouts.append(1))
    ov.table.sortByColumn(col, Qt.AscendingOrder)
    assert layouts == []  # in that order already: nothing to do (as when sorting comes on)
    # the first unit renamed in place: its row stays where it was until the next sort
    row = copy.copy(next(r for r in w.doc.census().rows if r.unit_name == names()[0]))
    row.unit_name = "龥 最后"
    m.replace_row(row)
    assert names()[0] == "龥 最后" and names() != sorted(names())
    ov.table.sortByColumn(col, Qt.AscendingOrder)
    assert layouts and names() == sorted(names()) and names()[-1] == "龥 最后"


def test_new_classes_recolour_the_tree_and_a_changed_street_is_read_again(
    make_main_window, monkeypatch
):
    """Classes arriving for the same street recolour the tree without comparing its
    lists again (milliseconds on a district); after units were added the lists are
    compared and the tree is read anew."""
    import copy

    from elevator_eval.ui import project_tree

    w = make_main_window("sample")
    model = w.tree.model()
    compared: list[int] = []
    real_shape = project_tree._shape
    monkeypatch.setattr(project_tree, "_shape", lambda cs: compared.append(1) or real_shape(cs))
    unit = w.doc.project.units()[0]
    assert model.recolour({unit.id: "unsuitable"})
    assert compared == []  # the same street: nothing to compare
    assert w.tree_unit_index(unit.id).data(Qt.ForegroundRole) is not None
    building = w.doc.project.communities[0].buildings[0]
    added = copy.deepcopy(building.units[0])
    added.id = "NEW-1"
    building.units.append(added)
    w.doc.notify_structure()  # the window resets its tree (the lists differ)
    assert w.tree_unit_index("NEW-1").isValid()
    compared.clear()
    assert model.recolour({})
    assert compared == []  # read at the reset: the same street since
    resets: list[int] = []
    model.modelAboutToBeReset.connect(lambda: resets.append(1))
    w.doc.notify_structure()  # told, though nothing was added: compared once, rows kept
    assert (compared, resets) == ([1], [])
