"""The rules of the house: the folders are the stages, data flows one way, no import cycles.

Read from the source with ast (nothing is imported), so a rule broken by a lazy import inside
a function is caught too.
"""

from __future__ import annotations

import ast
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "generator"


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports_of(path: Path) -> set[str]:
    """Every module a file imports, as absolute dotted names (relative imports resolved)."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            found.add(target)
            found.update(f"{target}.{alias.name}" for alias in node.names)  # from pkg import module
    return found


MODULES = {module_name(path): path for path in PACKAGE.rglob("*.py")}
GRAPH = {
    name: {target for target in imports_of(path) if target in MODULES and target != name}
    for name, path in MODULES.items()
}
EXTERNAL = {name: imports_of(path) for name, path in MODULES.items()}


def _in(name: str, *stages: str) -> bool:
    return any(name == f"generator.{s}" or name.startswith(f"generator.{s}.") for s in stages)


def test_only_the_mkdocs_adapter_imports_mkdocs_or_material() -> None:
    offenders = sorted(
        name for name, targets in EXTERNAL.items()
        if not _in(name, "engines.mkdocs")
        and any(t.split(".")[0] in ("mkdocs", "material") for t in targets)
    )
    assert offenders == []


@pytest.mark.parametrize(
    ("stage", "forbidden"),
    [
        ("model", ("loading", "check", "render", "engines", "interop", "results", "commands",
                   "pipeline", "cli", "output")),
        ("loading", ("check", "render", "engines", "interop", "results", "commands", "cli")),
        ("check", ("render", "engines", "interop", "results", "commands", "cli")),
        ("render", ("check", "engines", "interop", "results", "commands", "cli")),
        ("engines", ("interop", "results", "commands", "cli")),
        ("interop", ("engines", "results", "cli")),
        ("results", ("engines", "interop", "cli")),
    ],
)
def test_data_flows_one_way(stage: str, forbidden: tuple[str, ...]) -> None:
    offenders = sorted(
        f"{name} → {target}"
        for name, targets in GRAPH.items() if _in(name, stage)
        for target in targets if _in(target, *forbidden)
    )
    assert offenders == []


def test_the_zensical_adapter_does_not_need_mkdocs() -> None:
    offenders = sorted(
        f"{name} → {target}"
        for name, targets in GRAPH.items() if _in(name, "engines.zensical")
        for target in targets if _in(target, "engines.mkdocs")
    )
    assert offenders == []


def _cycle() -> list[str] | None:
    """One import cycle among the package's modules, or None (a depth-first search)."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for target in sorted(GRAPH[node]):
            # a package's __init__ importing its own submodules is how packages re-export
            if target.startswith(node + "."):
                continue
            if state.get(target) == 1:
                return path[path.index(target):] + [target]
            if target not in state and (found := visit(target)):
                return found
        path.pop()
        state[node] = 2
        return None

    for node in sorted(GRAPH):
        if node not in state and (found := visit(node)):
            return found
    return None


def test_no_import_cycles() -> None:
    assert _cycle() is None


def test_the_cycle_finder_finds_a_cycle(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(GRAPH, "generator.render.days", GRAPH["generator.render.days"] | {"generator.render.calendar"})
    assert _cycle() is not None


def test_no_tracked_file_under_node_modules() -> None:
    tracked = subprocess.run(
        ["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.splitlines()
    assert [f for f in tracked if "node_modules/" in f] == []
    assert len(tracked) < 2000
