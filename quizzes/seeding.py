"""A ready practice quiz for a document, so a fresh install has something to take.

The generator leaves its questions as drafts for a teacher to review; a practice quiz publishes a
small, balanced selection (a few of each type, in both languages) and draws ten of them at random
for each attempt. It never touches a document that already has a quiz.
"""

from collections import defaultdict

from django.db import transaction

from content.models import Document
from quizzes.models import Question, Quiz, QuizQuestion

PER_TYPE_AND_LANGUAGE = 2
DRAW = 10


def pick_practice_questions(document: Document) -> list[Question]:
    """A few questions of each type and language, spread over the document's paragraphs."""
    groups: dict[tuple[str, str], list[Question]] = defaultdict(list)
    candidates = (
        Question.objects.filter(document=document)
        .exclude(status=Question.Status.RETIRED)
        .select_related("fact__passage")
        .order_by("id")
    )
    for question in candidates:
        groups[(question.type, question.language)].append(question)
    picked = []
    for (_type, _language), questions in sorted(groups.items()):
        # Prefer questions from different paragraphs.
        seen, spread = set(), []
        for question in questions:
            passage = question.fact.passage_id if question.fact else None
            if passage not in seen:
                seen.add(passage)
                spread.append(question)
        picked += (spread + [q for q in questions if q not in spread])[:PER_TYPE_AND_LANGUAGE]
    return picked


@transaction.atomic
def ensure_practice_quiz(document: Document) -> Quiz | None:
    """The document's practice quiz, created and published if it has no quiz yet; None when it
    has quizzes already or no questions."""
    if document.quizzes.exists():
        return None
    questions = pick_practice_questions(document)
    if not questions:
        return None
    Question.objects.filter(pk__in=[q.pk for q in questions]).update(
        status=Question.Status.PUBLISHED
    )
    quiz = Quiz.objects.create(
        title=str(document),
        document=document,
        order=Quiz.Order.RANDOM,
        draw=min(DRAW, len(questions)),
        language=Quiz.Language.MIXED,
        feedback=Quiz.Feedback.IMMEDIATE,
        status=Quiz.Status.PUBLISHED,
    )
    QuizQuestion.objects.bulk_create(
        QuizQuestion(quiz=quiz, question=q, position=i) for i, q in enumerate(questions, start=1)
    )
    return quiz
