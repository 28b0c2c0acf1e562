"""Who may see which quiz, and whose eyes an answer key may reach.

Quizzes: every view gets a quiz through quizzes_for (its page, taking it, its deck) or
quizzes_owned_by (building it, its statistics), and an attempt through attempts_of:
get_object_or_404(access.quizzes_for(user), pk=pk). The rules of who may take a quiz, and when,
are quizzes.assignments'.

Answer keys: the one rule every Anki deck builder (quizzes.anki) and the bringing forward of
missed facts' flashcards (quizzes.taking.bring_missed_forward) use, so a key never leaves before
the learner's right to see it.

A learner may already see a question answered when it is
- in a published practice quiz (no owner: practice answers are shown after each question);
- in a quiz they own (a teacher knows their own exam), or theirs to curate in the bank (a
  teacher reads those keys there already: `curatable`, which teaching.access uses);
- one they were asked in an attempt they have finished: the results page shows every
  question of a finished attempt with its right answer (Dongxi has no setting that hides
  them, so a finished attempt is the teacher's consent).
Never: an authored exam question of a quiz they cannot take, have not started or have not
finished, nor a question of an attempt still open (even one with feedback after each answer:
the deck would give the keys of the questions still to come).
"""

from __future__ import annotations

from django.db.models import Q, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone

from config.prepared import Prepared
from quizzes.assignments import visible_quizzes
from quizzes.models import Attempt, AttemptItem, ExportJob, Question, Quiz, QuizQuestion

# Passed as a deck builder's `for_user` by the operator's command (manage.py export_anki): no
# learner is downloading, so every published question goes in.
OPERATOR = None


def quizzes_for(user) -> QuerySet[Quiz]:
    """The quizzes whose page `user` may see, take (when open) and download as a deck: published
    practice quizzes, their own, and published quizzes assigned to one of their classes that
    have opened (quizzes.assignments.visible_quizzes)."""
    return visible_quizzes(user)


# get_quiz_for_user's query, compiled once (config.prepared): starting a quiz runs it.
_QUIZ = Prepared(
    lambda p: visible_quizzes(p.user, p.now).select_related("document", "owner").filter(pk=p.quiz),
    datetimes=("now",),
)


def get_quiz_for_user(user, pk: int) -> Quiz:
    """The quiz `pk` if `user` may see it (quizzes_for), with its document and owner; 404
    otherwise. The quiz page, taking it and its deck all fetch it here."""
    if user.pk is None:  # no one signed in: only what anyone may see
        return get_object_or_404(quizzes_for(user).select_related("document", "owner"), pk=pk)
    quiz = _QUIZ.first(user=user.pk, now=timezone.now(), quiz=pk)
    if quiz is None:
        raise Http404
    return quiz


def quizzes_owned_by(user) -> QuerySet[Quiz]:
    """The quizzes `user` builds and reads the statistics of: their own. Quizzes are not shared,
    and practice quizzes (no owner) are nobody's."""
    return Quiz.objects.filter(owner=user)


def attempts_of(user) -> QuerySet[Attempt]:
    """The attempts `user` may resume, answer and read the results of: their own."""
    return Attempt.objects.filter(user=user)


def attempt_items_of(user) -> QuerySet[AttemptItem]:
    """The questions of attempts `user` may answer and read: those of their own attempts."""
    return AttemptItem.objects.filter(attempt__user=user)


def export_jobs_of(user) -> QuerySet[ExportJob]:
    """The Anki exports whose status and file `user` may see: their own."""
    return ExportJob.objects.filter(user=user)


def curatable(user) -> Q:
    """The questions that are `user`'s to curate (edit in place, publish, retire), before the
    exams of others are taken into account (teaching.access.status_changeable)."""
    generated = Q(origin=Question.Origin.GENERATED) & (
        Q(document__created_by=user) | Q(document__created_by__isnull=True)
    )
    return Q(origin=Question.Origin.AUTHORED, author=user) | generated


def questions_with_visible_keys(user) -> QuerySet[Question]:
    """The questions whose answer `user` may already see (see the module docstring)."""
    practice = QuizQuestion.objects.filter(
        quiz__owner__isnull=True, quiz__status=Quiz.Status.PUBLISHED
    ).values("question")
    own = QuizQuestion.objects.filter(quiz__owner=user).values("question")
    finished = AttemptItem.objects.filter(attempt__user=user, attempt__finished_at__isnull=False)
    rule = (
        Q(pk__in=practice)
        | Q(pk__in=own)
        | Q(pk__in=finished.values("question"))
        | Q(pk__in=finished.filter(prompt_question__isnull=False).values("prompt_question"))
    )
    if getattr(user, "is_teacher", False):
        rule |= curatable(user)
    return Question.objects.filter(rule, status=Question.Status.PUBLISHED)


def with_visible_keys(questions: QuerySet[Question], user) -> QuerySet[Question]:
    """`questions` narrowed to those whose key `user` may see; all of them for OPERATOR."""
    if user is OPERATOR:
        return questions
    return questions.filter(pk__in=questions_with_visible_keys(user).values("pk"))


def _asked_in_open_end_feedback_attempts(user_id, facts) -> QuerySet[AttemptItem]:
    return AttemptItem.objects.filter(
        attempt__user_id=user_id,
        attempt__finished_at__isnull=True,
        attempt__quiz__feedback=Quiz.Feedback.END,
        question__fact_id__in=facts,
    ).values_list("question__fact_id", flat=True)


# One fact (a wrong answer's, after every miss): compiled once (config.prepared).
_HIDDEN_FACT = Prepared(lambda p: _asked_in_open_end_feedback_attempts(p.user, [p.fact])[:1])


def facts_hidden_until_finished(user, fact_ids) -> set[int]:
    """Of `fact_ids`, the facts asked in an attempt of `user` that is still open at a quiz with
    feedback at the end: their cards would show the answer before the results do. Only the
    user's pk is read."""
    fact_ids = list(fact_ids)
    if len(fact_ids) == 1:
        return set(_HIDDEN_FACT.all(user=user.pk, fact=fact_ids[0]))
    return set(_asked_in_open_end_feedback_attempts(user.pk, fact_ids))
