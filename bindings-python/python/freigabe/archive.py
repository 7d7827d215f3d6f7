"""Published posts from archives, as drafts with ``published_at``.

Core's readers do the work (the same ones as ``freigabe batch``): Facebook and Instagram
"Download your information" JSON (with Meta's mojibake repaired), an X archive's
``tweets.js`` (``t.co`` links expanded, retweets skipped), a Mastodon ``outbox.json``
(boosts and direct messages skipped), JSON Lines drafts, and CSV with a column mapping::

    import freigabe.archive

    for draft in freigabe.archive.read("data/tweets.js", account="buergermeister"):
        report = engine.check(draft)

The format is recognised from the content and the file name unless ``format`` names it. A
file of no known shape raises ``ArchiveFormatError``, whose message names every shape that
would do.

One broken record never stops the others from being read. What happens to it is the
caller's choice (``errors``), and nothing is lost silently:

- ``"raise"`` (default of ``read``): the first broken record's ``ArchiveRecordError``
  (``record``, ``line``, ``column``, ``record_id``) is raised before any post is yielded.
- ``"return"`` (default of ``load``): its ``ArchiveRecordError`` takes its place, not
  raised.
- ``"skip"``: it is left out (``load(path).records`` still has it).

``load`` returns the whole ``Archive``: ``records`` in source order (``ArchivedPost`` or
``ArchiveRecordError``), ``skipped`` (reposts, direct messages, empty entries) and
``format``.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping
from typing import Any, Literal, Optional, Union

from freigabe._freigabe import (
    Archive,
    ArchivedPost,
    ArchiveRecordError,
    read_archive,
)

__all__ = ["Archive", "ArchivedPost", "ArchiveRecordError", "load", "read"]

_Columns = Union[Mapping[str, str], str, None]


def load(
    path: Union[str, "os.PathLike[str]"],
    *,
    format: Optional[str] = None,
    account: Optional[str] = None,
    platform: Optional[str] = None,
    columns: _Columns = None,
    time_zone: Optional[str] = None,
    errors: Literal["raise", "return", "skip"] = "return",
    lang: str = "de",
) -> Archive:
    """Reads the whole archive at ``path``: posts, record errors and skipped records.

    ``format``: ``jsonl``, ``csv``, ``facebook``, ``instagram``, ``x`` or ``mastodon``
    (default: recognised). ``account`` is set on records that name none; ``platform`` on
    JSONL/CSV records that name none (platform exports imply theirs). ``columns`` maps
    draft fields to CSV header names, e.g. ``{"text": "message", "published_at":
    "created"}``; ``time_zone`` is the IANA zone of CSV times without offset (default
    ``Europe/Berlin``). ``errors``: see the module docs. Raises ``ArchiveError``
    subclasses for a file that cannot be read.
    """
    return read_archive(
        path,
        format=format,
        account=account,
        platform=platform,
        columns=columns,
        time_zone=time_zone,
        errors=errors,
        lang=lang,
    )


def read(
    path: Union[str, "os.PathLike[str]"],
    *,
    format: Optional[str] = None,
    account: Optional[str] = None,
    platform: Optional[str] = None,
    columns: _Columns = None,
    time_zone: Optional[str] = None,
    errors: Literal["raise", "return", "skip"] = "raise",
    lang: str = "de",
) -> Iterator[Any]:
    """Yields the archive's posts as draft dicts (with ``published_at``) in source order,
    ready for ``Engine.check``/``check_many``.

    The file is read before this returns, so every error is raised here, not on the first
    ``next()``. ``errors``: see the module docs. Options as for ``load``.
    """
    archive = load(
        path,
        format=format,
        account=account,
        platform=platform,
        columns=columns,
        time_zone=time_zone,
        errors=errors,
        lang=lang,
    )
    return (
        record.draft if isinstance(record, ArchivedPost) else record
        for record in archive.records
    )
