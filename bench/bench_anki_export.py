"""Time exporting 10,000 notes through quizzes.anki against genanki alone writing the same notes.

The 10,000 synthetic notes mix what a document deck holds: 4,000 bilingual terms (3 cards
each), 3,000 cloze sentences and 3,000 choice questions (all five types, both languages, in the
questions sub-deck). "Ours" goes from plain items through build_decks and write_package
(escaping, cloze marking, lettered options, tags, GUIDs, a deflated zip, no temporary file
left). "genanki alone" is handed the very same field values, GUIDs and tags, already rendered,
and writes them with genanki.Package.write_to_file: the floor for these notes. No assertions:
it prints both times and the ratio. Run: .venv/bin/python bench/bench_anki_export.py
"""

import gc
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ.setdefault("DEBUG", "1")

import django  # noqa: E402
import genanki  # noqa: E402

django.setup()  # content.items, which holds the item classes, reads content's models

from content.items import BilingualItem, ClozeItem  # noqa: E402
from quizzes.anki.deck import ChoiceItem, DeckSpec, build_decks, write_package  # noqa: E402

TERMS, CLOZES, QUESTIONS = 4_000, 3_000, 3_000
RUNS = 5
SPEC = DeckSpec("document", "bench", "Dongxi::bench", questions_deck="Câu hỏi · 问题")


def terms() -> list[BilingualItem]:
    return [
        BilingualItem(
            document="bench",
            key=f"term:{i}",
            kind="place",
            zh=f"地名{i}",
            vi=f"Địa danh {i}",
            pinyin=f"dì míng {i}",
            hanviet=f"Địa danh {i}",
            source_zh=f"这是关于地名{i}的句子。",
            source_vi=f"Đây là câu về Địa danh {i}.",
            paragraph=i % 7 + 1,
        )
        for i in range(TERMS)
    ]


def clozes() -> list[ClozeItem]:
    return [
        ClozeItem(
            document="bench",
            key=f"fact:{i}",
            kind="number",
            text=f"自{1900 + i % 100}年开始,山东省{i}个城市结对帮扶重庆市。",
            answers=("山东省", str(i)),
            extra=f"Từ năm {1900 + i % 100}, {i} thành phố của tỉnh Sơn Đông giúp Trùng Khánh.",
            paragraph=i % 7 + 1,
        )
        for i in range(CLOZES)
    ]


def questions() -> list[ChoiceItem]:
    shapes = [
        ("single_choice", lambda i: (str(i), (str(i + 1), str(i), str(i + 2)))),
        ("multiple_choice", lambda i: ([str(i), str(i + 2)], (str(i), str(i + 1), str(i + 2)))),
        ("true_false", lambda i: (i % 2 == 0, ())),
        ("ordering", lambda i: ([f"{i}省", f"{i}市"], (f"{i}市", f"{i}省"))),
        ("matching", lambda i: ([["甲", f"{i}省"], ["乙", f"{i}市"]], (f"{i}市", f"{i}省"))),
    ]
    items = []
    for i in range(QUESTIONS):
        qtype, make = shapes[i % len(shapes)]
        answer, choices = make(i)
        items.append(
            ChoiceItem(
                document="bench",
                key=f"question:{i}",
                pk=None,
                type=qtype,
                language="zh" if i % 2 else "vi",
                prompt=f"问题{i}：自____年开始 <{i}>",
                answer=answer,
                choices=choices,
                source=f"自{i}年开始。",
                source_translation=f"Bắt đầu từ năm {i}.",
                kind="number",
                paragraph=i % 7 + 1,
            )
        )
    return items


def ours(data, path: Path) -> None:
    term_items, cloze_items, question_items = data
    decks = build_decks(SPEC, terms=term_items, facts=cloze_items, questions=question_items)
    write_package(decks, str(path))


def rendered(data) -> list[tuple[int, str, list[tuple]]]:
    """The notes ours writes, as (deck id, deck name, [(model, fields, guid, tags)]): what
    genanki alone is given, so both sides write identical notes."""
    term_items, cloze_items, question_items = data
    decks = build_decks(SPEC, terms=term_items, facts=cloze_items, questions=question_items)
    return [
        (deck.deck_id, deck.name, [(n.model, n.fields, n.guid, n.tags) for n in deck.notes])
        for deck in decks
    ]


def genanki_alone(notes, path: Path) -> None:
    decks = []
    for deck_id, name, rows in notes:
        deck = genanki.Deck(deck_id, name)
        for model, fields, guid, tags in rows:
            deck.add_note(genanki.Note(model=model, fields=fields, guid=guid, tags=tags))
        decks.append(deck)
    genanki.Package(decks).write_to_file(str(path))


def timed(fn, data, path) -> float:
    """Seconds of one run, with the garbage collector off as timeit has it (a collection of the
    other side's garbage would land in whichever run it falls)."""
    gc.collect()
    gc.disable()
    try:
        start = time.perf_counter()
        fn(data, path)
        return time.perf_counter() - start
    finally:
        gc.enable()


def main() -> None:
    data = (terms(), clozes(), questions())
    notes = rendered(data)
    count = sum(len(rows) for _, _, rows in notes)
    with tempfile.TemporaryDirectory() as tmp:
        # genanki.Package.write_to_file leaves a temporary SQLite file per run (see deck.py):
        # keep them in our own directory, and count them.
        tempfile.tempdir = tmp
        try:
            # Alternate and keep each side's best of RUNS, so warm-up favours neither.
            plain = layered = float("inf")
            for _ in range(RUNS):
                plain = min(plain, timed(genanki_alone, notes, Path(tmp) / "genanki.apkg"))
                layered = min(layered, timed(ours, data, Path(tmp) / "ours.apkg"))
        finally:
            tempfile.tempdir = None
        sizes = [(Path(tmp) / name).stat().st_size for name in ("genanki.apkg", "ours.apkg")]
        left = len(os.listdir(tmp)) - 2
    print(f"{count} notes ({TERMS} bilingual, {CLOZES} cloze, {QUESTIONS} choice), best of {RUNS}")
    print(f"genanki alone:      {plain:.2f} s  ({sizes[0] / 1e6:.1f} MB, zip stored)")
    print(f"quizzes.anki:       {layered:.2f} s  ({sizes[1] / 1e6:.1f} MB, zip deflated)")
    print(f"ratio ours/genanki: {layered / plain:.2f}")
    print(f"temporary files left behind in {2 * RUNS} runs: {left} (all genanki's)")


if __name__ == "__main__":
    main()
