"""The layout's one-way rules, read from the source with ``ast``: SQL lives in the store.

Every SQL statement is written under ``store/``; nothing else reaches the store's
connection; and the store stands above ``resolve/``, which never imports it (not under
TYPE_CHECKING, not inside a function).
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "actorgraph"
STORE = PACKAGE / "store"
RESOLVE = PACKAGE / "resolve"

# SQL keywords in capitals, as the store writes them, in the shape of a statement: prose
# ("Select the events from a range", "update the set") never has them so.
_SQL = re.compile(
    r"\bSELECT\b[\s\S]*?\bFROM\b"
    r"|^\s*SELECT\b"
    r"|\bINSERT\s+(?:OR\s+[A-Z]+\s+)?INTO\b"
    r"|\bUPDATE\s+[\w.\"{}]+\s+SET\b"
    r"|\bDELETE\s+FROM\b"
    r"|\b(?:CREATE|DROP|ALTER)\s+(?:UNIQUE\s+|TEMP\s+|TEMPORARY\s+)?"
    r"(?:TABLE|INDEX|VIEW|TRIGGER)\b"
    r"|\bPRAGMA\s+\w+"
    r"|^\s*(?:BEGIN|COMMIT|ROLLBACK)(?:\s+[A-Z]+)?\s*;?\s*$"
)
# What only the store may touch: its connection and the classes behind it.
_CONNECTION = frozenset({"_db", "Database", "SQLiteDatabase", "PostgresDatabase"})


def _modules(root: Path, *, outside: Path | None = None) -> Iterator[tuple[Path, ast.Module]]:
    for path in sorted(root.rglob("*.py")):
        if outside is None or not path.is_relative_to(outside):
            yield path, ast.parse(path.read_text("utf-8"), filename=str(path))


def _strings(tree: ast.AST) -> Iterator[tuple[int, str]]:
    """Yield every string literal with its line; an f-string with ``{}`` for its fields."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            yield node.lineno, node.value
        elif isinstance(node, ast.JoinedStr):
            text = "".join(
                part.value
                if isinstance(part, ast.Constant) and isinstance(part.value, str)
                else "{}"
                for part in node.values
            )
            yield node.lineno, text


def is_sql(text: str) -> bool:
    """Return whether a string literal holds (the start of) an SQL statement."""
    return _SQL.search(text) is not None


def _imported(path: Path, tree: ast.AST) -> Iterator[tuple[int, str]]:
    """Yield every module an import anywhere in ``tree`` names, resolved to its full name."""
    package = ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts[:-1])
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")
                parent = ".".join(parts[: len(parts) - node.level + 1])
                base = f"{parent}.{base}" if base else parent
            yield node.lineno, base
            for alias in node.names:  # "from actorgraph import store"
                yield node.lineno, f"{base}.{alias.name}"


def test_layout_sql_pattern_tells_statements_from_prose() -> None:
    statements = [
        "SELECT id, name FROM actors WHERE id = ?",
        "SELECT 1",
        "  SELECT COUNT(*)\n  FROM documents",
        "INSERT INTO actors (id) VALUES (?)",
        "INSERT OR IGNORE INTO actors (id) VALUES (?)",
        "UPDATE actors SET name = ? WHERE id = ?",
        "UPDATE {} SET {} = ?",
        "DELETE FROM entities WHERE document_id = ?",
        "CREATE TABLE t (x)",
        "CREATE UNIQUE INDEX i ON t (x)",
        "PRAGMA foreign_keys = ON",
        "BEGIN IMMEDIATE",
        "ROLLBACK",
    ]
    prose = [
        "Select the events from a date range.",
        "Return the rows to update, and the set of ids they name.",
        "Insert the rows of one group into the tables, then delete from the old ones.",
        "Create a table of actors and drop the index.",
        "SELECTIVITY of a column",
        "the actors SELECTED by the user, FROM_DATE",
        "MOBILIZE",
        "Commit in small steps; begin with the store.",
    ]
    assert [s for s in statements if not is_sql(s)] == []
    assert [s for s in prose if is_sql(s)] == []


def test_layout_sql_only_under_store() -> None:
    found = [
        f"{path.relative_to(PACKAGE)}:{line}: {text.strip()[:60]!r}"
        for path, tree in _modules(PACKAGE, outside=STORE)
        for line, text in _strings(tree)
        if is_sql(text)
    ]
    assert found == [], "SQL outside store/: move it into a store module"


def test_layout_sql_is_found_in_the_store() -> None:
    # The scan reads what it should: the store's own modules are full of statements.
    modules = {
        path.name for path, tree in _modules(STORE) if any(is_sql(t) for _, t in _strings(tree))
    }
    assert {"_index.py", "_edit.py", "documents.py", "exports.py", "queries.py"} <= modules


def test_layout_nothing_outside_store_touches_its_connection() -> None:
    found = []
    for path, tree in _modules(PACKAGE, outside=STORE):
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute) and node.attr in _CONNECTION:
                found.append(f"{path.relative_to(PACKAGE)}:{node.lineno}: .{node.attr}")
            elif isinstance(node, ast.Name) and node.id in _CONNECTION:
                found.append(f"{path.relative_to(PACKAGE)}:{node.lineno}: {node.id}")
        found += [
            f"{path.relative_to(PACKAGE)}:{line}: import {module}"
            for line, module in _imported(path, tree)
            if module.startswith("actorgraph.store._db") or module.rsplit(".", 1)[-1] in _CONNECTION
        ]
    assert found == [], "only store/ reaches the connection: add a Store method instead"


@pytest.mark.parametrize("path", sorted(RESOLVE.rglob("*.py")), ids=lambda p: p.name)
def test_layout_resolve_never_imports_the_store(path: Path) -> None:
    tree = ast.parse(path.read_text("utf-8"), filename=str(path))
    found = [
        f"{path.name}:{line}: {module}"
        for line, module in _imported(path, tree)
        if module == "actorgraph.store" or module.startswith("actorgraph.store.")
    ]
    found += [
        f"{path.name}:{line}: {text!r}"
        for line, text in _strings(tree)
        if re.fullmatch(r"actorgraph\.store(\.\w+)*", text)  # importlib.import_module(...)
    ]
    assert found == [], "resolve/ stands below the store: take what it needs as a parameter"
