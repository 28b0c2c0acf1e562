"""`manage.py generate_questions PATH --json`: the questions a document would get, printed as
JSON, without touching the database — for checking generation on a file by hand or in CI."""

from __future__ import annotations

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from content.lang import DocumentError, analyse, decode
from quizzes.generation import generate_report


class Command(BaseCommand):
    help = "Analyse a bilingual document and print the questions generated from it (no DB writes)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("path", help="a Chinese/Vietnamese document (.txt)")
        parser.add_argument(
            "--json",
            action="store_true",
            help='print {"questions": [...], "dropped": [...]} as JSON',
        )

    def handle(self, *args, **options) -> None:
        path = Path(options["path"])
        if not path.is_file():
            raise CommandError(f"No such file: {path}")
        try:
            analysis = analyse(decode(path.read_bytes()))
        except DocumentError as error:
            raise CommandError(f"{path}: cannot be analysed ({error.code}): {error}") from error
        except (OSError, UnicodeError, ValueError) as error:
            raise CommandError(f"{path}: cannot be read: {error}") from error
        report = generate_report(analysis)
        questions = report.questions
        if options["json"]:
            payload = {
                "questions": [q.to_json() for q in questions],
                # every candidate left out, with its reason (quizzes/generation/plan.py)
                "dropped": [
                    {
                        "reason": d.reason,
                        "language": d.language,
                        "type": d.type,
                        "sentence": d.sentence,
                        "detail": d.detail,
                    }
                    for d in report.dropped
                ],
            }
            self.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2))
            return
        for q in questions:
            choices = f"  [{' | '.join(map(str, q.choices))}]" if q.choices else ""
            self.stdout.write(f"{q.language} {q.type}: {q.prompt}{choices}\n  → {q.answer}")
