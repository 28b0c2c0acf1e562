"""A small bilingual document with one question of every type in each language, and a factory
for quizzes over them: quiz tests need known answers, not the generator's output. Imported by
tests/conftest.py, so every test (browser tests included) may use them."""

import pytest

from content.models import Document, Fact, Passage, Sentence, Term
from quizzes.models import Question, Quiz, QuizQuestion

ZH_SOURCE = "2010年,江苏省承担了对口支援新疆12个县市的任务。"
VI_SOURCE = "Năm 2010, tỉnh Giang Tô đảm nhận nhiệm vụ hỗ trợ 12 huyện thị của Tân Cương."

# type -> language -> (prompt, answer, choices)
SPECS = {
    "single_choice": {
        "zh": (
            "____承担了对口支援新疆的任务。",
            "江苏省",
            ["江苏省", "广东省", "山东省", "浙江省"],
        ),
        "vi": (
            "Tỉnh ____ hỗ trợ Tân Cương.",
            "Giang Tô",
            ["Giang Tô", "Quảng Đông", "Sơn Đông", "Chiết Giang"],
        ),
    },
    "multiple_choice": {
        "zh": ("选出所有地名：", ["江苏省", "新疆"], ["江苏省", "新疆", "教育", "经济"]),
        "vi": (
            "Chọn mọi địa danh:",
            ["Giang Tô", "Tân Cương"],
            ["Giang Tô", "Tân Cương", "giáo dục", "kinh tế"],
        ),
    },
    "true_false": {
        "zh": ("判断正误：2010年,江苏省承担了对口支援新疆的任务。", True, []),
        "vi": ("Đúng hay sai: năm 2010 Giang Tô hỗ trợ Tân Cương.", True, []),
    },
    "matching": {
        "zh": (
            "配对：",
            [["江苏", "新疆"], ["上海", "西藏"], ["广东", "四川"]],
            ["四川", "新疆", "西藏"],
        ),
        "vi": (
            "Ghép đôi:",
            [["Giang Tô", "Tân Cương"], ["Thượng Hải", "Tây Tạng"], ["Quảng Đông", "Tứ Xuyên"]],
            ["Tứ Xuyên", "Tân Cương", "Tây Tạng"],
        ),
    },
    "ordering": {
        "zh": (
            "按原文顺序排列：",
            ["经济支援", "教育支援", "医疗支援"],
            ["医疗支援", "经济支援", "教育支援"],
        ),
        "vi": (
            "Xếp theo thứ tự trong bài:",
            ["hỗ trợ kinh tế", "hỗ trợ giáo dục", "hỗ trợ y tế"],
            ["hỗ trợ y tế", "hỗ trợ kinh tế", "hỗ trợ giáo dục"],
        ),
    },
    "cloze": {
        "zh": ("2010年,____承担了对口支援新疆12个县市的任务。", "江苏省", []),
        "vi": ("Năm 2010, tỉnh ____ đảm nhận nhiệm vụ hỗ trợ Tân Cương.", "Giang Tô", []),
    },
    "translation": {
        "zh": ("“江苏”用越南语怎么说？", "Giang Tô", []),
        "vi": ("“Giang Tô” tiếng Trung là gì?", "江苏", []),
    },
}
TYPES = list(SPECS)


@pytest.fixture
def quiz_document(db) -> Document:
    document = Document.objects.create(
        slug="doi-khau",
        title_vi="Hỗ trợ đối khẩu",
        title_zh="对口支援",
        languages="zh,vi",
        source_text="…",
    )
    passage = Passage.objects.create(document=document, index=0, zh=ZH_SOURCE, vi=VI_SOURCE)
    sentence = Sentence.objects.create(
        document=document, passage=passage, index=0, zh=ZH_SOURCE, vi=VI_SOURCE
    )
    fact = Fact.objects.create(
        document=document,
        key="f1",
        kind="event",
        passage=passage,
        sentence=sentence,
        zh=ZH_SOURCE,
        vi=VI_SOURCE,
    )
    for key, zh, vi in [
        ("js", "江苏", "Giang Tô"),
        ("xj", "新疆", "Tân Cương"),
        ("nh", "宁夏", "Ninh Hạ"),
        ("nb", "宁波", "Ninh Ba"),
        ("sd", "山东", "Sơn Đông"),
    ]:
        term = Term.objects.create(document=document, key=key, kind="place", zh=zh, vi=vi)
        if key in ("js", "xj"):
            fact.terms.add(term)
    return document


@pytest.fixture
def make_question(quiz_document):
    document = quiz_document
    fact = document.facts.get()

    def make(qtype: str, language: str, **fields) -> Question:
        prompt, answer, choices = SPECS[qtype][language]
        values = {
            "document": document,
            "fact": fact,
            "type": qtype,
            "language": language,
            "prompt": prompt,
            "answer": answer,
            "choices": choices,
            "source": ZH_SOURCE if language == "zh" else VI_SOURCE,
            "source_translation": VI_SOURCE if language == "zh" else ZH_SOURCE,
            "status": Question.Status.PUBLISHED,
            "origin": Question.Origin.GENERATED,
            "key": f"{qtype}-{language}",
            "variant": qtype,
        }
        values.update(fields)
        return Question.objects.create(**values)

    return make


@pytest.fixture
def make_quiz(quiz_document, make_question):
    """make_quiz([("cloze", "vi"), …], **settings) -> a published quiz, questions in order."""

    def make(questions=None, **settings) -> Quiz:
        specs = questions or [(t, "vi") for t in TYPES]
        values = {"title": "Kiểm tra", "document": quiz_document, "status": Quiz.Status.PUBLISHED}
        values.update(settings)
        quiz = Quiz.objects.create(**values)
        for position, spec in enumerate(specs, start=1):
            question = spec if isinstance(spec, Question) else _get_or_make(make_question, *spec)
            QuizQuestion.objects.create(quiz=quiz, question=question, position=position)
        return quiz

    return make


def _get_or_make(make_question, qtype, language):
    existing = Question.objects.filter(key=f"{qtype}-{language}").first()
    return existing or make_question(qtype, language)
