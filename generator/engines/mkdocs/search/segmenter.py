"""Teach jieba, the segmenter Material's search plugin uses for Chinese, the site's terms."""

from __future__ import annotations

import logging

# How much likelier than the split that jieba would otherwise choose a term must be, so
# it stays whole inside a sentence too and not only on its own.
_MARGIN = 20


# What the last call changed: (word, its frequency before, the frequency added to the total)
_taught: list[tuple[str, int | None, int]] = []


def teach_jieba(words: list[str]) -> int:
    """Add the words to jieba's dictionary, each weighted so jieba keeps it whole.

    jieba's dictionary is one per process. Each call first takes back what the previous
    call added, so a build depends on its own terms only: building the same project twice
    gives the same index, whatever was built before in the same process. Words added
    otherwise (a `jieba_dict_user` of Material's search plugin) stay.
    Returns how many words were added or strengthened (0 without jieba).
    """
    try:
        import jieba
    except ImportError:
        return 0
    logging.getLogger("jieba").setLevel(logging.WARNING)
    tokenizer = jieba.dt  # the tokenizer behind jieba.cut, which Material's search plugin calls
    tokenizer.check_initialized()
    while _taught:
        word, before, added = _taught.pop()
        tokenizer.total -= added
        if before is None:
            del tokenizer.FREQ[word]
        else:
            tokenizer.FREQ[word] = before
    for word in words:
        wanted = tokenizer.suggest_freq(word, tune=False) * _MARGIN
        before = tokenizer.FREQ.get(word)
        if (before or 0) < wanted:
            _taught.append((word, before, wanted))
            tokenizer.add_word(word, wanted)
    return len(_taught)
