"""Turning uploaded bytes into text, or a DocumentError saying why that is impossible.

Teachers paste from Word, save from Notepad (UTF-16 with a BOM) or from older Chinese editors
(GB18030), so several encodings are tried in a fixed order; anything with NUL bytes or many
control characters is a binary file uploaded by mistake.
"""

from __future__ import annotations

import codecs
import unicodedata

from .hygiene import strip_controls
from .model import DocumentError

# A document is at most 200 KB of text (UTF-8): a long article in both languages is under 40 KB,
# and the work of analysing and generating questions grows with the size.
MAX_TEXT_BYTES = 200 * 1024
# Raw bytes are refused before decoding beyond what 200 KB of text can take in any encoding we
# read (UTF-32 spends 4 bytes on a character that UTF-8 writes in 1).
MAX_BYTES = 4 * MAX_TEXT_BYTES + 4
_ALLOWED_CONTROLS = {"\t", "\n", "\r", "\f", "\v"}


def _binary(text: str) -> bool:
    if "\x00" in text:
        return True
    controls = sum(
        1 for c in text if unicodedata.category(c) == "Cc" and c not in _ALLOWED_CONTROLS
    )
    # A stray form-feed or escape from a copy-paste is fine; a binary file is full of them.
    return controls > max(2, len(text) // 200)


def decode(data: bytes) -> str:
    """The text of an uploaded document (NFC, newlines as \\n).

    Tries UTF-8, UTF-8 with BOM, UTF-16 with BOM, then GB18030. Raises DocumentError with code
    "too_large" (more than MAX_TEXT_BYTES of text), "empty", "binary" or "encoding".
    """
    if len(data) > MAX_BYTES:
        raise DocumentError(
            "too_large",
            f"The document is {len(data)} bytes; the limit is {MAX_TEXT_BYTES} bytes of text.",
            size=len(data),
            limit=MAX_TEXT_BYTES,
        )
    if not data.strip():
        raise DocumentError("empty", "The document is empty.")
    text: str | None = None
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        # Checked before UTF-16: the UTF-32 LE BOM starts with the UTF-16 LE one.
        text = _try(data, "utf-32")
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = _try(data, "utf-16")
    elif data.startswith(codecs.BOM_UTF8):
        text = _try(data, "utf-8-sig")
    else:
        if b"\x00" in data:
            raise DocumentError("binary", "The file contains NUL bytes: it is not a text file.")
        text = _try(data, "utf-8")
        if text is None:
            text = _try(data, "gb18030")
    if text is None:
        raise DocumentError(
            "encoding",
            "The file could not be read as UTF-8, UTF-16 or GB18030 text.",
        )
    if _binary(text):
        raise DocumentError(
            "binary", "The file contains control characters: it is not a text file."
        )
    # The few control characters a copy-paste leaves are dropped: no database or export may
    # hold them (content.lang.hygiene).
    text = strip_controls(text)
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    if text.startswith("\ufeff"):
        text = text[1:]
    if not text.strip():
        raise DocumentError("empty", "The document is empty.")
    check_size(text)
    return text


def check_size(text: str) -> None:
    """Raise DocumentError("too_large", size=…, limit=…) beyond MAX_TEXT_BYTES of UTF-8 text."""
    size = len(text.encode("utf-8", errors="surrogatepass"))
    if size > MAX_TEXT_BYTES:
        raise DocumentError(
            "too_large",
            f"The document is {size} bytes of text; the limit is {MAX_TEXT_BYTES} bytes.",
            size=size,
            limit=MAX_TEXT_BYTES,
        )


def _try(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None
