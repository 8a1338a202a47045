"""The architecture holds: the layers import one way, only planner/ui imports streamlit, the
model imports nothing else of ours, nothing imports in a circle, and modules stay small."""

from __future__ import annotations

import ast
from pathlib import Path

import networkx as nx
import pytest

pytestmark = pytest.mark.unit

PACKAGE = Path(__file__).resolve().parent.parent / "planner"
#: The domain packages, named like the app's menu.
DOMAIN = ("library", "event", "people", "groups", "programme", "outcomes", "network")
#: What a domain package may never import: the paperwork and the two shells.
ABOVE_DOMAIN = ("planner.documents", "planner.cli", "planner.ui")


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
            # `from planner.network import formats` imports the module planner.network.formats.
            names |= {f"{node.module}.{alias.name}" for alias in node.names
                      if _path_of(f"{node.module}.{alias.name}") is not None}
    return names


def _modules(folder: Path) -> list[Path]:
    return sorted(folder.rglob("*.py"))


def _name_of(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _path_of(name: str) -> Path | None:
    base = PACKAGE.parent.joinpath(*name.split("."))
    for candidate in (base.with_suffix(".py"), base / "__init__.py"):
        if candidate.is_file():
            return candidate
    return None


def _graph() -> nx.DiGraph:
    """Module → module it imports. A module reaching for its own package (`from planner.ui
    import state` in a page, `from planner.cli import cli` in a command module) is how a
    package and its parts meet, not a circle: those edges are left out."""
    graph = nx.DiGraph()
    for path in _modules(PACKAGE):
        module = _name_of(path)
        graph.add_node(module)
        for name in _imports(path):
            own_package = module == name or module.startswith(name + ".")
            if name.startswith("planner") and _path_of(name) is not None and not own_package:
                graph.add_edge(module, name)
    return graph


def _area(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "planner"


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


@pytest.mark.parametrize("area", DOMAIN)
def test_domain_package_never_imports_documents_or_shells(area: str) -> None:
    offenders = [f"{p.relative_to(PACKAGE).as_posix()} imports {n}"
                 for p in _modules(PACKAGE / area) for n in sorted(_imports(p))
                 if n.startswith(ABOVE_DOMAIN)]
    assert offenders == []


def test_top_level_modules_import_no_area_above_the_library() -> None:
    # errors, dates, language, countries, tables sit under every area: they may read the model
    # and the library's YAML, nothing that builds on them.
    top = [p for p in PACKAGE.glob("*.py") if p.name not in ("__init__.py", "__main__.py")]
    allowed = ("planner.model", "planner.library", "planner.errors", "planner.dates",
               "planner.language")
    offenders = [f"{p.name} imports {n}" for p in top for n in sorted(_imports(p))
                 if n.startswith("planner.") and not n.startswith(allowed)]
    assert offenders == []


def test_no_module_imports_itself_in_a_circle() -> None:
    assert sorted(nx.simple_cycles(_graph())) == []


def test_no_area_imports_itself_in_a_circle() -> None:
    areas = nx.DiGraph()
    for a, b in _graph().edges:
        if _area(a) != _area(b) and _area(b) != "planner":  # planner/__init__: the version
            areas.add_edge(_area(a), _area(b))
    assert sorted(nx.simple_cycles(areas)) == []


def test_at_most_eight_modules_beside_the_packages() -> None:
    assert len(list(PACKAGE.glob("*.py"))) <= 8


def test_modules_stay_under_400_lines() -> None:
    long = [p.relative_to(PACKAGE).as_posix() for p in _modules(PACKAGE)
            if len(p.read_text(encoding="utf-8").splitlines()) > 400]
    assert long == []
