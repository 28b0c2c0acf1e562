"""The teacher's bank to and from the interchange formats: which items an export of stored
questions holds, and a GIFT or Moodle XML import that saves all or nothing as the teacher's
drafts. The database side only; reading and writing the formats is quizzes.interchange's (pure
Python)."""

from dataclasses import dataclass, field

from django.db import transaction

from content.models import Document
from quizzes.interchange import gift, moodle_xml
from quizzes.interchange.model import Item
from quizzes.models import Question
from teaching.messages import gift_error_message


def items(questions) -> list[Item]:
    """Export items; the category names the document and the language, so that an import of our
    own file knows each question's language without guessing."""
    return [
        Item(
            type=q.type,
            language=q.language,
            prompt=q.prompt,
            answer=q.answer,
            choices=q.choices,
            title=q.title or f"{q.document.slug} {q.pk}",
            category=f"dongxi/{q.document.slug}/{q.language}",
            feedback=q.feedback,
            weights=q.weights,
            subset=q.subset,
            html=q.html,
        )
        for q in questions
    ]


@dataclass
class Invalid:
    line: int
    title: str
    messages: list[str]


# Questions one import may hold: a bank built over a term, not a dump of a whole site.
MAX_IMPORT_QUESTIONS = 500


@dataclass
class ImportReport:
    total: int = 0
    imported: int = 0
    invalid: list[Invalid] = field(default_factory=list)
    too_many: bool = False  # more than MAX_IMPORT_QUESTIONS: nothing was read further

    @property
    def blocked(self) -> bool:
        """Nothing was imported because some questions are invalid."""
        return bool(self.invalid) and not self.imported


def is_moodle_xml(text: str) -> bool:
    """A Moodle XML file starts with its declaration or <quiz> (a GIFT question may start with
    an HTML tag)."""
    head = text.lstrip("\ufeff \t\r\n")[:100].lower()
    return head.startswith(("<?xml", "<quiz", "<!doctype"))


def import_gift(document: Document, text: str, user, *, import_valid: bool) -> ImportReport:
    """Read `text` as GIFT, or as Moodle XML when it is XML, into `document` as `user`'s drafts.
    While any question is invalid nothing is saved, unless `import_valid`: then the valid ones
    are. All in one transaction. A file of more than MAX_IMPORT_QUESTIONS questions is refused
    whole (`too_many`)."""
    result = moodle_xml.parse(text) if is_moodle_xml(text) else gift.parse(text)
    report = ImportReport(total=len(result.questions))
    if report.total > MAX_IMPORT_QUESTIONS:
        report.too_many = True
        return report
    report.invalid = [
        Invalid(q.line, q.title, [gift_error_message(e) for e in q.errors]) for q in result.invalid
    ]
    if report.invalid and not import_valid:
        return report
    with transaction.atomic():
        created = Question.objects.bulk_create(
            Question(
                document=document,
                type=item.type,
                language=item.language,
                prompt=item.prompt,
                answer=item.answer,
                choices=item.choices,
                origin=Question.Origin.AUTHORED,
                status=Question.Status.DRAFT,
                author=user,
                title=item.title[: Question._meta.get_field("title").max_length],
                tags=item.tags,
                feedback=item.feedback,
                weights=item.weights,
                subset=item.subset,
                html=item.html,
            )
            for item in result.items
        )
    report.imported = len(created)
    return report
