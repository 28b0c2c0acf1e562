"""Replaying a review history in a real Anki collection, on a virtual clock.

Anki's scheduler (Rust) reads the system clock and cannot be frozen from Python, so the card is
moved instead of the clock, as Anki's own Python tests move cards (`c.due = …; col.update_card`):
before each answer, the card's last review time and due are rewritten to where they would stand
if "now" were the scripted moment. The shift is a whole number of days from Anki's real next day
start to the scripted one, so every day boundary falls where the script has it: Anki then counts
the same elapsed study days, which is all its FSRS scheduling reads of time.

Fuzz is off as in Anki's own tests (ANKI_TEST_MODE), FSRS on with Dongxi's parameters, learning
steps, relearning steps, maximum interval and desired retention.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

os.environ.setdefault("ANKI_TEST_MODE", "1")  # Anki then draws no fuzz (as in its own tests)

from anki.collection import Collection  # noqa: E402

from flashcards import scheduling  # noqa: E402

# Anki's card types and their Dongxi states.
ANKI_STATE = {
    0: scheduling.NEW,
    1: scheduling.LEARNING,
    2: scheduling.REVIEW,
    3: scheduling.RELEARNING,
}


@dataclass(frozen=True)
class Step:
    """What one answer did in Anki."""

    state: int
    interval: timedelta  # a step's seconds, or whole days
    due_day: object  # the study day a review is due, None in (re)learning
    stability: float
    difficulty: float


class AnkiDeck:
    """A fresh collection set up as Dongxi schedules, holding the cards of a replay."""

    def __init__(self, path: Path, retention: float, days: scheduling.StudyDays):
        self.days = days
        self.col = Collection(str(path))
        self.col.set_config("fsrs", True)
        self.col.set_config("rollover", days.starts_at.hour)
        conf = self.col.decks.config_dict_for_deck_id(1)
        scheduler = scheduling.make_scheduler(retention, fuzz=False)
        conf["new"]["delays"] = [s.total_seconds() / 60 for s in scheduling.LEARNING_STEPS]
        conf["lapse"]["delays"] = [s.total_seconds() / 60 for s in scheduling.RELEARNING_STEPS]
        conf["rev"]["maxIvl"] = scheduling.MAXIMUM_INTERVAL
        conf["desiredRetention"] = retention
        conf["fsrsParams6"] = list(scheduler.parameters)
        self.col.decks.update_config(conf)
        self.answered: list[tuple[int, datetime]] = []  # revlog id, scripted moment
        self.cards: list[AnkiCard] = []

    def close(self) -> None:
        self.col.close()

    def add_card(self) -> AnkiCard:
        note = self.col.newNote()
        note["Front"], note["Back"] = f"山东 {len(self.col.find_notes(''))}", "Sơn Đông"
        self.col.add_note(note, 1)
        self.cards.append(AnkiCard(self, note.card_ids()[0]))
        return self.cards[-1]

    def shift(self, now: datetime) -> float:
        """Seconds from the scripted clock to Anki's real one, a whole number of days."""
        scripted_cutoff = self.days.start(self.days.day(now) + timedelta(days=1))
        return self.col.sched.day_cutoff - scripted_cutoff.timestamp()

    def move_history_to(self, now: datetime) -> None:
        """Date every revlog entry at its scripted moment, seen from `now` (Anki's statistics
        read the time of a review from its id, milliseconds since the epoch)."""
        shift, moved = self.shift(now), []
        for n, (revlog_id, moment) in enumerate(sorted(self.answered, key=lambda a: a[1])):
            scripted = int((moment.timestamp() + shift) * 1000) + n % 1000
            self.col.db.execute("update revlog set id = ? where id = ?", -scripted, revlog_id)
            moved.append((scripted, moment))
        self.col.db.execute("update revlog set id = -id where id < 0")
        self.answered = moved

    def graphs(self, now: datetime):
        """Anki's own statistics (its graphs: true retention, future due, reviews per day), as
        of `now`: the review log dated and the cards' due days set as the script has them."""
        self.move_history_to(now)
        for card in self.cards:
            card.place(now)
        return self.col._backend.graphs(search="deck:current", days=0)


class AnkiCard:
    """One card of the deck, answered at scripted moments."""

    def __init__(self, deck: AnkiDeck, card_id: int):
        self.deck, self.col, self.days, self.card_id = deck, deck.col, deck.days, card_id
        self.last_review: datetime | None = None
        self.due: datetime | None = None  # scripted due of a (re)learning card
        self.due_day = None  # scripted due day of a review card

    def place(self, now: datetime) -> None:
        """Set the card's last review and due where they stand on the script, seen from `now`."""
        shift = self.deck.shift(now)
        card = self.col.get_card(self.card_id)
        if self.last_review is not None:
            card.last_review_time = int(self.last_review.timestamp() + shift)
        if card.type in (1, 3) and self.due is not None:
            card.due = int(self.due.timestamp() + shift)
        elif card.type == 2:
            card.due = self.col.sched.today + (self.due_day - self.days.day(now)).days
        self.col.update_card(card, skip_undo_entry=True)

    def answer(self, rating: int, now: datetime) -> Step:
        self.place(now)
        card = self.col.get_card(self.card_id)
        card.start_timer()
        states = self.col._backend.get_scheduling_states(card.id)
        # Anki numbers the buttons from 0 (Again) in its CardAnswer; Dongxi from 1.
        answer = self.col.sched.build_answer(card=card, states=states, rating=rating - 1)
        self.col.sched.answer_card(answer)
        card = self.col.get_card(self.card_id)
        revlog_id, ivl = self.col.db.first(
            "select id, ivl from revlog where cid = ? order by id desc", card.id
        )
        self.deck.answered.append((revlog_id, now))
        self.last_review = now
        if card.type == 2:
            days = card.due - self.col.sched.today
            self.due_day = self.days.day(now) + timedelta(days=days)
            self.due = None
            interval, due_day = timedelta(days=card.ivl), self.due_day
        else:
            interval, due_day = timedelta(seconds=-ivl), None
            self.due = now + interval
        memory = card.memory_state
        return Step(ANKI_STATE[card.type], interval, due_day, memory.stability, memory.difficulty)
