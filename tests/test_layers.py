"""The package's layers (docs/architecture.md): imports run one way, downward, and only the
Pelican adapters import Pelican."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from .conftest import ROOT

PACKAGE = ROOT / "plugins" / "daybook"
# Lower layers never import higher ones; a layer may import itself and any layer below.
LAYERS = {
    "core": 0,
    "dayfile": 1,
    "render": 2,
    "importer": 3,
    "engine": 4,
    "site": 5,
    "tools": 5,
    "capture": 6,
    "cli": 7,
}
MODULES = sorted(p for p in PACKAGE.rglob("*.py") if p.name != "__init__.py" or p.parent != PACKAGE)


def layer_of(path: Path) -> str:
    parts = path.relative_to(PACKAGE).with_suffix("").parts
    return parts[0]


def imported_layers(path: Path) -> set[tuple[str, str]]:
    """(layer, module) of every daybook module *path* imports."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = path.relative_to(PACKAGE).parent.parts
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.level:
            base = package[: len(package) - (node.level - 1)]
            target = (*base, *(node.module or "").split(".")) if node.module else base
            if target:
                found.add((target[0], ".".join(target)))
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("daybook."):
            found.add((node.module.split(".")[1], node.module))
    return found


def test_every_module_has_a_layer():
    assert {layer_of(p) for p in MODULES} <= set(LAYERS)


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_imports_run_downward(path):
    mine = LAYERS[layer_of(path)]
    upward = [module for layer, module in imported_layers(path) if LAYERS[layer] > mine]
    assert upward == [], f"{path.name} ({layer_of(path)}) imports higher layers: {upward}"


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_only_the_site_adapters_import_pelican(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = {n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}
    names |= {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
    if layer_of(path) != "site":
        assert not any(name.split(".")[0] == "pelican" for name in names)


def _module_graph() -> dict[str, set[str]]:
    """Each package module's name and the package modules it imports (any import, even one
    only for type checking)."""
    names = {_name(p): p for p in PACKAGE.rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for name, path in names.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        found = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.level:
                parts = package.split(".")
                base = parts[: len(parts) - (node.level - 1)]
                target = ".".join([*base, node.module] if node.module else base)
                while target and target not in names:
                    target = target.rpartition(".")[0]
                if target and target != name:
                    found.add(target)
        graph[name] = found
    return graph


def _name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def test_no_import_cycles():
    graph = _module_graph()
    seen: dict[str, int] = {}  # 1: on the current path, 2: done

    def visit(node: str, path: list[str]) -> list[str] | None:
        seen[node] = 1
        for nxt in sorted(graph[node]):
            if seen.get(nxt) == 1:
                return [*path, node, nxt]
            if nxt not in seen and (cycle := visit(nxt, [*path, node])):
                return cycle
        seen[node] = 2
        return None

    for start in sorted(graph):
        if start not in seen:
            assert visit(start, []) is None
