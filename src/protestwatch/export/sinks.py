"""Where an export writes: a path, or a file object the caller opened (text or binary).

A path is opened (and closed) here; a file object the caller passed is never closed.  Text is
always written as UTF-8.
"""

from __future__ import annotations

import contextlib
import io
import os
from typing import IO, Any, Iterator, Union

from ..errors import ConfigError

Output = Union[str, "os.PathLike[str]", IO[Any]]


def is_path(out: Any) -> bool:
    return isinstance(out, (str, os.PathLike))


def is_binary(stream: Any) -> bool:
    """Whether ``stream`` takes bytes (a binary file) rather than str."""
    if isinstance(stream, io.TextIOBase):
        return False
    if isinstance(stream, (io.RawIOBase, io.BufferedIOBase)):
        return True
    mode = getattr(stream, "mode", None)
    if isinstance(mode, str):
        return "b" in mode
    try:
        stream.write(b"")
    except TypeError:
        return False
    return True


@contextlib.contextmanager
def text_sink(out: Output, *, newline: str = "\n") -> Iterator[IO[str]]:
    """A text stream over ``out``; ``newline=""`` for CSV (the csv module writes its own ends)."""
    if is_path(out):
        with open(out, "w", encoding="utf-8", newline=newline) as fh:
            yield fh
        return
    if not hasattr(out, "write"):
        raise ConfigError(f"cannot write to {type(out).__name__}: pass a path or a file object")
    if not is_binary(out):
        yield out  # type: ignore[misc]
        return
    wrapper = io.TextIOWrapper(out, encoding="utf-8", newline=newline, write_through=True)  # type: ignore[arg-type]
    try:
        yield wrapper
        wrapper.flush()
    finally:
        wrapper.detach()  # leave the caller's stream open


def binary_target(out: Output) -> Any:
    """``out`` as something pyarrow can write to: a path string or a binary file object."""
    if is_path(out):
        return os.fspath(out)
    if not hasattr(out, "write") or not is_binary(out):
        raise ConfigError("this format is binary: pass a path or a file opened in binary mode")
    return out
