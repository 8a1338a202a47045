"""The messages of the catalogues: what the toolkit writes in documents, found in the code
(`_("…")`, `N_("…")`), in the shipped templates and in the vocabulary documents print.

`python -m tests.documents.catalogue` lists the messages a catalogue lacks in each language.
"""

from __future__ import annotations

from pathlib import Path

from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from planner.documents import DOCUMENT_KINDS
from planner.documents.localise import template_words
from planner.language import LANGUAGES, LOCALE_DIR
from planner.model import (
    ACTION_POINTS,
    ConsultationStatus,
    EventKind,
    FollowUpStatus,
    OrganiserRoleKind,
    SessionBlock,
    SourceKind,
    StatementKind,
)
from planner.outcomes.schemes import SCHEMES

PACKAGE = Path(__file__).resolve().parents[2] / "planner"
#: The vocabularies whose labels a document prints.
PRINTED = (EventKind, OrganiserRoleKind, SessionBlock, StatementKind, FollowUpStatus,
           ConsultationStatus, SourceKind)
#: The app's own words, in its own catalogue (`app.po`, tests/ui/test_app_language.py).
APP = ("ui",)


def messages() -> list[str]:
    """Every message the documents may print, in a stable order."""
    found = [message for file, _line, message, _comments, _context in extract_from_dir(
        str(PACKAGE), method_map=[("**.py", "python")], keywords={"_": None, "N_": None})
        if isinstance(message, str) and Path(file).parts[0] not in APP]
    for entry in DOCUMENT_KINDS.values():
        found += template_words(entry.template.read_bytes())
    found += [kind.label for vocabulary in PRINTED for kind in vocabulary]
    found += [point.name for point in ACTION_POINTS.values()]
    found += [rule.heading for rules in SCHEMES.values() for rule in rules]
    return list(dict.fromkeys(found))


def translated(code: str) -> dict[str, str]:
    """The catalogue of a language as msgid → msgstr (empty where not translated)."""
    with (LOCALE_DIR / code / "LC_MESSAGES" / "planner.po").open("rb") as po:
        catalogue = read_po(po, locale=code)
    return {str(m.id): str(m.string or "") for m in catalogue if m.id}


if __name__ == "__main__":
    for code in LANGUAGES:
        if code != "en":
            have = translated(code) if (LOCALE_DIR / code).exists() else {}
            for message in messages():
                if not have.get(message):
                    print(f"{code}\t{message}")
