"""`manage.py inspect_document`: JSON and summary output, bad input as CommandError."""

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

SHIPPED = Path(__file__).resolve().parents[3] / "content" / "documents" / "000_09eee8d4159d2fdc.txt"


def run(*args) -> str:
    out = StringIO()
    call_command("inspect_document", *args, stdout=out)
    return out.getvalue()


def test_json_is_one_object_with_unescaped_text():
    out = run(str(SHIPPED), "--json")
    data = json.loads(out)
    assert data["published"] == "2021-01-14"
    assert data["title"]["zh"] == "东西部扶贫协作"
    assert len(data["paragraphs"]) == 6
    assert {"zh": "山东", "vi": "Sơn Đông"}.items() <= next(
        t for t in data["terms"] if t["zh"] == "山东"
    ).items()
    assert "东西部扶贫协作" in out  # ensure_ascii=False
    assert {"kind": "dateline", "text": "14-01-2021 | China.org.cn", "lang": "vi"} in data[
        "clutter"
    ]


def test_summary():
    out = run(str(SHIPPED))
    assert "paragraphs: 6" in out
    assert "problems: 0" in out
    assert "layout lines set aside: dateline 1, series 1, title 3" in out


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"", "empty"), (b"\x00\x01binary", "binary"), (b"English only here.", "no_language")],
)
def test_bad_input(tmp_path, content, message):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(CommandError, match=message):
        run(str(path))


def test_missing_file(tmp_path):
    with pytest.raises(CommandError):
        run(str(tmp_path / "nope.txt"))
