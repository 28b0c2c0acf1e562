"""config.prepared: a queryset compiled once gives, with each call's values, what the plain
queryset gives (instances with their related objects and annotations, or value tuples), and an
INSERT compiled once stores what save() stores, on whichever database the suite runs."""

from datetime import timedelta

import pytest
from django.db.models import F
from django.utils import timezone

from config.prepared import Prepared, PreparedInsert, PreparedUpdate
from content.models import Document
from quizzes import taking
from quizzes.models import Attempt, AttemptItem

ITEM = Prepared(
    lambda p: (
        AttemptItem.objects.filter(attempt__user=p.user, attempt_id=p.attempt, position=p.position)
        .select_related("attempt", "attempt__quiz", "question", "prompt_question")
        .annotate(document_version=F("attempt__quiz__document__updated_at"))
    )
)
POSITIONS = Prepared(
    lambda p: (
        AttemptItem.objects.filter(attempt_id=p.attempt, position__gte=p.position)
        .order_by("position")
        .values_list("position", "answered_at")
    )
)
STARTED = Prepared(
    lambda p: Attempt.objects.filter(user=p.user, started_at__gte=p.since).order_by("pk"),
    datetimes=("since",),
)
FINISHED = PreparedUpdate(
    lambda p: (
        Attempt.objects.filter(user=p.user, pk=p.attempt, finished_at__isnull=True),
        {"finished_at": p.at, "score": p.score, "max_score": F("max_score") + p.more},
    ),
    datetimes=("at",),
)
STARTED_ON = Prepared(
    lambda p: Attempt.objects.filter(user=p.user, started_at__date=p.day).order_by("pk"),
    dates=("day",),
)


@pytest.fixture
def attempt(make_quiz, alice):
    return taking.start_attempt(make_quiz(), alice)


def test_an_item_comes_with_its_related_objects_and_annotation(attempt, alice):
    expected = (
        AttemptItem.objects.filter(attempt=attempt, position=2)
        .select_related("attempt", "attempt__quiz", "question", "prompt_question")
        .annotate(document_version=F("attempt__quiz__document__updated_at"))
        .get()
    )
    item = ITEM.first(user=alice.pk, attempt=attempt.pk, position=2)
    assert item == expected
    assert item.attempt == attempt and item.attempt.quiz == attempt.quiz
    assert item.question.answer == expected.question.answer  # a JSON field, converted
    assert item.document_version == expected.document_version
    assert item.choices == expected.choices
    assert item._state.adding is False and item._state.db == "default"


def test_values_are_those_of_each_call(attempt, alice, bob):
    assert ITEM.first(user=bob.pk, attempt=attempt.pk, position=1) is None  # not bob's
    assert ITEM.first(user=alice.pk, attempt=attempt.pk, position=99) is None
    assert ITEM.first(user=alice.pk, attempt=attempt.pk, position=1).position == 1


def test_values_list_rows_are_converted(attempt):
    rows = POSITIONS.all(attempt=attempt.pk, position=2)
    expected = list(
        attempt.items.filter(position__gte=2)
        .order_by("position")
        .values_list("position", "answered_at")
    )
    assert rows == expected and len(rows) == attempt.items.count() - 1


def test_a_datetime_placeholder(attempt, alice):
    now = timezone.now()
    assert STARTED.all(user=alice.pk, since=now - timedelta(hours=1)) == [attempt]
    assert STARTED.all(user=alice.pk, since=now + timedelta(hours=1)) == []


def test_a_date_placeholder(attempt, alice):
    day = timezone.localdate(attempt.started_at)
    assert STARTED_ON.all(user=alice.pk, day=day) == [attempt]
    assert STARTED_ON.all(user=alice.pk, day=day - timedelta(days=1)) == []
    assert STARTED_ON.all(user=alice.pk, day=day + timedelta(days=1)) == []


def test_an_update_runs_with_each_calls_values(attempt, alice, bob):
    at, items = timezone.now(), attempt.max_score
    assert FINISHED.run(user=bob.pk, attempt=attempt.pk, at=at, score=1.5, more=1) == 0
    assert FINISHED.run(user=alice.pk, attempt=attempt.pk, at=at, score=1.5, more=1) == 1
    attempt.refresh_from_db()
    assert (attempt.finished_at, attempt.score, attempt.max_score) == (at, 1.5, items + 1)
    assert FINISHED.run(user=alice.pk, attempt=attempt.pk, at=at, score=None, more=0) == 0


def test_an_update_with_a_null_value(attempt, alice):
    assert FINISHED.run(user=alice.pk, attempt=attempt.pk, at=None, score=None, more=0) == 1
    attempt.refresh_from_db()
    assert attempt.finished_at is None and attempt.score is None


def test_a_placeholder_lost_in_an_expression_fails_loudly(db):
    lost = Prepared(lambda p: Attempt.objects.filter(number=p.number + 1))
    with pytest.raises(RuntimeError, match="number"):
        lost.all(number=1)


def test_flat_values(attempt):
    flat = Prepared(
        lambda p: (
            AttemptItem.objects.filter(attempt_id=p.attempt)
            .order_by("position")
            .values_list("position", flat=True)
        )
    )
    assert flat.all(attempt=attempt.pk) == list(range(1, attempt.items.count() + 1))


def test_a_number_beyond_any_column_finds_nothing(attempt, alice):
    assert ITEM.all(user=alice.pk, attempt=attempt.pk, position=10**30) == []


def test_a_question_number_beyond_any_column_is_not_found(alice_client, make_quiz, alice):
    attempt = taking.start_attempt(make_quiz(), alice)
    for position in (40000, 10**30):
        response = alice_client.get(f"/attempts/{attempt.pk}/{position}/")
        assert response.status_code == 404


ITEMS_AT = Prepared(
    lambda p: (
        AttemptItem.objects.filter(attempt_id=p.attempt, position__any_of=p.positions)
        .exclude(pk__any_of=p.skipped)
        .order_by("position")
        .values_list("position", flat=True)
    ),
    lists=("positions", "skipped"),
)


@pytest.mark.parametrize("count", [0, 1, 3, 300])
def test_a_list_of_any_length_is_one_parameter(attempt, count):
    """A list placeholder matches as `__in` does, for an empty list, one id and hundreds, and
    is one parameter of one compiled query whatever its length (psycopg parses a query of more
    than 50 parameters again on every call)."""
    items = list(attempt.items.order_by("position"))
    positions = [*range(1, count + 1)]
    skipped = [items[0].pk] if count else []
    expected = list(
        attempt.items.filter(position__in=positions)
        .exclude(pk__in=skipped)
        .order_by("position")
        .values_list("position", flat=True)
    )
    found = ITEMS_AT.all(attempt=attempt.pk, positions=positions, skipped=skipped)
    assert found == expected and (count < 2 or found)
    compiled = next(iter(ITEMS_AT._compiled.values()))
    assert len(compiled.params) == 3  # the attempt and the two lists


ATTEMPT = PreparedInsert(Attempt)


def test_an_insert_stores_what_save_stores(make_quiz, alice, bob):
    """Each call's values (nulls, floats, datetimes, keys), the key set by the database and the
    instance saved, as after save(): the same row as save() stores (in another quiz)."""
    inserted_in, saved_in, now = make_quiz(), make_quiz(), timezone.now()
    rows = [
        {"user": alice, "number": 1, "started_at": now, "max_score": 3},
        {"user": bob, "number": 2, "started_at": now, "finished_at": now, "score": 2.5},
    ]
    columns = [f.attname for f in Attempt._meta.concrete_fields if f.name not in ("id", "quiz")]
    for values in rows:
        inserted, saved = Attempt(quiz=inserted_in, **values), Attempt(quiz=saved_in, **values)
        ATTEMPT.insert(inserted)
        saved.save(force_insert=True)
        assert inserted.pk is not None and not inserted._state.adding
        assert inserted._state.db == "default"
        stored = Attempt.objects.filter(pk__in=[inserted.pk, saved.pk]).order_by("pk")
        first, second = stored.values(*columns)
        assert first == second and first["score"] == values.get("score")
        assert Attempt.objects.get(pk=inserted.pk).quiz_id == inserted_in.pk


def test_an_insert_of_a_row_with_its_key_or_a_value_made_on_save_is_saves(make_quiz, alice):
    keyed = Attempt(pk=987_654, quiz=make_quiz(), user=alice, number=1)
    ATTEMPT.insert(keyed)
    assert Attempt.objects.filter(pk=987_654).exists()
    with pytest.raises(TypeError, match="Document needs save"):
        PreparedInsert(Document)  # updated_at: auto_now
