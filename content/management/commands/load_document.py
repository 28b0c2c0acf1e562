"""`python manage.py load_document PATH [PATH …]`: store documents; loading again is idempotent.

A directory loads every .txt file in it. An edited file updates its document in place. A file of
more than 200 KB of text (content.lang.decoding.MAX_TEXT_BYTES) is refused with its size.
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from content.lang.model import DocumentError
from content.loading import error_message, load_path


class Command(BaseCommand):
    help = (
        "Load bilingual documents (files or directories of .txt files) into the database; "
        "each at most 200 KB of text."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", type=Path)
        parser.add_argument("--slug", help="the document's slug (one file only)")

    def handle(self, paths: list[Path], slug: str | None, **options):
        files = []
        for path in paths:
            if path.is_dir():
                files.extend(sorted(path.glob("*.txt")))
            elif path.is_file():
                files.append(path)
            else:
                raise CommandError(f"{path}: no such file or directory.")
        if slug and len(files) != 1:
            raise CommandError("--slug names one document: give exactly one file.")
        for path in files:
            try:
                result = load_path(path, slug=slug)
            except DocumentError as error:
                raise CommandError(f"{path}: {error_message(error)}") from error
            except OSError as error:
                raise CommandError(f"{path}: {error.strerror}") from error
            self.stdout.write(f"{path.name}: {result.status} ({result.document.slug})")
