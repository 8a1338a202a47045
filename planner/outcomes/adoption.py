"""The action plan's menu of actions as rows an organiser edits, revised from them, adopted."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

from pydantic import ValidationError

from planner.errors import PlannerError
from planner.model import Action, ActionPlan, Event, Registry
from planner.outcomes.action_plan import iter_actions

__all__ = [
    "EDITABLE_ACTION_FIELDS",
    "action_rows",
    "adopt_action_plan",
    "has_actions",
    "revise_actions",
]

#: The columns of `action_rows` an organiser may change.
EDITABLE_ACTION_FIELDS = ("text", "references", "owners", "deadline")


def _split(text: str | None) -> list[str]:
    return [part.strip() for part in (text or "").split(";") if part.strip()]


def action_rows(plan: ActionPlan) -> list[dict[str, Any]]:
    """One row per action in reading order: `key` (`I.6.5`), `area`, `sub_theme`, `text`,
    `references` and `owners` (each joined by `; `) and `deadline`.

    Examples
    --------
    >>> from planner.model import Area, SubTheme
    >>> plan = ActionPlan(title="P", areas=[Area(number="I", heading="Data", sub_themes=[
    ...     SubTheme(title="Mapping", actions=[Action(text="Map", references=["V (x)", "V (i)"],
    ...                                               owners=["unhcr"])])])])
    >>> action_rows(plan)
    [{'key': 'I.1.1', 'area': 'I. Data', 'sub_theme': 'Mapping', 'text': 'Map', \
'references': 'V (x); V (i)', 'owners': 'unhcr', 'deadline': None}]
    """
    return [{"key": placed.key, "area": f"{placed.area.number}. {placed.area.heading}",
             "sub_theme": placed.sub_theme.title or "", "text": placed.action.text,
             "references": "; ".join(placed.action.references),
             "owners": "; ".join(placed.action.owners), "deadline": placed.action.deadline}
            for placed in iter_actions(plan)]


def _deadline(value: object) -> dt.date | None:
    # A data editor hands back dates as dates, datetimes or ISO text.
    if value in (None, "") or value != value:  # noqa: PLR0124 -- NaN from a table
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value)[:10])


def _revised(action: Action, row: Mapping[str, Any], registry: Registry | None) -> Action:
    data = action.model_dump()
    data.update(text=" ".join(str(row["text"] or "").split()),
                references=_split(row["references"]), owners=_split(row["owners"]),
                deadline=_deadline(row["deadline"]))
    try:
        return Action.model_validate(data, context={"registry": registry})
    except (ValidationError, ValueError) as err:
        problems = err.errors(include_url=False) if isinstance(err, ValidationError) else [
            {"loc": ("deadline",), "msg": str(err)}]
        where = ".".join(str(p) for p in problems[0]["loc"])
        raise PlannerError(f"action {row['key']}: {where}: {problems[0]['msg']}") from None


def revise_actions(plan: ActionPlan, rows: Sequence[Mapping[str, Any]], *,
                   registry: Registry | None = None) -> ActionPlan:
    """A copy of `plan` with the text, references, owners and deadline of each action
    as `rows` (the shape `action_rows` gives) has them; rows are matched by `key`.

    Owners must be ids of `registry` when one is given. Nothing is saved.

    Raises
    ------
    PlannerError
        Naming the action and the field, for a value the model refuses.

    Examples
    --------
    >>> from planner.model import Area, SubTheme
    >>> plan = ActionPlan(title="P", areas=[Area(number="I", heading="Data", sub_themes=[
    ...     SubTheme(actions=[Action(text="Map")])])])
    >>> row = {"key": "I.1.1", "text": "Map  flows", "references": "V (x);", "owners": "",
    ...        "deadline": "2012-06-30"}
    >>> revise_actions(plan, [row]).areas[0].sub_themes[0].actions[0]
    Action(text='Map flows', references=['V (x)'], note=None, owners=[], \
deadline=datetime.date(2012, 6, 30), placement=None)
    """
    by_key = {row["key"]: row for row in rows}
    revised = plan.model_copy(deep=True)
    for area in revised.areas:
        for s, sub_theme in enumerate(area.sub_themes, 1):
            for a, action in enumerate(sub_theme.actions, 1):
                row = by_key.get(f"{area.number}.{s}.{a}")
                if row is not None:
                    sub_theme.actions[a - 1] = _revised(action, row, registry)
    return revised


def adopt_action_plan(event: Event, plan: ActionPlan) -> Event:
    """A copy of `event` whose action plan is `plan` (a draft, once edited), replacing the
    plan it had. Nothing is saved.

    Examples
    --------
    >>> from planner.outcomes.action_plan import draft_action_plan
    >>> from planner.library import Library
    >>> event = Library.open().load("almaty-2011")
    >>> adopted = adopt_action_plan(event, draft_action_plan(event))
    >>> event.action_plan, adopted.action_plan.title[:18]
    (None, 'Draft action plan:')

    Raises
    ------
    PlannerError
        When the plan holds no action: an empty plan adopted over a real one loses it, and
        there is nothing to follow up.
    """
    if not has_actions(plan):
        raise PlannerError(f"the plan for '{event.id}' holds no action to adopt (draft it "
                           "from recommendations the event has adopted, or add actions)")
    return event.model_copy(update={"action_plan": plan})


def has_actions(plan: ActionPlan | None) -> bool:
    """Whether a plan holds at least one action.

    Examples
    --------
    >>> has_actions(ActionPlan(title="P", areas=[])), has_actions(None)
    (False, False)
    """
    return plan is not None and next(iter_actions(plan), None) is not None
