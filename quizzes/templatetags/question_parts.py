"""A question's answer inputs and its feedback lines in any template, made by
quizzes.fragments (which the question card uses too):

    {% load question_parts %}
    {% question_inputs preview preview.choices disabled=True %}   a teacher's preview
    {% answer_lines row.feedback row.item.question %}              the results page
"""

from django import template

from quizzes import fragments

register = template.Library()


@register.simple_tag
def question_inputs(question, choices, disabled=False):
    """The question's inputs with its options in the order of `choices`."""
    return fragments.question_inputs(question, choices, disabled)


@register.simple_tag
def answer_lines(feedback, question=None):
    """The learner's answer, the right one, the comments and the sources (quizzes.feedback)."""
    return fragments.answer_lines(feedback, question)
