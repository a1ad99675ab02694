"""protestwatch: news articles in, coded protest events out."""

__version__ = "0.1.0"
