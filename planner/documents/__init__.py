"""Word paperwork from the event record: every document a view of it, nothing typed twice.

`render_document(kind, event, registry=…)` returns the .docx bytes of one
document; `render_all` every document of an event; `write_documents` puts them
on disk, with PDF copies through LibreOffice if asked.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

from planner.documents.bilingual import BILINGUAL, BILINGUAL_KINDS, combine, two_languages
from planner.documents.invitations import addressed, letter_file_name
from planner.documents.kinds import (
    DOCUMENT_KINDS,
    KINDS,
    REPORTS,
    DocumentKind,
    DocumentOptions,
)
from planner.documents.localise import east_asian, localised_template, right_to_left
from planner.documents.pdf import convert_to_pdf, find_soffice
from planner.documents.render import (
    TemplateProblem,
    check_template,
    render_own_template,
    render_template,
)
from planner.documents.wording import EMPTY, Context
from planner.documents.working_groups import pick_groups
from planner.errors import PlannerError
from planner.language import RIGHT_TO_LEFT, _, check_language, using
from planner.model import Event, Registry

#: Languages whose characters need an East Asian font.
EAST_ASIAN = frozenset({"zh"})

__all__ = [
    "BILINGUAL",
    "BILINGUAL_KINDS",
    "DOCUMENT_KINDS",
    "EMPTY",
    "KINDS",
    "REPORTS",
    "DocumentKind",
    "DocumentOptions",
    "TemplateProblem",
    "build_context",
    "check_template",
    "convert_to_pdf",
    "find_soffice",
    "render_all",
    "render_document",
    "render_invitations",
    "write_documents",
]


def build_context(kind: str, event: Event, *, registry: Registry, public: bool = False,
                  group: str | None = None, as_of: dt.date | None = None,
                  columns: Sequence[str] | None = None,
                  previous: Event | None = None, empty: str = "placeholder",
                  invitee: str | None = None, language: str = "en") -> Context:
    """What the template of `kind` reads, built from the event record.

    Examples
    --------
    >>> from planner.library import Library
    >>> library = Library.open()
    >>> context = build_context("programme", library.load("sanaa-2008"),
    ...                         registry=library.registry)
    >>> context["document"]["title"], context["event"]["dates"]
    ('Programme', '19–20 May 2008')
    """
    if kind not in DOCUMENT_KINDS:
        raise PlannerError(f"unknown document kind '{kind}' (known: {', '.join(KINDS)})")
    entry = DOCUMENT_KINDS[kind]
    if group is not None and "group" not in entry.options:
        raise PlannerError("--group applies to the working-groups document only")
    if invitee is not None and "invitee" not in entry.options:
        raise PlannerError("an invitee applies to the invitations only")
    if empty not in EMPTY:
        raise PlannerError(f"unknown choice for empty sections '{empty}' "
                           f"(known: {', '.join(EMPTY)})")
    options = DocumentOptions(public=public, group=group, as_of=as_of, columns=columns,
                              previous=previous, empty=empty, invitee=invitee)
    with using(check_language(language)):
        context = entry.build(event, registry, options)
        context["document"]["title"] = _(entry.label)
    context["document"]["language"] = language
    return context


def render_document(kind: str, event: Event, *, registry: Registry,
                    template: Path | bytes | None = None, public: bool = False,
                    group: str | None = None, as_of: dt.date | None = None,
                    columns: Sequence[str] | None = None,
                    previous: Event | None = None, empty: str = "placeholder",
                    invitee: str | None = None, language: str = "en",
                    bilingual: str | None = None) -> bytes:
    """One document of an event as .docx bytes, from the shipped template or the
    organiser's own (`template`, checked first: unknown variables are named).

    Parameters
    ----------
    kind
        One of `KINDS`.
    public
        Participant list: leave out contact details and non-consenting people; working
        groups: list only the members who consented to be listed.
    group
        Working groups only: the id of the one group to render.
    as_of
        Follow-up and progress since the last conference: the date to assess
        progress at (default: today).
    columns
        Participant list only: the columns to show (see `participant_list.COLUMNS`).
    previous
        Concept note and follow-up: the event this one follows up (its
        `previous_event`), whose progress they report.
    empty
        What a section the record leaves empty becomes: `placeholder` (the one
        bracketed placeholder) or `leave-out`.
    invitee
        Invitations only: the organisation id of the one invitee to write to.
    language
        One of the six UN languages (`planner.language.LANGUAGES`): the toolkit's wording,
        dates and the organisers' translations in it; Arabic is set right to left.
    bilingual
        Concept note and programme: `columns` (side by side) or `sequence` (one after the
        other) in the event's first two working languages, in place of `language`;
        `none` for one language; by default, as the event's `bilingual` says.

    Examples
    --------
    >>> from planner.library import Library
    >>> library = Library.open()
    >>> data = render_document("concept-note", library.load("dakar-2008"),
    ...                        registry=library.registry)
    >>> data[:2]
    b'PK'
    """
    how = event.bilingual if bilingual is None else bilingual
    if bilingual not in (None, "none") and kind not in BILINGUAL_KINDS:
        raise PlannerError(f"bilingual documents are the {' and the '.join(BILINGUAL_KINDS)} "
                           f"only, not the {kind}")
    if how not in (None, "none") and kind in BILINGUAL_KINDS:
        codes = two_languages(event.working_languages, how, event_id=event.id)
        first, second = (render_document(
            kind, event, registry=registry, template=template, as_of=as_of,
            previous=previous, empty=empty, language=code, bilingual="none") for code in codes)
        return combine(first, second, how=how,
                       right_to_left=(codes[0] in RIGHT_TO_LEFT, codes[1] in RIGHT_TO_LEFT))
    context = build_context(kind, event, registry=registry, public=public, group=group,
                            as_of=as_of, columns=columns, previous=previous, empty=empty,
                            invitee=invitee, language=language)
    entry = DOCUMENT_KINDS[kind]
    if template is None:
        shipped = entry.template if language == "en" else localised_template(
            entry.template, language)
        mark = entry.finish
        finish = None if mark is None else (lambda root: mark(root, context))
        data = render_template(shipped, context, name=f"the {kind} template", finish=finish)
    else:
        name = template.name if isinstance(template, Path) else "the template"
        data = render_own_template(template, context, name=name)
        data = entry.finish_file(data, context) if entry.finish_file else data
    if language in EAST_ASIAN:
        data = east_asian(data)
    return right_to_left(data) if language in RIGHT_TO_LEFT else data


def render_all(event: Event, *, registry: Registry, as_of: dt.date | None = None,
               previous: Event | None = None, empty: str = "placeholder",
               language: str = "en") -> dict[str, bytes]:
    """Every document of an event by file name: every kind (the invitations as the one
    document to print), the public participant list, and one working-group agenda per
    group that meets. Off English, each file name ends with the language (`-fr`)."""
    end = "" if language == "en" else f"-{language}"
    documents = {f"{event.id}-{kind}{end}.docx": render_document(
        kind, event, registry=registry, as_of=as_of, previous=previous, empty=empty,
        language=language) for kind in KINDS}
    documents[f"{event.id}-participant-list-public{end}.docx"] = render_document(
        "participant-list", event, registry=registry, public=True, language=language)
    for group in pick_groups(event, None):
        documents[f"{event.id}-working-group-{group.id}{end}.docx"] = render_document(
            "working-groups", event, registry=registry, group=group.id, language=language)
    return documents


def render_invitations(event: Event, *, registry: Registry,
                       template: Path | bytes | None = None, as_of: dt.date | None = None,
                       empty: str = "placeholder", language: str = "en") -> dict[str, bytes]:
    """The invitation letters of an event by file name: one per invitee
    (`<event>-invitation-<organisation>.docx`) and all of them in one document to print
    (`<event>-invitations.docx`)."""
    letters = {letter_file_name(event, org.id): render_document(
        "invitations", event, registry=registry, template=template, as_of=as_of,
        empty=empty, invitee=org.id, language=language) for _i, org in addressed(event, registry)}
    return letters | {f"{event.id}-invitations.docx": render_document(
        "invitations", event, registry=registry, template=template, as_of=as_of, empty=empty,
        language=language)}


def write_documents(documents: dict[str, bytes], folder: Path, *,
                    pdf: bool = False) -> list[Path]:
    """Write documents into a folder (created if need be), with PDF copies if asked;
    return every path written."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for file_name, data in documents.items():
        path = folder / Path(file_name).name  # names are ours, but never leave the folder
        path.write_bytes(data)
        written.append(path)
    return written + (convert_to_pdf(written) if pdf else [])
