"""Teach jieba, the segmenter Material's search plugin uses for Chinese, the site's terms."""

from __future__ import annotations

import logging

# How much likelier than the split that jieba would otherwise choose a term must be, so
# it stays whole inside a sentence too and not only on its own.
_MARGIN = 20


def teach_jieba(words: list[str]) -> int:
    """Add the words to jieba's dictionary, each weighted so jieba keeps it whole.

    jieba's dictionary is process-wide: a second build in the same process keeps the
    words of the first. Returns how many words were added or strengthened (0 without jieba).
    """
    try:
        import jieba
    except ImportError:
        return 0
    logging.getLogger("jieba").setLevel(logging.WARNING)
    changed = 0
    for word in words:
        wanted = jieba.suggest_freq(word, tune=False) * _MARGIN
        if (jieba.get_FREQ(word) or 0) < wanted:
            jieba.add_word(word, wanted)
            changed += 1
    return changed
