"""initiatives.yaml: loaded through the store, checked against the registry, located problems."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from planner.cli import cli
from planner.errors import ValidationFailed
from planner.library import Library
from planner.library.store import load_initiatives

pytestmark = pytest.mark.integration

GOOD = """\
- id: 2011-mmtf
  edition: 2011
  title: Somalia task force
  level: national
  countries: [yemen]
  actors:
    - organisation: unhcr
      role: co-chair
    - collective: over 100 NGOs
      collective_type: ngo
      role: member
"""


def _write(library: Library, text: str) -> Path:
    path = library.path / "initiatives.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_library_loads_its_initiatives(small_library: Library) -> None:
    _write(small_library, GOOD)

    initiatives = Library(small_library.path).initiatives

    assert [(i.id, [a.role.value for a in i.actors]) for i in initiatives] == [
        ("2011-mmtf", ["co-chair", "member"])]


def test_no_file_is_no_initiatives(small_library: Library) -> None:
    assert small_library.initiatives == []


def test_unknown_organisation_is_located(small_library: Library) -> None:
    path = _write(small_library, GOOD.replace("organisation: unhcr", "organisation: unhrc"))

    with pytest.raises(ValidationFailed) as failure:
        load_initiatives(path, small_library.registry)

    assert [str(p) for p in failure.value.problems] == [
        f"{path}:7:21: 0.actors.0.organisation: unknown organisation 'unhrc'; "
        "did you mean 'unhcr'?"]


def test_duplicate_ids_are_located(small_library: Library) -> None:
    path = _write(small_library, GOOD + GOOD.replace("title: Somalia", "title: Again"))

    with pytest.raises(ValidationFailed) as failure:
        load_initiatives(path, small_library.registry)

    assert [str(p) for p in failure.value.problems] == [
        f"{path}:12:7: id: '2011-mmtf' is already the id of entry 1"]


def test_validate_covers_the_initiatives(small_library: Library) -> None:
    path = _write(small_library, GOOD.replace("role: member", "role: sponsor"))

    whole = CliRunner().invoke(cli, ["--library", str(small_library.path), "validate"])
    alone = CliRunner().invoke(cli, ["--library", str(small_library.path), "validate",
                                     str(path)])

    assert (whole.exit_code, alone.exit_code) == (1, 1)
    assert whole.output == alone.output
    assert whole.output.startswith(f"{path}:11:13: 0.actors.1.role: Input should be")


def test_shipped_initiatives_validate() -> None:
    assert Library.open().validate() == []
