"""Labels the documents print for model values (Chinese, English)."""

from __future__ import annotations

from ..vocabulary import pairs

COST_ITEMS = {
    "equipment": ("电梯设备", "Elevator equipment"),
    "installation": ("安装调试", "Installation"),
    "shaft_structure": ("井道钢结构", "Shaft structure"),
    "civil": ("土建", "Civil works"),
    "pipe_relocation": ("管线迁改", "Pipe relocation"),
    "pit": ("底坑", "Pit"),
    "design_supervision": ("设计与监理", "Design and supervision"),
    "corridor": ("连廊", "Corridor"),
    "other": ("其他", "Other"),
}

ANNUAL_ITEMS = {
    "maintenance": ("维保", "Maintenance"),
    "electricity": ("电费", "Electricity"),
    "inspection": ("年检", "Inspection"),
    "insurance": ("保险", "Insurance"),
    "other": ("其他", "Other"),
}

STRUCTURES = pairs("structures")
ENTRY_MODES = pairs("entry_modes")
VOTES = pairs("votes")
CONSENT_STATES = pairs("consent_states")
SEVERITY = pairs("severities")

YES_NO = {True: ("是", "yes"), False: ("否", "no"), None: ("未调查", "not surveyed")}

PIPES = pairs("pipes")
FINDINGS = pairs("findings")


SITE_FIELDS = {
    "entry_mode": ("入户方式", "entry mode"),
    "footprint_available_m": ("可用场地", "clear space"),
    "inside_red_line": ("是否位于用地红线内", "inside the red line"),
    "fire_lane_width_after_m": ("加梯后消防车道净宽", "fire lane after"),
    "distance_to_neighbour_m": ("距相邻建筑", "distance to the neighbour"),
    "occupies_private_courtyard": ("是否占用私家庭院", "private courtyard"),
    "sunlight_below_standard": ("日照是否低于标准", "sunlight"),
    "pipes_in_footprint": ("场地内管线", "pipes in the footprint"),
    "pit_depth_available_mm": ("可挖底坑深度", "pit depth available"),
    "headroom_available_mm": ("顶层净高", "headroom available"),
    "corridor_depth_m": ("连廊可用进深", "corridor depth"),
}
"""Site survey fields as the documents name them."""


def label(table: dict, key, t) -> str:
    """The label of ``key`` in ``table`` for ``t`` (a :class:`~.common.Tr`), else the key."""
    if key in table:
        return t.pair(table[key])
    return "" if key is None else str(key)
