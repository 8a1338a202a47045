"""What an event produced, as paperwork: the action plan and the summary report skeleton."""

from __future__ import annotations

from itertools import groupby
from typing import Any

from planner.dates import format_date, format_date_range
from planner.documents.concept_note import invitation_groups, organiser_lines
from planner.documents.programme import session_title, sessions_by_day
from planner.documents.wording import (
    PLACEHOLDER,
    Context,
    frame,
    join_names,
    keep_rows,
    line,
    name_of,
    split_paragraphs,
)
from planner.language import N_, _, current, in_language, labelled, untranslated
from planner.model import Action, Area, Event, Recommendation, Registry
from planner.outcomes.action_plan import default_deadline, draft_action_plan
from planner.outcomes.references import recommendation_levels
from planner.programme.timetable import day_label

__all__ = [
    "action_plan_context",
    "recommendation_lines",
    "recommendation_sections",
    "summary_report_context",
]


def _section_key(rec: Recommendation) -> tuple[str | None, str | None]:
    return (rec.section, rec.section_title and in_language(rec, "section_title"))


def recommendation_sections(event: Event) -> list[tuple[str, list[Recommendation]]]:
    """The recommendations by section, in the event's order, each with its heading.

    Examples
    --------
    >>> from planner.library import Library
    >>> sections = recommendation_sections(Library.open().load("dar-es-salaam-2010"))
    >>> sections[4][0], len(sections)
    ('V. Different people different needs: determining profiles and responsibilities', 8)
    """
    ordered = sorted(event.recommendations, key=lambda r: r.order)
    sections = []
    for (number, title), recs in groupby(ordered, key=_section_key):
        heading = ". ".join(filter(None, (number, title))) or _("Recommendations")
        sections.append((heading, list(recs)))
    return sections


def recommendation_lines(recs: list[Recommendation],
                         levels: dict[int, int]) -> list[dict[str, str]]:
    """Recommendations as printed: subsection and group headings, labels as numbered."""
    lines: list[dict[str, str]] = []
    subsection = group = None
    for rec in recs:
        if rec.subsection_title and rec.subsection_title != subsection:
            subsection = rec.subsection_title
            lines.append(line("heading3", " ".join(filter(None, (
                rec.subsection, in_language(rec, "subsection_title"))))))
        if rec.group and rec.group != group:
            group = rec.group
            lines.append(line("strong", in_language(rec, "group")))
        nested = levels.get(rec.order, 1) > 1
        text = in_language(rec, "text")
        if rec.label:
            lines.append(line("item2" if nested else "item", f"({rec.label})\t{text}"))
        else:
            lines.append(line("bullet2" if nested else "bullet", text))
    return lines


def _action(action: Action, registry: Registry) -> dict[str, str]:
    owners = join_names(name_of(o, registry) for o in action.owners)
    due = _("by {date}").format(date=format_date(action.deadline)) if action.deadline else ""
    lead = " · ".join(filter(None, (labelled(_("Lead"), owners), due)))
    return {"text": untranslated(action.text), "references": ", ".join(action.references),
            "lead": lead}


def _sub_themes(area: Area, registry: Registry) -> list[dict[str, Any]]:
    # The table's rows are every sub-theme's actions in turn: the first and the one
    # before the last keep with the next (`keep_rows`), and a title always does.
    rows = keep_rows([_action(a, registry) for st in area.sub_themes for a in st.actions])
    themes, taken = [], 0
    for st in area.sub_themes:
        themes.append({"title": untranslated(st.title or ""),
                       "actions": rows[taken:taken + len(st.actions)]})
        taken += len(st.actions)
    return themes


def _area(area: Area, registry: Registry) -> dict[str, Any]:
    return {
        "number": area.number, "heading": untranslated(area.heading),
        "rationale": [untranslated(p) for p in split_paragraphs(area.rationale)],
        "targets": [" – ".join(filter(None, (t.deadline, untranslated(t.text))))
                    for t in area.targets],
        "sub_themes": _sub_themes(area, registry),
        "side_lists": [{"title": untranslated(s.title),
                        "entries": [untranslated(e) for e in s.items]} for s in area.side_lists],
    }


def action_plan_context(event: Event, *, registry: Registry) -> Context:
    """The action plan in the Dar es Salaam layout, or, for an event without one, the
    draft `planner.outcomes.action_plan.draft_action_plan` makes from its recommendations.

    Examples
    --------
    >>> from planner.library import Library
    >>> library = Library.open()
    >>> plan = action_plan_context(library.load("dar-es-salaam-2010"), registry=library.registry)
    >>> plan["draft"], plan["areas"][0]["number"]
    (False, 'I')
    """
    plan = event.action_plan or draft_action_plan(event)
    title, introduction = untranslated(plan.title), [
        untranslated(p) for p in split_paragraphs(plan.introduction)]
    areas = [_area(area, registry) for area in plan.areas]
    if event.action_plan is None and current() != "en":  # the draft's words are ours
        title = _("Draft action plan: {title}").format(title=in_language(event, "title"))
        introduction = [_("Draft drawn up from the {count} recommendations of {title}; each "
                          "action records the rule that placed it. Every action is due by "
                          "{date}. Edit before adoption.").format(
            count=len(event.recommendations), title=in_language(event, "title"),
            date=format_date(default_deadline(event)))]
        for area, drafted in zip(areas, plan.areas, strict=True):
            area["heading"] = _(drafted.heading) if _(drafted.heading) != drafted.heading \
                else area["heading"]
    return frame("action-plan", event, registry) | {
        "title": title, "draft": event.action_plan is None,
        "introduction": introduction, "areas": areas,
    }


def _background(event: Event, registry: Registry) -> list[dict[str, str]]:
    # One count, as the first source states it: which source says what stays in the record.
    counts = [c.text for c in event.participant_counts][:1]
    lines = [line("text", _("The {title} took place in {city}, {country}, on {dates}.").format(
        title=in_language(event, "title"), city=event.city,
        country=name_of(event.country, registry),
        dates=format_date_range(event.start, event.end)))]
    lines += organiser_lines(event, registry, reported=True)
    if counts:
        lines.append(line("text", labelled(_("Participants"), untranslated(counts[0])) + "."))
    lines += [line("bullet", labelled(g["category"], join_names(g["names"])) if g["names"]
                   else g["category"]) for g in invitation_groups(event, registry, reported=True)]
    return lines


def _consultations(event: Event, registry: Registry) -> list[dict[str, str]]:
    lines = []
    for c in event.preparation.national_consultations:
        when = ", ".join(filter(None, (c.date, _(c.status.label).lower())))
        lines.append(line("bullet", f"{name_of(c.country, registry)} ({when})"))
        lines += [line("bullet2", untranslated(finding)) for finding in c.findings]
    return lines


def _programme(event: Event) -> list[dict[str, str]]:
    lines = [line("bullet", labelled(day_label(event, day),
                                     "; ".join(session_title(s) for s in sessions)))
             for day, sessions in sessions_by_day(event)]
    lines += [line("bullet2", _("Working group (round {round}): {title}").format(
        round=g.round, title=in_language(g, "title"))) for g in event.working_groups]
    return lines


def _outcomes(event: Event, sections: list[tuple[str, list[Recommendation]]]) -> list[dict]:
    lines = []
    if event.recommendations:
        lines.append(line("bullet", _("{count} recommendations in {sections} sections "
                                      "(below)").format(count=len(event.recommendations),
                                                        sections=len(sections))))
    if event.action_plan:
        lines.append(line("bullet", labelled(_("Action plan"),
                                             untranslated(event.action_plan.title))))
    lines += [line("bullet", labelled(_(s.kind.label), untranslated(s.title)))
              for s in event.statements]
    return lines


def _next_steps(event: Event, registry: Registry) -> list[dict[str, str]]:
    return [line("bullet", f"{untranslated(item.text)} "
                           f"({join_names(name_of(o, registry) for o in item.lead)})"
                 if item.lead else untranslated(item.text)) for item in event.follow_up]


def summary_report_context(event: Event, *, registry: Registry,
                           empty: str = "placeholder") -> Context:
    """The summary report skeleton: an introduction in five parts, then one section per
    working-group theme ending in its recommendations, numbered as the event numbers them.
    A part the record leaves empty prints `PLACEHOLDER`, or with `empty="leave-out"` is
    left out, as is the placeholder for each theme's discussion.

    Examples
    --------
    >>> from planner.library import Library
    >>> library = Library.open()
    >>> ctx = summary_report_context(library.load("sanaa-2008"), registry=library.registry)
    >>> [p["heading"] for p in ctx["introduction"]]
    ['Background', 'National consultations', 'Programme', 'Outcomes', 'Next steps']
    >>> ctx["sections"][0]["heading"]
    '1. Root causes'
    """
    sections = recommendation_sections(event)
    levels = recommendation_levels(event.recommendations)
    parts = [(N_("Background"), _background(event, registry)),
             (N_("National consultations"), _consultations(event, registry)),
             (N_("Programme"), _programme(event)), (N_("Outcomes"), _outcomes(event, sections)),
             (N_("Next steps"), _next_steps(event, registry))]
    themes = [{"heading": heading, "lines": recommendation_lines(recs, levels),
               "recommendations": [{"ref": r.ref, "text": in_language(r, "text")}
                                   for r in recs]}
              for heading, recs in sections]
    themes = themes or [{"heading": in_language(g, "title"), "lines": [], "recommendations": []}
                        for g in event.working_groups]
    return frame("summary-report", event, registry) | {
        "introduction": [{"heading": _(h),
                          "lines": lines or [line("placeholder", _(PLACEHOLDER))]}
                         for h, lines in parts if lines or empty == "placeholder"],
        "sections": themes,
        "placeholders": empty == "placeholder",
    }
