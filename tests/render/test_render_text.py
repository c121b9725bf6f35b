"""Trainer Markdown to HTML: images only from the site itself, however the address is spelled."""

from __future__ import annotations

import re

import pytest

from generator.render.text import is_local_url, md_to_html


@pytest.mark.parametrize("src", [
    "http://evil.example/a.png", "//evil.example/a.png", "/\\evil.example/a.png", "\\\\evil.example/a.png",
    "\\/evil.example/a.png", " //evil.example/a.png", "/\t/evil.example/a.png", "javascript:alert(1)",
    "JaVaScRiPt:x", "data:image/png;base64,AAAA", "file:///etc/passwd", "\x01//evil.example/x.png",
])
def test_a_remote_image_is_dropped(src: str) -> None:
    assert not is_local_url(src)
    html = md_to_html(f"图：![x]({src})")
    # what is left (Markdown may turn an escape into a plain path) is a local address
    assert all(is_local_url(found) for found in re.findall(r'src="([^"]*)"', html)), html


@pytest.mark.parametrize("src", ["img/a.png", "../img/a.png", "/assets/a.png", "a.png?v=1", "a.png#x", "./a:b.png"])
def test_a_local_image_stays(src: str) -> None:
    assert is_local_url(src)
    assert f'src="{src}"' in md_to_html(f"![x]({src})")
