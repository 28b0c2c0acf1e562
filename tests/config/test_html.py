"""config.html: the pieces of HTML written in Python are what a template writes."""

import pytest
from django.template import Context, Template
from django.test import override_settings
from django.utils import translation

from config.html import template_value

VALUES = [0, 7, -3, 999, 1000, 1234567, -98765, True, False, None, 2.5, 1234.5, "<b>&", 10**20]


@pytest.mark.parametrize("grouping", [False, True])
@pytest.mark.parametrize("language", ["vi", "zh-hans", "en"])
def test_a_value_is_written_as_the_template_writes_it(language, grouping):
    template = Template("{{ value }}")
    with translation.override(language), override_settings(USE_THOUSAND_SEPARATOR=grouping):
        for value in VALUES:
            assert template_value(value) == template.render(Context({"value": value})), value
