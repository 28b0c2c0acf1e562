"""Time grading one typed answer against a document's terms: today's grader (quizzes.taking's
grade_item over quizzes.term_index, every other name normalised once per document version)
against the grader as it was before the index (aaaa2e9d: every term of the document normalised
again for each answer), in one run, on the shipped documents' terms.

A synthetic document of --synthetic names (place-like Chinese names with and without a suffix,
Vietnamese names of two or three syllables) shows what the size of a document costs.
For each document, a sample of its terms gives typed questions (a cloze in Chinese, asked with
the Chinese name; a translation answered in Vietnamese), each answered right, in pinyin, with a
typo and wrong. Printed: the median and p95 time of one grade, first call (cold: the index is
built) and after, and the ratio. The two graders must agree on every answer (else it says so).

Run: .venv/bin/python bench/bench_grading.py [--documents content/documents] [--repeat 3]
       [--synthetic 1000]
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from types import SimpleNamespace

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ.setdefault("DEBUG", "1")

import django  # noqa: E402

django.setup()

from content import lang  # noqa: E402
from quizzes import taking, term_index  # noqa: E402

BEFORE = "aaa2e9d"  # the commit whose grader re-normalised the document per answer


def old_grader():
    """quizzes/grading.py as it was at BEFORE, loaded as its own module, with that commit's
    grade_item (quizzes/taking.py) written out here."""
    source = subprocess.run(
        ["git", "show", f"{BEFORE}:quizzes/grading.py"],
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    path = Path(tempfile.mkdtemp()) / "grading_before.py"
    path.write_text(source)
    spec = importlib.util.spec_from_file_location("grading_before", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules["grading_before"] = module  # dataclasses look their module up
    spec.loader.exec_module(module)

    def grade_item(item, response, terms):
        question = item.question
        forms = [question.answer] if isinstance(question.answer, str) else list(question.answer)
        others, aliases = [], []
        for zh, vi, term_aliases in terms:
            names = [zh, vi]
            if any(form in names for form in forms):
                for values in (term_aliases or {}).values():
                    aliases.extend(values if isinstance(values, list) else [values])
            else:
                others.extend(name for name in names if name)
        return module.grade(
            question.type,
            question.language,
            question.answer,
            response,
            choices=item.choices,
            other_names=others,
            aliases=aliases,
        )

    return grade_item


def cases(terms: list[tuple[str, str, dict]], limit: int = 12) -> list:
    """(item, response) pairs: typed questions on some of the document's names."""
    from pypinyin import lazy_pinyin

    out = []
    named = [t for t in terms if t[0] and t[1] and not t[0].isdigit()][:limit]
    for zh, vi, _aliases in named:
        cloze = SimpleNamespace(
            question=SimpleNamespace(type="cloze", language="zh", answer=zh), choices=[]
        )
        translation = SimpleNamespace(
            question=SimpleNamespace(type="translation", language="zh", answer=vi), choices=[]
        )
        out += [(cloze, zh), (cloze, "".join(lazy_pinyin(zh))), (cloze, "北京")]
        typo = vi[:-1] + ("a" if vi[-1] != "a" else "e")
        out += [(translation, vi), (translation, typo), (translation, "Hà Nội")]
    return out


def timed(grade, pairs, terms, repeat: int) -> tuple[list[float], list[float], list]:
    first, after, grades = [], [], []
    for n in range(repeat + 1):
        for item, response in pairs:
            started = time.perf_counter()
            result = grade(item, response, terms)
            (first if n == 0 else after).append(1000 * (time.perf_counter() - started))
            if n == 0:
                grades.append((result.score, result.note))
    return first, after, grades


TONED = "ân bảo bình cao châu đông giang hà hải hòa khánh lâm long minh nam ninh phú sơn".split()  # noqa: SIM905
HAN = "山东江苏浙安徽福建湖南北广西云贵四川陕甘青宁新疆海河洛阳开封郑州武汉长沙成都重庆"


def synthetic(count: int, seed: int = 13) -> list[tuple[str, str, dict]]:
    import random

    rng = random.Random(seed)
    out, seen = [], set()
    while len(out) < count:
        zh = "".join(rng.choice(HAN) for _ in range(rng.choice((2, 2, 3)))) + rng.choice(
            ("", "省", "市", "县")
        )
        vi = " ".join(rng.choice(TONED).title() for _ in range(rng.choice((2, 2, 3))))
        if zh in seen or vi in seen:
            continue
        seen |= {zh, vi}
        out.append((zh, vi, {}))
    return out


def documents(args) -> list[tuple[str, list]]:
    out = []
    for path in sorted(args.documents.glob("*.txt")):
        analysis = lang.analyse(lang.decode(path.read_bytes()))
        out.append((path.stem, [(t.zh or "", t.vi or "", t.aliases) for t in analysis.terms]))
    if args.synthetic:
        out.append((f"synthetic-{args.synthetic}", synthetic(args.synthetic)))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--documents", type=Path, default=ROOT / "content" / "documents")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--synthetic", type=int, default=1000, help="names (0: none)")
    args = parser.parse_args()
    before = old_grader()
    print(f"{'document':<28} {'terms':>5} {'grader':<7} {'first ms':>9} {'median ms':>9} ", end="")
    print(f"{'p95 ms':>7} {'× today':>8}")
    for title, terms in documents(args):
        pairs = cases(terms)
        # Today's grader, as the answer view calls it: the index from the cache (built once).
        term_index.forget()
        index_key = SimpleNamespace(isoformat=lambda title=title: title)
        term_index.document_terms = lambda _pk, terms=terms: terms  # the terms, not a database

        def today(item, response, _terms, key=index_key):
            return taking.grade_item(item, response, term_index.for_document(0, key))

        rows = {
            "today": timed(today, pairs, terms, args.repeat),
            "before": timed(before, pairs, terms, args.repeat),
        }
        if rows["today"][2] != rows["before"][2]:
            differ = sum(a != b for a, b in zip(rows["today"][2], rows["before"][2], strict=True))
            print(f"  note: the graders disagree on {differ} of {len(pairs)} answers")
        today_median = statistics.median(rows["today"][1])
        for name, (first, after, _grades) in rows.items():
            median = statistics.median(after)
            p95 = sorted(after)[int(0.95 * (len(after) - 1))]
            print(
                f"{title[:28]:<28} {len(terms):>5} {name:<7} {max(first):>9.2f} "
                f"{median:>9.3f} {p95:>7.3f} {median / today_median:>8.1f}"
            )


if __name__ == "__main__":
    main()
