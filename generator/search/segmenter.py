"""Teach jieba, the segmenter Material's search plugin uses for Chinese, the site's terms."""

from __future__ import annotations

import logging

# How much likelier than the split that jieba would otherwise choose a term must be, so
# it stays whole inside a sentence too and not only on its own.
_MARGIN = 20


_pristine: tuple[dict[str, int], int] | None = None


def teach_jieba(words: list[str]) -> int:
    """Add the words to jieba's dictionary, each weighted so jieba keeps it whole.

    jieba's dictionary is one per process. Each call first puts it back as it was before
    the first call, so a build depends on its own terms only: building the same project
    twice gives the same index, whatever was built before in the same process.
    Returns how many words were added or strengthened (0 without jieba).
    """
    try:
        import jieba
    except ImportError:
        return 0
    global _pristine
    logging.getLogger("jieba").setLevel(logging.WARNING)
    tokenizer = jieba.dt  # the tokenizer behind jieba.cut, which Material's search plugin calls
    tokenizer.check_initialized()
    if _pristine is None:
        _pristine = (dict(tokenizer.FREQ), tokenizer.total)
    else:
        tokenizer.FREQ, tokenizer.total = dict(_pristine[0]), _pristine[1]
    changed = 0
    for word in words:
        wanted = tokenizer.suggest_freq(word, tune=False) * _MARGIN
        if (tokenizer.FREQ.get(word) or 0) < wanted:
            tokenizer.add_word(word, wanted)
            changed += 1
    return changed
