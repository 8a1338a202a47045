"""`planner organisations list|add|merge`."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from planner.cli import cli
from planner.library import Library

pytestmark = pytest.mark.e2e


def run(library: Library, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["--library", str(library.path), "organisations", *args])
    return result.exit_code, result.output


def test_add_list_and_merge(shipped_copy: Library) -> None:
    added = run(shipped_copy, "add", "kenya-ras", "--name", "Refugee Affairs Secretariat",
                "--type", "government-body", "--country", "kenya", "--acronym", "RAS")
    run(shipped_copy, "add", "kenya-dra", "--name", "Department of Refugee Affairs",
        "--type", "government-body", "--country", "kenya")
    listed = run(shipped_copy, "list", "--type", "government-body")[1]
    as_json = json.loads(run(shipped_copy, "list", "--type", "government-body", "--json")[1])
    merged = run(shipped_copy, "merge", "kenya-ras", "kenya-dra")

    assert added == (0, f"added kenya-ras (Refugee Affairs Secretariat) to "
                        f"{shipped_copy.path / 'organisations.yaml'}\n")
    assert "kenya-ras                                government-body              Refugee " \
           "Affairs Secretariat" in listed
    assert {"id": "kenya-ras", "name": "Refugee Affairs Secretariat", "acronym": "RAS",
            "type": "government-body", "parent": "kenya"} in as_json
    assert merged == (0, "merged kenya-dra into kenya-ras; 0 event(s) updated\n")


@pytest.mark.parametrize(("args", "message"), [
    (("add", "unhcr", "--name", "X", "--type", "ngo"),
     "Error: the registry already has 'unhcr' (Office of the United Nations High "
     "Commissioner for Refugees)\n"),
    (("add", "x-org", "--name", "X", "--type", "ngo", "--country", "narnia"),
     "Error: unknown organisation 'narnia'; did you mean 'armenia', 'argentina', "
     "'mauritania'?\n"),
    (("merge", "unhcr", "unhcr"), "Error: 'unhcr' cannot be merged into itself\n"),
])
def test_refusals_are_one_line(shipped_copy: Library, args: tuple[str, ...],
                               message: str) -> None:
    assert run(shipped_copy, *args) == (1, message)
