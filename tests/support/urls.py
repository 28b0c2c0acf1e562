"""The project's own URL patterns, read from the resolver, and how to fill their kwargs."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from django.urls import URLPattern, URLResolver, get_resolver, reverse

if TYPE_CHECKING:
    from tests.support.world import World

# URL modules whose patterns are the project's (admin and django.conf.urls.i18n are not).
OWN_APPS = ("accounts", "content", "flashcards", "progress", "quizzes", "teaching")


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


# The URLs whose pk is not a quiz's, and the finished attempt's views.
CLASS_PK = {
    "quizzes:start_class_export",
    "progress:class_progress",
    "progress:class_progress_csv",
}
FINISHED = {"quizzes:attempt_results", "quizzes:attempt_practise"}


def url_for(route: Route, world: World) -> str:
    """`route` reversed with the world's objects in its kwargs."""
    name = route.name
    values = {
        "slug": world.document.slug,
        "code": world.classroom.join_code,
        "user_pk": world.users["student"].pk,
        "position": 1,
        "question": world.question.pk,
        "qtype": "cloze",
        "uidb64": "MQ",
        "token": world.invite.token if name == "accounts:teacher_invite" else "set-password",
    }
    if name.startswith("quizzes:class_") or name in CLASS_PK:
        values["pk"] = world.classroom.pk
    elif name.startswith("quizzes:export_"):
        values["pk"] = world.job.pk
    elif name in FINISHED:
        values["pk"] = world.finished_attempt.pk
    elif name.startswith("quizzes:attempt"):
        values["pk"] = world.attempt.pk
    elif name in ("teaching:question_edit", "teaching:question_status"):
        values["pk"] = world.question.pk
    elif name == "teaching:assignment_delete":
        values["pk"] = world.assignment.pk
    else:
        values["pk"] = world.quiz.pk
    return reverse(name, kwargs={key: values[key] for key in route.kwargs})
