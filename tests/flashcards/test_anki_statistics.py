"""Dongxi's progress figures against Anki's own statistics (its graphs): one history of several
cards answered through Dongxi's services and in a real Anki collection (see anki_replay.py),
then the true-retention table (rslib/src/stats/graphs/retention.rs), reviews per study day
(reviews.rs) and the 30-day forecast (future_due.rs), seen from several moments."""

from collections import defaultdict
from datetime import timedelta

from flashcards import services
from flashcards.models import LearnerCard, LearnerSettings
from flashcards.scheduling import AGAIN, EASY, GOOD, HARD
from progress import stats
from tests.flashcards.anki_replay import AnkiDeck
from tests.flashcards.test_anki_parity import START

HISTORIES = [
    (GOOD,) * 8,  # grows mature
    (AGAIN, GOOD, GOOD, GOOD, AGAIN, GOOD, GOOD, GOOD, GOOD),
    (HARD, GOOD, EASY, AGAIN, GOOD, GOOD, HARD, GOOD),
    (GOOD, GOOD, GOOD, AGAIN, GOOD, GOOD, GOOD, AGAIN, GOOD),
    (EASY, GOOD, GOOD, GOOD, GOOD, AGAIN, GOOD),
    (GOOD, GOOD, HARD, HARD, GOOD, GOOD, GOOD),
]


def test_retention_reviews_and_forecast_are_the_figures_ankis_statistics_give(
    alice, document, tmp_path
):
    """Several cards' histories answered through Dongxi's services and in one Anki collection;
    then Dongxi's figures against Anki's own statistics (its graphs), seen from five moments:
    the true-retention table period by period (young and mature, passed and failed), reviews per
    study day, and the 30-day forecast."""
    days = services.study_days(LearnerSettings.for_user(alice))
    deck = AnkiDeck(tmp_path / "retention.anki2", 0.9, days)
    services.start_studying(alice, document, now=START)
    cards = list(LearnerCard.objects.filter(user=alice).order_by("pk")[: len(HISTORIES)])
    last = START
    try:
        for n, (card, ratings) in enumerate(zip(cards, HISTORIES, strict=True)):
            anki, now = deck.add_card(), START + timedelta(days=n, hours=n)
            for rating in ratings:
                card.refresh_from_db()
                rated = services.rate(alice, card.pk, card.version, rating, now=now)
                anki.answer(rating, now)
                last = max(last, now)
                # the next answer when due: a step's minute, or its study day at 15:00 local
                log = rated.log
                now = log.due if log.scheduled_days == 0 else log.due + timedelta(hours=11)
        # Seen from several moments: mid-history (later reviews are not counted yet) and after.
        ends = [START + timedelta(days=d, hours=3) for d in (9, 30, 75, 200)]
        ends.append(last + timedelta(hours=1))
        theirs = [deck.graphs(end) for end in ends]
    finally:
        deck.close()
    forecast_seen = 0
    for end, graphs in zip(ends, theirs, strict=True):
        figures = stats.card_figures(alice, end)
        ours = figures.retention
        # Reviews per study day: Anki's "reviews" graph, every kind, over Dongxi's year.
        per_day = defaultdict(int)
        for day, count in graphs.reviews.count.items():
            per_day[day] += sum(
                (count.learn, count.relearn, count.young, count.mature, count.filtered)
            )
        assert {(day - figures.today).days: n for day, n in figures.year if n} == {
            day: n for day, n in per_day.items() if n and -365 < day <= 0
        }, end
        # The forecast: Anki's "future due" with its backlog (overdue cards) on today.
        due = defaultdict(int)
        for day, n in graphs.future_due.future_due.items():
            due[max(day, 0)] += n
        forecast_seen += figures.forecast_total
        assert {n: count for n, (_day, count) in enumerate(figures.forecast) if count} == {
            day: n for day, n in due.items() if n and day < len(figures.forecast)
        }, end
        for period in ("today", "yesterday", "week", "month", "year", "all_time"):
            r, a = ours[period], getattr(graphs.true_retention, period)
            dongxi = (r.young_passed, r.young_failed, r.mature_passed, r.mature_failed)
            anki = (a.young_passed, a.young_failed, a.mature_passed, a.mature_failed)
            # pytest -s shows the table: (young passed, failed, mature passed, failed)
            print(f"{end:%Y-%m-%d} {period}: Dongxi {dongxi}, Anki {anki}")
            assert dongxi == anki, (end, period)
    assert ours["all_time"].mature_passed and ours["all_time"].young_failed
    assert forecast_seen > 3  # cards were due in the forecasts compared
