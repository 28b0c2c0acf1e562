"""The flashcard figures read from the database, against numbers worked out by hand.

The learner is in Hanoi (UTC+7, the project's time zone) and a study day starts at 04:00 local
time, 21:00 UTC the day before. Now is 10 March 2026, 12:00 in Hanoi (05:00 UTC), so today is
the study day of 10 March; the forecast runs 10 March … 8 April, the year 11 March 2025 … today.
"""

from datetime import UTC, date, datetime, timedelta

import pytest

from flashcards.models import LearnerSettings, Rating, ReviewLog, State
from progress import figures, stats

NOW = datetime(2026, 3, 10, 5, tzinfo=UTC)
TODAY = date(2026, 3, 10)
AGAIN, HARD, GOOD = Rating.AGAIN, Rating.HARD, Rating.GOOD


def utc(month, day, hour, minute=0):
    return datetime(2026, month, day, hour, minute, tzinfo=UTC)


def test_the_study_day_follows_hanoi_time_and_starts_at_four(db):
    assert stats.study_day(NOW) == TODAY
    assert stats.study_day(utc(3, 10, 20, 59)) == TODAY  # 03:59 on 11 March in Hanoi
    assert stats.study_day(utc(3, 10, 21)) == date(2026, 3, 11)  # 04:00


def test_the_forecast_counts_cards_by_study_day(alice, bob, make_card):
    make_card(alice, utc(3, 5, 10))  # overdue: today
    make_card(alice, utc(3, 10, 20, 59))  # 03:59 on 11 March in Hanoi: still today
    make_card(alice, utc(3, 10, 21))  # 04:00 on 11 March: 11 March
    make_card(alice, utc(3, 10, 6), state=State.LEARNING)  # later today
    make_card(alice, NOW, state=State.NEW)  # never studied: not due
    make_card(alice, utc(3, 1, 0), state=State.NEW, forwarded=True)  # brought forward: today
    make_card(alice, utc(4, 8, 22))  # 05:00 on 9 April: past the 30 days
    make_card(alice, utc(4, 8, 20))  # 03:00 on 9 April: study day 8 April, the 30th
    make_card(alice, utc(3, 9, 0), active=False)  # a retired card
    make_card(bob, utc(3, 9, 0))  # someone else's
    forecast = stats.card_figures(alice, NOW).forecast
    assert forecast[0] == (TODAY, 4)
    assert forecast[1] == (date(2026, 3, 11), 1)
    assert forecast[-1] == (date(2026, 4, 8), 1)
    assert sum(n for _, n in forecast) == 6


def test_reviews_per_day_streak_and_true_retention(alice, bob, log_review, make_card):
    """True retention as Anki counts it (changed for issue 20): every rating of a card in the
    review state, not only a card's first of the day; young or mature by the card's interval."""
    d = lambda month, day: date(2026, month, day)  # noqa: E731
    log_review(alice, d(3, 10), GOOD)  # counted in retention, passed
    log_review(alice, d(3, 10), AGAIN)  # counted, failed
    log_review(alice, d(3, 10), GOOD, first=False)  # the card's second that day: counted too
    log_review(alice, d(3, 9), GOOD, before=State.LEARNING)  # not a review card
    log_review(alice, d(3, 9), HARD)  # counted, passed (Hard is not a failure)
    log_review(alice, d(3, 8), AGAIN, before=State.RELEARNING)  # not a review card
    log_review(alice, d(3, 6), AGAIN)
    log_review(alice, d(3, 6), GOOD)
    log_review(alice, d(3, 6), GOOD)
    log_review(alice, d(3, 6), GOOD, before=State.NEW)
    log_review(alice, d(2, 15), AGAIN)  # in the 30 days, not the 7
    log_review(alice, d(2, 15), AGAIN)
    log_review(alice, d(2, 8), GOOD)  # 31 days ago: in neither
    log_review(alice, date(2025, 3, 10), GOOD)  # 365 days ago: not in the year
    # A mature card: its previous rating gave it 30 days, then it lapses today.
    mature = make_card(alice, utc(3, 1, 5), state=State.NEW)
    log_review(alice, d(3, 1), GOOD, card=mature)
    log_review(alice, d(3, 10), AGAIN, card=mature, last_interval=30)
    log_review(bob, d(3, 10), AGAIN)
    cards = stats.card_figures(alice, NOW)
    year = dict(cards.year)
    assert (year[d(3, 10)], year[d(3, 9)], year[d(3, 8)], year[d(3, 7)], year[d(3, 6)]) == (
        4,
        2,
        1,
        0,
        4,
    )
    # 4 + 2 + 1 + 4 + 1 + 2 + 1 = 15 reviews on 7 days.
    assert (cards.year_total, cards.year_days, cards.reviews_today) == (15, 7, 4)
    assert cards.streak == 3  # 8, 9, 10 March
    r = cards.retention
    # Today: young Good, Again, Good; the mature card's Again.
    assert (r["today"].young_passed, r["today"].young_failed) == (2, 1)
    assert (r["today"].mature_passed, r["today"].mature_failed) == (0, 1)
    assert (r["today"].passed, r["today"].total, r["today"].percent) == (2, 4, 50)
    assert (r["yesterday"].passed, r["yesterday"].total) == (1, 1)
    # 7 days (4–10 March): young 2 + 1 + 2 passed of 7, mature 0 of 1.
    assert (cards.retention_week.passed, cards.retention_week.total) == (5, 8)
    assert cards.retention_week.percent == 62
    assert (cards.retention_week.young_percent, cards.retention_week.mature_percent) == (71, 0)
    # 30 days (9 February – 10 March): the 1 March Good and the two Agains of 15 February too.
    assert (cards.retention_month.passed, cards.retention_month.total) == (6, 11)
    assert cards.retention_month.percent == 55
    assert (r["year"].passed, r["year"].total) == (7, 12)  # and 8 February
    assert (r["all_time"].passed, r["all_time"].total) == (8, 13)  # and 10 March 2025


def test_a_learner_who_never_reviewed_has_zeroes_and_no_retention(alice):
    cards = stats.card_figures(alice, NOW)
    assert (cards.due_today, cards.streak, cards.year_total) == (0, 0, 0)
    assert cards.retention_week.percent is None and len(cards.forecast) == 30


def test_a_reviewed_card_adds_its_recall_to_its_facts_mastery(
    alice, studied, make_card, record_attempt
):
    record_attempt(alice, [None, None, None, 0], NOW - timedelta(hours=1))  # q3 (f3) wrong
    # Stability 5 and reviewed 5 days ago: FSRS recall is exactly 90%.
    make_card(alice, NOW, fact="f3", stability=5.0, last_review=NOW - timedelta(days=5))
    make_card(alice, NOW, fact="f2", state=State.NEW)  # never reviewed: no evidence
    mastery = stats.masteries([alice.pk], NOW)[alice.pk]
    # f3: (0 + 0.9) / 2 = 0.45
    assert mastery.keys() == {studied["facts"]["f3"].pk}
    assert figures.percent(mastery[studied["facts"]["f3"].pk]) == 45


def test_the_class_counts_each_students_reviews_and_active_days(alice, bob, teacher, log_review):
    from accounts.models import Classroom

    classroom = Classroom.objects.create(name="Lớp", teacher=teacher)
    classroom.students.add(alice, bob)
    for day in (date(2026, 3, 10), date(2026, 3, 10), date(2026, 3, 4), date(2026, 3, 3)):
        log_review(alice, day)
    log_review(alice, date(2026, 2, 9))  # the 30th day back: active, not in the week
    log_review(alice, date(2026, 2, 8))  # 31 days back
    a, b = stats.class_progress(classroom, NOW).students
    # Week 4–10 March: 3 reviews; days in 9 Feb – 10 March: 10/3, 4/3, 3/3, 9/2 = 4.
    assert (a.reviews_week, a.active_days_month) == (3, 4)
    assert a.last_active == datetime(2026, 3, 10, 5, tzinfo=UTC)
    assert (b.reviews_week, b.active_days_month, b.last_active) == (0, 0, None)


def test_the_home_page_summary_counts_cards_due_today_and_the_streak(alice, make_card, log_review):
    make_card(alice, utc(3, 5, 10))  # overdue
    make_card(alice, utc(3, 10, 20, 59))  # before 04:00 on 11 March: today
    make_card(alice, utc(3, 10, 21))  # tomorrow
    log_review(alice, date(2026, 3, 9))
    log_review(alice, date(2026, 3, 8))
    assert stats.summary(alice, NOW) == stats.Summary(due_today=2, streak=2)


def test_ratings_on_a_study_day_after_today_are_not_in_true_retention(alice, log_review):
    """Only a moved day start (or a clock put back) leaves a rating on a later study day."""
    log_review(alice, TODAY, AGAIN)
    log_review(alice, TODAY + timedelta(days=1), GOOD)
    r = stats.card_figures(alice, NOW).retention
    assert (r["all_time"].passed, r["all_time"].total) == (0, 1)


def test_the_figures_follow_the_learners_day_start(alice, make_card):
    LearnerSettings.objects.create(user=alice, day_starts_at=0)
    # 00:30 on 11 March in Hanoi: 10 March for a day starting at 04:00, 11 March at midnight.
    make_card(alice, utc(3, 10, 17, 30))
    assert stats.card_figures(alice, utc(3, 10, 17, 45)).today == date(2026, 3, 11)
    forecast = stats.card_figures(alice, NOW).forecast
    assert forecast[1] == (date(2026, 3, 11), 1)


def test_true_retention_reads_each_rating_once_from_an_index(alice, make_card, log_review):
    """A semester of daily reviews must not make the progress page crawl: each rating keeps the
    interval its card had (ReviewLog.last_interval, Anki's lastIvl), so true retention reads
    the learner's ratings from one index and looks nothing up per rating. The progress page
    looked each rating's previous one up instead: 4 ms for 3,000 ratings on SQLite (76 ms
    before that, reading all of the card's ratings for each). Counted in SQLite's own steps,
    against a plain count of the same ratings by day, not in seconds."""
    from django.db import connection
    from django.db.models import Count

    if connection.vendor != "sqlite":
        pytest.skip("SQLite's own steps are counted: SQLite only")

    # 240 ratings of one card in review, one a day up to today, each after one that gave the
    # card 30 days but the first.
    card = make_card(alice, utc(3, 20, 5))
    for back in range(239, -1, -1):
        log_review(alice, TODAY - timedelta(days=back), card=card, last_interval=30 * (back < 239))

    def steps(read) -> tuple[int, object]:
        counted = [0]

        def tick():
            counted[0] += 1

        connection.connection.set_progress_handler(tick, 10)
        try:
            result = read()
        finally:
            connection.connection.set_progress_handler(None, 10)
        return counted[0], result

    plain, _ = steps(
        lambda: list(
            ReviewLog.objects.filter(user=alice).values_list("review_day").annotate(n=Count("*"))
        )
    )
    counted, (_per_day, retention) = steps(lambda: stats.rating_counts(alice, TODAY))
    mature = sum(n for (_day, is_mature, _failed), n in retention.items() if is_mature)
    young = sum(n for (_day, is_mature, _failed), n in retention.items() if not is_mature)
    assert (mature, young) == (239, 1)
    # Looking each rating's previous one up took 6 times the plain count's steps.
    assert counted < 3 * plain
