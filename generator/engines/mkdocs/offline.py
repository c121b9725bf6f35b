"""The offline copy: a folder and a .zip that work opened from file://, with no network.

Cadres read the site from a USB stick or a shared folder on intranets without internet.
Opened from disk, a browser resolves no folder to its index.html, fetches no files and
starts no web workers, so the offline build links pages as .html files, ships the search
index as a script and runs the search engine on the page (see generator.engines.theme);
question banks are scripts already. Nothing is loaded from another host.
"""

from __future__ import annotations

import zipfile
from pathlib import Path as FsPath

from ...fs import open_atomic
from ...output import MARKER
from ...problems import BuildError
from .build import build_site

GUIDE_NAME = "使用说明.txt"
GUIDE = """使用说明

1. 把整个文件夹复制到电脑或手机上（如果拿到的是 .zip 压缩包，请先解压）。
2. 用浏览器打开文件夹里的 index.html，即可阅读全部内容、搜索和做测验，不需要联网。
3. 测验进度和错题本保存在本机浏览器里；换浏览器或清除浏览器数据后会丢失。
"""


def default_folder(config_file: FsPath) -> FsPath:
    """site-offline next to mkdocs.yml."""
    return config_file.resolve().parent / "site-offline"


def build_offline(
    config_file: FsPath, folder: str | None = None, strict: bool = False, force: bool = False
) -> tuple[FsPath, FsPath]:
    """Build the offline copy into ``folder`` and pack it as ``folder``.zip beside it."""
    target = FsPath(folder).resolve() if folder else default_folder(config_file)
    archive = target.with_name(target.name + ".zip")
    if archive.exists() and not force and not _ours(archive, target.name):
        raise BuildError(f"{archive} 已存在，且不是 lunxun 生成的离线版压缩包，拒绝覆盖：请换一个输出目录，"
                         "或确认后加 --force")
    site = build_site(config_file, site_dir=str(target), strict=strict, offline=True, force=force,
                      extra={GUIDE_NAME: GUIDE.encode("utf-8")})
    try:
        archive = pack(site)
    except OSError as error:
        raise BuildError(
            f"{error.filename or site}: 压缩包未能生成（{error.strerror or error}）"
        ) from None
    return site, archive


def pack(folder: FsPath) -> FsPath:
    """Zip a folder as <folder>.zip, the folder's name as the top entry; written atomically."""
    archive = folder.with_name(folder.name + ".zip")
    with open_atomic(archive) as stream, zipfile.ZipFile(
        stream, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9
    ) as zipped:
        for path in sorted(folder.rglob("*")):
            if path.is_file() and path.name != MARKER:
                zipped.write(path, FsPath(folder.name) / path.relative_to(folder))
    return archive


def _ours(archive: FsPath, name: str) -> bool:
    """An offline copy lunxun packed: a zip whose every entry lies in the folder of that name."""
    try:
        with zipfile.ZipFile(archive) as zipped:
            names = zipped.namelist()
    except (OSError, zipfile.BadZipFile):
        return False
    return bool(names) and all(entry.startswith(f"{name}/") for entry in names)
