"""Benchmarks of outcomes: the reference check, a draft plan, the follow-up report."""

from __future__ import annotations

import datetime as dt
from functools import cache

from planner.library import Library
from planner.model import Event
from planner.outcomes.action_plan import check_action_plan, check_plan, draft_action_plan
from planner.outcomes.follow_up import assess_follow_up
from planner.outcomes.progress import summarise_progress


@cache
def _events() -> tuple[Event, ...]:
    return tuple(Library.open().events())


def _dar_es_salaam() -> Event:
    return next(e for e in _events() if e.id == "dar-es-salaam-2010")


def check_dar_es_salaam_plan() -> int:
    """Check the 58 actions of the Dar es Salaam plan against its 64 recommendations."""
    return len(check_action_plan(_dar_es_salaam()))


def draft_and_check_every_event() -> int:
    """Draft a plan for every event of the library on both schemes and check each draft."""
    return sum(len(check_plan(draft_action_plan(e, scheme=s), e.recommendations))
               for e in _events() for s in ("dar-es-salaam", "ten-points"))


def assess_every_follow_up() -> int:
    """The follow-up report of every event, and the stock-taking summary of Dar es Salaam."""
    as_of = dt.date(2013, 1, 1)
    summarise_progress(_dar_es_salaam(), as_of=as_of)
    return sum(len(assess_follow_up(e, as_of=as_of).rows) for e in _events())


TARGETS = [
    ("check the Dar es Salaam action plan", check_dar_es_salaam_plan, 50.0),
    ("draft and check plans for the whole library (2 schemes)", draft_and_check_every_event,
     500.0),
    ("follow-up reports of the whole library", assess_every_follow_up, 50.0),
]
