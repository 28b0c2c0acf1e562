"""content.lang.text: which script a text is written in."""

import pytest

from content.lang.text import script_of


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("东西部扶贫协作,即东部发达省市", "zh"),
        ("Ví dụ, năm 2010, Bắc Kinh và Nội Mông Cổ", "vi"),
        ("14-01-2021 | China.org.cn", None),
        ("The quick brown fox.", None),
    ],
)
def test_script_of(text, lang):
    assert script_of(text) == lang
