"""What a teacher does to questions: publish, retire, save an edit, find a question's source
sentence. Domain functions, no HTTP; callers check access first (teaching.access)."""

import operator
from dataclasses import dataclass
from functools import reduce

from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone

from content.models import Sentence
from quizzes.models import Question, QuizQuestion
from teaching.access import must_copy

STATUSES = tuple(Question.Status.values)


def set_status(question: Question, status: str) -> None:
    if status not in STATUSES:
        raise ValueError(status)
    question.status = status
    question.save(update_fields=["status", "updated_at"])


def set_status_of(questions: QuerySet[Question], status: str) -> int:
    """Give every question of `questions` `status`; returns how many changed."""
    if status not in STATUSES:
        raise ValueError(status)
    return questions.exclude(status=status).update(status=status, updated_at=timezone.now())


@transaction.atomic
def save_question(question: Question, values: dict, user) -> Question:
    """Store a teacher's version of `question` (new or existing) with `values`; returns the
    question saved, which is a new one when the edit had to go to a copy.

    A generated question the teacher edits becomes theirs: origin "authored", author `user`.
    It keeps its generator key, so regenerating the document neither overwrites the teacher's
    wording nor adds the generated original again (quizzes.bank skips authored questions).

    A question in another teacher's quiz, or not the teacher's to curate (one of their quiz
    that someone else wrote), is never changed: the edit goes to the teacher's own copy, which
    takes the original's place in the teacher's quizzes (teaching.access.must_copy).
    """
    if must_copy(question, user):
        return _save_copy(question, values, user)
    for field, value in values.items():
        setattr(question, field, value)
    if question.pk is None or question.origin == Question.Origin.GENERATED:
        question.origin = Question.Origin.AUTHORED
        question.author = user
    question.save()
    return question


def _save_copy(original: Question, values: dict, user) -> Question:
    copy = Question.objects.get(pk=original.pk)
    copy.pk = copy.id = None
    copy._state.adding = True
    # No generator key (the original keeps it) and no variant: a bilingual or single-language
    # quiz of someone else must never pick the copy as the original's other-language sibling.
    copy.key, copy.variant = "", ""
    for field, value in values.items():
        setattr(copy, field, value)
    copy.origin, copy.author = Question.Origin.AUTHORED, user
    copy.save()
    QuizQuestion.objects.filter(quiz__owner=user, question=original).update(question=copy)
    return copy


@dataclass(frozen=True)
class Source:
    passage: int | None  # 1-based paragraph number
    url: str  # the document page, at the sentence (or the paragraph)


def _anchor(document, *, sentence: int | None = None, passage: int | None = None, lang="zh"):
    url = document.get_absolute_url()
    if sentence is not None:
        return f"{url}#s{sentence}-{lang}"
    return f"{url}#p{passage}" if passage is not None else url


def sources(questions: list[Question]) -> dict[int, Source]:
    """Where each question comes from: its source sentence in the document (matched by text in
    the question's language, in one query), else its fact's paragraph."""
    conditions = []
    for language in ("zh", "vi"):
        texts = {
            (q.document_id, q.source) for q in questions if q.language == language and q.source
        }
        for document_id in {d for d, _ in texts}:
            in_document = [t for d, t in texts if d == document_id]
            conditions.append(Q(document_id=document_id, **{f"{language}__in": in_document}))
    found = {}
    if conditions:
        wanted = reduce(operator.or_, conditions)
        sentences = Sentence.objects.filter(wanted).select_related("passage")
        for s in sentences.only("document_id", "index", "zh", "vi", "passage__index"):
            for language in ("zh", "vi"):
                found.setdefault((s.document_id, language, getattr(s, language)), s)
    out = {}
    for q in questions:
        sentence = found.get((q.document_id, q.language, q.source))
        if sentence is not None:
            number = sentence.passage.index + 1
            out[q.pk] = Source(
                number, _anchor(q.document, sentence=sentence.index, lang=q.language)
            )
        elif q.fact_id and q.fact.passage_id:
            number = q.fact.passage.index + 1
            out[q.pk] = Source(number, _anchor(q.document, passage=number))
    return out


def answer_text(question: Question) -> str:
    """The right answer as one line a teacher reads at a glance."""
    answer = question.answer
    if question.type == Question.Type.TRUE_FALSE:
        return "✓" if answer else "✗"
    if question.type == Question.Type.MATCHING:
        return " · ".join(f"{left} → {right}" for left, right in answer)
    if question.type == Question.Type.ORDERING:
        return " → ".join(answer)
    if isinstance(answer, list):
        return " / ".join(str(a) for a in answer)
    return str(answer)
