"""content.lang.hygiene: control characters are stripped, text, tabs and new lines kept."""

from content.lang.hygiene import strip_controls


def test_strip_controls_keeps_text_tabs_and_new_lines():
    assert strip_controls("a\tb\nc\r\nd\x00e\x0cf") == "a\tb\nc\r\nde\nf"
