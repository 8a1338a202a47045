"""The concept note back from Word: what the co-organiser changed, section by section, and
the chosen sections taken into the record.

`read_back(event, data, registry=…)` matches the edited .docx to the record by the marks
the toolkit wrote (`planner.documents.marks`), or, in a file that lost them, by heading
and text; each record section is unchanged, changed (with a word-level diff), added or
removed; the parts the record writes (title, dates, convenors and participants, agenda)
are compared and reported, never taken; tracked changes and comments are listed.
`accept(event, report, sections)` returns the event with the chosen sections taken.
"""

from __future__ import annotations

import difflib
import io
import re
import zipfile
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from planner.documents import build_context
from planner.documents.marks import (
    DOCUMENT_PART,
    PREFIX,
    STYLES_PART,
    Mark,
    expected_marks,
    kind_of,
    owners_by_bookmarks,
    owners_by_text,
    paragraph_text,
    parse_xml,
    qw,
    style_kinds,
)
from planner.documents.revisions import (
    COMMENTS_PART,
    CORE_PART,
    Comment,
    Suggestion,
    author_of_file,
    comments,
    suggestions,
)
from planner.documents.sandbox import TemplateLimit, check_package
from planner.documents.wording import PLACEHOLDER, split_paragraphs, strip_numbering
from planner.errors import PlannerError
from planner.model import ConceptNote, ConceptNoteSection, Event, Registry

__all__ = ["Finding", "Report", "accept", "read_back", "shortened", "word_diff"]

#: The parts the record writes, by mark, as the organiser names them.
PARTS = {"part_title": "Title", "part_dates": "Place and dates",
         "part_participants": "Convenors and participants", "part_agenda": "Proposed agenda"}



@dataclass(frozen=True)
class Finding:
    """One section or record-written part, as the record prints it and as the file reads.

    `status` is `unchanged`, `changed`, `added` or `removed` (a part the record writes is
    `unchanged` or `edited`); `document` reads with tracked changes accepted; `diff` is
    (`=`, `-` or `+`, words).
    """

    name: str
    status: str
    key: str | None
    heading: str
    record: list[str]
    document: list[str]
    diff: list[tuple[str, str]] = field(default_factory=list)
    #: The document's paragraphs as (kind, text): heading1, heading2, item, text…
    paragraphs: list[tuple[str, str]] = field(default_factory=list)
    #: Added sections: the record section (position from 1) they follow in the file.
    after: int | None = None
    #: The record's paragraphs as (style, text), as the document prints them.
    printed: list[tuple[str, str]] = field(default_factory=list)

    @property
    def message(self) -> str:
        """What an organiser reads for a part the record writes."""
        if self.status == "unchanged":
            return f"{self.heading}: as the record says"
        return (f"{self.heading}: edited in Word; the record says "
                f"'{' / '.join(self.record)}' (edit the record, not the document)")

    def to_dict(self) -> dict[str, Any]:
        """The finding as plain data."""
        data = asdict(self)
        data["diff"] = [list(pair) for pair in self.diff]
        data.pop("paragraphs")
        data.pop("printed")
        return data


@dataclass(frozen=True)
class Report:
    """What the read-back found: sections, record-written parts, suggestions, comments."""

    event: str
    author: str | None
    matched_by: str
    """`bookmarks` (the marks the toolkit wrote) or `headings` (a file that lost them)."""
    sections: list[Finding]
    parts: list[Finding]
    suggestions: list[Suggestion]
    comments: list[Comment]

    @property
    def changed(self) -> list[Finding]:
        """The sections that can be taken: changed, added or removed."""
        return [s for s in self.sections if s.status != "unchanged"]

    @property
    def has_changes(self) -> bool:
        """Whether anything differs from the record or awaits a decision."""
        return bool(self.changed or any(p.status != "unchanged" for p in self.parts)
                    or self.suggestions or self.comments)

    def to_dict(self) -> dict[str, Any]:
        """The report as plain data, for `--json` and the app."""
        return {"event": self.event, "author": self.author, "matched_by": self.matched_by,
                "sections": [s.to_dict() for s in self.sections],
                "parts": [p.to_dict() for p in self.parts],
                "suggestions": [s.to_dict() for s in self.suggestions],
                "comments": [c.to_dict() for c in self.comments]}


def word_diff(before: list[str], after: list[str]) -> list[tuple[str, str]]:
    """The words that stayed (`=`), went (`-`) and came (`+`), paragraphs marked `¶`.

    Examples
    --------
    >>> word_diff(["Map the routes."], ["Map the main routes."])
    [('=', 'Map the'), ('+', 'main'), ('=', 'routes.')]
    """
    def words(paragraphs: list[str]) -> list[str]:
        return " ¶ ".join(paragraphs).split()

    old, new = words(before), words(after)
    diff: list[tuple[str, str]] = []
    for op, a1, a2, b1, b2 in difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if op == "equal":
            diff.append(("=", " ".join(old[a1:a2])))
            continue
        if a2 > a1:
            diff.append(("-", " ".join(old[a1:a2])))
        if b2 > b1:
            diff.append(("+", " ".join(new[b1:b2])))
    return diff


def shortened(diff: list[tuple[str, str]], context: int = 6) -> list[tuple[str, str]]:
    """`diff` with each long run of unchanged words cut to `context` words on each side of
    a change (`…` in between): what the CLI prints and the app shows under a section.

    Examples
    --------
    >>> shortened([("=", "a b c d e f g"), ("+", "h")], context=2)
    [('=', '… f g'), ('+', 'h')]
    """
    shown = []
    for index, (op, text) in enumerate(diff):
        words = text.split()
        if op == "=" and len(words) > 2 * context:
            head = words[:context] if index else []
            tail = words[-context:] if index < len(diff) - 1 else []
            shown.append((op, " ".join([*head, "…", *tail])))
        else:
            shown.append((op, text))
    return shown


def _parts_of(data: bytes, name: str) -> dict[str, bytes]:
    try:
        check_package(data, name)
    except TemplateLimit as err:  # the limits of a template are those of any Word file
        raise PlannerError(str(err).replace("templates", "documents")
                           .replace("template", "document")) from None
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        wanted = {DOCUMENT_PART, STYLES_PART, COMMENTS_PART, CORE_PART}
        parts = {n: package.read(n) for n in package.namelist() if n in wanted}
    if DOCUMENT_PART not in parts:
        raise PlannerError(f"{name} is not a Word .docx file (it has no {DOCUMENT_PART})")
    return parts


def _same(a: list[str], b: list[str]) -> bool:
    return [" ".join(t.split()) for t in a] == [" ".join(t.split()) for t in b]


def _record_finding(mark: Mark, found: list[tuple[str, str]], event: Event) -> Finding:
    position = int(mark.name.removeprefix("section_"))
    section = event.concept_note.sections[position - 1]
    texts = [text for _, text in found]
    if not found:
        empty = not section.text and not section.items
        status = "unchanged" if empty else "removed"
    else:
        status = "unchanged" if _same(mark.texts, texts) else "changed"
    return Finding(mark.name, status, section.key, section.heading, mark.texts, texts,
                   [] if status == "unchanged" else word_diff(mark.texts, texts), found,
                   printed=list(mark.paragraphs))


def _added_finding(name: str, found: list[tuple[str, str]], key: str | None,
                   record: list[str], after: int | None) -> Finding:
    texts = [text for _, text in found]
    heading = next((t for k, t in found if k.startswith("heading")), texts[0] if texts else "")
    status = "unchanged" if _same(record, texts) else "added"
    return Finding(name, status, key, strip_numbering(heading) if heading else "", record,
                   texts, [] if status == "unchanged" else word_diff(record, texts), found,
                   after)


def read_back(event: Event, data: bytes, *, registry: Registry,
              name: str = "the document") -> Report:
    """Compare a concept note edited in Word with the record of `event`.

    Parameters
    ----------
    data
        The .docx bytes, as the co-organiser sent them back.
    name
        The file's name, for messages.

    Raises
    ------
    PlannerError
        One line, naming the file: not a .docx, too large, a DTD.

    Examples
    --------
    >>> from planner.library import Library
    >>> from planner.documents import render_document
    >>> library = Library.open()
    >>> event = library.load("sanaa-2008")
    >>> data = render_document("concept-note", event, registry=library.registry)
    >>> report = read_back(event, data, registry=library.registry)
    >>> report.matched_by, report.has_changes
    ('bookmarks', False)
    """
    parts = _parts_of(data, name)
    try:
        body = parse_xml(parts[DOCUMENT_PART]).find(qw("body"))
    except Exception as err:  # lxml's XMLSyntaxError, without importing lxml here
        raise PlannerError(f"{name}: {DOCUMENT_PART} is not well-formed XML ({err})") from None
    if body is None:
        raise PlannerError(f"{name}: {DOCUMENT_PART} has no body")
    marks = expected_marks(build_context("concept-note", event, registry=registry))
    kinds = style_kinds(parts.get(STYLES_PART))
    ours = any(b.get(qw("name"), "").startswith(PREFIX) for b in body.iter(qw("bookmarkStart")))
    owners = owners_by_bookmarks(body, kinds) if ours else owners_by_text(body, kinds, marks)
    found: dict[str, list[tuple[str, str]]] = {}
    for paragraph, owner in owners:
        if owner is not None:
            found.setdefault(owner, []).append((kind_of(paragraph, kinds),
                                                paragraph_text(paragraph)))
    return _report(event, parts, body, owners, (marks, found, ours))


def _report(event: Event, parts: dict[str, bytes], body: Any,
            owners: list[tuple[Any, str | None]],
            matched: tuple[list[Mark], dict[str, list[tuple[str, str]]], bool]) -> Report:
    marks, found, ours = matched
    sections, records = _findings(event, marks, found)
    labels = {s.name: s.key or s.heading for s in sections} | {
        p.name: p.heading for p in records} | {"part_progress": "Progress"}
    owner_of = {id(p): o for p, o in owners}

    def where(paragraph: Any) -> str:
        owner = owner_of.get(id(paragraph))
        return labels.get(owner or "", owner or "")

    found_suggestions = suggestions(body, where)
    found_comments = comments(parts, body, where)
    return Report(event=event.id,
                  author=author_of_file(parts, found_suggestions, found_comments),
                  matched_by="bookmarks" if ours else "headings", sections=sections,
                  parts=records, suggestions=found_suggestions, comments=found_comments)


def _findings(event: Event, marks: list[Mark],
              found: dict[str, list[tuple[str, str]]]) -> tuple[list[Finding], list[Finding]]:
    sections: list[Finding] = []
    records: list[Finding] = []
    expected = {mark.name: mark for mark in marks}
    order = list(found)  # the file's order, for where an added section goes
    keys = {s.key for s in event.concept_note.sections}
    for position in range(1, len(event.concept_note.sections) + 1):
        # A section that prints nothing (an empty continuation) has no mark: it is unchanged.
        mark = expected.get(f"section_{position}", Mark(f"section_{position}", ()))
        sections.append(_record_finding(mark, found.get(mark.name, []), event))
    for mark in marks:
        if mark.name in PARTS:
            texts = [text for _, text in found.get(mark.name, [])]
            status = "unchanged" if _same(mark.texts, texts) else "edited"
            records.append(Finding(mark.name, status, None, PARTS[mark.name], mark.texts,
                                   texts, [] if status == "unchanged"
                                   else word_diff(mark.texts, texts)))
    for name in order:
        if (name.startswith("section_") and name in expected) or name in PARTS \
                or name == "part_progress":
            continue
        slot = name.removeprefix("slot_").replace("_", "-") if name.startswith("slot_") else None
        record = expected[name].texts if name in expected else []
        before = [n for n in order[:order.index(name)] if n.startswith("section_")]
        after = int(before[-1].removeprefix("section_")) if before else None
        finding = _added_finding(name, found[name], slot, record, after)
        if finding.status == "added":
            key = finding.key if finding.key and finding.key not in keys else _key_for(
                finding.heading, keys)
            keys.add(key)
            finding = Finding(**{**asdict(finding), "key": key})
            sections.append(finding)
    return sections, records


def _key_for(heading: str, taken: set[str]) -> str:
    from planner.event.concept_note import slugify  # noqa: PLC0415 -- the event layer

    base = slugify(heading or "section")
    key, number = base, 2
    while key in taken:
        key, number = f"{base}-{number}", number + 1
    return key



_ITEM_STYLES = ("number", "bullet", "bullet2")


def _taken(section: ConceptNoteSection | None, finding: Finding,
           numbered: bool) -> ConceptNoteSection:
    # What the file says, field by field; a field that reads as the record prints it
    # keeps the record's own wording (its line breaks, its numbering, its unprinted items).
    found = [(kind, text) for kind, text in finding.paragraphs if text and text != PLACEHOLDER]
    heading = found[0][1] if found and found[0][0] in ("heading1", "heading2") else None
    body = found[1:] if heading is not None else found
    text = [t for kind, t in body if kind != "item"]
    items = [t for kind, t in body if kind == "item"]
    if section is None:
        typed = heading or finding.heading or "Section"
        return ConceptNoteSection(key=finding.key or "section",
                                  heading=typed if numbered else strip_numbering(typed),
                                  text="\n\n".join(text) or None, items=items)
    printed = finding.printed
    printed_heading = printed[0][1] if printed and printed[0][0].startswith("heading") else None
    printed_items = [t for style, t in printed if style in _ITEM_STYLES]
    return ConceptNoteSection(
        key=section.key,
        heading=section.heading if heading in (None, printed_heading) else heading,
        text=section.text if text == split_paragraphs(section.text)
        else "\n\n".join(text) or None,
        items=section.items if items == printed_items else items,
        reusable=section.reusable)


def accept(event: Event, report: Report, sections: Sequence[str]) -> Event:
    """The event with the chosen sections (their keys, or `all`) taken from the document.

    A changed section takes the document's text as it reads with its tracked changes
    accepted (taking a section accepts its suggestions; to refuse one, reject it in Word
    first); an added section is put after the record section it follows in the file; a
    removed one leaves the record. The parts the record writes are never taken: they are
    edited in the record. Nothing is saved.

    Raises
    ------
    PlannerError
        Naming a section that the document leaves as the record has it, or that it lacks.
    """
    changed = {f.key: f for f in report.changed if f.key}
    chosen = list(changed) if list(sections) == ["all"] else list(dict.fromkeys(sections))
    for key in chosen:
        if key not in changed:
            raise PlannerError(f"the concept note read back has no change in section '{key}' "
                               f"(changed: {', '.join(changed) or 'none'})")
    numbered = any(re.match(r"\s*\d", s.heading) for s in event.concept_note.sections)
    kept: list[ConceptNoteSection | None] = list(event.concept_note.sections)
    added: dict[int, list[ConceptNoteSection]] = {}
    for key in chosen:
        finding = changed[key]
        at = int(finding.name.removeprefix("section_")) - 1 \
            if finding.name.startswith("section_") else None
        if finding.status == "removed" and at is not None:
            kept[at] = None
        elif at is not None:
            kept[at] = _taken(event.concept_note.sections[at], finding, numbered)
        else:
            added.setdefault(finding.after or 0, []).append(_taken(None, finding, numbered))
    result = list(added.get(0, []))
    for position, section in enumerate(kept, 1):
        result += [section] if section is not None else []
        result += added.get(position, [])
    return event.model_copy(update={"concept_note": ConceptNote(sections=result)})
