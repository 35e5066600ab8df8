"""`elevator-eval settings PROJECT [--json] [--set KEY=VALUE …]`.

Prints a project's settings (rulesets by title, tables, organisation profile). Each
``--set KEY=VALUE`` is validated by :func:`elevator_eval.project_settings.set_value` (the
same check as the window's settings dialog); when all are valid the project is written
atomically, else nothing is written and the command exits 2 naming the key.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import InputError
from ..project_settings import ORGANISATION_FIELDS, SETTABLE_KEYS, read_settings, set_value
from ..rulebook import Resolver
from ..store import open_project, save_project
from . import CommandResult, is_unit_file


def add_arguments(parser) -> None:
    parser.add_argument("project", metavar="PROJECT", help="项目文件 / project file (.eeproj)")
    parser.add_argument(
        "--set",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        dest="assignments",
        help="修改一项设置（可重复；值为空则清除）/ change a setting "
        "(repeatable; an empty value clears it). Keys: " + ", ".join(SETTABLE_KEYS),
    )
    parser.add_argument("--json", action="store_true", help="输出 JSON / print one JSON object")


def _split(assignment: str) -> tuple[str, str]:
    if "=" not in assignment:
        raise InputError("--set", f"expects KEY=VALUE, got {assignment!r}")
    key, value = assignment.split("=", 1)
    return key.strip(), value


def describe(project) -> dict:
    """The settings in force, with the titles and sources of the named rule files."""
    s = read_settings(project)
    bundle = Resolver(project).bundle(None)
    data = s.to_json()
    data["in_force"] = {
        "consent_rules": {
            "name": bundle.consent.name,
            "title_zh": bundle.consent.title_zh,
            "title_en": bundle.consent.title_en,
            "valid_from": bundle.consent.valid_from,
            "valid_to": bundle.consent.valid_to,
            "from": bundle.consent_from,
        },
        "suitability_rules": {
            "name": bundle.suitability.name,
            "title_zh": bundle.suitability.title_zh,
            "title_en": bundle.suitability.title_en,
            "from": bundle.suitability_from,
        },
        "coefficient_table": bundle.coefficient_table,
        "subsidy_rule_set": bundle.subsidy_rule_set,
        "sunlight_standard": {
            "name": bundle.sunlight_standard.name,
            "title_zh": bundle.sunlight_standard.title_zh,
            "title_en": bundle.sunlight_standard.title_en,
        },
    }
    return data


def render_text(data: dict) -> str:
    f = data["in_force"]
    c, su, sl = f["consent_rules"], f["suitability_rules"], f["sunlight_standard"]
    span = f"{c['valid_from'] or '…'} – {c['valid_to'] or '…'}"
    lines = [
        f"表决规则 / consent rules (default_rules): {c['name']}"
        + ("" if data["default_rules"] else "（默认 / default）"),
        f"    {c['title_zh']}",
        f"    {c['title_en']}    有效期 / valid {span}",
        f"适宜性规则 / suitability rules (suitability_rules): {su['name']}"
        + ("" if data["suitability_rules"] else "（随表决规则 / by the consent rules）"),
        f"    {su['title_zh']}",
        f"系数表 / coefficient table (coefficient_table): {f['coefficient_table']}"
        + ("" if data["coefficient_table"] else "（默认 / default）"),
        f"补贴规则 / subsidy rule set (subsidy_rule_set): {f['subsidy_rule_set'] or '—'}",
        f"日照标准 / sunlight standard (sunlight_standard): {sl['name']}",
        f"    {sl['title_zh']}",
        f"城市 / city (city): {data['city'] or '—'}",
        "组织信息 / organisation:",
    ]
    for k in ORGANISATION_FIELDS:
        lines.append(f"    organisation.{k}: {data['organisation'][k] or '—'}")
    for k, title in (
        ("consent_rulesets", "项目自定义表决规则 / project consent rulesets"),
        ("suitability_rulesets", "项目自定义适宜性规则 / project suitability rulesets"),
        ("coefficient_tables", "项目自定义系数表 / project coefficient tables"),
        ("subsidy_rules", "项目自定义补贴规则 / project subsidy rule sets"),
    ):
        if data[k]:
            lines.append(f"{title}: {', '.join(data[k])}")
    return "\n".join(lines)


def run(args) -> CommandResult:
    path = Path(args.project)
    if not path.exists():
        raise InputError("file", f"{args.project} does not exist")
    if path.is_dir():
        raise InputError("file", f"{args.project} is a folder, not a file")
    if is_unit_file(path):
        raise InputError("file", "settings belong to a project file, not a unit file")
    project = open_project(path)
    changed = []
    if args.assignments:
        settings = project.settings
        for a in args.assignments:
            key, value = _split(a)
            settings = set_value(settings, key, value)
            changed.append(key)
        project.settings = settings
        try:
            save_project(project, path)
        except OSError as e:
            raise InputError("file", f"cannot write {path}: {e.strerror or e}") from None
    data = describe(project)
    if changed:
        data["changed"] = changed
    text = render_text(data)
    if changed:
        text = f"已保存 / saved: {', '.join(changed)}\n" + text
    return CommandResult(data=data, text=text, json_mode=args.json)
