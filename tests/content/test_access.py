"""content.access: which documents a user opens, sees listed, curates and manages."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from accounts.models import Classroom, User
from content import access
from content.models import Document
from tests.conftest import PASSWORD


def _document(slug: str, **fields) -> Document:
    return Document.objects.create(
        slug=slug, languages="zh,vi", source_text=slug, content_hash=slug, **fields
    )


@pytest.fixture
def toby(db) -> User:
    return User.objects.create_user("toby", password=PASSWORD, is_teacher=True)


@pytest.fixture
def documents(teacher, toby) -> dict[str, Document]:
    return {
        "shipped": _document("shipped"),
        "mine": _document("mine", created_by=teacher),
        "hidden": _document("hidden", created_by=teacher, hidden=True),
        "archived": _document("archived", created_by=teacher, archived_at=timezone.now()),
        "colleague": _document("colleague", created_by=toby),
    }


def _slugs(queryset) -> set[str]:
    return set(queryset.values_list("slug", flat=True))


def test_a_visitor_may_open_no_document(documents):
    assert not access.documents_for(AnonymousUser()).exists()
    assert not access.documents_curated_by(AnonymousUser()).exists()
    assert not access.documents_owned_by(AnonymousUser()).exists()


def test_any_signed_in_user_opens_every_document_by_its_link(documents, alice):
    assert _slugs(access.documents_for(alice)) == set(documents)


def test_lists_leave_out_archived_documents_and_others_hidden_ones(documents, teacher, alice):
    assert _slugs(access.documents_listed_for(alice)) == {"shipped"}
    Classroom.objects.create(name="A", teacher=teacher).students.add(alice)
    assert _slugs(access.documents_listed_for(alice)) == {"shipped", "mine"}
    assert _slugs(access.documents_listed_for(teacher)) == {"shipped", "mine", "hidden"}


def test_a_teacher_curates_their_own_documents_and_those_nobody_added(documents, teacher, alice):
    assert _slugs(access.documents_curated_by(teacher)) == {
        "shipped",
        "mine",
        "hidden",
        "archived",
    }
    assert not access.documents_curated_by(alice).exists()


def test_a_teacher_manages_only_the_documents_they_added(documents, teacher, toby, alice):
    assert _slugs(access.documents_owned_by(teacher)) == {"mine", "hidden", "archived"}
    assert _slugs(access.documents_owned_by(toby)) == {"colleague"}
    assert not access.documents_owned_by(alice).exists()


@pytest.mark.parametrize("who", ["teacher", "toby", "alice"])
def test_the_checks_on_a_fetched_document_agree_with_the_querysets(documents, who, request):
    user = request.getfixturevalue(who)
    curated, owned = access.documents_curated_by(user), access.documents_owned_by(user)
    for document in documents.values():
        assert access.curates(user, document) == curated.filter(pk=document.pk).exists()
        assert access.owns(user, document) == owned.filter(pk=document.pk).exists()
