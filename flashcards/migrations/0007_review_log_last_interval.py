"""Each rating keeps the card's interval before it (ReviewLog.last_interval, Anki's lastIvl),
and each card its current one (LearnerCard.interval): the progress page's true retention read
it from the previous rating, one lookup per rating (issue 18).

Existing rows are filled from the ratings themselves: a rating's last_interval is the
scheduled_days of the card's rating before it (by time, then id: the order progress.stats used),
a card's interval that of its last rating; 0 where there is none. Then the index the progress
page reads is made again with the new column in it."""

from django.db import migrations, models
from django.db.models import OuterRef, Q, Subquery
from django.db.models.functions import Coalesce


def fill_intervals(apps, schema_editor):
    ReviewLog = apps.get_model("flashcards", "ReviewLog")
    LearnerCard = apps.get_model("flashcards", "LearnerCard")
    db = schema_editor.connection.alias
    previous = (
        ReviewLog.objects.using(db)
        .filter(learner_card=OuterRef("learner_card"), reviewed_at__lte=OuterRef("reviewed_at"))
        .filter(
            Q(reviewed_at__lt=OuterRef("reviewed_at"))
            | Q(reviewed_at=OuterRef("reviewed_at"), pk__lt=OuterRef("pk"))
        )
        .order_by("-reviewed_at", "-pk")
        .values("scheduled_days")[:1]
    )
    ReviewLog.objects.using(db).update(last_interval=Coalesce(Subquery(previous), 0))
    last = (
        ReviewLog.objects.using(db)
        .filter(learner_card=OuterRef("pk"))
        .order_by("-reviewed_at", "-pk")
        .values("scheduled_days")[:1]
    )
    LearnerCard.objects.using(db).filter(last_review__isnull=False).update(
        interval=Coalesce(Subquery(last), 0)
    )


class Migration(migrations.Migration):
    dependencies = [
        ("flashcards", "0006_review_log_card_time_index"),
    ]

    operations = [
        migrations.RemoveIndex(
            model_name="reviewlog",
            name="review_log_user_day_card",
        ),
        migrations.AddField(
            model_name="learnercard",
            name="interval",
            field=models.PositiveIntegerField(default=0),
        ),
        migrations.AddField(
            model_name="reviewlog",
            name="last_interval",
            field=models.PositiveIntegerField(default=0),
        ),
        migrations.RunPython(fill_intervals, migrations.RunPython.noop, elidable=True),
        migrations.AddIndex(
            model_name="reviewlog",
            index=models.Index(
                fields=[
                    "user",
                    "review_day",
                    "learner_card",
                    "state_before",
                    "rating",
                    "last_interval",
                ],
                name="review_log_user_day_card",
            ),
        ),
    ]
