""" "Practise what I missed": after a finished attempt, a short quiz of the questions the
learner did not get right, theirs alone, and their facts' flashcards brought to the front of the
review queue. Generated and authored questions alike (an authored question without a fact has no
cards, but is re-asked all the same)."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction
from django.utils.translation import gettext as _

from quizzes import taking
from quizzes.models import Attempt, Question, Quiz, QuizQuestion


@dataclass(frozen=True)
class Practice:
    quiz: Quiz | None  # None: nothing was missed
    questions: int
    cards: int  # flashcards brought forward


def missed_questions(attempt: Attempt) -> list[Question]:
    """The questions of `attempt` not answered fully right, in the order asked, each as shown
    (the prompt's question in a bilingual quiz is graded as the one asked: re-ask the asked one)."""
    items = attempt.items.filter(correct=False).select_related("question").order_by("position")
    questions = [item.question for item in items]
    return [q for q in questions if q.status != Question.Status.RETIRED]


def practise_missed(attempt: Attempt) -> Practice:
    """The learner's practice quiz of what they missed in the finished `attempt` (made once,
    then reused), and their missed facts' cards sent forward."""
    questions = missed_questions(attempt)
    if not questions:
        return Practice(None, 0, 0)
    cards = taking.practise_missed(attempt)
    with transaction.atomic():
        quiz = attempt.practice_quizzes.filter(owner=attempt.user).first()
        if quiz is None:
            quiz = Quiz.objects.create(
                title=_("What I missed: %(title)s") % {"title": attempt.quiz.title},
                document_id=attempt.quiz.document_id,
                owner=attempt.user,
                practice_of=attempt,
                order=Quiz.Order.RANDOM,
                language=Quiz.Language.MIXED,
                feedback=Quiz.Feedback.IMMEDIATE,
                status=Quiz.Status.PUBLISHED,
            )
            QuizQuestion.objects.bulk_create(
                QuizQuestion(quiz=quiz, question=q, position=i)
                for i, q in enumerate(dict.fromkeys(questions), start=1)
            )
    return Practice(quiz, len(questions), cards)
