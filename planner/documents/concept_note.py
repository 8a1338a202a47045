"""What the concept note says: its sections in the conventional order, the parts the record
writes (convenors, participants, proposed agenda), and progress since the last conference."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
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
    PLACEHOLDER,
    Context,
    frame,
    join_names,
    line,
    name_of,
    split_paragraphs,
    strip_numbering,
    word_speaker,
)
from planner.language import (
    N_,
    _,
    current,
    in_language,
    items_in_language,
    labelled,
    untranslated,
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
    ("background", N_("Background"), ("introduction", "background", "context")),
    ("objectives", N_("Objectives"), ("objectives",)),
    ("methodology", N_("Methodology"), ("methodology", "preparation", "format")),
    ("participants", N_("Convenors and participants"), ("participants", "participation",
                                                        "convenors")),
    ("agenda", N_("Proposed agenda"), ("agenda", "programme")),
    ("outcomes", N_("Expected outcomes"), ("outcomes", "expected-outcomes")),
    ("follow-up", N_("Follow-up"), ("follow-up", "next-steps")),
)


def _slot_of(key: str) -> str | None:
    for name, _heading, keys in SLOTS:
        if any(key == k or key.startswith(f"{k}-") for k in keys):
            return name
    return None


#: Roles whose organisations put the event on: none of them is "in cooperation with" itself.
_OWN_ROLES = frozenset({OrganiserRoleKind.CONVENER, OrganiserRoleKind.HOST_GOVERNMENT,
                        OrganiserRoleKind.CO_HOST, OrganiserRoleKind.CO_ORGANISER})


def organiser_lines(event: Event, registry: Registry, *,
                    reported: bool = False) -> list[dict[str, str]]:
    """Who convenes, hosts, funds…, one line per role, as the planning documents say
    (or, with `reported`, as the documents written after the event say). "In cooperation
    with" names only partners: never the host, nor an organisation that convenes,
    co-hosts or co-organises."""
    roles = [r for r in event.organisers if r.source.is_planning != reported] or event.organisers
    own = {r.organisation for r in roles if r.role in _OWN_ROLES} | {event.country}
    lines = []
    for kind in OrganiserRoleKind:
        names = [name_of(r.organisation, registry) for r in roles if r.role == kind
                 and not (kind == OrganiserRoleKind.IN_COOPERATION_WITH and r.organisation in own)]
        if names:
            lines.append(line("bullet", labelled(_(kind.label), join_names(names))))
    return lines


def _invitee_name(invitee: Invitee, registry: Registry) -> str:
    name = name_of(invitee.organisation, registry) or invitee.description or ""
    return name + " " + _("(observer)") if invitee.observer else name


def _restates(name: str, category: str) -> bool:
    # "regional organizations" under "Regional organisations" says nothing more.
    def words(text: str) -> str:
        return re.sub(r"\W+", " ", text.lower().replace("iz", "is")).strip()
    return words(name) == words(category)


def invitation_groups(event: Event, registry: Registry, *,
                      reported: bool = False) -> list[dict[str, Any]]:
    """Who is invited (or, with `reported`, who attended), by category in the
    conventional order; either list stands in when the other is empty. A collective
    entry that only restates its category adds no name."""
    invitees = (event.attended or event.invited) if reported else (event.invited or event.attended)
    groups = []
    for heading, categories in CATEGORY_HEADINGS:
        listed = [_invitee_name(i, registry) for i in invitees if i.category in categories]
        if listed:
            names = [n for n in dict.fromkeys(listed) if not _restates(n, heading)]
            groups.append({"category": _(heading), "names": names})
    return groups


def _agenda_entry(item: Any, registry: Registry) -> str:
    speakers = join_names(word_speaker(s, registry, role=False) for s in item.speakers)
    title = in_language(item, "title")
    return f"{title} — {speakers}" if speakers else title


def agenda_outline(event: Event, registry: Registry) -> list[dict[str, Any]]:
    """The proposed agenda: days, their blocks, and each block's sessions with their
    working groups and running order."""
    titles = {g.id: in_language(g, "title") for g in event.working_groups}
    days = []
    for day, sessions in sessions_by_day(event):
        blocks = []
        for block, in_block in groupby(sessions, key=session_block):
            entries = [{"time": session_time(s) if s.start else "", "title": session_title(s),
                        "entries": [titles.get(g, g) for g in getattr(s, "working_groups", [])]
                        + [_agenda_entry(i, registry) for i in getattr(s, "items", [])]}
                       for s in in_block]
            blocks.append({"block": _(block.label), "sessions": entries})
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
    lines = [line("heading3", _("Convenors")), *convenors] if convenors else []
    if groups:
        lines.append(line("heading3", _("Participants")))
    lines += [line("bullet", labelled(g["category"], join_names(g["names"])) if g["names"]
                   else g["category"]) for g in groups]
    return lines


def _section_lines(section: ConceptNoteSection, slot: str | None,
                   generated: bool) -> list[dict[str, str]]:
    given = section.translated("text", current())
    prose = split_paragraphs(given) if given else map(untranslated,
                                                      split_paragraphs(section.text))
    lines = [line("text", p) for p in prose]
    if slot == "participants" and generated:
        return lines  # the generated list replaces the typed one: nothing typed twice
    style = "number" if slot == "objectives" else "bullet"
    return lines + [line(style, item) for item in items_in_language(section, "items")]


def _own_heading(section: ConceptNoteSection) -> str:
    # The organisers' heading in the language written, else the English one marked after
    # its number ("3. [EN] Participation"), so that numbering still reads it.
    given = section.translated("heading", current())
    if given:
        return given
    bare = strip_numbering(section.heading)
    cut = section.heading.find(bare)
    return section.heading[:cut] + untranslated(section.heading[cut:])


_RECORD_NUMBER = re.compile(r"^\s*(\d+(?:\.\d+)*)\.?\s+\S")
_RECORD_NUMBER_DOT = re.compile(r"^(\d+(?:\.\d+)*)\.?\s+")


def _record_number(heading: str) -> str | None:
    found = _RECORD_NUMBER.match(heading)
    return found[1] if found else None


def _numbered(number: str, heading: str) -> str:
    return f"{number}{'' if '.' in number else '.'} {heading}"


def _is_continuation(heading: str, of: str) -> bool:
    # "2. Objectives of the Conference (continued)" goes on under the section it continues.
    return strip_numbering(heading).removesuffix("(continued)").strip().lower() == of.lower()


@dataclass
class _Slot:
    heading: str
    number: str | None = None
    #: (subsection heading or None for the slot's own text, its lines, the record
    #: section's position from 1), in record order
    blocks: list[tuple[str | None, list[dict[str, str]], int]] = field(default_factory=list)


def _filled(name: str, slot: _Slot, generated: list[dict[str, str]],
            empty: str) -> tuple[list[dict[str, str]], list[dict[str, Any]]]:
    # Each record section's lines and the record's part are marked (see documents.marks):
    # `first` -1 is the slot's heading, which belongs to the record section whose own
    # text opens the slot, else to the slot itself.
    lines: list[dict[str, str]] = []
    marks: list[dict[str, Any]] = []
    blocks = slot.blocks or [(None, [], 0)]
    if blocks[0][0] is not None or not blocks[0][2]:
        marks.append({"name": f"slot_{name.replace('-', '_')}", "first": -1, "last": 0})
    for index, (heading, body, position) in enumerate(blocks):
        start = len(lines)
        if heading is None:
            lines += body
        elif body or empty == "placeholder":
            lines += [line("heading2", heading),
                      *(body or [line("placeholder", _(PLACEHOLDER))])]
        if position and (len(lines) > start or (index == 0 and heading is None)):
            first = -1 if index == 0 and heading is None else start
            marks.append({"name": f"section_{position}", "first": first, "last": len(lines)})
        if index == 0 and generated:  # the record's part follows the slot's own text
            marks.append({"name": f"part_{name}", "first": len(lines),
                          "last": len(lines) + len(generated)})
            lines += generated
    return lines, marks


def concept_note_sections(event: Event, registry: Registry, *,
                          empty: str = "placeholder") -> list[dict[str, Any]]:
    """The concept note's numbered sections: the event's prose sorted into the
    conventional order, with participants and agenda generated from the record.

    Headings are numbered as the record numbers them (`3. Conference Convenors…`,
    `1.1 The Growth…`); a section the record leaves unnumbered stays so, and sections it
    lacks are numbered on from its last. A record without numbers is numbered 1, 2, 3….
    An empty section or subsection prints `PLACEHOLDER`, or with `empty="leave-out"` is
    left out.
    """
    generated = {"participants": _participant_lines(event, registry),
                 "agenda": _agenda_lines(agenda_outline(event, registry))}
    numbered = any(_record_number(s.heading) for s in event.concept_note.sections)
    slots = {name: _Slot(_(heading)) for name, heading, _keys in SLOTS}
    current = SLOTS[0][0]
    for position, section in enumerate(event.concept_note.sections, 1):
        slot_name = _slot_of(section.key)
        body = _section_lines(section, slot_name, bool(generated.get(slot_name or "")))
        target = slots[slot_name or current]
        own = _own_heading(section)
        if slot_name and not target.blocks:
            target.heading = strip_numbering(own)
            target.number = _record_number(section.heading)
            target.blocks.append((None, body, position))
        elif _is_continuation(own, target.heading):
            target.blocks.append((None, body, position))
        else:
            heading = (_RECORD_NUMBER_DOT.sub(r"\1 ", " ".join(own.split()))
                       if numbered else strip_numbering(own))
            target.blocks.append((heading, body, position))
        current = slot_name or current
    kept = [(name, slots[name], *_filled(name, slots[name], generated.get(name, []), empty))
            for name, _h, _k in SLOTS]
    dropped = [entry[1] for entry in kept if not entry[2] and empty == "leave-out"]
    # The record's numbers hold only while none of its numbered sections is left out.
    numbered = numbered and not any(gone.number for gone in dropped)
    kept = [entry for entry in kept if entry[1] not in dropped]
    last_numbered = max((i for i, entry in enumerate(kept) if entry[1].number), default=-1)
    sections, last = [], 0
    for index, (name, slot, lines, marks) in enumerate(kept):
        if not numbered:
            number: str | None = str(index + 1)
        elif slot.blocks:
            number = slot.number
        else:  # a section the record lacks: numbered on after the record's last
            number = str(last + 1) if index > last_numbered else None
        if number:
            last = max(last, int(number.split(".")[0]))
        sections.append({"key": name, "number": number or "", "heading": slot.heading,
                         "title": _numbered(number, slot.heading) if number else slot.heading,
                         "lines": lines or [line("placeholder", _(PLACEHOLDER))],
                         "marks": _placeholder_marked(marks, lines)})
    return sections


def _placeholder_marked(marks: list[dict[str, Any]],
                        lines: list[dict[str, str]]) -> list[dict[str, Any]]:
    # A slot printed as the one placeholder: the placeholder goes with the slot's heading.
    if lines:
        return marks
    return [mark | {"last": 1} if mark["first"] == -1 else mark for mark in marks]


def concept_note_context(event: Event, *, registry: Registry, previous: Event | None = None,
                         as_of: dt.date | None = None, empty: str = "placeholder") -> Context:
    """The concept note: title block and the seven sections in the conventional order
    (empty ones as `empty` says, see `concept_note_sections`); with `previous` (the event
    this one follows up), "Progress since the last conference" on its follow-up as of
    `as_of` (default: today).

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
                  if _slot_of(s.key) == "objectives" for item in items_in_language(s, "items")]
    return frame("concept-note", event, registry) | {
        "sections": concept_note_sections(event, registry, empty=empty),
        "objectives": objectives,
        "convenors": [entry["text"] for entry in organiser_lines(event, registry)],
        "invited": invitation_groups(event, registry),
        "agenda": agenda_outline(event, registry),
        "progress": progress_context(previous, registry=registry,
                                     as_of=as_of or dt.date.today()),
    }


def _sources_of(kinds: Any) -> str:
    return ", ".join(dict.fromkeys(_(kind.label).lower() for kind in kinds)) or _("no document")


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
    listed = _("`invited` (planned)") if event.invited else _("`attended` (reported)")
    return [
        {"part": "Dates", "lines": [line("text", format_date_range(event.start, event.end))],
         "source": _("the event's `start` ({start}) and `end` ({end})").format(
             start=event.start.isoformat(), end=event.end.isoformat())},
        {"part": "Convenors and participants", "lines": _participant_lines(event, registry),
         "source": _("{roles} organiser role(s) in `organisers` as stated by {sources}; "
                     "{entries} entries of {listed} by category").format(
             roles=len(roles), sources=_sources_of(r.source for r in roles),
             entries=len(invitees), listed=listed)},
        {"part": "Proposed agenda", "lines": _agenda_lines(agenda_outline(event, registry)),
         "source": _("the event's programme: {sessions} session(s) in `sessions`").format(
             sessions=len(event.sessions))},
    ]
