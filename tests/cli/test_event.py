"""`planner concept-note`: the sections as written, then the parts written from the record."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from planner.cli import cli
from planner.documents.concept_note import generated_parts
from planner.event.concept_note import concept_note_form
from planner.library import Library
from tests.conftest import SHIPPED_IDS

pytestmark = pytest.mark.e2e


def run(library: Library, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["--library", str(library.path), "concept-note", *args])
    return result.exit_code, result.output


def test_concept_note_prints_sections_then_generated_parts(shipped_copy: Library) -> None:
    code, output = run(shipped_copy, "dar-es-salaam-2010")

    lines = output.splitlines()
    objectives = lines.index("## 2. Objectives of the Conference  [objectives]")
    generated = lines.index("# Written from the record (edit the record, not these)")
    assert (code, lines[0], lines[objectives + 1], lines[objectives + 2][:52]) == (
        0, "## 1. Introduction  [introduction]",
        "The Conference will pursue the following objectives:",
        "  1. Increase understanding on the nature, scale and")
    assert lines[generated + 2:generated + 5] + lines[-7:] == [
        "## Dates  (from the event's `start` (2010-09-06) and `end` (2010-09-07))",
        "6–7 September 2010", "",
        "## Proposed agenda  (from the event's programme: 1 session(s) in `sessions`)",
        "Day 1 – Monday 6 September 2010", "Morning", "  - Opening",
        "      - Opening statement — Irena Vojackova-Sollorano (IOM Migration Management Services)",
        "      - Opening statement — Erika Feller (UNHCR)",
        "      - Opening statement — The Honourable Lawrence K. Masha (Ministry of Home "
        "Affairs, United Republic of Tanzania)"]


def test_concept_note_without_sections_says_so(shipped_copy: Library) -> None:
    code, output = run(shipped_copy, "geneva-2008-borders")

    assert (code, output) == (0, "\n".join([
        "no concept note sections in 'geneva-2008-borders'", "",
        "# Written from the record (edit the record, not these)", "",
        "## Dates  (from the event's `start` (2008-11-20) and `end` (2008-11-21))",
        "20–21 November 2008", "",
        "## Convenors and participants  (from 3 organiser role(s) in `organisers` as stated "
        "by review; 0 entries of `attended` (reported) by category)",
        "Convenors", "  - Convener: UNHCR", "  - In cooperation with: IHEID", "  - Other: DIP", "",
        "## Proposed agenda  (from the event's programme: 0 session(s) in `sessions`)", ""]))


def test_concept_note_json_has_sections_and_generated_parts(shipped_copy: Library) -> None:
    code, output = run(shipped_copy, "dar-es-salaam-2010", "--json")

    event = shipped_copy.load("dar-es-salaam-2010")
    assert (code, json.loads(output)) == (0, {
        "sections": concept_note_form(event),
        "generated": generated_parts(event, shipped_copy.registry)})


def test_concept_note_unknown_event_is_one_line(shipped_copy: Library) -> None:
    assert run(shipped_copy, "nowhere") == (
        1, f"Error: no event 'nowhere' in {shipped_copy.path} (known: {', '.join(SHIPPED_IDS)})\n")
