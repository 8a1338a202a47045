"""Benchmarks of the app: each page's whole script (sidebar included) on a 300-participant,
12-group event, warm and as the first rerun after a save, and the time from `streamlit run`
to the first page rendered in Chromium."""

from __future__ import annotations

import datetime as dt
import logging
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

from run import Span
from streamlit.testing.v1 import AppTest

from planner.library import DEFAULT_LIBRARY, Library
from planner.library.store import dump_event
from planner.library.synthetic import make_synthetic_event
from planner.model import Event
from planner.ui import PAGES
from planner.ui.keys import KEYS, key

# Setting the session state of an AppTest from the benchmark's own thread makes Streamlit
# warn, once a value, that there is no script run context: expected here, and noise.
logging.getLogger("streamlit.runtime.scriptrunner_utils.script_run_context").disabled = True

ROOT = Path(__file__).resolve().parents[1]
TEMPLATE = "dar-es-salaam-2010"
EVENT = "bench-300"


def _sessions(event: Event) -> list[dict[str, Any]]:
    rounds = sorted({g.round for g in event.working_groups})
    plenaries = [{"id": f"plenary-{day}", "kind": "plenary", "day": day, "block": "morning",
                  "title": f"Plenary of day {day}", "room": "hall"} for day in (1, 2)]
    groups = [{"id": f"round-{r}", "kind": "working-groups", "day": r, "block": "afternoon",
               "working_groups": [g.id for g in event.working_groups if g.round == r]}
              for r in rounds]
    return plenaries + groups


def bench_event(registry: Any, template: Event) -> Event:
    """The synthetic 300-person, 12-group conference with Dar es Salaam's concept note,
    recommendations, action plan and follow-up, a programme in nine rooms, and everyone
    placed in one group per round (round robin: the solver's own benchmark times it)."""
    event = make_synthetic_event(participants=300, groups=12, rounds=2, registry=registry)
    by_round = [[g.id for g in event.working_groups if g.round == r] for r in (1, 2)]
    people = [p.model_copy(update={"working_groups": [ids[i % len(ids)] for ids in by_round]})
              for i, p in enumerate(event.participants)]
    rooms = [{"id": "hall", "name": "Hall", "capacity": 400}] + [
        {"id": f"room-{n}", "name": f"Room {n}", "capacity": 60} for n in range(1, 9)]
    data = event.model_dump(exclude_defaults=True) | {
        "id": EVENT, "end": event.start + dt.timedelta(days=1), "participants": [
            p.model_dump(exclude_defaults=True) for p in people],
        "rooms": rooms, "sessions": _sessions(event),
        "concept_note": template.concept_note.model_dump(exclude_defaults=True),
        "recommendations": [r.model_dump(exclude_defaults=True)
                            for r in template.recommendations],
        "action_plan": template.action_plan.model_dump(exclude_defaults=True),
        "follow_up": [f.model_dump(exclude_defaults=True) for f in template.follow_up]}
    return Event.model_validate(data, context={"registry": registry})


@cache
def bench_library() -> Path:
    """A copy of the shipped library with the benchmark event beside the others."""
    folder = Path(tempfile.mkdtemp(prefix="planner-bench-")) / "events"
    shutil.copytree(DEFAULT_LIBRARY, folder)
    library = Library(folder)
    event = bench_event(library.registry, library.load(TEMPLATE))
    (folder / f"{EVENT}.yaml").write_text(dump_event(event), encoding="utf-8")
    library.load(EVENT)  # it must load as the app will load it
    return folder


# The whole script of a page as the app runs it: the sidebar (library, event picker,
# unsaved forms) and then the page.
_SCRIPT = "from planner.ui import PAGES, state\nstate.sidebar()\nPAGES[{index}].render()\n"


@cache
def _app(index: int, *, composed: bool = False) -> AppTest:
    app = AppTest.from_string(_SCRIPT.format(index=index), default_timeout=60)
    app.session_state[KEYS["library_path"]] = str(bench_library())
    app.session_state[KEYS["event"]] = EVENT
    if composed:  # as after a click on "Compose the groups"
        app.session_state[key("groups_solve", EVENT)] = "latest"
    app.run()  # the first run fills the caches; the benchmark times the reruns
    if app.exception:
        raise SystemExit(f"{PAGES[index].url_path}: {app.exception[0].value}")
    return app


def rerun(index: int, *, composed: bool = False) -> Callable[[], object]:
    """One rerun of page `index` on the benchmark event, as a widget change triggers it."""
    return lambda: _app(index, composed=composed).run()


def rerun_after_save(index: int) -> Callable[[], Span]:
    """The first rerun of page `index` after the benchmark event was saved (elsewhere: in
    another tab, or by a colleague), when every cache that depends on it is stale."""
    def work() -> Span:
        app = _app(index)
        library = Library(bench_library())
        event = library.load(EVENT)
        library.save(event.model_copy(update={"title": f"Bench {event.revision}"}))
        start = time.perf_counter()
        app.run()
        return Span(time.perf_counter() - start)
    return work


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _stop(process: subprocess.Popen[bytes]) -> None:
    process.terminate()
    process.wait(timeout=10)


@cache
def _browser() -> Any:
    from playwright.sync_api import sync_playwright  # noqa: PLC0415 -- only this figure

    return sync_playwright().start().chromium.launch(
        executable_path="/usr/bin/chromium", args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync"])


def start_app() -> Span:
    """Seconds from `streamlit run` to the first page rendered in Chromium: its title
    drawn and the script run over (the browser itself is started before, untimed).

    The server is stopped in the background, so that its shutdown is not timed.
    """
    page = _browser().new_page()
    port = _free_port()
    command = [sys.executable, "-m", "streamlit", "run", str(ROOT / "streamlit_app.py"),
               "--server.headless", "true", "--server.port", str(port),
               "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false",
               "--server.fileWatcherType", "none"]
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=ROOT, env=dict(os.environ),  # noqa: S603 -- our command
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        # The server's health address answers once it listens; asking it, rather than the
        # browser, spares the figure a refused navigation's own delay in Chromium.
        while time.perf_counter() - start < 30:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health",
                                       timeout=1).close()
                break
            except OSError:
                time.sleep(0.02)
        page.goto(f"http://127.0.0.1:{port}/", timeout=30_000)
        page.get_by_role("heading", level=1).first.wait_for(timeout=30_000)
        page.wait_for_function("document.querySelector('[data-testid=stApp]')"
                               "?.dataset.testScriptState === 'notRunning'", timeout=30_000)
        return Span(time.perf_counter() - start)
    finally:
        page.close()
        threading.Thread(target=_stop, args=(process,)).start()


GROUPS = [page.url_path for page in PAGES].index("working-groups")

TARGETS = [
    *((f"app page '{page.url_path}' rerun, 300 people, 12 groups", rerun(index), 150.0)
      for index, page in enumerate(PAGES)),
    ("app page 'working-groups' rerun, composition shown", rerun(GROUPS, composed=True), 150.0),
    *((f"app page '{page.url_path}' first rerun after a save", rerun_after_save(index), 150.0)
      for index, page in enumerate(PAGES)),
    ("app: `streamlit run` to the first page rendered in Chromium", start_app, 3000.0),
]
