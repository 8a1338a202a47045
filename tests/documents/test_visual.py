"""The visual check: every document of every library event, and of a new event started from
each with `planner new` (future dates, people, invitations), converted to PDF by
LibreOffice and read back page by page (see tests/documents/visual.py).

All documents convert in a few LibreOffice runs (`convert_to_pdf` batches them), once
for the module; each test then judges one event's documents.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest

from planner.documents import KINDS, convert_to_pdf, render_all, write_documents
from planner.documents.badges import BADGES_PER_SHEET
from planner.documents.working_groups import pick_groups
from planner.event.new import clone_event
from planner.library import Library
from planner.library.synthetic import make_synthetic_event
from planner.model import NOT_COMING, Event, InvitationLetters, Participant, Registry
from planner.outcomes.progress import load_previous
from tests.conftest import SHIPPED, SHIPPED_IDS
from tests.documents.visual import NEEDS_TOOLS_REASON, has_tools, problems

pytestmark = [pytest.mark.integration,
              pytest.mark.skipif(not has_tools(), reason=NEEDS_TOOLS_REASON)]

LIBRARY = Library(SHIPPED)
FUTURE = dt.date(2028, 5, 8)
AS_OF = dt.date(2028, 3, 1)
# Roles a roster needs so that every band of the badges is printed.
ROLES = {0: ["secretariat"], 1: ["interpreter"], 2: ["press"], 3: ["observer"]}


def _ascii(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z]+", "", plain.lower()) or "x"


def with_people(event: Event, registry: Registry) -> Event:
    """The event with a roster of 21 (one declined), long e-mail addresses and phones,
    the roles of every badge band, working groups one per round, and letter terms."""
    rounds: dict[int, list[str]] = {}
    for group in pick_groups(event, None):
        rounds.setdefault(group.round, []).append(group.id)
    people = []
    roster = make_synthetic_event(participants=21, groups=2, registry=registry).participants
    for index, person in enumerate(roster):
        first, last = _ascii(person.first_name or ""), _ascii(person.last_name)
        data = person.model_dump(exclude={"working_groups", "preferences", "pinned"}) | {
            "email": f"{first}.{last}@ministere-{person.organisation or 'x'}.gov.example",
            "phone": f"+254 20 {index:03d} 4567", "position": "Director of Migration Affairs",
            "working_groups": [ids[index % len(ids)] for ids in rounds.values()]}
        if index in ROLES:
            data["roles"] = ROLES[index]
        if index == 4:
            data["status"] = "declined"
        people.append(Participant.model_validate(data))
    terms = InvitationLetters(reply_by=FUTURE - dt.timedelta(weeks=8), civil_society=True,
                              contact="Ms Amina Hassan, UNHCR, hassana@unhcr.example")
    return event.model_copy(update={"participants": people, "invitation_letters": terms})


def new_event(event_id: str) -> Event:
    """The event `planner new --from EVENT` starts, in 2028, with people."""
    past = LIBRARY.load(event_id)
    new = clone_event(past, new_id=f"{event_id.split('-', maxsplit=1)[0]}-2028", start=FUTURE,
                      registry=LIBRARY.registry)
    return with_people(new, LIBRARY.registry)


@pytest.fixture(scope="module")
def converted(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[tuple[Path, Path]]]:
    """Every event's documents and their PDFs, by event: library ids and `new-<id>`."""
    folder = tmp_path_factory.mktemp("visual")
    by_event: dict[str, list[Path]] = {}
    for event_id in SHIPPED_IDS:
        past = LIBRARY.load(event_id)
        for label, event, previous in ((event_id, past, load_previous(LIBRARY, past)),
                                       (f"new-{event_id}", new_event(event_id), past)):
            documents = render_all(event, registry=LIBRARY.registry, as_of=AS_OF,
                                   previous=previous)
            target = folder / label
            by_event[label] = write_documents(documents, target)
    convert_to_pdf([doc for docs in by_event.values() for doc in docs])
    return {label: [(doc, doc.with_suffix(".pdf")) for doc in docs]
            for label, docs in by_event.items()}


@pytest.mark.parametrize("label", [*SHIPPED_IDS, *(f"new-{i}" for i in SHIPPED_IDS)])
def test_every_document_can_go_out_as_it_is(label: str,
                                            converted: dict[str, list[tuple[Path, Path]]]
                                            ) -> None:
    found = [problem for docx, pdf in converted[label]
             for problem in problems(docx, pdf, rows="-badges" not in docx.name)]
    assert found == []


def test_every_kind_is_checked(converted: dict[str, list[tuple[Path, Path]]]) -> None:
    names = [docx.name for docx, _ in converted["new-dar-es-salaam-2010"]]
    assert [k for k in KINDS if f"dar-2028-{k}.docx" not in names] == []


def _pdf_pages(pdf: Path) -> list[str]:
    program = shutil.which("pdftotext") or "pdftotext"
    text = subprocess.run([program, "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    return [" ".join(page.split()) for page in text.split("\f") if page.strip()]


def test_badges_one_per_person_still_coming_eight_to_a_page(
        converted: dict[str, list[tuple[Path, Path]]]) -> None:
    event = new_event("almaty-2011")
    coming = [p.name for p in event.participants if p.status not in NOT_COMING]
    declined = [p.name for p in event.participants if p.status in NOT_COMING]
    pdf = dict((d.name, p) for d, p in converted["new-almaty-2011"])["almaty-2028-badges.docx"]
    pages = _pdf_pages(pdf)
    bands = [re.findall(r"\b(DELEGATE|OBSERVER|ORGANISER|PRESS|INTERPRETER)\b", page)
             for page in pages]
    assert (len(coming), [len(b) for b in bands]) == (20, [BADGES_PER_SHEET] * 2 + [4])
    assert {band for page in bands for band in page} == {
        "DELEGATE", "OBSERVER", "ORGANISER", "PRESS", "INTERPRETER"}
    everything = " ".join(pages)
    assert [n for n in coming if n not in everything] == []
    assert [n for n in declined if n not in coming and n in everything] == []
