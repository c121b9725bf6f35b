"""Shared fixtures: whole builds in temporary folders, a local web server, Debian's Chromium."""

from __future__ import annotations

import fcntl
import functools
import http.server
import os
import shutil
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path

import jinja2
import pytest

from generator.engines.mkdocs.build import build_site
from generator.grading.secret import load_secret

ROOT = Path(__file__).resolve().parent.parent
PROJECTS = Path(__file__).resolve().parent / "projects"


def pytest_configure(config: pytest.Config) -> None:
    """Under pytest-xdist, make the shipped project's secret before the workers start (its
    trainer-graded banks make every build of it need one): no two workers then create it at the
    same moment, and every copy of the project (shipped_copy) holds the same one."""
    if config.getoption("numprocesses", None) and not hasattr(config, "workerinput"):
        load_secret(ROOT, create=True)


def build_project(project: Path, out: Path, strict: bool = True) -> Path:
    """Build a project (a folder with mkdocs.yml) into ``out`` and return it."""
    return build_site(project / "mkdocs.yml", site_dir=str(out), strict=strict)


def shipped_copy(tmp_path: Path) -> Path:
    """A copy of the shipped project (content, quizzes, docs, mkdocs.yml) to edit in a test."""
    project = tmp_path / "project"
    for name in ("content", "quizzes", "docs", ".lunxun"):  # .lunxun: the calendar ledger
        shutil.copytree(ROOT / name, project / name)
    shutil.copyfile(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    if (ROOT / ".lunxun-private").is_dir():  # the same project secret: the exam's sealed key stays the same bytes
        shutil.copytree(ROOT / ".lunxun-private", project / ".lunxun-private")
    return project


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


class _CompiledTemplates(jinja2.BytecodeCache):
    """Jinja's bytecode cache, in memory: a template's code is reused while its source is the same."""

    def __init__(self) -> None:
        self.code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self.code:
            bucket.bytecode_from_string(self.code[bucket.key])  # the bucket drops it if the source changed

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.code[bucket.key] = bucket.bytecode_to_string()


@pytest.fixture(scope="session", autouse=True)
def templates_compiled_once() -> Iterator[None]:
    """MkDocs makes a new Jinja environment for every build and so compiles Material's templates
    again each time (a third of a small project's build); the tests build small projects dozens of
    times in one process, so their builds share one bytecode cache."""
    from mkdocs.theme import Theme

    cache, plain = _CompiledTemplates(), Theme.get_env

    def get_env(theme: Theme) -> jinja2.Environment:
        env = plain(theme)
        env.bytecode_cache = cache
        return env

    Theme.get_env = get_env  # type: ignore[method-assign]
    yield
    Theme.get_env = plain  # type: ignore[method-assign]


@pytest.fixture(scope="session")
def serve():
    """Serve folders on 127.0.0.1 (a free port each); yields a function folder → base URL."""
    servers: list[http.server.ThreadingHTTPServer] = []

    def start(folder: Path) -> str:
        handler = functools.partial(_QuietHandler, directory=str(folder))
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_address[1]}/"

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def shipped_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped content, built once per test session."""
    return build_project(ROOT, tmp_path_factory.mktemp("shipped") / "site")


@pytest.fixture(scope="session")
def shipped_url(shipped_site: Path, serve) -> str:
    return serve(shipped_site)


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The small trainer's project under tests/projects/sample."""
    return build_project(PROJECTS / "sample", tmp_path_factory.mktemp("sample") / "site")


@pytest.fixture
def pristine_jieba() -> Iterator[None]:
    """Put jieba's dictionary (one per process) back as it was after a test that changes it
    the way a site's own jieba dictionary does, so later builds in this process are not
    affected."""
    import jieba
    from jieba import finalseg

    from generator.engines.mkdocs.search import segmenter

    tokenizer = jieba.dt
    tokenizer.check_initialized()
    saved = dict(tokenizer.FREQ), tokenizer.total, set(finalseg.Force_Split_Words), list(segmenter._taught)
    yield
    tokenizer.FREQ, tokenizer.total = saved[0], saved[1]
    finalseg.Force_Split_Words.clear()
    finalseg.Force_Split_Words.update(saved[2])
    segmenter._taught[:] = saved[3]  # what the next build will take back


CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium driven by Playwright (no browser download)."""
    from playwright.sync_api import sync_playwright

    executable = shutil.which("chromium")
    if executable is None:
        pytest.fail("chromium is not installed: run `make test`, which installs it")
    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=executable, headless=True, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture
def phone(browser) -> Iterator:
    """A 360×740 touch page that records every request (``requests_seen``) and script error
    (``errors_seen``; a test clears the ones it expects); any error left fails the test.
    Test modules that need another kind of phone define their own ``phone``."""
    context = browser.new_context(viewport={"width": 360, "height": 740}, locale="zh-CN", has_touch=True)
    page = context.new_page()
    page.requests_seen = []
    page.on("request", lambda request: page.requests_seen.append(request.url))
    page.errors_seen = []
    page.on("pageerror", lambda error: page.errors_seen.append(str(error)))
    yield page
    assert page.errors_seen == []
    context.close()


@pytest.fixture
def page(browser) -> Iterator:
    """A fresh phone-sized page with its own storage; records every request it makes."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="zh-CN")
    page = context.new_page()
    page.requests_seen = []  # type: ignore[attr-defined]
    page.on("request", lambda request: page.requests_seen.append(request.url))  # type: ignore[attr-defined]
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.dialogs_seen = dialogs  # type: ignore[attr-defined]
    yield page
    context.close()


BROWSER_FIXTURES = {"browser", "page"}
SLOW_FIXTURES = {"shipped_site", "shipped_url", "sample_site"}
# modules whose every test starts a server, a second process or several builds
SLOW_MODULES = {"test_serve.py", "test_serve_incremental.py", "test_search_parallel.py"}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark what `make test-fast` leaves out: tests that drive Chromium (``browser``) and tests
    that build a whole site or run for seconds (``slow``); modules may also mark themselves."""
    for item in items:
        fixtures = set(getattr(item, "fixturenames", ()))
        if fixtures & BROWSER_FIXTURES or "browser" in item.path.parts:
            item.add_marker(pytest.mark.browser)
        if fixtures & SLOW_FIXTURES or item.path.name in SLOW_MODULES:
            item.add_marker(pytest.mark.slow)


NPM_TOOLS = ROOT / "tests" / "audit"


@pytest.fixture(scope="session")
def npm_tools() -> Path:
    """tests/audit with its pinned npm packages installed (`npm ci` from the lock file when they
    are missing, as `make test` does); the tests of the browser code and of the exports run
    independent implementations from there (gift-pegjs, scorm-again, ical.js, axe-core)."""
    if shutil.which("node") is None or shutil.which("npm") is None:
        pytest.fail("node and npm are needed: `make test` installs them (apt: nodejs npm)")
    stamp = NPM_TOOLS / "node_modules" / ".package-lock.json"
    lock = NPM_TOOLS / "package-lock.json"
    # under pytest-xdist every worker runs this fixture: one `npm ci` at a time, and a worker
    # that waited finds the packages installed (npm ci deletes node_modules first)
    folder = os.open(NPM_TOOLS, os.O_RDONLY)  # the lock is on the folder: no lock file to leave behind
    try:
        fcntl.flock(folder, fcntl.LOCK_EX)
        if not stamp.is_file() or stamp.stat().st_mtime < lock.stat().st_mtime:
            subprocess.run(["npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"],
                           cwd=NPM_TOOLS, check=True)
    finally:
        os.close(folder)  # closing releases the lock
    return NPM_TOOLS
