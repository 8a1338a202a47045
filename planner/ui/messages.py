"""The English messages the app shows, which its catalogue translates (`app.po`): what
`tests/ui/test_app_language.py` holds the catalogue to, and what a translator starts from."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from planner.event.new import PARTS
from planner.model.vocabulary import Labelled
from planner.network.formats import KIND_COLOURS
from planner.network.view import COLOUR_BY
from planner.ui import PAGES, phrases

__all__ = ["app_messages", "english"]

_UI = Path(__file__).resolve().parent
#: Where the pages mark words for the catalogue: `phrases.say("…")`, `N_("…")`.
_KEYWORDS = {"say": None, "N_": None}


def english() -> dict[str, Any]:
    """Every phrase of `planner.ui.phrases`, as written, by name."""
    return {name: value for name, value in vars(phrases).items() if name.isupper()}


def app_messages() -> list[str]:
    """Every English message the app shows, for its catalogue: the phrases, the words the
    pages mark, the navigation, and the domain's labels and steps the pages show."""
    from babel.messages.extract import extract_from_file  # noqa: PLC0415 -- slow import

    found: list[str] = []
    for value in english().values():
        found += list(value.values()) if isinstance(value, dict) else [value]
    for source in sorted([*_UI.glob("*.py"), _UI.parents[1] / "streamlit_app.py"]):
        found += [str(message) for _line, message, _comments, _context
                  in extract_from_file("python", source, keywords=_KEYWORDS)]
    found += [text for page in PAGES for text in (page.section, page.title)]
    found += [*PARTS, *COLOUR_BY.values(), *KIND_COLOURS]  # shown through `say`
    found += [member.label for kind in _vocabularies(Labelled) for member in kind]
    steps = (_UI.parent / "event" / "steps.py").read_text(encoding="utf-8")
    found += re.findall(r'Step\("[^"]+", "([^"]+)"\)', steps)
    compared = (_UI.parent / "library" / "compare.py").read_text(encoding="utf-8")
    found += re.findall(r'^        \("([^"]+)", ', compared, flags=re.M)  # the aspects
    return list(dict.fromkeys(found))


def _vocabularies(base: type) -> list[Any]:
    subclasses: list[type] = base.__subclasses__()
    return [kind for sub in subclasses for kind in (sub, *_vocabularies(sub))]
