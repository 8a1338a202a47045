"""The rules that make a document sendable as it is (issue 17), each on the event being
planned (Nairobi 2027), on a bare event, or on a shipped one."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from planner.documents import build_context, render_document
from planner.documents.concept_note import concept_note_sections, organiser_lines
from planner.documents.wording import PLACEHOLDER, fit_columns, keep_rows, name_of
from planner.errors import PlannerError
from planner.library import Library
from planner.model import Event, Registry
from tests.documents.reading import read_docx

pytestmark = pytest.mark.integration


def test_the_host_never_cooperates_with_itself(planned: Library) -> None:
    event = planned.load("nairobi-2027")
    lines = [entry["text"] for entry in organiser_lines(event, planned.registry)]
    cooperation = next(t for t in lines if t.startswith("In cooperation with:"))
    assert "Kenya" not in cooperation and "UNHCR" not in cooperation  # both convene


def test_a_unit_says_whose_it_is(planned: Library) -> None:
    assert name_of("unhcr-africa-bureau", planned.registry) == "UNHCR Bureau for Africa"
    assert name_of("canary-islands", planned.registry) == "Canary Islands"  # a territory


def test_the_record_numbers_the_headings(planned: Library) -> None:
    sections = concept_note_sections(planned.load("nairobi-2027"), planned.registry)
    titles = [s["title"] for s in sections]
    assert titles[:4] == ["1. Introduction", "2. Objectives of the Conference",
                          "Conference methodology/status of discussions and outcomes",
                          "3. Conference Convenors and Participants"]
    assert titles[4:] == ["4. Proposed agenda", "5. Expected outcomes", "6. Follow-up"]
    subsections = [x["text"] for x in sections[0]["lines"] if x["style"] == "heading2"]
    assert [t[:4] for t in subsections] == ["1.1 ", "1.2 "]


def test_an_empty_section_prints_the_placeholder_or_is_left_out(planned: Library) -> None:
    event = planned.load("nairobi-2027")
    shown = concept_note_sections(event, planned.registry)
    left_out = concept_note_sections(event, planned.registry, empty="leave-out")
    assert [s["lines"] for s in shown if s["key"] == "outcomes"] == [
        [{"style": "placeholder", "text": PLACEHOLDER}]]
    # Leaving out numbered sections leaves gaps, so the note numbers them afresh.
    assert [s["title"] for s in left_out] == ["1. Conference Convenors and Participants",
                                              "2. Proposed agenda"]


def test_an_unknown_choice_for_empty_sections_is_named(planned: Library) -> None:
    with pytest.raises(PlannerError, match="unknown choice for empty sections 'hide' "
                                           r"\(known: placeholder, leave-out\)"):
        build_context("concept-note", planned.load("nairobi-2027"),
                      registry=planned.registry, empty="hide")


def test_no_role_word_after_a_name(make_event: Callable[..., Event],
                                   registry: Registry) -> None:
    event = make_event(working_groups=[{
        "id": "entry", "title": "Entry", "sources": ["concept-note"],
        "chair": [{"name": "Mr A", "organisation": "yemen", "role": "chair"}],
        "rapporteurs": [{"name": "Ms B", "role": "rapporteur"},
                        {"name": "Ms C", "role": "Rapporteurs"}]}])
    group = build_context("working-groups", event, registry=registry)["groups"][0]
    assert (group["chair"], group["rapporteurs"]) == ("Mr A (Yemen)", "Ms B and Ms C")


def test_members_are_sorted_by_name(make_event: Callable[..., Event],
                                    registry: Registry) -> None:
    people = [{"id": i, "first_name": first, "last_name": last, "working_groups": ["entry"],
               "status": "confirmed"}
              for i, first, last in (("a", "Zara", "Omar"), ("b", "Ali", "Ba"),
                                     ("c", "Eve", "Omar"))]
    event = make_event(participants=people, working_groups=[
        {"id": "entry", "title": "Entry", "sources": ["concept-note"]}])
    group = build_context("working-groups", event, registry=registry)["groups"][0]
    assert group["members"] == ["Ali Ba", "Eve Omar", "Zara Omar"]


def test_no_clock_times_the_programme_does_not_give(planned: Library) -> None:
    group = build_context("working-groups", planned.load("nairobi-2027"),
                          registry=planned.registry)["groups"][0]
    assert [s["time"] for s in group["running_order"]][:4] == [
        "10 min", "20 min", "120 min", "30 min"]
    assert not any(":" in s["time"] for s in group["running_order"])


def test_only_the_last_two_and_the_first_two_rows_keep_together() -> None:
    assert [r["keep"] for r in keep_rows([{}] * 5)] == [True, False, False, True, False]
    assert [r["keep"] for r in keep_rows([{}])] == [False]


def test_an_e_mail_column_is_as_wide_as_its_longest_address() -> None:
    widths = fit_columns(["Name", "E-mail"],
                         [["Ann Lee"], ["leonce.ndikumana@interieur.gov.bi"]], width=9000)
    assert widths[1] >= 33 * 105 and sum(widths) == 9000


def test_an_empty_column_is_left_out(make_event: Callable[..., Event],
                                     registry: Registry) -> None:
    event = make_event(participants=[{"id": "a", "last_name": "Ba", "email": "ba@un.org",
                                      "status": "confirmed"}])
    context = build_context("participant-list", event, registry=registry)
    assert context["columns"] == ["Name", "E-mail"]


def test_the_programme_leaves_out_an_empty_room_column(planned: Library) -> None:
    reading = read_docx(render_document("programme", planned.load("nairobi-2027"),
                                        registry=planned.registry))
    assert reading.tables[0][0] == ["Time", "Session"]


def test_items_of_one_title_without_speakers_make_one_line(
        make_event: Callable[..., Event], registry: Registry) -> None:
    event = make_event(sessions=[{"id": "open", "kind": "plenary", "day": 1, "block": "morning",
                                  "items": [{"title": "Opening statement"}] * 3}])
    lines = build_context("programme", event, registry=registry)["days"][0]["sessions"][0][
        "lines"]
    assert lines == ["• Opening statements (3)"]


def test_the_summary_report_keeps_source_notes_in_the_record(shipped_copy: Library) -> None:
    context = build_context("summary-report", shipped_copy.load("dar-es-salaam-2010"),
                            registry=shipped_copy.registry)
    background = [x["text"] for x in context["introduction"][0]["lines"]]
    assert "Participants: over 120." in background
    assert "Regional organisations" in background  # "regional organizations" said nothing


def test_follow_up_headings_read_alike(shipped_copy: Library) -> None:
    context = build_context("follow-up", shipped_copy.load("dar-es-salaam-2010"),
                            registry=shipped_copy.registry, as_of=dt.date(2012, 6, 30))
    headings = [t["heading"] for t in context["themes"]]
    assert [h for h in headings if h.isupper() or h.startswith("(")] == []
    assert "Other activities" in headings
    assert "(no owner)" not in str(context)
