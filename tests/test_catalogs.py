"""The committed catalogs: every message translated in vi and zh-hans, none fuzzy, and the
compiled .mo files those .po files make (so a learner never meets an English string that a
translator already wrote, nor a stale one). msgfmt comes with gettext, which `make messages`
and CI install."""

import re
import shutil
import subprocess
from pathlib import Path

import pytest

LOCALE = Path(__file__).resolve().parents[1] / "locale"
MSGFMT = shutil.which("msgfmt")

pytestmark = pytest.mark.skipif(MSGFMT is None, reason="msgfmt not found (apt-get install gettext)")


@pytest.mark.parametrize("language", ["vi", "zh_Hans"])
def test_every_message_is_translated_and_none_is_fuzzy(language):
    po = LOCALE / language / "LC_MESSAGES" / "django.po"
    result = subprocess.run(
        [MSGFMT, "--statistics", "-o", "/dev/null", str(po)],
        capture_output=True,
        text=True,
        check=True,
    )
    statistics = result.stderr.strip()
    assert re.fullmatch(r"\d+ translated messages\.", statistics), (
        f"{language}: {statistics} — translate them (make messages, then edit the .po file)"
    )


@pytest.mark.parametrize("language", ["vi", "zh_Hans", "en"])
def test_the_committed_mo_file_is_compiled_from_its_po_file(language, tmp_path):
    folder = LOCALE / language / "LC_MESSAGES"
    fresh = tmp_path / "django.mo"
    subprocess.run([MSGFMT, "-o", str(fresh), str(folder / "django.po")], check=True)
    assert fresh.read_bytes() == (folder / "django.mo").read_bytes(), (
        f"{language}: django.mo is stale; run make messages"
    )
