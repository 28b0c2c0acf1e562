"""Store a document's analysis: create it, or update it in place when its text changed.

Terms and facts keep their rows while their keys stay the same (the pipeline derives keys from
their content), so learners' progress on unchanged facts survives an edit; rows whose key vanished
are marked inactive rather than deleted.
"""

import hashlib
import math
import secrets
from dataclasses import dataclass
from pathlib import Path

from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from content import lang
from content.lang.decoding import MAX_TEXT_BYTES, check_size
from content.lang.model import Analysis, DocumentError
from content.models import Document, Fact, Passage, Sentence, Term
from content.signals import document_analysed


@dataclass
class LoadResult:
    document: Document
    status: str  # "created", "updated" or "unchanged"


def error_message(error: DocumentError) -> str:
    """The user's-language message for a pipeline error code."""
    if error.code == "too_large":
        return too_large_message(error.params.get("size"))
    messages = {
        "empty": _("The document is empty."),
        "binary": _("This looks like a binary file, not text. Upload a .txt file."),
        "encoding": _(
            "The text could not be read. Save it as UTF-8 (or UTF-16 / GB18030) and try again."
        ),
        "no_language": _("No Chinese or Vietnamese text was found in the document."),
    }
    if error.code == "missing_language":
        return missing_language_message(error.params["missing"])
    return messages.get(error.code, str(error))


def too_large_message(size: object = None) -> str:
    """The user's-language refusal of a document over the size limit, with its size if known."""
    limit = MAX_TEXT_BYTES // 1024
    if isinstance(size, int):
        return _(
            "The document is too large: %(size)s KB of text, and the limit is %(limit)s KB. "
            "Split it into several documents."
        ) % {"size": math.ceil(size / 1024), "limit": limit}
    return _("The document is too large: the limit is %(limit)s KB of text.") % {"limit": limit}


def missing_language_message(missing: str) -> str:
    """A teacher's document must hold both languages: name the one that is missing."""
    if missing == "zh":
        return _(
            "No Chinese part was found in this text: Dongxi needs the Chinese and the "
            "Vietnamese text together. Add the Chinese part and try again."
        )
    return _(
        "No Vietnamese part was found in this text: Dongxi needs the Chinese and the "
        "Vietnamese text together. Add the Vietnamese part and try again."
    )


def slug_for(path: Path) -> str:
    return slugify(path.stem) or "document"


def new_slug(analysis: Analysis) -> str:
    """A readable, unique slug for a pasted document: its title plus a random suffix."""
    title = analysis.title.vi or analysis.title.zh or ""
    # slugify drops đ (it has no ASCII decomposition); keep it readable as d.
    base = slugify(title.replace("đ", "d").replace("Đ", "D"))[:60].strip("-") or "document"
    return f"{base}-{secrets.token_hex(3)}"


def content_hash(text: str) -> str:
    """The same for the same text however it arrived: pasted (CRLF line ends), uploaded, with
    trailing spaces or blank lines. Two documents with one hash are one document."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").strip().split("\n")
    normalised = "\n".join(line.rstrip() for line in lines)
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()


def identical_document(text: str) -> Document | None:
    """The stored document with exactly this text, if there is one (archived ones included)."""
    return Document.objects.filter(content_hash=content_hash(text)).order_by("pk").first()


def load_text(
    text: str, *, slug: str | None = None, user=None, both_languages: bool = False
) -> LoadResult:
    """Analyse `text` and store it under `slug` (a new slug from its title when None).
    With `both_languages`, a text lacking Chinese or Vietnamese is refused ("missing_language",
    with `missing` naming it).

    Raises DocumentError, and then writes nothing.
    """
    check_size(text)
    digest = content_hash(text)
    existing = Document.objects.filter(slug=slug).first() if slug else None
    if existing is not None and existing.content_hash == digest:
        return LoadResult(existing, "unchanged")
    analysis = lang.analyse(text)
    if both_languages:
        for code in ("zh", "vi"):
            if code not in analysis.languages:
                raise DocumentError("missing_language", f"no {code} text", missing=code)
    slug = slug or new_slug(analysis)
    with transaction.atomic():
        document, created = _save_document(slug, text, digest, analysis, user)
        _save_body(document, analysis)
        document_analysed.send(sender=Document, document=document, analysis=analysis)
    return LoadResult(document, "created" if created else "updated")


def load_bytes(data: bytes, *, slug: str | None = None, user=None, **options) -> LoadResult:
    return load_text(lang.decode(data), slug=slug, user=user, **options)


def load_path(path: Path, *, slug: str | None = None) -> LoadResult:
    return load_bytes(path.read_bytes(), slug=slug or slug_for(path))


def _save_document(slug, text, digest, analysis: Analysis, user):
    defaults = {
        "title_zh": analysis.title.zh or "",
        "title_vi": analysis.title.vi or "",
        "series_zh": analysis.series.zh or "",
        "series_vi": analysis.series.vi or "",
        "published": analysis.published,
        "source": analysis.source or "",
        "languages": ",".join(analysis.languages),
        "source_text": text,
        "content_hash": digest,
        "problems": [
            {
                "code": p.code,
                "message": p.message,
                "paragraph": p.paragraph,
                "sentence": p.sentence,
                "params": p.params,
            }
            for p in analysis.problems
        ],
    }
    document, created = Document.objects.select_for_update().get_or_create(
        slug=slug, defaults={**defaults, "created_by": user}
    )
    if not created:
        for field, value in defaults.items():
            setattr(document, field, value)
        document.save()
    return document, created


def _save_body(document: Document, analysis: Analysis) -> None:
    # Passages and sentences carry no learner data: replace them wholesale.
    Sentence.objects.filter(document=document).delete()
    Passage.objects.filter(document=document).delete()
    passages = Passage.objects.bulk_create(
        Passage(document=document, index=p.index, zh=p.zh or "", vi=p.vi or "")
        for p in analysis.paragraphs
    )
    passage_by_index = {p.index: p for p in passages}
    mentions: dict[int, list[dict]] = {}
    for m in analysis.mentions:
        mentions.setdefault(m.sentence, []).append(
            {"term": m.term, "lang": m.lang, "start": m.start, "end": m.end}
        )
    sentences = Sentence.objects.bulk_create(
        Sentence(
            document=document,
            passage=passage_by_index[s.paragraph],
            index=s.index,
            zh=s.zh or "",
            vi=s.vi or "",
            mentions=mentions.get(s.index, []),
        )
        for s in analysis.sentences
    )
    sentence_by_index = {s.index: s for s in sentences}

    terms = _upsert(
        Term,
        document,
        {
            t.key: {
                "kind": t.kind,
                "zh": t.zh or "",
                "vi": t.vi or "",
                "pinyin": t.pinyin,
                "hanviet": t.hanviet,
                "level": t.level or "",
                "value": t.value,
                "aliases": t.aliases,
            }
            for t in analysis.terms
        },
    )
    facts = _upsert(
        Fact,
        document,
        {
            f.key: {
                "kind": f.kind,
                "passage": passage_by_index.get(f.paragraph),
                "sentence": sentence_by_index.get(f.sentence) if f.sentence is not None else None,
                "zh": f.zh or "",
                "vi": f.vi or "",
                "only_in": f.only_in or "",
                "subject_zh": (f.subject.zh or "") if f.subject else "",
                "subject_vi": (f.subject.vi or "") if f.subject else "",
                "items": [{"zh": i.zh, "vi": i.vi} for i in f.items],
                "ordinal": f.ordinal,
            }
            for f in analysis.facts
        },
    )
    links = Fact.terms.through
    links.objects.filter(fact__document=document).delete()
    links.objects.bulk_create(
        links(fact_id=facts[f.key].pk, term_id=terms[key].pk)
        for f in analysis.facts
        for key in dict.fromkeys(f.terms)
        if key in terms
    )


def _upsert(model, document: Document, rows: dict[str, dict]) -> dict:
    """Create or update `model` rows by key; deactivate the document's rows whose key vanished."""
    existing = {obj.key: obj for obj in model.objects.filter(document=document)}
    to_create, to_update = [], []
    for key, values in rows.items():
        obj = existing.get(key)
        if obj is None:
            to_create.append(model(document=document, key=key, is_active=True, **values))
            continue
        for field, value in values.items():
            setattr(obj, field, value)
        obj.is_active = True
        to_update.append(obj)
    vanished = [obj for key, obj in existing.items() if key not in rows]
    for obj in vanished:
        obj.is_active = False
    model.objects.bulk_create(to_create)
    fields = [*next(iter(rows.values()), {}).keys(), "is_active"]
    if to_update or vanished:
        model.objects.bulk_update(to_update + vanished, fields=fields if rows else ["is_active"])
    return {obj.key: obj for obj in model.objects.filter(document=document, key__in=rows)}
