"""`manage.py evaluate_generation DIR [--json]`: question generation measured against a corpus of
articles with gold facts (tests/corpus), per article and language, without touching the database.

The figures and how they are counted are defined in `quizzes.generation.evaluation`.
"""

from __future__ import annotations

import json

from django.core.management.base import BaseCommand, CommandError

from content.lang import DocumentError
from quizzes.generation.evaluation import LANGS, CorpusError, evaluate_corpus, passes

COLUMNS = ("asked", "questions", "max/sent", "clutter", "leaks", "cuts")


class Command(BaseCommand):
    help = (
        "Analyse every DIR/NAME.txt, generate its questions and measure them against "
        "DIR/NAME.gold.json: gold facts asked, questions, most from one sentence, questions from "
        "clutter lines, leaks and blanks that cut a word, per language (no DB writes)."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("directory", help="a directory of NAME.txt + NAME.gold.json files")
        parser.add_argument(
            "--json",
            action="store_true",
            help='print {"articles": [...], "totals": {...}} as JSON',
        )
        parser.add_argument(
            "--only", default="", metavar="TEXT", help="only the articles whose name contains TEXT"
        )
        parser.add_argument(
            "--details",
            action="store_true",
            help="under each row of the table, the facts missed, clutter questions and cut blanks",
        )

    def handle(self, *args, **options) -> None:
        try:
            result = evaluate_corpus(options["directory"], only=options["only"])
        except CorpusError as error:
            raise CommandError(f"{options['directory']}: {error}") from error
        except DocumentError as error:
            raise CommandError(f"cannot be analysed ({error.code}): {error}") from error
        if options["json"]:
            self.stdout.write(json.dumps(result, ensure_ascii=False, indent=2))
            return
        if not result["articles"]:
            raise CommandError(f"no article's name contains {options['only']!r}")
        self._table(result, details=options["details"])

    def _table(self, result: dict, details: bool = False) -> None:
        header = f"{'article':32} {'lang':4} " + " ".join(f"{c:>9}" for c in COLUMNS) + "  verdict"
        self.stdout.write(header)
        self.stdout.write("-" * len(header))
        for article in result["articles"]:
            for lang in LANGS:
                figures = article[lang]
                failures = passes(figures)
                self.stdout.write(
                    f"{article['name'][:32]:32} {lang:4} "
                    + " ".join(f"{cell:>9}" for cell in _cells(figures))
                    + ("  ok" if not failures else "  " + "; ".join(failures))
                )
                if details:
                    self._details(figures["details"])
        totals = result["totals"]
        self.stdout.write("-" * len(header))
        for lang in LANGS:
            figures = totals[lang]
            self.stdout.write(
                f"{'total':32} {lang:4} "
                + " ".join(f"{cell:>9}" for cell in _cells(figures))
                + f"  {figures['passing']}/{totals['articles']} articles meet the thresholds"
            )

    def _details(self, details: dict) -> None:
        for fact in details["missing"]:
            answers = " / ".join(fact["answers"] or [])
            self.stdout.write(
                f"    missing {fact['id']} ({fact['kind']}): {answers} — {fact['note']}"
            )
        if details["busiest_sentence"]:
            self.stdout.write(f"    busiest sentence: {details['busiest_sentence']}")
        for prompt in details["clutter"]:
            self.stdout.write(f"    from clutter: {prompt}")
        for prompt, leaks in details["leaks"].items():
            self.stdout.write(f"    leak: {prompt} ({'; '.join(leaks)})")
        for cut in details["cuts"]:
            self.stdout.write(f"    cut: {cut}")


def _cells(figures: dict) -> list[str]:
    return [
        f"{figures['asked']}/{figures['facts']}",
        str(figures["questions"]),
        str(figures["max_per_sentence"]),
        str(figures["from_clutter"]),
        str(figures["leaks"]),
        str(figures["cut_words"]),
    ]
