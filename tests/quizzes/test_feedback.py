"""An imported question's feedback (Moodle's #feedback and ####general feedback) is shown to
the learner after answering: the comment on what they picked, then the general one."""

from django.template.loader import render_to_string
from django.utils import translation

from quizzes.feedback import Feedback, comments
from quizzes.models import Question
from quizzes.taking import current_weights


def _question(type_, answer, choices=(), feedback=None, weights=None):
    return Question(
        type=type_,
        language="vi",
        prompt="Chọn",
        answer=answer,
        choices=list(choices),
        feedback=feedback or {},
        weights=weights or {},
    )


def test_the_comment_on_the_picked_option_comes_before_the_general_one():
    question = _question(
        "single_choice",
        "Huế",
        ["Huế", "Hà Nội"],
        {"general": "Huế là cố đô.", "answers": {"Hà Nội": "Sai: đó là thủ đô."}},
    )
    assert comments(question, "Hà Nội") == ["Sai: đó là thủ đô.", "Huế là cố đô."]
    assert comments(question, "Huế") == ["Huế là cố đô."]


def test_true_false_and_typed_answers_find_their_comment():
    tf = _question(
        "true_false", False, feedback={"answers": {"true": "Sai rồi.", "false": "Đúng."}}
    )
    assert comments(tf, True) == ["Sai rồi."] and comments(tf, "false") == ["Đúng."]
    typed = _question("cloze", ["Huế", "Hue"], feedback={"answers": {"Hue": "Nhớ dấu nhé."}})
    assert comments(typed, " hue ") == ["Nhớ dấu nhé."]
    assert comments(_question("cloze", "Huế"), "Huế") == []


def test_the_comments_are_shown_with_the_answer_lines():
    feedback = Feedback(True, False, 1.0, "", ["Huế"], ["Huế"], [], ["<b>Huế</b> là cố đô."])
    with translation.override("en"):
        html = render_to_string("quizzes/includes/answer_lines.html", {"feedback": feedback})
    assert "Comment" in html and "&lt;b&gt;Huế&lt;/b&gt; là cố đô." in html


def test_weights_apply_only_while_they_fit_the_options():
    weights = {"a": 0.5, "b": 0.5, "c": -1.0}
    question = _question("multiple_choice", ["a", "b"], ["a", "b", "c"], weights=weights)
    assert current_weights(question) == weights
    question.choices = ["a", "b", "d"]
    assert current_weights(question) is None, "an edited option leaves the weights behind"


def test_an_ordering_subset_shows_that_many_items_and_is_graded_on_them():
    import random

    from quizzes.feedback import feedback
    from quizzes.models import AttemptItem
    from quizzes.taking import grade_item, shown_answer, shown_choices

    items = ["một", "hai", "ba", "bốn", "năm", "sáu"]
    question = _question("ordering", items, list(reversed(items)))
    question.subset = 2
    shown = shown_choices(question, random.Random(3), shuffle=True)
    assert len(shown) == 2 and set(shown) <= set(items)
    right = shown_answer(question, shown)
    assert right == [i for i in items if i in shown] and shown != right
    item = AttemptItem(question=question, choices=shown, response=right, score=1.0, correct=True)
    assert grade_item(item, right, terms=()).correct
    assert not grade_item(item, list(reversed(right)), terms=()).correct
    assert feedback(item, terms=()).answer == [f"{n}. {t}" for n, t in enumerate(right, 1)]
