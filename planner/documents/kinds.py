"""The document kinds: one table of what each is called, its template and what it reads.

Adding a kind is one row here, one context builder in this package and one template
built by `templates/build.py`; the CLI's `render KIND`, the app's Documents page and
`render_all` read this table.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypedDict

from planner.documents.badges import badges_context
from planner.documents.concept_note import concept_note_context
from planner.documents.follow_up import follow_up_context
from planner.documents.invitations import invitations_context
from planner.documents.marks import bookmark_sections, mark_sections
from planner.documents.outcomes import action_plan_context, summary_report_context
from planner.documents.participant_list import participant_list_context
from planner.documents.programme import programme_context
from planner.documents.render import TEMPLATE_DIR
from planner.documents.wording import Context
from planner.documents.working_groups import working_groups_context
from planner.language import N_
from planner.model import Event, Registry

__all__ = ["DOCUMENT_KINDS", "KINDS", "REPORTS", "DocumentKind", "DocumentOptions"]


class DocumentOptions(TypedDict, total=False):
    """The options of `render_document` beyond kind, event and registry, to pass on as `**`."""

    public: bool
    group: str | None
    as_of: dt.date | None
    columns: Sequence[str] | None
    previous: Event | None
    #: What to do with a section the record leaves empty: "placeholder" or "leave-out".
    empty: str
    #: Invitations: the one invitee (organisation id) to write to.
    invitee: str | None
    #: One of the six UN languages (`planner.language.LANGUAGES`); English by default.
    language: str


Builder = Callable[[Event, Registry, DocumentOptions], Context]


@dataclass(frozen=True)
class DocumentKind:
    """One kind of document: its name on the command line, its title, its template and the
    function that builds what the template reads from the event record."""

    kind: str
    label: str
    build: Builder
    #: The options of `DocumentOptions` this kind reads beyond `as_of` and `previous`.
    options: frozenset[str] = frozenset()
    #: Letters and badge sheets: no title block nor footer, they are not read as a report.
    sheet: bool = False
    #: What is done to the rendered document element (`w:document`) before it is written,
    #: with the context it was rendered from (the concept note marks its sections, so that
    #: it can be read back after editing)…
    finish: Callable[[Any, Context], None] | None = None
    #: …and the same done to a file rendered elsewhere (an organiser's own template).
    finish_file: Callable[[bytes, Context], bytes] | None = None
    #: Names everyone coming, whatever their consent (badges): for editors and owners only,
    #: never among a viewer's public documents.
    personal: bool = False

    @property
    def template(self) -> Path:
        """The shipped template, built by templates/build.py."""
        return TEMPLATE_DIR / f"{self.kind}.docx"


def _concept_note(event: Event, registry: Registry, options: DocumentOptions) -> Context:
    return concept_note_context(event, registry=registry, previous=options.get("previous"),
                                as_of=options.get("as_of"),
                                empty=options.get("empty", "placeholder"))


def _participant_list(event: Event, registry: Registry, options: DocumentOptions) -> Context:
    return participant_list_context(event, registry=registry,
                                    public=options.get("public", False),
                                    columns=options.get("columns"))


def _invitations(event: Event, registry: Registry, options: DocumentOptions) -> Context:
    return invitations_context(event, registry=registry, invitee=options.get("invitee"),
                               as_of=options.get("as_of"),
                               empty=options.get("empty", "placeholder"))


def _follow_up(event: Event, registry: Registry, options: DocumentOptions) -> Context:
    return follow_up_context(event, registry=registry,
                             as_of=options.get("as_of") or dt.date.today(),
                             previous=options.get("previous"))


#: Every kind, in the order an organiser produces them.
DOCUMENT_KINDS: dict[str, DocumentKind] = {k.kind: k for k in (
    DocumentKind("concept-note", N_("Concept note"), _concept_note,
                 finish=bookmark_sections, finish_file=mark_sections),
    DocumentKind("programme", N_("Programme"),
                 lambda event, registry, _: programme_context(event, registry=registry)),
    DocumentKind("participant-list", N_("List of participants"), _participant_list,
                 options=frozenset({"public", "columns"})),
    DocumentKind("working-groups", N_("Working groups: agendas and guidance notes"),
                 lambda event, registry, options: working_groups_context(
                     event, registry=registry, group=options.get("group"),
                     public=options.get("public", False)),
                 options=frozenset({"group", "public"})),
    DocumentKind("action-plan", N_("Action plan"),
                 lambda event, registry, _: action_plan_context(event, registry=registry)),
    DocumentKind("summary-report", N_("Summary report"),
                 lambda event, registry, options: summary_report_context(
                     event, registry=registry, empty=options.get("empty", "placeholder"))),
    DocumentKind("follow-up", N_("Follow-up report"), _follow_up),
    DocumentKind("invitations", N_("Invitation letters"), _invitations,
                 options=frozenset({"invitee"}), sheet=True),
    DocumentKind("badges", N_("Name badges"),
                 lambda event, registry, _: badges_context(event, registry=registry),
                 sheet=True, personal=True),
)}

#: The kinds' names, as `planner render KIND` takes them.
KINDS = tuple(DOCUMENT_KINDS)
#: The kinds that open with the title block (title, document, place and dates).
REPORTS = tuple(kind for kind, entry in DOCUMENT_KINDS.items() if not entry.sheet)
