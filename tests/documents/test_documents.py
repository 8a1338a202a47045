"""Every document kind for every event of the library, reopened and read back."""

from __future__ import annotations

import datetime as dt
from functools import cache

import pytest

from planner.dates import format_date_range
from planner.documents import KINDS, REPORTS, render_all, render_document
from planner.documents.working_groups import pick_groups
from planner.errors import PlannerError
from planner.library import Library
from planner.model import Event, Registry
from tests.conftest import SHIPPED, SHIPPED_IDS
from tests.documents.reading import Reading, read_docx

pytestmark = pytest.mark.integration

AS_OF = dt.date(2012, 6, 30)
LIBRARY = Library(SHIPPED)


@cache
def shipped(event_id: str, kind: str) -> Reading:
    event = LIBRARY.load(event_id)
    return read_docx(render_document(kind, event, registry=LIBRARY.registry, as_of=AS_OF))


def bare_event() -> Event:
    """An event with nothing but the required fields."""
    return Event(id="bare-2030", kind="workshop", title="Bare Workshop", city="Aden",
                 country="yemen", timezone="Asia/Aden", start=dt.date(2030, 12, 31),
                 end=dt.date(2031, 1, 1))


@pytest.mark.parametrize("kind", REPORTS)
@pytest.mark.parametrize("event_id", SHIPPED_IDS)
def test_document_names_event_title_and_dates(event_id: str, kind: str) -> None:
    event = LIBRARY.load(event_id)
    reading = shipped(event_id, kind)
    dates = format_date_range(event.start, event.end)
    assert reading.styled("Title") == [event.title]
    assert reading.texts[2].endswith(f", {dates}")


@pytest.mark.parametrize("kind", REPORTS)
def test_document_renders_for_event_without_optional_data(kind: str,
                                                          registry: Registry) -> None:
    reading = read_docx(render_document(kind, bare_event(), registry=registry, as_of=AS_OF))
    assert (reading.styled("Title"), reading.texts[2]) == (
        ["Bare Workshop"], "Aden, Yemen, 31 December 2030 – 1 January 2031")


@pytest.mark.parametrize(("kind", "placeholder"), [
    ("invitations", "[No invitation on the list has an addressee yet.]"),
    ("badges", "[No one is registered as coming yet.]")])
def test_sheets_of_a_bare_event_say_what_is_missing(kind: str, placeholder: str,
                                                    registry: Registry) -> None:
    reading = read_docx(render_document(kind, bare_event(), registry=registry, as_of=AS_OF))
    assert reading.styled("Placeholder") == [placeholder]


@pytest.mark.parametrize("event_id", SHIPPED_IDS)
def test_working_groups_document_heads_every_group(event_id: str) -> None:
    event = LIBRARY.load(event_id)
    headings = shipped(event_id, "working-groups").styled("Heading 1")
    assert headings == [g.title for g in pick_groups(event, None)]


def test_only_groups_a_round_schedules_get_an_agenda() -> None:
    event = LIBRARY.load("almaty-2011")
    scheduled = [g for s in event.sessions if s.kind == "working-groups"
                 for g in s.working_groups]
    assert [g.id for g in pick_groups(event, None)] == scheduled
    assert "managing-borders-security" not in scheduled  # only the report names it


@pytest.mark.parametrize("event_id", SHIPPED_IDS)
def test_summary_report_prints_every_recommendation_as_numbered(event_id: str) -> None:
    event = LIBRARY.load(event_id)
    texts = set(shipped(event_id, "summary-report").texts)
    expected = [f"({r.label})\t{r.text}" if r.label else r.text for r in event.recommendations]
    assert [line for line in expected if line not in texts] == []


def test_summary_report_sections_follow_the_event_numbering() -> None:
    headings = shipped("dar-es-salaam-2010", "summary-report").styled("Heading 1")
    assert headings[:3] == ["Introduction",
                            "I. Respecting human rights of people on the move, irrespective "
                            "of status",
                            "II. Enhancing legal migration: alternatives to irregular migration"]


def test_action_plan_table_cites_references_in_second_column() -> None:
    plan = LIBRARY.load("dar-es-salaam-2010").action_plan
    assert plan is not None
    rows = [row for grid in shipped("dar-es-salaam-2010", "action-plan").tables for row in grid]
    printed = {(row[0].split("\n")[0], row[1]) for row in rows if len(row) == 2}
    actions = [(a.text, ", ".join(a.references)) for area in plan.areas
               for theme in area.sub_themes for a in theme.actions]
    assert len(actions) > 50
    assert [a for a in actions if a not in printed] == []


def test_action_plan_heads_every_area() -> None:
    plan = LIBRARY.load("dar-es-salaam-2010").action_plan
    headings = shipped("dar-es-salaam-2010", "action-plan").styled("Heading 1")
    assert headings[1:] == [f"{a.number}. {a.heading}" for a in plan.areas]


def test_action_plan_without_plan_drafts_one_citing_recommendations() -> None:
    event = LIBRARY.load("sanaa-2008")
    cells = shipped("sanaa-2008", "action-plan").cells
    assert shipped("sanaa-2008", "action-plan").styled("Placeholder")[0].startswith(
        "No action plan is recorded")
    assert event.recommendations[0].text in "\n".join(cells)


def test_concept_note_numbers_sections_in_conventional_order() -> None:
    headings = shipped("almaty-2011", "concept-note").styled("Heading 1")
    assert headings == ["1. Introduction", "2. Objectives of the Conference",
                        "3. Preparation for the conference", "4. Participation",
                        "5. Proposals for the agenda", "6. Expected outcomes", "7. Follow-up"]


def test_concept_note_lists_objectives_and_invitation_categories_in_order() -> None:
    event = LIBRARY.load("dar-es-salaam-2010")
    reading = shipped("dar-es-salaam-2010", "concept-note")
    categories = [t.split(":")[0] for t in reading.styled("List Bullet") if ":" in t]
    assert reading.styled("List Number") == event.concept_note.sections[3].items
    assert [c for c in categories if c in {"Governments", "Regional organisations", "Donors",
                                           "International organisations",
                                           "Civil society and academia"}] == [
        "Governments", "Regional organisations", "Donors", "International organisations",
        "Civil society and academia"]


def test_concept_note_agenda_comes_from_sessions_by_day_and_block() -> None:
    reading = shipped("sanaa-2008", "concept-note")
    assert reading.styled("Heading 3")[-2:] == ["Day 1 – Monday 19 May 2008",
                                                "Day 2 – Tuesday 20 May 2008"]
    assert "Opening session" in reading.styled("List Bullet")


def test_programme_prints_every_session_with_speakers() -> None:
    event = LIBRARY.load("manila-2010")
    cells = shipped("manila-2010", "programme").cells
    titles = [cell.split("\n")[0] for cell in cells]
    assert [s.title for s in event.sessions if s.title not in titles] == []
    assert any("Speaker: " in cell for cell in cells)


def test_follow_up_report_groups_items_by_theme_with_overdue_section() -> None:
    event = LIBRARY.load("dar-es-salaam-2010")
    reading = shipped("dar-es-salaam-2010", "follow-up")
    activities = [row[0] for grid in reading.tables for row in grid[1:]]
    assert sorted(activities) == sorted(item.text for item in event.follow_up)
    assert "Overdue as of 30 June 2012" in reading.styled("Heading 1")
    assert reading.texts[3] == "Status as of 30 June 2012"


def test_follow_up_report_flags_overdue_items(make_event, registry: Registry) -> None:
    event = make_event(follow_up=[
        {"heading": "Training", "text": "Train border guards", "status": "planned",
         "lead": ["iom"], "deadline": dt.date(2011, 6, 30)},
        {"heading": "Training", "text": "Publish the manual", "status": "done"}])
    reading = read_docx(render_document("follow-up", event, registry=registry,
                                        as_of=dt.date(2012, 1, 1)))
    assert reading.tables[0][1][1:] == ["IOM", "Planned (overdue)", "due 30 June 2011", ""]
    assert reading.styled("List Bullet")[-3] == "Train border guards — IOM, due 30 June 2011"


def test_render_all_writes_one_agenda_per_group() -> None:
    event = LIBRARY.load("dakar-2008")
    documents = render_all(event, registry=LIBRARY.registry, as_of=AS_OF)
    groups = [name for name in documents if "-working-group-" in name]
    meeting = pick_groups(event, None)
    assert len(documents) == len(KINDS) + 1 + len(meeting)
    assert len(groups) == len(meeting) < len(event.working_groups)
    one = read_docx(documents[f"dakar-2008-working-group-{event.working_groups[0].id}.docx"])
    assert one.styled("Heading 1") == [event.working_groups[0].title]


def test_unknown_group_is_named_with_the_known_ones() -> None:
    with pytest.raises(PlannerError, match="no working group 'nope' in manila-2010 "
                                           r"\(known: "):
        render_document("working-groups", LIBRARY.load("manila-2010"),
                        registry=LIBRARY.registry, group="nope")
