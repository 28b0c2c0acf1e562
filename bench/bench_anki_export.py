"""Time exporting 10,000 bilingual notes through quizzes.anki against genanki alone.

Both sides write the same 10,000 synthetic terms with the same note type to an .apkg; the
difference is our layer (escaping, highlighting, tags, GUIDs). No assertions: it prints both
times and the ratio. Run: .venv/bin/python bench/bench_anki_export.py
"""

import html
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import genanki  # noqa: E402

from quizzes.anki import notetypes  # noqa: E402
from quizzes.anki.deck import BilingualItem, DeckItems, DeckSpec, build_deck, write_package  # noqa: E402

N = 10_000


def items() -> list[BilingualItem]:
    return [
        BilingualItem(
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
        for i in range(N)
    ]


def ours(data: list[BilingualItem], path: Path) -> None:
    spec = DeckSpec("document", "bench", "Dongxi::bench", tags=("bench",))
    write_package(build_deck(spec, DeckItems(bilingual=data)), str(path))


def genanki_alone(data: list[BilingualItem], path: Path) -> None:
    deck = genanki.Deck(1_500_000_000, "bench")
    for item in data:
        fields = [item.zh, item.pinyin, item.hanviet, item.vi, item.source_zh, item.source_vi]
        deck.add_note(
            genanki.Note(
                model=notetypes.BILINGUAL,
                fields=[html.escape(f) for f in [*fields, item.kind]],
                guid=genanki.guid_for("bench", item.key),
            )
        )
    genanki.Package(deck).write_to_file(str(path))


def timed(fn, data, path) -> float:
    start = time.perf_counter()
    fn(data, path)
    return time.perf_counter() - start


def main() -> None:
    data = items()
    with tempfile.TemporaryDirectory() as tmp:
        # Alternate and keep each side's best of three, so warm-up favours neither.
        plain = layered = float("inf")
        for _ in range(3):
            plain = min(plain, timed(genanki_alone, data, Path(tmp) / "genanki.apkg"))
            layered = min(layered, timed(ours, data, Path(tmp) / "ours.apkg"))
    print(f"{N} notes, {3 * N} cards, best of 3")
    print(f"genanki alone:      {plain:.2f} s")
    print(f"quizzes.anki:       {layered:.2f} s")
    print(f"ratio ours/genanki: {layered / plain:.2f}")


if __name__ == "__main__":
    main()
