"""SCORM 1.2 package: the site's own quiz engine on one launch page, reporting to the LMS.

Choices (documented in the trainers' guide): the package is one SCO (``index.html``) that
runs the bank with the same engine as the website (the quiz scripts, quiz.css); scorm.js finds the
LMS's API, and when an attempt is finished reports ``cmi.core.score.raw`` (0–100, the
engine's percentage), ``cmi.core.lesson_status`` (passed/failed against ``pass_mark``) and
``cmi.core.session_time`` (also when the learner leaves before finishing). ``pass_mark`` is
also the manifest's ``adlcp:masteryscore``. The schema files the manifest names travel in the
package root, as SCORM 1.2's packaging rules ask.
"""

from __future__ import annotations

import html
import xml.etree.ElementTree as ET
from importlib import resources

from ...model import QuizBank
from ...render.assets import EXAM_SCRIPTS, QUIZ_SCRIPTS, QUIZ_STYLES
from ...render.bundle import asset_bytes
from ...render.environment import safe_json
from ...render.quiz import page_bank_json
from ..common import deterministic_zip

CP = "http://www.imsproject.org/xsd/imscp_rootv1p1p2"
ADLCP = "http://www.adlnet.org/xsd/adlcp_rootv1p2"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
SCHEMAS = (
    f"{CP} imscp_rootv1p1p2.xsd "
    "http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd "
    f"{ADLCP} adlcp_rootv1p2.xsd"
)
SCHEMA_FILES = ("imscp_rootv1p1p2.xsd", "imsmd_rootv1p2p1.xsd", "adlcp_rootv1p2.xsd", "ims_xml.xsd")
ET.register_namespace("adlcp", ADLCP)
ET.register_namespace("xsi", XSI)

LAUNCH = """<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<link rel="stylesheet" href="quiz.css">
<style>
:root {{ --md-default-fg-color: rgba(0,0,0,.87); --md-default-fg-color--light: rgba(0,0,0,.54);
  --md-default-fg-color--lighter: rgba(0,0,0,.32); --md-default-fg-color--lightest: rgba(0,0,0,.07);
  --md-default-bg-color: #fff; --md-primary-fg-color: #b71c1c; --md-primary-bg-color: #fff;
  --md-accent-fg-color: #c62828; --md-accent-fg-color--transparent: rgba(198,40,40,.1);
  --md-code-bg-color: #f5f5f5; --md-code-font-family: monospace; }}
body {{ margin: 0 auto; max-width: 46rem; padding: 1rem; line-height: 1.6;
  font-family: -apple-system, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif; }}
</style>
</head>
<body>
<main>
<h1>{title}</h1>
<div class="lx-quiz" data-bank="{bank_id}" data-mode="{mode}" data-standalone="scorm">
<noscript><p>测验需要浏览器启用 JavaScript。</p></noscript>
<p class="lx-quiz-loading">测验加载中……</p>
</div>
<script type="application/json" class="lx-bank-data">{data}</script>
</main>
<script src="scorm.js"></script>
{scripts}
</body>
</html>
"""


def scripts_for(bank: QuizBank) -> tuple[str, ...]:
    """The engine as the site serves it for the bank's page: an exam's has no 错题本 or 每日一练 page."""
    return EXAM_SCRIPTS if bank.mode == "exam" else QUIZ_SCRIPTS


def launch_page(bank: QuizBank, bank_id: str) -> str:
    """The SCO's page: the bank's JSON in the placeholder the engine takes over."""
    return LAUNCH.format(
        title=html.escape(bank.title), bank_id=html.escape(bank_id), mode=bank.mode,
        scripts="\n".join(f'<script src="{name}"></script>' for name in scripts_for(bank)),
        data=safe_json(page_bank_json(bank_id, bank)),
    )


def manifest(bank: QuizBank, bank_id: str, files: list[str]) -> bytes:
    """imsmanifest.xml for one SCO."""
    root = ET.Element("manifest", {
        "xmlns": CP, "identifier": f"lunxun-{bank_id}", "version": "1.0", f"{{{XSI}}}schemaLocation": SCHEMAS,
    })
    metadata = ET.SubElement(root, "metadata")
    ET.SubElement(metadata, "schema").text = "ADL SCORM"
    ET.SubElement(metadata, "schemaversion").text = "1.2"
    organizations = ET.SubElement(root, "organizations", default=f"org-{bank_id}")
    organization = ET.SubElement(organizations, "organization", identifier=f"org-{bank_id}")
    ET.SubElement(organization, "title").text = bank.title
    item = ET.SubElement(organization, "item", identifier=f"item-{bank_id}",
                         identifierref=f"res-{bank_id}", isvisible="true")
    ET.SubElement(item, "title").text = bank.title
    ET.SubElement(item, f"{{{ADLCP}}}masteryscore").text = f"{bank.pass_mark:g}"
    resources_ = ET.SubElement(root, "resources")
    resource = ET.SubElement(resources_, "resource", {
        "identifier": f"res-{bank_id}", "type": "webcontent", f"{{{ADLCP}}}scormtype": "sco", "href": "index.html",
    })
    for name in files:
        ET.SubElement(resource, "file", href=name)
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"


def export_scorm(bank: QuizBank, bank_id: str) -> bytes:
    """The package as zip bytes: manifest first, as some LMSes expect."""
    files = {"index.html": launch_page(bank, bank_id).encode("utf-8")}
    files.update({name: asset_bytes(name) for name in (*QUIZ_STYLES, *scripts_for(bank), "scorm.js")})
    schemas = resources.files("generator") / "interop" / "export" / "schemas" / "scorm12"
    return deterministic_zip({
        "imsmanifest.xml": manifest(bank, bank_id, list(files)),
        **files,
        **{name: (schemas / name).read_bytes() for name in SCHEMA_FILES},
    })
