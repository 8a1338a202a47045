"""Editing a rendered .docx the way Word writes its edits: runs rewritten, paragraphs added
and deleted, tracked insertions and deletions, comments, and the last editor's name."""

from __future__ import annotations

import copy
import io
import zipfile
from typing import Any

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_COMMENTS_TYPE = ("http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
                  "comments")
_COMMENTS_CONTENT = ("application/vnd.openxmlformats-officedocument.wordprocessingml."
                     "comments+xml")
_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
_TYPES = "http://schemas.openxmlformats.org/package/2006/content-types"
_CP = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
ANA = "Ana Pérez"
DATE = "2027-05-02T10:00:00Z"
REWRITTEN = "International migratory movements in Africa have become more complex."
ADDED = "Smuggling networks have grown since 2010."
NEW_DATES = "Dar es Salaam, United Republic of Tanzania, 8–9 September 2010"
LESSON = "The series taught us to plan follow-up first."


def q(tag: str) -> str:
    """A WordprocessingML tag."""
    return f"{{{W}}}{tag}"


def text_of(paragraph: Any) -> str:
    """A paragraph's visible text (inserted text in, deleted text out)."""
    return "".join(t.text or "" for t in paragraph.iter(q("t")))


def _run(text: str, tag: str = "t") -> Any:
    run = etree.Element(q("r"))
    element = etree.SubElement(run, q(tag))
    element.text = text
    element.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    return run


class WordFile:
    """A .docx opened for editing; `data()` writes it back."""

    def __init__(self, data: bytes) -> None:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            self.parts = {item.filename: package.read(item) for item in package.infolist()}
        self.root = etree.fromstring(self.parts["word/document.xml"])
        self.body = self.root.find(q("body"))

    def paragraph(self, starts: str) -> Any:
        """The first body paragraph whose text starts so."""
        return next(p for p in self.body.iter(q("p")) if text_of(p).startswith(starts))

    def marked(self, name: str) -> list[Any]:
        """The paragraphs of the bookmark `planner_<name>`."""
        start = next(b for b in self.body.iter(q("bookmarkStart"))
                     if b.get(q("name")) == f"planner_{name}")
        end = next(b for b in self.body.iter(q("bookmarkEnd")) if b.get(q("id")) == start.get(
            q("id")))
        paragraphs = list(self.body.iter(q("p")))
        first = paragraphs.index(next(start.iterancestors(q("p"))))
        last = paragraphs.index(next(end.iterancestors(q("p"))))
        return paragraphs[first:last + 1]

    def rewrite(self, paragraph: Any, text: str) -> None:
        """Type over a paragraph: its runs become one run of `text`, bookmarks kept."""
        runs = paragraph.findall(q("r"))
        at = paragraph.index(runs[0]) if runs else len(paragraph)
        for run in runs:
            paragraph.remove(run)
        paragraph.insert(at, _run(text))

    def add_after(self, paragraph: Any, text: str, like: Any | None = None) -> Any:
        """A new paragraph after `paragraph`, styled like `like` (default: the same)."""
        new = copy.deepcopy(like if like is not None else paragraph)
        for child in list(new):
            if child.tag != q("pPr"):
                new.remove(child)
        new.append(_run(text))
        paragraph.addnext(new)
        return new

    def delete(self, paragraphs: list[Any]) -> None:
        """Delete paragraphs, and the bookmarks in them."""
        for paragraph in paragraphs:
            paragraph.getparent().remove(paragraph)

    def track(self, paragraph: Any, old: str, new: str, author: str = ANA) -> None:
        """A tracked replacement of the paragraph's opening word `old` by `new`."""
        text = text_of(paragraph)
        assert text.startswith(old)
        self.rewrite(paragraph, text[len(old):])
        first = paragraph.find(q("r"))
        deletion = etree.Element(q("del"), {q("id"): "901", q("author"): author,
                                            q("date"): DATE})
        deletion.append(_run(old, "delText"))
        insertion = etree.Element(q("ins"), {q("id"): "902", q("author"): author,
                                             q("date"): DATE})
        insertion.append(_run(new))
        first.addprevious(deletion)
        first.addprevious(insertion)

    def comment(self, paragraph: Any, text: str, author: str = ANA) -> None:
        """A comment on the whole paragraph, with its part, relationship and content type."""
        start = etree.Element(q("commentRangeStart"), {q("id"): "0"})
        properties = paragraph.find(q("pPr"))
        paragraph.insert(0 if properties is None else 1, start)
        paragraph.append(etree.Element(q("commentRangeEnd"), {q("id"): "0"}))
        reference = etree.SubElement(paragraph, q("r"))
        etree.SubElement(reference, q("commentReference"), {q("id"): "0"})
        comments = etree.Element(q("comments"), nsmap={"w": W})
        note = etree.SubElement(comments, q("comment"), {q("id"): "0", q("author"): author,
                                                         q("date"): DATE, q("initials"): "AP"})
        etree.SubElement(note, q("p")).append(_run(text))
        self.parts["word/comments.xml"] = etree.tostring(comments, xml_declaration=True,
                                                         encoding="UTF-8", standalone=True)
        rels = etree.fromstring(self.parts["word/_rels/document.xml.rels"])
        etree.SubElement(rels, f"{{{_RELS}}}Relationship", {
            "Id": "rIdComments", "Type": _COMMENTS_TYPE, "Target": "comments.xml"})
        self.parts["word/_rels/document.xml.rels"] = etree.tostring(rels)
        types = etree.fromstring(self.parts["[Content_Types].xml"])
        etree.SubElement(types, f"{{{_TYPES}}}Override", {
            "PartName": "/word/comments.xml", "ContentType": _COMMENTS_CONTENT})
        self.parts["[Content_Types].xml"] = etree.tostring(types)

    def saved_by(self, name: str) -> None:
        """Word records who saved the file last."""
        core = etree.fromstring(self.parts["docProps/core.xml"])
        core.find(f"{{{_CP}}}lastModifiedBy").text = name
        self.parts["docProps/core.xml"] = etree.tostring(core)

    def data(self) -> bytes:
        """The edited file."""
        self.parts["word/document.xml"] = etree.tostring(self.root, xml_declaration=True,
                                                         encoding="UTF-8", standalone=True)
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
            for name, data in self.parts.items():
                package.writestr(name, data)
        return out.getvalue()


def edit_like_word(data: bytes) -> bytes:
    """Dar es Salaam's concept note as the co-organiser sends it back: a paragraph
    rewritten, one added, the methodology deleted, a tracked replacement by Ana Pérez, a
    comment, the dates changed, a section added, and Word's last editor set."""
    doc = WordFile(data)
    doc.rewrite(doc.marked("section_2")[1], REWRITTEN)
    doc.add_after(doc.marked("section_3")[1], ADDED)
    doc.delete(doc.marked("section_6"))
    doc.track(doc.marked("section_4")[2], "Increase", "Deepen")
    doc.comment(doc.marked("section_1")[1], "Please check the dates.")
    doc.rewrite(doc.marked("part_dates")[0], NEW_DATES)
    heading, text = doc.marked("section_7")[:2]
    new = doc.add_after(doc.marked("part_participants")[-1], "Lessons learned", like=heading)
    doc.add_after(new, LESSON, like=text)
    doc.saved_by(ANA)
    return doc.data()
