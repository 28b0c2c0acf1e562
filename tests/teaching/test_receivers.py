"""teaching.receivers: when the quizzes app has generated a document's questions
(quizzes.signals.questions_generated), the teacher's report on the document is cached once the
load is committed, so the report page needs no second analysis."""

import pytest
from django.core.cache import cache

from content.loading import load_text
from teaching import document_report

TEXT = """湖边

我们今天去了湖边散步。天气很好。

Bờ hồ

Hôm nay chúng tôi đi dạo bên hồ. Trời rất đẹp.
"""


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()
    yield
    cache.clear()


def test_loading_a_document_caches_its_report_once_the_load_is_committed(
    teacher, django_capture_on_commit_callbacks, monkeypatch
):
    with django_capture_on_commit_callbacks() as callbacks:
        document = load_text(TEXT, user=teacher).document
    key = document_report._cache_key(document)
    assert cache.get(key) is None, "nothing is cached before the load is committed"
    for callback in callbacks:
        callback()
    assert cache.get(key) is not None

    def fail(text):
        raise AssertionError("analysed again")

    monkeypatch.setattr("content.lang.analyse", fail)
    summary, _warnings = document_report.summary_for(document)
    assert summary == cache.get(key)
