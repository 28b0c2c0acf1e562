"""Every page of every role, in Vietnamese and in Chinese (issue 16, must show): the world of
tests/support/world.py is built in the live server's database; a visitor, student A and teacher A
open every GET page of the resolver that answers them 200. A console error, a CSP refusal (the
listener of conftest.CSP_LISTENER logs it as an error) or an English string of the catalog left
on the page fails the test. Vietnamese is shown on a 390 px phone, where axe runs on every page
and no page may be wider than the screen (wide tables scroll inside their .table-scroll box);
Chinese on a 1280 px screen."""

from __future__ import annotations

import ast
import functools
import re
import time

from django.conf import settings
from django.test import Client

from tests.support.browser import CSP_LISTENER, ROOT, check_a11y
from tests.support.urls import own_routes, url_for
from tests.support.world import build_world

LANGUAGES = {"vi": "vi", "zh-hans": "zh_Hans"}  # the cookie's code -> the catalog's directory
# Vietnamese (the longer text) on a touch phone, Chinese on a laptop's screen.
SCREENS = {
    "vi": {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True},
    "zh-hans": {"viewport": {"width": 1280, "height": 800}},
}
ROLES = ("visitor", "student", "owner")
MIN_LENGTH = 12  # shorter msgids ("Quiz", "Document") may be words of a text too
PLACEHOLDER = re.compile(r"%(\(\w+\))?[sd]|\{|<")


def _unquote(line: str) -> str:
    return ast.literal_eval(line)


@functools.cache
def english_left_over(catalog: str) -> frozenset[str]:
    """The msgids of locale/<catalog>/LC_MESSAGES/django.po translated by something else: longer
    than MIN_LENGTH characters, without placeholders or markup, not fuzzy. Any of them shown
    verbatim on a page in that language is a string left in English."""
    text = (ROOT / "locale" / catalog / "LC_MESSAGES" / "django.po").read_text(encoding="utf-8")
    found = set()
    for block in text.split("\n\n"):
        lines = block.strip().splitlines()
        if any(line.startswith("#,") and "fuzzy" in line for line in lines):
            continue
        parts: dict[str, str] = {}
        key = None
        for line in lines:
            if line.startswith("#"):
                continue
            word, _, rest = line.partition(" ")
            if word in ("msgid", "msgstr", "msgctxt", "msgid_plural", "msgstr[0]"):
                key = word
                parts[key] = _unquote(rest)
            elif line.startswith('"') and key:
                parts[key] += _unquote(line)
        msgid, msgstr = parts.get("msgid", ""), parts.get("msgstr", parts.get("msgstr[0]", ""))
        if (
            len(msgid) > MIN_LENGTH
            and msgstr
            and msgstr != msgid
            and "\n" not in msgid
            and not PLACEHOLDER.search(msgid)
        ):
            found.add(msgid)
    return frozenset(found)


def test_the_catalogs_give_english_to_look_for():
    for catalog in LANGUAGES.values():
        assert len(english_left_over(catalog)) > 200


def _session_cookie(user, url):
    client = Client()
    client.force_login(user)
    value = client.cookies[settings.SESSION_COOKIE_NAME].value
    return {"name": settings.SESSION_COOKIE_NAME, "value": value, "url": url}


def test_every_page_of_every_role_in_vi_and_zh(browser, live_server, make_quiz):
    started = time.monotonic()
    world = build_world(make_quiz)
    routes = own_routes()
    problems: list[str] = []
    visited = 0
    for role in ROLES:
        user = world.users[role]
        client = Client()
        if user is not None:
            client.force_login(user)
        urls = []
        for route in routes:
            url = url_for(route, world)
            response = client.get(url, HTTP_ACCEPT_LANGUAGE="en")
            if response.status_code == 200 and "html" in response.get("Content-Type", ""):
                urls.append((route.name, url))
        for language, catalog in LANGUAGES.items():
            if user is not None:
                user.interface_language = language  # the account's language wins over a cookie
                user.save(update_fields=["interface_language"])
            context = browser.new_context(base_url=live_server.url, **SCREENS[language])
            context.set_default_timeout(10_000)
            context.add_init_script(CSP_LISTENER)
            cookies = [{"name": "django_language", "value": language, "url": live_server.url}]
            if user is not None:
                cookies.append(_session_cookie(user, live_server.url))
            context.add_cookies(cookies)
            page = context.new_page()
            errors: list[str] = []
            page.on("pageerror", lambda exc, errors=errors: errors.append(str(exc)))
            page.on(
                "console",
                lambda msg, errors=errors: errors.append(msg.text) if msg.type == "error" else None,
            )
            english = english_left_over(catalog)
            for name, url in urls:
                where = f"{name} ({url}) as {role} in {language}"
                del errors[:]
                page.goto(url)
                page.wait_for_load_state("load")
                visited += 1
                if errors:
                    problems.append(f"{where}: console errors {errors}")
                shown = page.inner_text("body")
                left = sorted(msgid for msgid in english if msgid in shown)
                if left:
                    problems.append(f"{where}: English left {left}")
                if language == "vi":
                    check_a11y(page, where)
                    width = page.evaluate("document.documentElement.scrollWidth")
                    if width > 390:
                        problems.append(f"{where}: {width}px wide on a 390px phone")
            context.close()
    elapsed = time.monotonic() - started
    print(f"{visited} pages in {elapsed:.1f} s")
    assert visited >= 60
    assert not problems, "\n".join(problems)


def test_the_check_sees_english_on_an_english_page(browser, live_server, db):
    # The same check on the English interface finds catalog strings: the test above is not blind.
    context = browser.new_context(base_url=live_server.url)
    context.add_cookies([{"name": "django_language", "value": "en", "url": live_server.url}])
    page = context.new_page()
    page.goto("/accounts/login/")
    shown = page.inner_text("body")
    context.close()
    assert [msgid for msgid in english_left_over("vi") if msgid in shown]
