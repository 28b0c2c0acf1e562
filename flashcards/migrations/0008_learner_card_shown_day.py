"""Each card keeps the study day of its last rating and how that day's ratings found it
(LearnerCard.shown_day, shown_new, shown_reviews, shown_seen): services.day_limits read every
rating of the day on every review page and rating, so a learner's pages grew slower with each
card they rated that day (issue 18); it now reads a row per card shown today, from an index.

Existing cards are filled from their ratings: the day of the last one, and that day's ratings
that found the card new, in review, not new. A card never rated keeps none."""

from django.conf import settings
from django.db import migrations, models
from django.db.models import Count, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce

NEW, REVIEW = 0, 2  # flashcards.models.State


def fill_shown(apps, schema_editor):
    ReviewLog = apps.get_model("flashcards", "ReviewLog")
    LearnerCard = apps.get_model("flashcards", "LearnerCard")
    db = schema_editor.connection.alias
    last_day = (
        ReviewLog.objects.using(db)
        .filter(learner_card=OuterRef("pk"))
        .order_by("-review_day")
        .values("review_day")[:1]
    )
    LearnerCard.objects.using(db).update(shown_day=Subquery(last_day))
    on_day = ReviewLog.objects.using(db).filter(
        learner_card=OuterRef("pk"), review_day=OuterRef("shown_day")
    )

    def count(condition):
        counted = (
            on_day.filter(condition).values("learner_card").annotate(n=Count("pk")).values("n")
        )
        return Coalesce(Subquery(counted), 0)

    LearnerCard.objects.using(db).filter(shown_day__isnull=False).update(
        shown_new=count(Q(state_before=NEW)),
        shown_reviews=count(Q(state_before=REVIEW)),
        shown_seen=count(~Q(state_before=NEW)),
    )


class Migration(migrations.Migration):
    dependencies = [
        ("content", "0003_postgresql_database_time_zone"),
        ("flashcards", "0007_review_log_last_interval"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="learnercard",
            name="shown_day",
            field=models.DateField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name="learnercard",
            name="shown_new",
            field=models.PositiveSmallIntegerField(default=0),
        ),
        migrations.AddField(
            model_name="learnercard",
            name="shown_reviews",
            field=models.PositiveSmallIntegerField(default=0),
        ),
        migrations.AddField(
            model_name="learnercard",
            name="shown_seen",
            field=models.PositiveSmallIntegerField(default=0),
        ),
        migrations.RunPython(fill_shown, migrations.RunPython.noop, elidable=True),
        migrations.AddIndex(
            model_name="learnercard",
            index=models.Index(
                fields=["user", "shown_day", "note", "shown_new", "shown_reviews", "shown_seen"],
                name="learner_card_user_shown",
            ),
        ),
    ]
