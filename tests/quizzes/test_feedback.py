"""An imported question's feedback (Moodle's #feedback and ####general feedback) is shown to
the learner after answering: the comment on what they picked, then the general one."""

from django.utils import translation

from quizzes.feedback import Feedback, comments
from quizzes.fragments import answer_lines
from quizzes.models import Question


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
        html = answer_lines(feedback)
    assert "Comment" in html and "&lt;b&gt;Huế&lt;/b&gt; là cố đô." in html
