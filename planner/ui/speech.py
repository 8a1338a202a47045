"""The app's own words in the organiser's language: `phrases.X` read through the app's
catalogue (`planner/locale/<lang>/LC_MESSAGES/app.po`, gettext domain `app`).

The sentences stay English constants in `planner.ui.phrases` (greppable, type-checked,
extracted for the catalogue); the module is made to translate each one when it is read, in
the language the app speaks for this run (`planner.language.speaking`). Words of the domain
(roles, statuses, steps) go through `say` where a page shows them: the stored values stay
English. A sentence with `{placeholders}` is translated before the page fills it in.
"""

from __future__ import annotations

import sys
import types
from collections.abc import Callable
from typing import Any

from planner.language import app_language, app_text, speaking

__all__ = ["label_of", "say", "say_all", "shown_as", "translate_module"]


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
    code = app_language()  # Streamlit may format outside the run (AppTest does)

    def label(value: Any) -> str:
        with speaking(code):
            return say(vocabulary(value).label)
    return label


def shown_as(vocabulary: Callable[[Any], Any]) -> Callable[[Any], str]:
    """How a page lists the values of `vocabulary` it always listed by value (`workshop`):
    by value in English, as before; by label in another language (a `format_func`)."""
    code = app_language()  # Streamlit may format outside the run (AppTest does)

    def shown(value: Any) -> str:
        if code == "en":
            return str(value)
        try:
            with speaking(code):  # a value of the vocabulary, or of another, or its text
                return say(getattr(value, "label", None) or vocabulary(value).label)
        except ValueError:  # a choice beside the vocabulary's, such as "any"
            return str(value)
    return shown


def say_all(table: dict[str, str]) -> dict[str, str]:
    """A table of words (column titles by column) in the app's language."""
    return {name: say(text) for name, text in table.items()}
