"""What the concept note says: its sections in the conventional order, the parts the record
writes (convenors, participants, proposed agenda), and progress since the last conference."""

from __future__ import annotations

import datetime as dt
from itertools import groupby
from typing import Any

from planner.dates import format_date_range
from planner.documents.follow_up import progress_context
from planner.documents.programme import (
    day_label,
    session_block,
    session_time,
    session_title,
    sessions_by_day,
)
from planner.documents.wording import (
    CATEGORY_HEADINGS,
    Context,
    frame,
    join_names,
    line,
    name_of,
    split_paragraphs,
    strip_numbering,
    word_speaker,
)
from planner.model import ConceptNoteSection, Event, Invitee, OrganiserRoleKind, Registry

__all__ = [
    "PLACEHOLDER",
    "SLOTS",
    "agenda_outline",
    "concept_note_context",
    "concept_note_sections",
    "generated_parts",
    "invitation_groups",
    "organiser_lines",
]

#: The concept note's sections in the conventional order, with the event-file keys
#: whose prose goes in each (a key also matches `key-…`, e.g. `objectives-continued`).
SLOTS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("background", "Background", ("introduction", "background", "context")),
    ("objectives", "Objectives", ("objectives",)),
    ("methodology", "Methodology", ("methodology", "preparation", "format")),
    ("participants", "Convenors and participants", ("participants", "participation",
                                                    "convenors")),
    ("agenda", "Proposed agenda", ("agenda", "programme")),
    ("outcomes", "Expected outcomes", ("outcomes", "expected-outcomes")),
    ("follow-up", "Follow-up", ("follow-up", "next-steps")),
)
PLACEHOLDER = "[To be drafted with the co-organisers.]"


def _slot_of(key: str) -> str | None:
    for name, _heading, keys in SLOTS:
        if any(key == k or key.startswith(f"{k}-") for k in keys):
            return name
    return None


def organiser_lines(event: Event, registry: Registry, *,
                    reported: bool = False) -> list[dict[str, str]]:
    """Who convenes, hosts, funds…, one line per role, as the planning documents say
    (or, with `reported`, as the documents written after the event say)."""
    roles = [r for r in event.organisers if r.source.is_planning != reported] or event.organisers
    lines = []
    for kind in OrganiserRoleKind:
        names = [name_of(r.organisation, registry) for r in roles if r.role == kind]
        if names:
            lines.append(line("bullet", f"{kind.label}: {join_names(names)}"))
    return lines


def _invitee_name(invitee: Invitee, registry: Registry) -> str:
    name = name_of(invitee.organisation, registry) or invitee.description or ""
    return f"{name} (observer)" if invitee.observer else name


def invitation_groups(event: Event, registry: Registry, *,
                      reported: bool = False) -> list[dict[str, Any]]:
    """Who is invited (or, with `reported`, who attended), by category in the
    conventional order; either list stands in when the other is empty."""
    invitees = (event.attended or event.invited) if reported else (event.invited or event.attended)
    groups = []
    for heading, categories in CATEGORY_HEADINGS:
        names = [_invitee_name(i, registry) for i in invitees if i.category in categories]
        if names:
            groups.append({"category": heading, "names": list(dict.fromkeys(names))})
    return groups


def _agenda_entry(item: Any, registry: Registry) -> str:
    speakers = join_names(word_speaker(s, registry, role=False) for s in item.speakers)
    return f"{item.title} — {speakers}" if speakers else item.title


def agenda_outline(event: Event, registry: Registry) -> list[dict[str, Any]]:
    """The proposed agenda: days, their blocks, and each block's sessions with their
    working groups and running order."""
    titles = {g.id: g.title for g in event.working_groups}
    days = []
    for day, sessions in sessions_by_day(event):
        blocks = []
        for block, in_block in groupby(sessions, key=session_block):
            entries = [{"time": session_time(s) if s.start else "", "title": session_title(s),
                        "entries": [titles.get(g, g) for g in getattr(s, "working_groups", [])]
                        + [_agenda_entry(i, registry) for i in getattr(s, "items", [])]}
                       for s in in_block]
            blocks.append({"block": block.label, "sessions": entries})
        days.append({"day": day_label(event, day), "blocks": blocks})
    return days


def _agenda_lines(agenda: list[dict[str, Any]]) -> list[dict[str, str]]:
    lines = []
    for day in agenda:
        lines.append(line("heading3", day["day"]))
        for block in day["blocks"]:
            lines.append(line("strong", block["block"]))
            for session in block["sessions"]:
                lines.append(line("bullet", " ".join(filter(None, (session["time"],
                                                                   session["title"])))))
                lines += [line("bullet2", item) for item in session["entries"]]
    return lines


def _participant_lines(event: Event, registry: Registry) -> list[dict[str, str]]:
    convenors = organiser_lines(event, registry)
    groups = invitation_groups(event, registry)
    lines = [line("heading3", "Convenors"), *convenors] if convenors else []
    if groups:
        lines.append(line("heading3", "Participants"))
    lines += [line("bullet", f"{g['category']}: {join_names(g['names'])}") for g in groups]
    return lines


def _section_lines(section: ConceptNoteSection, slot: str | None,
                   generated: bool) -> list[dict[str, str]]:
    lines = [line("text", p) for p in split_paragraphs(section.text)]
    if slot == "participants" and generated:
        return lines  # the generated list replaces the typed one: nothing typed twice
    style = "number" if slot == "objectives" else "bullet"
    return lines + [line(style, item) for item in section.items]


def concept_note_sections(event: Event, registry: Registry) -> list[dict[str, Any]]:
    """The concept note's numbered sections: the event's prose sorted into the
    conventional order, with participants and agenda generated from the record."""
    generated = {"participants": _participant_lines(event, registry),
                 "agenda": _agenda_lines(agenda_outline(event, registry))}
    head: dict[str, list[dict[str, str]]] = {name: [] for name, _, _ in SLOTS}
    tail: dict[str, list[dict[str, str]]] = {name: [] for name, _, _ in SLOTS}
    headings = {name: heading for name, heading, _ in SLOTS}
    seen: set[str] = set()
    current = SLOTS[0][0]
    for section in event.concept_note.sections:
        slot = _slot_of(section.key)
        target = head[slot] if slot else tail[current]
        if slot and slot not in seen:
            headings[slot] = strip_numbering(section.heading)
        else:
            target.append(line("heading2", strip_numbering(section.heading)))
        target += _section_lines(section, slot, bool(generated.get(slot or "")))
        current = slot or current
        seen.add(slot or current)
    sections = []
    for number, (name, _, _) in enumerate(SLOTS, start=1):
        lines = head[name] + generated.get(name, []) + tail[name]
        sections.append({"key": name, "number": number, "heading": headings[name],
                         "lines": lines or [line("placeholder", PLACEHOLDER)]})
    return sections


def concept_note_context(event: Event, *, registry: Registry, previous: Event | None = None,
                         as_of: dt.date | None = None) -> Context:
    """The concept note: title block and the seven sections in the conventional order;
    with `previous` (the event this one follows up), "Progress since the last
    conference" on its follow-up as of `as_of` (default: today).

    Examples
    --------
    >>> from planner.library import Library
    >>> library = Library.open()
    >>> note = concept_note_context(library.load("dar-es-salaam-2010"),
    ...                             registry=library.registry)
    >>> [s["heading"] for s in note["sections"]][:2]
    ['Introduction', 'Objectives of the Conference']
    >>> note["invited"][1]["category"], note["invited"][1]["names"][0]
    ('Regional organisations', 'AU')
    """
    objectives = [item for s in event.concept_note.sections
                  if _slot_of(s.key) == "objectives" for item in s.items]
    return frame("concept-note", event, registry) | {
        "sections": concept_note_sections(event, registry),
        "objectives": objectives,
        "convenors": [entry["text"] for entry in organiser_lines(event, registry)],
        "invited": invitation_groups(event, registry),
        "agenda": agenda_outline(event, registry),
        "progress": progress_context(previous, registry=registry,
                                     as_of=as_of or dt.date.today()),
    }


def _sources_of(kinds: Any) -> str:
    return ", ".join(dict.fromkeys(kind.label.lower() for kind in kinds)) or "no document"


def generated_parts(event: Event, registry: Registry) -> list[dict[str, Any]]:
    """The parts of the concept note that the record writes, each with where it comes from:
    `part`, `source` (a sentence) and `lines` (as the document prints them).

    Examples
    --------
    >>> from planner.library import Library
    >>> library = Library.open()
    >>> parts = generated_parts(library.load("dar-es-salaam-2010"), library.registry)
    >>> [p["part"] for p in parts]
    ['Dates', 'Convenors and participants', 'Proposed agenda']
    >>> parts[0]["lines"][0]["text"], parts[2]["source"]
    ('6–7 September 2010', "the event's programme: 1 session(s) in `sessions`")
    """
    roles = [r for r in event.organisers if r.source.is_planning] or event.organisers
    invitees = event.invited or event.attended
    listed = "`invited` (planned)" if event.invited else "`attended` (reported)"
    return [
        {"part": "Dates", "lines": [line("text", format_date_range(event.start, event.end))],
         "source": f"the event's `start` ({event.start.isoformat()}) and `end` "
                   f"({event.end.isoformat()})"},
        {"part": "Convenors and participants", "lines": _participant_lines(event, registry),
         "source": f"{len(roles)} organiser role(s) in `organisers` as stated by "
                   f"{_sources_of(r.source for r in roles)}; {len(invitees)} entries of "
                   f"{listed} by category"},
        {"part": "Proposed agenda", "lines": _agenda_lines(agenda_outline(event, registry)),
         "source": f"the event's programme: {len(event.sessions)} session(s) in `sessions`"},
    ]
