"""The project's own URL patterns, read from the resolver, and how to fill their kwargs."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.urls import URLPattern, URLResolver, get_resolver

# URL modules whose patterns are the project's (admin and django.conf.urls.i18n are not).
OWN_APPS = ("accounts", "content", "quizzes")


@dataclass(frozen=True)
class Route:
    name: str  # "namespace:name", as reverse() takes it
    kwargs: tuple[str, ...]  # the kwargs the route captures
    defaults: dict = field(default_factory=dict, compare=False, hash=False)


def own_routes() -> list[Route]:
    """Every named pattern included from a URL module of OWN_APPS, in resolver order."""
    routes: list[Route] = []

    def walk(patterns, namespace: str, own: bool) -> None:
        for entry in patterns:
            if isinstance(entry, URLResolver):
                module = getattr(entry.urlconf_module, "__name__", "")
                inner_own = own or module.split(".")[0] in OWN_APPS
                inner_ns = namespace
                if entry.namespace:
                    inner_ns = f"{namespace}{entry.namespace}:"
                walk(entry.url_patterns, inner_ns, inner_own)
            elif isinstance(entry, URLPattern) and own:
                if entry.name is None:
                    raise AssertionError(f"unnamed URL pattern {entry.pattern}: name it")
                captured = tuple(entry.pattern.regex.groupindex)
                routes.append(Route(f"{namespace}{entry.name}", captured, entry.default_args))

    walk(get_resolver().url_patterns, "", False)
    return routes
