"""Cards in review scheduled before study days counted (issue 20) fell due at the minute of their
last rating plus whole days; as Anki, a review is now due at the start of its study day (04:00,
the default, in the site's time zone). Reversing leaves them so."""

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import migrations

REVIEW = 2


def snap_reviews_to_day_start(apps, schema_editor):
    LearnerCard = apps.get_model("flashcards", "LearnerCard")
    LearnerSettings = apps.get_model("flashcards", "LearnerSettings")
    zone = ZoneInfo(settings.TIME_ZONE)
    hours = dict(LearnerSettings.objects.values_list("user_id", "day_starts_at"))
    batch = []
    cards = LearnerCard.objects.filter(state=REVIEW).only("pk", "user_id", "due")
    for card in cards.iterator(chunk_size=2000):
        starts = time(hours.get(card.user_id, 4))
        local = card.due.astimezone(zone)
        day = (local - timedelta(hours=starts.hour)).date()
        start = datetime.combine(day, starts, tzinfo=zone)
        if start != card.due:
            card.due = start
            batch.append(card)
        if len(batch) >= 2000:
            LearnerCard.objects.bulk_update(batch, ["due"])
            batch = []
    LearnerCard.objects.bulk_update(batch, ["due"])


class Migration(migrations.Migration):
    dependencies = [("flashcards", "0002_learner_day_starts_at")]

    operations = [migrations.RunPython(snap_reviews_to_day_start, migrations.RunPython.noop)]
