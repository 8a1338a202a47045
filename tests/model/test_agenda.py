"""The programme's vocabulary: rooms, block hours, speakers, published versions."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from planner.model import BlockHours, Hours, Programme, Room, Speaker

pytestmark = pytest.mark.unit


def test_hours_ending_before_they_start_are_refused() -> None:
    with pytest.raises(ValidationError, match=r"ends \(09:00\) before it starts \(12:00\)"):
        Hours(start="12:00", end="09:00")


def test_block_hours_default_to_a_conference_day() -> None:
    hours = BlockHours()

    assert [(h.start, h.end) for h in (hours.morning, hours.afternoon, hours.evening)] == [
        ("09:00", "12:30"), ("14:00", "17:30"), ("19:00", "21:00")]


def test_speaker_may_be_a_participant_id_alone() -> None:
    assert Speaker(participant="amina-hassan").participant == "amina-hassan"


def test_speaker_with_nobody_is_refused() -> None:
    with pytest.raises(ValidationError, match="a name, a participant id or an organisation"):
        Speaker(role="keynote")


@pytest.mark.parametrize("bad", [{"capacity": 0}, {"id": "Room B"}])
def test_room_needs_a_slug_and_a_positive_capacity(bad: dict[str, object]) -> None:
    with pytest.raises(ValidationError):
        Room.model_validate({"id": "room-b", "name": "Room B"} | bad)


def test_programme_url_must_be_a_web_address() -> None:
    with pytest.raises(ValidationError):
        Programme(url="javascript:alert(1)")
