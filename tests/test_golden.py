"""Golden files: documents, programme exports and the partner graph, as normalised YAML.

A change to a template, a context or an export shows as a diff of `tests/golden/*.yml`;
accept it with `.venv/bin/python -m pytest tests/test_golden.py --snapshot-update`.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from planner.documents import KINDS, render_document
from planner.library import Library
from planner.library.synthetic import make_synthetic_event
from planner.network import NetworkFilter, library_network
from planner.network.formats import write_graph
from planner.outcomes.progress import load_previous
from planner.programme.formats import PROGRAMME_FORMATS, export_programme
from tests.conftest import SHIPPED
from tests.golden_files import (
    GOLDEN,
    docx_to_yaml,
    frab_json_to_yaml,
    frab_xml_to_yaml,
    gexf_to_yaml,
    ical_to_yaml,
)

pytestmark = pytest.mark.integration

EVENT_ID = "dar-es-salaam-2010"
# The follow-up and the concept note's progress are assessed "as of" a day; without one
# they would use today and the golden files would change every day.
AS_OF = dt.date(2012, 6, 30)
LIBRARY = Library(SHIPPED)
# Dar es Salaam's programme has one session; Manila's thirteen, with parallel groups.
PROGRAMME_EVENTS = (EVENT_ID, "manila-2010")
READERS = {"ics": ical_to_yaml, "frab-xml": frab_xml_to_yaml, "frab-json": frab_json_to_yaml}
# The whole graph would make a 400 KB snapshot: the conferences and one initiative edition
# are smaller views that still hold every kind of node and tie.
NETWORK_VIEWS = {"events": NetworkFilter(layers=("event",)),
                 "edition-2016": NetworkFilter(editions=(2016,))}


@pytest.fixture
def golden(snapshot: Any) -> Any:
    """pytest-snapshot's fixture, pointed at tests/golden/."""
    snapshot.snapshot_dir = GOLDEN
    return snapshot


@pytest.mark.parametrize("kind", KINDS)
def test_document_matches_its_golden_file(kind: str, golden: Any) -> None:
    event = LIBRARY.load(EVENT_ID)
    data = render_document(kind, event, registry=LIBRARY.registry, as_of=AS_OF,
                           previous=load_previous(LIBRARY, event))
    golden.assert_match(docx_to_yaml(data), f"{EVENT_ID}-{kind}.yml")


@pytest.mark.parametrize("fmt", PROGRAMME_FORMATS)
@pytest.mark.parametrize("event_id", PROGRAMME_EVENTS)
def test_programme_export_matches_its_golden_file(event_id: str, fmt: str, golden: Any) -> None:
    data = export_programme(LIBRARY.load(event_id), format=fmt, registry=LIBRARY.registry)
    golden.assert_match(READERS[fmt](data), f"{event_id}-programme-{fmt}.yml")


@pytest.mark.parametrize("view", NETWORK_VIEWS)
def test_network_gexf_matches_its_golden_file(view: str, golden: Any) -> None:
    graph = library_network(LIBRARY, NETWORK_VIEWS[view])
    golden.assert_match(gexf_to_yaml(write_graph(graph, fmt="gexf")), f"network-{view}.yml")


def test_synthetic_participant_list_matches_its_golden_file(golden: Any) -> None:
    event = make_synthetic_event(participants=12, groups=4, registry=LIBRARY.registry)
    data = render_document("participant-list", event, registry=LIBRARY.registry)
    golden.assert_match(docx_to_yaml(data), f"{event.id}-participant-list.yml")
