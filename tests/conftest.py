"""Factory fixtures and the shipped library, shared by every test."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from planner.event.new import clone_event
from planner.library import DEFAULT_LIBRARY, Library
from planner.library.store import dump_event
from planner.library.synthetic import make_synthetic_event
from planner.library.yamlfile import dump_yaml
from planner.model import Event, Organisation, Registry
from tests import factories
from tests.factories import SMALL_REGISTRY

SHIPPED = DEFAULT_LIBRARY
SHIPPED_IDS = Library(SHIPPED).event_ids()


@pytest.fixture(autouse=True)
def _main_module_kept() -> Iterator[None]:
    """Streamlit's AppTest runs a page's script as `__main__` in this process and leaves it
    there; a render process spawned later (an organiser's own template) would import that
    script again and draw its page, past the render's memory limit. Put ours back."""
    kept = sys.modules["__main__"]
    yield
    sys.modules["__main__"] = kept


@pytest.fixture(autouse=True, scope="session")
def _own_cache(tmp_path_factory: pytest.TempPathFactory) -> None:
    """The memos the toolkit keeps (`planner list`'s table) go to the test session's own
    folder, never the user's cache; children (the CLI, the app under test) inherit it."""
    os.environ["PLANNER_CACHE"] = str(tmp_path_factory.mktemp("cache"))

@pytest.fixture
def registry() -> Registry:
    """A registry of five organisations and States."""
    return Registry(Organisation.model_validate(entry) for entry in SMALL_REGISTRY)


@pytest.fixture
def make_event() -> Callable[..., Event]:
    """Build a valid two-day event; keyword arguments replace its fields."""
    return factories.make_event


@pytest.fixture
def event_data() -> Callable[..., dict[str, Any]]:
    """The plain data of `make_event`, for tests that write files."""
    return factories.event_data


@pytest.fixture
def small_library(tmp_path: Path) -> Library:
    """A library folder with the small registry and one event file."""
    (tmp_path / "organisations.yaml").write_text(dump_yaml(SMALL_REGISTRY), encoding="utf-8")
    event = factories.make_event()
    (tmp_path / "test-2010.yaml").write_text(dump_event(event), encoding="utf-8")
    return Library(tmp_path)


@pytest.fixture
def shipped_copy(tmp_path: Path) -> Library:
    """A writable copy of the shipped library."""
    target = tmp_path / "events"
    shutil.copytree(SHIPPED, target)
    return Library(target)


@pytest.fixture
def synthetic_library(tmp_path: Path) -> Library:
    """The shipped registry and one event with people: `synthetic-12-0` (12 participants,
    delegations, working groups wg-1…wg-4 in two rounds), as `make_synthetic_event` makes it."""
    shutil.copy(SHIPPED / "organisations.yaml", tmp_path / "organisations.yaml")
    library = Library(tmp_path)
    library.create(make_synthetic_event(participants=12, groups=4, rounds=2,
                                        registry=library.registry))
    return library


@pytest.fixture
def planned(shipped_copy: Library) -> Library:
    """The shipped library with the event being planned: Nairobi 2027 (`nairobi-2027`),
    started from Dar es Salaam 2010 for 6–7 September 2027 in Kenya."""
    dar = shipped_copy.load("dar-es-salaam-2010")
    shipped_copy.create(clone_event(dar, new_id="nairobi-2027", title="Nairobi 2027",
                                    start=dt.date(2027, 9, 6), city="Nairobi", country="kenya",
                                    registry=shipped_copy.registry))
    return shipped_copy
