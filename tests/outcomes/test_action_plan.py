"""Action plans: the reference check, the draft, saving and loading them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from planner.errors import Finding, PlannerError, ValidationFailed
from planner.library import Library
from planner.model import Action, ActionPlan, Area, Event, Recommendation, SubTheme, Target
from planner.outcomes.action_plan import (
    check_action_plan,
    check_plan,
    coverage_table,
    draft_action_plan,
    iter_actions,
    load_action_plan,
    save_draft,
)
from tests.conftest import SHIPPED, SHIPPED_IDS
from tests.factories.outcomes import CLEAN_PLAN, RECS

pytestmark = pytest.mark.unit

def _recs() -> list[Recommendation]:
    return [Recommendation.model_validate(rec) for rec in RECS]


def _plan(*actions: Action, targets: tuple[Target, ...] = ()) -> ActionPlan:
    return ActionPlan(title="P", areas=[Area(number="III", heading="Operations",
                                             targets=list(targets),
                                             sub_themes=[SubTheme(title="Borders",
                                                                  actions=list(actions))])])


def _kinds(findings: list[Finding]) -> list[tuple[str, str | None]]:
    return [(f.kind, f.ref) for f in findings]


def _cite_all_but(*actions: Action, targets: tuple[Target, ...] = ()) -> ActionPlan:
    others = [Action(text=rec["text"], references=[f"{rec['section']} ({rec['label']})"])
              for rec in RECS]
    return _plan(*actions, *others, targets=targets)


def test_check_plan_clean_plan_has_no_findings() -> None:
    assert check_plan(ActionPlan.model_validate(CLEAN_PLAN), _recs()) == []


def test_check_plan_dangling_reference_names_action_and_reference() -> None:
    findings = check_plan(_cite_all_but(Action(text="Train border officials.",
                                               references=["I (ix)"])), _recs())
    assert _kinds(findings) == [("dangling-reference", "I (ix)")]
    assert findings[0].message == (
        "action III.1.1 (Operations / Borders: 'Train border officials.') cites 'I (ix)', "
        "which is no recommendation of the event; closest wording: I (i) (59%)")


def test_check_plan_ambiguous_reference_lists_the_holders() -> None:
    recs = [*_recs(), Recommendation(order=4, section="I", label="i", text="Another i.")]
    findings = check_plan(_cite_all_but(Action(text="Train.", references=["I (i)"])), recs)
    assert _kinds(findings)[:2] == [("ambiguous-reference", "I (i)"),
                                    ("ambiguous-reference", "I (i)")]
    assert "cite 'I (i) #1' or 'I (i) #4'" in findings[0].message


def test_check_plan_duplicate_reference_counts_the_repeats() -> None:
    action = Action(text="Open reception centres.", references=["I (ii)", "I (ii)"])
    findings = check_plan(_cite_all_but(action), _recs())
    assert _kinds(findings) == [("duplicate-reference", "I (ii)")]
    assert findings[0].message.endswith("cites 'I (ii)' 2 times")


@pytest.mark.parametrize(("printed", "expected"), [
    ("I(ii)", [("malformed-reference", "I(ii)")]),
    ("i (II)", [("malformed-reference", "i (II)"), ("dangling-reference", "i (II)")]),
    ("open centres", [("malformed-reference", "open centres")]),
    ("I (ii", [("malformed-reference", "I (ii")]),
])
def test_check_plan_malformed_reference(printed: str, expected: list[tuple[str, str]]) -> None:
    action = Action(text="Open reception centres.", references=[printed])
    assert _kinds(check_plan(_cite_all_but(action), _recs())) == expected


def test_check_plan_malformed_but_readable_reference_still_counts_as_citing() -> None:
    plan = _plan(Action(text="Train border officials.", references=["I(i)"]))
    kinds = [f.kind for f in check_plan(plan, _recs())]
    assert kinds == ["malformed-reference", "uncited-recommendation", "uncited-recommendation"]


def test_check_plan_doubtful_reference_names_the_closer_recommendation() -> None:
    action = Action(text="Map data gaps on mixed movements.", references=["I (i)"])
    findings = check_plan(_cite_all_but(action), _recs())
    assert _kinds(findings) == [("doubtful-reference", "I (i)")]
    assert "closest wording: II (i)" in findings[0].message


def test_check_plan_action_without_reference_is_reported_by_position() -> None:
    findings = check_plan(_cite_all_but(Action(text="Develop protocols.")), _recs())
    assert _kinds(findings) == [("action-without-reference", "III.1.1")]


def test_check_plan_uncited_recommendations_are_listed() -> None:
    plan = _plan(Action(text="Train border officials on protection.", references=["I (i)"]))
    assert _kinds(check_plan(plan, _recs())) == [("uncited-recommendation", "I (ii)"),
                                                ("uncited-recommendation", "II (i)")]


def test_check_plan_targets_without_deadline_or_quantifier() -> None:
    plan = _cite_all_but(targets=(Target(text="Centres open"),
                                  Target(text="Two centres", deadline_year=2012,
                                         quantifier="two")))
    assert _kinds(check_plan(plan, _recs())) == [("target-without-deadline", "III.t1"),
                                                ("target-without-quantifier", "III.t1")]


def test_check_action_plan_without_plan_says_how_to_draft(make_event: Callable[..., Event]) -> None:
    assert _kinds(check_action_plan(make_event())) == [("no-action-plan", "test-2010")]


@pytest.mark.integration
def test_check_action_plan_dar_es_salaam_reports_the_source_anomalies() -> None:
    findings = check_action_plan(Library.open().load("dar-es-salaam-2010"))
    by_kind: dict[str, set[str | None]] = {}
    for finding in findings:
        by_kind.setdefault(finding.kind, set()).add(finding.ref)
    assert by_kind["dangling-reference"] == {"III (ix)"}
    assert by_kind["duplicate-reference"] == {"VI (v)"}
    assert by_kind["action-without-reference"] == {"VI.2.2"}
    assert {"I (vii)", "V (viii)", "I (iv)", "V (iii)", "VI (v)", "III (iii)",
            "VII (viii)", "I (iii)"} <= by_kind["doubtful-reference"]
    assert by_kind["uncited-recommendation"] == {
        "I (v)", "I (vi)", "II (ii)", "II (vii)", "II (ix)", "III (vii)", "IV (v)", "IV (vi)",
        "V (iv)", "V (vii)", "V (ix)", "VI (iv)", "VIII (v)", "VIII (viii)"}
    dangling = next(f for f in findings if f.kind == "dangling-reference")
    assert dangling.message.startswith("action I.5.5 (Legislative and policy reform / Legal "
                                       "migration: 'Formulate national migration policies")
    assert dangling.message.endswith("closest wording: II (ix) (100%)")


def _event_with_recs(make_event: Callable[..., Event], **over: Any) -> Event:
    return make_event(recommendations=RECS, **over)


def test_draft_action_plan_places_each_recommendation_by_a_recorded_rule(
        make_event: Callable[..., Event]) -> None:
    plan = draft_action_plan(_event_with_recs(make_event))
    placed = {p.action.references[0]: (p.area.number, p.action.placement)
              for p in iter_actions(plan)}
    assert placed == {
        "I (i)": ("II", "keywords in the text ('train') → II Capacity-building"),
        "I (ii)": ("III", "keywords in the text ('reception') → III Operations"),
        "II (i)": ("V", "keywords in the text ('research', 'mapping', 'data') → "
                        "V Data collection and analysis"),
    }


def test_draft_action_plan_owners_deadline_and_notes(make_event: Callable[..., Event]) -> None:
    actions = [p.action for p in iter_actions(draft_action_plan(_event_with_recs(make_event)))]
    assert [(a.owners, a.deadline) for a in actions] == [
        (["unhcr"], dt.date(2012, 9, 7)), (["iom"], dt.date(2012, 9, 7)),
        (["unhcr"], dt.date(2012, 9, 7))]
    assert actions[1].note == ("Drafted from recommendation I (ii); owners: the organisations "
                               "the recommendation addresses.")


def test_draft_action_plan_deadline_option_and_ten_points(
        make_event: Callable[..., Event]) -> None:
    event = _event_with_recs(make_event)
    plan = draft_action_plan(event, scheme="ten-points", deadline=dt.date(2030, 1, 1))
    assert [a.heading for a in plan.areas][:2] == ["Cooperation among key partners",
                                                   "Data collection and analysis"]
    assert {p.action.deadline for p in iter_actions(plan)} == {dt.date(2030, 1, 1)}


def test_draft_action_plan_unknown_scheme_is_refused(make_event: Callable[..., Event]) -> None:
    with pytest.raises(PlannerError, match="unknown scheme 'nine-points'"):
        draft_action_plan(make_event(), scheme="nine-points")


def test_draft_action_plan_shared_keys_are_cited_unambiguously(
        make_event: Callable[..., Event]) -> None:
    recs = [*RECS, {"order": 4, "section": "I", "label": "i", "text": "A second I (i)."}]
    event = make_event(recommendations=recs)
    plan = draft_action_plan(event)
    assert check_plan(plan, event.recommendations) == []
    assert sorted(r for p in iter_actions(plan) for r in p.action.references) == [
        "I (i) #1", "I (i) #4", "I (ii)", "II (i)"]


@pytest.mark.integration
@pytest.mark.parametrize("scheme", ["dar-es-salaam", "ten-points"])
@pytest.mark.parametrize("event_id", SHIPPED_IDS)
def test_draft_action_plan_covers_every_recommendation_both_ways(event_id: str,
                                                                 scheme: str) -> None:
    event = Library.open().load(event_id)
    plan = draft_action_plan(event, scheme=scheme)
    table = coverage_table(plan, event.recommendations)
    assert check_plan(plan, event.recommendations) == []
    assert all(row["actions"] for row in table["recommendations"])
    assert all(p.action.references for p in iter_actions(plan))
    assert sum(a["actions"] for a in table["areas"]) == len(event.recommendations)


@pytest.mark.integration
def test_save_draft_writes_beside_the_event_and_never_over_anything(
        shipped_copy: Library) -> None:
    event = shipped_copy.load("dar-es-salaam-2010")
    event_path = shipped_copy.event_path(event.id)
    before = event_path.read_bytes()
    first = save_draft(draft_action_plan(event), event_path)
    second = save_draft(draft_action_plan(event, scheme="ten-points"), event_path)
    assert (first.name, second.name) == ("dar-es-salaam-2010.action-plan-draft.yaml",
                                         "dar-es-salaam-2010.action-plan-draft-2.yaml")
    assert event_path.read_bytes() == before
    assert shipped_copy.event_ids() == Library(SHIPPED).event_ids()
    reloaded = load_action_plan(first, shipped_copy.registry)
    assert reloaded == draft_action_plan(event)
    assert check_plan(reloaded, event.recommendations) == []


def test_load_action_plan_reports_the_line_of_a_bad_field(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text("title: P\nareas:\n  - number: I\n    headin: Typo\n", encoding="utf-8")
    with pytest.raises(ValidationFailed) as caught:
        load_action_plan(path)
    assert [(p.line, p.field) for p in caught.value.problems] == [(3, "areas.0.heading"),
                                                                   (4, "areas.0.headin")]
