"""The shipped gazetteer: Chinese and Vietnamese names of places (and of a few international
organisations) with their class.

The data is `content/lang/data/gazetteer.tsv` (its header names its sources and columns). The
language pipeline reads it to pair names whose Vietnamese form is no Hán-Việt reading of the
Chinese (老街 ↔ Lào Cai, 尼罗河 ↔ sông Nin) and to know a place's class; question generation
reads it for distractors of the key's class (`same_class`). Pure Python, loaded once.

API (all lookups return Place objects in file order; an empty list when nothing matches):
    load() -> tuple[Place, ...]               every row
    by_zh(name) -> list[Place]                an exact Chinese form (any alias, 省/市 included)
    by_vi(name) -> list[Place]                a Vietnamese form, case-insensitive; exact
                                              diacritics first, then diacritics ignored; then
                                              the form without its generic word (sông, tỉnh…)
    lookup(name, lang=None) -> list[Place]    by_zh or by_vi, by the script when lang is None
    same_class(name, lang, n, exclude=(), seed=None, cls=None) -> list[Place]
                                              up to n other places of the same class and
                                              country (distractors), see its docstring
    of_class(cls, countries=(), n=None, exclude=(), seed=None) -> list[Place]
                                              places of a class (and country), for a key the
                                              gazetteer lacks but whose class is known
    zh_forms() -> dict[str, list[Place]]      every Chinese form, for scanning a text
    longest_zh() -> int                       the longest Chinese form's length
    vi_keys(place) -> frozenset[str]          its Vietnamese forms folded, generic word or not
    normal_class(level) -> str                a Term.level as a gazetteer class
                                              ("prefecture" → "city")
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .text import HAN_RE, fold, nfc

PATH = Path(__file__).with_name("data") / "gazetteer.tsv"

CLASSES = (
    "country",
    "province",
    "city",
    "county",
    "river",
    "lake",
    "mountain",
    "plateau",
    "sea",
    "continent",
    "region",
    "organisation",
)
# What Vietnamese writes before a name to say what it is; a form is also indexed without it.
VI_GENERIC = tuple(
    sorted(
        (
            "khu tự trị dân tộc duy ngô nhĩ",
            "khu tự trị dân tộc choang",
            "khu tự trị dân tộc hồi",
            "khu tự trị",
            "đặc khu hành chính",
            "thành phố trực thuộc trung ương",
            "cao nguyên",
            "thành phố",
            "dãy núi",
            "tp.",
            "tp",
            "tỉnh",
            "sông",
            "núi",
            "dãy",
            "đỉnh",
            "hồ",
            "biển",
            "vịnh",
        ),
        key=len,
        reverse=True,
    )
)
# Province-level units with a special status make implausible distractors for the others.
_SPECIAL = {"台湾", "香港", "澳门"}
_LEVEL_CLASS = {"prefecture": "city"}


@dataclass(frozen=True)
class Place:
    zh: str  # the usual Chinese name
    vi: str  # the usual Vietnamese name
    cls: str  # one of CLASSES
    countries: tuple[str, ...]  # ISO codes; () for oceans and continents
    parent: str = ""  # cities and counties: zh of the province
    era: str = ""  # Vietnamese provinces: "both", "-2025", "2025-"
    zh_forms: tuple[str, ...] = ()  # every Chinese form, the usual one first
    vi_forms: tuple[str, ...] = ()  # every Vietnamese form, the usual one first

    @property
    def country(self) -> str:
        return self.countries[0] if self.countries else ""

    def get(self, lang: str) -> str:
        return self.zh if lang == "zh" else self.vi

    def forms(self, lang: str) -> tuple[str, ...]:
        return self.zh_forms if lang == "zh" else self.vi_forms


def normal_class(level: str | None) -> str | None:
    """The gazetteer class of a Term.level (the pipeline says "prefecture" for a city)."""
    return _LEVEL_CLASS.get(level or "", level)


def strip_generic(vi: str) -> str:
    """A Vietnamese name without the generic word before it: "sông Nin" → "Nin"."""
    low = vi.lower()
    for word in VI_GENERIC:
        if low.startswith(word + " ") and len(vi) > len(word) + 1:
            return vi[len(word) + 1 :].strip()
    return vi


@lru_cache(maxsize=1)
def load() -> tuple[Place, ...]:
    places = []
    for line in PATH.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#") or line.startswith("zh\t"):
            continue
        cells = (nfc(line).split("\t") + [""] * 6)[:6]
        zh, vi, cls, country, parent, era = (c.strip() for c in cells)
        zh_forms = tuple(f for f in zh.split("|") if f)
        vi_forms = tuple(f for f in vi.split("|") if f)
        places.append(
            Place(
                zh=zh_forms[0],
                vi=vi_forms[0],
                cls=cls,
                countries=tuple(c for c in country.split("|") if c),
                parent=parent,
                era=era,
                zh_forms=zh_forms,
                vi_forms=vi_forms,
            )
        )
    return tuple(places)


@lru_cache(maxsize=1)
def _indexes() -> tuple[dict, dict, dict, dict]:
    zh: dict[str, list[Place]] = {}
    vi_exact: dict[str, list[Place]] = {}
    vi_folded: dict[str, list[Place]] = {}
    vi_bare: dict[str, list[Place]] = {}
    for place in load():
        for form in place.zh_forms:
            _add(zh, form, place)
        for form in place.vi_forms:
            _add(vi_exact, _vi_key(form), place)
            _add(vi_folded, fold(form), place)
            bare = strip_generic(form)
            if bare != form:
                _add(vi_bare, fold(bare), place)
    return zh, vi_exact, vi_folded, vi_bare


def _add(index: dict[str, list[Place]], key: str, place: Place) -> None:
    bucket = index.setdefault(key, [])
    if place not in bucket:
        bucket.append(place)


def _vi_key(text: str) -> str:
    return " ".join(nfc(text).lower().replace("–", "-").split())


def zh_forms() -> dict[str, list[Place]]:
    """Every Chinese form → the places it names (a copy is not made: do not modify)."""
    return _indexes()[0]


@lru_cache(maxsize=1)
def longest_zh() -> int:
    """The length of the longest Chinese form, to bound a scan of a text."""
    return max(len(form) for form in _indexes()[0])


@lru_cache(maxsize=4096)
def vi_keys(place: Place) -> frozenset[str]:
    """A place's Vietnamese forms folded (no case, no diacritics), with and without their
    generic word: what a Vietnamese span is compared with."""
    keys = set()
    for form in place.vi_forms:
        keys.add(fold(form))
        keys.add(fold(strip_generic(form)))
    return frozenset(keys)


def by_zh(name: str) -> list[Place]:
    return list(_indexes()[0].get((name or "").strip(), ()))


def by_vi(name: str) -> list[Place]:
    """Places named so in Vietnamese: case never matters; the exact diacritics are preferred
    (Hà Nam, not Hạ Nam), then the folded form, then the form without its generic word."""
    _zh, exact, folded, bare = _indexes()
    key = _vi_key(name or "")
    if not key:
        return []
    for index, k in ((exact, key), (folded, fold(key)), (bare, fold(key))):
        if k in index:
            return list(index[k])
    stripped = strip_generic(name.strip())
    if stripped != name.strip():
        return by_vi(stripped)
    return []


def lookup(name: str, lang: str | None = None) -> list[Place]:
    if lang is None:
        lang = "zh" if HAN_RE.search(name or "") else "vi"
    return by_zh(name) if lang == "zh" else by_vi(name)


def same_class(
    name: str,
    lang: str,
    n: int,
    exclude: tuple[str, ...] | list[str] | set[str] = (),
    seed: int | str | None = None,
    cls: str | None = None,
) -> list[Place]:
    """Up to n places of the same class as `name` (looked up in `lang`), for distractors.

    A name of several places (黄山 the mountain and the city, 河南 the Chinese and the
    Vietnamese province) is taken as the first of class `cls` when given (a Term.level does:
    normal_class() is applied), else as the first in the file.

    Same class and, where the class has a country, a shared country (a Vietnamese province
    for a Vietnamese province, a Chinese city for a Chinese city); countries, seas and
    continents come from anywhere. Cities of the same province come first. A Vietnamese
    province from before the 2025 merger gets units of that time, one after it units of
    this time, one that exists in both gets units that exist in both. Never the place itself,
    nor one named in `exclude` (any form, either language), nor one whose name in `lang`
    contains or is contained in `name`. Order: file order (same parent first), or shuffled
    with `random.Random(seed)` when a seed is given. An unknown name gives [].
    """
    found = lookup(name, lang)
    if not found:
        return []
    wanted = normal_class(cls)
    key = next((p for p in found if p.cls == wanted), found[0])
    found = [p for p in found if p.cls == key.cls]
    banned = {fold(x) for x in exclude} | set(exclude)
    bare = fold(strip_generic(name)) if lang == "vi" else name
    out = []
    for place in load():
        if place.cls != key.cls or place in found:
            continue
        if key.cls != "country" and key.countries and not set(place.countries) & set(key.countries):
            continue
        if key.cls == "province" and key.zh not in _SPECIAL and place.zh in _SPECIAL:
            continue
        if key.era and place.era and not _same_era(key.era, place.era):
            continue
        forms = place.zh_forms + place.vi_forms
        if any(f in banned or fold(f) in banned for f in forms):
            continue
        mine = place.get(lang)
        other = fold(strip_generic(mine)) if lang == "vi" else mine
        if other and bare and (other in bare or bare in other):
            continue
        out.append(place)
    if seed is not None:
        random.Random(seed).shuffle(out)
    if key.parent:
        out.sort(key=lambda p: p.parent != key.parent)
    return out[:n]


def of_class(
    cls: str,
    countries: tuple[str, ...] | list[str] = (),
    n: int | None = None,
    exclude: tuple[str, ...] | list[str] | set[str] = (),
    seed: int | str | None = None,
) -> list[Place]:
    """Places of a class (normal_class() of a Term.level works: "prefecture" → "city"), in
    one of `countries` when given, none named in `exclude` (any form, either language),
    Vietnamese provinces of after 2025 or both eras; file order, or shuffled by `seed`."""
    cls = normal_class(cls) or ""
    banned = {fold(x) for x in exclude}
    out = [
        p
        for p in load()
        if p.cls == cls
        and (not countries or set(p.countries) & set(countries))
        and p.era != "-2025"
        and not any(fold(f) in banned for f in p.zh_forms + p.vi_forms)
    ]
    if seed is not None:
        random.Random(seed).shuffle(out)
    return out if n is None else out[:n]


def _same_era(key: str, other: str) -> bool:
    if key == "both":
        return other == "both"
    return other in (key, "both")
