"""A document is at most 200 KB of text, however it arrives (paste, upload, load_document), and
the refusal says how large it was and what the limit is."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse
from django.utils import translation

from content.lang import DocumentError, decode
from content.lang.decoding import MAX_TEXT_BYTES
from content.loading import load_text
from content.models import Document

KB_300 = "Xin chào 你好\n" * (300 * 1024 // len("Xin chào 你好\n".encode()) + 1)


def test_the_limit_is_200_kb_of_text():
    assert MAX_TEXT_BYTES == 200 * 1024


def test_a_300_kb_document_is_refused_with_its_size_in_the_message(teacher_client, db):
    response = teacher_client.post(
        reverse("content:add"), {"text": KB_300}, HTTP_ACCEPT_LANGUAGE="en"
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "The document is too large: 301 KB of text, and the limit is 200 KB." in html
    assert not Document.objects.exists()


def test_a_300_kb_file_upload_is_refused_with_its_size_in_the_message(teacher_client, db):
    upload = SimpleUploadedFile("big.txt", KB_300.encode())
    response = teacher_client.post(
        reverse("content:add"), {"file": upload}, HTTP_ACCEPT_LANGUAGE="en"
    )
    assert "301 KB of text, and the limit is 200 KB" in response.content.decode()
    assert not Document.objects.exists()


def test_a_5_mb_upload_is_refused_before_it_is_read(teacher_client, db):
    upload = SimpleUploadedFile("huge.txt", b"a" * (5 * 1024 * 1024))
    response = teacher_client.post(
        reverse("content:add"), {"file": upload}, HTTP_ACCEPT_LANGUAGE="en"
    )
    assert "The document is too large: the limit is 200 KB of text." in response.content.decode()
    assert not Document.objects.exists()


def test_the_limit_counts_text_not_the_bytes_of_a_wide_encoding():
    # 150 KB of Vietnamese text takes 300 KB in UTF-16: still a 150 KB document.
    text = "á" * (150 * 1024 // 2)
    assert decode(text.encode("utf-16")) == text


def test_a_utf16_file_with_300_kb_of_text_is_refused():
    with pytest.raises(DocumentError) as info:
        decode(KB_300.encode("utf-16"))
    assert info.value.code == "too_large"
    assert info.value.params == {"size": len(KB_300.encode()), "limit": MAX_TEXT_BYTES}


def test_text_handed_straight_to_the_loader_is_refused_too(db):
    with pytest.raises(DocumentError) as info:
        load_text(KB_300)
    assert info.value.code == "too_large"
    assert not Document.objects.exists()


def test_load_document_refuses_a_300_kb_file_and_says_so(tmp_path, db):
    path = tmp_path / "big.txt"
    path.write_text(KB_300, encoding="utf-8")
    with translation.override("en"), pytest.raises(CommandError) as info:
        call_command("load_document", str(path))
    assert "301 KB of text, and the limit is 200 KB" in str(info.value)
    assert not Document.objects.exists()
