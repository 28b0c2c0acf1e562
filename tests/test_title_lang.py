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
    for url in (reverse("teaching:quizzes"), reverse("teaching:quiz", args=[world.quiz.pk])):
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


@pytest.mark.parametrize("language", ["vi", "zh-hans"])
def test_titles_inside_sentences_carry_their_language(language, make_quiz, client):
    """ "Quiz: {title}", "Statistics of {title}", "Review: {title}", the messages naming a quiz:
    the title inside the interface's sentence is wrapped in an element with its own lang."""
    world = build_world(make_quiz)
    Quiz.objects.filter(pk=world.quiz.pk).update(title=ZH_TITLE)
    document = world.document
    document.title_vi = VI_TITLE
    document.save(update_fields=["title_vi"])
    client.cookies["django_language"] = language
    student, owner = world.users["student"], world.users["owner"]

    def marked(url, title, lang):
        html = client.get(url).content.decode()
        assert _marked(html, title, lang), f"{url}: {title} has no lang={lang}"

    client.force_login(student)
    marked(document.get_absolute_url(), ZH_TITLE, "zh-Hans")  # Quiz: {title}
    marked(reverse("flashcards:deck_review", args=[document.slug]), VI_TITLE, "vi")
    client.force_login(owner)
    pages = {
        reverse("teaching:quiz_statistics", args=[world.quiz.pk]): ZH_TITLE,
        reverse("teaching:quiz_settings", args=[world.quiz.pk]): ZH_TITLE,
        reverse("teaching:quiz", args=[world.quiz.pk]): VI_TITLE,  # the quiz's document
        reverse("teaching:document_manage", args=[document.slug]): VI_TITLE,
        reverse("teaching:document_report", args=[document.slug]): VI_TITLE,
        reverse("teaching:question_edit", args=[world.question.pk]): VI_TITLE,
    }
    for url, title in pages.items():
        marked(url, title, "zh-Hans" if title == ZH_TITLE else "vi")
    url = reverse("teaching:assignment_delete", args=[world.assignment.pk])
    html = client.post(url, follow=True).content.decode()
    assert _marked(html, ZH_TITLE, "zh-Hans"), "the message naming the quiz"


def test_a_title_is_escaped_inside_its_element(make_quiz, client):
    world = build_world(make_quiz)
    Quiz.objects.filter(pk=world.quiz.pk).update(title="<b>Đề</b> & co")
    client.force_login(world.users["owner"])
    html = client.get(reverse("teaching:quiz_statistics", args=[world.quiz.pk])).content.decode()
    assert '<span lang="vi">&lt;b&gt;Đề&lt;/b&gt; &amp; co</span>' in html
    url = reverse("teaching:assignment_delete", args=[world.assignment.pk])
    html = client.post(url, follow=True).content.decode()
    assert '<span lang="vi">&lt;b&gt;Đề&lt;/b&gt; &amp; co</span>' in html
    assert "<b>Đề" not in html
