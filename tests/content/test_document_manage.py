"""Adding documents (issue 16, item 6): an identical upload opens the existing document; a text
lacking one language is refused, naming it. Lists show only what the viewer should see. Renaming,
hiding, deleting and archiving a document are the teaching views' (tests/teaching/views/
test_documents.py)."""

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from accounts.models import Classroom
from content.access import documents_listed_for
from content.models import Document

SHIPPED = Path(__file__).resolve().parents[2] / "content" / "documents" / "000_09eee8d4159d2fdc.txt"
TEXT = SHIPPED.read_text(encoding="utf-8")
VI_ONLY = "Hà Nội mùa thu\n\nHà Nội là thủ đô của Việt Nam. Thành phố có nhiều hồ đẹp.\n"
ZH_ONLY = "河内的秋天\n\n河内是越南的首都。这座城市有很多美丽的湖。\n"


@pytest.fixture
def added(teacher_client, teacher):
    teacher_client.post(reverse("content:add"), {"text": TEXT})
    return Document.objects.get(created_by=teacher)


def test_an_identical_text_opens_the_existing_document(teacher_client, added):
    # Pasted (CRLF line ends, trailing spaces) or uploaded, it is the same text.
    pasted = TEXT.replace("\n", "  \r\n")
    response = teacher_client.post(reverse("content:add"), {"text": pasted})
    assert response["Location"] == added.get_absolute_url()
    upload = SimpleUploadedFile("again.txt", TEXT.encode("utf-8"))
    response = teacher_client.post(reverse("content:add"), {"file": upload}, follow=True)
    assert response.redirect_chain[-1][0] == added.get_absolute_url()
    assert Document.objects.count() == 1


@pytest.mark.parametrize(
    "text, missing", [(VI_ONLY, "No Chinese part"), (ZH_ONLY, "No Vietnamese part")]
)
def test_a_text_lacking_one_language_is_refused_naming_it(teacher_client, db, text, missing):
    response = teacher_client.post(
        reverse("content:add"), {"text": text}, HTTP_ACCEPT_LANGUAGE="en"
    )
    assert response.status_code == 200
    assert missing in response.content.decode()
    assert not Document.objects.exists()


def test_lists_show_shipped_documents_own_ones_and_those_of_ones_teachers(added, alice, bob):
    shipped = Document.objects.create(
        slug="shipped", title_vi="Có sẵn", languages="zh,vi", source_text="x", content_hash="x"
    )
    Classroom.objects.create(name="A1", teacher=added.created_by).students.add(alice)
    assert set(documents_listed_for(alice)) == {shipped, added}
    assert set(documents_listed_for(bob)) == {shipped}
    assert set(documents_listed_for(added.created_by)) == {shipped, added}
