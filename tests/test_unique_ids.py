"""No two elements of one page share an id, and every field of every form has a label (issue 16,
item 11). Every GET page of the project's resolver is rendered as teacher A (the owner of the
world of tests/support/world.py) and as student A; every Form class of the project's apps is
rendered field by field the way templates/includes/field.html renders it."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from collections import Counter
from html.parser import HTMLParser

import pytest
from django import forms
from django.template.loader import render_to_string
from django.test import RequestFactory

from tests.support.urls import own_routes, url_for
from tests.support.world import build_world

APPS = ("accounts", "content", "quizzes", "teaching")
FIELDS = {"input", "select", "textarea"}


class Elements(HTMLParser):
    """The ids of a page, its form fields and the targets of its labels."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: list[str] = []
        self.fields: list[dict] = []
        self.label_for: set[str] = set()
        self.open_labels = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.append(attrs["id"])
        if tag == "label":
            self.open_labels += 1
            if attrs.get("for"):
                self.label_for.add(attrs["for"])
        if tag in FIELDS and attrs.get("type") not in ("hidden", "submit", "button"):
            self.fields.append({**attrs, "_in_label": self.open_labels > 0})

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag == "label":
            self.open_labels -= 1

    def handle_endtag(self, tag):
        if tag == "label" and self.open_labels:
            self.open_labels -= 1


def parse(html: str) -> Elements:
    parser = Elements()
    parser.feed(html)
    return parser


def duplicates(ids: list[str]) -> list[str]:
    return sorted(name for name, count in Counter(ids).items() if count > 1)


def unlabelled(page: Elements) -> list[str]:
    return [
        field.get("name") or field.get("id") or "?"
        for field in page.fields
        if not (
            field["_in_label"]
            or field.get("id") in page.label_for
            or field.get("aria-label")
            or field.get("aria-labelledby")
        )
    ]


GET_ROUTES = own_routes()


@pytest.mark.parametrize("role", ["owner", "student"])
def test_no_page_repeats_an_id(role, make_quiz, client):
    world = build_world(make_quiz)
    client.force_login(world.users[role])
    client.cookies["django_language"] = "en"
    problems = []
    pages = 0
    for route in GET_ROUTES:
        response = client.get(url_for(route, world))
        if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
            continue
        pages += 1
        page = parse(response.content.decode())
        if twice := duplicates(page.ids):
            problems.append(f"{route.name}: id repeated {twice}")
        if missing := unlabelled(page):
            problems.append(f"{route.name}: fields without a label {missing}")
    assert pages >= 20
    assert not problems, "\n".join(problems)


def _form_classes() -> list[type[forms.BaseForm]]:
    found: dict[str, type] = {}
    for app in APPS:
        package = importlib.import_module(app)
        names = [app] + [name for _, name, _ in pkgutil.walk_packages(package.__path__, f"{app}.")]
        for name in names:
            if "migrations" in name or "tests" in name:
                continue
            try:
                module = importlib.import_module(name)
            except ImportError:
                continue
            for _, value in inspect.getmembers(module, inspect.isclass):
                if (
                    issubclass(value, forms.BaseForm)
                    and value.__module__.split(".")[0] in APPS
                    and value.__module__ == name
                ):
                    found[f"{value.__module__}.{value.__qualname__}"] = value
    return [found[key] for key in sorted(found)]


FORMS = _form_classes()


def _instantiate(form_class, world):
    """The form, with whatever its constructor requires filled from the world."""
    params = inspect.signature(form_class.__init__).parameters
    given = {}
    for name, param in params.items():
        if name in ("self", "args", "kwargs") or param.default is not inspect.Parameter.empty:
            continue
        if param.kind in (param.VAR_POSITIONAL, param.VAR_KEYWORD):
            continue
        if name in ("user", "owner", "teacher", "learner", "request_user"):
            given[name] = world.users["owner"]
        elif name == "quiz":
            given[name] = world.quiz
        elif name == "document":
            given[name] = world.document
        elif name in ("classroom", "klass"):
            given[name] = world.classroom
        elif name == "question":
            given[name] = world.question
        elif name == "request":
            request = RequestFactory().get("/")
            request.user = world.users["owner"]
            given[name] = request
        else:
            raise AssertionError(f"{form_class.__qualname__}: give the test a value for {name}")
    return form_class(**given)


def test_the_walk_finds_the_forms():
    assert len(FORMS) >= 10


@pytest.mark.parametrize("form_class", FORMS, ids=lambda c: f"{c.__module__}.{c.__qualname__}")
def test_every_field_has_a_unique_id_and_a_label(form_class, make_quiz):
    world = build_world(make_quiz)
    form = _instantiate(form_class, world)
    html = "".join(
        render_to_string("includes/field.html", {"field": bound}) for bound in form.visible_fields()
    )
    page = parse(html)
    assert not duplicates(page.ids), f"ids repeated: {duplicates(page.ids)}"
    assert not unlabelled(page), f"fields without a label: {unlabelled(page)}"
    field_ids = [field.get("id") for field in page.fields]
    assert all(field_ids), f"a field without an id: {page.fields}"
