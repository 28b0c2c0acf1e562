"""The quizzes app's pieces of other apps' pages: the quiz buttons of a document's page.

The document page is content's, and content sits below quizzes: it does not ask which quizzes
a user may open; its template loads this library, which asks quizzes.access.
"""

from django import template

from quizzes.access import quizzes_for

register = template.Library()


@register.inclusion_tag("quizzes/includes/document_quizzes.html")
def document_quizzes(user, document) -> dict:
    """A button for each quiz of `document` that `user` may open (quizzes.access.quizzes_for:
    their own drafts, never another class's exam, nor one not open yet). One query."""
    return {"quizzes": quizzes_for(user).filter(document=document).only("pk", "title")}
