"""YAML with positions: parse with libyaml, keep the text to point at any field later.

Data is built straight from libyaml's event stream in one loop with an explicit stack:
libyaml's own composer recurses once per level and crashes (a segmentation fault, not
an exception) on a file nested some 30,000 levels deep, before any depth limit applies.
Positions are looked up in the node tree only when a problem must be reported, so
checking costs little more than parsing.

Plain scalars are typed by the YAML 1.2 core schema, not 1.1: ``8:30``, ``yes``, ``no``,
``on`` and ``2026-09-01`` stay text, ``010`` is ten. A number also remembers how it was
written, so a field that wants text gets exactly the text the trainer typed (FORMAT.md).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path as FsPath
from typing import Any

import yaml
from yaml.events import (
    AliasEvent,
    DocumentEndEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
)
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from ..problems import Path, Problem
from .files import Unreadable, read_regular
from .scalars import TAG, typed_number, typed_plain

try:  # libyaml is several times faster; fall back to pure Python where it is missing
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_NODES = 200_000  # bounds alias expansion ("billion laughs") and huge files
MAX_DEPTH = 60
MAX_BYTES = 5 * 1024 * 1024

class _Abort(Exception):
    def __init__(self, mark: Any, message: str):
        self.mark = mark
        self.message = message


@dataclass
class Document:
    """A parsed YAML file: its data, and its text to find any position again.

    The node tree is not kept: holding hundreds of thousands of nodes alive makes the
    garbage collector crawl. Problems are rare, so the tree is parsed again on demand
    (safe: a document that loaded is at most MAX_DEPTH deep).
    """

    file: str
    data: Any
    text: str = field(repr=False)
    _root: Node | None = field(default=None, init=False, repr=False)

    @property
    def root(self) -> Node | None:
        if self._root is None and self.text:
            for loader_class in (_Loader, _AnchorsRedefined):
                loader = loader_class(self.text)
                try:
                    self._root = loader.get_single_node()
                    break
                except yaml.YAMLError:  # libyaml's composer refuses an anchor defined twice
                    continue
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


class _AnchorsRedefined(yaml.SafeLoader):
    """A composer for a document that loaded with an anchor defined twice: YAML 1.2 lets a later
    ``&name`` replace an earlier one (the event-stream builder above follows it), PyYAML's
    composer stops. Safe to recurse: a loaded document is at most MAX_DEPTH deep."""

    def compose_node(self, parent: Node | None, index: Any) -> Node | None:
        if not self.check_event(AliasEvent):
            anchor = self.peek_event().anchor
            if anchor is not None:
                self.anchors.pop(anchor, None)
        return super().compose_node(parent, index)


def _child(node: Node, part: str | int) -> tuple[Node | None, Node | None]:
    if isinstance(node, MappingNode):
        for key_node, value_node in reversed(node.value):
            if isinstance(key_node, ScalarNode) and key_node.value == str(part):
                return value_node, key_node
    elif isinstance(node, SequenceNode) and isinstance(part, int) and 0 <= part < len(node.value):
        return node.value[part], None
    return None, None


_NO_KEY = object()
_MERGE = object()  # the key ``<<``: merge the mapping(s) given as its value


class _Collection:
    """A sequence or mapping being built: one entry of the builder's explicit stack."""

    __slots__ = ("anchor", "height", "is_map", "key", "key_mark", "mark", "merges", "start", "value")

    def __init__(self, value: Any, is_map: bool, anchor: str | None, start: int, mark: Any):
        self.value = value
        self.is_map = is_map
        self.key: Any = _NO_KEY
        self.key_mark: Any = None
        self.anchor = anchor
        self.start = start  # nodes counted before this one
        self.height = 0  # levels below this one
        self.mark = mark
        self.merges: list[dict[str, Any]] = []


class _Builder:
    """Python data from a libyaml event stream, with every bound checked as it grows."""

    def __init__(self, loader: Any, file: str):
        self.loader = loader
        self.file = file
        self.count = 0
        self.problems: list[Problem] = []

    def build(self) -> tuple[bool, Any]:
        """(False, None) for an empty stream, else (True, the document's data)."""
        get = self.loader.get_event
        get()  # StreamStartEvent
        if isinstance(get(), StreamEndEvent):
            return False, None
        stack: list[_Collection] = []
        anchors: dict[str, tuple[Any, int, int]] = {}  # value, nodes, height
        result: Any = None
        while True:
            event = get()
            kind = event.__class__
            depth = len(stack)
            if kind is ScalarEvent:
                self._count(1, event)
                value, height = self._scalar(event), 0
                if event.anchor is not None:
                    anchors[event.anchor] = (value, 1, 0)
            elif kind is MappingStartEvent or kind is SequenceStartEvent:
                self._count(1, event)
                if depth >= MAX_DEPTH:  # its content would lie deeper than allowed
                    raise _Abort(event.start_mark, f"嵌套层数过深（超过 {MAX_DEPTH} 层）")
                is_map = kind is MappingStartEvent
                stack.append(_Collection({} if is_map else [], is_map, event.anchor, self.count - 1,
                                         event.start_mark))
                continue
            elif kind is MappingEndEvent or kind is SequenceEndEvent:
                done = stack.pop()
                value, height = self._finish(done), done.height
                depth -= 1
                if done.anchor is not None:
                    anchors[done.anchor] = (value, self.count - done.start, height)
                event = done  # its mark, should it be a key
            elif kind is AliasEvent:
                if event.anchor not in anchors:
                    raise _Abort(event.start_mark, "YAML 语法错误：" + _explain_syntax("found undefined alias"))
                value, nodes, height = anchors[event.anchor]
                self._count(nodes, event)
                if depth + height > MAX_DEPTH:
                    raise _Abort(event.start_mark, f"嵌套层数过深（超过 {MAX_DEPTH} 层）")
            elif kind is DocumentEndEvent:
                break
            else:  # pragma: no cover - libyaml emits nothing else inside a document
                raise _Abort(event.start_mark, "无法识别的 YAML 内容")
            if not stack:
                result = value
                continue
            parent = stack[-1]
            if height >= parent.height:
                parent.height = height + 1
            if not parent.is_map:
                parent.value.append(value)
            elif parent.key is _NO_KEY:
                parent.key, parent.key_mark = self._key(value, event), _mark_of(event)
            else:
                self._set(parent, value)
        following = get()
        if isinstance(following, DocumentStartEvent):
            raise _Abort(following.start_mark, "YAML 语法错误：" + _explain_syntax("but found another document"))
        return True, result

    def _count(self, nodes: int, event: Any) -> None:
        self.count += nodes
        if self.count > MAX_NODES:
            raise _Abort(event.start_mark, f"文件过大或别名展开过多（超过 {MAX_NODES} 个节点）")

    def _scalar(self, event: Any) -> Any:  # a ScalarEvent (libyaml's marks are typed apart)
        tag = event.tag
        if tag is None or tag == "!":
            return typed_plain(event.value) if tag is None and event.implicit[0] else event.value
        if tag == TAG + "str":
            return event.value
        if tag in (TAG + "int", TAG + "float"):
            value = typed_number(event.value.strip(), None)
            if value is None or (tag == TAG + "int") != isinstance(value, int):
                raise _Abort(event.start_mark, f"无法解析的值：“{event.value}”"
                                               f"不是{'整数' if tag.endswith('int') else '数字'}")
            return value
        if tag in (TAG + "bool", TAG + "null"):
            value = typed_plain(event.value)
            if not (value is None if tag.endswith("null") else isinstance(value, bool)):
                raise _Abort(event.start_mark, f"无法解析的值：“{event.value}”")
            return value
        construct = self.loader.yaml_constructors.get(tag)
        if construct is None or tag in (TAG + "map", TAG + "seq", TAG + "omap", TAG + "pairs", TAG + "set"):
            raise _Abort(event.start_mark, f"不支持的 YAML 标签 {tag}")
        node = ScalarNode(tag, event.value, event.start_mark, event.end_mark, event.style)
        try:
            return construct(self.loader, node)
        except (yaml.YAMLError, ValueError, OverflowError) as error:
            if tag == TAG + "timestamp":
                return event.value  # e.g. 2026-02-30: the model reports it at its field, with the rest
            raise _Abort(event.start_mark, f"无法解析的值：{error}") from None

    def _key(self, key: Any, event: Any) -> Any:
        if isinstance(event, ScalarEvent) and key == "<<" and event.tag is None and event.implicit[0]:
            return _MERGE
        if isinstance(key, (dict, list)) or key is None:
            raise _Abort(_mark_of(event), "键必须是简单的文本")
        return key if isinstance(key, str) else str(key)

    def _set(self, parent: _Collection, value: Any) -> None:
        key, parent.key = parent.key, _NO_KEY
        if key is _MERGE:
            sources = value if isinstance(value, list) else [value]
            if not all(isinstance(source, dict) for source in sources):
                raise _Abort(parent.key_mark, "合并键“<<”的值应为映射（&锚点）或映射的列表")
            parent.merges += reversed(sources)  # of a list, the first given wins
            return
        if key in parent.value:
            mark = parent.key_mark
            self.problems.append(Problem(self.file, mark.line + 1, mark.column + 1, key, f"重复的字段“{key}”"))
        parent.value[key] = value

    @staticmethod
    def _finish(done: _Collection) -> Any:
        if not done.merges:
            return done.value
        merged: dict[str, Any] = {}
        for source in done.merges:  # later merge keys win over earlier, the mapping's own over all
            merged.update(source)
        merged.update(done.value)
        return merged


def _mark_of(event: Any) -> Any:
    return event.mark if isinstance(event, _Collection) else event.start_mark


def load_text(text: str, file: str) -> tuple[Document | None, list[Problem]]:
    """Parse YAML text; return the document (None when unusable) and any problems."""
    if len(text.encode("utf-8", "surrogatepass")) > MAX_BYTES:
        return None, [Problem(file, 1, 1, "", f"文件超过 {MAX_BYTES // 1024 // 1024} MB，拒绝读取")]
    text = text.lstrip("\ufeff")
    loader = _Loader(text)
    try:
        builder = _Builder(loader, file)
        found, data = builder.build()
        if not found:
            return Document(file, None, ""), []
        return Document(file, data, text), builder.problems
    except _Abort as abort:
        line, col = (abort.mark.line + 1, abort.mark.column + 1) if abort.mark else (1, 1)
        return None, [Problem(file, line, col, "", abort.message)]
    except yaml.MarkedYAMLError as error:
        return None, [_syntax_problem(file, error)]
    except (yaml.YAMLError, RecursionError) as error:
        return None, [Problem(file, 1, 1, "", f"YAML 语法错误：{error}")]
    finally:
        loader.dispose()


_SYNTAX_HINTS = {
    "found character that cannot start any token": "此处有不能开始一个值的字符（如 Tab 缩进、@ 或 `），"
                                                   "请改用空格或给文本加引号",
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

# What libyaml was reading when it gave up (its context), named for a trainer.
_CONTEXTS = {
    "while scanning a quoted scalar": "引号",
    "while parsing a flow sequence": "方括号列表",
    "while parsing a flow mapping": "花括号",
    "while scanning a block scalar": "多行文本",
}


def _syntax_problem(file: str, error: yaml.MarkedYAMLError) -> Problem:
    """A syntax error at the place it was noticed, and also where the unfinished part began:
    an unclosed quote is reported where the quoted text starts, not at the end of the file."""
    mark = error.problem_mark or error.context_mark
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    message = f"YAML 语法错误：{_explain_syntax(error.problem or error.context or '')}"
    start = error.context_mark
    what = _CONTEXTS.get(error.context or "")
    if start is None or mark is None or not what or (start.line, start.column) == (mark.line, mark.column):
        return Problem(file, line, col, "", message)
    if what == "引号" and (error.problem or "").startswith(("found unexpected end of stream",
                                                          "found unexpected document indicator")):
        message = f"YAML 语法错误：从这里开始的引号没有闭合（直到第 {line} 行第 {col} 列也没有找到对应的引号）"
        line, col = start.line + 1, start.column + 1
    else:
        message += f"；这个{what}从第 {start.line + 1} 行第 {start.column + 1} 列开始"
    return Problem(file, line, col, "", message)


def _explain_syntax(problem: str) -> str:
    for english, chinese in _SYNTAX_HINTS.items():
        if problem.startswith(english):
            return f"{chinese}（{problem}）"
    return problem or "格式错误"


def load_file(path: FsPath, file: str) -> tuple[Document | None, list[Problem]]:
    """Read and parse one YAML file; unreadable or non-UTF-8 files become problems."""
    try:
        raw = read_regular(path, MAX_BYTES)
    except Unreadable as error:
        return None, [Problem(file, 1, 1, "", error.reason)]
    if b"\x00" in raw:
        offset = raw.index(b"\x00")
        line, col = _place(raw, offset)
        return None, [Problem(file, line, col, "", "不是文本文件（含有二进制内容），请以 UTF-8 文本保存")]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line, col = _place(raw, error.start)
        return None, [Problem(file, line, col, "", "文件不是有效的 UTF-8 编码，请以 UTF-8 保存")]
    return load_text(text, file)


def _place(raw: bytes, offset: int) -> tuple[int, int]:
    """1-based line and column (in bytes) of ``offset``."""
    return raw[:offset].count(b"\n") + 1, offset - (raw.rfind(b"\n", 0, offset) + 1) + 1
