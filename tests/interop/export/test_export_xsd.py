"""Every shipped bank's QTI and SCORM packages validated against the official IMS and ADL XML
Schemas (IMS QTI 2.1, IMS CP 1.1, IMS CP 1.1.2 + ADL CP for SCORM 1.2), copied into
tests/data/xsd from the standards' distributions, with lxml (libxml2's validator)."""

from __future__ import annotations

import functools
import io
import zipfile
from pathlib import Path

import pytest
from interop_support import ROOT, read_bank
from lxml import etree
from paths import TESTS

from generator.interop.export.qti import export_qti
from generator.interop.export.scorm import SCHEMA_FILES, export_scorm

XSD = TESTS / "data" / "xsd"
BANKS = sorted((ROOT / "quizzes").glob("*.yaml")) + sorted((ROOT / "tests/projects/sample/quizzes").glob("*.yaml"))
SCORM_CP = "http://www.imsproject.org/xsd/imscp_rootv1p1p2"
ADLCP = "http://www.adlnet.org/xsd/adlcp_rootv1p2"


@functools.cache
def schema(*imports: tuple[str, Path]) -> etree.XMLSchema:
    """One schema that imports each (namespace, file): a document may mix several."""
    lines = [f'<xs:import namespace="{ns}" schemaLocation="{path.as_uri()}"/>' for ns, path in imports]
    wrapper = '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">' + "".join(lines) + "</xs:schema>"
    return etree.XMLSchema(etree.fromstring(wrapper.encode(), base_url=XSD.as_uri() + "/"))


def qti_schema() -> etree.XMLSchema:
    return schema(("http://www.imsglobal.org/xsd/imsqti_v2p1", XSD / "qtiv2p1" / "imsqti_v2p1.xsd"))


def assert_valid(validator: etree.XMLSchema, data: bytes, name: str) -> None:
    document = etree.fromstring(data)
    if not validator.validate(document):
        errors = "\n".join(f"{name}:{e.line}: {e.message}" for e in validator.error_log)
        pytest.fail(errors)


@pytest.mark.parametrize("bank_file", BANKS, ids=lambda path: path.stem)
def test_qti_items_tests_and_manifest_are_valid(bank_file: Path) -> None:
    archive = zipfile.ZipFile(io.BytesIO(export_qti(read_bank(bank_file), bank_file.stem)))
    names = archive.namelist()
    assert "imsmanifest.xml" in names and "test.xml" in names
    for name in names:
        if name.endswith(".xml") and name != "imsmanifest.xml":
            assert_valid(qti_schema(), archive.read(name), name)
    manifest = schema(("http://www.imsglobal.org/xsd/imscp_v1p1", XSD / "imscp_v1p1.xsd"))
    assert_valid(manifest, archive.read("imsmanifest.xml"), "imsmanifest.xml")


@pytest.mark.parametrize("bank_file", BANKS, ids=lambda path: path.stem)
def test_scorm_manifest_is_valid_and_its_schemas_travel_with_it(bank_file: Path) -> None:
    archive = zipfile.ZipFile(io.BytesIO(export_scorm(read_bank(bank_file), bank_file.stem)))
    validator = schema((SCORM_CP, XSD / "scorm12" / "imscp_rootv1p1p2.xsd"),
                       (ADLCP, XSD / "scorm12" / "adlcp_rootv1p2.xsd"))
    assert_valid(validator, archive.read("imsmanifest.xml"), "imsmanifest.xml")
    manifest = etree.fromstring(archive.read("imsmanifest.xml"))
    location = manifest.get("{http://www.w3.org/2001/XMLSchema-instance}schemaLocation").split()
    named = set(location[1::2])
    assert named <= set(archive.namelist())  # every schema the manifest names is in the zip
    for name in SCHEMA_FILES:
        assert archive.read(name) == (XSD / "scorm12" / name).read_bytes()


def test_an_invalid_item_is_caught() -> None:
    """The validator is not a formality: an item with an unknown element fails."""
    broken = (b'<assessmentItem xmlns="http://www.imsglobal.org/xsd/imsqti_v2p1" identifier="x" '
              b'title="x" adaptive="false" timeDependent="false"><nonsense/></assessmentItem>')
    assert not qti_schema().validate(etree.fromstring(broken))
