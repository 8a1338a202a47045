"""Action plans: checking what their actions cite, and drafting one from recommendations."""

from __future__ import annotations

import calendar
import datetime as dt
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from planner.errors import Finding, PlannerError, Problem, ValidationFailed
from planner.library.writing import write_atomically
from planner.library.yamlfile import YamlSyntaxError, dump_yaml, load_yaml, locate
from planner.model import (
    Action,
    ActionPlan,
    Area,
    Event,
    OrganiserRoleKind,
    Recommendation,
    Registry,
    SourceKind,
    SubTheme,
)
from planner.outcomes.references import (
    citation_key,
    index_references,
    normalise_reference,
    resolve_reference,
    wording_similarity,
)
from planner.outcomes.schemes import SCHEMES, place_recommendation

__all__ = [
    "DOUBTFUL_FLOOR",
    "DOUBTFUL_RATIO",
    "DRAFT_SUFFIX",
    "PlacedAction",
    "check_action_plan",
    "check_plan",
    "coverage_table",
    "default_deadline",
    "draft_action_plan",
    "dump_action_plan",
    "iter_actions",
    "load_action_plan",
    "save_draft",
]

#: A citation is doubtful when the action shares less than this share of the
#: wording of the best-matching recommendation with the one it cites.
DOUBTFUL_RATIO = 0.5
#: ... and the best match shares at least this much (below, no wording is telling).
DOUBTFUL_FLOOR = 0.2


@dataclass(frozen=True)
class PlacedAction:
    """An action with its place in the plan, for messages a person can follow."""

    key: str
    """`I.6.5`: area number, sub-theme position, action position."""
    area: Area
    sub_theme: SubTheme
    action: Action

    @property
    def label(self) -> str:
        """`action I.6.5 (Legislative and policy reform / Legal migration: 'Formulate…')`."""
        where = " / ".join(filter(None, (self.area.heading, self.sub_theme.title)))
        return f"action {self.key} ({where}: '{_short(self.action.text)}')"


def _short(text: str, width: int = 50) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def iter_actions(plan: ActionPlan) -> Iterator[PlacedAction]:
    """Every action of the plan in reading order, with its key.

    Examples
    --------
    >>> plan = ActionPlan(title="P", areas=[Area(number="I", heading="Data", sub_themes=[
    ...     SubTheme(title="Mapping", actions=[Action(text="Map")])])])
    >>> [placed.label for placed in iter_actions(plan)]
    ["action I.1.1 (Data / Mapping: 'Map')"]
    """
    for area in plan.areas:
        for s, sub_theme in enumerate(area.sub_themes, 1):
            for a, action in enumerate(sub_theme.actions, 1):
                yield PlacedAction(f"{area.number}.{s}.{a}", area, sub_theme, action)


def _citation_findings(placed: PlacedAction, citation: str,
                       index: dict[str, list[Recommendation]]) -> tuple[list[Finding], str]:
    # Returns the findings on the spelling of one citation and the key to resolve.
    normal = normalise_reference(citation)
    if not normal or not ("(" in normal or "#" in normal) or normal.count("(") != normal.count(")"):
        return [Finding("malformed-reference", f"{placed.label} cites '{citation}', which is "
                        "not a reference key (expected e.g. 'V (x)')", citation)], ""
    if normal != citation:
        return [Finding("malformed-reference", f"{placed.label} cites '{citation}', not in "
                        f"canonical form; read as '{normal}'", citation)], normal
    return [], normal


def _resolution_findings(placed: PlacedAction, citation: str, found: list[Recommendation],
                         recommendations: list[Recommendation]) -> list[Finding]:
    if not found:
        closest = _closest(placed.action.text, recommendations)
        hint = f"; closest wording: {closest}" if closest else ""
        return [Finding("dangling-reference", f"{placed.label} cites '{citation}', which is no "
                        f"recommendation of the event{hint}", citation)]
    if len(found) > 1:
        keys = " or ".join(f"'{rec.ref} #{rec.order}'" for rec in found)
        return [Finding("ambiguous-reference", f"{placed.label} cites '{citation}', which "
                        f"{len(found)} recommendations share; cite {keys}", citation)]
    return []


def _closest(text: str, recommendations: list[Recommendation]) -> str | None:
    scores = wording_similarity(text, recommendations)
    best = max(recommendations, key=lambda rec: (scores[rec.order], -rec.order), default=None)
    if best is None or scores[best.order] < DOUBTFUL_FLOOR:
        return None
    return f"{best.ref} ({scores[best.order]:.0%})"


def _doubtful(placed: PlacedAction, cited: dict[str, Recommendation],
              recommendations: list[Recommendation]) -> list[Finding]:
    scores = wording_similarity(placed.action.text, recommendations)
    best = max(recommendations, key=lambda rec: (scores[rec.order], -rec.order))
    top = scores[best.order]
    if top < DOUBTFUL_FLOOR or best.order in {rec.order for rec in cited.values()}:
        return []
    return [Finding("doubtful-reference",
                    f"{placed.label} cites '{citation}' ('{_short(rec.text, 40)}'), whose "
                    f"wording it shares {scores[rec.order]:.0%}; closest wording: "
                    f"{best.ref} ({top:.0%})", citation)
            for citation, rec in cited.items() if scores[rec.order] < DOUBTFUL_RATIO * top]


def _action_findings(placed: PlacedAction, recommendations: list[Recommendation],
                     index: dict[str, list[Recommendation]]) -> tuple[list[Finding], set[int]]:
    references = placed.action.references
    if not references:
        return [Finding("action-without-reference",
                        f"{placed.label} cites no recommendation", placed.key)], set()
    findings = [Finding("duplicate-reference", f"{placed.label} cites '{c}' {n} times", c)
                for c, n in Counter(references).items() if n > 1]
    cited: dict[str, Recommendation] = {}
    for citation in dict.fromkeys(references):
        spelling, key = _citation_findings(placed, citation, index)
        findings += spelling
        if key:
            found = resolve_reference(key, index)
            findings += _resolution_findings(placed, citation, found, recommendations)
            cited.update({citation: found[0]} if len(found) == 1 else {})
    findings += _doubtful(placed, cited, recommendations)
    return findings, {rec.order for rec in cited.values()}


def _target_findings(plan: ActionPlan) -> list[Finding]:
    findings = []
    for area in plan.areas:
        for n, target in enumerate(area.targets, 1):
            key, what = f"{area.number}.t{n}", f"target {area.number}.t{n} ({area.heading}: "
            what += f"'{_short(target.text)}')"
            if target.deadline is None and target.deadline_year is None:
                findings.append(Finding("target-without-deadline", f"{what} has no deadline", key))
            if target.quantifier is None:
                findings.append(Finding("target-without-quantifier",
                                        f"{what} has no quantifier (how many, where)", key))
    return findings


def check_plan(plan: ActionPlan, recommendations: list[Recommendation]) -> list[Finding]:
    """Everything doubtful in what a plan's actions cite, and in its targets.

    Findings, each naming the action and the reference: `malformed-reference`,
    `dangling-reference`, `ambiguous-reference`, `duplicate-reference`,
    `doubtful-reference` (the action's wording matches another recommendation
    far better), `action-without-reference`; `uncited-recommendation` for each
    recommendation no action cites; `target-without-deadline` and
    `target-without-quantifier`.

    Examples
    --------
    >>> recs = [Recommendation(order=1, section="I", label="i", text="Train border guards.")]
    >>> plan = ActionPlan(title="P", areas=[Area(number="I", heading="Training", sub_themes=[
    ...     SubTheme(actions=[Action(text="Train border guards", references=["I (ii)"])])])])
    >>> [f.kind for f in check_plan(plan, recs)]
    ['dangling-reference', 'uncited-recommendation']
    """
    index = index_references(recommendations)
    findings: list[Finding] = []
    cited: set[int] = set()
    for placed in iter_actions(plan):
        found, orders = _action_findings(placed, recommendations, index)
        findings += found
        cited |= orders
    for rec in recommendations:
        if rec.order not in cited:
            key = citation_key(rec, index)
            findings.append(Finding("uncited-recommendation", f"recommendation {key} "
                                    f"('{_short(rec.text)}') is cited by no action", key))
    return findings + _target_findings(plan)


def check_action_plan(event: Event) -> list[Finding]:
    """Check the action plan of `event` against its recommendations (see `check_plan`).

    Examples
    --------
    >>> ev = Event(id="e", kind="workshop", title="T", city="C", country="yemen",
    ...            timezone="Asia/Aden", start=dt.date(2010, 1, 1), end=dt.date(2010, 1, 1))
    >>> [f.kind for f in check_action_plan(ev)]
    ['no-action-plan']
    """
    if event.action_plan is None:
        return [Finding("no-action-plan", f"'{event.id}' has no action plan; "
                        f"`planner actionplan draft {event.id}` drafts one", event.id)]
    return check_plan(event.action_plan, event.recommendations)


def default_deadline(event: Event) -> dt.date:
    """Two years after the event ends: when the stock-taking conference meets.

    Examples
    --------
    >>> ev = Event(id="e", kind="workshop", title="T", city="C", country="yemen",
    ...            timezone="Asia/Aden", start=dt.date(2012, 2, 28), end=dt.date(2012, 2, 29))
    >>> default_deadline(ev)
    datetime.date(2014, 2, 28)
    """
    end = event.end
    day = min(end.day, calendar.monthrange(end.year + 2, end.month)[1])
    return dt.date(end.year + 2, end.month, day)


_OWNING_ROLES = (OrganiserRoleKind.CONVENER, OrganiserRoleKind.CO_HOST,
                 OrganiserRoleKind.CO_ORGANISER, OrganiserRoleKind.SECRETARIAT)


def _owners(rec: Recommendation, event: Event) -> tuple[list[str], str]:
    by_order = {r.order: r for r in event.recommendations}
    if rec.addressed_to:
        return list(rec.addressed_to), "the organisations the recommendation addresses"
    parent = by_order.get(rec.parent) if rec.parent else None
    if parent is not None and parent.addressed_to:
        return list(parent.addressed_to), f"the organisations item {parent.ref} addresses"
    conveners = [r.organisation for r in event.organisers if r.role in _OWNING_ROLES]
    if conveners:
        return list(dict.fromkeys(conveners)), ("the event's conveners (the recommendation "
                                                "addresses no organisation)")
    return [], "none proposed (the recommendation addresses no organisation)"


def _sub_theme_title(rec: Recommendation) -> str:
    title = rec.section_title or (f"Section {rec.section}" if rec.section else "Recommendations")
    return " — ".join(filter(None, (title, rec.subsection_title, rec.group)))


def _draft_action(rec: Recommendation, event: Event, key: str, rule: str,
                  deadline: dt.date) -> Action:
    owners, owners_from = _owners(rec, event)
    note = f"Drafted from recommendation {key}; owners: {owners_from}."
    return Action(text=" ".join(rec.text.split()), references=[key], owners=owners,
                  deadline=deadline, placement=rule, note=note)


def draft_action_plan(event: Event, *, scheme: str = "dar-es-salaam",
                      deadline: dt.date | None = None) -> ActionPlan:
    """A draft plan for the organiser to edit: one action per recommendation, citing it.

    Each recommendation goes to an area of `scheme` by the rules of
    `planner.outcomes.schemes.place_recommendation`; the rule used is kept in the
    action's `placement`. Within an area, actions are grouped under their
    recommendation's section title. Owners are the organisations the
    recommendation addresses, else the event's conveners (said in `note`).
    Every action is due by `deadline` (default: event end + 2 years).

    Examples
    --------
    >>> ev = Event(id="e", kind="workshop", title="T", city="C", country="yemen",
    ...            timezone="Asia/Aden", start=dt.date(2010, 1, 1), end=dt.date(2010, 1, 2),
    ...            recommendations=[Recommendation(order=1, section="I", label="i",
    ...                                            text="Map the research on data.")])
    >>> plan = draft_action_plan(ev)
    >>> [(a.number, len(a.sub_themes)) for a in plan.areas][4], check_plan(plan, ev.recommendations)
    (('V', 1), [])
    """
    if scheme not in SCHEMES:
        raise PlannerError(f"unknown scheme '{scheme}'; choose from {', '.join(SCHEMES)}")
    due = deadline or default_deadline(event)
    index = index_references(event.recommendations)
    grouped: dict[str, dict[str, list[Action]]] = {rule.number: {} for rule in SCHEMES[scheme]}
    for rec in event.recommendations:
        placement = place_recommendation(rec, scheme)
        action = _draft_action(rec, event, citation_key(rec, index), placement.rule, due)
        grouped[placement.area.number].setdefault(_sub_theme_title(rec), []).append(action)
    areas = [Area(number=rule.number, heading=rule.heading,
                  sub_themes=[SubTheme(title=title, actions=actions)
                              for title, actions in grouped[rule.number].items()])
             for rule in SCHEMES[scheme]]
    intro = (f"Draft drawn up from the {len(event.recommendations)} recommendations of "
             f"{event.title} on the '{scheme}' scheme; each action records the rule that "
             f"placed it. Every action is due by {due.isoformat()}. Edit before adoption.")
    return ActionPlan(title=f"Draft action plan: {event.title}", introduction=intro,
                      areas=areas, source=SourceKind.EDITOR)


def coverage_table(plan: ActionPlan, recommendations: list[Recommendation]) -> dict[str, list]:
    """Who cites what: per recommendation the actions citing it, per area its counts.

    Examples
    --------
    >>> recs = [Recommendation(order=1, section="I", label="i", text="Map data.")]
    >>> plan = ActionPlan(title="P", areas=[Area(number="V", heading="Data", sub_themes=[
    ...     SubTheme(actions=[Action(text="Map", references=["I (i)"])])])])
    >>> coverage_table(plan, recs)["recommendations"][0]["actions"]
    ['V.1.1']
    """
    index = index_references(recommendations)
    citing: dict[int, list[PlacedAction]] = {rec.order: [] for rec in recommendations}
    for placed in iter_actions(plan):
        for citation in dict.fromkeys(placed.action.references):
            found = resolve_reference(normalise_reference(citation), index)
            if len(found) == 1:
                citing[found[0].order].append(placed)
    rows = [{"reference": citation_key(rec, index), "text": _short(rec.text),
             "areas": sorted({p.area.number for p in citing[rec.order]}),
             "actions": [p.key for p in citing[rec.order]]} for rec in recommendations]
    areas = [{"number": area.number, "heading": area.heading,
              "actions": sum(len(s.actions) for s in area.sub_themes),
              "recommendations": sum(area.number in row["areas"] for row in rows)}
             for area in plan.areas]
    return {"recommendations": rows, "areas": areas}


#: A draft is written beside its event as `<event-id>.action-plan-draft[-N].yaml`; the
#: dot keeps it out of the library's list of events.
DRAFT_SUFFIX = ".action-plan-draft"


def dump_action_plan(plan: ActionPlan) -> str:
    """The YAML text of a plan, in the layout of an event file's `action_plan`."""
    return dump_yaml(plan.model_dump(mode="python", exclude_defaults=True))


def save_draft(plan: ActionPlan, event_path: Path) -> Path:
    """Write `plan` beside the event file, never over the event or an earlier draft."""
    stem = event_path.name.removesuffix(".yaml")
    candidates = (event_path.with_name(f"{stem}{DRAFT_SUFFIX}{f'-{n}' if n > 1 else ''}.yaml")
                  for n in range(1, 1000))
    path = next(p for p in candidates if not p.exists())
    write_atomically(path, dump_action_plan(plan))
    return path


def load_action_plan(path: Path, registry: Registry | None = None) -> ActionPlan:
    """Read a plan file (a draft); raise `ValidationFailed` with file:line problems."""
    try:
        text = path.read_text(encoding="utf-8")
        data = load_yaml(text)
        return ActionPlan.model_validate(data, context={"registry": registry})
    except OSError as err:
        raise ValidationFailed([Problem(str(path), None, None, None, str(err))]) from None
    except YamlSyntaxError as err:
        raise ValidationFailed([Problem(str(path), err.line, err.column, None,
                                        f"YAML syntax error: {err}")]) from None
    except ValidationError as err:
        raise ValidationFailed([
            Problem(str(path), *locate(text, item["loc"]),
                    ".".join(map(str, item["loc"])) or None, item["msg"])
            for item in err.errors(include_url=False)]) from None
