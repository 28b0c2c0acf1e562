"""Vendored webfonts: fonts.css points only at files we ship, and covers Vietnamese and Chinese."""

import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.contrib.staticfiles import finders
from django.urls import reverse

ROOT = Path(__file__).resolve().parents[1]
STATIC = ROOT / "static"
FONTS_CSS = STATIC / "css" / "fonts.css"
VENDOR = STATIC / "vendor" / "fonts"

FACE = re.compile(r"@font-face\s*\{(.*?)\}", re.S)
URL = re.compile(r"url\(\s*['\"]?([^'\")]+)['\"]?\s*\)")

VIETNAMESE = "".join(map(chr, range(0x1EA0, 0x1EFA))) + "ĂăĐđĨĩŨũƠơƯư₫ Tiếng Việt"
CHINESE = "的一是不了人我在有他这为之大来以个中上们学习汉语越南东西。，、！？“”《》：；"


def faces() -> list[dict[str, str]]:
    result = []
    for body in FACE.findall(FONTS_CSS.read_text(encoding="utf-8")):
        props = {}
        for declaration in body.split(";"):
            if ":" in declaration:
                key, value = declaration.split(":", 1)
                props[key.strip()] = value.strip()
        result.append(props)
    return result


def ranges(value: str) -> list[tuple[int, int]]:
    result = []
    for part in value.split(","):
        start, _, end = part.strip().upper().removeprefix("U+").partition("-")
        result.append((int(start, 16), int(end or start, 16)))
    return result


def covered(family: str, weight: str) -> list[tuple[int, int]]:
    return [
        span
        for face in faces()
        if face["font-family"].strip("'\"") == family and face["font-weight"] == weight
        for span in ranges(face["unicode-range"])
    ]


def missing(text: str, spans: list[tuple[int, int]]) -> set[str]:
    return {c for c in text if not c.isspace() and not any(a <= ord(c) <= b for a, b in spans)}


def test_every_url_in_fonts_css_is_a_shipped_woff2_file():
    urls = URL.findall(FONTS_CSS.read_text(encoding="utf-8"))
    assert urls
    for url in urls:
        assert not urlsplit(url).scheme and not url.startswith("/"), url
        path = (FONTS_CSS.parent / url).resolve()
        assert path.is_relative_to(VENDOR), url
        assert path.is_file(), url
        assert path.read_bytes()[:4] == b"wOF2", url
        # The staticfiles finders see it too, so collectstatic's manifest can hash it.
        assert finders.find(path.relative_to(STATIC).as_posix()), url


def test_every_face_swaps_and_has_a_unicode_range():
    all_faces = faces()
    assert {f["font-family"].strip("'\"") for f in all_faces} == {"Dongxi Sans", "Dongxi Sans SC"}
    for face in all_faces:
        assert face["font-display"] == "swap"
        assert ranges(face["unicode-range"])


@pytest.mark.parametrize("weight", ["400", "700"])
def test_dongxi_sans_covers_vietnamese(weight):
    spans = covered("Dongxi Sans", weight)
    assert any(a <= 0x1EA0 and b >= 0x1EF9 for a, b in spans)
    assert not missing(VIETNAMESE, spans)


@pytest.mark.parametrize("weight", ["400", "700"])
def test_dongxi_sans_sc_covers_chinese(weight):
    spans = covered("Dongxi Sans SC", weight)
    assert not missing(CHINESE, spans)
    # Chunked: many faces, so a page downloads only the ones it needs.
    cjk_faces = [
        f
        for f in faces()
        if f["font-family"].strip("'\"") == "Dongxi Sans SC"
        and f["font-weight"] == weight
        and any(a <= 0x9FFF and b >= 0x4E00 for a, b in ranges(f["unicode-range"]))
    ]
    assert len(cjk_faces) > 20


def test_each_vendored_package_ships_its_licence_and_the_readme_pins_versions():
    readme = (VENDOR / "README.md").read_text(encoding="utf-8")
    for package in ("noto-sans", "noto-sans-sc"):
        assert "Open Font License" in (VENDOR / package / "LICENSE").read_text(encoding="utf-8")
        assert re.search(rf"`@fontsource/{package}` \| \d+\.\d+\.\d+ \|", readme)
    size = sum(p.stat().st_size for p in VENDOR.rglob("*") if p.is_file())
    assert size < 25 * 1024 * 1024


def test_the_app_stylesheet_puts_the_vendored_families_first():
    css = (STATIC / "css" / "app.css").read_text(encoding="utf-8")
    assert re.search(r"--font-vi:\s*\"Dongxi Sans\",", css)
    assert re.search(r"--font-zh:\s*\"Dongxi Sans SC\",", css)


def test_base_html_links_fonts_css_before_app_css():
    html = (ROOT / "templates" / "base.html").read_text(encoding="utf-8")
    fonts = html.index("{% static 'css/fonts.css' %}")
    assert fonts < html.index("{% static 'css/app.css' %}")


def test_rendered_pages_link_fonts_css(client, db):
    html = client.get(reverse("accounts:login")).content.decode()
    assert 'href="/static/css/fonts.css"' in html
    assert html.index("css/fonts.css") < html.index("css/app.css")
