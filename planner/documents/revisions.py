"""What a Word file says beside its text: tracked insertions and deletions (suggestions, with
their author and date) and comments (with the paragraph they sit on and their author).

Both are read, never applied to the file: the read-back (`planner.documents.readback`)
lists them so that the organiser sees who proposed what before taking a section. A section
reads with its suggestions accepted; `reject` gives the file back with the suggestions the
organiser turned down undone, so that the section is read without them.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable, Collection, Iterator
from dataclasses import asdict, dataclass
from typing import Any

from planner.documents.marks import paragraph_text, parse_xml, qw

__all__ = ["COMMENTS_PART", "CORE_PART", "Comment", "Suggestion", "author_of_file", "comments",
           "reject", "suggestions"]

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


def _tracked(body: Any) -> Iterator[tuple[Any, str]]:
    # The numbering of suggestions, one rule for listing them and for rejecting them: a
    # change of formatting or of a paragraph mark alone carries no text and is left out.
    for change in body.iter(qw("ins"), qw("del"), qw("moveTo"), qw("moveFrom")):
        text = _changed_text(change)
        if text.strip():
            yield change, text


def suggestions(body: Any, where: Where) -> list[Suggestion]:
    """Every tracked insertion and deletion of text in the body, in document order."""
    found = []
    for change, text in list(_tracked(body)):
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


def reject(data: bytes, numbers: Collection[int], document_part: str = "word/document.xml"
           ) -> bytes:
    """The .docx `data` with the suggestions numbered `numbers` (from 1, in the order
    `suggestions` lists them) undone: an insertion removed, a deletion kept as text. The
    others stay tracked, so a read-back takes them with their section.

    Raises
    ------
    ValueError
        For a number that names no suggestion.
    """
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        body = parse_xml(package.read(document_part))
        changes = [change for change, _ in _tracked(body)]
        if unknown := sorted(n for n in numbers if not 1 <= n <= len(changes)):
            raise ValueError(f"no suggestion {unknown[0]} (the file has {len(changes)})")
        for number in sorted(set(numbers)):
            _undo(changes[number - 1])
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as copy:
            for info in package.infolist():
                copy.writestr(info, _xml(body) if info.filename == document_part
                              else package.read(info))
    return out.getvalue()


def _undo(change: Any) -> None:
    parent = change.getparent()
    if change.tag in (qw("ins"), qw("moveTo")):
        parent.remove(change)  # the inserted words go
        return
    for deleted in change.iter(qw("delText")):  # the deleted words come back as text
        deleted.tag = qw("t")
    index = parent.index(change)
    for offset, child in enumerate(list(change)):
        parent.insert(index + offset, child)
    parent.remove(change)


def _xml(body: Any) -> bytes:
    from lxml import etree  # noqa: PLC0415 -- slow import

    data: bytes = etree.tostring(body, xml_declaration=True, encoding="UTF-8",
                                 standalone=True)
    return data

