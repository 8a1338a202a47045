"""Starting a new event from a past one."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from click.testing import CliRunner

from planner.cli import cli
from planner.documents import render_all
from planner.documents.wording import word_speaker
from planner.errors import PlannerError
from planner.event.new import PARTS, clone_event
from planner.event.record import event_as_json
from planner.library import Library
from planner.model import Event, Organisation, Registry
from planner.outcomes.progress import load_previous
from planner.programme.formats import PROGRAMME_FORMATS, export_programme
from tests.conftest import SHIPPED_IDS
from tests.documents.reading import read_docx

pytestmark = pytest.mark.unit


def test_clone_moves_sessions_to_new_dates_and_drops_outcomes(make_event) -> None:
    source = make_event()
    new = clone_event(source, new_id="next-2026", start=dt.date(2026, 3, 9))
    dates = {new.date_of(s.day) for s in new.sessions}
    assert (new.start, new.end, dates) == (
        dt.date(2026, 3, 9), dt.date(2026, 3, 10), {dt.date(2026, 3, 9), dt.date(2026, 3, 10)})
    assert (new.recommendations, new.follow_up, new.action_plan, new.revision) == (
        [], [], None, 1)
    assert new.previous_event == "test-2010"


def test_clone_keeps_structure_but_not_people(make_event) -> None:
    source = make_event(working_groups=[{
        "id": "entry", "title": "Entry", "action_points": [3], "sources": ["summary-report"],
        "chair": [{"organisation": "yemen"}]}])
    new = clone_event(source, new_id="next-2026")
    [group] = new.working_groups
    assert (group.title, group.action_points, group.chair, group.is_planned) == (
        "Entry", [3], [], True)


def test_clone_replaces_host_government_with_new_country(make_event) -> None:
    source = make_event(organisers=[
        {"organisation": "yemen", "role": "host-government", "source": "concept-note"},
        {"organisation": "yemen", "role": "co-organiser", "source": "review"},
        {"organisation": "unhcr", "role": "convener", "source": "summary-report"}])
    new = clone_event(source, new_id="next", country="tanzania",
                      timezone="Africa/Dar_es_Salaam")
    assert [(r.organisation, r.role.value, r.source.value) for r in new.organisers] == [
        ("tanzania", "host-government", "editor"), ("tanzania", "co-organiser", "editor"),
        ("unhcr", "convener", "editor")]


def test_clone_only_chosen_parts(make_event) -> None:
    new = clone_event(make_event(), new_id="next", parts=["working-groups"])
    assert (len(new.working_groups), new.sessions, new.organisers) == (1, [], [])


def test_clone_refuses_agenda_longer_than_new_event(make_event) -> None:
    with pytest.raises(PlannerError, match="runs 2 days but the new event has 1"):
        clone_event(make_event(), new_id="next", start=dt.date(2026, 1, 1),
                    end=dt.date(2026, 1, 1))


def test_clone_refuses_unknown_country(make_event, registry) -> None:
    with pytest.raises(PlannerError, match="unknown organisation 'atlantis'"):
        clone_event(make_event(), new_id="next", country="atlantis", registry=registry)


def test_cloned_event_validates_in_library(small_library: Library) -> None:
    source = small_library.load("test-2010")
    new = clone_event(source, new_id="next-2026", start=dt.date(2026, 5, 4), parts=PARTS)
    small_library.create(new)
    assert small_library.load("next-2026") == new


def test_clone_takes_time_zone_of_new_single_zone_country(make_event, registry) -> None:
    new = clone_event(make_event(), new_id="next", country="tanzania", registry=registry)
    assert new.timezone == "Africa/Dar_es_Salaam"


def test_clone_for_country_with_several_zones_needs_timezone(make_event) -> None:
    registry = Registry([Organisation(id="yemen", name="Yemen", type="state", iso="YE"),
                         Organisation(id="kazakhstan", name="Kazakhstan", type="state",
                                      iso="KZ")])
    with pytest.raises(PlannerError, match=r"Kazakhstan has \d+ time zones .*--timezone"):
        clone_event(make_event(), new_id="next", country="kazakhstan", registry=registry)
    new = clone_event(make_event(), new_id="next", country="kazakhstan",
                      timezone="Asia/Almaty", registry=registry)
    assert new.timezone == "Asia/Almaty"


def test_clone_copies_rooms_and_block_hours_but_not_published_versions(
        shipped_copy: Library) -> None:
    source = shipped_copy.load("manila-2010")
    new = clone_event(source, new_id="next", start=dt.date(2027, 1, 11))
    assert (new.rooms, new.programme.versions, new.programme.published) == (
        source.rooms, [], [])


# --- the event being planned: no person of the template comes with it ---------------------

def _people_of(event: Event) -> set[str]:
    """Every name of a person the template's record holds, and each surname on its own."""
    names = {" ".join(filter(None, (p.first_name, p.last_name))) for p in event.participants}
    speakers = [s for session in event.sessions
                for s in (*getattr(session, "chairs", []), *getattr(session, "speakers", []),
                          *(x for item in getattr(session, "items", [])
                            for x in (*item.speakers, *(y for sub in item.items
                                                        for y in sub.speakers))))]
    speakers += [s for g in event.working_groups for s in (*g.chair, *g.rapporteurs)]
    names |= {s.name for s in speakers if s.name}
    surnames = {name.replace(",", " ").split()[-1] for name in names}
    return {n for n in names | surnames if len(n) >= 4}


def _exports(library: Library, event_id: str) -> dict[str, str]:
    event = library.load(event_id)
    found = {"show --json": json.dumps(event_as_json(event, library.registry),
                                       ensure_ascii=False)}
    for fmt in PROGRAMME_FORMATS:
        found[fmt] = export_programme(event, format=fmt, registry=library.registry).decode()
    for name, data in render_all(event, registry=library.registry,
                                 as_of=dt.date(2027, 9, 6),
                                 previous=load_previous(library, event)).items():
        found[name] = read_docx(data).everything
    return found


@pytest.mark.integration
@pytest.mark.parametrize("template", SHIPPED_IDS)
def test_new_event_carries_no_person_of_its_template(shipped_copy: Library,
                                                     template: str) -> None:
    source = shipped_copy.load(template)
    result = CliRunner().invoke(cli, [
        "--library", str(shipped_copy.path), "new", "nairobi-2027", "--from", template,
        "--start", "2027-09-06", "--end", str(dt.date(2027, 9, 6) + (source.end - source.start)),
        "--city", "Nairobi", "--country", "kenya"])
    assert result.exit_code == 0, result.output

    people = _people_of(source)
    leaks = {(where, name) for where, text in _exports(shipped_copy, "nairobi-2027").items()
             for name in people if name in text}

    assert leaks == set()


def test_dar_es_salaam_opening_asks_for_the_new_host_at_minister_level(
        shipped_copy: Library) -> None:
    source = shipped_copy.load("dar-es-salaam-2010")
    new = clone_event(source, new_id="nairobi-2027", start=dt.date(2027, 9, 6),
                      country="kenya", city="Nairobi", registry=shipped_copy.registry)
    [opening] = [s for s in new.sessions if s.id == "d1-opening"]

    assert [(s.organisation, s.role, s.tbc, s.name) for item in opening.items
            for s in item.speakers] == [
        ("iom-migration-management-services", "director level", True, None),
        ("unhcr", "senior management level", True, None),
        ("kenya", "host government, minister level", True, None)]
    assert word_speaker(opening.items[2].speakers[0], shipped_copy.registry) == (
        "Kenya, host government, minister level (tbc)")


def test_working_groups_keep_themes_but_not_their_guidance(make_event) -> None:
    source = make_event(working_groups=[{
        "id": "entry", "title": "Entry", "scope": "Borders.", "action_points": [3],
        "sources": ["concept-note"], "guidance": "Written for 2010.",
        "guiding_questions": ["Who crosses?"], "rapporteurs": [{"name": "Ms A. Person"}]}])
    [group] = clone_event(source, new_id="next-2027").working_groups

    assert (group.scope, group.guiding_questions, group.guidance, group.rapporteurs) == (
        "Borders.", ["Who crosses?"], None, [])


def test_concept_note_keeps_only_the_prose_marked_reusable(make_event) -> None:
    source = make_event(concept_note={"sections": [
        {"key": "background", "heading": "Background", "text": "In 2010…"},
        {"key": "methodology", "heading": "Methodology", "text": "Two rounds of groups.",
         "items": ["Plenary", "Groups"], "reusable": True}]})
    sections = clone_event(source, new_id="next-2027").concept_note.sections

    assert [(s.heading, s.text, s.items, s.reusable) for s in sections] == [
        ("Background", None, [], False),
        ("Methodology", "Two rounds of groups.", ["Plenary", "Groups"], True)]
