"""`lunxun serve` as a trainer uses it: preview, edit a method, see the change; a mistake is
reported where it is, and once it is mended the preview carries on."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import PROJECTS


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Preview:
    """A running `lunxun serve`, its output read line by line on a thread."""

    def __init__(self, project: Path) -> None:
        self.port = free_port()
        lunxun = Path(sys.executable).parent / "lunxun"
        self.process = subprocess.Popen(
            [str(lunxun), "serve", "-f", str(project / "mkdocs.yml"), "-a", f"127.0.0.1:{self.port}"],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        )
        self.lines: list[str] = []
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self) -> None:
        for line in self.process.stdout:  # type: ignore[union-attr]
            self.lines.append(line)

    def wait_for(self, text: str, after: int = 0, timeout: float = 120) -> int:
        """Wait for a line containing text (among lines from index ``after``); its index."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for index in range(after, len(self.lines)):
                if text in self.lines[index]:
                    return index
            if self.process.poll() is not None:
                break
            time.sleep(0.1)
        raise AssertionError(f"no “{text}” from lunxun serve:\n{''.join(self.lines)[-3000:]}")

    def get(self, path: str) -> str:
        with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/{path}", timeout=30) as response:
            return response.read().decode("utf-8")

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=30)
        self.reader.join(timeout=30)
        self.process.stdout.close()  # type: ignore[union-attr]


@pytest.fixture
def project(tmp_path: Path) -> Path:
    target = tmp_path / "project"
    shutil.copytree(PROJECTS / "sample", target)
    return target


@pytest.fixture
def preview(project: Path) -> Iterator[Preview]:
    running = Preview(project)
    running.wait_for("预览地址：")
    yield running
    running.stop()


def save(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    time.sleep(0.5)  # the watcher compares modification times
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_an_edit_shows_in_the_preview_and_a_mistake_is_reported_until_mended(preview: Preview, project: Path) -> None:
    assert "上门听取诉求" in preview.get("methods/tingqing/")
    method = project / "content" / "methods" / "tingqing.yaml"

    mark = len(preview.lines)
    save(method, "上门听取诉求", "上门认真听取诉求")
    preview.wait_for("已重新生成", after=mark)
    assert "上门认真听取诉求" in preview.get("methods/tingqing/")
    assert "上门认真听取诉求" in preview.get("search/search_index.json").replace("\u200b", "")

    mark = len(preview.lines)
    save(method, "id: ting", "id: ting ting")  # a step id with a space: not allowed
    where = preview.wait_for("tingqing.yaml:", after=mark)
    assert "steps[0].id" in preview.lines[where]
    # MkDocs holds new requests back while the site is broken; the open page stays as it was

    mark = len(preview.lines)
    save(method, "id: ting ting\n    name: 听\n    gist: 上门认真", "id: ting\n    name: 听\n    gist: 上门耐心")
    preview.wait_for("已重新生成", after=mark)
    assert "上门耐心听取诉求" in preview.get("methods/tingqing/")
    assert "上门耐心听取诉求" in preview.get("search/search_index.json").replace("\u200b", "")

    output = "".join(preview.lines)
    assert "错误：内容有误，未生成网站" in output and "重新生成失败：改正上面列出的问题并保存" in output
    assert "正在生成网站" in output and "网站已生成，用时" in output
    # in Chinese, without MkDocs' English progress lines, its Abort banner, its list of pages
    # left out of the menu (on purpose) or a traceback
    for english in ("Traceback", "dirty", "Serving on", "Reloading", "Aborted", "Building documentation", "nav"):
        assert english not in output, output


def test_a_mistake_at_start_is_listed_and_no_server_starts(project: Path) -> None:
    method = project / "content" / "methods" / "tingqing.yaml"
    method.write_text(method.read_text(encoding="utf-8").replace("id: ting\n", "id: ting ting\n"), encoding="utf-8")
    lunxun = Path(sys.executable).parent / "lunxun"
    result = subprocess.run([str(lunxun), "serve", "-f", str(project / "mkdocs.yml"), "-a", f"127.0.0.1:{free_port()}"],
                            check=False, capture_output=True, text=True, timeout=120)
    assert result.returncode == 1
    assert "content/methods/tingqing.yaml:8:9: steps[0].id:" in result.stderr
    assert result.stderr.rstrip().endswith("预览未启动：改正上面列出的问题后再运行 lunxun serve")
    assert "Aborted" not in result.stderr and "Traceback" not in result.stderr
