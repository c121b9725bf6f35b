"""One module per entity; the models know nothing of files, MkDocs or the browser."""

from .method import Method
from .programme import Programme
from .quiz import QuizBank
from .source import Source

__all__ = ["Method", "Programme", "QuizBank", "Source"]
