"""What a Word file says beside its text: tracked insertions and deletions (suggestions, with
their author and date) and comments (with the paragraph they sit on and their author).

Both are read, never applied: the read-back (`planner.documents.readback`) lists them so
that the organiser sees who proposed what before taking a section.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass
from typing import Any

from planner.documents.marks import paragraph_text, parse_xml, qw

__all__ = ["COMMENTS_PART", "CORE_PART", "Comment", "Suggestion", "author_of_file", "comments",
           "suggestions"]

#: The file's core properties, where Word records who saved it last.
CORE_PART = "docProps/core.xml"
COMMENTS_PART = "word/comments.xml"
_CP = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
_DC = "http://purl.org/dc/elements/1.1/"
#: Who the toolkit says wrote the file it renders (templates/blocks.py).
OURS = "planner"

Where = Callable[[Any], str]
"""The label of the section a paragraph element belongs to."""


@dataclass(frozen=True)
class Suggestion:
    """A tracked change still in the file: `insertion` or `deletion` of `text`."""

    kind: str
    author: str
    date: str
    text: str
    paragraph: str
    """The paragraph it sits in, as it reads with every tracked change accepted."""
    section: str

    def to_dict(self) -> dict[str, str]:
        """The suggestion as plain data."""
        return asdict(self)


@dataclass(frozen=True)
class Comment:
    """A comment and where it is anchored."""

    author: str
    date: str
    text: str
    paragraph: str
    section: str

    def to_dict(self) -> dict[str, str]:
        """The comment as plain data."""
        return asdict(self)


def _paragraph_of(element: Any) -> Any:
    found = next(element.iterancestors(qw("p")), None)
    if found is None:  # anchored between paragraphs: it belongs to the next one
        found = next(element.itersiblings(qw("p")), None)
    return found


def _changed_text(change: Any) -> str:
    tag = qw("delText") if change.tag in (qw("del"), qw("moveFrom")) else qw("t")
    return "".join(t.text or "" for t in change.iter(tag))


def suggestions(body: Any, where: Where) -> list[Suggestion]:
    """Every tracked insertion and deletion of text in the body, in document order (a
    change of formatting or of a paragraph mark alone carries no text and is left out)."""
    found = []
    for change in body.iter(qw("ins"), qw("del"), qw("moveTo"), qw("moveFrom")):
        text = _changed_text(change)
        if not text.strip():
            continue
        paragraph = _paragraph_of(change)
        kind = "insertion" if change.tag in (qw("ins"), qw("moveTo")) else "deletion"
        found.append(Suggestion(
            kind=kind, author=change.get(qw("author"), ""), date=change.get(qw("date"), ""),
            text=" ".join(text.split()),
            paragraph=paragraph_text(paragraph) if paragraph is not None else "",
            section=where(paragraph) if paragraph is not None else ""))
    return found


def comments(parts: dict[str, bytes], body: Any, where: Where) -> list[Comment]:
    """Every comment of `word/comments.xml`, with the paragraph its range starts in (or
    its reference sits in), in the order of the comments part."""
    if COMMENTS_PART not in parts:
        return []
    anchors: dict[str, Any] = {}
    for tag in (qw("commentReference"), qw("commentRangeStart")):  # a range wins
        for anchor in body.iter(tag):
            paragraph = _paragraph_of(anchor)
            if paragraph is not None:
                anchors[anchor.get(qw("id"), "")] = paragraph
    found = []
    for comment in parse_xml(parts[COMMENTS_PART]).iter(qw("comment")):
        paragraph = anchors.get(comment.get(qw("id"), ""))
        text = " ".join(paragraph_text(p) for p in comment.iter(qw("p")))
        found.append(Comment(
            author=comment.get(qw("author"), ""), date=comment.get(qw("date"), ""),
            text=" ".join(text.split()),
            paragraph=paragraph_text(paragraph) if paragraph is not None else "",
            section=where(paragraph) if paragraph is not None else ""))
    return found


def author_of_file(parts: dict[str, bytes], found: list[Suggestion],
                   remarks: list[Comment]) -> str | None:
    """Who edited the file: whom Word names as its last editor, else the author of its
    first suggestion or comment; None when nobody but the toolkit wrote it."""
    if CORE_PART in parts:
        core = parse_xml(parts[CORE_PART])
        for tag in (f"{{{_CP}}}lastModifiedBy", f"{{{_DC}}}creator"):
            element = core.find(tag)
            name = " ".join((element.text or "").split()) if element is not None else ""
            if name and name != OURS:
                return name
    names = [s.author for s in found] + [c.author for c in remarks]
    return next((name for name in names if name and name != OURS), None)
