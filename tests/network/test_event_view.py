"""The event's view of the network: who it already has (registered participants included,
by the delegation rule), who it could still invite, and what the map marks."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from planner.library import Library
from planner.model import Event, Participant
from planner.network import library_network, suggest_partners
from planner.network.involvement import involvement
from planner.network.view import map_points

pytestmark = pytest.mark.unit

NAIROBI = "nairobi-2027"


def _register(library: Library, *people: Participant) -> Event:
    event = library.load(NAIROBI)
    return library.save(event.model_copy(update={"participants": [*event.participants,
                                                                  *people]}))


def _suggested(library: Library, event: Event) -> list[str]:
    graph = library_network(library)
    return [s.organisation for s in suggest_partners(event, graph, library.registry, top=60)]


def test_registered_botswana_and_us_are_no_longer_suggested_for_nairobi(
        planned: Library) -> None:
    before = _suggested(planned, planned.load(NAIROBI))
    # One gave her country; the other only his ministry, whose State is the United States.
    event = _register(planned,
                      Participant(id="p-bw", last_name="Masire", country="botswana",
                                  organisation="unhcr"),
                      Participant(id="p-us", last_name="Smith",
                                  organisation="us-department-of-state"))
    after = _suggested(planned, event)

    assert ({"botswana", "united-states"} <= set(before),
            {"botswana", "united-states"} & set(after)) == (True, set())


def test_declined_people_bring_nobody_in(planned: Library) -> None:
    event = _register(planned, Participant(id="p-bw", last_name="Masire", country="botswana",
                                           status="declined"))

    assert "botswana" not in involvement(event, planned.registry)
    assert "botswana" in _suggested(planned, event)


def test_involvement_keeps_the_strongest_part(make_event: Callable[..., Event],
                                              planned: Library) -> None:
    event = make_event(country="kenya", organisers=[
        {"organisation": "iom", "role": "convener", "source": "concept-note"}],
        participants=[{"id": "a", "last_name": "A", "organisation": "iom",
                       "country": "uganda"}])

    assert involvement(event, planned.registry) == {"kenya": "host", "iom": "organiser",
                                                    "uganda": "participant"}


def test_the_map_marks_the_event_and_its_suggestions(planned: Library) -> None:
    event = _register(planned, Participant(id="p-bw", last_name="Masire", country="botswana"))
    graph = library_network(planned)
    tips = suggest_partners(event, graph, planned.registry, top=5)
    parts = {p.id: p.part for p in map_points(graph, event=event, registry=planned.registry,
                                              suggestions=tips)}

    initiatives = {parts[n] for n in graph if n.startswith("initiative:")}

    assert (parts["kenya"], parts["botswana"], {parts[t.organisation] for t in tips},
            initiatives) == ("host", "participant", {"suggested"}, {""})
