"""The site-plan tab driven as a user: sunlight table off the UI thread, dragging the
shaft (one undoable edit, live measured checks), creating a plan, generating windows,
the shadow time slider."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt


def _wait_sun(qtbot, tab):
    qtbot.waitUntil(lambda: tab.sun is not None, timeout=20000)


def test_sample_unit_shows_sunlight_per_window(make_main_window, qtbot):
    w = make_main_window("sample")
    w.show_unit("DH-1-3", tab="site_plan")
    tab = w.view("unit").tab("site_plan")
    _wait_sun(qtbot, tab)
    rows = {tab.sun_table.item(r, 0).text(): r for r in range(tab.sun_table.rowCount())}
    assert "101-S" in rows
    r = rows["101-S"]
    # the same numbers as the command line: 4.28 h before, 1.87 h after
    assert tab.sun_table.item(r, 1).text() == "4.28"
    assert tab.sun_table.item(r, 2).text() == "1.87"
    assert tab.sun_table.item(r, 5).text() == "否"
    assert tab.canvas.window_state["101-S"] == "below"
    # shadows follow the time slider
    tab.slider.setValue(0)
    assert "08:00" in tab.time_label.text()
    morning = dict(tab.canvas.shadows)
    tab.slider.setValue(tab.slider.maximum())
    assert "16:00" in tab.time_label.text()
    assert tab.canvas.shadows["shaft"] != morning["shaft"]


def test_drag_the_shaft_is_one_undoable_edit_with_live_checks(make_main_window, qtbot):
    w = make_main_window("sample")
    w.show_unit("DH-1-3", tab="site_plan")
    tab = w.view("unit").tab("site_plan")
    _wait_sun(qtbot, tab)
    canvas = tab.canvas
    before = [list(map(float, p)) for p in tab.raw_plan()["shaft"]["footprint"]]
    xs = [p[0] for p in before]
    ys = [p[1] for p in before]
    start = canvas.to_screen(sum(xs) / 4, sum(ys) / 4).toPoint()
    end = start + QPoint(0, 40)  # drag south on the screen
    qtbot.mousePress(canvas, Qt.LeftButton, pos=start)
    qtbot.mouseMove(canvas, start + QPoint(0, 20))
    assert tab.measured.text().startswith("实测")
    qtbot.mouseMove(canvas, end)
    qtbot.mouseRelease(canvas, Qt.LeftButton, pos=end)
    after = [list(map(float, p)) for p in tab.raw_plan()["shaft"]["footprint"]]
    assert all(a[1] < b[1] for a, b in zip(after, before))  # moved south (y down)
    assert [a[0] for a in after] == [b[0] for b in before]
    w.doc.undo_stack.undo()
    assert [list(map(float, p)) for p in tab.raw_plan()["shaft"]["footprint"]] == before


def test_new_plan_and_window_generator(make_main_window, qtbot):
    w = make_main_window()
    w.show_unit("XFL-3-2", tab="site_plan")
    tab = w.view("unit").tab("site_plan")
    assert tab.raw_plan() is None and tab.new_button.isEnabled()
    qtbot.mouseClick(tab.new_button, Qt.LeftButton)
    assert tab.raw_plan() is not None and tab.plan.shaft is not None
    tab.gen_floors.setValue(6)
    tab.gen_per_floor.setValue(3)
    # façade 3 of the default 26 × 11 m building faces north (the shaft side)
    tab.gen_facade.setCurrentIndex(2)
    assert "北" in tab.gen_facade.currentText()
    qtbot.mouseClick(tab.gen_button, Qt.LeftButton)
    assert len(tab.plan.windows) == 18
    _wait_sun(qtbot, tab)
    assert tab.sun_table.rowCount() == 18
    # the assessment now measures from the plan
    assert w.doc.assessment("XFL-3-2").measured
    w.doc.undo_stack.undo()
    assert tab.plan.windows == ()
    w.doc.undo_stack.undo()
    assert tab.raw_plan() is None


def test_bad_footprint_is_refused_with_the_field_named(make_main_window, qtbot):
    w = make_main_window()
    w.show_unit("XFL-3-2", tab="site_plan")
    tab = w.view("unit").tab("site_plan")
    qtbot.mouseClick(tab.new_button, Qt.LeftButton)
    n = w.doc.undo_stack.count()
    tab.buildings.item(0, 3).setText("0,0; 10,10; 10,0; 0,10")  # a bow tie
    # the row's building and its outline by name, then the path in the file
    assert "第 1 栋建筑·轮廓（site.plan.buildings[0].footprint）：" in tab.status.text()
    assert w.doc.undo_stack.count() == n


def test_import_dxf_through_the_file_dialog(make_main_window, qtbot, tmp_path, monkeypatch):
    ezdxf = __import__("pytest").importorskip("ezdxf")
    from PySide6.QtWidgets import QFileDialog

    doc = ezdxf.new()
    msp = doc.modelspace()
    msp.add_lwpolyline(
        [(0, 0), (30, 0), (30, 12), (0, 12)], close=True, dxfattribs={"layer": "OWN"}
    )
    msp.add_text("17.4").set_placement((15, 6))
    msp.add_lwpolyline(
        [(12, -2.5), (14.5, -2.5), (14.5, 0), (12, 0)], close=True, dxfattribs={"layer": "SHAFT"}
    )
    msp.add_text("20").set_placement((13, -1))
    path = tmp_path / "s.dxf"
    doc.saveas(path)
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(path), ""))
    )
    w = make_main_window()
    w.show_unit("XFL-3-2", tab="site_plan")
    tab = w.view("unit").tab("site_plan")
    qtbot.mouseClick(tab.dxf_button, Qt.LeftButton)
    assert tab.plan is not None and tab.plan.shaft.height_m == 20.0
    assert tab.buildings.rowCount() == 1
    w.doc.undo_stack.undo()
    assert tab.raw_plan() is None


def _dark(img, x0, y0, x1, y1) -> int:
    """Pixels of text (dark in every channel) in the screen box [x0, x1) × [y0, y1)."""
    n = 0
    for x in range(max(0, int(x0)), min(img.width(), int(x1))):
        for y in range(max(0, int(y0)), min(img.height(), int(y1))):
            c = img.pixelColor(x, y)
            n += c.red() < 80 and c.green() < 80 and c.blue() < 80
    return n


def _screen_box(canvas, footprint):
    pts = [canvas.to_screen(x, y) for x, y in footprint]
    xs, ys = [p.x() for p in pts], [p.y() for p in pts]
    return min(xs), min(ys), max(xs), max(ys)


def test_buildings_are_named_in_their_middle_or_beside_them(make_main_window, qtbot):
    """As on the printed plan: the own building's name is centred in it, and a building too
    small to hold its name (the 3 m pavilion P1) is named beside it, not across its walls."""
    w = make_main_window("sample")
    w.resize(1280, 820)
    w.show_unit("GY-3-1", tab="site_plan")
    tab = w.view("unit").tab("site_plan")
    _wait_sun(qtbot, tab)
    canvas = tab.canvas
    img = canvas.grab().toImage()
    buildings = {b.id: b for b in canvas.plan.buildings}
    x0, y0, x1, y1 = _screen_box(canvas, buildings["P1"].footprint)
    assert x1 - x0 < 40  # too small for "P1 3 m"
    assert _dark(img, x0 + 3, y0 + 3, x1 - 2, y1 - 2) == 0  # nothing written inside
    assert _dark(img, x1 + 2, y0 - 4, x1 + 40, y1 + 4) > 10  # its name, right of it
    own = next(b for b in buildings.values() if b.own)
    x0, y0, x1, y1 = _screen_box(canvas, own.footprint)
    mid = (x0 + x1) / 2
    left = _dark(img, x0 + 3, y0 + 3, mid, y1 - 2)
    right = _dark(img, mid, y0 + 3, x1 - 2, y1 - 2)
    assert left > 10 and right > 10 and 0.5 < left / right < 2  # centred


def test_the_english_window_reads_as_english(make_main_window, qtbot):
    """The measured line is joined with English semicolons, the sunlight line's count
    agrees with its noun, and the tab's title shows no underlined space."""
    w = make_main_window("sample", lang="en")
    w.show_unit("GY-3-1", tab="site_plan")
    editor = w.view("unit")
    tab = editor.tab("site_plan")
    _wait_sun(qtbot, tab)
    measured = tab.measured.text()
    assert measured.startswith("Measured:") and "; " in measured
    assert not any(c in measured for c in "；，：（）")
    assert tab.sun_label.text().endswith("0 windows fall below the standard")
    titles = [editor.tabs.tabText(i) for i in range(editor.tabs.count())]
    assert "Site plan and sunlight" in titles


def test_the_chinese_window_lists_the_pipes_with_the_chinese_comma(make_main_window, qtbot):
    """DH-1-1's shaft crosses a water pipe and a telecom cable (the sample's plan)."""
    w = make_main_window("sample")
    w.show_unit("DH-1-1", tab="site_plan")
    tab = w.view("unit").tab("site_plan")
    _wait_sun(qtbot, tab)
    measured = tab.measured.text()
    assert "井道内管线：给水管、通信线缆" in measured
    assert ", " not in measured and "; " not in measured


def test_the_candidates_titles_are_whole(make_main_window):
    w = make_main_window("sample")
    w.resize(1280, 820)
    w.show_unit("GY-3-1", tab="site_plan")
    table = w.view("unit").tab("site_plan").candidates
    header = table.horizontalHeader()
    fm = header.fontMetrics()
    for c in range(table.columnCount()):
        text = table.horizontalHeaderItem(c).text()
        assert header.sectionSize(c) >= fm.horizontalAdvance(text), text


def _suggest(tab, qtbot) -> list[list[str]]:
    qtbot.mouseClick(tab.suggest_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: tab.candidates.rowCount() > 0, timeout=30000)
    t = tab.candidates
    return [[t.item(r, c).text() for c in range(t.columnCount())] for r in range(t.rowCount())]


def test_suggested_shaft_positions_name_their_problems_and_one_is_taken_by_double_click(
    make_main_window, qtbot
):
    """GY-6-1's shaft stands on the south façade and takes sun from windows there (its
    class says so); candidates on that façade name the same problem, in the window's
    language, by the vocabulary's name, never by code; double-clicking one moves the shaft
    in one undoable edit."""
    import re

    from elevator_eval.vocabulary import pairs

    names = pairs("findings")
    w = make_main_window("sample")
    w.show_unit("GY-6-1", tab="site_plan")
    tab = w.view("unit").tab("site_plan")
    _wait_sun(qtbot, tab)
    rows = _suggest(tab, qtbot)
    assert rows[0][1] == "无"  # best first: a position with no problem
    problems = [p for row in rows for p in row[1].split("、") if p != "无"]
    assert names["sunlight_below_standard"][0] in problems
    assert set(problems) <= {zh for zh, _ in names.values()}
    assert not any(re.search(r"[A-Za-z_]", p) for p in problems)
    lost = [float(row[2]) for row in rows]
    assert lost[0] == 0.0 and max(lost) > 0
    before = [list(map(float, p)) for p in tab.raw_plan()["shaft"]["footprint"]]
    taken = next(r for r, row in enumerate(rows) if row[1] != "无")
    tab.candidates.scrollToItem(tab.candidates.item(taken, 0))
    at = tab.candidates.visualItemRect(tab.candidates.item(taken, 0)).center()
    qtbot.mouseClick(tab.candidates.viewport(), Qt.LeftButton, pos=at)  # as a hand does:
    qtbot.mouseDClick(tab.candidates.viewport(), Qt.LeftButton, pos=at)  # press, then twice
    after = [list(map(float, p)) for p in tab.raw_plan()["shaft"]["footprint"]]
    assert after != before
    assert after == [list(map(float, p)) for p in tab._candidates[taken].shaft.footprint]
    w.doc.undo_stack.undo()
    assert [list(map(float, p)) for p in tab.raw_plan()["shaft"]["footprint"]] == before


def test_suggested_positions_in_english(make_main_window, qtbot):
    from elevator_eval.vocabulary import pairs

    english = {en for _, en in pairs("findings").values()}
    w = make_main_window("sample", lang="en")
    w.show_unit("GY-6-1", tab="site_plan")
    tab = w.view("unit").tab("site_plan")
    _wait_sun(qtbot, tab)
    rows = _suggest(tab, qtbot)
    problems = [p for row in rows for p in row[1].split(", ") if p != "none"]
    assert "sunlight below the standard" in problems
    assert set(problems) <= english


def test_a_building_too_small_for_a_shaft_says_so(make_main_window, qtbot):
    """The own building typed as 2 × 2 m (its sides shorter than the 2.5 m shaft): the
    suggestion finds no position and says why instead of leaving an empty table."""
    from PySide6.QtWidgets import QApplication

    w = make_main_window("sample")
    w.show_unit("GY-6-1", tab="site_plan")
    tab = w.view("unit").tab("site_plan")
    _wait_sun(qtbot, tab)
    table = tab.buildings
    own = next(r for r in range(table.rowCount()) if table.item(r, 0).text() == "self")
    at = table.visualItemRect(table.item(own, 3)).center()
    qtbot.mouseClick(table.viewport(), Qt.LeftButton, pos=at)
    qtbot.mouseDClick(table.viewport(), Qt.LeftButton, pos=at)
    editor = QApplication.focusWidget()
    qtbot.keyClick(editor, Qt.Key_A, Qt.ControlModifier)
    qtbot.keyClicks(editor, "0,0; 2,0; 2,2; 0,2")
    qtbot.keyClick(editor, Qt.Key_Return)
    # the delegate commits on the next turn of the event loop, as for a hand on the keys
    qtbot.waitUntil(lambda: table.item(own, 3).text() == "0,0; 2,0; 2,2; 0,2", timeout=5000)
    assert [list(map(float, p)) for p in tab.raw_plan()["buildings"][own]["footprint"]] == [
        [0, 0],
        [2, 0],
        [2, 2],
        [0, 2],
    ]
    qtbot.mouseClick(tab.suggest_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: "没有" in tab.candidates_label.text(), timeout=30000)
    assert tab.candidates.rowCount() == 0
    assert "长边短于井道宽度" in tab.candidates_label.text()
