"""The terms of a site: for the glossary page (术语表) and the search segmenter's dictionary.

One list of terms feeds both, so a word a cadre finds in the glossary is also a word the
search engine keeps whole: method titles, aliases, step names, principles, tags, categories.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

from ..model.method import Method
from .environment import render
from .links import SiteModel
from .text import first_sentence, md_to_html

KINDS = ("方法", "别称", "步骤", "原则", "标签", "类别")

_HAN_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
_LEADING_PUNCTUATION = re.compile(r"^[\W_]+")

# First characters of each pinyin initial in GB2312's level-1 block, which is ordered by
# pinyin: a term's first character falls in the range of its initial (I, U and V start no
# syllable). Level-2 characters and non-Han starts go to "其他".
_GB2312_INITIALS = (
    ("A", 0xB0A1),
    ("B", 0xB0C5),
    ("C", 0xB2C1),
    ("D", 0xB4EE),
    ("E", 0xB6EA),
    ("F", 0xB7A2),
    ("G", 0xB8C1),
    ("H", 0xB9FE),
    ("J", 0xBBF7),
    ("K", 0xBFA6),
    ("L", 0xC0AC),
    ("M", 0xC2E8),
    ("N", 0xC4C3),
    ("O", 0xC5B6),
    ("P", 0xC5BE),
    ("Q", 0xC6DA),
    ("R", 0xC8BB),
    ("S", 0xC8F6),
    ("T", 0xCBFA),
    ("W", 0xCDDA),
    ("X", 0xCEF4),
    ("Y", 0xD1B9),
    ("Z", 0xD4D1),
)
_GB2312_LEVEL1_END = 0xD7F9
OTHER = "其他"


@dataclass(frozen=True)
class Place:
    """Where a term is defined: its kind, the page (with anchor) and a label for people."""

    kind: str
    target: str  # docs-relative Markdown path, optionally with #anchor
    label: str
    # what the term means there, in the method page's own words (its first sentence)
    definition: str = ""


@dataclass
class Term:
    text: str
    places: list[Place] = field(default_factory=list)

    @property
    def sort_key(self) -> tuple[int, bytes, str]:
        bare = _LEADING_PUNCTUATION.sub("", self.text)
        initial = initial_of(bare)
        return (1 if initial == OTHER else 0, bare.encode("gb18030", "replace"), self.text)


def initial_of(text: str) -> str:
    """The pinyin initial (A–Z) of a term's first character, or 其他."""
    if not text:
        return OTHER
    if text[0].isascii() and text[0].isalpha():
        return text[0].upper()
    try:
        code = int.from_bytes(text[0].encode("gb2312"), "big")
    except UnicodeEncodeError:
        return OTHER
    if not 0xB0A1 <= code <= _GB2312_LEVEL1_END:
        return OTHER
    letter = OTHER
    for candidate, start in _GB2312_INITIALS:
        if code >= start:
            letter = candidate
    return letter


def collect_terms(site: SiteModel) -> list[Term]:
    """Every term of the site, each once, with every place that defines it; sorted by pinyin."""
    terms: dict[str, Term] = {}
    seen: set[tuple[str, Place]] = set()  # a tag shared by many methods: no linear look-ups

    def add(text: str, place: Place) -> None:
        text = text.strip()
        if text and (text, place) not in seen:
            seen.add((text, place))
            terms.setdefault(text, Term(text)).places.append(place)

    for method_id, method in site.methods.items():
        page = f"methods/{method_id}.md"
        summary = plain_sentence(method.summary)
        add(method.title, Place("方法", page, method.title, summary))
        for alias in method.aliases:
            add(alias, Place("别称", page, method.title, f"即{method.title}。{summary}"))
        for number, step in enumerate(method.steps, start=1):
            label = (
                f"{method.title} · 第 {number} 步"
                if method.ordered
                else f"{method.title} · 组成部分"
            )
            add(step.name, Place("步骤", f"{page}#{step.id}", label, plain_sentence(step.gist)))
        sentences = method_sentences(method)
        for principle in method.principles:
            meaning = sentence_with(principle, sentences) or f"{method.title}的基本原则之一。"
            add(principle, Place("原则", f"{page}#principles", method.title, meaning))
        for tag in method.tags:
            add(tag, Place("标签", page, method.title, sentence_with(tag, sentences)))
    for number, category in enumerate(sorted({m.category for m in site.methods.values()}), start=1):
        # the methods index numbers its category headings the same way (cat-1, cat-2, ...)
        count = sum(1 for m in site.methods.values() if m.category == category)
        meaning = f"工作方法的一个类别，本站收录 {count} 个这类方法。"
        add(category, Place("类别", f"methods/index.md#cat-{number}", "工作方法 · 分类", meaning))
    for term in terms.values():
        term.places.sort(key=lambda p: (KINDS.index(p.kind), p.target))
    return sorted(terms.values(), key=lambda t: t.sort_key)


_TAG = re.compile(r"<[^>]+>")


def plain_sentence(text: str) -> str:
    """The first sentence of a Markdown field as plain text (no emphasis marks or links)."""
    return first_sentence(html.unescape(_TAG.sub("", md_to_html(text))))


_SENTENCE_END = re.compile(r"(?<=[。！？；])")
_LONGEST_SENTENCE = 120  # longer ones are paragraphs, not a definition to read in a list


def method_sentences(method: Method) -> list[str]:
    """A method page's prose as plain sentences, in page order: where a term is explained."""
    fields = [method.summary, method.origin or ""]
    for step in method.steps:
        fields += [step.gist, *step.actions]
    for support in method.supports:
        fields += [support.gist or "", *(item.gist or "" for item in support.items)]
    for case in method.cases:
        fields += [case.problem, case.approach, case.outcome]
    sentences: list[str] = []
    for text in fields:
        if text:
            plain = " ".join(html.unescape(_TAG.sub("", md_to_html(text))).split())
            sentences += [part.strip() for part in _SENTENCE_END.split(plain) if part.strip()]
    return sentences


def sentence_with(term: str, sentences: list[str]) -> str:
    """The first short sentence that uses a term, or '' (a tag the prose never spells out)."""
    found = next((s for s in sentences if term in s and len(s) <= _LONGEST_SENTENCE), "")
    return found[:-1] + "。" if found.endswith("；") else found


def glossary_groups(terms: list[Term]) -> list[tuple[str, list[Term]]]:
    """Terms grouped under their pinyin initial, A to Z, then 其他."""
    groups: dict[str, list[Term]] = {}
    for term in terms:
        groups.setdefault(initial_of(_LEADING_PUNCTUATION.sub("", term.text)), []).append(term)
    return sorted(groups.items(), key=lambda item: (item[0] == OTHER, item[0]))


def dictionary_words(terms: list[Term]) -> list[str]:
    """Words for the segmenter: the runs of Chinese characters in the terms.

    Segmenters cut only runs of Han characters (punctuation and digits split them), so
    “三天三一”排查机制 contributes 三天三一 and 排查机制. Single characters are tokens
    anyway; long runs are sentences rather than words (principles such as
    把党的关怀和温暖及时送到位), and keeping them whole would hide the words inside.
    """
    words: dict[str, None] = {}
    for term in terms:
        longest = (
            _LONGEST_PRINCIPLE if all(p.kind == "原则" for p in term.places) else _LONGEST_NAME
        )
        for run in _HAN_RUN.findall(term.text):
            if 2 <= len(run) <= longest:
                words[run] = None
    return sorted(words)


_LONGEST_NAME = 8
_LONGEST_PRINCIPLE = 5


def jieba_userdict(words: list[str]) -> str:
    """The words in jieba's user-dictionary format (one ``word frequency`` per line).

    The frequency is high enough that jieba keeps each word whole wherever it occurs.
    """
    return "".join(f"{word} {_FREQUENCY}\n" for word in words)


_FREQUENCY = 200000


def anchor(initial: str) -> str:
    return "other" if initial == OTHER else f"letter-{initial.lower()}"


def render_glossary(terms: list[Term]) -> str:
    """The glossary page (glossary.md)."""
    return render("glossary.md.j2", terms=terms, groups=glossary_groups(terms), anchor=anchor)
