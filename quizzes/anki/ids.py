"""Stable Anki ids for Dongxi's note types, decks and notes, derived from the app's own ids.

Anki matches a re-imported deck, note type and note by id/GUID, so these must never change
between exports: they are hashes of fixed names and of our own keys, never of field contents
(an edited sentence must update its note, not add a new one).

* Note type and deck ids: `stable_id("model", "bilingual", "v1")` is the first 4 bytes of
  sha1("dongxi:model:bilingual:v1") read big-endian, keeping 30 bits and setting bit 30, so every
  id lies in [2**30, 2**31): a positive 31-bit integer that can never equal Anki's small built-in
  ids (the Default deck is 1). Bump the "v1" suffix only for an incompatible note-type change.
* Deck ids: `deck_id("document", slug)` → stable_id("deck", "document", slug); a sub-deck adds
  its part: deck_id("document", slug, "questions"). Per-quiz, class and learner decks use their
  own scope: ("quiz", pk), ("class", pk), ("learner", pk).
* Note GUIDs: genanki.guid_for("dongxi", document slug, kind, key), computed here the same
  way — whichever deck the note is exported in, so a term studied from a document deck and from
  a quiz deck is one note.
  kind is "term" (Term.key), "fact" (Fact.key), "question" (a generated Question.key) or
  "authored-question" (the pk of a question written by a teacher, which has no key).
"""

import hashlib

import genanki

NAMESPACE = "dongxi"


def stable_id(*parts: str | int) -> int:
    """A positive 31-bit id in [2**30, 2**31) from sha1 of "dongxi:" + the parts joined by ":"."""
    name = ":".join([NAMESPACE, *map(str, parts)])
    digest = hashlib.sha1(name.encode("utf-8")).digest()
    return (int.from_bytes(digest[:4], "big") & 0x3FFFFFFF) | 0x40000000


def deck_id(scope: str, key: str | int, *sub: str) -> int:
    """The deck for ("document", slug), ("quiz", pk) …; `sub` names a sub-deck ("questions")."""
    return stable_id("deck", scope, key, *sub)


_BASE91 = "".join(genanki.util.BASE91_TABLE)
_PAIRS = [high + low for high in _BASE91 for low in _BASE91]  # two base-91 digits at a time
_PAIR = 91 * 91
_ZERO = _BASE91[0]


def note_guid(document: str, kind: str, key: str | int) -> str:
    """A note's GUID: namespace + document slug + "term"/"fact"/"question"/… + the app's key.
    genanki.guid_for's value (the first 8 bytes of a sha256 in Anki's base 91, no leading
    zeros), computed with int.from_bytes and two digits a step: its byte-by-byte loops took a
    sixth of a large export. A 64-bit number has at most ten base-91 digits: five pairs, written
    out (no loop), then the leading zero digits dropped."""
    joined = "__".join((NAMESPACE, str(document), str(kind), str(key)))
    number = int.from_bytes(hashlib.sha256(joined.encode("utf-8")).digest()[:8], "big")
    number, e = divmod(number, _PAIR)
    number, d = divmod(number, _PAIR)
    a, c = divmod(number, _PAIR)
    a, b = divmod(a, _PAIR)  # a < 91 ** 2: 2 ** 64 < 91 ** 10
    return (_PAIRS[a] + _PAIRS[b] + _PAIRS[c] + _PAIRS[d] + _PAIRS[e]).lstrip(_ZERO)
