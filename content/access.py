"""Who may see or change which document: the one place that says it (every view gets a document
through these: get_object_or_404(access.documents_for(user), slug=slug)).

- Documents are shared: any signed-in user opens any document's page by its link (quizzes and
  cards keep working on a hidden or archived one).
- Lists show fewer: the shipped documents, the user's own, and those added by a teacher of one
  of their classes; never an archived one, and a hidden one only for its owner.
- The teacher who added a document manages it (renames, hides, deletes it); they curate what
  generation made of it, and any teacher curates a document nobody added (a shipped one).
"""

from __future__ import annotations

from django.db.models import Exists, OuterRef, Q, QuerySet

from accounts.models import Classroom
from content.models import Document


def documents_for(user) -> QuerySet[Document]:
    """The documents whose page `user` may open: all of them, for a signed-in user."""
    if not user.is_authenticated:
        return Document.objects.none()
    return Document.objects.all()


def documents_listed_for(user) -> QuerySet[Document]:
    """The documents `user` sees in lists (home page, documents page, a teacher's choices):
    the shipped ones, their own, and those added by a teacher of one of their classes; never
    an archived one, and a hidden one only for its owner."""
    their_teachers = Classroom.objects.filter(students=user.pk, teacher=OuterRef("created_by"))
    others = Q(created_by__isnull=True) | Exists(their_teachers)
    return Document.objects.filter(archived_at__isnull=True).filter(
        Q(created_by=user.pk) | (others & Q(hidden=False))
    )


def documents_curated_by(user) -> QuerySet[Document]:
    """The documents whose generated questions `user` curates: a teacher's own, and those
    nobody added."""
    if not user.is_authenticated or not user.is_teacher:
        return Document.objects.none()
    return Document.objects.filter(Q(created_by=user) | Q(created_by__isnull=True))


def documents_owned_by(user) -> QuerySet[Document]:
    """The documents `user` manages (renames, hides, deletes): those the teacher added."""
    if not user.is_authenticated or not user.is_teacher:
        return Document.objects.none()
    return Document.objects.filter(created_by=user)


def curates(user, document: Document) -> bool:
    """documents_curated_by, for a document already fetched (no query)."""
    return user.is_authenticated and user.is_teacher and document.created_by_id in (None, user.pk)


def owns(user, document: Document) -> bool:
    """documents_owned_by, for a document already fetched (no query)."""
    return user.is_authenticated and user.is_teacher and document.created_by_id == user.pk
