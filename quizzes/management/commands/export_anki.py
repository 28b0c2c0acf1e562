"""`manage.py export_anki (--document SLUG | --quiz ID) --output FILE.apkg`: write an Anki deck."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from content.models import Document
from quizzes.access import OPERATOR
from quizzes.anki.documents import export_document
from quizzes.anki.quizzes import export_quiz
from quizzes.models import Quiz


class Command(BaseCommand):
    help = (
        "Export a document's (or a quiz's) terms, fact sentences and published choice questions "
        "as an Anki deck (.apkg)."
    )

    def add_arguments(self, parser) -> None:
        target = parser.add_mutually_exclusive_group(required=True)
        target.add_argument("--document", metavar="SLUG", help="document slug")
        target.add_argument("--quiz", metavar="ID", type=int, help="quiz id")
        parser.add_argument("--output", required=True, metavar="FILE", help="the .apkg to write")

    def handle(self, *args, **options) -> None:
        output = Path(options["output"])
        if not output.parent.is_dir():
            raise CommandError(f"No such directory: {output.parent}")
        if options["quiz"] is not None:
            quiz = Quiz.objects.select_related("document").filter(pk=options["quiz"]).first()
            if quiz is None:
                raise CommandError(f"No quiz with id {options['quiz']}")
            written = export_quiz(quiz, output, for_user=OPERATOR)
        else:
            slug = options["document"]
            document = Document.objects.filter(slug=slug).first()
            if document is None:
                raise CommandError(f"No document with slug {slug!r}")
            written = export_document(document, output, for_user=OPERATOR)
        self.stdout.write(f"{output}: {written.notes} notes, {written.cards} cards")
