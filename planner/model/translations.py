"""Organisers' text in other languages: an optional `translations` mapping on a record.

A record keeps its text in English (as the library's sources print it) and may carry
`translations: {fr: {title: …}}` for the fields organisers write; a list field (a concept
note section's `items`) is translated as a list in the same order (`items: [… , …]`). A
file without the key reads as before, so every existing event file stays valid and
unchanged.
"""

from __future__ import annotations

from typing import Any, ClassVar, get_origin

from pydantic import Field, field_validator

from planner.model.base import Model

__all__ = ["UN_LANGUAGES", "Translatable", "language_code"]

#: The six official languages of the United Nations, by ISO 639-1 code.
UN_LANGUAGES = {"ar": "Arabic", "zh": "Chinese", "en": "English", "fr": "French",
                "ru": "Russian", "es": "Spanish"}
_BY_NAME = {name.lower(): code for code, name in UN_LANGUAGES.items()}


def language_code(value: str) -> str | None:
    """The ISO 639-1 code of a UN language given by code or English name, else None.

    Examples
    --------
    >>> language_code("fr"), language_code("French"), language_code("Swahili")
    ('fr', 'fr', None)
    """
    value = value.strip().lower()
    return value if value in UN_LANGUAGES else _BY_NAME.get(value)


class Translatable(Model):
    """A record whose organiser-written fields (`TRANSLATED`) may carry translations."""

    TRANSLATED: ClassVar[tuple[str, ...]] = ()
    translations: dict[str, dict[str, str | list[str]]] = Field(default_factory=dict)
    """Per language code (`fr`), the record's text fields in that language (a list field
    as a list, item by item in the same order)."""

    @field_validator("translations")
    @classmethod
    def _known(cls, value: dict[str, dict[str, str | list[str]]]
               ) -> dict[str, dict[str, str | list[str]]]:
        for code, fields in value.items():
            if code not in UN_LANGUAGES or code == "en":
                raise ValueError(f"'{code}' is not a language to translate into "
                                 f"(one of {', '.join(c for c in UN_LANGUAGES if c != 'en')})")
            unknown = sorted(set(fields) - set(cls.TRANSLATED))
            if unknown:
                raise ValueError(f"'{unknown[0]}' cannot be translated here "
                                 f"(translatable: {', '.join(cls.TRANSLATED)})")
            for name, text in fields.items():
                listed = get_origin(cls.model_fields[name].annotation) is list
                if listed != isinstance(text, list):
                    raise ValueError(f"the translation of '{name}' is "
                                     f"{'a list, item by item' if listed else 'one text'}")
        return value

    def translated(self, field: str, language: str) -> str | None:
        """The field in `language` if the organisers gave it (English: the field itself)."""
        own: Any = getattr(self, field)
        if language == "en":
            return own
        given = self.translations.get(language, {}).get(field)
        return given if isinstance(given, str) else None
