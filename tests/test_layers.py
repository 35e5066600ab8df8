"""The layers of the house, checked on the real import graph.

core (model, rules, engines, store) ← io ← report ← commands / ui. Every import counts, also
the ones inside functions. Three rules:

1. a module imports only from its own layer or a layer below it (``cli`` may start the window
   through ``elevator_eval.ui.app``, the one arrow from commands into ui);
2. no import cycles among the package's modules;
3. no underscore name imported from another module of the package.

The checker is a plain function so that a test can show it fails on a bad graph.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "elevator_eval"

LAYERS = {"core": 0, "io": 1, "report": 2, "commands": 3, "ui": 3}
ALLOWED_UP = {("elevator_eval.cli", "elevator_eval.ui.app")}


def layer_of(module: str) -> str:
    parts = module.split(".")
    if len(parts) > 1 and parts[1] in ("io", "report", "commands", "ui"):
        return parts[1]
    if module in ("elevator_eval.cli", "elevator_eval.__main__"):
        return "commands"
    return "core"


def module_name(path: Path, package: Path = PACKAGE) -> str:
    rel = path.relative_to(package.parent).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imports_of(path: Path, module: str, known: set[str]) -> list[tuple[str, list[str]]]:
    """(imported module, names) for every import of the package in ``path``."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    is_pkg = path.name == "__init__.py"
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for a in node.names:
                if a.name.startswith("elevator_eval"):
                    out.append((a.name, []))
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = module.split(".") if is_pkg else module.split(".")[:-1]
                base = base[: len(base) - (node.level - 1)]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if not target.startswith("elevator_eval"):
                continue
            names = [a.name for a in node.names]
            # `from . import x` where x is a submodule imports the submodule
            subs = [n for n in names if f"{target}.{n}" in known]
            for n in subs:
                out.append((f"{target}.{n}", []))
            rest = [n for n in names if n not in subs]
            if rest or not subs:
                out.append((target, rest))
    return out


def build_graph(package: Path = PACKAGE) -> tuple[dict[str, set[str]], list[tuple[str, str, str]]]:
    files = {module_name(p, package): p for p in package.rglob("*.py")}
    known = set(files)
    graph: dict[str, set[str]] = {m: set() for m in files}
    private: list[tuple[str, str, str]] = []
    for mod, path in files.items():
        for target, names in imports_of(path, mod, known):
            # resolve to the longest known module prefix
            t = target
            while t and t not in known:
                t = t.rpartition(".")[0]
            if not t or t == mod:
                continue
            graph[mod].add(t)
            for n in names:
                if n.startswith("_") and not n.startswith("__"):
                    private.append((mod, t, n))
    return graph, private


def layer_violations(graph: dict[str, set[str]]) -> list[str]:
    bad = []
    for mod, targets in graph.items():
        for t in targets:
            if (mod, t) in ALLOWED_UP:
                continue
            lm, lt = layer_of(mod), layer_of(t)
            if LAYERS[lt] > LAYERS[lm] or (LAYERS[lt] == LAYERS[lm] and lt != lm):
                bad.append(f"{mod} ({lm}) imports {t} ({lt})")
    return sorted(bad)


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on: set[str] = set()
    out: list[list[str]] = []
    counter = [0]

    def strong(v: str) -> None:
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in graph.get(v, ()):
            # a package's __init__ importing its own submodules is not a cycle
            if w not in index:
                strong(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))

    import sys

    old = sys.getrecursionlimit()
    sys.setrecursionlimit(max(old, 10000))
    try:
        for v in sorted(graph):
            if v not in index:
                strong(v)
    finally:
        sys.setrecursionlimit(old)
    return out


def _without_package_init_edges(graph: dict[str, set[str]]) -> dict[str, set[str]]:
    """A package ``__init__`` re-exporting its submodules is the usual facade, not a cycle."""
    out = {}
    for mod, targets in graph.items():
        out[mod] = {t for t in targets if not t.startswith(mod + ".")}
    return out


GRAPH, PRIVATE = build_graph()


def test_graph_is_real():
    assert "elevator_eval.consent" in GRAPH
    assert "elevator_eval.model" in GRAPH["elevator_eval.consent"]


def test_layers():
    assert layer_violations(GRAPH) == []


def test_no_import_cycles():
    """The rulesets are loaded by ``consent_rules`` / ``suitability_rules``, which the rulebook
    reads and the engines receive; no engine asks the rulebook back."""
    assert cycles(_without_package_init_edges(GRAPH)) == []


def test_engines_do_not_resolve_rules_themselves():
    """The engines take the resolved ruleset or bundle: none imports the rulebook's loaders
    back into the rule modules it reads."""
    for rules in (
        "elevator_eval.consent_rules",
        "elevator_eval.suitability_rules",
        "elevator_eval.project_settings",
        "elevator_eval.findings",
    ):
        assert "elevator_eval.rulebook" not in GRAPH[rules], rules
    for engine in ("elevator_eval.consent", "elevator_eval.spatial", "elevator_eval.structural"):
        assert "elevator_eval.rulebook" not in GRAPH[engine], engine


def test_no_private_names_across_modules():
    assert [f"{m} takes {n} from {t}" for m, t, n in PRIVATE] == []


# --- the checker itself fails on bad graphs -------------------------------------------


def test_checker_catches_core_importing_report():
    graph = {
        "elevator_eval.consent": {"elevator_eval.report.notice"},
        "elevator_eval.report.notice": set(),
    }
    assert layer_violations(graph) == [
        "elevator_eval.consent (core) imports elevator_eval.report.notice (report)"
    ]


@pytest.mark.parametrize(
    "upper",
    [
        "elevator_eval.ui.app",
        "elevator_eval.commands.share",
        "elevator_eval.io.export",
        "elevator_eval.cli",
    ],
)
def test_checker_catches_core_importing_any_upper_layer(upper):
    graph = {"elevator_eval.census": {upper}, upper: set()}
    assert len(layer_violations(graph)) == 1


def test_checker_catches_ui_and_commands_importing_each_other():
    graph = {
        "elevator_eval.ui.main_window": {"elevator_eval.commands.share"},
        "elevator_eval.commands.share": set(),
    }
    assert len(layer_violations(graph)) == 1


def test_checker_finds_cycle():
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert cycles(graph) == [["a", "b", "c"]]


def test_checker_sees_imports_inside_functions(tmp_path):
    pkg = tmp_path / "elevator_eval"
    pkg.mkdir()
    (pkg / "__init__.py").write_text("")
    (pkg / "report").mkdir()
    (pkg / "report" / "__init__.py").write_text("")
    (pkg / "report" / "notice.py").write_text("X = 1\n")
    (pkg / "census.py").write_text("def f():\n    from .report.notice import X\n    return X\n")
    graph, _ = build_graph(pkg)
    assert layer_violations(graph) == [
        "elevator_eval.census (core) imports elevator_eval.report.notice (report)"
    ]


def test_checker_finds_private_import(tmp_path):
    pkg = tmp_path / "elevator_eval"
    pkg.mkdir()
    (pkg / "__init__.py").write_text("")
    (pkg / "consent.py").write_text("def _resolve():\n    return 1\n")
    (pkg / "census.py").write_text("from .consent import _resolve\n")
    _, private = build_graph(pkg)
    assert private == [("elevator_eval.census", "elevator_eval.consent", "_resolve")]
