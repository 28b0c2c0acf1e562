"""Dongxi's Anki note types (genanki models) with fixed ids, so re-imports update in place.

* Bilingual: a term in Chinese and Vietnamese, cards zh→vi, vi→zh and zh→typed Vietnamese, read
  aloud by Anki's TTS (zh_CN / vi_VN), pinyin as ruby over the hanzi, the source sentence in both
  languages on the back.
* Cloze: a source sentence with the fact's key terms as c1, c2 …; the other language's sentence is
  the Extra field.
* Choice: a published choice question (single, multiple, true/false, matching, ordering) in
  one language: the prompt and lettered options on the front, read aloud in the question's
  language; the letters, the answer and the source sentence in both languages on the back.

Field contents are HTML, escaped by the builder (quizzes.anki.deck); templates add markup only.
"""

import genanki

from quizzes.anki.ids import stable_id

BILINGUAL_FIELDS = ["Chinese", "Pinyin", "HanViet", "Vietnamese", "SourceZh", "SourceVi", "Kind"]
CLOZE_FIELDS = ["Text", "Extra", "Kind"]
# A question is asked in one language: its prompt and answer go in that language's fields (the
# other pair stays empty), so each can carry the right TTS voice.
CHOICE_FIELDS = [
    "PromptZh",
    "PromptVi",
    "Options",
    "Key",
    "AnswerZh",
    "AnswerVi",
    "SourceZh",
    "SourceVi",
    "Kind",
]

CSS = """\
.card { font-family: sans-serif; font-size: 22px; text-align: center; color: #1b1b1b;
        background: #fff; }
.zh { font-family: "Noto Sans SC", "Noto Sans CJK SC", "PingFang SC", sans-serif;
      font-size: 36px; }
.zh rt { font-size: 15px; color: #555; }
.vi { font-size: 28px; }
.hanviet { color: #555; font-size: 18px; }
.source { font-size: 18px; text-align: left; margin-top: .6em; }
.source b { color: #8a3b00; }
.kind { color: #777; font-size: 13px; margin-top: 1em; }
.cloze { font-weight: bold; color: #0b5394; }
.prompt { text-align: left; }
.prompt.zh { font-size: 26px; }
.options { list-style: none; padding: 0; text-align: left; }
.options li { margin: .3em 0; }
.letter { display: inline-block; min-width: 1.6em; font-weight: bold; color: #0b5394; }
.key { font-weight: bold; color: #0b5394; font-size: 26px; }
.answer { text-align: left; }
.nightMode .cloze { color: #8ab4f8; }
"""

# Pinyin sits over the hanzi as ruby; the Chinese field itself stays plain so TTS reads hanzi.
_ZH = '<div class="zh" lang="zh-Hans"><ruby>{{Chinese}}<rt>{{Pinyin}}</rt></ruby></div>'
_VI = '<div class="vi" lang="vi">{{Vietnamese}}</div>'
_HANVIET = '{{#HanViet}}<div class="hanviet">Hán-Việt: {{HanViet}}</div>{{/HanViet}}'
_SOURCE = (
    '{{#SourceZh}}<div class="source zh-text" lang="zh-Hans">{{SourceZh}}</div>{{/SourceZh}}'
    '{{#SourceVi}}<div class="source" lang="vi">{{SourceVi}}</div>{{/SourceVi}}'
    '<div class="kind">{{Kind}}</div>'
)
_SAY_ZH = "{{tts zh_CN:Chinese}}"
_SAY_VI = "{{tts vi_VN:Vietnamese}}"

BILINGUAL = genanki.Model(
    stable_id("model", "bilingual", "v1"),
    "Dongxi bilingual (zh ↔ vi)",
    fields=[{"name": name} for name in BILINGUAL_FIELDS],
    templates=[
        {
            "name": "Chinese → Vietnamese",
            "qfmt": _ZH + _SAY_ZH,
            "afmt": "{{FrontSide}}<hr id=answer>" + _VI + _SAY_VI + _HANVIET + _SOURCE,
        },
        {
            "name": "Vietnamese → Chinese",
            "qfmt": _VI + _SAY_VI,
            "afmt": "{{FrontSide}}<hr id=answer>" + _ZH + _SAY_ZH + _HANVIET + _SOURCE,
        },
        {
            # Not {{FrontSide}} on the back: it would repeat the input box.
            "name": "Chinese → type Vietnamese",
            "qfmt": _ZH + _SAY_ZH + "{{type:Vietnamese}}",
            "afmt": _ZH + "<hr id=answer>{{type:Vietnamese}}" + _SAY_VI + _HANVIET + _SOURCE,
        },
    ],
    css=CSS,
    sort_field_index=0,
)

CLOZE = genanki.Model(
    stable_id("model", "cloze", "v1"),
    "Dongxi cloze (source sentence)",
    fields=[{"name": name} for name in CLOZE_FIELDS],
    templates=[
        {
            "name": "Cloze",
            "qfmt": '<div class="source">{{cloze:Text}}</div>',
            "afmt": '<div class="source">{{cloze:Text}}</div><hr id=answer>'
            '<div class="source">{{Extra}}</div><div class="kind">{{Kind}}</div>',
        }
    ],
    css=CSS,
    model_type=genanki.Model.CLOZE,
)

_PROMPT = (
    '{{#PromptZh}}<div class="prompt zh" lang="zh-Hans">{{PromptZh}}</div>'
    "{{tts zh_CN:PromptZh}}{{/PromptZh}}"
    '{{#PromptVi}}<div class="prompt" lang="vi">{{PromptVi}}</div>'
    "{{tts vi_VN:PromptVi}}{{/PromptVi}}"
    '{{#Options}}<div class="options-box">{{Options}}</div>{{/Options}}'
)
_ANSWER = (
    '{{#Key}}<div class="key">{{Key}}</div>{{/Key}}'
    '{{#AnswerZh}}<div class="answer" lang="zh-Hans">{{AnswerZh}}</div>'
    "{{tts zh_CN:AnswerZh}}{{/AnswerZh}}"
    '{{#AnswerVi}}<div class="answer" lang="vi">{{AnswerVi}}</div>'
    "{{tts vi_VN:AnswerVi}}{{/AnswerVi}}" + _SOURCE
)

CHOICE = genanki.Model(
    stable_id("model", "choice", "v1"),
    "Dongxi choice",
    fields=[{"name": name} for name in CHOICE_FIELDS],
    templates=[
        {"name": "Question", "qfmt": _PROMPT, "afmt": "{{FrontSide}}<hr id=answer>" + _ANSWER}
    ],
    css=CSS,
)
