"""Stable Anki ids for Dongxi's note types, decks and notes, derived from the app's own ids.

Anki matches a re-imported deck, note type and note by id/GUID, so these must never change
between exports: they are hashes of fixed names and of our own keys, never of field contents
(an edited sentence must update its note, not add a new one).

* Note type and deck ids: `stable_id("model", "bilingual", "v1")` is the first 4 bytes of
  sha1("dongxi:model:bilingual:v1") read big-endian, keeping 30 bits and setting bit 30, so every
  id lies in [2**30, 2**31): a positive 31-bit integer that can never equal Anki's small built-in
  ids (the Default deck is 1). Bump the "v1" suffix only for an incompatible note-type change.
* Deck ids: `deck_id("document", slug)` → stable_id("deck", "document", slug); per-quiz, class
  and learner decks later use their own scope ("quiz", pk), ("class", pk), ("learner", pk).
* Note GUIDs: genanki.guid_for("dongxi", document slug, "term"|"fact", key), from the pipeline's
  stable term and fact keys.
"""

import hashlib

import genanki

NAMESPACE = "dongxi"


def stable_id(*parts: str | int) -> int:
    """A positive 31-bit id in [2**30, 2**31) from sha1 of "dongxi:" + the parts joined by ":"."""
    name = ":".join([NAMESPACE, *map(str, parts)])
    digest = hashlib.sha1(name.encode("utf-8")).digest()
    return (int.from_bytes(digest[:4], "big") & 0x3FFFFFFF) | 0x40000000


def deck_id(scope: str, key: str | int) -> int:
    """The deck for one document ("document", slug); later ("quiz", pk), ("class", pk) …"""
    return stable_id("deck", scope, key)


def note_guid(scope_key: str, kind: str, key: str) -> str:
    """A note's GUID: namespace + document slug (or other deck scope key) + "term"/"fact" + key."""
    return genanki.guid_for(NAMESPACE, scope_key, kind, key)
