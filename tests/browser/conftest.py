"""Playwright on Debian's chromium against Django's live server.

Without /usr/bin/chromium the browser tests skip with the reason, unless REQUIRE_BROWSER is set
(CI sets it), in which case they fail. Playwright never downloads a browser here.
"""

import functools
import os
from pathlib import Path

import pytest

CHROMIUM = Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))
ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"
# axe-core, vendored for these tests only (static/vendor/axe-core/README.md): no page includes it.
AXE = ROOT / "static" / "vendor" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
FAILING_IMPACTS = ("serious", "critical")
# Injected before any page script (through DevTools, so the CSP does not apply to it): every
# CSP refusal becomes a console error naming what was refused, which fails the test.
CSP_LISTENER = """document.addEventListener("securitypolicyviolation", (event) => {
  const what = event.blockedURI || "inline";
  console.error(`CSP violation: ${event.violatedDirective} refused ${what}`);
});"""
# Chromium's background services try to reach Google; this machine has no network for them.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]

# Playwright's sync API runs an event loop in this thread; Django's ORM calls made by the test
# itself (creating users) are still synchronous, so tell Django not to refuse them.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(autouse=True)
def work_inside_the_request():
    """The live server shares the test's in-memory SQLite connection, one connection for two
    threads: work left for after a response (config.after_response: a wrong answer's cards
    brought forward) would still be running on it when the test, having seen the response,
    uses it again ("cannot start a transaction within a transaction"). In the browser tests
    that work runs inside the request instead; what the learner sees is the same, and
    tests/config/test_after_response.py tests the deferral itself."""
    from django.core.signals import request_started

    from config import after_response

    request_started.disconnect(after_response._begin)
    yield
    request_started.connect(after_response._begin)


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        reason = f"chromium not found at {CHROMIUM} (apt-get install chromium)"
        if os.environ.get("REQUIRE_BROWSER"):
            pytest.fail(f"REQUIRE_BROWSER is set but {reason}", pytrace=False)
        pytest.skip(f"{reason}; set REQUIRE_BROWSER=1 to make this a failure")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server, request):
    """A fresh browser tab (phone-sized, Vietnamese locale) on the live server."""
    context = browser.new_context(
        base_url=live_server.url, locale="vi-VN", viewport={"width": 390, "height": 844}
    )
    context.set_default_timeout(10_000)
    # A refusal by the CSP is logged as a console error too (the listener below fails the test).
    context.add_init_script(CSP_LISTENER)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    yield page
    if request.node.rep_call.failed if hasattr(request.node, "rep_call") else False:
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"{request.node.name}.png"), full_page=True)
    context.close()
    assert not errors, f"the page logged errors: {errors}"


def open_menu(page) -> None:
    """Unfold the main menu if it is folded behind its "Menu" button (below 640 px: the `page`
    fixture is a phone). Call it before using a link, the log-out button or the language select
    of the menu; see `in_menu`."""
    toggle = page.locator(".nav-toggle")
    if toggle.is_visible() and toggle.get_attribute("aria-expanded") != "true":
        toggle.click()


def in_menu(page, name, role: str = "link", **options):
    """The main menu's link (or `role`) called `name`, the menu unfolded first on a phone:
    `in_menu(page, "Progress").click()`."""
    open_menu(page)
    return page.locator("header .nav").get_by_role(role, name=name, **options)


@functools.cache
def _axe_source() -> str:
    return AXE.read_text(encoding="utf-8")


def check_a11y(page, where: str = "") -> list[dict]:
    """Run axe-core (WCAG 2.1 A and AA) on the page as it is now; fail on any serious or critical
    violation, naming the rule, its help and the offending elements. Call it on every page state
    a journey reaches: `check_a11y(page, "after the answer")`. Returns the minor and moderate
    violations, for a test that wants to look at them."""
    if not page.evaluate("typeof window.axe === 'object'"):
        # Not add_script_tag: it inlines the file in a <script>, which the page's CSP (scripts
        # from 'self' only) rightly blocks. Evaluated through the DevTools protocol, the script
        # runs in the page without touching its CSP, and the page itself never loads it.
        page.evaluate(_axe_source())
    results = page.evaluate(
        """tags => axe.run(document, {
            runOnly: {type: "tag", values: tags}, resultTypes: ["violations"]
        })""",
        AXE_TAGS,
    )
    failing = [v for v in results["violations"] if v["impact"] in FAILING_IMPACTS]
    if failing:
        lines = [f"axe found {len(failing)} serious or critical violation(s) on {page.url} {where}"]
        for violation in failing:
            lines.append(f"- {violation['id']} ({violation['impact']}): {violation['help']}")
            for node in violation["nodes"][:5]:
                lines.append(f"    {node['target']}: {node['failureSummary']}")
        pytest.fail("\n".join(lines), pytrace=False)
    return results["violations"]


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    if report.when == "call":
        item.rep_call = report
