"""Time picking a learner's next flashcard with 100,000 cards of 1,000 learners in the database,
against a primary-key lookup of one card in the same run, and print the query plans.

The data is synthetic: one document of 50 term notes (100 cards), studied by 1,000 learners in
mixed states (new, learning, review due in the past and the future, some rated today, some
brought forward), with 100,000 review log rows. Runs on SQLite by default, on PostgreSQL with
DATABASE_URL=postgres://…; it builds a throwaway test database (test_…) and drops it after. No
assertions: it prints medians, the ratio to the baseline, and EXPLAIN for each query. Timed:
next_card alone, next_card_and_counts (the next card with the day's counts in one query, which
the review page runs) and the page's reads (today's limits, then that query).

Run: .venv/bin/python bench/bench_next_card.py
     DATABASE_URL=postgres://postgres@127.0.0.1:5432/dongxi \
       .venv/bin/python bench/bench_next_card.py
(the PostgreSQL database itself is not touched: the bench works in test_dongxi).
"""

from __future__ import annotations

import os
import random
import statistics
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path
from types import SimpleNamespace

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ.setdefault("DEBUG", "1")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402
from django.utils import timezone  # noqa: E402

LEARNERS = 1_000
NOTES = 50  # two cards each: 100 cards per learner, 100,000 in all
LOGS_PER_LEARNER = 100
RUNS = 200


def build(now) -> list:
    from accounts.models import User
    from content.models import Document
    from flashcards.models import (
        Card,
        LearnerCard,
        LearnerSettings,
        Note,
        ReviewLog,
        State,
    )

    rng = random.Random(7)
    document = Document.objects.create(
        slug="bench", title_vi="Bench", languages="zh,vi", source_text="x", content_hash="x"
    )
    notes = Note.objects.bulk_create(
        Note(document=document, kind="term", key=f"term:{i}", position=i, fields={})
        for i in range(NOTES)
    )
    cards = Card.objects.bulk_create(
        Card(note=note, template=template, ordinal=n)
        for note in notes
        for n, template in ((1, "zh_vi"), (2, "vi_zh"))
    )
    users = User.objects.bulk_create(
        User(username=f"learner{i}", password="!") for i in range(LEARNERS)
    )
    LearnerSettings.objects.bulk_create(LearnerSettings(user=u) for u in users[::2])
    today_start = now.replace(hour=0, minute=0)

    def learner_card(user, card):
        roll = rng.random()
        if roll < 0.3:
            return LearnerCard(
                user=user, card=card, note_id=card.note_id, document=document, due=now
            )
        state = State.LEARNING if roll < 0.4 else State.REVIEW
        last = now - timedelta(days=rng.uniform(0, 60))
        if rng.random() < 0.05:
            last = today_start + timedelta(minutes=rng.uniform(0, 60))
        return LearnerCard(
            user=user,
            card=card,
            note_id=card.note_id,
            document=document,
            state=state,
            step=0 if state == State.LEARNING else None,
            stability=rng.uniform(0.5, 100),
            difficulty=rng.uniform(1, 10),
            due=now + timedelta(days=rng.uniform(-20, 40)),
            last_review=last,
            reps=rng.randint(1, 20),
            forwarded=rng.random() < 0.01,
        )

    learner_cards = LearnerCard.objects.bulk_create(
        (learner_card(user, card) for user in users for card in cards), batch_size=5_000
    )
    by_user: dict[int, list] = {}
    for lc in learner_cards:
        by_user.setdefault(lc.user_id, []).append(lc)
    logs = []
    for user in users:
        for k in range(LOGS_PER_LEARNER):
            lc = rng.choice(by_user[user.pk])
            at = now - timedelta(days=k // 5, minutes=rng.uniform(0, 600))
            logs.append(
                ReviewLog(
                    user=user,
                    learner_card=lc,
                    rating=rng.randint(1, 4),
                    reviewed_at=at,
                    review_day=at.date(),
                    first_of_day=True,
                    state=State.REVIEW,
                    stability=1.0,
                    difficulty=5.0,
                    due=at + timedelta(days=3),
                    version=2,
                    state_before=rng.choice([State.NEW, State.REVIEW]),
                    due_before=at,
                )
            )
    ReviewLog.objects.bulk_create(logs, batch_size=5_000)
    # Each card's day of its last rating and how that day found it, as rating keeps them
    # (today's limits read them): filled as the migration that added them fills old rows.
    import importlib
    from types import SimpleNamespace

    from django.apps import apps

    migration = importlib.import_module("flashcards.migrations.0008_learner_card_shown_day")
    migration.fill_shown(apps, SimpleNamespace(connection=connection))
    return users


def medians_ms(fns: dict, runs: int = RUNS) -> dict:
    """Each function's median time in ms, the functions taken in turn (one run of each, then
    the next round): a machine that slows down for a while slows every one of them alike, not
    the one being timed then (run one after the other, the baseline alone moved by half between
    runs on a shared machine)."""
    times: dict = {name: [] for name in fns}
    for _ in range(runs):
        for name, fn in fns.items():
            start = time.perf_counter()
            fn()
            times[name].append(time.perf_counter() - start)
    return {name: statistics.median(values) * 1000 for name, values in times.items()}


def explain(queryset) -> str:
    if connection.vendor == "postgresql":
        return queryset.explain(analyze=True, buffers=True)
    return queryset.explain()


def run(database: str) -> None:
    from flashcards import services
    from flashcards.models import LearnerCard, LearnerSettings

    now = timezone.now()
    start = time.perf_counter()
    users = build(now)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    print(
        f"{connection.vendor} ({database}): {LearnerCard.objects.count():,} learner cards "
        f"of {len(users):,} learners built in {time.perf_counter() - start:.1f} s"
    )
    user = users[len(users) // 2]
    learner = LearnerSettings.for_user(user)
    limits = services.day_limits(user, learner, now)
    some_pk = LearnerCard.objects.filter(user=user).values_list("pk", flat=True)[37]

    medians = medians_ms(
        {
            "baseline": lambda: LearnerCard.objects.get(pk=some_pk),
            "pick": lambda: services.next_card(user, now=now, limits=limits),
            "both": lambda: services.next_card_and_counts(user, limits, now=now),
            # What the review page reads (flashcards.views._review_context): today's limits,
            # then the next card with the day's counts in one query.
            "whole": lambda: services.next_card_and_counts(
                user, services.day_limits(user, learner, now), now=now
            ),
        }
    )
    baseline, pick, both, whole = (medians[k] for k in ("baseline", "pick", "both", "whole"))
    print(f"median of {RUNS} runs, one learner, the four timed in turn:")
    print(f"  baseline, a card by primary key:                {baseline:7.3f} ms")
    print(
        f"  next_card (the queue):                          {pick:7.3f} ms"
        f"  ({pick / baseline:.1f}× baseline)"
    )
    print(
        f"  next_card_and_counts (one query):               {both:7.3f} ms"
        f"  ({both / baseline:.1f}× baseline)"
    )
    print(
        f"  today's limits + next_card_and_counts (page):   {whole:7.3f} ms"
        f"  ({whole / baseline:.1f}× baseline)"
    )
    # next_card runs this query compiled once, buried siblings left out after it.
    print("\nEXPLAIN the queue's query (its three parts in order, LIMIT 1):")
    print(explain(services.queue(user, now, limits)[:1]))
    print("\nEXPLAIN today's limits (summed over the cards shown today):")
    values = SimpleNamespace(user=user.pk, day=limits.day, since=limits.starts - timedelta(days=1))
    print(explain(services._SHOWN.build(values)))  # the query day_limits runs compiled


def main() -> None:
    setup_test_environment(debug=False)  # DEBUG would log every query: not what production does
    with tempfile.TemporaryDirectory() as tmp:
        if connection.vendor == "sqlite":
            # A file, as in production, not the in-memory database tests use.
            test = settings.DATABASES["default"].setdefault("TEST", {})
            test["NAME"] = str(Path(tmp) / "bench.sqlite3")
        database = connection.creation.create_test_db(verbosity=0, autoclobber=True)
        try:
            run(database)
        finally:
            connection.creation.destroy_test_db(database, verbosity=0)


if __name__ == "__main__":
    main()
