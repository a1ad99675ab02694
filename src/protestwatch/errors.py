"""The exception tree of protestwatch.

Every error the library raises on purpose is a ``ProtestwatchError``::

    ProtestwatchError
    ├── ConfigError        a setting, option or missing resource (with the command that fixes it)
    ├── InputError         one input item is unusable (file, line and reason are attributes)
    │   └── SkippedArticle an article the pipeline cannot handle (e.g. an unsupported language)
    ├── StoreError         the database cannot be opened, migrated or written
    ├── GazetteerError     the gazetteer is missing or corrupt
    └── EvaluationError    a gold file is malformed

Third-party exceptions are translated at the adapter edge with ``raise ... from exc``.
"""

from __future__ import annotations


class ProtestwatchError(Exception):
    """Base class of every error protestwatch raises on purpose."""


class ConfigError(ProtestwatchError):
    """A setting, an option or a resource is missing or wrong."""


class InputError(ProtestwatchError):
    """One input item cannot be used.  ``source`` names the file (or URL), ``line`` the line."""

    def __init__(self, reason: str, source: str | None = None, line: int | None = None) -> None:
        self.reason = reason
        self.source = source
        self.line = line
        where = source or "<input>"
        if line is not None:
            where = f"{where}:{line}"
        super().__init__(f"{where}: {reason}")


class SkippedArticle(InputError):
    """An article that was read but that the pipeline cannot code (the reason says why)."""


class StoreError(ProtestwatchError):
    """The database cannot be opened, migrated, read or written."""


class StoreConflict(StoreError):
    """A change that contradicts the data as it stands: merging an event with itself, a split
    that would leave one part empty, a name that is taken."""


class StoreUnavailable(StoreError):
    """The database server cannot be reached, or refuses the connection (it is down, or it has
    no connection slot left): trying again later may work."""


class GazetteerError(ProtestwatchError):
    """The gazetteer is missing, unreadable or corrupt."""


class EvaluationError(ProtestwatchError):
    """A gold file is malformed."""
