"""Renderers the pages share: document lines, findings, downloads of documents and files."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Unpack

import streamlit as st

from planner.documents import DocumentOptions, find_soffice, render_document
from planner.documents.pdf import convert_docx_to_pdf
from planner.errors import Finding
from planner.model import Event, Registry
from planner.ui import phrases

__all__ = ["LAST_DAY", "MIME", "download", "download_document", "show_findings", "show_lines"]

#: The latest date the date inputs offer.
LAST_DAY = dt.date(2100, 12, 31)

MIME = {"docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "pdf": "application/pdf", "csv": "text/csv", "json": "application/json",
        "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "ics": "text/calendar", "xml": "application/xml", "gexf": "application/xml",
        "graphml": "application/xml", "png": "image/png", "svg": "image/svg+xml"}

#: How each paragraph style of a document context reads in Markdown.
_MARKDOWN = {"heading2": "\n#### {}\n", "heading3": "\n##### {}\n", "text": "\n{}\n",
             "number": "1. {}", "bullet": "- {}", "bullet2": "    - {}", "strong": "\n**{}**\n",
             "placeholder": "\n*{}*\n", "item": "- {}", "item2": "    - {}"}


def _escaped(text: str) -> str:
    # Prose from the sources holds `$` and `*`; Markdown must print them as typed.
    return text.replace("\\", "\\\\").replace("$", "\\$").replace("*", "\\*").replace("\t", " ")


def show_lines(lines: list[dict[str, str]]) -> None:
    """Paragraphs of a document context (`style`, `text`) as Markdown."""
    st.markdown("\n".join(_MARKDOWN.get(entry["style"], "\n{}\n").format(
        _escaped(entry["text"])) for entry in lines).strip())


def show_findings(findings: list[Finding], *, empty: str) -> None:
    """The warnings of a check as a table, or `empty` when there are none."""
    if not findings:
        st.success(empty)
        return
    # The sentence first and wide: it is what the organiser reads; the rule's slug
    # and the item's id are there to sort and filter by.
    st.dataframe([finding.to_dict() for finding in findings], hide_index=True,
                 column_order=("message", "kind", "ref"),
                 column_config={"message": st.column_config.TextColumn(phrases.say("Finding"),
                                                                       width="large"),
                                "kind": st.column_config.TextColumn(phrases.say("Rule")),
                                "ref": st.column_config.TextColumn(phrases.say("Item"))})


def download(label: str, data: Callable[[], bytes], *, file_name: str, key: str) -> None:
    """A download button whose file is made when it is clicked, not on every rerun."""
    st.download_button(label, data=data, file_name=file_name, key=key, on_click="ignore",
                       mime=MIME.get(file_name.rsplit(".", 1)[-1], "application/octet-stream"),
                       icon=":material/download:")


def download_document(kind: str, event: Event, registry: Registry, *, key: str,
                      file_name: str | None = None,
                      **options: Unpack[DocumentOptions]) -> None:
    """Buttons for one document of `event` as .docx and, where LibreOffice is, as PDF."""
    name = file_name or f"{event.id}-{kind}"

    def docx() -> bytes:
        return render_document(kind, event, registry=registry, **options)

    left, right = st.columns(2)
    with left:
        download(phrases.DOWNLOAD_DOCX, docx, file_name=f"{name}.docx", key=f"{key}-docx")
    if find_soffice() is not None:
        with right:
            download(phrases.DOWNLOAD_PDF, lambda: convert_docx_to_pdf(docx(), name=name),
                     file_name=f"{name}.pdf", key=f"{key}-pdf")
