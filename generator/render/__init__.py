"""Checked content → plain Markdown pages and data files; knows nothing of MkDocs."""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from itertools import groupby
from typing import Any

from ..loading.ledger import LEDGER_FILE
from ..model.quiz import Case
from .environment import render, safe_json
from .glossary import collect_terms, dictionary_words, render_glossary
from .links import SiteModel
from .programme import render_programmes
from .quiz import page_bank_json
from .revisions import EventRevisions

NavItem = str | dict[str, Any]


@dataclass
class RenderedSite:
    """What the renderer hands to an engine adapter."""

    pages: dict[str, str] = field(default_factory=dict)  # docs-relative .md path → Markdown
    files: dict[str, bytes] = field(default_factory=dict)  # other generated files
    nav: list[NavItem] = field(default_factory=list)
    search_words: list[str] = field(default_factory=list)  # terms the search segmenter keeps whole
    # project-relative files the engine saves after a successful build (the calendar ledger)
    state: dict[str, bytes] = field(default_factory=dict)


def render_site(site: SiteModel, organizer: str | None = None, secret: bytes | None = None) -> RenderedSite:
    """Every generated page of a site, with the navigation that orders them; ``secret`` (the
    project secret) seals the keys of trainer-graded banks for release by unlock code."""
    out = RenderedSite()
    common = {"sources": site.sources, "methods": site.methods}
    out.pages["index.md"] = render("home.md.j2", quizzes=site.quizzes, programmes=site.programmes, **common)
    _render_methods(site, out, common)
    _render_quizzes(site, out, organizer, secret)
    revisions = EventRevisions(site.calendar_ledger, site.built_at)
    pages, files = render_programmes(site, revisions)
    out.state[LEDGER_FILE] = revisions.ledger()
    out.pages.update(pages)
    out.files.update(files)
    out.pages["sources.md"] = render("sources.md.j2", citing=site.methods_citing, **common)
    terms = collect_terms(site)
    out.pages["glossary.md"] = render_glossary(terms)
    out.search_words = dictionary_words(terms)
    out.nav = _navigation(site)
    return out


def _render_methods(site: SiteModel, out: RenderedSite, common: dict[str, Any]) -> None:
    for method_id, method in site.methods.items():
        out.pages[f"methods/{method_id}.md"] = render(
            "method.md.j2",
            method_id=method_id,
            method=method,
            quizzes=site.quizzes_of_method.get(method_id, []),
            all_quizzes=site.quizzes,
            sessions=site.sessions_using_method.get(method_id, []),
            **common,
        )
    out.pages["methods/index.md"] = render("methods_index.md.j2", groups=_method_groups(site), **common)


def _method_groups(site: SiteModel) -> list[tuple[str, list[tuple[str, Any]]]]:
    ordered = sorted(site.methods.items(), key=lambda item: (item[1].category, item[0]))
    return [(category, list(items)) for category, items in groupby(ordered, key=lambda i: i[1].category)]


def _render_quizzes(site: SiteModel, out: RenderedSite, organizer: str | None, secret: bytes | None) -> None:
    daily: dict[str, Any] = {}
    for bank_id, bank in site.quizzes.items():
        data = page_bank_json(bank_id, bank, secret=secret)
        out.pages[f"quizzes/{bank_id}.md"] = render(
            "quiz.md.j2",
            bank_id=bank_id,
            bank=bank,
            data=data,
            questions=len(bank.questions),
            count_drawn=_drawn(bank),
            methods=bank.methods,
            all_methods=site.methods,
            all_programmes=site.programmes,
            sessions=site.sessions_using_quiz.get(bank_id, []),
            required_by=site.programmes_requiring_quiz.get(bank_id, []),
            refs=_refs(site, bank),
            certified=_certified_by(site, bank_id, organizer),
        )
        out.files[f"assets/lunxun/banks/{bank_id}.js"] = _bank_script(bank_id, data)
        if bank.trainer_graded:  # 每日一练 shows the key of what it draws
            continue
        daily[bank_id] = {
            "title": bank.title,
            "questions": [q.id for q in bank.questions if not isinstance(q, Case)],
        }
    out.pages["quizzes/index.md"] = render("quizzes_index.md.j2", banks=site.quizzes, methods=site.methods)
    out.pages["quizzes/meiri.md"] = render("daily.md.j2", data={"banks": daily, "count": 5})
    out.pages["quizzes/cuotiben.md"] = render("wrongbook.md.j2")


def _certified_by(site: SiteModel, bank_id: str, organizer: str | None) -> tuple[str, str, str]:
    """The programme, the issuer and the 学时 a bank's certificate names: the programme when exactly
    one uses the bank, the issuer its organizer or else the site's, the 学时 that programme's
    ``completion.quiz_hours`` credits for a pass; "" when there is none (never a guess)."""
    using = {use.programme_id for use in site.sessions_using_quiz.get(bank_id, [])}
    using |= set(site.programmes_requiring_quiz.get(bank_id, []))
    using |= {key for key, p in site.programmes.items() if p.completion and bank_id in p.completion.quiz_hours}
    programme = site.programmes[using.pop()] if len(using) == 1 else None
    issuer = (programme.organizer if programme else None) or organizer or ""
    hours = programme.completion.quiz_hours.get(bank_id) if programme and programme.completion else None
    return (programme.title if programme else ""), issuer, (f"{hours:g}" if hours is not None else "")


def _drawn(bank: Any) -> int:
    if bank.draw is not None:
        return bank.draw
    if bank.blueprint:
        return sum(quota.count for quota in bank.blueprint)
    return len(bank.questions)


def _refs(site: SiteModel, bank: Any) -> list[tuple[str, str]]:
    """Every method step the bank's questions point at, labelled for people."""
    found: dict[str, str] = {}
    for question in bank.gradable() + list(bank.questions):
        if question.ref and question.ref not in found:
            method_id, _, step_id = question.ref.partition("#")
            method = site.methods[method_id]
            step = method.step(step_id) if step_id else None
            found[question.ref] = f"{method.title} · {step.name}" if step else method.title
    return sorted(found.items())


def _bank_script(bank_id: str, data: dict[str, Any]) -> bytes:
    """A bank as a script, so pages opened from file:// can load it (fetch cannot)."""
    key = safe_json(bank_id)
    return f"(window.lunxunBanks=window.lunxunBanks||{{}})[{key}]={safe_json(data)};\n".encode()


def _navigation(site: SiteModel) -> list[NavItem]:
    methods: list[NavItem] = ["methods/index.md"]
    for category, items in _method_groups(site):
        # MkDocs and Zensical insert section titles as HTML, unescaped
        methods.append({html.escape(category): [f"methods/{method_id}.md" for method_id, _ in items]})
    quizzes: list[NavItem] = ["quizzes/index.md", "quizzes/meiri.md", "quizzes/cuotiben.md"]
    quizzes += [f"quizzes/{bank_id}.md" for bank_id in site.quizzes]
    nav: list[NavItem] = ["index.md", {"工作方法": methods}, {"测验": quizzes}]
    if site.programmes:
        nav.append({"培训项目": ["programmes/index.md"] + [f"programmes/{p}/index.md" for p in site.programmes]})
    nav.append("sources.md")
    nav.append("glossary.md")
    return nav
