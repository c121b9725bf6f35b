"""The .gz copies `lunxun build` writes beside text files for nginx's gzip_static."""

from __future__ import annotations

import gzip
import os
from pathlib import Path

from paths import TESTS

from generator.engines.precompress import SMALLEST, precompress


def test_every_large_text_file_has_an_identical_gzip_copy(sample_site: Path) -> None:
    pages = sorted(sample_site.rglob("*.html"))
    assert pages
    for page in pages:
        if page.stat().st_size >= SMALLEST:
            packed = page.with_name(page.name + ".gz")
            assert gzip.decompress(packed.read_bytes()) == page.read_bytes(), page
    for copy in sample_site.rglob("*.gz"):
        original = copy.with_suffix("")
        if copy.name != "sitemap.xml.gz":  # MkDocs' own
            assert original.is_file() and copy.stat().st_size < original.stat().st_size, copy


def test_small_binary_and_linked_files_are_left_alone(tmp_path: Path) -> None:
    (tmp_path / "big.css").write_text("a { color: red; }\n" * 200, encoding="utf-8")
    (tmp_path / "small.js").write_text("var a = 1;\n", encoding="utf-8")
    (tmp_path / "photo.png").write_bytes(b"\x89PNG" + b"\0" * 5000)
    (tmp_path / "random.json").write_bytes(os.urandom(4000))  # does not compress
    (tmp_path / "link.css").symlink_to(tmp_path / "big.css")
    assert precompress(tmp_path) == 1
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix == ".gz") == ["big.css.gz"]
    # reproducible: no time stamp in the header
    first = (tmp_path / "big.css.gz").read_bytes()
    precompress(tmp_path)
    assert (tmp_path / "big.css.gz").read_bytes() == first


def test_offline_copies_have_none(tmp_path: Path) -> None:
    from generator.engines.mkdocs.build import build_site

    project = TESTS / "projects" / "sample"
    site = build_site(project / "mkdocs.yml", site_dir=str(tmp_path / "offline"), offline=True)
    assert not [p for p in site.rglob("*.gz") if p.name != "sitemap.xml.gz"]
