"""Section marks in the concept note: Word bookmarks around each part the record writes, so
that the document read back after editing is matched to the record section by section.

Every record section, every section the record lacks (a "slot") and every part the record
writes (title, dates, convenors and participants, agenda, progress) is one bookmark from
its first paragraph to its last. Bookmarks survive editing in Word and LibreOffice: text
typed inside one stays inside it; deleting a whole section deletes its bookmark. Names are
`planner_section_<n>` (the record section's position, from 1), `planner_slot_<key>` and
`planner_part_<part>`: Word keeps only letters, digits and underscores in a bookmark's
name, so the names hold no hyphen.

The XML is read with lxml without DTDs, entities or network (see `parse_xml`).
"""

from __future__ import annotations

import difflib
import io
import zipfile
from dataclasses import dataclass
from functools import cache
from typing import Any

from planner.documents.wording import Context

__all__ = [
    "DOCUMENT_PART",
    "PREFIX",
    "STYLES_PART",
    "Mark",
    "W",
    "bookmark_sections",
    "expected_marks",
    "kind_of",
    "mark_sections",
    "owners_by_bookmarks",
    "owners_by_text",
    "paragraph_text",
    "parse_xml",
    "qw",
    "style_kinds",
]

#: The namespace of WordprocessingML.
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#: The body of a .docx.
DOCUMENT_PART = "word/document.xml"
#: The styles of a .docx, which say which paragraph is a heading or a list item.
STYLES_PART = "word/styles.xml"
#: Every bookmark the toolkit writes starts with this; others (Word's `_GoBack`) are not ours.
PREFIX = "planner_"
_KIND_OF_STYLE = (("heading 1", "heading1"), ("heading 2", "heading2"),
                  ("heading 3", "heading3"), ("list", "item"), ("title", "title"),
                  ("placeholder", "placeholder"))


def qw(tag: str) -> str:
    """A WordprocessingML tag in Clark notation: `qw("p")` is `{…/main}p`."""
    return f"{{{W}}}{tag}"


@dataclass(frozen=True)
class Mark:
    """One marked part of the concept note as the record prints it.

    `name` is the bookmark's name without `PREFIX`; `paragraphs` are (style, text) as the
    context's lines give them (`heading1` for a section's heading, `title`, `dates`).
    """

    name: str
    paragraphs: tuple[tuple[str, str], ...]

    @property
    def texts(self) -> list[str]:
        """The text of each paragraph."""
        return [text for _, text in self.paragraphs]


def parse_xml(data: bytes) -> Any:
    """Parse one XML part safely: no DTD, no entities, no network, no huge trees."""
    from lxml import etree  # noqa: PLC0415 -- slow import

    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                             dtd_validation=False, huge_tree=False, remove_blank_text=False)
    return etree.fromstring(data, parser)


def paragraph_text(paragraph: Any) -> str:
    """A paragraph's text as it reads with its tracked changes accepted: inserted text in,
    deleted text (`w:delText`, and whatever sits inside `w:del` or `w:moveFrom`) out."""
    parts = [element.text or "" if element.tag == _T else " "
             for element in _read_text()(paragraph)]
    return " ".join("".join(parts).split())


_T = qw("t")


@cache
def _read_text() -> Any:
    # One compiled query, in document order: walking each text's ancestors in Python
    # took most of the time of bookmarking a concept note.
    from lxml import etree  # noqa: PLC0415 -- slow import

    kept = "[not(ancestor::w:del or ancestor::w:moveFrom)]"
    return etree.XPath(f".//w:t{kept} | .//w:tab{kept} | .//w:br{kept}", namespaces={"w": W})


def _section_marks(section: dict[str, Any]) -> list[Mark]:
    lines = [("heading1", section["title"])] + [(x["style"], x["text"])
                                                for x in section["lines"]]
    return [Mark(mark["name"], tuple(lines[mark["first"] + 1:mark["last"] + 1]))
            for mark in section.get("marks", [])]


def expected_marks(context: Context) -> list[Mark]:
    """The marked parts of a concept-note context, in document order.

    Examples
    --------
    >>> from planner.library import Library
    >>> from planner.documents import build_context
    >>> library = Library.open()
    >>> context = build_context("concept-note", library.load("dar-es-salaam-2010"),
    ...                         registry=library.registry)
    >>> [m.name for m in expected_marks(context)][:5]
    ['part_title', 'part_dates', 'section_1', 'section_2', 'section_3']
    """
    event = context["event"]
    subtitle = context["document"].get("title", "")
    marks = [Mark("part_title", (("title", event["title"]), ("subtitle", subtitle))),
             Mark("part_dates", (("dates", f"{event['place']}, {event['dates']}"),))]
    for section in context["sections"]:
        marks += _section_marks(section)
    progress = context.get("progress")
    if progress:
        marks.append(Mark("part_progress", (("heading1", progress["heading"]), *(
            (x["style"], x["text"]) for x in progress["lines"]))))
    return marks


def _body_paragraphs(body: Any) -> list[Any]:
    return [child for child in body if child.tag == qw("p")]


def _locate(paragraphs: list[Any], marks: list[Mark]) -> list[tuple[Mark, int, int]]:
    # Each mark's paragraphs, found in order: an organiser's own template may print more
    # or less than ours, and a mark whose paragraphs are not there in order is left out.
    texts = [paragraph_text(p) for p in paragraphs]
    found, cursor = [], 0
    for mark in marks:
        if not mark.paragraphs:
            continue
        want = [" ".join(t.split()) for t in mark.texts]
        for start in range(cursor, len(texts) - len(want) + 1):
            if texts[start:start + len(want)] == want:
                found.append((mark, start, start + len(want) - 1))
                cursor = start + len(want)
                break
    return found


def _bookmark(paragraphs: list[Any], first: int, last: int, name: str, number: int) -> None:
    from lxml import etree  # noqa: PLC0415 -- slow import

    start = etree.Element(qw("bookmarkStart"), {qw("id"): str(number), qw("name"): name})
    end = etree.Element(qw("bookmarkEnd"), {qw("id"): str(number)})
    head = paragraphs[first]
    properties = head.find(qw("pPr"))
    head.insert(0 if properties is None else head.index(properties) + 1, start)
    paragraphs[last].append(end)


def bookmark_sections(root: Any, context: Context) -> None:
    """Bookmark each part of `expected_marks` in a rendered concept note's document
    element (`w:document`), in place: done on the tree before the file is written, it
    costs no second reading and writing of the package."""
    body = root.find(qw("body"))
    paragraphs = _body_paragraphs(body)
    taken = [int(b.get(qw("id"), "0")) for b in root.iter(qw("bookmarkStart"))
             if (b.get(qw("id")) or "").isdigit()]
    number = max(taken, default=0)
    for mark, first, last in _locate(paragraphs, expected_marks(context)):
        number += 1
        _bookmark(paragraphs, first, last, PREFIX + mark.name, number)


def mark_sections(data: bytes, context: Context) -> bytes:
    """A rendered concept note with each part of `expected_marks` bookmarked: for a
    file rendered elsewhere (an organiser's own template, rendered in its own process).

    Parameters
    ----------
    data
        The .docx as `render_document("concept-note", …)` renders it.
    context
        The context it was rendered from.
    """
    source = zipfile.ZipFile(io.BytesIO(data))
    root = parse_xml(source.read(DOCUMENT_PART))
    bookmark_sections(root, context)
    from lxml import etree  # noqa: PLC0415 -- slow import

    xml = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            target.writestr(item, xml if item.filename == DOCUMENT_PART
                            else source.read(item.filename))
    return out.getvalue()


def style_kinds(styles: bytes | None) -> dict[str, str]:
    """What each paragraph style of `word/styles.xml` is, by its id: heading1, heading2,
    heading3, item (a list), title, placeholder or text."""
    kinds: dict[str, str] = {}
    if styles is None:
        return kinds
    for style in parse_xml(styles).iter(qw("style")):
        name_element = style.find(qw("name"))
        name = (name_element.get(qw("val"), "") if name_element is not None else "").lower()
        kinds[style.get(qw("styleId"), "")] = next(
            (kind for prefix, kind in _KIND_OF_STYLE if name.startswith(prefix)), "text")
    return kinds


def kind_of(paragraph: Any, kinds: dict[str, str]) -> str:
    """The kind of a paragraph element, by its style (see `style_kinds`)."""
    style = paragraph.find(f"{qw('pPr')}/{qw('pStyle')}")
    return kinds.get(style.get(qw("val"), "") if style is not None else "", "text")


def _around(paragraph: Any) -> tuple[list[tuple[str, Any]], list[tuple[str, Any]]]:
    # A bookmark inside a paragraph opens before it and closes after it, except where
    # Word leaves one at the edge with no text on its side: an end before the first
    # letter closes before the paragraph, a start after the last letter opens after it.
    found: list[tuple[str, Any, int]] = []
    letters = 0
    for element in paragraph.iter(qw("t"), qw("bookmarkStart"), qw("bookmarkEnd")):
        if element.tag == qw("t"):
            letters += bool(element.text)
        else:
            found.append(("start" if element.tag == qw("bookmarkStart") else "end", element,
                          letters))
    before: list[tuple[str, Any]] = []
    after: list[tuple[str, Any]] = []
    for kind, element, preceding in sorted(found, key=lambda f: f[0] != "end"):
        if kind == "start":
            (before if preceding < letters or not letters else after).append((kind, element))
        else:
            (after if preceding or not letters else before).append((kind, element))
    return before, after


def _tokens(body: Any) -> list[tuple[str, Any]]:
    # Bookmarks in document order around the paragraphs (see `_around`).
    tokens: list[tuple[str, Any]] = []
    for element in body.iter(qw("p"), qw("bookmarkStart"), qw("bookmarkEnd")):
        if element.tag == qw("p"):
            if next(element.iterancestors(qw("p")), None) is not None:
                continue
            before, after = _around(element)
            tokens += [*before, ("p", element), *after]
        elif next(element.iterancestors(qw("p")), None) is None:
            tokens.append(("start" if element.tag == qw("bookmarkStart") else "end", element))
    return tokens


def owners_by_bookmarks(body: Any, kinds: dict[str, str]) -> list[tuple[Any, str | None]]:
    """Each body paragraph with the mark it belongs to (`added_<n>` for a section the
    file adds; None before the first mark)."""
    # A paragraph belongs to the mark open at it; one outside every mark to the mark
    # before it (Word puts a paragraph typed after a section's last one there), unless it
    # is a heading: then it begins a section the file adds.
    open_marks: dict[str, str] = {}
    owners: list[tuple[Any, str | None]] = []
    last: str | None = None
    added = 0
    for what, element in _tokens(body):
        name = element.get(qw("name"), "") if what == "start" else ""
        if what == "start" and name.startswith(PREFIX):
            open_marks[element.get(qw("id"), "")] = name.removeprefix(PREFIX)
        elif what == "end" and element.get(qw("id"), "") in open_marks:
            last = open_marks.pop(element.get(qw("id"), ""))
        elif what == "p":
            if open_marks:
                last = list(open_marks.values())[-1]
            elif kind_of(element, kinds) in ("heading1", "heading2"):
                added += 1
                last = f"added_{added}"
            owners.append((element, last))
    return owners


def owners_by_text(body: Any, kinds: dict[str, str],
                   marks: list[Mark]) -> list[tuple[Any, str | None]]:
    """As `owners_by_bookmarks`, for a file without them: matched by heading and text."""
    # A file that lost its bookmarks (pasted into a fresh document): the record's
    # paragraphs aligned with the file's, headings first among equals.
    paragraphs = [p for p in body.iter(qw("p"))
                  if next(p.iterancestors(qw("p")), None) is None]
    want = [(mark.name, text) for mark in marks for text in mark.texts]
    texts = [paragraph_text(p) for p in paragraphs]
    match = difflib.SequenceMatcher(None, [t for _, t in want], texts, autojunk=False)
    known: dict[int, str] = {}
    for block in match.get_matching_blocks():
        for offset in range(block.size):
            known[block.b + offset] = want[block.a + offset][0]
    owners: list[tuple[Any, str | None]] = []
    last, added = None, 0
    for index, paragraph in enumerate(paragraphs):
        if index in known:
            last = known[index]
        elif kind_of(paragraph, kinds) in ("heading1", "heading2"):
            added += 1
            last = f"added_{added}"
        owners.append((paragraph, last))
    return owners
