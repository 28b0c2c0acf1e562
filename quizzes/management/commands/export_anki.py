"""`manage.py export_anki --document SLUG --output FILE.apkg`: write a document's Anki deck."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from content.models import Document
from quizzes.anki.documents import export_document


class Command(BaseCommand):
    help = (
        "Export a document's terms, fact sentences and published choice questions "
        "as an Anki deck (.apkg)."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--document", required=True, metavar="SLUG", help="document slug")
        parser.add_argument("--output", required=True, metavar="FILE", help="the .apkg to write")

    def handle(self, *args, **options) -> None:
        slug = options["document"]
        document = Document.objects.filter(slug=slug).first()
        if document is None:
            raise CommandError(f"No document with slug {slug!r}")
        output = Path(options["output"])
        if not output.parent.is_dir():
            raise CommandError(f"No such directory: {output.parent}")
        written = export_document(document, output)
        self.stdout.write(f"{output}: {written.notes} notes, {written.cards} cards")
