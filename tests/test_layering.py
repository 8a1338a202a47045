"""The architecture holds: only planner/ui imports streamlit; the model imports no other layer."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

pytestmark = pytest.mark.unit

PACKAGE = Path(__file__).resolve().parent.parent / "planner"


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def _modules(folder: Path) -> list[Path]:
    return sorted(folder.rglob("*.py"))


def test_only_ui_imports_streamlit() -> None:
    offenders = [p.relative_to(PACKAGE).as_posix() for p in _modules(PACKAGE)
                 if "ui" not in p.relative_to(PACKAGE).parts
                 and any(n.split(".")[0] == "streamlit" for n in _imports(p))]
    assert offenders == []


def test_model_imports_nothing_else_from_planner() -> None:
    offenders = [p.name for p in _modules(PACKAGE / "model")
                 if any(n.startswith("planner.") and not n.startswith("planner.model")
                        for n in _imports(p))]
    assert offenders == []


def test_domain_does_not_import_shells() -> None:
    shells = ("planner.cli", "planner.ui")
    offenders = [p.relative_to(PACKAGE).as_posix() for p in _modules(PACKAGE)
                 if p.name != "__main__.py" and "cli" not in p.relative_to(PACKAGE).parts
                 and "ui" not in p.relative_to(PACKAGE).parts
                 and any(n.startswith(shells) for n in _imports(p))]
    assert offenders == []


def test_modules_stay_under_400_lines() -> None:
    long = [p.relative_to(PACKAGE).as_posix() for p in _modules(PACKAGE)
            if len(p.read_text(encoding="utf-8").splitlines()) > 400]
    assert long == []
