"""One module per entity; the models know nothing of files, MkDocs or the browser."""

from .curriculum import Curriculum
from .method import Method
from .quiz import QuizBank
from .source import Source

__all__ = ["Curriculum", "Method", "QuizBank", "Source"]
