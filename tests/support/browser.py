"""Browser-test helpers (tests/browser/): the main menu on a phone, axe-core's accessibility
check, the CSP listener, where failures leave their screenshots, the document the journeys
load, waiting for a question htmx swapped in."""

import functools
from pathlib import Path

import pytest
from playwright.sync_api import expect

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"
# axe-core, vendored for these tests only (vendor/axe-core/README.md here): no page has it.
AXE = Path(__file__).resolve().parent / "vendor" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
FAILING_IMPACTS = ("serious", "critical")
# Injected before any page script (through DevTools, so the CSP does not apply to it): every
# CSP refusal becomes a console error naming what was refused, which fails the test.
CSP_LISTENER = """document.addEventListener("securitypolicyviolation", (event) => {
  const what = event.blockedURI || "inline";
  console.error(`CSP violation: ${event.violatedDirective} refused ${what}`);
});"""
# The shipped document the review and phone journeys load.
DOCUMENT = ROOT / "content" / "documents" / "001_dui_kou_zhi_yuan.txt"


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


def question_ready(page) -> None:
    """Wait until the question htmx swapped into the card is bound (its form posts through
    htmx). htmx pushes the new URL before the swap and binds the new card some milliseconds
    later, then moves focus into it (an autofocused field, or quiz.js's heading): an answer
    sent between the two is a plain form post, which leaves the quiz for another page."""
    expect(page.locator("#question-card :focus")).to_have_count(1)


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
