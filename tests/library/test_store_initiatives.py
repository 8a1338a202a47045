"""initiatives.yaml: loaded through the store, checked against the registry, located problems."""

from __future__ import annotations

import pytest

from planner.errors import ValidationFailed
from planner.library import Library
from planner.library.store import load_initiatives
from tests.factories.library import GOOD, write_initiatives

pytestmark = pytest.mark.integration

def test_library_loads_its_initiatives(small_library: Library) -> None:
    write_initiatives(small_library, GOOD)

    initiatives = Library(small_library.path).initiatives

    assert [(i.id, [a.role.value for a in i.actors]) for i in initiatives] == [
        ("2011-mmtf", ["co-chair", "member"])]


def test_no_file_is_no_initiatives(small_library: Library) -> None:
    assert small_library.initiatives == []


def test_unknown_organisation_is_located(small_library: Library) -> None:
    path = write_initiatives(small_library,
                             GOOD.replace("organisation: unhcr", "organisation: unhrc"))

    with pytest.raises(ValidationFailed) as failure:
        load_initiatives(path, small_library.registry)

    assert [str(p) for p in failure.value.problems] == [
        f"{path}:7:21: 0.actors.0.organisation: unknown organisation 'unhrc'; "
        "did you mean 'unhcr'?"]


def test_duplicate_ids_are_located(small_library: Library) -> None:
    path = write_initiatives(small_library,
                             GOOD + GOOD.replace("title: Somalia", "title: Again"))

    with pytest.raises(ValidationFailed) as failure:
        load_initiatives(path, small_library.registry)

    assert [str(p) for p in failure.value.problems] == [
        f"{path}:12:7: id: '2011-mmtf' is already the id of entry 1"]


def test_shipped_initiatives_validate() -> None:
    assert Library.open().validate() == []
