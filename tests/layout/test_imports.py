"""The layout docs/architecture.md states: imports run down the floors, no cycles, small modules."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SRC = ROOT / "src" / "actorgraph"
DOC = ROOT / "docs" / "architecture.md"
MAX_LINES = 400


def floors(block: str) -> dict[str, int]:
    """Return unit -> floor from the fenced ``block`` of docs/architecture.md."""
    found = re.search(rf"```{block}\n(.*?)```", DOC.read_text("utf-8"), re.S)
    assert found, f"docs/architecture.md has no ```{block} block"
    out: dict[str, int] = {}
    for line in found.group(1).splitlines():
        level, names = line.split(":", 1)
        for name in names.split():
            out[name] = int(level)
    return out


def module_name(path: Path) -> str:
    parts = path.relative_to(SRC.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path: Path) -> Iterator[tuple[int, str]]:
    """Yield (line, module) for every actorgraph import in ``path``, wherever it stands."""
    package = (
        module_name(path) if path.name == "__init__.py" else module_name(path).rpartition(".")[0]
    )
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                module = f"{base}.{node.module}" if node.module else base
            else:
                module = node.module or ""
            yield node.lineno, module
            for alias in node.names:  # "from actorgraph.pipeline import dates" names a module
                yield node.lineno, f"{module}.{alias.name}"


def sources() -> list[Path]:
    return sorted(p for p in SRC.rglob("*.py") if "__pycache__" not in p.parts)


def known_modules() -> set[str]:
    return {module_name(p) for p in sources()}


def unit_of(module: str, prefix: str) -> str | None:
    """Return the unit of ``module`` directly under ``prefix`` ("__init__" for the package
    itself when it is actorgraph), or None when it is not under ``prefix``."""
    if module == prefix:
        return "__init__" if prefix == "actorgraph" else None
    if not module.startswith(prefix + "."):
        return None
    return module[len(prefix) + 1 :].split(".")[0]


def check_floors(prefix: str, table: dict[str, int]) -> list[str]:
    """Return every import under ``prefix`` that does not run down the floors of ``table``."""
    modules = known_modules()
    problems = []
    for path in sources():
        mod = module_name(path)
        here = unit_of(mod, prefix)
        if here is None:
            continue
        if here not in table:
            problems.append(f"{mod}: {here!r} has no floor in docs/architecture.md")
            continue
        for line, target in imports(path):
            there = unit_of(target, prefix) if target in modules else None
            if there is None or there == here or there not in table:
                continue
            if table[there] >= table[here]:
                problems.append(
                    f"{mod}:{line} imports {target}: {there} (floor {table[there]}) is not "
                    f"below {here} (floor {table[here]})"
                )
    return problems


def test_layout_imports_run_down_the_floors() -> None:
    assert check_floors("actorgraph", floors("floors")) == []


def test_layout_pipeline_stages_import_down_their_floors() -> None:
    assert check_floors("actorgraph.pipeline", floors("pipeline-floors")) == []


def test_layout_every_package_has_a_floor() -> None:
    table = floors("floors")
    units = {
        p.name if p.is_dir() else p.stem
        for p in SRC.iterdir()
        if p.suffix == ".py" or (p / "__init__.py").exists()
    }
    assert sorted(units - set(table)) == []


def test_layout_no_module_import_cycle() -> None:
    modules = known_modules()
    graph: dict[str, set[str]] = {m: set() for m in modules}
    for path in sources():
        mod = module_name(path)
        for _, target in imports(path):
            # A submodule import also runs its packages' __init__ first.
            while target and target not in modules:
                target = target.rpartition(".")[0]
            if target and target != mod and not mod.startswith(target + "."):
                graph[mod].add(target)
    state: dict[str, int] = {}
    stack: list[str] = []
    cycles: list[list[str]] = []

    def visit(m: str) -> None:
        state[m] = 1
        stack.append(m)
        for n in sorted(graph[m]):
            if state.get(n) == 1:
                cycles.append([*stack[stack.index(n) :], n])
            elif n not in state:
                visit(n)
        stack.pop()
        state[m] = 2

    for m in sorted(graph):
        if m not in state:
            visit(m)
    assert cycles == []


@pytest.mark.parametrize("path", sources(), ids=lambda p: str(p.relative_to(SRC)))
def test_layout_module_is_small(path: Path) -> None:
    assert len(path.read_text("utf-8").splitlines()) <= MAX_LINES


def test_layout_floor_check_catches_an_upward_import() -> None:
    # The checker itself: with the vocabulary moved to the top, every use of it is upward.
    problems = check_floors("actorgraph", dict(floors("floors"), model=9))
    assert any(
        p.startswith("actorgraph.pipeline.analyze:") and "imports actorgraph.model" in p
        for p in problems
    )
    assert check_floors("actorgraph.pipeline", dict(floors("pipeline-floors"), entities=1)) != []
