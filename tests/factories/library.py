"""An initiatives.yaml for the tests of the library store and of `planner validate`."""

from __future__ import annotations

from pathlib import Path

from planner.library import Library

#: One valid initiative: a national task force co-chaired by UNHCR, with a collective member.
GOOD = """\
- id: 2011-mmtf
  edition: 2011
  title: Somalia task force
  level: national
  countries: [yemen]
  actors:
    - organisation: unhcr
      role: co-chair
    - collective: over 100 NGOs
      collective_type: ngo
      role: member
"""


def write_initiatives(library: Library, text: str) -> Path:
    """Write `text` as the library's initiatives.yaml; its path."""
    path = library.path / "initiatives.yaml"
    path.write_text(text, encoding="utf-8")
    return path
