"""Organiser roles: added, changed and removed per source document, refused with a reason."""

from __future__ import annotations

import datetime as dt

import pytest

from planner.errors import PlannerError
from planner.event.new import clone_event
from planner.event.organisers import (
    ROLES,
    add_organiser,
    change_organiser,
    organiser_rows,
    remove_organiser,
    revise_organisers,
)
from planner.library import Library
from planner.model import Event, Registry
from tests.conftest import SHIPPED

pytestmark = pytest.mark.unit

LIBRARY = Library(SHIPPED)
REGISTRY = LIBRARY.registry
DAR = LIBRARY.load("dar-es-salaam-2010")


@pytest.fixture
def nairobi() -> Event:
    """Nairobi 2027 as `planner new` starts it from Dar es Salaam 2010: every role `editor`."""
    return clone_event(DAR, new_id="nairobi-2027", start=dt.date(2027, 9, 6), city="Nairobi",
                       country="kenya", registry=REGISTRY)


def _roles(event: Event, organisation: str) -> list[tuple[str, str]]:
    return [(r.role.value, r.source.value) for r in event.organisers
            if r.organisation == organisation]


def test_an_added_role_is_the_organisers_own(nairobi: Event) -> None:
    added = add_organiser(nairobi, "iom", "Co-organiser", note=" joint secretariat ",
                          registry=REGISTRY)

    assert (added.organisers[-1].model_dump(mode="json"), len(added.organisers)) == (
        {"organisation": "iom", "role": "co-organiser", "source": "editor",
         "note": "joint secretariat"}, len(nairobi.organisers) + 1)
    assert nairobi.organisers == clone_event(DAR, new_id="nairobi-2027", city="Nairobi",
                                             start=dt.date(2027, 9, 6), country="kenya",
                                             registry=REGISTRY).organisers


@pytest.mark.parametrize(("organisation", "role", "message"), [
    ("iomm", "co-organiser", "unknown organisation 'iomm'; did you mean 'iom'?"),
    ("IOM", "co-organiser", "'IOM' is not an id; write the registry id 'iom'"),
    ("iom", "cohost", "unknown role 'cohost'; choose from " + ", ".join(ROLES)),
    ("iom", "secretariat", "IOM already holds the role 'secretariat' in nairobi-2027"),
])
def test_adding_a_role_is_refused_with_a_reason(nairobi: Event, organisation: str, role: str,
                                                message: str) -> None:
    with pytest.raises(PlannerError) as refused:
        add_organiser(nairobi, organisation, role, registry=REGISTRY)
    assert str(refused.value) == message


def test_a_role_is_kept_per_source_document() -> None:
    # The concept note has UNHCR as convener; the summary report may say so too.
    both = add_organiser(DAR, "unhcr", "convener", source="summary-report", registry=REGISTRY)

    with pytest.raises(PlannerError) as twice:
        add_organiser(both, "unhcr", "convener", source="summary-report", registry=REGISTRY)
    with pytest.raises(PlannerError) as undocumented:
        add_organiser(DAR, "unhcr", "convener", source="programme", registry=REGISTRY)
    assert _roles(both, "unhcr")[-1] == ("convener", "summary-report")
    assert str(twice.value) == ("UNHCR already holds the role 'convener' in dar-es-salaam-2010 "
                                "as the summary-report states it")
    assert str(undocumented.value) == (
        "dar-es-salaam-2010 has no programme among its sources (concept-note, summary-report, "
        "action-plan, selected-recommendations, review, or editor)")


def test_removing_one_role_keeps_the_others(nairobi: Event) -> None:
    fewer = remove_organiser(nairobi, "iom", role="secretariat", registry=REGISTRY)

    assert ("secretariat", "editor") not in _roles(fewer, "iom")
    assert len(_roles(fewer, "iom")) == len(_roles(nairobi, "iom")) - 1
    assert _roles(fewer, "unhcr") == _roles(nairobi, "unhcr")


def test_removing_without_a_role_removes_every_role_of_that_source() -> None:
    fewer = remove_organiser(DAR, "iom", source="concept-note", registry=REGISTRY)

    assert {s for _, s in _roles(fewer, "iom")} == {"summary-report", "action-plan", "review"}


@pytest.mark.parametrize(("organisation", "role", "message"), [
    ("iom", "observer", "IOM does not hold the role 'observer' in nairobi-2027 (it holds: "
                        "under-the-auspices-of, in-cooperation-with, supporting-institution, "
                        "secretariat, funder)"),
    ("eac", None, "EAC holds no organiser role in nairobi-2027"),
    ("eac", "chair", "unknown role 'chair'; choose from " + ", ".join(ROLES)),
    ("nowhere", None, "unknown organisation 'nowhere'; add it to organisations.yaml first"),
])
def test_removing_a_role_not_held_is_refused(nairobi: Event, organisation: str,
                                             role: str | None, message: str) -> None:
    with pytest.raises(PlannerError) as refused:
        remove_organiser(nairobi, organisation, role=role, registry=REGISTRY)
    assert str(refused.value) == message


def test_changing_a_role_keeps_its_place_and_note() -> None:
    changed = change_organiser(DAR, "unhcr", "in-cooperation-with", "co-organiser",
                               source="concept-note", registry=REGISTRY)

    assert (changed.organisers[4].role.value, changed.organisers[4].note) == (
        "co-organiser", DAR.organisers[4].note)
    assert changed.organisers[5:] == DAR.organisers[5:]


def test_a_change_to_a_role_already_held_is_refused(nairobi: Event) -> None:
    with pytest.raises(PlannerError) as refused:
        change_organiser(nairobi, "iom", "secretariat", "in-cooperation-with",
                         registry=REGISTRY)
    assert str(refused.value) == (
        "IOM already holds the role 'in-cooperation-with' in nairobi-2027")


def test_the_table_of_roles_revises_the_list(nairobi: Event) -> None:
    rows = organiser_rows(nairobi, REGISTRY)
    rows[0]["role"] = "co-host"
    rows = [*rows[:-1], {"organisation": None, "role": None},
            {"organisation": "iom", "role": "co-organiser", "note": ""}]

    revised = revise_organisers(nairobi, rows, registry=REGISTRY)

    assert [(r.organisation, r.role.value, r.source.value, r.note)
            for r in (revised.organisers[0], revised.organisers[-1])] == [
        ("kenya", "co-host", "editor", None), ("iom", "co-organiser", "editor", None)]
    assert len(revised.organisers) == len(nairobi.organisers)


@pytest.mark.parametrize(("row", "message"), [
    ({"organisation": "iom"}, "row 2: choose the role of IOM"),
    ({"role": "funder"}, "row 2: choose the organisation"),
    ({"organisation": "iomm", "role": "funder"},
     "row 2: unknown organisation 'iomm'; did you mean 'iom'?"),
    ({"organisation": "kenya", "role": "host-government"},
     "row 2: Kenya already holds the role 'host-government' in row 1"),
    ({"organisation": "iom", "role": "funder", "source": "minutes"},
     "row 2: unknown source 'minutes'; choose from concept-note, programme, summary-report, "
     "action-plan, declaration, co-hosts-summary, discussion-paper, selected-recommendations, "
     "review, other-document, editor"),
])
def test_a_bad_row_of_the_table_is_named(nairobi: Event, row: dict[str, str],
                                         message: str) -> None:
    first = {"organisation": "kenya", "role": "host-government", "source": "editor"}
    with pytest.raises(PlannerError) as refused:
        revise_organisers(nairobi, [first, row], registry=REGISTRY)
    assert str(refused.value) == message


@pytest.mark.integration
def test_an_organisers_role_saves_in_an_event_that_keeps_its_sources(
        shipped_copy: Library) -> None:
    # The editor's own roles need no source document behind them.
    event = shipped_copy.load("dar-es-salaam-2010")
    saved = shipped_copy.save(add_organiser(event, "iom", "co-organiser",
                                            registry=shipped_copy.registry))

    assert _roles(shipped_copy.load("dar-es-salaam-2010"), "iom")[-1] == (
        "co-organiser", "editor")
    assert saved.revision == event.revision + 1


def test_rows_name_each_organisation(registry: Registry, make_event) -> None:
    assert organiser_rows(make_event(), registry) == [
        {"organisation": "unhcr", "name": "UNHCR", "role": "convener",
         "source": "concept-note", "note": None}]
