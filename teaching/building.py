"""Building a quiz: which questions it may hold, adding them by hand or by a rule, their order,
publishing. Domain functions, no HTTP; callers check that the teacher owns the quiz.

A quiz holds questions of its own document that its teacher may read (teaching.access:
published ones, or their own), never a retired one. Positions run 1…n with no gap and are
rewritten in one transaction, the quiz's row locked, so two tabs cannot interleave a move.
"""

from __future__ import annotations

import random
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import QuerySet

from quizzes.models import Question, Quiz, QuizQuestion
from quizzes.overlap import Asked, asked, overlap
from teaching.access import visible
from teaching.curation import sources

# --- picking by a rule (pure) -----------------------------------------------------------------


@dataclass(frozen=True)
class Candidate:
    """A question as the rule sees it: plain values, no model."""

    pk: int
    type: str
    language: str
    paragraph: int | None = None  # 1-based; None when the question has no known paragraph
    variant: str = ""  # shared by one question's versions in each language
    asked: Asked | None = None  # what it asks and shows (quizzes.overlap); None: never overlaps


@dataclass(frozen=True)
class Rule:
    """ "`count` random questions from these paragraphs, of these types, in this language":
    an empty set or language means any."""

    count: int
    paragraphs: frozenset[int] = field(default_factory=frozenset)
    types: frozenset[str] = field(default_factory=frozenset)
    language: str = ""

    def admits(self, candidate: Candidate) -> bool:
        return (
            (not self.paragraphs or candidate.paragraph in self.paragraphs)
            and (not self.types or candidate.type in self.types)
            and (not self.language or candidate.language == self.language)
        )


def pick(
    candidates: Sequence[Candidate],
    rule: Rule,
    rng: random.Random,
    *,
    taken: Collection[int] = (),
    taken_variants: Collection[str] = (),
    taken_asked: Collection[Asked | None] = (),
) -> list[int]:
    """Up to `rule.count` candidates the rule admits, drawn at random, never one already in the
    quiz (`taken`) nor a second version of one question (same variant, other language); one
    fact, one question, as an attempt draws them (quizzes.overlap: no two overlap, nor one with
    `taken_asked`, the quiz's questions already), unless too few facts are left to fill the
    count; in the candidates' order, so a quiz reads in document order."""
    pool, variants = [], set(taken_variants)
    shown = [a for a in taken_asked if a is not None]
    shuffled = [c for c in candidates if c.pk not in taken and rule.admits(c)]
    rng.shuffle(shuffled)
    overlapping = []
    for candidate in shuffled:
        if len(pool) == rule.count:
            break
        if candidate.variant and candidate.variant in variants:
            continue
        if candidate.asked and any(overlap(candidate.asked, other) for other in shown):
            overlapping.append(candidate)
            continue
        if candidate.variant:
            variants.add(candidate.variant)
        if candidate.asked:
            shown.append(candidate.asked)
        pool.append(candidate.pk)
    for candidate in overlapping:
        if len(pool) == rule.count:
            break
        if candidate.variant in variants and candidate.variant:
            continue
        variants.add(candidate.variant)
        pool.append(candidate.pk)
    chosen = set(pool)
    return [c.pk for c in candidates if c.pk in chosen]


# --- reading the database ---------------------------------------------------------------------


def addable(quiz: Quiz, user) -> QuerySet[Question]:
    """The questions `user` may put in `quiz`: of its document, readable by them, not retired."""
    return Question.objects.filter(visible(user), document_id=quiz.document_id).exclude(
        status=Question.Status.RETIRED
    )


def candidates(questions: Iterable[Question]) -> list[Candidate]:
    """Candidates for the rule, with each question's paragraph (its source sentence's, else its
    fact's), in document order."""
    questions = list(questions)
    found = sources(questions)
    out = [
        Candidate(
            q.pk,
            q.type,
            q.language,
            found[q.pk].passage if q.pk in found else None,
            q.variant,
            asked(q),
        )
        for q in questions
    ]
    return sorted(out, key=lambda c: (c.paragraph is None, c.paragraph or 0, c.pk))


def entries(quiz: Quiz) -> list[QuizQuestion]:
    return list(quiz.entries.select_related("question").order_by("position", "id"))


def add_by_rule(quiz: Quiz, user, rule: Rule, rng: random.Random | None = None) -> int:
    """Add what `rule` picks among the published questions `user` may add; how many were added."""
    published = addable(quiz, user).filter(status=Question.Status.PUBLISHED)
    pool = candidates(published.select_related("document", "fact__passage"))
    current = entries(quiz)
    picked = pick(
        pool,
        rule,
        rng or random.Random(),
        taken={e.question_id for e in current},
        taken_variants={e.question.variant for e in current if e.question.variant},
        taken_asked=[asked(e.question) for e in current],
    )
    return add(quiz, user, picked)


# --- changing the quiz ------------------------------------------------------------------------


@transaction.atomic
def add(quiz: Quiz, user, question_ids: Iterable[int]) -> int:
    """Append the questions (in the order given) that `user` may add and the quiz lacks; how many
    were added. Others are skipped silently: the caller offered only addable ones."""
    Quiz.objects.select_for_update().filter(pk=quiz.pk).first()
    wanted = list(dict.fromkeys(question_ids))
    allowed = set(addable(quiz, user).filter(pk__in=wanted).values_list("pk", flat=True))
    present = set(quiz.entries.values_list("question_id", flat=True))
    new = [pk for pk in wanted if pk in allowed and pk not in present]
    start = quiz.entries.count()
    QuizQuestion.objects.bulk_create(
        QuizQuestion(quiz=quiz, question_id=pk, position=start + i)
        for i, pk in enumerate(new, start=1)
    )
    return len(new)


@transaction.atomic
def remove(quiz: Quiz, question_id: int) -> bool:
    """Take the question out of the quiz and close the gap; False when it was not there."""
    Quiz.objects.select_for_update().filter(pk=quiz.pk).first()
    deleted, _ = quiz.entries.filter(question_id=question_id).delete()
    _renumber(quiz, [e.question_id for e in entries(quiz)])
    return bool(deleted)


class OrderMismatch(ValueError):
    """The order sent does not name exactly the quiz's questions (another tab changed it)."""


@transaction.atomic
def reorder(quiz: Quiz, question_ids: Sequence[int]) -> None:
    """Positions 1…n in the order given, which must name each of the quiz's questions once."""
    Quiz.objects.select_for_update().filter(pk=quiz.pk).first()
    current = [e.question_id for e in entries(quiz)]
    if sorted(question_ids) != sorted(current):
        raise OrderMismatch
    _renumber(quiz, list(question_ids))


@transaction.atomic
def move(quiz: Quiz, question_id: int, offset: int) -> bool:
    """Move a question `offset` places (−1 up, +1 down); False when it cannot move."""
    Quiz.objects.select_for_update().filter(pk=quiz.pk).first()
    order = [e.question_id for e in entries(quiz)]
    if question_id not in order:
        return False
    here = order.index(question_id)
    there = here + offset
    if not 0 <= there < len(order):
        return False
    order[here], order[there] = order[there], order[here]
    _renumber(quiz, order)
    return True


def _renumber(quiz: Quiz, order: list[int]) -> None:
    rows = {e.question_id: e for e in quiz.entries.all()}
    changed = []
    for position, question_id in enumerate(order, start=1):
        entry = rows[question_id]
        if entry.position != position:
            entry.position = position
            changed.append(entry)
    QuizQuestion.objects.bulk_update(changed, ["position"])


# --- publishing -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Problem:
    """Why a quiz cannot be published; `code` is stable, the web layer words it."""

    code: str
    count: int = 0


def publish_problems(quiz: Quiz) -> list[Problem]:
    """What stops `quiz` from being published: no question, questions students would not see
    (drafts or retired), more questions drawn than it holds."""
    statuses = [e.question.status for e in entries(quiz)]
    problems = []
    if not statuses:
        problems.append(Problem("no_questions"))
    unpublished = sum(1 for s in statuses if s != Question.Status.PUBLISHED)
    if unpublished:
        problems.append(Problem("unpublished_questions", unpublished))
    if quiz.draw and quiz.draw > len(statuses):
        problems.append(Problem("draw_too_large", len(statuses)))
    return problems


def set_status(quiz: Quiz, status: str) -> list[Problem]:
    """Publish (when nothing stops it) or return to draft; the problems found, if any."""
    if status not in Quiz.Status.values:
        raise ValueError(status)
    if status == Quiz.Status.PUBLISHED:
        problems = publish_problems(quiz)
        if problems:
            return problems
    quiz.status = status
    quiz.save(update_fields=["status", "updated_at"])
    return []
