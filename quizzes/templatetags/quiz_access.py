"""The quizzes a page of an app below quizzes may offer its user, decided by quizzes.access as in
every quizzes view: a document's page (content) lists the quizzes of that document the user may
open, without content importing quizzes."""

from django import template

from quizzes.access import quizzes_for

register = template.Library()


@register.simple_tag(takes_context=True)
def quizzes_of_document(context, document):
    """The quizzes of `document` the request's user may open (quizzes.access.quizzes_for: their
    own drafts, never another class's exam, nor one not open yet)."""
    user = context["request"].user
    return quizzes_for(user).filter(document=document).only("pk", "title")
