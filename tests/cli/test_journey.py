"""A conference built from a template with the command line alone, never touching a file: the
record, the programme, the people, the groups, the recommendations, the plan and its
follow-up, and every document."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from planner.cli import cli
from planner.documents import KINDS
from planner.library import Library
from tests.documents.reading import read_docx
from tests.factories.journey import (
    EVENT,
    ORGANISATIONS,
    RECOMMENDATIONS,
    REGISTRATIONS,
    STATES,
)

pytestmark = pytest.mark.e2e



def planner(library: Library, *args: str, given: str | None = None) -> str:
    result = CliRunner().invoke(cli, ["--library", str(library.path), *args], input=given)
    assert result.exit_code == 0, (args, result.output)
    return result.output


def test_a_conference_built_with_the_command_line_alone(shipped_copy: Library,
                                                        tmp_path: Path) -> None:
    run = lambda *args, given=None: planner(shipped_copy, *args, given=given)  # noqa: E731
    run("new", EVENT, "--from", "dar-es-salaam-2010", "--title", "Nairobi 2027",
        "--start", "2027-09-06", "--city", "Nairobi", "--country", "kenya")
    run("organisers", "add", EVENT, "iom", "--role", "co-organiser")
    run("invitations", "add", EVENT, *STATES)
    run("invitations", "add", EVENT, *ORGANISATIONS)
    # The template's opening stays; the groups meet on day 1 afternoon and day 2 morning.
    for args in (("--title", "Working groups", "--kind", "working-groups", "--day", "1",
                  "--start", "14:00", "--end", "17:30", "--round", "1"),
                 ("--title", "Working groups (continued)", "--kind", "working-groups",
                  "--day", "2", "--start", "09:00", "--end", "12:00", "--round", "1"),
                 ("--title", "Lunch", "--kind", "break", "--day", "2", "--start", "12:00",
                  "--end", "13:30"),
                 ("--title", "Reporting back and closing", "--kind", "plenary", "--day", "2",
                  "--start", "13:30", "--end", "16:00")):
        run("programme", "add", EVENT, *args)
    run("participants", "import", EVENT, str(REGISTRATIONS), "--add-organisations")
    run("groups", "assign", EVENT)
    run("recommendations", "add", EVENT, "--section", "I", "--paste", "-",
        given=RECOMMENDATIONS)
    run("actionplan", "draft", EVENT, "--deadline", "2029-09-06")
    run("actionplan", "adopt", EVENT, str(shipped_copy.path / f"{EVENT}.action-plan-draft.yaml"))
    run("followup", "track", EVENT)
    run("render-all", EVENT, "-o", str(tmp_path / "papers"))

    event = shipped_copy.load(EVENT)
    staff = {p.id: p.organisation for p in event.participants}
    rapporteurs = {staff.get(r.participant or "") for g in event.working_groups
                   for r in g.rapporteurs}
    texts = {kind: read_docx((tmp_path / "papers" / f"{EVENT}-{kind}.docx").read_bytes()
                             ).everything for kind in KINDS}
    assert planner(shipped_copy, "programme", "check", EVENT) == "ok\n"
    assert "iom" in rapporteurs
    assert {i.organisation for i in event.invited} >= {*STATES, *ORGANISATIONS}
    assert ("iom", "co-organiser") in {(r.organisation, r.role.value) for r in event.organisers}
    assert all(r.text in texts["summary-report"] for r in event.recommendations)
    assert "Share data on mixed movements through a regional platform." in texts["action-plan"]
    for title in ("Working groups (continued)", "Reporting back and closing"):
        assert title in texts["programme"]
        assert title in texts["concept-note"]
    assert len(event.follow_up) == len(event.recommendations)
