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

    def handle(self, *args, **options) -> None:
        try:
            result = evaluate_corpus(options["directory"])
        except CorpusError as error:
            raise CommandError(f"{options['directory']}: {error}") from error
        except DocumentError as error:
            raise CommandError(f"cannot be analysed ({error.code}): {error}") from error
        if options["json"]:
            self.stdout.write(json.dumps(result, ensure_ascii=False, indent=2))
            return
        self._table(result)

    def _table(self, result: dict) -> None:
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
        totals = result["totals"]
        self.stdout.write("-" * len(header))
        for lang in LANGS:
            figures = totals[lang]
            self.stdout.write(
                f"{'total':32} {lang:4} "
                + " ".join(f"{cell:>9}" for cell in _cells(figures))
                + f"  {figures['passing']}/{totals['articles']} articles meet the thresholds"
            )


def _cells(figures: dict) -> list[str]:
    return [
        f"{figures['asked']}/{figures['facts']}",
        str(figures["questions"]),
        str(figures["max_per_sentence"]),
        str(figures["from_clutter"]),
        str(figures["leaks"]),
        str(figures["cut_words"]),
    ]
