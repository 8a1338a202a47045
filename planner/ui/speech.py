"""The app's own words in the organiser's language: `phrases.X` read through the app's
catalogue (`planner/locale/<lang>/LC_MESSAGES/app.po`, gettext domain `app`).

The sentences stay English constants in `planner.ui.phrases` (greppable, type-checked,
extracted for the catalogue); the module is made to translate each one when it is read, in
the language the app speaks for this run (`planner.language.speaking`). Words of the domain
(roles, statuses, steps) go through `say` where a page shows them: the stored values stay
English. A sentence with `{placeholders}` is translated before the page fills it in.
"""

from __future__ import annotations

import re
import sys
import types
from collections.abc import Callable
from pathlib import Path
from typing import Any

from planner.language import app_text

__all__ = ["app_messages", "english", "label_of", "say", "say_all", "translate_module"]

_UI = Path(__file__).resolve().parent
#: Where the pages mark words for the catalogue: `phrases.say("…")`, `N_("…")`.
_KEYWORDS = {"say": None, "N_": None}


class _Translated(types.ModuleType):
    # The module itself: every constant of it (and any added later) is translated when read.
    def __getattribute__(self, name: str) -> Any:
        value = super().__getattribute__(name)
        return app_text(value) if name.isupper() else value


def translate_module(name: str) -> None:
    """Make the module `name` read its UPPER_CASE constants in the app's language."""
    sys.modules[name].__class__ = _Translated


def say(text: str) -> str:
    """A word (a label, a role, a status, a step) in the app's language."""
    return str(app_text(text))


def label_of(vocabulary: Callable[[Any], Any]) -> Callable[[Any], str]:
    """How a page shows a value of `vocabulary` (`SessionKind`…): its label, in the app's
    language (a `format_func`)."""
    return lambda value: say(vocabulary(value).label)


def say_all(table: dict[str, str]) -> dict[str, str]:
    """A table of words (column titles by column) in the app's language."""
    return {name: say(text) for name, text in table.items()}


def english() -> dict[str, Any]:
    """Every phrase of `planner.ui.phrases`, as written, by name."""
    from planner.ui import phrases  # noqa: PLC0415 -- phrases import this module

    return {name: value for name, value in vars(phrases).items() if name.isupper()}


def app_messages() -> list[str]:
    """Every English message the app shows, for its catalogue: the phrases, the words the
    pages mark, the navigation, and the domain's labels and steps the pages show."""
    from babel.messages.extract import extract_from_file  # noqa: PLC0415 -- slow import

    from planner.event.new import PARTS  # noqa: PLC0415
    from planner.model.vocabulary import Labelled  # noqa: PLC0415
    from planner.network.view import COLOUR_BY  # noqa: PLC0415
    from planner.ui import PAGES  # noqa: PLC0415 -- the pages import the phrases

    found: list[str] = []
    for value in english().values():
        found += list(value.values()) if isinstance(value, dict) else [value]
    for source in sorted([*_UI.glob("*.py"), _UI.parents[1] / "streamlit_app.py"]):
        found += [str(message) for _line, message, _comments, _context
                  in extract_from_file("python", source, keywords=_KEYWORDS)]
    found += [text for page in PAGES for text in (page.section, page.title)]
    found += [*PARTS, *COLOUR_BY.values()]  # options the pages show through `say`
    found += [member.label for kind in _vocabularies(Labelled) for member in kind]
    steps = (_UI.parent / "event" / "steps.py").read_text(encoding="utf-8")
    found += re.findall(r'Step\("[^"]+", "([^"]+)"\)', steps)
    compared = (_UI.parent / "library" / "compare.py").read_text(encoding="utf-8")
    found += re.findall(r'^        \("([^"]+)", ', compared, flags=re.M)  # the aspects
    return list(dict.fromkeys(found))


def _vocabularies(base: type) -> list[Any]:
    subclasses: list[type] = base.__subclasses__()
    return [kind for sub in subclasses for kind in (sub, *_vocabularies(sub))]
