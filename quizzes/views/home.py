"""Learner-facing pages: the home page (assignments first, then classes and documents)."""

from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from accounts import access
from config.htmx import HtmxHttpRequest
from content.access import documents_listed_for
from progress.stats import summary
from quizzes import assignments

# The landing page's samples: one aligned sentence, a question on it and a card.
SAMPLE = {
    "zh": "2010年，江苏省承担了对口支援新疆12个县市的任务。",
    "vi": "Năm 2010, tỉnh Giang Tô đảm nhận nhiệm vụ hỗ trợ 12 huyện thị của Tân Cương.",
    "question": "Năm 2010, tỉnh ____ đảm nhận nhiệm vụ hỗ trợ 12 huyện thị của Tân Cương.",
    "choices": ["Quảng Đông", "Giang Tô", "Sơn Đông", "Chiết Giang"],
    "answer": "Giang Tô",
    "card_front": "江苏",
    "card_pinyin": "jiāng sū",
    "card_back": "Giang Tô",
}


@require_GET
def home(request: HtmxHttpRequest) -> HttpResponse:
    """A visitor: the landing page, what Dongxi does (an aligned sentence, a sample question, a
    card) with sign-up and log-in. Template: quizzes/landing.html. Context: sample.
    Any signed-in user: today's cards and streak, their assignments first (open ones by due
    date, then those to come, each with their best score), their classes and the documents to
    study. Template: quizzes/home.html. Context: summary, assignments
    (quizzes.assignments.HomeAssignments, None for a teacher), classes, documents. A fixed
    number of queries, whatever the number of classes, assignments and reviews."""
    if not request.user.is_authenticated:
        return render(request, "quizzes/landing.html", {"sample": SAMPLE})
    user = request.user
    if user.is_teacher:
        classes, assigned = access.classes_taught_by(user), None
    else:
        classes = access.classes_studied_by(user).select_related("teacher")
        assigned = assignments.for_learner(user)
    documents = documents_listed_for(request.user).only(
        "slug", "title_zh", "title_vi", "published", "hidden"
    )
    context = {
        "summary": summary(user, timezone.now()),
        "classes": classes,
        "documents": documents,
        "assignments": assigned,
    }
    return render(request, "quizzes/home.html", context)
