"""The Concept note page's read-back: the note edited in Word uploaded, each changed section
side by side (record | document) with Accept / Keep mine, then one save of those accepted."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

import streamlit as st

from planner.errors import PlannerError
from planner.model import Event
from planner.ui import forms, phrases, state
from planner.ui.state import key

if TYPE_CHECKING:
    from planner.documents.readback import Finding, Report

__all__ = ["render_readback"]


def _decisions(event: Event) -> dict[str, str]:
    return st.session_state.setdefault(f"note-decisions-{event.id}", {})


def _version(event: Event) -> int:
    return int(st.session_state.get(f"note-upload-version-{event.id}", 0))


def _side_by_side(event: Event, finding: Finding, decisions: dict[str, str]) -> None:
    section = finding.key or finding.name
    st.markdown(f"**{finding.status}: {finding.heading}** (`{section}`)")
    record, document = st.columns(2)
    record.caption(phrases.NOTE_READ_RECORD)
    record.markdown("\n\n".join(finding.record) or "—")
    document.caption(phrases.NOTE_READ_DOCUMENT)
    document.markdown("\n\n".join(finding.document) or "—")
    if finding.diff:
        st.markdown(phrases.NOTE_READ_DIFF + " " + diff_markdown(finding.diff))
    accept, keep = st.columns(2)
    if accept.button(phrases.NOTE_READ_ACCEPT, key=key("note_accept", event.id, section)):
        decisions[section] = "accept"
    if keep.button(phrases.NOTE_READ_KEEP, key=key("note_keep", event.id, section)):
        decisions[section] = "keep"
    if section in decisions:
        st.caption(phrases.NOTE_READ_CHOSEN[decisions[section]])


def diff_markdown(diff: list[tuple[str, str]]) -> str:
    """The word-level changes as Streamlit markdown: gone struck out in red, new in green."""
    from planner.documents.readback import shortened  # noqa: PLC0415 -- slow import

    def plain(text: str) -> str:  # the words must not read as markdown
        return re.sub(r"([\\`*_{}\[\]()#+\-.!|~:$<>])", r"\\\1", text)

    marks = {"=": "{}", "-": ":red[~~{}~~]", "+": ":green[**{}**]"}
    return " ".join(marks[op].format(plain(text)) for op, text in shortened(diff))


def _rejections(event: Event, report: Report) -> list[int]:
    # Each tracked change is taken with its section unless the organiser rejects it here.
    if not report.suggestions:
        return []
    st.markdown(f"**{phrases.NOTE_READ_SUGGESTIONS}**")
    rejected = []
    for number, s in enumerate(report.suggestions, 1):
        label = phrases.NOTE_READ_REJECT.format(
            kind=s.kind, text=s.text, author=s.author or "—", date=s.date[:10] or "—",
            section=s.section or "—")
        if st.checkbox(label, key=key("note_reject", event.id, _version(event), number)):
            rejected.append(number)
    return rejected


def _notes(report: Report) -> None:
    edited = [part.message for part in report.parts if part.status != "unchanged"]
    if edited:
        st.markdown(f"**{phrases.NOTE_READ_PARTS}**")
        for message in edited:
            st.warning(message)
    if report.comments:
        st.markdown(f"**{phrases.NOTE_READ_COMMENTS}**")
        st.dataframe([c.to_dict() for c in report.comments], hide_index=True)


def _take(event: Event, report: Report, file: str, *, base: int, accepted: list[str],
          then: Callable[[], None]) -> None:
    from planner.documents.readback import accept  # noqa: PLC0415 -- slow import
    from planner.library.history import saving  # noqa: PLC0415 -- slow import

    try:
        revised = accept(event, report, accepted)
    except PlannerError as err:
        st.error(str(err))
        return
    safe = file.replace("{", "(").replace("}", ")")
    message = phrases.NOTE_READ_SAVED.format(sections=", ".join(accepted), file=safe,
                                             path="{path}", revision="{revision}")
    who = f" ({report.author})" if report.author else ""
    with saving(message=f"Concept note read back from {safe}{who}: took "
                        f"{', '.join(accepted)}"):
        forms.save_event(revised.model_copy(update={"revision": base}), message=message,
                         then=then)


def render_readback(event: Event, base: int, then: Callable[[], None]) -> None:
    """Upload the edited note, decide per changed section, take the accepted ones in one
    revision-checked save (at `base`, the revision the page's form started from); `then`
    clears the page's form after the save."""
    from planner.documents.readback import read_back  # noqa: PLC0415 -- slow import

    st.subheader(phrases.NOTE_READ)
    upload = st.file_uploader(phrases.NOTE_READ_UPLOAD, type=["docx"],
                              key=key("note_upload", event.id, _version(event)))
    if upload is None:
        return
    try:
        report = read_back(event, upload.getvalue(), registry=state.library().registry,
                           name=upload.name)
    except PlannerError as err:
        st.error(str(err))
        return
    if not report.has_changes:
        st.success(phrases.NOTE_READ_SAME)
        return
    rejected = _rejections(event, report)
    if rejected:  # the sections are read from the file with those suggestions undone
        from planner.documents.revisions import reject  # noqa: PLC0415 -- slow import

        report = read_back(event, reject(upload.getvalue(), rejected),
                           registry=state.library().registry, name=upload.name)
    st.caption(phrases.NOTE_READ_BY.format(author=report.author or "—",
                                           matched=report.matched_by))
    decisions = _decisions(event)
    for finding in report.changed:
        _side_by_side(event, finding, decisions)
    _notes(report)
    accepted = [f.key for f in report.changed if f.key and decisions.get(f.key) == "accept"]

    def done() -> None:
        then()
        st.session_state.pop(f"note-decisions-{event.id}", None)
        st.session_state[f"note-upload-version-{event.id}"] = _version(event) + 1

    if st.button(phrases.NOTE_READ_TAKE, type="primary", key=key("note_take", event.id),
                 disabled=not accepted):
        _take(event, report, upload.name, base=base, accepted=accepted, then=done)
