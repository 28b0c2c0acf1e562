"""Taking a quiz: starting and resuming attempts, reading a response from a form, grading and
recording it exactly once, finishing. No HTTP here: views call these functions.

Fairness rules kept on the server:
- An attempt's questions and option orders are drawn once, when it starts, and stored, so a
  reload or a second tab never reshuffles anything under the learner's cursor.
- An answer is recorded by a conditional UPDATE (`answered_at IS NULL`): a double click, the back
  button or a second tab cannot record or grade the same question twice.
- Each POST names the question it answers, and is graded for that question, whatever the other
  tab shows now.
- The time limit is checked here, not in the browser: an answer that arrives after the deadline
  (plus a few seconds for the network) is not counted and the attempt is finished. An assigned
  quiz's closing time is a deadline too (quizzes.assignments says who may start what, when).
- Answering and finishing take turns on the attempt (lock_attempt): an answer that comes after
  the finish is refused, never graded; the last answer finishes the attempt exactly once, so
  an open attempt always has a question left; a finished attempt's score is its items' sum.
"""

from __future__ import annotations

import logging
import random
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from django.db import IntegrityError, connection, transaction
from django.db.models import Count, IntegerField, Max, Q, Subquery, Sum
from django.db.models.functions import Coalesce
from django.db.models.sql import UpdateQuery
from django.utils import timezone

from config.after_response import defer
from config.prepared import Prepared
from content.lang.grading import Grade
from content.lang.hygiene import first_control
from flashcards.services import bring_forward
from quizzes import access, assignments, overlap, term_index
from quizzes.grading import CHOICE_TYPES, grade
from quizzes.models import Attempt, AttemptItem, Question, Quiz, QuizQuestion

logger = logging.getLogger(__name__)

# Time allowed after the deadline for an answer already on its way.
GRACE = timedelta(seconds=5)


class QuizUnavailable(Exception):
    """The learner may not start this quiz now; `code` says why (stable, translated by views)."""

    def __init__(self, code: str):
        super().__init__(code)
        self.code = code


class InvalidResponse(Exception):
    """The form did not hold an answer this question can take; nothing was recorded."""

    def __init__(self, code: str):
        super().__init__(code)
        self.code = code


# --- starting ---------------------------------------------------------------------------------


def open_attempt(quiz: Quiz, user) -> Attempt | None:
    return Attempt.objects.filter(quiz=quiz, user=user, finished_at__isnull=True).first()


def attempts_left(quiz: Quiz, user, *, used: int | None = None) -> int | None:
    """How many more attempts the learner may start; None when unlimited (and for the quiz's
    owner, who previews it by taking it). `used`: the learner's attempts at the quiz, when the
    caller has counted them."""
    if not quiz.attempts_allowed or (quiz.owner_id is not None and quiz.owner_id == user.pk):
        return None
    if used is None:
        used = Attempt.objects.filter(quiz=quiz, user=user).count()
    return max(0, quiz.attempts_allowed - used)


def start_attempt(
    quiz: Quiz, user, *, now=None, rng: random.Random | None = None, language: str = ""
) -> Attempt:
    """The learner's unfinished attempt at `quiz`, or a new one. Raises QuizUnavailable when
    quizzes.assignments.access refuses (a draft, not assigned, not open yet, closed) or no
    attempt is left. An attempt at an assigned quiz ends at its closing time at the latest.
    `language` (a Quiz.Language value) is the learner's choice for a practice quiz; a teacher's
    quiz keeps its own. The attempt's `resumed` says which it is: False for one just started,
    whose first question is position 1 (a view sends the learner there with no detour)."""
    now = now or timezone.now()
    # The learner's attempts at the quiz in one query: the open one's id, the last number, how
    # many (the attempts left); the open attempt itself is read only when there is one.
    mine = Attempt.objects.filter(quiz=quiz, user=user).aggregate(
        open=Max("pk", filter=Q(finished_at__isnull=True)), number=Max("number"), used=Count("pk")
    )
    current = mine["open"] and Attempt.objects.filter(pk=mine["open"], finished_at=None).first()
    if current:
        if not current.time_is_up(now - GRACE):
            current.resumed = True
            return current
        finish_attempt(current, now=now)
    rules = assignments.access(quiz, user, now)
    if rules.refusal:
        raise QuizUnavailable(rules.refusal)
    if attempts_left(quiz, user, used=mine["used"]) == 0:
        raise QuizUnavailable("no_attempts_left")
    plan = plan_items(quiz, rng or random.Random(), language=language)
    if not plan:
        raise QuizUnavailable("no_questions")
    number = mine["number"] or 0
    try:
        with transaction.atomic():
            attempt = Attempt.objects.create(
                quiz=quiz,
                user=user,
                number=number + 1,
                started_at=now,
                deadline=assignments.deadline(now, quiz.time_limit, rules.closes_at),
                max_score=len(plan),
            )
            AttemptItem.objects.bulk_create(
                AttemptItem(attempt=attempt, position=i, **fields)
                for i, fields in enumerate(plan, start=1)
            )
    except IntegrityError:
        # Another tab started the attempt a moment ago: resume that one.
        current = open_attempt(quiz, user)
        if current is None:
            raise
        current.resumed = True
        return current
    attempt.resumed = False
    return attempt


def practice_language(quiz: Quiz, chosen: str) -> str:
    """The language an attempt is asked in: the learner's choice for a practice quiz (no
    owner) when it is a Quiz.Language, the quiz's own setting otherwise."""
    if quiz.owner_id is None and chosen in Quiz.Language.values:
        return chosen
    return quiz.language


# What planning an attempt reads of its questions (not their formatted text, sources or
# feedback, which the question pages read with each item).
_PLANNED = (
    "fact_id",
    "variant",
    "type",
    "language",
    "prompt",
    "answer",
    "choices",
    "subset",
    "status",
)


# The quiz's entries with their questions, in order, and the questions in the quiz's variants
# (the same question in the other language), compiled once (config.prepared): every attempt
# started reads them, and building the querysets took longer than reading them.
_PLAN_ENTRIES = Prepared(
    lambda p: (
        QuizQuestion.objects.filter(quiz_id=p.quiz)
        .select_related("question")
        .order_by("position")
        .only("question_id", "position", *(f"question__{name}" for name in _PLANNED))
    )
)
_PLAN_VARIANTS = Prepared(
    lambda p: (
        Question.objects.filter(
            variant__in=QuizQuestion.objects.filter(quiz_id=p.quiz)
            .exclude(question__variant="")
            .values("question__variant")
        )
        .exclude(status=Question.Status.RETIRED)
        .only(*_PLANNED)
    )
)


def plan_items(quiz: Quiz, rng: random.Random, *, language: str = "") -> list[dict]:
    """The questions of a new attempt, in the order asked, each with its options' order. A
    practice quiz mixes for real: in "mixed", each question is asked in Chinese or Vietnamese
    at random, and "bilingual" runs both ways (prompt in either language)."""
    # A learner's quiz of what they missed (quizzes.missed) re-asks exactly what they were asked.
    asked = (Question.Status.PUBLISHED, Question.Status.DRAFT) if quiz.practice_of_id else ()
    entries = _PLAN_ENTRIES.all(quiz=quiz.pk)
    questions = [
        entry.question
        for entry in entries
        if entry.question.status == Question.Status.PUBLISHED or entry.question.status in asked
    ]
    practice = quiz.owner_id is None
    pairs = _in_language(
        practice_language(quiz, language), questions, quiz, rng=rng if practice else None
    )
    if quiz.draw and quiz.draw < len(pairs):
        # One fact, one question (quizzes.overlap): no question gives another's answer away.
        keep = overlap.draw([overlap.asked(*dict.fromkeys(p)) for p in pairs], quiz.draw, rng)
        pairs = [pairs[i] for i in keep]
    if quiz.order == Quiz.Order.RANDOM:
        rng.shuffle(pairs)
    return [
        {
            "question": asked,
            "prompt_question": prompt,
            "choices": shown_choices(asked, rng, shuffle=quiz.shuffle_options),
        }
        for asked, prompt in pairs
    ]


def _in_language(
    language: str, questions: list[Question], quiz: Quiz, *, rng: random.Random | None = None
) -> list[tuple[Question, Question]]:
    """(question graded, question whose prompt is shown) for each question, in the quiz's
    language: a question in the other language is replaced by its variant in this one when the
    bank has it; a bilingual quiz shows one language's prompt and takes the other's answer.
    With `rng` (a practice quiz), "mixed" and "bilingual" pick each question's language (its
    prompt's, when bilingual) at random, so both languages come about equally often. The
    variants are read as those of `quiz`, whose `questions` are, in one compiled query (those of
    its questions not asked too: never looked up)."""
    variants = {q.variant for q in questions if q.variant}
    siblings: dict[tuple[str, str], Question] = {}
    if variants and (language != Quiz.Language.MIXED or rng is not None):
        for q in _PLAN_VARIANTS.all(quiz=quiz.pk):
            siblings[(q.variant, q.language)] = q
    out, seen = [], set()
    draws = rng is not None and language in (Quiz.Language.MIXED, Quiz.Language.BILINGUAL)
    for q in questions:
        if draws and q.variant and q.variant not in seen:
            q = siblings.get((q.variant, rng.choice(("zh", "vi"))), q)
        other = "vi" if q.language == "zh" else "zh"
        if language in (Quiz.Language.ZH, Quiz.Language.VI) and q.language != language:
            q = siblings.get((q.variant, language), q) if q.variant else q
        if q.variant and q.variant in seen:
            continue  # both languages of one question were picked: ask it once
        if q.variant:
            seen.add(q.variant)
        prompt = q
        if (
            language == Quiz.Language.BILINGUAL
            and q.variant
            and q.type != Question.Type.TRANSLATION
            and (q.variant, other) in siblings
        ):
            q, prompt = siblings[(q.variant, other)], q
        out.append((q, prompt))
    return out


def shown_choices(question: Question, rng: random.Random, *, shuffle: bool) -> list:
    """The options in the order this attempt shows them. An ordering question is always shown
    out of order, or the page would give its answer away; one with a subset shows that many of
    its items, drawn at random."""
    choices = list(question.choices or [])
    if question.type == Question.Type.ORDERING:
        if question.subset and 2 <= question.subset < len(choices):
            choices = rng.sample(choices, question.subset)
        answer = [a for a in question.answer if a in choices]
        for _ in range(10):
            rng.shuffle(choices)
            if choices != answer or len(set(choices)) < 2:
                break
        return choices
    if shuffle and question.type in (
        Question.Type.SINGLE_CHOICE,
        Question.Type.MULTIPLE_CHOICE,
        Question.Type.MATCHING,
    ):
        rng.shuffle(choices)
    return choices


# --- reading a response -----------------------------------------------------------------------


def matching_lefts(question: Question) -> list[str]:
    """The left-hand items of a matching question, in the order stored (not secret)."""
    return [left for left, _right in question.answer]


def read_response(item: AttemptItem, data: Mapping) -> object:
    """The response to `item` from form `data` (a QueryDict): option texts, not indices, so a
    grade never depends on the order the options were shown in. Raises InvalidResponse."""
    qtype = item.question.type
    choices = item.choices

    def pick(raw) -> str:
        # Only 0 ≤ i < n: a negative index would pick an option counted from the end.
        try:
            index = int(raw)
        except (TypeError, ValueError):
            raise InvalidResponse("invalid") from None
        if not 0 <= index < len(choices):
            raise InvalidResponse("invalid")
        return choices[index]

    if qtype == Question.Type.SINGLE_CHOICE:
        raw = data.get("response")
        if raw in (None, ""):
            raise InvalidResponse("empty")
        return pick(raw)
    if qtype == Question.Type.MULTIPLE_CHOICE:
        picked = data.getlist("response")
        if not picked:
            raise InvalidResponse("empty")
        return list(dict.fromkeys(pick(raw) for raw in picked))  # "0" and "00" are one option
    if qtype == Question.Type.TRUE_FALSE:
        raw = data.get("response")
        if raw not in ("true", "false"):
            raise InvalidResponse("empty" if not raw else "invalid")
        return raw == "true"
    if qtype == Question.Type.MATCHING:
        pairs = []
        for i, left in enumerate(matching_lefts(item.question)):
            raw = data.get(f"match-{i}")
            if raw in (None, ""):
                raise InvalidResponse("incomplete")
            pairs.append([left, pick(raw)])
        return pairs
    if qtype == Question.Type.ORDERING:
        ranks = []
        for i, _ in enumerate(choices):
            try:
                rank = int(data.get(f"rank-{i}", ""))
            except ValueError:
                raise InvalidResponse("incomplete") from None
            ranks.append(rank)
        if sorted(ranks) != list(range(1, len(choices) + 1)):
            raise InvalidResponse("ranks")
        return [choice for _, choice in sorted(zip(ranks, choices, strict=True))]
    text = (data.get("response") or "").strip()
    if not text:
        raise InvalidResponse("empty")
    if first_control(text) is not None:
        raise InvalidResponse("control_character")
    if len(text) > 500:
        raise InvalidResponse("too_long")
    return text


# --- grading and recording --------------------------------------------------------------------


@dataclass(frozen=True)
class Recorded:
    item: AttemptItem  # with the stored response, score and note
    duplicate: bool  # the question had been answered before this request: nothing changed
    late: bool  # the time limit had passed: nothing recorded, the attempt is finished
    finished: bool  # the attempt is finished now (last answer, or time up)
    refused: bool = False  # the attempt was finished before this answer: nothing recorded
    # The positions of the attempt's other unanswered questions, read under the lock once this
    # answer was stored (None when the answer was not stored): progress and the way on.
    unanswered: tuple[int, ...] | None = None


def document_terms(document_id: int) -> list[tuple[str, str, dict]]:
    return term_index.document_terms(document_id)


def shown_answer(question: Question, shown: list):
    """The answer to what the attempt showed: an ordering question with a subset is answered by
    the order of the items drawn, as they stand in the whole order."""
    if question.type == Question.Type.ORDERING and question.subset and shown:
        return [a for a in question.answer if a in shown]
    return question.answer


def current_weights(question: Question) -> dict | None:
    """An imported question's own option weights, while they still fit its options and right
    answers (an edit of the options leaves them behind: our grading applies again)."""
    weights = question.weights or {}
    if question.type != Question.Type.MULTIPLE_CHOICE or not weights:
        return None
    rights = {option for option, weight in weights.items() if float(weight) > 0}
    if set(weights) != set(question.choices) or rights != set(question.answer):
        return None
    return weights


def grade_item(
    item: AttemptItem, response, terms: term_index.TermIndex | Iterable[tuple[str, str, dict]]
) -> Grade:
    """terms: the document's TermIndex (quizzes.term_index.for_document), or its terms as
    (zh, vi, aliases) rows, indexed here."""
    question = item.question
    if question.type in CHOICE_TYPES:
        return grade(
            question.type,
            question.language,
            shown_answer(question, item.choices),
            response,
            weights=current_weights(question),
        )
    if not isinstance(terms, term_index.TermIndex):
        terms = term_index.TermIndex.build(terms)
    forms = [question.answer] if isinstance(question.answer, str) else list(question.answer)
    others, aliases = terms.names_for(forms)
    return grade(
        question.type,
        question.language,
        question.answer,
        response,
        choices=item.choices,
        other_names=others,
        aliases=aliases,
    )


def lock_attempt(attempt_id: int) -> Attempt:
    """The attempt, re-read inside the caller's transaction and locked until it ends: answering
    and finishing the same attempt take turns. PostgreSQL locks the row (SELECT … FOR UPDATE);
    on SQLite `select_for_update` does nothing, and the transaction itself, begun IMMEDIATE
    (config/settings.py), holds the database's one write lock from its first statement."""
    return Attempt.objects.select_for_update().get(pk=attempt_id)


def record_answer(item: AttemptItem, response, *, terms=(), now=None) -> Recorded:
    """Grade `response` for `item` and store it, unless the item was answered already, the
    attempt is finished (refused: never graded after the finish) or its time is up. The item
    must come with its attempt, quiz and question loaded.

    The response is graded before the transaction. In the transaction one UPDATE stores the
    answer if the item is unanswered and the attempt still open, taking the attempt's lock as it
    reads it (a locking subquery: SELECT … FOR UPDATE on PostgreSQL; on SQLite the IMMEDIATE
    transaction holds the write lock already), so answering and finishing still take turns, and
    returns the positions left unanswered, read under that lock (_store); the last answer
    finishes the attempt, all or nothing. Only when nothing was stored (a finished attempt, a
    repeat) or time is up is the attempt read again to say which. The missed fact's flashcards
    are brought forward after the commit, once the response is sent (config.after_response), and
    a failure there never undoes or fails the answer."""
    now = now or timezone.now()
    if item.attempt.is_finished:
        return _refused(item)
    result = grade_item(item, response, terms)
    with transaction.atomic():
        # The deadline is fixed when the attempt starts: no need to read it again.
        if item.attempt.time_is_up(now - GRACE):
            return _late_or_refused(item, now)
        unanswered = _store(
            item,
            response=response,
            score=result.score,
            correct=result.correct,
            note=result.note or "",
            answered_at=now,
        )
        if unanswered is None:
            attempt = lock_attempt(item.attempt_id)
            item.attempt.finished_at, item.attempt.score = attempt.finished_at, attempt.score
            if attempt.is_finished:
                return _refused(item)
            item.refresh_from_db(fields=["response", "score", "correct", "note", "answered_at"])
            return Recorded(item, duplicate=True, late=False, finished=False)
        attempt = item.attempt
        item.response, item.score, item.correct = response, result.score, result.correct
        item.note, item.answered_at = result.note or "", now
        finished = False
        if not unanswered:
            finished = _close(attempt, now)
        if not result.correct and item.question.fact_id:
            user_id, fact_ids = attempt.user_id, [item.question.fact_id]
            transaction.on_commit(lambda: _after_a_miss(user_id, fact_ids), robust=True)
    return Recorded(item, duplicate=False, late=False, finished=finished, unanswered=unanswered)


@dataclass(frozen=True)
class _StoreStatement:
    sql: str
    fields: dict  # name -> model field, in the order of the SET clause
    slots: tuple[tuple[int, str], ...]  # (index in the parameters after SET's, "item"/"attempt")
    rest: tuple  # those parameters as compiled

    def bind(self, values: list, **keys: int) -> list:
        rest = list(self.rest)
        for i, name in self.slots:
            rest[i] = keys[name]
        return [*values, *rest]


_store_statements: dict[tuple, _StoreStatement] = {}
_ITEM_KEY, _ATTEMPT_KEY = 32_101, 32_102  # stand-ins while compiling, as config.prepared's


def _store_statement(names: tuple[str, ...]) -> _StoreStatement:
    """_store's statement for these fields, compiled once per database vendor: an answer's
    values and keys change, its SQL does not."""
    key = (connection.vendor, names)
    if key not in _store_statements:
        fields = {name: AttemptItem._meta.get_field(name) for name in names}
        still_open = Attempt.objects.filter(pk=_ATTEMPT_KEY, finished_at__isnull=True)
        query = AttemptItem.objects.filter(
            pk=_ITEM_KEY, answered_at__isnull=True, attempt__in=still_open.select_for_update()
        ).query.chain(UpdateQuery)
        # Stand-in values: each field's SET is one plain "%s" (checked below).
        query.add_update_values({name: _STAND_INS[name] for name in names})
        others = (
            AttemptItem.objects.filter(attempt_id=_ATTEMPT_KEY, answered_at__isnull=True)
            .exclude(pk=_ITEM_KEY)
            .order_by()
            .select_for_update()
            .values("position")
        )
        update_sql, update_params = query.get_compiler(connection=connection).as_sql()
        others_sql, others_params = others.query.get_compiler(connection=connection).as_sql()
        if update_sql.count("%s") - len(update_params) or len(update_params) < len(names):
            raise RuntimeError(f"unexpected update statement: {update_sql}")
        listed = (
            "string_agg(CAST(o.position AS text), ',')"
            if connection.vendor == "postgresql"
            else "group_concat(o.position)"
        )
        rest = (*update_params[len(names) :], *others_params)
        stand_ins = {_ITEM_KEY: "item", _ATTEMPT_KEY: "attempt"}
        slots = tuple((i, stand_ins[p]) for i, p in enumerate(rest) if p in stand_ins)
        if {name for _i, name in slots} != {"item", "attempt"}:
            raise RuntimeError(f"the keys were not found among {rest!r}")
        _store_statements[key] = _StoreStatement(
            f"{update_sql} RETURNING (SELECT {listed} FROM ({others_sql}) o)", fields, slots, rest
        )
    return _store_statements[key]


_STAND_INS = {
    "response": "",
    "score": 0.0,
    "correct": False,
    "note": "",
    "answered_at": datetime(2000, 1, 1, tzinfo=UTC),
}


def _store(item: AttemptItem, **values) -> tuple[int, ...] | None:
    """Store `values` on the item if it is unanswered and its attempt still open, in one
    statement that takes the attempt's lock (a locking subquery) and returns the positions of
    the attempt's other unanswered questions, read under that lock; None when nothing was stored.

    PostgreSQL reads a statement's rows as they stood when it began, and it may begin before the
    attempt's lock is free: another tab's answer, committed meanwhile, would still read as
    unanswered, and of two tabs answering the last two questions neither would finish the
    attempt. So the returned positions come from a subquery that locks the attempt's other
    unanswered items too (FOR UPDATE): a row changed since the statement began is read again as
    it is now, and dropped when it no longer matches (the other tab answered it). On SQLite the
    IMMEDIATE transaction holds the write lock: every read is current. The statement is compiled
    once (_store_statement); each answer binds its values and keys."""
    store = _store_statement(tuple(values))
    params = [
        store.fields[name].get_db_prep_save(value, connection) for name, value in values.items()
    ]
    if any(value is None or hasattr(value, "as_sql") for value in params):
        raise ValueError(f"an answer's values are plain values, not {values!r}")
    with connection.cursor() as cursor:
        cursor.execute(store.sql, store.bind(params, item=item.pk, attempt=item.attempt_id))
        row = cursor.fetchone()
    if row is None:
        return None
    return tuple(sorted(int(p) for p in (row[0] or "").split(",") if p))


def _late_or_refused(item: AttemptItem, now) -> Recorded:
    """An answer after the time limit: refused if the attempt was finished meanwhile, else not
    counted, and the attempt is finished (under its lock)."""
    attempt = lock_attempt(item.attempt_id)
    item.attempt.finished_at, item.attempt.score = attempt.finished_at, attempt.score
    if attempt.is_finished:
        return _refused(item)
    _close(item.attempt, now)
    return Recorded(item, duplicate=False, late=True, finished=True)


def _refused(item: AttemptItem) -> Recorded:
    """An answer to a finished attempt: nothing recorded (a duplicate too when the question had
    been answered before the finish)."""
    item.refresh_from_db(fields=["response", "score", "correct", "note", "answered_at"])
    return Recorded(item, duplicate=item.is_answered, late=False, finished=True, refused=True)


def _after_a_miss(user_id: int, fact_ids: list[int]) -> None:
    """After a wrong answer's commit: bring the missed facts' flashcards forward once the
    response is sent (config.after_response; at once outside a request), so the learner does not
    wait for the flashcards. A failure there is logged; the answer stands."""
    defer(lambda: forward_missed_cards(user_id, fact_ids))


def forward_missed_cards(user_id: int, fact_ids: list[int]) -> None:
    """Bring the cards of the facts a wrong answer missed forward. A failure is logged; the
    answer stands."""
    # Only the pk is read (bring_missed_forward): an instance not read from the database.
    user = Attempt._meta.get_field("user").related_model(pk=user_id)
    try:
        bring_missed_forward(user, fact_ids)
    except Exception:
        logger.exception("bringing the missed facts' flashcards forward failed")


def bring_missed_forward(user, fact_ids) -> int:
    """Put the flashcards of the facts `user` missed at the front of their review queue (see
    flashcards.services.bring_forward); returns how many cards moved. A fact asked in the
    learner's open attempt at a quiz with feedback at the end is left alone: its cards show the
    answer, which that quiz keeps until the attempt is finished (the results page then offers
    to bring the missed facts forward)."""
    hidden = access.facts_hidden_until_finished(user, fact_ids)
    fact_ids = [pk for pk in fact_ids if pk not in hidden]
    return bring_forward(user, fact_ids) if fact_ids else 0


def finish_attempt(attempt: Attempt, *, now=None) -> bool:
    """Close the attempt and store its score, the sum of its items (unanswered questions count
    0). Idempotent: returns False when another request finished it first. Takes its turn with
    answers to the same attempt (lock_attempt), so no answer is graded after the finish and the
    score counts every answer stored before it (and, unless `now` is given, the finishing time
    is read once the lock is held, so it comes after every answer's)."""
    with transaction.atomic():
        locked = lock_attempt(attempt.pk)
        if locked.is_finished:
            attempt.finished_at, attempt.score = locked.finished_at, locked.score
            return False
        return _close(attempt, now or timezone.now())


def _close(attempt: Attempt, now) -> bool:
    """Finish a locked, open attempt (the caller holds lock_attempt's lock). It finishes no
    earlier than its last stored answer."""
    stored = attempt.items.aggregate(total=Sum("score"), last=Max("answered_at"))
    total = stored["total"] or 0.0
    if stored["last"] is not None:
        now = max(now, stored["last"])
    updated = Attempt.objects.filter(pk=attempt.pk, finished_at__isnull=True).update(
        finished_at=now, score=total
    )
    if updated:
        attempt.finished_at, attempt.score = now, total
    else:
        attempt.refresh_from_db(fields=["finished_at", "score"])
    return bool(updated)


def answered_count(attempt_id) -> Coalesce:
    """How many questions of the attempt are answered, as a subquery (`attempt_id` an OuterRef),
    for `progress`'s `answered`."""
    counted = (
        AttemptItem.objects.filter(attempt_id=attempt_id, answered_at__isnull=False)
        .order_by()
        .values("attempt_id")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(counted, output_field=IntegerField()), 0)


def progress(
    attempt: Attempt, unanswered: tuple[int, ...] | None = None, *, answered: int | None = None
) -> dict:
    """Answered and total counts for the progress bar: in one query, or none when the caller
    knows the unanswered positions or the answered count (`answered_count`) already (an attempt
    has max_score items)."""
    if unanswered is not None:  # read with the answer just stored: newer than `answered`
        answered = attempt.max_score - len(unanswered)
    if answered is not None and attempt.max_score:
        total = attempt.max_score
        return {"total": total, "answered": answered, "percent": round(100 * answered / total)}
    counts = attempt.items.aggregate(
        total=Count("id"), answered=Count("id", filter=Q(answered_at__isnull=False))
    )
    total = counts["total"] or 0
    counts["percent"] = round(100 * counts["answered"] / total) if total else 0
    return counts


def next_position(item: AttemptItem, unanswered: tuple[int, ...] | None = None) -> int | None:
    """Where to go after `item`: the next unanswered question, wrapping round; None when every
    question is answered. unanswered: the positions, when the caller read them already."""
    if unanswered is not None:
        positions = sorted(p for p in unanswered if p != item.position)
    else:
        positions = list(
            item.attempt.items.filter(answered_at__isnull=True)
            .exclude(pk=item.pk)
            .order_by("position")
            .values_list("position", flat=True)
        )
    later = [p for p in positions if p > item.position]
    return (later or positions or [None])[0]


def missed_fact_ids(attempt: Attempt) -> list[int]:
    """The facts behind the questions the learner did not get fully right."""
    return list(
        attempt.items.filter(correct=False, question__fact__isnull=False)
        .values_list("question__fact_id", flat=True)
        .distinct()
    )


def practise_missed(attempt: Attempt) -> int:
    """Send the missed facts' cards to the front of the learner's flashcard queue. Returns how
    many cards moved (0 when nothing was missed)."""
    fact_ids = missed_fact_ids(attempt)
    if not fact_ids:
        return 0
    return bring_missed_forward(attempt.user, fact_ids)
