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


# tests/ and benchmarks/ may put their own folder or support/ (code both use) on sys.path,
# never the other one's, nor the repository root that holds both (generator is installed)
REACH = {"tests": ROOT / "tests", "benchmarks": ROOT / "benchmarks"}
SHARED = ROOT / "support"


def _where(node: ast.expr, names: dict[str, Path], file: Path) -> Path | None:
    """The folder a path expression names, for the forms scripts use; None when it cannot tell."""
    match node:
        case ast.Call(func=ast.Name(id="str"), args=[inner]):
            return _where(inner, names, file)
        case ast.Call(func=ast.Attribute(attr="resolve" | "absolute", value=inner), args=[]):
            return _where(inner, names, file)
        case ast.Call(func=ast.Name(id="Path"), args=[ast.Name(id="__file__")]):
            return file
        case ast.Attribute(attr="parent", value=inner):
            found = _where(inner, names, file)
            return found.parent if found else None
        case ast.Subscript(value=ast.Attribute(attr="parents", value=inner), slice=ast.Constant(value=int(n))):
            found = _where(inner, names, file)
            return found.parents[n] if found else None
        case ast.BinOp(left=inner, op=ast.Div(), right=ast.Constant(value=str(part))):
            found = _where(inner, names, file)
            return found / part if found else None
        case ast.Name(id=name):
            return names.get(name)
    return None


def _is_sys_path(node: ast.expr) -> bool:
    return ast.unparse(node) == "sys.path"


def sys_path_edits(source: str, file: Path) -> list[tuple[int, Path | None]]:
    """Each line that changes sys.path, with the folder it adds (None: not a form _where reads)."""
    tree = ast.parse(source)
    names: dict[str, Path] = {}
    for node in tree.body:  # module-level ROOT = Path(__file__)... names, in order
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            found = _where(node.value, names, file)
            if found is not None:
                names[node.targets[0].id] = found
    edits: list[tuple[int, Path | None]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and _is_sys_path(node.func.value):
            edits += [(node.lineno, _where(arg, names, file)) for arg in node.args[-1:]]
        elif isinstance(node, ast.Assign | ast.AugAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            if any(_is_sys_path(t.value if isinstance(t, ast.Subscript) else t) for t in targets):
                edits.append((node.lineno, None))  # sys.path = [...] or sys.path[0] = ...: not read
    return edits


def _reaching(folder: str, source: str, file: Path) -> list[str]:
    own = REACH[folder]
    return [f"{file.relative_to(ROOT)}:{line}: {where}" for line, where in sys_path_edits(source, file)
            if where is None or not (where.is_relative_to(own) or where.is_relative_to(SHARED))]


@pytest.mark.parametrize("folder", sorted(REACH))
def test_tests_and_benchmarks_do_not_reach_each_other_through_sys_path(folder: str) -> None:
    files = [path for path in REACH[folder].rglob("*.py") if "node_modules" not in path.parts]
    assert [hit for path in files for hit in _reaching(folder, path.read_text(encoding="utf-8"), path)] == []


def test_the_sys_path_check_sees_a_reach() -> None:
    script = ROOT / "benchmarks" / "x.py"
    reach = 'ROOT = Path(__file__).resolve().parent.parent\nsys.path.insert(0, str(ROOT / "tests"))\n'
    assert _reaching("benchmarks", reach, script) == ["benchmarks/x.py:2: " + str(ROOT / "tests")]
    assert _reaching("benchmarks", "sys.path.insert(0, str(Path(__file__).resolve().parents[1]))\n", script)
    assert _reaching("benchmarks", "sys.path.append(somewhere())\n", script) == ["benchmarks/x.py:1: None"]
    assert _reaching("benchmarks", "sys.path[:0] = [str(ROOT)]\n", script) == ["benchmarks/x.py:1: None"]
    assert _reaching("benchmarks", 'sys.path.insert(0, str(Path(__file__).parent.parent / "support"))\n', script) == []
    assert _reaching("benchmarks", "sys.path.insert(0, str(Path(__file__).resolve().parent))\n", script) == []
