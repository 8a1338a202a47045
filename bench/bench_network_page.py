"""Benchmark of the Network page in a real browser: from a click on "Network" in the menu
to the map drawn with its names and the page's script finished, on the shipped library.

A real `streamlit run` on a free localhost port and Debian's headless Chromium, as the
browser tests start them. The warm-up visit lays the library's network out once, as the
first organiser to open the page after a change does; the figure is the visits after it.
"""

from __future__ import annotations

import atexit
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Any

from playwright.sync_api import expect, sync_playwright
from run import Span

from planner.library import Library

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run"]


def _server() -> str:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    folder = Path(tempfile.mkdtemp(prefix="bench-page-")) / "events"
    shutil.copytree(Library.open().path, folder)
    # S603: the command is this interpreter running streamlit on our own script.
    process = subprocess.Popen(  # noqa: S603
        [sys.executable, "-m", "streamlit", "run", str(ROOT / "streamlit_app.py"),
         "--server.headless", "true", "--server.port", str(port), "--server.address",
         "127.0.0.1", "--browser.gatherUsageStats", "false", "--server.fileWatcherType",
         "none"], cwd=ROOT, env={**os.environ, "PLANNER_LIBRARY": str(folder)},
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    atexit.register(process.terminate)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=1):  # noqa: S310
                return url
        except OSError:
            time.sleep(0.2)
    raise SystemExit("streamlit did not start for the page benchmark")


_URL = _server()
_PLAYWRIGHT = sync_playwright().start()
_BROWSER = _PLAYWRIGHT.chromium.launch(executable_path=CHROMIUM, args=ARGS)
atexit.register(_PLAYWRIGHT.stop)
atexit.register(_BROWSER.close)
_PAGE: Any = _BROWSER.new_page(viewport={"width": 1400, "height": 1000})
_PAGE.goto(_URL)
expect(_PAGE.get_by_test_id("stApp")).to_have_attribute(
    "data-test-script-state", "notRunning", timeout=60_000)


def _link(name: str) -> Any:
    menu = _PAGE.get_by_test_id("stSidebarNav")
    more = menu.get_by_text(re.compile(r"^View \d+ more$"))
    if more.count():  # a long menu folds its last pages away
        more.click()
    return menu.get_by_role("link", name=name, exact=True)


def network_page_ready() -> Span:
    """Open the Network page from the Library page; the span from the click to the named
    map drawn and the script run over (the tables, the comparison and the downloads)."""
    _link("Library").click()
    expect(_PAGE.get_by_role("heading", name="Library of past events")).to_be_visible()
    expect(_PAGE.get_by_test_id("stApp")).to_have_attribute("data-test-script-state",
                                                            "notRunning", timeout=60_000)
    start = time.perf_counter()
    _link("Network").click()
    expect(_PAGE.locator(".js-plotly-plot .textpoint text").first).to_be_attached(
        timeout=60_000)
    expect(_PAGE.get_by_test_id("stApp")).to_have_attribute("data-test-script-state",
                                                            "notRunning", timeout=60_000)
    return Span(time.perf_counter() - start)


TARGETS = [
    ("network page ready in Chromium, shipped library (from the menu)", network_page_ready,
     1500.0),
]
