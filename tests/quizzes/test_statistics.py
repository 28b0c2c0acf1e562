"""Item analysis against figures worked out by hand, as Moodle's quiz statistics report defines
them (quizzes/statistics.py says which formula is which)."""

import io
import math
from datetime import date

import pytest

from quizzes.statistics import (
    FLAG_LOW_EFFICIENCY,
    FLAG_NEGATIVE_DISCRIMINATION,
    FLAG_TOO_EASY,
    FLAG_TOO_HARD,
    ItemResult,
    ResponseCount,
    analyse,
    first_attempts,
    question_stats,
    write_questions_csv,
    write_responses_csv,
)

approx = pytest.approx


def attempt(q1, q2, q3, responses=("", "", "")):
    return {
        "Q1": ItemResult(q1, 1.0, responses[0]),
        "Q2": ItemResult(q2, 1.0, responses[1]),
        "Q3": ItemResult(q3, 1.0, responses[2]),
    }


# Four learners, three one-mark questions:
#
#        Q1 Q2 Q3 | total
#   S1    1  1  1 |   3
#   S2    1  1  0 |   2
#   S3    1  0  0 |   1
#   S4    0  0  1 |   1
MIXED = [attempt(1, 1, 1), attempt(1, 1, 0), attempt(1, 0, 0), attempt(0, 0, 1)]


def test_the_facility_index_is_the_mean_mark_over_the_max_mark():
    # Q1: 3/4 = 0.75; Q2: 2/4 = 0.5; Q3: 2/4 = 0.5
    report = analyse(MIXED)
    assert [q.facility for q in report.questions] == [0.75, 0.5, 0.5]


def test_the_standard_deviation_uses_n_minus_one():
    # Q1: deviations .25 .25 .25 −.75, squares sum .75, var = .75/3 = .25, SD = .5
    # Q2: deviations ±.5, squares sum 1, var = 1/3, SD = √(1/3) = .57735
    report = analyse(MIXED)
    assert report.questions[0].sd == approx(0.5)
    assert report.questions[1].sd == approx(math.sqrt(1 / 3))


def test_the_discrimination_index_correlates_the_item_with_the_rest_of_the_test():
    # Q1: rest of test (total − Q1) = 2 1 0 1, mean 1, deviations 1 0 −1 0, var 2/3.
    #     Σ(dx·dy) = .25·1 + .25·0 + .25·(−1) − .75·0 = 0  → DI = 0.
    # Q2: rest = 2 1 1 1, mean 1.25, deviations .75 −.25 −.25 −.25, Σ² = .75, var .25.
    #     Σ(dx·dy) = .5·.75 + .5·(−.25) − .5·(−.25) − .5·(−.25) = .5, cov = .5/3 = 1/6.
    #     DI = (1/6) / √(1/3 · 1/4) = √12 / 6 = .57735.
    # Q3: rest = 2 2 1 0, mean 1.25, deviations .75 .75 −.25 −1.25, Σ² = 2.75, var 11/12.
    #     Σ(dx·dy) = .375 − .375 + .125 − .625 = −.5, cov = −1/6.
    #     DI = (−1/6) / √(1/3 · 11/12) = −1/√11 = −.30151.
    report = analyse(MIXED)
    q1, q2, q3 = report.questions
    assert q1.discrimination_index == approx(0.0)
    assert q2.discrimination_index == approx(math.sqrt(12) / 6)
    assert q3.discrimination_index == approx(-1 / math.sqrt(11))


def test_the_discriminative_efficiency_compares_with_the_best_possible_ranking():
    # cov_max pairs sorted marks with sorted rest-of-test marks:
    # Q1: marks 0 1 1 1 (dev −.75 .25 .25 .25), rest 0 1 1 2 (dev −1 0 0 1):
    #     Σ = .75 + 0 + 0 + .25 = 1, cov_max = 1/3, DE = 0 / (1/3) = 0.
    # Q2: marks 0 0 1 1 (dev ±.5), rest 1 1 1 2 (dev −.25 −.25 −.25 .75):
    #     Σ = .125 + .125 − .125 + .375 = .5, cov_max = 1/6 = cov, DE = 1.
    # Q3: marks 0 0 1 1, rest 0 1 2 2 (dev −1.25 −.25 .75 .75):
    #     Σ = .625 + .125 + .375 + .375 = 1.5, cov_max = .5, DE = (−1/6) / .5 = −1/3.
    report = analyse(MIXED)
    assert [q.discriminative_efficiency for q in report.questions] == [
        approx(0.0),
        approx(1.0),
        approx(-1 / 3),
    ]


def test_questions_are_flagged_by_moodles_thresholds():
    # Q1 DE 0 < 15%; Q2 is fine; Q3 has a negative DI (and DE).
    report = analyse(MIXED)
    assert [q.flags for q in report.questions] == [
        [FLAG_LOW_EFFICIENCY],
        [],
        [FLAG_NEGATIVE_DISCRIMINATION, FLAG_LOW_EFFICIENCY],
    ]


def test_a_question_everyone_gets_right_is_too_easy_and_has_no_discrimination():
    attempts = [attempt(1, 1, 0), attempt(1, 0, 0), attempt(1, 1, 1)]
    q1 = analyse(attempts).questions[0]
    assert q1.facility == 1.0
    assert q1.sd == 0.0
    assert q1.discrimination_index is None  # no spread: Moodle leaves it blank
    assert q1.discriminative_efficiency is None
    assert q1.flags == [FLAG_TOO_EASY]


def test_a_question_nobody_gets_right_is_too_hard():
    attempts = [attempt(1, 0, 0), attempt(0, 0, 1), attempt(1, 0, 1)]
    assert FLAG_TOO_HARD in analyse(attempts).questions[1].flags


def test_test_statistics_match_moodles_formulas_for_a_skewed_set():
    # Totals 3 2 1 1: mean 1.75, median (1 + 2)/2 = 1.5.
    # Deviations 1.25 .25 −.75 −.75: Σd² = 2.75, Σd³ = 1.125, Σd⁴ = 3.078125.
    # SD = √(2.75/3) = √(11/12) = .957427.
    # m2 = .6875, m3 = .28125, m4 = .76953125; k2 = 4·m2/3 = 11/12; k3 = 16·m3/(3·2) = .75.
    # Skewness = .75 / (11/12)^1.5 = .854563.
    # k4 = 16·(5·m4 − 3·3·m2²)/(3·2·1) = 16·(3.84765625 − 4.25390625)/6 = −13/12;
    # kurtosis = (−13/12) / (11/12)² = −156/121 = −1.289256.
    # Item variances .25 + 1/3 + 1/3 = 11/12 = k2, so CIC = 3/2 · (1 − 1) = 0,
    # error ratio = √(1 − 0) = 1 and standard error = 1 · SD.
    overall = analyse(MIXED).overall
    assert overall.attempts == 4
    assert overall.max_total == 3.0
    assert overall.mean == approx(1.75)
    assert overall.median == approx(1.5)
    assert overall.sd == approx(math.sqrt(11 / 12))
    assert overall.skewness == approx(0.75 / (11 / 12) ** 1.5)
    assert overall.skewness == approx(0.854563, abs=1e-6)
    assert overall.kurtosis == approx(-156 / 121)
    assert overall.cic == approx(0.0, abs=1e-12)
    assert overall.error_ratio == approx(1.0)
    assert overall.standard_error == approx(math.sqrt(11 / 12))


def test_test_statistics_for_a_consistent_set_give_a_cic_of_75_percent():
    #        Q1 Q2 Q3 | total
    #   S1    1  1  1 |   3
    #   S2    1  1  0 |   2
    #   S3    1  0  0 |   1
    #   S4    0  0  0 |   0
    # Totals: mean 1.5, median 1.5, deviations ±1.5 ±.5: Σd² = 5, Σd³ = 0, Σd⁴ = 10.25.
    # SD = √(5/3) = 1.290994; skewness 0; k2 = 4·1.25/3 = 5/3;
    # k4 = 16·(5·2.5625 − 9·1.5625)/6 = 16·(−1.25)/6 = −10/3; kurtosis = (−10/3)/(25/9) = −1.2.
    # Item variances: Q1 .25, Q2 1/3, Q3 .25 → Σ = 5/6.
    # CIC = 3/2 · (1 − (5/6)/(5/3)) = 3/2 · 1/2 = .75; ER = √.25 = .5; SE = .5 · 1.290994.
    attempts = [attempt(1, 1, 1), attempt(1, 1, 0), attempt(1, 0, 0), attempt(0, 0, 0)]
    overall = analyse(attempts).overall
    assert overall.mean == approx(1.5)
    assert overall.median == approx(1.5)
    assert overall.sd == approx(math.sqrt(5 / 3))
    assert overall.skewness == approx(0.0, abs=1e-12)
    assert overall.kurtosis == approx(-1.2)
    assert overall.cic == approx(0.75)
    assert overall.error_ratio == approx(0.5)
    assert overall.standard_error == approx(0.5 * math.sqrt(5 / 3))
    # A perfect Guttman pattern: each question ranks the learners as the rest does.
    assert [q.discriminative_efficiency for q in analyse(attempts).questions] == [
        approx(1.0),
        approx(1.0),
        approx(1.0),
    ]


def test_marks_are_weighted_by_each_questions_max_mark():
    # Q1 worth 2 marks: fractions 1 .5 0 → marks 2 1 0, facility = 1/2 = .5 of the max mark;
    # SD in marks = 1, shown as 1/2 = .5 of the max mark.
    attempts = [
        {"Q1": ItemResult(1.0, 2.0), "Q2": ItemResult(1.0)},
        {"Q1": ItemResult(0.5, 2.0), "Q2": ItemResult(0.0)},
        {"Q1": ItemResult(0.0, 2.0), "Q2": ItemResult(0.0)},
    ]
    report = analyse(attempts)
    assert report.questions[0].facility == approx(0.5)
    assert report.questions[0].sd == approx(0.5)
    assert report.overall.max_total == 3.0
    assert report.overall.mean == approx((3 + 1 + 0) / 3)


def test_response_counts_show_which_wrong_answers_learners_choose():
    attempts = [
        attempt(1, 0, 0, ("Hà Nội", "1995", "")),
        attempt(0, 0, 0, ("Huế", "1995", "")),
        attempt(0, 1, 0, ("Huế", "1996", "x")),
        attempt(1, 0, 0, ("Hà Nội", "1997", "")),
    ]
    q1, q2, q3 = analyse(attempts).questions
    assert q1.responses == [ResponseCount("Hà Nội", 2, 0.5, 1.0), ResponseCount("Huế", 2, 0.5, 0.0)]
    assert q2.responses[0] == ResponseCount("1995", 2, 0.5, 0.0)
    assert q3.responses[0] == ResponseCount("", 3, 0.75, 0.0), "no answer is counted too"


def test_a_question_missing_from_an_attempt_is_left_out_of_its_figures():
    attempts = [attempt(1, 1, 1), {"Q1": ItemResult(0.0), "Q2": ItemResult(1.0)}]
    q3 = analyse(attempts).questions[2]
    assert q3.attempts == 1 and q3.facility == 1.0 and q3.sd is None


def test_rows_follow_the_given_question_order_and_tuples_are_accepted():
    report = analyse([{"a": (1.0, 1.0, "x"), "b": (0.0, 1.0, "y")}], questions=["b", "a"])
    assert [q.question for q in report.questions] == ["b", "a"]
    assert report.overall.sd is None, "one attempt has no spread"


def test_no_attempts_give_an_empty_report_not_an_error():
    report = analyse([], questions=["Q1"])
    assert report.overall.mean is None
    assert report.questions[0].attempts == 0 and report.questions[0].facility is None


def test_first_attempts_keeps_each_learners_earliest():
    rows = [
        ("ann", date(2026, 3, 2), "late"),
        ("ann", date(2026, 3, 1), "first"),
        ("bo", date(2026, 3, 5), "only"),
    ]
    kept = first_attempts(rows, learner=lambda r: r[0], started=lambda r: r[1])
    assert sorted(r[2] for r in kept) == ["first", "only"]


def test_the_csv_export_has_one_row_per_question_in_percent():
    out = io.StringIO()
    write_questions_csv(
        analyse(MIXED),
        out,
        names={"Q1": "Thủ đô?"},
        flag_labels={FLAG_LOW_EFFICIENCY: "low efficiency"},
    )
    lines = out.getvalue().splitlines()
    assert lines[0].startswith("Question,Attempts,Facility index (%)")
    assert lines[1] == "Thủ đô?,4,75.00,50.00,0.00,0.00,low efficiency"
    assert lines[2].startswith("Q2,4,50.00,57.74,57.74,100.00,")


def test_the_responses_csv_lists_each_distinct_response():
    out = io.StringIO()
    write_responses_csv(analyse([attempt(1, 0, 0, ("a", "b", "c"))]), out)
    assert out.getvalue().splitlines()[1:] == [
        "Q1,a,1,100.00,100.00",
        "Q2,b,1,100.00,0.00",
        "Q3,c,1,100.00,0.00",
    ]


def test_a_question_alone_gives_the_figures_of_the_full_report():
    """question_stats works out each attempt's total itself when not given the totals that
    analyse works out once for every question."""
    report = analyse(MIXED)
    assert [question_stats(q, MIXED) for q in ("Q1", "Q2", "Q3")] == report.questions
