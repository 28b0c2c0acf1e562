"""The user's-language sentences for the stable codes the pure modules return: question
problems (quizzes.validation), GIFT and Moodle XML errors (quizzes.interchange) and statistics
flags."""

from django.utils.translation import gettext_lazy as _

from quizzes.interchange.gift import GiftError
from quizzes.validation import Problem

PROBLEMS = {
    "unknown_type": _("This kind of question is not supported."),
    "empty_prompt": _("Write the question."),
    "no_blank": _("Mark the blank in the question with %(blank)s."),
    "empty_answer": _("Give the right answer."),
    "bad_answer": _("The answer does not fit this kind of question."),
    "too_few_choices": _("Give at least two options."),
    "empty_choice": _("An option is empty."),
    "duplicate_choice": _("The option “%(choice)s” is given twice."),
    "answer_not_a_choice": _("The answer “%(answer)s” is not one of the options."),
    "no_right_choice": _("Mark at least one option as right."),
    "no_wrong_choice": _(
        "Give at least one wrong option: otherwise ticking every box would be right."
    ),
    "too_few_pairs": _("Give at least two pairs."),
    "empty_pair": _("Each pair needs an item and its match."),
    "duplicate_left": _("The item “%(item)s” is given twice."),
    "bad_choices": _("The options do not match the items."),
    "too_few_items": _("Give at least two items to put in order."),
    "empty_item": _("An item is empty."),
    "duplicate_item": _("The item “%(item)s” is given twice."),
    "prompt_too_long": _(
        "The question is too long: %(length)s characters, and the limit is %(limit)s."
    ),
    "text_too_long": _(
        "“%(text)s” is too long: an answer, option or item may have at most %(limit)s characters."
    ),
    "too_many_choices": _(
        "Too many options: %(count)s, and a question may have at most %(limit)s."
    ),
    "too_many_answers": _(
        "Too many accepted answers: %(count)s, and a question may have at most %(limit)s."
    ),
    "too_many_items": _(
        "Too many items: %(count)s, and a matching or ordering question may have at most %(limit)s."
    ),
}

GIFT_ERRORS = {
    "unclosed_title": _("The title opened with :: is never closed with ::."),
    "no_answer_block": _(
        "There is no answer block {…}: descriptions without answers cannot be imported."
    ),
    "unexpected_close": _("A } closes a block that was never opened (write \\} for the sign)."),
    "unclosed_block": _("The answer block opened with { is never closed with }."),
    "several_blocks": _("A question may have only one answer block {…}."),
    "numerical_unsupported": _("Numerical questions ({#…}) are not supported."),
    "essay_unsupported": _("Essay questions ({}) are not supported."),
    "unknown_answer_block": _("The answer block has no answers (each starts with = or ~)."),
    "text_before_answers": _("“%(text)s” stands before the first answer (= or ~) in the block."),
    "several_right_answers": _(
        "Only one answer may be marked right with = (use ~%%50%% weights for several)."
    ),
    "partial_credit_unsupported": _(
        "Partial credit for a single answer is not supported: mark each answer right or wrong."
    ),
    "no_right_answer": _("No answer is right: mark one with = or give it a positive weight."),
    "matching_needs_arrow": _("“%(text)s” needs “->” between an item and its match."),
    "language_unsupported": _(
        "This question is neither in Chinese nor in Vietnamese. Only those two can be imported "
        "(a category ending in /zh or /vi names the language)."
    ),
    "weights_unsupported": _(
        "The right answers' weights add up to %(total)s%%: Moodle and Dongxi need 100%%, and no "
        "weight below −100%%."
    ),
    "wildcard_unsupported": _(
        "“%(text)s” holds *, Moodle's wildcard for any text, which cannot be graded here "
        "(write \\* for a star)."
    ),
    "ordering_needs_count": _("An ordering block starts with > and a number: {>3 …}."),
    "type_unsupported": _("Moodle questions of the type “%(type)s” have no counterpart here."),
    "bad_true_false": _("A true-or-false question needs exactly one right answer, true or false."),
    "bad_fraction": _("“%(fraction)s” is not a grade."),
    "xml_doctype": _("The file declares a DOCTYPE, which is refused for safety."),
    "xml_malformed": _("The file is not well-formed XML."),
}


def problem_message(problem: Problem) -> str:
    return str(PROBLEMS.get(problem.code, problem.code)) % problem.params


def gift_error_message(error: GiftError) -> str:
    if error.code in PROBLEMS:
        return problem_message(Problem(error.code, error.params))
    return str(GIFT_ERRORS.get(error.code, error.code)) % error.params
