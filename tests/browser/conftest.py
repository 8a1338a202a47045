"""A real `streamlit run` on localhost and headless Chromium driven by Playwright."""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.conftest import SHIPPED

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
#: Screenshots of each page, for a reviewer to look at (named in the README).
SCREENSHOTS = ROOT / "screenshots"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--disable-quic",
                 "--no-first-run"]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_healthy(url: str, process: subprocess.Popen[bytes], timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"streamlit exited with {process.returncode}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=1) as reply:
                if reply.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError("streamlit did not become healthy in time")


@pytest.fixture(scope="module")
def browser_library(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A writable copy of the shipped library for the app under test, one per test module:
    the tests of a module work on different events, so that one server serves them all."""
    target = tmp_path_factory.mktemp("browser") / "events"
    shutil.copytree(SHIPPED, target)
    return target


@contextlib.contextmanager
def serving(library: Path, *, port: int | None = None, cwd: Path = ROOT) -> Iterator[str]:
    """A real app server on the loopback address serving `library`, its URL while it runs;
    `cwd` is where Streamlit looks for `.streamlit/secrets.toml`."""
    port = port or _free_port()
    env = {**os.environ, "PLANNER_LIBRARY": str(library)}
    command = [sys.executable, "-m", "streamlit", "run", str(ROOT / "streamlit_app.py"),
               "--server.headless", "true", "--server.port", str(port),
               "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false",
               "--server.fileWatcherType", "none"]
    process = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_healthy(url, process)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture(scope="module")
def app_url(browser_library: Path) -> Iterator[str]:
    """The URL of a real app server on a free localhost port, serving `browser_library`."""
    with serving(browser_library) as url:
        yield url


@pytest.fixture(scope="module")
def browser(app_url: str) -> Iterator[object]:
    """Debian's /usr/bin/chromium, headless, driven by Playwright."""
    if not CHROMIUM.exists():
        pytest.skip("Debian chromium is not installed (make test installs it as root)")
    from playwright.sync_api import expect, sync_playwright  # noqa: PLC0415 -- slow import

    # Assertions wait as long as actions do: on a loaded CI machine a rerun can take a few
    # seconds (speed is measured in bench/, not here).
    expect.set_options(timeout=20_000)
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def open_page(browser: object, app_url: str) -> Iterator[Callable[..., object]]:
    """Open a page on the app (at `path`, e.g. `concept-note?event=dakar-2008`) in a browser
    context of its own, so a session of its own: call it twice for two people at once."""
    contexts = []

    def opened(path: str = "") -> object:
        context = browser.new_context(viewport={"width": 1400, "height": 1000},  # type: ignore[attr-defined]
                                      accept_downloads=True)
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(20_000)
        page.goto(f"{app_url}/{path}")
        return page

    yield opened
    for context in contexts:
        context.close()


@pytest.fixture
def page(open_page: Callable[..., object]) -> object:
    """A Chromium page opened on the app."""
    return open_page()
