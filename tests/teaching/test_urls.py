"""teaching.urls: the namespace is the app's name (teaching:), the addresses users see stay
under /teach/."""

from django.urls import resolve, reverse

from teaching.views import questions, quizzes


def test_the_teachers_addresses_stay_under_teach():
    assert reverse("teaching:questions") == "/teach/questions/"
    assert reverse("teaching:quiz", args=[7]) == "/teach/quizzes/7/"
    assert reverse("teaching:document_report", args=["ha-noi"]) == "/teach/documents/ha-noi/report/"


def test_each_address_is_served_by_the_view_module_of_its_area():
    match = resolve("/teach/questions/")
    assert (match.namespace, match.func) == ("teaching", questions.question_list)
    assert resolve("/teach/quizzes/7/").func == quizzes.quiz_build
