"""The one way a view answers both a full page load and htmx's request for part of the page.

    from config.htmx import HtmxHttpRequest, render_page

    def quiz_statistics(request: HtmxHttpRequest, pk: int) -> HttpResponse:
        ...
        return render_page(request, "teaching/quiz_statistics.html", context, partial="statistics")

An htmx request (not a history restore, which needs the whole page) gets the template's named
partial (Django 6's `{% partialdef %}`), any other request the whole page; either way the
response varies on HX-Request, so a cache or the browser's back button never serves one for
the other. A part made in Python (the question card: quizzes.fragments) is answered the
same way by `render_part`: the part alone, or the page with the part in its context. Like
config.after_response it imports only Django and django-htmx, so any layer may use it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.cache import patch_vary_headers
from django_htmx.middleware import HtmxDetails


class HtmxHttpRequest(HttpRequest):
    """A request that went through django-htmx's middleware (django-htmx's documented typing)."""

    htmx: HtmxDetails


def wants_partial(request: HttpRequest) -> bool:
    """True when htmx asked for part of a page (a history restore asks for all of it)."""
    htmx = getattr(request, "htmx", None)
    return bool(htmx) and not htmx.history_restore_request


def render_page(
    request: HttpRequest,
    template: str,
    context: Mapping[str, Any] | None = None,
    *,
    partial: str | None = None,
    status: int | None = None,
) -> HttpResponse:
    """`template` whole, or its `partial` when htmx asked for part of the page; Vary: HX-Request."""
    name = f"{template}#{partial}" if partial and wants_partial(request) else template
    response = render(request, name, context, status=status)
    patch_vary_headers(response, ["HX-Request"])
    return response


def render_part(
    request: HttpRequest,
    html: str,
    template: str,
    context: Mapping[str, Any],
    *,
    name: str,
    status: int | None = None,
) -> HttpResponse:
    """`html` alone when htmx asked for part of the page, else `template` whole with `html` in
    its context as `name`; Vary: HX-Request."""
    if wants_partial(request):
        response = HttpResponse(html, status=status)
    else:
        response = render(request, template, {**context, name: html}, status=status)
    patch_vary_headers(response, ["HX-Request"])
    return response
