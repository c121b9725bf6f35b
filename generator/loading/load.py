"""YAML with positions: parse with libyaml, keep the node tree to point at any field later.

The happy path builds plain Python data in one walk; positions are looked up in the
node tree only when a problem must be reported, so checking costs little more than
parsing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path as FsPath
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from ..problems import Path, Problem

try:  # libyaml is several times faster; fall back to pure Python where it is missing
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

_STR = "tag:yaml.org,2002:str"
MAX_NODES = 200_000  # bounds alias expansion ("billion laughs") and huge files
MAX_DEPTH = 60
MAX_BYTES = 5 * 1024 * 1024


class _Abort(Exception):
    def __init__(self, node: Node | None, message: str):
        self.node = node
        self.message = message


@dataclass
class Document:
    """A parsed YAML file: its data, and its text to find any position again.

    The node tree is not kept: holding hundreds of thousands of nodes alive makes the
    garbage collector crawl. Problems are rare, so the tree is parsed again on demand.
    """

    file: str
    data: Any
    text: str = field(repr=False)
    _root: Node | None = field(default=None, init=False, repr=False)

    @property
    def root(self) -> Node | None:
        if self._root is None and self.text:
            loader = _Loader(self.text)
            try:
                self._root = loader.get_single_node()
            finally:
                loader.dispose()
        return self._root

    def locate(self, path: Path, *, key: bool = False) -> tuple[int, int]:
        """1-based (line, col) of the node at ``path``, or of its nearest existing parent.

        With ``key=True`` a mapping entry is located by its key rather than its value.
        """
        node = self.root
        if node is None:
            return (1, 1)
        best = node
        for index, part in enumerate(path):
            child, key_node = _child(node, part)
            if child is None:
                break
            last = index == len(path) - 1
            best = key_node if (last and key and key_node is not None) else child
            node = child
        mark = best.start_mark
        return (mark.line + 1, mark.column + 1)

    def problem(self, path: Path, message: str, *, key: bool = False) -> Problem:
        from ..problems import format_path

        line, col = self.locate(path, key=key)
        return Problem(self.file, line, col, format_path(path), message)


def _child(node: Node, part: str | int) -> tuple[Node | None, Node | None]:
    if isinstance(node, MappingNode):
        for key_node, value_node in reversed(node.value):
            if isinstance(key_node, ScalarNode) and key_node.value == str(part):
                return value_node, key_node
    elif isinstance(node, SequenceNode) and isinstance(part, int) and 0 <= part < len(node.value):
        return node.value[part], None
    return None, None


class _Builder:
    """Turns a composed node tree into Python data, reporting duplicate keys."""

    def __init__(self, loader: Any, file: str):
        self.loader = loader
        self.file = file
        self.count = 0
        self.problems: list[Problem] = []

    def build(self, node: Node, depth: int = 0) -> Any:
        self.count += 1
        if self.count > MAX_NODES:
            raise _Abort(node, f"文件过大或别名展开过多（超过 {MAX_NODES} 个节点）")
        if depth > MAX_DEPTH:
            raise _Abort(node, f"嵌套层数过深（超过 {MAX_DEPTH} 层）")
        if isinstance(node, ScalarNode):
            return self._scalar(node)
        if isinstance(node, SequenceNode):
            return [self.build(item, depth + 1) for item in node.value]
        if isinstance(node, MappingNode):
            return self._mapping(node, depth)
        raise _Abort(node, "无法识别的 YAML 节点")

    def _scalar(self, node: ScalarNode) -> Any:
        if node.tag == _STR:  # most values: skip the constructor's generic dispatch
            return node.value
        construct = self.loader.yaml_constructors.get(node.tag)
        if construct is None:
            raise _Abort(node, f"不支持的 YAML 标签 {node.tag}")
        try:
            return construct(self.loader, node)
        except (yaml.YAMLError, ValueError, OverflowError) as error:
            if node.tag == "tag:yaml.org,2002:timestamp":
                return node.value  # e.g. 2026-02-30: the model reports it at its field, with the rest
            raise _Abort(node, f"无法解析的值：{error}") from None

    def _mapping(self, node: MappingNode, depth: int) -> dict[Any, Any]:
        self.loader.flatten_mapping(node)  # resolves "<<" merge keys in place
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = self.build(key_node, depth + 1)
            if not isinstance(key, (str, int, float, bool)) or key is None:
                raise _Abort(key_node, "键必须是简单的文本")
            key = str(key) if not isinstance(key, str) else key
            if key in result:
                mark = key_node.start_mark
                self.problems.append(
                    Problem(self.file, mark.line + 1, mark.column + 1, key, f"重复的字段“{key}”")
                )
            result[key] = self.build(value_node, depth + 1)
        return result


def load_text(text: str, file: str) -> tuple[Document | None, list[Problem]]:
    """Parse YAML text; return the document (None when unusable) and any problems."""
    if len(text.encode("utf-8", "surrogatepass")) > MAX_BYTES:
        return None, [Problem(file, 1, 1, "", f"文件超过 {MAX_BYTES // 1024 // 1024} MB，拒绝读取")]
    text = text.lstrip("\ufeff")
    loader = _Loader(text)
    try:
        root = loader.get_single_node()
        if root is None:
            return Document(file, None, ""), []
        builder = _Builder(loader, file)
        data = builder.build(root)
        return Document(file, data, text), builder.problems
    except _Abort as abort:
        line, col = _mark(abort.node)
        return None, [Problem(file, line, col, "", abort.message)]
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        what = error.problem or error.context or ""
        return None, [Problem(file, line, col, "", f"YAML 语法错误：{_explain_syntax(what)}")]
    except (yaml.YAMLError, RecursionError) as error:
        return None, [Problem(file, 1, 1, "", f"YAML 语法错误：{error}")]
    finally:
        loader.dispose()


_SYNTAX_HINTS = {
    "found character that cannot start any token": "此处有不能开始一个值的字符（如 Tab 缩进、@ 或 `），请改用空格或给文本加引号",
    "mapping values are not allowed": "此处不能出现“: ”，文本中含冒号时请加引号，或检查缩进",
    "could not find expected ':'": "缺少“: ”，或上一行的引号没有闭合",
    "did not find expected key": "缩进不一致，或列表项“- ”与字段混用",
    "did not find expected ',' or ']'": "方括号列表没有闭合，或缺少逗号",
    "did not find expected ',' or '}'": "花括号没有闭合，或缺少逗号",
    "found undefined alias": "引用了未定义的锚点（*别名）",
    "found unexpected end of stream": "文件意外结束，可能有引号没有闭合",
    "but found another document": "一个文件只能有一个文档（不要用“---”分隔多个）",
    "found unknown escape character": "双引号文本中有无效的转义字符（\\），可改用单引号",
}


def _explain_syntax(problem: str) -> str:
    for english, chinese in _SYNTAX_HINTS.items():
        if problem.startswith(english):
            return f"{chinese}（{problem}）"
    return problem or "格式错误"


def _mark(node: Node | None) -> tuple[int, int]:
    if node is None:
        return (1, 1)
    return (node.start_mark.line + 1, node.start_mark.column + 1)


def load_file(path: FsPath, file: str) -> tuple[Document | None, list[Problem]]:
    """Read and parse one YAML file; unreadable or non-UTF-8 files become problems."""
    try:
        raw = path.read_bytes()
    except OSError as error:
        return None, [Problem(file, 1, 1, "", f"无法读取文件：{error.strerror or error}")]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        col = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        return None, [Problem(file, line, col, "", "文件不是有效的 UTF-8 编码，请以 UTF-8 保存")]
    return load_text(text, file)
