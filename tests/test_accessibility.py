"""Accessibility rules checked without a browser (issue 16, item 12): every aria-describedby of a
form field names an element on the page, and text in Chinese or Vietnamese carries its `lang`."""

import re

from django import forms
from django.template.loader import render_to_string

from content.templatetags.text_lang import lang_attr, text_lang


class Sample(forms.Form):
    title = forms.CharField(help_text="A short title.", max_length=5)
    note = forms.CharField(required=False)
    kind = forms.ChoiceField(
        choices=[("a", "A"), ("b", "B")], widget=forms.RadioSelect, help_text="Pick one."
    )
    tags = forms.MultipleChoiceField(
        choices=[("x", "X"), ("y", "Y")], widget=forms.CheckboxSelectMultiple
    )
    agree = forms.BooleanField(help_text="Tick it.")


def described_ids_are_present(html: str) -> list[str]:
    ids = set(re.findall(r'\bid="([^"]+)"', html))
    referenced = [
        ref for refs in re.findall(r'aria-describedby="([^"]*)"', html) for ref in refs.split()
    ]
    assert referenced, "no aria-describedby at all: the test would prove nothing"
    return [ref for ref in referenced if ref not in ids]


def test_every_aria_describedby_of_the_shared_field_template_names_an_element():
    for form in (Sample(), Sample({"title": "far too long", "kind": "z"})):
        html = "".join(
            render_to_string("includes/field.html", {"field": form[name]}) for name in form.fields
        )
        assert described_ids_are_present(html) == []


def test_the_language_of_a_line_is_told_from_its_script():
    assert text_lang("还剑湖") == "zh-Hans"
    assert text_lang("1. 还剑") == "zh-Hans"
    assert text_lang("Hồ Hoàn Kiếm") == "vi"
    assert text_lang("Đà Nẵng") == "vi"
    assert text_lang("True") == "" and text_lang("1990") == "" and text_lang(None) == ""
    assert lang_attr("江苏") == ' lang="zh-Hans"' and lang_attr("42") == ""
