"""A document in another language: the template's own words translated, Arabic set right
to left.

One template per kind serves every language: its fixed words ("Time", "Chair: {{ … }}")
are looked up in the catalogue as they stand in the template, placeholders and all, and
the translated template is kept per language. Right-to-left is set on the rendered file,
so that paragraphs and tables the context adds are turned as well.
"""

from __future__ import annotations

import html
import io
import re
import zipfile
from functools import cache
from pathlib import Path

from lxml import etree

from planner.language import _, using

__all__ = ["CJK_FONT", "RTL_FONT", "east_asian", "localised_template", "right_to_left",
           "set_fonts", "template_words"]

_TEXT = re.compile(r"(<w:t(?: [^>]*)?>)([^<]*)(</w:t>)")
_PARTS = re.compile(r"^word/(document|header\d*|footer\d*)\.xml$")
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#: A font with Arabic letters that LibreOffice and Word both have (DejaVu Sans ships with
#: LibreOffice; Word falls back to Arial, which has Arabic too).
RTL_FONT = "DejaVu Sans"
#: A font with Chinese characters (Debian's fonts-noto-cjk, which the Makefile installs;
#: Word without it takes its own East Asian font).
CJK_FONT = "Noto Sans CJK SC"


def _w(tag: str) -> str:
    return f"{{{_W}}}{tag}"


def _is_words(text: str) -> bool:
    # A tag paragraph ({%p for … %}) or a bare variable is not wording.
    bare = re.sub(r"\{\{.*?\}\}|\{%.*?%\}", "", text)
    return not text.lstrip().startswith("{%") and any(c.isalpha() for c in bare)


def template_words(data: bytes) -> list[str]:
    """The fixed wording of a template, as the catalogue's messages spell it."""
    words: list[str] = []
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        for name in package.namelist():
            if _PARTS.match(name):
                xml = package.read(name).decode("utf-8")
                words += [html.unescape(m[2]) for m in _TEXT.finditer(xml)
                          if _is_words(html.unescape(m[2]))]
    return list(dict.fromkeys(words))


def _translate(xml: str) -> str:
    def one(match: re.Match[str]) -> str:
        text = html.unescape(match[2])
        if not _is_words(text):
            return match[0]
        return f"{match[1]}{html.escape(_(text), quote=False)}{match[3]}"
    return _TEXT.sub(one, xml)


def _rewrite(data: bytes, change: dict[str, object]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info)
            for pattern, how in change.items():
                if re.match(pattern, info.filename):
                    content = how(content)  # type: ignore[operator]
            target.writestr(info, content)
    return out.getvalue()


@cache
def localised_template(path: Path, code: str) -> bytes:
    """The shipped template at `path` with its own words in language `code`."""
    with using(code):
        return _rewrite(path.read_bytes(), {_PARTS.pattern: lambda xml: _translate(
            xml.decode("utf-8")).encode("utf-8")})


#: Children of w:pPr and w:tblPr that come before w:bidi / w:bidiVisual (the schema's
#: order: Word refuses a file whose elements are out of it).
_BEFORE_BIDI = {"pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr",
                "widowControl", "numPr", "suppressLineNumbers", "pBdr", "shd", "tabs",
                "suppressAutoHyphens", "kinsoku", "wordWrap", "overflowPunct",
                "topLinePunct", "autoSpaceDE", "autoSpaceDN"}
_BEFORE_BIDI_VISUAL = {"tblStyle", "tblpPr", "tblOverlap"}
_AFTER_RTL = {"cs", "em", "lang", "eastAsianLayout", "specVanish", "oMath"}


def _first_child(parent: etree._Element, tag: str) -> etree._Element:
    found = parent.find(_w(tag))
    if found is None:
        found = etree.Element(_w(tag))
        parent.insert(0, found)
    return found


def _insert(parent: etree._Element, tag: str, before: set[str]) -> None:
    if parent.find(_w(tag)) is not None:
        return
    position = sum(1 for child in parent if etree.QName(child).localname in before)
    parent.insert(position, etree.Element(_w(tag)))


def _turn_body(xml: bytes) -> bytes:
    root = etree.fromstring(xml)
    for paragraph in root.iter(_w("p")):
        _insert(_first_child(paragraph, "pPr"), "bidi", _BEFORE_BIDI)
    for table in root.iter(_w("tbl")):
        _insert(_first_child(table, "tblPr"), "bidiVisual", _BEFORE_BIDI_VISUAL)
    for run in root.iter(_w("r")):
        properties = _first_child(run, "rPr")
        if properties.find(_w("rtl")) is None:  # numbers and punctuation read right to left
            later = [i for i, child in enumerate(properties)
                     if etree.QName(child).localname in _AFTER_RTL]
            properties.insert(later[0] if later else len(properties), etree.Element(_w("rtl")))
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8",
                                standalone=True))


def set_fonts(root: etree._Element, **fonts: str) -> None:
    """Name fonts in every run property of a styles part (`cs="…"` for complex scripts,
    `eastAsia="…"` for Chinese…), in place, leaving the other fonts as they are."""
    for properties in root.iter(_w("rPr")):
        element = properties.find(_w("rFonts"))
        if element is None:
            element = etree.Element(_w("rFonts"))
            properties.insert(int(properties.find(_w("rStyle")) is not None), element)
        for script, font in fonts.items():
            element.set(_w(script), font)


def _turn_styles(xml: bytes) -> bytes:
    # Arabic is a complex script: Word and LibreOffice take its font from `w:cs`.
    root = etree.fromstring(xml)
    set_fonts(root, cs=RTL_FONT, ascii=RTL_FONT, hAnsi=RTL_FONT)
    for properties in root.iter(_w("pPr")):
        _insert(properties, "bidi", _BEFORE_BIDI)
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8",
                                standalone=True))


def right_to_left(data: bytes) -> bytes:
    """A rendered .docx set right to left: every paragraph (w:bidi) and table
    (w:bidiVisual), runs marked right-to-left, and a font that has Arabic."""
    return _rewrite(data, {_PARTS.pattern: _turn_body, r"^word/styles\.xml$": _turn_styles})


def _cjk_styles(xml: bytes) -> bytes:
    # Chinese takes its font from w:eastAsia; Latin text (names, [EN] text) keeps its own.
    root = etree.fromstring(xml)
    set_fonts(root, eastAsia=CJK_FONT)
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8",
                                standalone=True))


def east_asian(data: bytes) -> bytes:
    """A rendered .docx whose styles name a font that has Chinese characters."""
    return _rewrite(data, {r"^word/styles\.xml$": _cjk_styles})
