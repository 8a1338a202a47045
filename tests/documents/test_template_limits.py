"""An organiser's own template (#20): every hostile or clumsy one is a one-line message,
within a time and a memory limit, never a traceback, a hang or gigabytes."""

from __future__ import annotations

import io
import time
import zipfile

import pytest
from docx import Document

from planner.documents import sandbox
from planner.documents.render import render_own_template
from planner.documents.sandbox import TemplateProblem

CONTEXT = {"title": "Regional Conference on Refugee Protection and Mixed Migration"}


def template(text: str) -> bytes:
    document = Document()
    document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def refusal(data: bytes) -> str:
    with pytest.raises(TemplateProblem) as err:
        render_own_template(data, CONTEXT, name="mine.docx")
    message = str(err.value)
    assert "\n" not in message and message.startswith("mine.docx")
    return message


@pytest.mark.parametrize(("text", "says"), [
    ("{{ 'a' * 10**9 }}", "longer than a template may make"),
    ("{{ [1] * 10**8 }}", "longer than a template may make"),
    ("{{ (9**(9**9)) > 1 }}", "larger than a template may take"),
    ("{{ 9**999999 }}", "larger than a template may take"),
    ("{{ range(10**9) | list | length }}", "Range too big"),
    ("{% include 'other.docx' %}", "cannot be rendered: no loader"),
    ("{% import 'macros' as m %}", "cannot be rendered: no loader"),
    ("{% extends 'base' %}", "cannot be rendered: no loader"),
    ("{% macro m() %}{{ m() }}{% endmacro %}{{ m() }}", "calls itself without end"),
    ("{{ '{0:%s}'.format(title) }}", "cannot be rendered: Invalid format specifier"),
    # Found by the fuzz test: an unknown test or filter failed in the check, unhandled.
    ("{{ (title is title) }}", "template syntax error in the body: No test named 'title'."),
    ("{{ title | nofilter }}", "template syntax error in the body: No filter named "
                               "'nofilter'."),
])
def test_a_hostile_expression_is_one_line(text: str, says: str) -> None:
    assert says in refusal(template(text))


def test_a_template_that_runs_too_long_is_stopped() -> None:
    # The real limits: the issue asks that every bomb ends within 10 s.
    start = time.perf_counter()
    message = refusal(template("{% for i in range(100000) %}{% for j in range(100000) %}"
                               "{% endfor %}{% endfor %}"))
    assert message == ("mine.docx: the template still ran after 10 s and was stopped; look "
                       "for loops inside loops")
    assert time.perf_counter() - start < 25  # 10 s, and a fresh process on a busy machine


def test_a_template_that_takes_too_much_memory_is_stopped() -> None:
    # Each step stays under the repetition limit; together they pass the 500 MB limit.
    text = "{% set ns = namespace(x=[]) %}{% for i in range(100000) %}" \
           "{% set ns.x = ns.x + ['a' * 999999] %}{% endfor %}"
    start = time.perf_counter()
    assert refusal(template(text)) == "mine.docx: the template needed more than 500 MB and " \
                                      "was stopped"
    assert time.perf_counter() - start < 25


def test_a_large_template_is_refused_unread() -> None:
    message = refusal(b"PK\x03\x04" + b"\0" * (sandbox.MAX_TEMPLATE_BYTES + 1))
    assert "templates are limited to 10 MB" in message


def test_a_zip_bomb_is_refused_before_it_unpacks() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(template("{{ title }}"))) as source, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as bomb:
        for part in source.infolist():
            bomb.writestr(part, source.read(part))
        bomb.writestr("word/media/padding.bin", b"\0" * (sandbox.MAX_UNPACKED_BYTES + 1))
    assert len(out.getvalue()) < 1_000_000
    assert "unpacks to 51 MB; at most 50 MB are read" in refusal(out.getvalue())


@pytest.mark.parametrize("declaration", [
    '<!DOCTYPE w [<!ENTITY x SYSTEM "file:///etc/passwd">]>',
    '<!DOCTYPE w [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>',
])
def test_a_dtd_is_refused(declaration: str) -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(template("{{ title }}"))) as source, \
            zipfile.ZipFile(out, "w") as hostile:
        for part in source.infolist():
            data = source.read(part)
            if part.filename == "word/document.xml":
                data = data.replace(b"?>", b"?>" + declaration.encode(), 1)
            hostile.writestr(part, data)
    assert "word/document.xml declares a DTD or entities" in refusal(out.getvalue())


def test_a_fair_template_renders() -> None:
    data = render_own_template(template("{{ title }}"), CONTEXT, name="mine.docx")
    text = "\n".join(p.text for p in Document(io.BytesIO(data)).paragraphs)
    assert CONTEXT["title"] in text
