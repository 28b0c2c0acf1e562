"""`python manage.py inspect_document PATH [--json]`: what the language pipeline makes of a file.

For checking a new document before loading it: --json prints Analysis.to_json() as one JSON
object; without it, a short human summary. Unreadable or unusable files fail with the
pipeline's message and a non-zero exit status.
"""

import json
from collections import Counter
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from content.lang import DocumentError, analyse, decode


class Command(BaseCommand):
    help = "Analyse a bilingual document and print the result (no database access)."

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path)
        parser.add_argument("--json", action="store_true", help="print the analysis as JSON")

    def handle(self, path: Path, json: bool = False, **options):
        try:
            analysis = analyse(decode(path.read_bytes()))
        except DocumentError as error:
            raise CommandError(f"{path}: {error} ({error.code})") from error
        except OSError as error:
            raise CommandError(f"{path}: {error.strerror}") from error
        if json:
            self.stdout.write(_dumps(analysis.to_json()))
            return
        self.stdout.write(self._summary(path, analysis))

    def _summary(self, path: Path, a) -> str:
        kinds: dict[str, int] = {}
        for fact in a.facts:
            kinds[fact.kind] = kinds.get(fact.kind, 0) + 1
        paired = sum(1 for t in a.terms if t.zh and t.vi)
        lines = [
            f"{path.name}",
            f"  title: {a.title.zh or '-'} / {a.title.vi or '-'}",
            f"  series: {a.series.zh or '-'} / {a.series.vi or '-'}",
            f"  published: {a.published.isoformat() if a.published else '-'}"
            f"  source: {a.source or '-'}",
            f"  languages: {', '.join(a.languages)}",
            f"  paragraphs: {len(a.paragraphs)}  sentences: {len(a.sentences)}",
            f"  terms: {len(a.terms)} ({paired} paired)  mentions: {len(a.mentions)}",
            "  facts: " + (", ".join(f"{k} {n}" for k, n in sorted(kinds.items())) or "none"),
            "  layout lines set aside: "
            + (
                ", ".join(f"{k} {n}" for k, n in sorted(Counter(c.kind for c in a.clutter).items()))
                or "none"
            ),
            f"  problems: {len(a.problems)}",
        ]
        lines.extend(f"    - {p.code}: {p.message}" for p in a.problems)
        return "\n".join(lines)


def _dumps(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False)
