"""The progress figures, each checked against numbers worked out by hand in the comments."""

from datetime import date

import pytest

from progress import figures

TODAY = date(2026, 3, 10)


def d(day: int, month: int = 3) -> date:
    return date(2026, month, day)


def test_the_forecast_counts_overdue_cards_as_due_today_and_lists_thirty_days():
    due = {d(1): 2, d(9): 1, d(10): 3, d(12): 4, d(8, 4): 1, d(9, 4): 7}
    forecast = figures.forecast(due, TODAY)
    # 30 days: 10 March … 8 April. Today: 2 + 1 overdue + 3 due today = 6.
    assert len(forecast) == 30
    assert forecast[0] == (d(10), 6)
    assert forecast[1] == (d(11), 0)
    assert forecast[2] == (d(12), 4)
    # 8 April is the 30th day; 9 April is outside the window.
    assert forecast[-1] == (d(8, 4), 1)
    assert sum(count for _, count in forecast) == 11


def test_the_year_of_reviews_ends_today_and_fills_empty_days_with_zero():
    counts = {d(10): 5, d(9): 2, date(2025, 3, 11): 4, date(2025, 3, 10): 9}
    year = figures.reviews_per_day(counts, TODAY)
    assert len(year) == 365
    # The first day shown is 364 days before today: 11 March 2025 (2025 is not a leap year).
    assert year[0] == (date(2025, 3, 11), 4)
    assert year[-2:] == [(d(9), 2), (d(10), 5)]
    # 10 March 2025 is a day too old; 9 + … is not counted.
    assert sum(count for _, count in year) == 11


@pytest.mark.parametrize(
    ("days", "streak"),
    [
        ([], 0),
        ([d(10)], 1),
        ([d(10), d(9), d(8), d(6)], 3),  # 8, 9, 10; the gap on the 7th ends it
        ([d(9), d(8)], 2),  # nothing yet today: yesterday's streak still stands
        ([d(8), d(7)], 0),  # nothing yesterday or today: broken
        ([d(1, 3), d(28, 2), d(27, 2)], 0),
    ],
)
def test_the_streak_counts_consecutive_study_days_up_to_today(days, streak):
    assert figures.current_streak(days, TODAY) == streak


def test_a_streak_runs_across_month_and_year_ends():
    days = [date(2026, 1, 1), date(2025, 12, 31), date(2025, 12, 30)]
    assert figures.current_streak(days, date(2026, 1, 1)) == 3


def test_true_retention_sums_the_periods_as_anki_does():
    # (day, mature, failed) -> ratings of cards in the review state.
    counts = {
        (d(10), False, False): 3,
        (d(10), False, True): 1,
        (d(10), True, False): 2,
        (d(9), True, True): 1,
        (d(4), False, False): 1,
        (d(3), False, True): 2,
        (d(9, 2), True, False): 5,
        (d(8, 2), False, False): 9,
    }
    table = figures.retention_table(counts, TODAY)
    assert table["today"] == figures.Retention(3, 1, 2, 0)
    assert table["yesterday"] == figures.Retention(0, 0, 0, 1)
    assert table["week"] == figures.Retention(4, 1, 2, 1)  # 4–10 March
    assert table["month"] == figures.Retention(4, 3, 7, 1)  # 9 Feb–10 March
    assert table["all_time"] == figures.Retention(13, 3, 7, 1)
    assert (table["week"].passed, table["week"].total, table["week"].percent) == (6, 8, 75)
    assert (table["week"].young_percent, table["week"].mature_percent) == (80, 67)


def test_retention_with_no_review_has_no_percentage_rather_than_zero():
    assert figures.true_retention({}, TODAY, 7).percent is None
    assert figures.Retention(3, 0, 0, 0).mature_percent is None


def test_retention_rounds_to_a_whole_percent():
    assert figures.Retention(young_passed=2, young_failed=1).percent == 67
    assert figures.Retention(young_passed=1, mature_failed=2).percent == 33


def test_fact_mastery_averages_quiz_answers_and_card_recall_equally():
    # (1.0 + 0.5 + 0.6) / 3 = 0.7
    assert figures.fact_mastery([1.0, 0.5], [0.6]) == pytest.approx(0.7)
    assert figures.fact_mastery([], [0.9, 0.7]) == pytest.approx(0.8)
    assert figures.fact_mastery([0.0], []) == 0.0
    assert figures.fact_mastery([], []) is None


def test_a_paragraph_averages_only_the_facts_with_evidence():
    # (0.9 + 0.3) / 2; the unseen fact does not drag it down.
    assert figures.mean_mastery([0.9, None, 0.3]) == pytest.approx(0.6)
    assert figures.mean_mastery([None, None]) is None


@pytest.mark.parametrize(
    ("mastery", "band"),
    [(None, "unseen"), (0.0, "weak"), (0.49, "weak"), (0.5, "learning"), (0.8, "known")],
)
def test_masteries_are_tinted_in_bands(mastery, band):
    assert figures.band(mastery) == band


def test_the_weakest_facts_are_the_lowest_with_evidence_below_known():
    masteries = {1: 0.9, 2: 0.2, 3: None, 4: 0.5, 5: 0.2, 6: 0.7, 7: 0.1}
    assert figures.weakest(masteries, limit=3) == [7, 2, 5]
    assert figures.weakest(masteries) == [7, 2, 5, 4, 6]  # 0.9 is known, 3 unseen


def test_percent_rounds_and_keeps_none():
    assert figures.percent(0.666) == 67
    assert figures.percent(None) is None


def test_a_year_of_days_sums_into_thirteen_calendar_months():
    year = figures.reviews_per_day({d(10): 5, d(1): 2, d(28, 2): 1, date(2025, 3, 11): 4}, TODAY)
    months = figures.monthly_totals(year)
    # 11 March 2025 … 10 March 2026 touches 13 months: March 2025 … March 2026.
    assert len(months) == 13
    assert months[0] == (date(2025, 3, 1), 4)
    assert months[-2:] == [(date(2026, 2, 1), 1), (date(2026, 3, 1), 7)]


def test_recall_is_certain_right_after_a_review_and_ninety_percent_after_stability_days():
    from datetime import UTC, datetime, timedelta

    reviewed = datetime(2026, 3, 1, 8, tzinfo=UTC)
    # FSRS defines stability as the days after which recall has fallen to 90%.
    assert figures.recall_probability(5.0, reviewed, reviewed) == 1.0
    later = reviewed + timedelta(days=5, hours=3)
    assert figures.recall_probability(5.0, reviewed, later) == pytest.approx(0.9)
    assert figures.recall_probability(5.0, reviewed, later + timedelta(days=20)) < 0.8


def test_the_year_of_days_is_the_same_whatever_the_counts_and_kept():
    today = date(2026, 3, 10)
    days = figures.days_up_to(today)
    assert len(days) == 365 and days[0] == date(2025, 3, 11) and days[-1] == today
    assert figures.days_up_to(today) is days
    assert figures.days_up_to(today, 3) == (date(2026, 3, 8), date(2026, 3, 9), today)
    assert figures.reviews_per_day({date(2026, 3, 9): 2}, today, 3) == [
        (date(2026, 3, 8), 0),
        (date(2026, 3, 9), 2),
        (today, 0),
    ]


def test_months_are_summed_across_a_new_year():
    days = [(date(2025, 12, 30), 1), (date(2025, 12, 31), 2), (date(2026, 1, 1), 4)]
    days += [(date(2026, 12, 1), 8)]  # the same month number a year later
    assert figures.monthly_totals(days) == [
        (date(2025, 12, 1), 3),
        (date(2026, 1, 1), 4),
        (date(2026, 12, 1), 8),
    ]
