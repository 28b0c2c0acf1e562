"""Quiz and document titles carry their own language (issue 16, item 12): a Vietnamese title on
the Chinese interface and a Chinese one on the Vietnamese interface are marked with `lang`, told
from the title's script by the `lang_attr` filter, wherever a list or a heading shows them."""

import re

import pytest
from django.urls import reverse

from quizzes.models import Quiz
from tests.support.world import build_world

VI_TITLE = "Ôn tập đôi khẩu"
ZH_TITLE = "对口复习"


def _marked(html: str, title: str, lang: str) -> bool:
    return re.search(rf'lang="{lang}"[^>]*>{re.escape(title)}<', html) is not None


@pytest.mark.parametrize("language", ["vi", "zh-hans"])
def test_quiz_titles_carry_their_language(language, make_quiz, client):
    world = build_world(make_quiz)
    second = Quiz.objects.exclude(pk=world.quiz.pk).get()
    Quiz.objects.filter(pk=world.quiz.pk).update(title=VI_TITLE)
    Quiz.objects.filter(pk=second.pk).update(title=ZH_TITLE)
    student, owner = world.users["student"], world.users["owner"]
    for user in (student, owner):
        user.interface_language = language
        user.save(update_fields=["interface_language"])
    client.cookies["django_language"] = language
    client.force_login(student)
    pages = {
        "home": reverse("quizzes:home"),
        "quiz list": reverse("quizzes:quiz_list"),
        "class": reverse("quizzes:class_detail", args=[world.classroom.pk]),
    }
    for where, url in pages.items():
        html = client.get(url).content.decode()
        assert _marked(html, VI_TITLE, "vi"), f"{where}: the Vietnamese title has no lang"
    html = client.get(reverse("quizzes:quiz", args=[world.quiz.pk])).content.decode()
    assert _marked(html, VI_TITLE, "vi")
    for url in (
        reverse("quizzes:attempt_results", args=[world.finished_attempt.pk]),
        reverse("progress:dashboard"),
    ):
        html = client.get(url).content.decode()
        assert _marked(html, ZH_TITLE, "zh-Hans"), url  # the finished attempt's quiz
    client.force_login(owner)
    for url in (reverse("teach:quizzes"), reverse("teach:quiz", args=[world.quiz.pk])):
        html = client.get(url).content.decode()
        assert _marked(html, VI_TITLE, "vi"), url
    html = client.get(reverse("quizzes:class_detail", args=[world.classroom.pk])).content.decode()
    assert _marked(html, ZH_TITLE, "zh-Hans")


def test_document_titles_carry_their_language(make_quiz, client):
    world = build_world(make_quiz)
    client.force_login(world.users["student"])
    for url in (reverse("quizzes:home"), reverse("content:list"), reverse("flashcards:decks")):
        html = client.get(url).content.decode()
        document = world.document
        if document.title_vi:
            assert _marked(html, document.title_vi, "vi"), url
        if document.title_zh:
            assert _marked(html, document.title_zh, "zh-Hans"), url
