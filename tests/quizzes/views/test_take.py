"""Taking a quiz through the web: who may, one question at a time with and without htmx, no
answer on the page before answering, one answer per question whatever the tabs do."""

import re
from datetime import timedelta
from unittest import mock

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from quizzes import taking, term_index
from quizzes.models import Attempt, AttemptItem, Question, Quiz
from tests.support.quiz_fixtures import TYPES, VI_SOURCE, ZH_SOURCE

HX = {"HTTP_HX_REQUEST": "true"}


def _start(client, quiz) -> Attempt:
    client.post(reverse("quizzes:quiz_start", args=[quiz.pk]))
    return Attempt.objects.filter(quiz=quiz).latest("started_at")


def _item_url(attempt, position=1, name="quizzes:attempt_item"):
    return reverse(name, args=[attempt.pk, position])


def _right_response(item: AttemptItem) -> dict:
    """Form data a learner who knows the answer would send."""
    question = item.question
    if question.type == "single_choice":
        return {"response": str(item.choices.index(question.answer))}
    if question.type == "multiple_choice":
        return {"response": [str(item.choices.index(a)) for a in question.answer]}
    if question.type == "true_false":
        return {"response": "true" if question.answer else "false"}
    if question.type == "matching":
        return {
            f"match-{i}": str(item.choices.index(r)) for i, (_l, r) in enumerate(question.answer)
        }
    if question.type == "ordering":
        return {f"rank-{i}": str(question.answer.index(c) + 1) for i, c in enumerate(item.choices)}
    return {"response": question.answer}


# --- who may -----------------------------------------------------------------------------------


def test_an_anonymous_visitor_is_sent_to_log_in(client, make_quiz):
    quiz = make_quiz()
    for url in (reverse("quizzes:quiz", args=[quiz.pk]), reverse("quizzes:quiz_list")):
        response = client.get(url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert client.post(reverse("quizzes:quiz_start", args=[quiz.pk])).status_code == 302
    assert not Attempt.objects.exists()


def test_another_learner_cannot_see_or_answer_an_attempt(client, make_quiz, alice, bob):
    client.force_login(alice)
    attempt = _start(client, make_quiz())
    client.force_login(bob)
    assert client.get(reverse("quizzes:attempt", args=[attempt.pk])).status_code == 404
    assert client.get(_item_url(attempt)).status_code == 404
    assert (
        client.post(_item_url(attempt, 1, "quizzes:attempt_answer"), {"response": "x"}).status_code
        == 404
    )
    assert client.get(reverse("quizzes:attempt_results", args=[attempt.pk])).status_code == 404
    assert client.post(reverse("quizzes:attempt_finish", args=[attempt.pk])).status_code == 404
    assert not AttemptItem.objects.filter(answered_at__isnull=False).exists()


def test_a_teacher_cannot_read_a_students_attempt_either(client, make_quiz, alice, teacher):
    client.force_login(alice)
    attempt = _start(client, make_quiz())
    client.force_login(teacher)
    assert client.get(_item_url(attempt)).status_code == 404


def test_a_draft_quiz_is_hidden_from_learners(alice_client, make_quiz):
    quiz = make_quiz(status=Quiz.Status.DRAFT)
    assert alice_client.get(reverse("quizzes:quiz", args=[quiz.pk])).status_code == 404
    assert alice_client.post(reverse("quizzes:quiz_start", args=[quiz.pk])).status_code == 404
    assert "Kiểm tra" not in alice_client.get(reverse("quizzes:quiz_list")).content.decode()


def test_the_wrong_method_is_refused(alice_client, make_quiz):
    quiz = make_quiz()
    attempt = _start(alice_client, quiz)
    assert alice_client.get(reverse("quizzes:quiz_start", args=[quiz.pk])).status_code == 405
    assert alice_client.get(_item_url(attempt, 1, "quizzes:attempt_answer")).status_code == 405
    assert alice_client.post(_item_url(attempt)).status_code == 405
    assert alice_client.get(reverse("quizzes:attempt_finish", args=[attempt.pk])).status_code == 405


# --- the journey without JavaScript -----------------------------------------------------------


def test_a_learner_takes_a_whole_quiz_with_plain_forms(alice_client, make_quiz):
    quiz = make_quiz()
    response = alice_client.post(reverse("quizzes:quiz_start", args=[quiz.pk]), follow=True)
    attempt = Attempt.objects.get()
    assert response.redirect_chain[-1][0] == _item_url(attempt, 1)
    for position in range(1, len(TYPES) + 1):
        item = attempt.items.select_related("question").get(position=position)
        response = alice_client.post(
            _item_url(attempt, position, "quizzes:attempt_answer"),
            _right_response(item),
            follow=True,
        )
        if position < len(TYPES):
            assert 'class="feedback right"' in response.content.decode(), item.question.type
    assert response.redirect_chain[-1][0] == reverse("quizzes:attempt_results", args=[attempt.pk])
    attempt.refresh_from_db()
    assert attempt.is_finished and attempt.score == len(TYPES)
    results = alice_client.get(reverse("quizzes:attempt_results", args=[attempt.pk]))
    assert results.status_code == 200


def test_the_feedback_cites_the_source_sentence_in_both_languages_with_the_answer_marked(
    alice_client, make_quiz
):
    attempt = _start(alice_client, make_quiz([("cloze", "vi")]))
    alice_client.post(_item_url(attempt, 1, "quizzes:attempt_answer"), {"response": "Quảng Đông"})
    html = alice_client.get(reverse("quizzes:attempt_results", args=[attempt.pk])).content.decode()
    assert "<mark>Giang Tô</mark>" in html
    assert "<mark>江苏</mark>" in html  # through the document's terms
    assert "Quảng Đông" in html


def test_an_empty_answer_gets_a_message_and_records_nothing(alice_client, make_quiz):
    attempt = _start(alice_client, make_quiz([("cloze", "vi"), ("true_false", "vi")]))
    response = alice_client.post(
        _item_url(attempt, 1, "quizzes:attempt_answer"),
        {"response": "  "},
        follow=True,
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert "Choose or type an answer first." in response.content.decode()
    assert not attempt.items.filter(answered_at__isnull=False).exists()


def test_the_message_is_in_the_learners_language(alice_client, make_quiz):
    attempt = _start(alice_client, make_quiz([("cloze", "vi"), ("true_false", "vi")]))
    alice_client.cookies["django_language"] = "vi"
    response = alice_client.post(
        _item_url(attempt, 1, "quizzes:attempt_answer"), {"response": ""}, follow=True
    )
    assert "Hãy chọn hoặc gõ câu trả lời trước." in response.content.decode()


# --- htmx --------------------------------------------------------------------------------------


def test_with_htmx_the_feedback_replaces_the_question_card_in_place(alice_client, make_quiz):
    attempt = _start(alice_client, make_quiz([("cloze", "vi"), ("true_false", "vi")]))
    response = alice_client.post(
        _item_url(attempt, 1, "quizzes:attempt_answer"), {"response": "Giang Tô"}, **HX
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert html.lstrip().startswith('<section id="question-card"')
    assert "<html" not in html and "<mark>Giang Tô</mark>" in html
    assert _item_url(attempt, 2) in html  # the next question, fetched into the card


def test_with_htmx_a_question_is_served_as_the_card_alone_and_varies_on_the_header(
    alice_client, make_quiz
):
    attempt = _start(alice_client, make_quiz())
    fragment = alice_client.get(_item_url(attempt, 2), **HX)
    page = alice_client.get(_item_url(attempt, 2))
    assert "<html" not in fragment.content.decode() and "<html" in page.content.decode()
    assert "HX-Request" in fragment["Vary"]


def test_only_a_card_with_its_form_carries_a_csrf_token(alice_client, make_quiz):
    """The question's form posts with a token (in the form and its renewed cookie); the
    feedback that replaces it after an answer has no form, and no token is made for it."""
    attempt = _start(alice_client, make_quiz([("cloze", "vi"), ("true_false", "vi")]))
    question = alice_client.get(_item_url(attempt, 1), **HX)
    assert 'name="csrfmiddlewaretoken"' in question.content.decode()
    assert settings.CSRF_COOKIE_NAME in question.cookies
    feedback = alice_client.post(
        _item_url(attempt, 1, "quizzes:attempt_answer"), {"response": "Giang Tô"}, **HX
    )
    assert "<form" not in feedback.content.decode() and "<mark>Giang Tô</mark>" in (
        feedback.content.decode()
    )
    assert settings.CSRF_COOKIE_NAME not in feedback.cookies


def test_the_last_answer_links_to_the_results(alice_client, make_quiz):
    attempt = _start(alice_client, make_quiz([("cloze", "vi")]))
    html = alice_client.post(
        _item_url(attempt, 1, "quizzes:attempt_answer"), {"response": "Giang Tô"}, **HX
    ).content.decode()
    assert reverse("quizzes:attempt_results", args=[attempt.pk]) in html


# --- fairness: double submits, two tabs, resume -----------------------------------------------


def test_a_double_submitted_answer_is_recorded_once(alice_client, make_quiz):
    attempt = _start(alice_client, make_quiz([("cloze", "vi"), ("true_false", "vi")]))
    url = _item_url(attempt, 1, "quizzes:attempt_answer")
    alice_client.post(url, {"response": "Quảng Đông"}, **HX)
    second = alice_client.post(url, {"response": "Giang Tô"}, **HX)
    item = attempt.items.get(position=1)
    assert item.response == "Quảng Đông" and not item.correct
    assert "Quảng Đông" in second.content.decode()  # the recorded answer is shown again


def test_a_stale_tab_answer_is_graded_for_the_question_it_names(alice_client, make_quiz):
    attempt = _start(alice_client, make_quiz([("cloze", "vi"), ("true_false", "vi")]))
    # Tab B answers question 2 first; tab A still shows question 1 and answers it afterwards.
    alice_client.post(_item_url(attempt, 2, "quizzes:attempt_answer"), {"response": "true"})
    alice_client.post(_item_url(attempt, 1, "quizzes:attempt_answer"), {"response": "Giang Tô"})
    items = {i.position: i for i in attempt.items.all()}
    assert items[1].response == "Giang Tô" and items[1].correct
    assert items[2].response is True and items[2].correct


def test_two_tabs_starting_the_quiz_share_one_attempt(alice_client, make_quiz):
    quiz = make_quiz()
    alice_client.post(reverse("quizzes:quiz_start", args=[quiz.pk]))
    alice_client.post(reverse("quizzes:quiz_start", args=[quiz.pk]))
    assert Attempt.objects.count() == 1


def test_coming_back_resumes_at_the_first_unanswered_question(alice_client, make_quiz):
    quiz = make_quiz()
    attempt = _start(alice_client, quiz)
    for position in (1, 2):
        item = attempt.items.select_related("question").get(position=position)
        alice_client.post(
            _item_url(attempt, position, "quizzes:attempt_answer"), _right_response(item)
        )
    detail = alice_client.get(reverse("quizzes:quiz", args=[quiz.pk])).content.decode()
    assert reverse("quizzes:attempt", args=[attempt.pk]) in detail
    response = alice_client.post(reverse("quizzes:quiz_start", args=[quiz.pk]))
    assert response["Location"] == reverse("quizzes:attempt", args=[attempt.pk])
    assert alice_client.get(response["Location"])["Location"] == _item_url(attempt, 3)


def test_the_quiz_page_lists_a_learners_latest_attempts_in_as_many_queries_however_many(
    alice_client, alice, make_quiz
):
    """Each finished attempt's row says whether it passed, by the quiz's pass mark: read with
    the quiz, not once per attempt (a learner with 210 attempts made 214 queries). Past 20, the
    page lists the latest 20 and says how many there are (210 rows were 45 KB)."""
    quiz = make_quiz()
    quiz.attempts_allowed = 50
    quiz.save()
    alice.interface_language = "en"
    alice.save()
    url = reverse("quizzes:quiz", args=[quiz.pk])

    def queries_with(attempts: int) -> tuple[int, str]:
        done = Attempt.objects.filter(quiz=quiz, user=alice).count()
        for number in range(done + 1, attempts + 1):
            Attempt.objects.create(
                quiz=quiz,
                user=alice,
                number=number,
                finished_at=timezone.now(),
                score=2,
                max_score=2,
            )
        with CaptureQueriesContext(connection) as counted:
            html = alice_client.get(url).content.decode()
        return len(counted), html

    few, html = queries_with(2)
    assert html.count("100%") == 2 and html.count("/results/") == 2  # each row, passed
    assert "Your latest" not in html
    some, html = queries_with(12)
    assert some == few and html.count("/results/") == 12
    many, html = queries_with(30)
    latest = Attempt.objects.filter(quiz=quiz, user=alice).order_by("-number")
    rows = re.findall(r"<tr>\s*<td>(\d+)</td>", html)
    assert rows == [str(a.number) for a in latest[:20]]  # the newest first
    assert "Your latest 20 attempts, of 30." in html and "20 of 50 left" in html
    assert many == few + 1  # the count of them all
    most, _html = queries_with(45)
    assert most == many


def test_a_reload_shows_the_same_options_in_the_same_order(alice_client, make_quiz):
    attempt = _start(alice_client, make_quiz([("single_choice", "vi"), ("cloze", "vi")]))
    first = alice_client.get(_item_url(attempt)).content.decode()
    again = alice_client.get(_item_url(attempt)).content.decode()
    assert _options(first) == _options(again) and len(_options(first)) == 4


def _options(html: str) -> list[str]:
    return re.findall(r'<span lang="vi">([^<]+)</span></label>', html)


def test_finishing_early_scores_unanswered_questions_zero(alice_client, make_quiz):
    attempt = _start(alice_client, make_quiz([("cloze", "vi"), ("true_false", "vi")]))
    alice_client.post(_item_url(attempt, 1, "quizzes:attempt_answer"), {"response": "Giang Tô"})
    alice_client.post(reverse("quizzes:attempt_finish", args=[attempt.pk]))
    attempt.refresh_from_db()
    assert attempt.is_finished and attempt.score == 1 and attempt.max_score == 2
    late = alice_client.post(_item_url(attempt, 2, "quizzes:attempt_answer"), {"response": "true"})
    assert late["Location"] == reverse("quizzes:attempt_results", args=[attempt.pk])
    assert not attempt.items.get(position=2).is_answered


def test_with_feedback_at_the_end_no_verdict_is_shown_until_the_results(alice_client, make_quiz):
    quiz = make_quiz([("cloze", "vi"), ("true_false", "vi")], feedback=Quiz.Feedback.END)
    attempt = _start(alice_client, quiz)
    response = alice_client.post(
        _item_url(attempt, 1, "quizzes:attempt_answer"), {"response": "Quảng Đông"}, follow=True
    )
    html = response.content.decode()
    assert response.redirect_chain[-1][0] == _item_url(attempt, 2)
    assert "Quảng Đông" not in html and "<mark>" not in html and 'class="feedback' not in html
    response = alice_client.post(
        _item_url(attempt, 2, "quizzes:attempt_answer"), {"response": "true"}, follow=True
    )
    assert response.redirect_chain[-1][0] == reverse("quizzes:attempt_results", args=[attempt.pk])
    assert "<mark>Giang Tô</mark>" in response.content.decode()


def test_results_of_an_unfinished_attempt_go_back_to_the_questions(alice_client, make_quiz):
    attempt = _start(alice_client, make_quiz())
    response = alice_client.get(reverse("quizzes:attempt_results", args=[attempt.pk]))
    assert response["Location"] == reverse("quizzes:attempt", args=[attempt.pk])


def test_practise_what_i_missed_re_asks_it_with_those_cards_first(alice_client, make_quiz):
    attempt = _start(alice_client, make_quiz([("cloze", "vi")]))
    alice_client.post(_item_url(attempt, 1, "quizzes:attempt_answer"), {"response": "Quảng Đông"})
    response = alice_client.post(
        reverse("quizzes:attempt_practise", args=[attempt.pk]),
        follow=True,
        HTTP_ACCEPT_LANGUAGE="en",
    )
    again = Attempt.objects.exclude(pk=attempt.pk).get()
    assert again.quiz.practice_of == attempt
    assert response.redirect_chain[-1][0] == _item_url(again, 1)
    assert "now first in your review queue" in response.content.decode()


def test_practise_with_nothing_missed_says_so_and_stays_on_the_results(alice_client, make_quiz):
    attempt = _start(alice_client, make_quiz([("cloze", "vi")]))
    alice_client.post(_item_url(attempt, 1, "quizzes:attempt_answer"), {"response": "Giang Tô"})
    response = alice_client.post(
        reverse("quizzes:attempt_practise", args=[attempt.pk]),
        follow=True,
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.redirect_chain[-1][0] == reverse("quizzes:attempt_results", args=[attempt.pk])
    assert "Nothing to practise" in response.content.decode()
    assert not Quiz.objects.filter(practice_of=attempt).exists()


def test_a_quiz_with_one_attempt_allowed_offers_no_second(alice_client, make_quiz):
    quiz = make_quiz([("cloze", "vi")], attempts_allowed=1)
    attempt = _start(alice_client, quiz)
    alice_client.post(_item_url(attempt, 1, "quizzes:attempt_answer"), {"response": "Giang Tô"})
    response = alice_client.post(
        reverse("quizzes:quiz_start", args=[quiz.pk]), follow=True, HTTP_ACCEPT_LANGUAGE="en"
    )
    assert "You have used all the attempts this quiz allows." in response.content.decode()
    assert Attempt.objects.count() == 1


# --- no answer before answering ----------------------------------------------------------------

OTHER_ANSWERS = {
    "single_choice": {"zh": "广东省", "vi": "Quảng Đông"},
    "multiple_choice": {"zh": ["教育", "经济"], "vi": ["giáo dục", "kinh tế"]},
    "true_false": {"zh": False, "vi": False},
    "matching": {
        "zh": [["江苏", "西藏"], ["上海", "四川"], ["广东", "新疆"]],
        "vi": [["Giang Tô", "Tây Tạng"], ["Thượng Hải", "Tứ Xuyên"], ["Quảng Đông", "Tân Cương"]],
    },
    "ordering": {
        "zh": ["教育支援", "医疗支援", "经济支援"],
        "vi": ["hỗ trợ giáo dục", "hỗ trợ y tế", "hỗ trợ kinh tế"],
    },
    "cloze": {"zh": "山东省", "vi": "Sơn Đông"},
    "translation": {"zh": "Sơn Đông", "vi": "山东"},
}


def _page_without_tokens(client, url, **headers) -> str:
    html = client.get(url, **headers).content.decode()
    html = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", html)
    html = re.sub(r'nonce="[^"]+"', "", html)
    return re.sub(r'"X-CSRFToken": "[^"]+"', "", html)


@pytest.mark.parametrize("language", ["zh", "vi"])
@pytest.mark.parametrize("qtype", TYPES)
def test_no_question_page_gives_its_answer_away(alice_client, make_quiz, qtype, language):
    """The page must be the same whatever the right answer is: nothing in the text, attributes,
    ids, scripts or fragment URLs depends on it. Typed answers must not appear at all."""
    attempt = _start(alice_client, make_quiz([(qtype, language)]))
    url = _item_url(attempt)
    pages = [_page_without_tokens(alice_client, url), _page_without_tokens(alice_client, url, **HX)]
    question = Question.objects.get()
    answer = question.answer
    question.answer = OTHER_ANSWERS[qtype][language]
    question.save(update_fields=["answer"])
    assert _page_without_tokens(alice_client, url) == pages[0]
    assert _page_without_tokens(alice_client, url, **HX) == pages[1]
    for page in pages:
        assert ZH_SOURCE not in page and VI_SOURCE not in page
        if qtype in ("cloze", "translation"):
            assert answer not in page


# --- queries -----------------------------------------------------------------------------------


def _wrong_response(item: AttemptItem) -> dict:
    """Form data a learner who got the question wrong would send."""
    question = item.question
    right = _right_response(item)
    if question.type in ("single_choice", "multiple_choice"):
        wrong = next(i for i, c in enumerate(item.choices) if c not in question.answer)
        return {"response": str(wrong)}
    if question.type == "true_false":
        return {"response": "false" if question.answer else "true"}
    if question.type in ("matching", "ordering"):
        keys = sorted(right)
        return dict(zip(keys, [right[k] for k in keys[1:] + keys[:1]], strict=True))
    return {"response": "sai hoàn toàn"}


@pytest.mark.parametrize("length", [2, 7])
@pytest.mark.parametrize("outcome", ["right", "wrong"])
@pytest.mark.parametrize("qtype", TYPES)
def test_submitting_an_answer_takes_the_same_queries_whatever_the_type_outcome_or_length(
    alice_client, make_quiz, django_assert_num_queries, length, outcome, qtype
):
    specs = [(qtype, "vi"), *[(t, "zh") for t in TYPES if t != qtype]][:length]
    # In Vietnamese, so the first question is the Vietnamese one ("mixed" draws its language).
    attempt = _start(alice_client, make_quiz(specs, language="vi"))
    item = attempt.items.select_related("question").get(position=1)
    data = _right_response(item) if outcome == "right" else _wrong_response(item)
    # The document's terms index is built by its first use (quizzes.term_index), then cached.
    term_index.for_document(attempt.quiz.document_id, attempt.quiz.document.updated_at)
    # session, user, item with its attempt, quiz, questions and document version, savepoint, the
    # update that stores the answer if the attempt is still open (locking it) and returns the
    # positions left unanswered (finished? progress, the way on), release. The savepoint pair is
    # the test's transaction: served, it is BEGIN and COMMIT (the test below). A wrong answer's
    # flashcards are brought forward after the response.
    with django_assert_num_queries(6):
        response = alice_client.post(_item_url(attempt, 1, "quizzes:attempt_answer"), data, **HX)
    assert response.status_code == 200
    item.refresh_from_db()
    assert item.is_answered and item.correct == (outcome == "right")


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("outcome", ["right", "wrong"])
def test_an_answer_served_outside_a_test_transaction_takes_four_statements_and_its_transaction(
    alice_client, make_quiz, django_assert_num_queries, outcome
):
    """As served: the view runs in autocommit, so its transaction is BEGIN (BEGIN IMMEDIATE on
    SQLite) and COMMIT, not the savepoint pair of a test transaction: the same count. A wrong
    answer's flashcards are brought forward once the response is sent (config.after_response),
    which the test client does before returning: stubbed here, and checked to come after."""
    quiz = make_quiz([("cloze", "vi"), *[(t, "zh") for t in TYPES]], language="vi")
    attempt = _start(alice_client, quiz)
    item = attempt.items.select_related("question").get(position=1)
    data = _right_response(item) if outcome == "right" else _wrong_response(item)
    term_index.for_document(attempt.quiz.document_id, attempt.quiz.document.updated_at)
    sent = []
    stub = mock.patch.object(taking, "forward_missed_cards", lambda *args: sent.append(args))
    # session, user, item, BEGIN, the conditional update that locks the attempt and returns the
    # positions left unanswered, COMMIT
    with stub, django_assert_num_queries(6):
        response = alice_client.post(_item_url(attempt, 1, "quizzes:attempt_answer"), data, **HX)
    assert response.status_code == 200
    assert len(sent) == (1 if outcome == "wrong" else 0)


def test_the_progress_bar_counts_the_questions_answered(alice_client, make_quiz, settings):
    settings.LANGUAGE_CODE = "en"
    attempt = _start(alice_client, make_quiz([("cloze", "vi"), *[(t, "zh") for t in TYPES]]))
    total = attempt.items.count()
    page = alice_client.get(_item_url(attempt, 2), HTTP_ACCEPT_LANGUAGE="en", **HX)
    assert f'<progress id="quiz-progress" value="0" max="{total}">' in page.content.decode()
    for answered, position in enumerate((1, 3), start=1):
        item = attempt.items.select_related("question").get(position=position)
        url = _item_url(attempt, position, "quizzes:attempt_answer")
        feedback = alice_client.post(url, _wrong_response(item), **HX).content.decode()
        # The feedback's bar counts the answer just stored.
        assert f'<progress id="quiz-progress" value="{answered}" max="{total}">' in feedback
    page = alice_client.get(_item_url(attempt, 2), HTTP_ACCEPT_LANGUAGE="en", **HX)
    assert f'<progress id="quiz-progress" value="2" max="{total}">' in page.content.decode()


@pytest.mark.parametrize("length", [2, 7])
def test_showing_a_question_takes_the_same_queries_whatever_the_quiz_length(
    alice_client, make_quiz, django_assert_num_queries, length
):
    specs = [("cloze", "vi"), *[(t, "zh") for t in TYPES]][:length]
    attempt = _start(alice_client, make_quiz(specs))
    # session, user, item with its attempt, quiz, questions and answered count (progress)
    with django_assert_num_queries(3):
        assert alice_client.get(_item_url(attempt), **HX).status_code == 200


def test_an_answer_posted_after_the_time_limit_is_refused_with_a_message(alice_client, make_quiz):
    quiz = make_quiz([("cloze", "vi"), ("true_false", "vi")], time_limit=5)
    attempt = _start(alice_client, quiz)
    Attempt.objects.filter(pk=attempt.pk).update(deadline=timezone.now() - timedelta(minutes=1))
    response = alice_client.post(
        _item_url(attempt, 1, "quizzes:attempt_answer"),
        {"response": "Giang Tô"},
        follow=True,
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.redirect_chain[-1][0] == reverse("quizzes:attempt_results", args=[attempt.pk])
    assert "Time is up" in response.content.decode()
    assert not attempt.items.filter(answered_at__isnull=False).exists()


def test_a_timed_question_page_shows_the_time_left(alice_client, make_quiz):
    attempt = _start(alice_client, make_quiz([("cloze", "vi")], time_limit=5))
    assert "data-deadline" in alice_client.get(_item_url(attempt)).content.decode()


def test_an_imported_questions_feedback_and_weights_reach_the_learner(
    alice_client, make_quiz, make_question
):
    question = make_question(
        "multiple_choice",
        "vi",
        key="imported",
        answer=["Hà Nội", "Huế"],
        choices=["Hà Nội", "Huế", "Làng Vũ Đại", "Đà Lạt"],
        weights={"Hà Nội": 0.5, "Huế": 0.5, "Làng Vũ Đại": -1.0, "Đà Lạt": 0.0},
        feedback={"general": "Hai thành phố có thật.", "answers": {"Đà Lạt": "Có thật, nhưng…"}},
    )
    attempt = _start(alice_client, make_quiz([question]))
    item = attempt.items.get()
    picked = [str(item.choices.index(c)) for c in ("Hà Nội", "Đà Lạt")]
    page = alice_client.post(
        _item_url(attempt, 1, "quizzes:attempt_answer"),
        {"response": picked},
        follow=True,
        HTTP_ACCEPT_LANGUAGE="en",
    ).content.decode()
    item.refresh_from_db()
    assert item.score == 0.5, "Moodle's weights: 50 % + 0 %"
    assert "Comment" in page and "Có thật, nhưng…" in page and "Hai thành phố có thật." in page


def test_the_results_say_the_time_ran_out(alice_client, alice, make_quiz):
    quiz = make_quiz([("cloze", "vi"), ("true_false", "vi")], time_limit=5)
    attempt = taking.start_attempt(quiz, alice)
    Attempt.objects.filter(pk=attempt.pk).update(deadline=timezone.now() - timedelta(minutes=1))
    response = alice_client.get(
        reverse("quizzes:attempt_results", args=[attempt.pk]), HTTP_ACCEPT_LANGUAGE="en"
    )
    assert "Time ran out" in response.content.decode()


def test_results_finished_in_time_say_nothing_of_time(alice_client, alice, make_quiz):
    quiz = make_quiz([("cloze", "vi")], time_limit=5)
    attempt = taking.start_attempt(quiz, alice)
    taking.finish_attempt(attempt)
    response = alice_client.get(
        reverse("quizzes:attempt_results", args=[attempt.pk]), HTTP_ACCEPT_LANGUAGE="en"
    )
    assert "Time ran out" not in response.content.decode()


def test_quiz_cards_show_question_count_best_score_and_attempts_left(
    alice_client, alice, make_quiz
):
    quiz = make_quiz([("cloze", "vi"), ("true_false", "vi")], attempts_allowed=3)
    attempt = taking.start_attempt(quiz, alice)
    item = attempt.items.select_related("attempt__quiz", "question").get(position=1)
    taking.record_answer(item, item.question.answer)
    taking.finish_attempt(attempt)
    html = alice_client.get(
        reverse("quizzes:quiz_list"), HTTP_ACCEPT_LANGUAGE="en"
    ).content.decode()
    assert "2 questions" in html and "Best score: 50%" in html and "2 of 3 left" in html


# --- unreadable answers: option indexes outside 0 ≤ i < n, control characters --------------


def _first_item(client, quiz) -> AttemptItem:
    return _start(client, quiz).items.select_related("question").get(position=1)


def _answer(client, item, data):
    url = reverse("quizzes:attempt_answer", args=[item.attempt_id, item.position])
    return client.post(url, data, follow=True, HTTP_ACCEPT_LANGUAGE="en")


def test_response_minus_one_is_refused(alice_client, make_quiz):
    item = _first_item(alice_client, make_quiz([("single_choice", "vi")]))
    response = _answer(alice_client, item, {"response": "-1"})
    assert "That answer could not be read." in response.content.decode()
    item.refresh_from_db()
    assert not item.is_answered and item.response is None


@pytest.mark.parametrize("raw", ["-1", "n", "99", "1e3", " "])
def test_a_multiple_choice_index_outside_the_options_is_refused(alice_client, make_quiz, raw):
    item = _first_item(alice_client, make_quiz([("multiple_choice", "vi")]))
    raw = str(len(item.choices)) if raw == "n" else raw
    _answer(alice_client, item, {"response": ["0", raw]})
    item.refresh_from_db()
    assert not item.is_answered


@pytest.mark.parametrize("raw", ["-1", "-2", "42"])
def test_a_matching_index_outside_the_options_is_refused(alice_client, make_quiz, raw):
    item = _first_item(alice_client, make_quiz([("matching", "vi")]))
    data = {f"match-{i}": "0" for i in range(len(item.question.answer))} | {"match-0": raw}
    _answer(alice_client, item, data)
    item.refresh_from_db()
    assert not item.is_answered


def test_one_option_sent_twice_under_two_spellings_counts_once(alice_client, make_quiz):
    item = _first_item(alice_client, make_quiz([("multiple_choice", "vi")]))
    _answer(alice_client, item, {"response": ["0", "00", "+0"]})
    item.refresh_from_db()
    assert item.response == [item.choices[0]]


@pytest.mark.parametrize("typed", ["Giang\x00Tô", "Giang\x1bTô", "\x07Giang Tô"])
def test_a_nul_in_a_typed_answer_is_a_clear_message_not_a_500(alice_client, make_quiz, typed):
    item = _first_item(alice_client, make_quiz([("cloze", "vi")]))
    response = _answer(alice_client, item, {"response": typed})
    assert response.status_code == 200
    assert "invisible control character" in response.content.decode()
    item.refresh_from_db()
    assert not item.is_answered


def test_a_typed_answer_may_hold_tabs_and_new_lines(alice_client, make_quiz):
    item = _first_item(alice_client, make_quiz([("cloze", "vi")]))
    _answer(alice_client, item, {"response": "Giang\tTô\r\n"})
    item.refresh_from_db()
    assert item.is_answered
