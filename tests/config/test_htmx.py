"""config.htmx: the whole page or its htmx partial (render_page: a template's named partial;
render_part: a part made in Python), always varying on HX-Request."""

import copy

import pytest
from django.test import RequestFactory
from django.utils.safestring import mark_safe
from django_htmx.middleware import HtmxDetails

from config.htmx import render_page, render_part

PAGE = "<html>{% partialdef card inline %}<p>card</p>{% endpartialdef %}{{ made }}</html>"


@pytest.fixture
def page(tmp_path, settings):
    (tmp_path / "page.html").write_text(PAGE)
    templates = copy.deepcopy(settings.TEMPLATES)
    templates[0]["DIRS"] = [tmp_path, *templates[0]["DIRS"]]
    settings.TEMPLATES = templates
    return "page.html"


def _request(**headers):
    request = RequestFactory().get("/", headers=headers)
    request.htmx = HtmxDetails(request)
    return request


def test_a_plain_request_gets_the_whole_page_and_varies_on_hx_request(page):
    response = render_page(_request(), page, {}, partial="card")
    assert response.content == b"<html><p>card</p></html>"
    assert "HX-Request" in response["Vary"]


def test_an_htmx_request_gets_the_partial_alone(page):
    response = render_page(_request(**{"HX-Request": "true"}), page, {}, partial="card")
    assert response.content == b"<p>card</p>"
    assert "HX-Request" in response["Vary"]


def test_a_history_restore_gets_the_whole_page(page):
    request = _request(**{"HX-Request": "true", "HX-History-Restore-Request": "true"})
    assert b"<html>" in render_page(request, page, {}, partial="card").content


def test_a_part_made_in_python_is_sent_alone_to_htmx_and_inside_its_page_otherwise(page):
    made = mark_safe("<p>made &amp; safe</p>")  # the part's maker escaped what it holds
    part = render_part(_request(**{"HX-Request": "true"}), made, page, {}, name="made")
    assert part.content.decode() == made
    whole = render_part(_request(), made, page, {}, name="made")
    assert whole.content.decode() == f"<html><p>card</p>{made}</html>"
    assert "HX-Request" in part["Vary"] and "HX-Request" in whole["Vary"]
