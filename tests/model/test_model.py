"""The vocabulary: strict records, labels, derived keys."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from planner.model import (
    ACTION_POINTS,
    Event,
    OrganiserRoleKind,
    ParticipantCount,
    Recommendation,
    Registry,
    WorkingGroup,
)

pytestmark = pytest.mark.unit


def test_action_points_are_the_ten_of_the_plan() -> None:
    assert [ACTION_POINTS[n].name for n in (1, 3, 10)] == [
        "Cooperation among key partners", "Protection-sensitive entry systems",
        "Information strategy"]
    assert sorted(ACTION_POINTS) == list(range(1, 11))


def test_event_refuses_misspelt_key(event_data) -> None:
    with pytest.raises(ValidationError, match="titel"):
        Event.model_validate(event_data(titel="x"))


def test_event_refuses_string_where_number_expected(event_data) -> None:
    with pytest.raises(ValidationError, match="valid integer"):
        Event.model_validate(event_data(revision="2"))


def test_event_refuses_end_before_start(event_data) -> None:
    with pytest.raises(ValidationError, match=r"ends .* before it starts"):
        Event.model_validate(event_data(end=dt.date(2010, 9, 1)))


def test_event_refuses_unknown_timezone(event_data) -> None:
    with pytest.raises(ValidationError, match="unknown IANA time zone 'Mars/Olympus'"):
        Event.model_validate(event_data(timezone="Mars/Olympus"))


def test_event_checks_organisations_against_registry(event_data, registry: Registry) -> None:
    with pytest.raises(ValidationError, match="unknown organisation 'unhrc'; did you mean 'unhcr'"):
        Event.model_validate(event_data(country="unhrc"), context={"registry": registry})


def test_registry_name_instead_of_id_is_explained(event_data, registry: Registry) -> None:
    message = "'UNHCR' is not an id; write the registry id 'unhcr'"
    with pytest.raises(ValidationError, match=message):
        Event.model_validate(event_data(country="UNHCR"), context={"registry": registry})


@pytest.mark.parametrize(("text", "minimum"), [("over 120", 120), ("almost 200", 200),
                                               ("1,200 delegates", 1200), ("some", None)])
def test_participant_count_derives_minimum(text: str, minimum: int | None) -> None:
    assert ParticipantCount(text=text, source="summary-report").minimum == minimum


def test_recommendation_ref_keys() -> None:
    refs = [Recommendation(order=1, section="V", label="x", text="t").ref,
            Recommendation(order=2, label="b", text="t").ref,
            Recommendation(order=3, text="t").ref]
    assert refs == ["V (x)", "(b)", "#3"]


def test_role_labels_read_as_prose() -> None:
    assert OrganiserRoleKind.UNDER_THE_AUSPICES_OF.label == "Under the auspices of"


def test_working_group_planned_and_reported() -> None:
    group = WorkingGroup(id="g", title="T", sources=["concept-note", "summary-report"])
    assert (group.is_planned, group.is_reported) == (True, True)


def test_session_needs_block_or_time(event_data) -> None:
    sessions = [{"id": "s", "kind": "plenary", "day": 1}]
    with pytest.raises(ValidationError, match="needs a 'block'"):
        Event.model_validate(event_data(sessions=sessions))


def test_session_kind_picks_its_shape(event_data) -> None:
    sessions = [{"id": "s", "kind": "break", "day": 1, "block": "morning",
                 "working_groups": ["entry"]}]
    with pytest.raises(ValidationError, match="Extra inputs are not permitted"):
        Event.model_validate(event_data(sessions=sessions))


@settings(max_examples=500)
@given(text=st.text())
def test_a_folded_name_is_plain_words_and_folds_to_itself(text: str) -> None:
    from planner.model.organisations import normalise_name  # noqa: PLC0415

    folded = normalise_name(text)
    assert re.fullmatch(r"(?:[a-z0-9]+(?: [a-z0-9]+)*)?", folded)
    assert normalise_name(folded) == folded
    assert normalise_name(text.upper()) == normalise_name(text.lower()) or not text.isascii()


def test_names_fold_as_organisers_write_them() -> None:
    from planner.model.organisations import normalise_name  # noqa: PLC0415

    assert normalise_name("Côte d’Ivoire") == normalise_name("COTE D'IVOIRE") == "cote d ivoire"
    assert normalise_name("Ministère de l'Intérieur — Sénégal") == \
        "ministere de l interieur senegal"
