"""Contexts: pure views of the record — dates, names, order, sections, running orders."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from planner.documents import build_context
from planner.documents.concept_note import (
    concept_note_context,
    generated_parts,
    invitation_groups,
)
from planner.documents.programme import in_order, session_block
from planner.documents.wording import describe_event, join_names, strip_numbering
from planner.documents.working_groups import findings_on, working_groups_context
from planner.errors import PlannerError
from planner.model import Event, Registry

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(("start", "end", "words"), [
    (dt.date(2010, 9, 6), dt.date(2010, 9, 7), "6–7 September 2010"),
    (dt.date(2009, 11, 30), dt.date(2009, 12, 1), "30 November – 1 December 2009"),
    (dt.date(2010, 12, 31), dt.date(2011, 1, 1), "31 December 2010 – 1 January 2011"),
    (dt.date(2010, 9, 6), dt.date(2010, 9, 6), "6 September 2010"),
])
def test_dates_are_written_as_organisers_write_them(start: dt.date, end: dt.date, words: str,
                                                    make_event: Callable[..., Event],
                                                    registry: Registry) -> None:
    head = describe_event(make_event(start=start, end=end), registry)
    assert head["dates"] == words


def test_organisation_names_come_from_the_registry(make_event: Callable[..., Event],
                                                   registry: Registry) -> None:
    event = make_event(country="tanzania", invited=[
        {"organisation": "iom", "category": "international-organisations",
         "source": "concept-note"}])
    assert (describe_event(event, registry)["country"],
            invitation_groups(event, registry)[0]["names"]) == ("Tanzania", ["IOM"])


def test_invitation_categories_follow_the_conventional_order(
        make_event: Callable[..., Event], registry: Registry) -> None:
    invited = [{"description": d, "category": c, "source": "concept-note"} for d, c in (
        ("universities", "academia"), ("NGOs", "civil-society"), ("UN agencies",
         "international-organisations"), ("EU", "donors"), ("IGAD", "regional-organisations"),
        ("States", "governments"))]
    groups = invitation_groups(make_event(invited=invited), registry)
    assert [(g["category"], g["names"]) for g in groups] == [
        ("Governments", ["States"]), ("Regional organisations", ["IGAD"]), ("Donors", ["EU"]),
        ("International organisations", ["UN agencies"]),
        ("Civil society and academia", ["universities", "NGOs"])]


def test_concept_note_sorts_prose_into_sections_and_generates_the_rest(
        make_event: Callable[..., Event], registry: Registry) -> None:
    event = make_event(concept_note={"sections": [
        {"key": "objectives", "heading": "2. Objectives", "items": ["Agree", "Act"]},
        {"key": "background", "heading": "1. Background", "text": "Why.\n\nHow."},
        {"key": "history", "heading": "1.1 History", "text": "Before."}]})
    sections = concept_note_context(event, registry=registry)["sections"]
    by_key = {s["key"]: s for s in sections}
    # The record numbers its headings: the note keeps its numbers and numbers on after them.
    assert [s["title"] for s in sections] == [
        "1. Background", "2. Objectives", "3. Methodology", "4. Convenors and participants",
        "5. Proposed agenda", "6. Expected outcomes", "7. Follow-up"]
    assert by_key["objectives"]["lines"] == [{"style": "number", "text": "Agree"},
                                             {"style": "number", "text": "Act"}]
    assert by_key["background"]["lines"][:2] == [{"style": "text", "text": "Why."},
                                                 {"style": "text", "text": "How."}]
    assert by_key["participants"]["lines"][:2] == [{"style": "heading3", "text": "Convenors"},
                                                   {"style": "bullet",
                                                    "text": "Convener: UNHCR"}]
    assert by_key["methodology"]["lines"][0]["style"] == "placeholder"


def test_sections_without_a_known_key_follow_the_one_before(
        make_event: Callable[..., Event], registry: Registry) -> None:
    event = make_event(concept_note={"sections": [
        {"key": "background", "heading": "Background", "text": "Why."},
        {"key": "history", "heading": "1.1 History", "text": "Before."}]})
    background = concept_note_context(event, registry=registry)["sections"][0]
    assert background["lines"] == [{"style": "text", "text": "Why."},
                                   {"style": "heading2", "text": "1.1 History"},
                                   {"style": "text", "text": "Before."}]


def test_sessions_are_ordered_by_day_then_time(make_event: Callable[..., Event]) -> None:
    event = make_event(sessions=[
        {"id": "close", "kind": "plenary", "day": 2, "block": "afternoon"},
        {"id": "lunch", "kind": "break", "day": 1, "start": "12:30"},
        {"id": "open", "kind": "plenary", "day": 1, "block": "morning"}])
    assert [s.id for s in in_order(event.sessions)] == ["open", "lunch", "close"]
    assert session_block(event.sessions[1]).label == "Afternoon"


def test_running_order_fills_the_slot(make_event: Callable[..., Event],
                                      registry: Registry) -> None:
    event = make_event(working_groups=[{
        "id": "entry", "title": "Protection-sensitive entry", "sources": ["concept-note"],
        "guiding_questions": ["Who arrives?", "Who screens?"],
        "chair": [{"organisation": "yemen"}]}], sessions=[
        {"id": "groups", "kind": "working-groups", "day": 1, "start": "14:00", "end": "17:00",
         "room": "Room B", "working_groups": ["entry"]},
        {"id": "report", "kind": "reporting-back", "day": 2, "start": "09:00", "end": "10:00"}])
    group = working_groups_context(event, registry=registry, group="entry")["groups"][0]
    assert [(s["time"], s["item"]) for s in group["running_order"]] == [
        ("14:00–14:10", "Opening by the chair"), ("14:10–14:30", "Thematic presentation"),
        ("14:30–15:30", "Discussion: Who arrives?"), ("15:30–16:30", "Discussion: Who screens?"),
        ("16:30–17:00", "Drafting of recommendations"),
        ("Day 2 – Tuesday 7 September 2010, 09:00–10:00",
         "Report-back in plenary by the rapporteurs")]
    assert (group["slot"], group["chair"], group["indicative"]) == (
        "Day 1 – Monday 6 September 2010, 14:00–17:00, Room B", "Yemen", False)


def test_findings_on_a_groups_theme_are_picked(make_event: Callable[..., Event],
                                               registry: Registry) -> None:
    event = make_event(preparation={"national_consultations": [
        {"country": "yemen", "findings": ["Border officials lack interpreters.",
                                          "Detention conditions are poor."]}]},
        working_groups=[{"id": "borders", "title": "Managing borders while ensuring "
                         "protection", "sources": ["concept-note"]}])
    assert findings_on(event.working_groups[0], event, registry) == [
        "Yemen: Border officials lack interpreters."]


def test_unknown_kind_is_named(make_event: Callable[..., Event], registry: Registry) -> None:
    with pytest.raises(PlannerError, match="unknown document kind 'minutes'"):
        build_context("minutes", make_event(), registry=registry)


def test_helpers_word_lists_and_headings() -> None:
    assert (join_names(["Kenya", "Uganda", "Kenya"]), strip_numbering("3.2 Participation")) == (
        "Kenya and Uganda", "Participation")


def test_generated_parts_say_where_they_come_from(make_event: Callable[..., Event],
                                                  registry: Registry) -> None:
    event = make_event(invited=[{"organisation": "iom", "category": "international-organisations",
                                 "source": "concept-note"}])
    parts = generated_parts(event, registry)
    assert [(p["part"], p["source"]) for p in parts] == [
        ("Dates", "the event's `start` (2010-09-06) and `end` (2010-09-07)"),
        ("Convenors and participants", "1 organiser role(s) in `organisers` as stated by "
                                       "concept note; 1 entries of `invited` (planned) by "
                                       "category"),
        ("Proposed agenda", "the event's programme: 2 session(s) in `sessions`")]


def test_the_public_working_groups_name_only_who_consented_to_be_listed() -> None:
    from planner.library import Library  # noqa: PLC0415 -- this test's alone
    from planner.library.synthetic import make_synthetic_event  # noqa: PLC0415

    registry = Library.open().registry
    made = make_synthetic_event(participants=12, groups=2, rounds=1, registry=registry)
    people = [p.model_copy(update={"working_groups": ["wg-1"]}) for p in made.participants]
    event = made.model_copy(update={"participants": people})

    def members(public: bool) -> list[str]:
        context = working_groups_context(event, registry=registry, group="wg-1",
                                         public=public)
        return [line.split(" (")[0] for line in context["groups"][0]["members"]]

    coming = [p for p in people if p.status.value not in ("declined", "cancelled")]
    assert (sorted(members(public=False)), sorted(members(public=True))) == (
        sorted(p.name for p in coming), sorted(p.name for p in coming if p.consent_to_publish))
    assert len(members(public=True)) < len(members(public=False))
