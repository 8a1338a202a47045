"""The `planner` command: exit codes, exact messages and JSON shapes."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from planner.cli import cli
from planner.library import Library
from tests.conftest import SHIPPED
from tests.factories.library import GOOD, write_initiatives

pytestmark = pytest.mark.e2e


def run(library: Library, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["--library", str(library.path), *args])
    return result.exit_code, result.output


def test_list_json_has_one_row_per_event(small_library: Library) -> None:
    code, output = run(small_library, "list", "--json")
    rows = json.loads(output)
    assert (code, [r["id"] for r in rows], rows[0]["country"]) == (0, ["test-2010"], "Yemen")


def test_show_json_carries_contract_keys(small_library: Library) -> None:
    code, output = run(small_library, "show", "test-2010", "--json")
    record = json.loads(output)
    assert code == 0
    assert {"id", "kind", "title", "city", "country", "start", "end", "organisers",
            "working_groups", "sessions", "participants", "recommendations", "action_plan",
            "follow_up"} <= set(record)
    assert (record["start"], record["recommendations"][0]["ref"],
            record["organisers"][0]["role"]) == ("2010-09-06", "I (i)", "convener")


def test_validate_ok_exits_zero(small_library: Library) -> None:
    assert run(small_library, "validate") == (0, "ok\n")


def test_validate_broken_file_exits_one_with_located_lines(small_library: Library) -> None:
    path = small_library.event_path("test-2010")
    path.write_text(path.read_text(encoding="utf-8").replace("start: 2010-09-06",
                                                             "start: '6 Sept'"),
                    encoding="utf-8")
    code, output = run(small_library, "validate", str(path))
    line = path.read_text(encoding="utf-8").splitlines().index("start: '6 Sept'") + 1
    assert (code, output) == (1, f"{path}:{line}:8: start: Input should be a valid date, got "
                                 "'6 Sept' (hint: dates are YYYY-MM-DD, unquoted)\n")
    assert "Traceback" not in output


def test_validate_a_stray_event_file_against_the_shipped_registry(tmp_path: Path) -> None:
    stray = tmp_path / "elsewhere" / "dakar-2008.yaml"
    stray.parent.mkdir()
    shutil.copy(SHIPPED / "dakar-2008.yaml", stray)

    result = CliRunner().invoke(cli, ["validate", str(stray)], env={"PLANNER_LIBRARY": ""})

    assert (result.exit_code, result.output) == (0, "ok\n")


def test_validate_a_stray_event_file_against_the_registry_of_library(
        small_library: Library, tmp_path: Path) -> None:
    stray = tmp_path / "elsewhere" / "dakar-2008.yaml"
    stray.parent.mkdir()
    shutil.copy(SHIPPED / "dakar-2008.yaml", stray)

    code, output = run(small_library, "validate", str(stray))

    # The small registry lacks Dakar's organisations: the file is checked against it.
    assert code == 1
    assert output.startswith(f"{stray}:")
    assert "Traceback" not in output and "No such file" not in output


def test_validate_a_stray_event_file_with_a_syntax_error(tmp_path: Path) -> None:
    stray = tmp_path / "elsewhere" / "broken.yaml"
    stray.parent.mkdir()
    stray.write_text("id: broken-2030\nkind: [regional\ntitle: Broken\n", encoding="utf-8")

    result = CliRunner().invoke(cli, ["validate", str(stray)], env={"PLANNER_LIBRARY": ""})

    assert (result.exit_code, result.output) == (
        1, f"{stray}:3:6: YAML syntax error: while parsing a flow sequence did not find "
           "expected ',' or ']'\n")


def test_validate_covers_the_initiatives(small_library: Library) -> None:
    path = write_initiatives(small_library, GOOD.replace("role: member", "role: sponsor"))

    whole = CliRunner().invoke(cli, ["--library", str(small_library.path), "validate"])
    alone = CliRunner().invoke(cli, ["--library", str(small_library.path), "validate",
                                     str(path)])

    assert (whole.exit_code, alone.exit_code) == (1, 1)
    assert whole.output == alone.output
    assert whole.output.startswith(f"{path}:11:13: 0.actors.1.role: Input should be")


@pytest.mark.parametrize("command", [["show", "{bad}"], ["new", "{bad}", "--from", "test-2010"],
                                     ["new", "x-1", "--from", "{bad}"]])
@pytest.mark.parametrize("bad", ["../../etc/passwd", "a/b"])
def test_bad_ids_are_refused_everywhere(small_library: Library, command: list[str],
                                        bad: str) -> None:
    code, output = run(small_library, *[part.format(bad=bad) for part in command])
    assert (code, output) == (1, f"Error: '{bad}' is not a valid event id: use lower-case "
                                 "letters, digits and hyphens (e.g. 'dakar-2008')\n")


def test_new_creates_valid_event_on_new_dates(small_library: Library) -> None:
    code, output = run(small_library, "new", "next-2026", "--from", "test-2010",
                       "--start", "2026-03-09", "--city", "Dodoma", "--country", "tanzania",
                       "--title", "Next Conference")
    event = small_library.load("next-2026")
    assert (code, output) == (0, f"created {small_library.event_path('next-2026')}\n")
    assert (event.title, event.city, event.country, str(event.start), str(event.end)) == (
        "Next Conference", "Dodoma", "tanzania", "2026-03-09", "2026-03-10")
    assert event.recommendations == []
    assert run(small_library, "validate") == (0, "ok\n")


def test_new_refuses_unknown_country_with_suggestion(small_library: Library) -> None:
    code, output = run(small_library, "new", "x-1", "--from", "test-2010", "--country", "yemn")
    assert (code, output) == (1, "Error: unknown organisation 'yemn'; did you mean 'yemen'?\n")


def test_schema_is_json_schema_of_event_file(small_library: Library) -> None:
    code, output = run(small_library, "schema")
    schema = json.loads(output)
    assert (code, schema["title"], schema["additionalProperties"]) == (
        0, "planner event file", False)
    assert schema["properties"]["timezone"]["description"].startswith("IANA time zone")


def test_coverage_json_counts_per_point(small_library: Library) -> None:
    code, output = run(small_library, "coverage", "--json")
    table = json.loads(output)
    assert (code, table["3"]["test-2010"]) == (0, {"working_groups": 1, "recommendations": 0})


def test_format_rewrites_hand_edited_file_canonically(small_library: Library) -> None:
    path = small_library.event_path("test-2010")
    canonical = path.read_text(encoding="utf-8")
    path.write_text(canonical.replace("kind: regional-conference\n", "") +
                    "kind:   regional-conference\n", encoding="utf-8")
    code, output = run(small_library, "format")
    assert (code, output, path.read_text(encoding="utf-8")) == (
        0, f"formatted {path}\n", canonical)


def test_show_dar_es_salaam_json_is_the_full_record() -> None:
    library = Library(SHIPPED)
    event = library.load("dar-es-salaam-2010")
    code, output = run(library, "show", "dar-es-salaam-2010", "--json")
    record = json.loads(output)
    printed = [ref for area in event.action_plan.areas for theme in area.sub_themes
               for action in theme.actions for ref in action.references]
    shown = [ref for area in record["action_plan"]["areas"] for theme in area["sub_themes"]
             for action in theme["actions"] for ref in action["references"]]
    assert (code, len(record["recommendations"]), len(record["action_plan"]["areas"])) == (
        0, 64, 6)
    assert (shown, "III (ix)" in shown) == (printed, True)
    assert record["recommendations"][0]["ref"] == "I (i)"


def test_new_from_shipped_event_validates_on_new_dates(shipped_copy: Library) -> None:
    code, _ = run(shipped_copy, "new", "stock-taking-2012", "--from", "dar-es-salaam-2010",
                  "--start", "2012-09-03", "--title", "Stock-taking Conference")
    event = shipped_copy.load("stock-taking-2012")
    dates = {event.date_of(s.day) for s in event.sessions}
    assert (code, event.recommendations, event.action_plan, event.follow_up) == (0, [], None, [])
    assert dates <= {dt.date(2012, 9, 3), dt.date(2012, 9, 4)} and dates
    assert [g.title for g in event.working_groups] == [
        g.title for g in shipped_copy.load("dar-es-salaam-2010").working_groups]
    assert run(shipped_copy, "validate") == (0, "ok\n")
