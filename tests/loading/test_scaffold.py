"""lunxun new: templates that pass lunxun check at once, in a full project and in an empty one."""

from __future__ import annotations

import pytest
from interop_support import copy_sample, read_bank, run

from generator.loading.load import load_file
from generator.model import Method, Programme

NEXT_STEP = "请把模板中的示例内容改为真实内容，然后运行 lunxun check 检查。\n"


@pytest.mark.parametrize(("kind", "path", "schema"), [
    ("method", "content/methods/xin.yaml", "../../schemas/method.schema.json"),
    ("quiz", "quizzes/xin.yaml", "../schemas/quiz.schema.json"),
    ("programme", "content/curricula/xin.yaml", "../../schemas/curriculum.schema.json"),
    ("curriculum", "content/curricula/xin.yaml", "../../schemas/curriculum.schema.json"),  # the old name still works
])
def test_each_template_passes_check(tmp_path, capsys, monkeypatch, kind, path, schema):
    project = copy_sample(tmp_path)
    assert run(["new", kind, "xin"], project, capsys, monkeypatch) == (0, f"已写入 {path}\n{NEXT_STEP}", "")
    text = (project / path).read_text(encoding="utf-8")
    assert text.startswith(f"# yaml-language-server: $schema={schema}\n")
    code, _, err = run(["check"], project, capsys, monkeypatch)
    assert (code, err) == (0, "")


def test_templates_refer_to_what_exists(tmp_path, capsys, monkeypatch):
    project = copy_sample(tmp_path)
    for kind in ("method", "quiz", "programme"):
        assert run(["new", kind, "xin"], project, capsys, monkeypatch)[0] == 0
    quiz = read_bank(project / "quizzes" / "xin.yaml")
    assert quiz.methods == ["fenji"]
    assert [q.ref for q in quiz.questions] == ["fenji#xiao", None]
    doc, _ = load_file(project / "content" / "methods" / "xin.yaml", "m")
    method = Method.model_validate(doc.data)
    assert (method.sources, [s.id for s in method.steps]) == (["peixun-shouce"], ["di-yi-bu", "di-er-bu"])
    doc, _ = load_file(project / "content" / "curricula" / "xin.yaml", "c")
    programme = Programme.model_validate(doc.data)
    session = programme.days[0].sessions[1]
    assert (programme.hours, session.methods, session.quizzes) == (3, ["fenji"], ["tingqing-lianxi"])
    assert run(["check"], project, capsys, monkeypatch)[0] == 0


def test_templates_in_an_empty_project(tmp_path, capsys, monkeypatch):
    (tmp_path / "mkdocs.yml").write_text("site_name: 空项目\nplugins:\n  - lunxun\n", encoding="utf-8")
    assert run(["new", "quiz", "a"], tmp_path, capsys, monkeypatch) == (0, f"已写入 quizzes/a.yaml\n{NEXT_STEP}", "")
    assert read_bank(tmp_path / "quizzes" / "a.yaml").methods == []
    assert run(["new", "method", "m"], tmp_path, capsys, monkeypatch) == (
        0, f"已写入 content/sources.yaml\n已写入 content/methods/m.yaml\n{NEXT_STEP}", "")
    assert run(["new", "curriculum", "c"], tmp_path, capsys, monkeypatch)[0] == 0
    code, out, err = run(["check"], tmp_path, capsys, monkeypatch)
    assert (code, out, err) == (0, "检查通过：1 个方法，1 个题库共 2 道题，1 个培训项目，1 篇来源文献。\n", "")


def test_a_method_needs_a_usable_source_register(tmp_path, capsys, monkeypatch):
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "sources.yaml").write_text("# 还没有文献\n", encoding="utf-8")
    assert run(["new", "method", "m"], tmp_path, capsys, monkeypatch)[0] == 0
    assert "- id: shili-wenxian" in (tmp_path / "content" / "sources.yaml").read_text(encoding="utf-8")
    assert run(["check"], tmp_path, capsys, monkeypatch)[0] == 0
    (tmp_path / "content" / "sources.yaml").write_text("[]\n", encoding="utf-8")
    assert run(["new", "method", "n"], tmp_path, capsys, monkeypatch) == (
        1, "", "content/sources.yaml 中还没有可用的文献：方法须引用至少一篇来源文献，请先登记一篇（或修正该文件）\n")
    assert not (tmp_path / "content" / "methods" / "n.yaml").exists()


def test_refuses_to_overwrite_and_bad_ids(tmp_path, capsys, monkeypatch):
    project = copy_sample(tmp_path)
    before = (project / "quizzes" / "tingqing-lianxi.yaml").read_bytes()
    assert run(["new", "quiz", "tingqing-lianxi"], project, capsys, monkeypatch) == (
        1, "", "quizzes/tingqing-lianxi.yaml 已存在，未覆盖。\n")
    assert (project / "quizzes" / "tingqing-lianxi.yaml").read_bytes() == before
    assert run(["new", "method", "Xin_Fa"], project, capsys, monkeypatch) == (
        1, "", "“Xin_Fa”不是合法的标识：只能用小写英文字母、数字和连字符，且以字母或数字开头\n")
    assert not any(project.rglob("Xin_Fa*"))
    missing = tmp_path / "no-such-project"
    assert run(["new", "quiz", "x", "--root", str(missing)], project, capsys, monkeypatch) == (
        1, "", f"项目目录 {missing} 不存在\n")
    assert not missing.exists()


def test_unknown_kind_is_an_argument_error(tmp_path, capsys, monkeypatch):
    with pytest.raises(SystemExit) as exit_info:
        run(["new", "lesson", "x"], tmp_path, capsys, monkeypatch)
    assert exit_info.value.code == 2
