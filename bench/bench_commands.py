"""Benchmarks of the commands organisers wait for at scale, each the whole process as a
shell runs it, with the save: composing 5,000 people's groups, importing 10,000 rows.

Each run starts from the same file (restored before it), so that no run composes from
the last one's saved composition or imports into a list already imported.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from functools import cache
from pathlib import Path

from bench_participants import registration_list
from run import Span

from planner.library import DEFAULT_LIBRARY, Library
from planner.library.synthetic import make_synthetic_event

_SCRIPT = Path(sys.executable).with_name("planner")
PLANNER = [str(_SCRIPT)] if _SCRIPT.is_file() else [sys.executable, "-m", "planner"]
IMPORT_EVENT = "dar-es-salaam-2010"


@cache
def _library() -> tuple[Path, dict[str, bytes]]:
    """A copy of the shipped library with a 5,000-person event; the files to restore."""
    folder = Path(tempfile.mkdtemp(prefix="planner-bench-")) / "events"
    shutil.copytree(DEFAULT_LIBRARY, folder)
    for path in folder.iterdir():
        path.chmod(0o644)
    library = Library(folder)
    large = library.create(make_synthetic_event(participants=5000, groups=12, rounds=2,
                                                seed=0, registry=library.registry))
    dar = library.load(IMPORT_EVENT)
    library.save(dar.model_copy(update={"participants": [], "delegations": []}))
    names = (f"{large.id}.yaml", f"{IMPORT_EVENT}.yaml")
    return folder, {name: (folder / name).read_bytes() for name in names}


def _run(*args: str) -> Span:
    folder, files = _library()
    for name, data in files.items():
        (folder / name).write_bytes(data)
    env = {**os.environ, "PLANNER_LIBRARY": str(folder)}
    start = time.perf_counter()
    # S603: our own script with fixed arguments.
    subprocess.run([*PLANNER, *args], check=True, env=env,  # noqa: S603
                   stdout=subprocess.DEVNULL)
    return Span(time.perf_counter() - start)


def assign_5000() -> Span:
    """`planner groups assign` of 5,000 people in 12 groups over 2 rounds, saved."""
    return _run("groups", "assign", "synthetic-5000-0")


@cache
def _rows_file() -> Path:
    path = Path(tempfile.mkdtemp(prefix="planner-bench-")) / "registrations.csv"
    path.write_bytes(registration_list(10_000))
    return path


def import_10000() -> Span:
    """`planner participants import` of a 10,000-row Indico-style list, saved."""
    return _run("participants", "import", IMPORT_EVENT, str(_rows_file()))


TARGETS = [
    ("planner groups assign, 5,000 people, whole process with the save", assign_5000, 10000.0),
    ("planner participants import, 10,000 rows, whole process", import_10000, 5000.0),
]
