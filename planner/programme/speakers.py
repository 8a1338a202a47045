"""Chairs and speakers as an organiser names them: a participant of the roster by id, or
someone from outside by name, marked to be confirmed."""

from __future__ import annotations

from collections.abc import Iterable

from planner.errors import PlannerError
from planner.model import Event, Speaker

__all__ = ["choose_speakers", "speaker_of", "split_speakers"]


def speaker_of(event: Event, who: str) -> Speaker:
    """A chair or speaker from what an organiser typed: a participant id of the roster
    names that participant; anything else is the name of someone from outside, marked to
    be confirmed.

    Raises
    ------
    PlannerError
        For nothing typed.

    Examples
    --------
    >>> from planner.library import Library
    >>> speaker_of(Library.open().load("dar-es-salaam-2010"), "Ms Erika Feller")
    Speaker(name='Ms Erika Feller', participant=None, organisation=None, role=None, tbc=True)
    """
    who = " ".join(who.split())
    if not who:
        raise PlannerError("a chair or speaker needs a participant id or a name")
    if any(person.id == who for person in event.participants):
        return Speaker(participant=who)
    return Speaker(name=who, tbc=True)


def choose_speakers(event: Event, current: Iterable[Speaker],
                    wanted: Iterable[str | Speaker]) -> list[Speaker]:
    """The chairs or speakers `wanted` (participant ids or names, as `speaker_of` reads
    them), keeping what `current` says of those already there (organisation, role, to be
    confirmed). Open slots named only by an organisation or a role stay.

    Examples
    --------
    >>> from planner.library import Library
    >>> event = Library.open().load("dar-es-salaam-2010")
    >>> feller = Speaker(name="Erika Feller", organisation="unhcr")
    >>> choose_speakers(event, [feller], ["Erika Feller", "Mr Guest"]) == [
    ...     feller, Speaker(name="Mr Guest", tbc=True)]
    True
    """
    current = list(current)
    named = {speaker.participant or speaker.name: speaker for speaker in current
             if speaker.participant or speaker.name}
    chosen = [who if isinstance(who, Speaker) else named.get(" ".join(who.split()))
              or speaker_of(event, who) for who in wanted]
    unique = [s for i, s in enumerate(chosen) if s not in chosen[:i]]
    return [*unique, *(s for s in current if s not in named.values())]


def split_speakers(speakers: Iterable[Speaker]) -> tuple[list[str], list[str]]:
    """Participant ids and outsiders' names among chairs or speakers, as a form shows
    them (open slots without either are left out).

    Examples
    --------
    >>> split_speakers([Speaker(participant="amina-hassan"), Speaker(name="Mr Guest"),
    ...                 Speaker(organisation="unhcr", role="keynote", tbc=True)])
    (['amina-hassan'], ['Mr Guest'])
    """
    speakers = list(speakers)
    return ([s.participant for s in speakers if s.participant],
            [s.name for s in speakers if s.name and not s.participant])
