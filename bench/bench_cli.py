"""Benchmarks of the command line's start: `planner --help` and `planner list`, each the
whole process, as a shell runs it, beside the interpreter's own start.

The targets hold on a quiet machine; on a busy one every figure grows, the floor
(`python -c pass`, in the titles) with them: read the figures against it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from run import median_ms

# The `planner` script beside this interpreter, as `pip install` makes it.
_SCRIPT = Path(sys.executable).with_name("planner")
PLANNER = [str(_SCRIPT)] if _SCRIPT.is_file() else [sys.executable, "-m", "planner"]
# The shipped library, whatever the shell that runs the benchmarks has chosen.
_ENV = {k: v for k, v in os.environ.items() if k != "PLANNER_LIBRARY"}
# `planner list` keeps its rows in a memo until a file changes: the bench's own.
_CACHE = Path(tempfile.mkdtemp(prefix="planner-bench-cache-"))
_ENV["PLANNER_CACHE"] = str(_CACHE)


def _run(command: list[str]) -> None:
    # S603: our own interpreter and script, with fixed arguments.
    subprocess.run(command, check=True, env=_ENV, stdout=subprocess.DEVNULL)  # noqa: S603


def planner_help() -> None:
    """`planner --help`: click and the command modules, no library, no model."""
    _run([*PLANNER, "--help"])


def planner_list() -> None:
    """`planner list` as organisers run it again and again: the files unchanged since the
    last listing, the rows from its memo (checked against every file's content)."""
    _run([*PLANNER, "list"])


def planner_list_after_a_change() -> None:
    """`planner list` after a file changed: every event loaded, validated and listed."""
    shutil.rmtree(_CACHE, ignore_errors=True)
    _run([*PLANNER, "list"])


def python_pass() -> None:
    """The floor: the interpreter starting and stopping."""
    _run([sys.executable, "-c", "pass"])


FLOOR_MS = median_ms(python_pass)

TARGETS = [
    (f"planner --help, whole process (python -c pass: {FLOOR_MS:.0f} ms)", planner_help, 150.0),
    (f"planner list, whole process (python -c pass: {FLOOR_MS:.0f} ms)", planner_list, 250.0),
    # Not a target of the issue: the price of the first listing after an edit, shown so
    # that the memo cannot hide a slower load; held to what it costs on a quiet machine.
    ("planner list after a file changed (full load and validation)",
     planner_list_after_a_change, 700.0),
]
