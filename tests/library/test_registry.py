"""Editing the registry: a new organisation, and two entries of one body merged."""

from __future__ import annotations

import pytest

from planner.errors import PlannerError
from planner.library import Library
from planner.library.registry import add_organisation, merge_organisations, new_organisation
from planner.model import OrganiserRole

pytestmark = pytest.mark.integration



def _add_ras(library: Library) -> None:
    add_organisation(library, new_organisation(
        library.registry, org_id="kenya-ras", name="Refugee Affairs Secretariat",
        type="government-body", country="kenya", acronym="RAS", aliases=["RAS Kenya"]))


def test_a_new_organisation_is_added_to_the_file_and_known_at_once(planned: Library) -> None:
    before = (planned.path / "organisations.yaml").read_text(encoding="utf-8")
    _add_ras(planned)
    after = (planned.path / "organisations.yaml").read_text(encoding="utf-8")

    assert after.startswith(before)  # nothing of the file is rewritten
    assert (planned.registry["kenya-ras"].parent, Library(planned.path).registry.resolve(
        "RAS Kenya").id) == ("kenya", "kenya-ras")


@pytest.mark.parametrize(("fields", "message"), [
    ({"org_id": "unhcr"}, "the registry already has 'unhcr' (Office of the United Nations "
                          "High Commissioner for Refugees)"),
    ({"type": "club"}, "unknown organisation type 'club' (choose from state, territory, "),
    ({"country": "narnia"}, "unknown organisation 'narnia'; did you mean"),
])
def test_an_entry_that_cannot_be_added_is_refused(planned: Library, fields: dict,
                                                  message: str) -> None:
    given = {"org_id": "kenya-ras", "name": "RAS", "type": "government-body"} | fields
    with pytest.raises(PlannerError) as refused:
        new_organisation(planned.registry, **given)
    assert str(refused.value).startswith(message)


def test_merging_moves_every_reference_and_keeps_the_names(planned: Library) -> None:
    _add_ras(planned)
    add_organisation(planned, new_organisation(
        planned.registry, org_id="kenya-refugee-affairs", name="Department of Refugee Affairs",
        type="government-body", country="kenya"))
    event = planned.load("nairobi-2027")
    planned.save(event.model_copy(update={"organisers": [
        *event.organisers, OrganiserRole(organisation="kenya-refugee-affairs",
                                         role="co-host", source="editor")]}))

    changed = merge_organisations(planned, keep="kenya-ras", drop="kenya-refugee-affairs")

    merged = Library(planned.path)
    assert changed == ["nairobi-2027"]
    assert ("kenya-refugee-affairs" in merged.registry,
            merged.registry.resolve("Department of Refugee Affairs").id) == (False, "kenya-ras")
    assert ("kenya-ras", "co-host") in {(r.organisation, r.role.value)
                                        for r in merged.load("nairobi-2027").organisers}
    assert merged.validate() == []


@pytest.mark.parametrize(("keep", "drop", "message"), [
    ("kenya-ras", "kenya-ras", "'kenya-ras' cannot be merged into itself"),
    ("kenya-ras", "nowhere", "'nowhere' is not an entry of "),
    ("tanzania", "kenya-ras", "'kenya-ras' is a government-body and 'tanzania' a state: only "
                              "entries of one type are one body"),
    ("kenya-ras", "tanzania-ministry-of-home-affairs",
     "'tanzania-ministry-of-home-affairs' is named by 1 cooperation initiative(s) "
     "(2011-tanzania-ministerial-task-force-on-irregular-migration); merge them in "
     "initiatives.yaml first"),
])
def test_a_merge_that_cannot_be_made_is_refused(planned: Library, keep: str, drop: str,
                                                message: str) -> None:
    _add_ras(planned)
    with pytest.raises(PlannerError) as refused:
        merge_organisations(planned, keep=keep, drop=drop)
    assert str(refused.value).startswith(message)
