"""Type stubs of the native module ``freigabe._freigabe`` (checked with ``mypy.stubtest``)."""

import datetime
import os
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any, Literal, Optional, TypedDict, Union, final

__all__ = [
    "__version__",
    "MAX_DRAFT_BYTES",
    "Policy",
    "Engine",
    "ReportIterator",
    "Report",
    "Diagnostic",
    "Suggestion",
    "Span",
    "count",
    "Archive",
    "ArchivedPost",
    "read_archive",
    "_policy_from_sources",
    "_engine",
    "_report_from_json",
    "FreigabeError",
    "PolicyError",
    "PolicySyntaxError",
    "UnknownKeyError",
    "MissingKeyError",
    "InvalidValueError",
    "UnknownReferenceError",
    "ExtendsError",
    "PolicyReadError",
    "DraftError",
    "InvalidDraftError",
    "InputTooLargeError",
    "UnknownAccountError",
    "ArchiveError",
    "ArchiveFormatError",
    "ArchiveSyntaxError",
    "MissingColumnError",
    "ArchiveOptionError",
    "ArchiveReadError",
    "ArchiveRecordError",
    "ArgumentError",
]

__version__: str
MAX_DRAFT_BYTES: int

_Draft = Union[str, Mapping[str, Any]]
_History = Union[str, Sequence[Mapping[str, Any]], None]
_Now = Union[str, datetime.datetime, None]
_OnError = Literal["raise", "return"]

class _Measure(TypedDict):
    length: int
    limit: int

class _Skipped(TypedDict):
    record: int
    line: Optional[int]
    id: Optional[str]
    reason: Literal["repost", "direct", "empty", "not-a-post"]

class _Note(TypedDict):
    kind: Literal["weekday-mismatch"]
    message: str
    help: Optional[str]

class _WaivedRequired(TypedDict):
    by: str
    reason: str

class _Waived(_WaivedRequired, total=False):
    at: str

class _Count(TypedDict):
    platform: str
    length: int
    limit: int
    valid: bool

@final
class Policy:
    """A validated policy: the merged settings of a TOML file and everything it extends."""

    @classmethod
    def from_file(cls, path: Union[str, os.PathLike[str]], *, lang: str = "de") -> "Policy":
        """Loads a policy file and the files it ``extends``."""
    @classmethod
    def from_str(cls, toml: str, *, lang: str = "de") -> "Policy":
        """Parses a policy from TOML text."""
    @property
    def digest(self) -> str:
        """``sha256:`` digest of the merged policy."""
    @property
    def accounts(self) -> list[str]:
        """Ids of the policy's accounts, sorted."""
    @property
    def default_account(self) -> Optional[str]:
        """The account a draft without ``account`` is checked for, or None."""
    @property
    def source_name(self) -> str:
        """The file the policy was loaded from, or ``"<policy>"``."""
    def __reduce__(self) -> tuple[Any, tuple[str, list[tuple[str, str]]]]: ...

@final
class Engine:
    """A compiled policy: check one draft, many in parallel, or a stream."""

    def __new__(cls, policy: Policy, *, lang: str = "de") -> "Engine": ...
    @property
    def policy(self) -> Policy:
        """The policy this engine was compiled from."""
    @property
    def lang(self) -> str:
        """Language of messages: ``"de"`` or ``"en"``."""
    def check(
        self,
        draft: _Draft,
        *,
        account: Optional[str] = None,
        platforms: Optional[Sequence[str]] = None,
        history: _History = None,
        now: _Now = None,
    ) -> "Report":
        """Checks one draft and returns its report."""
    def check_many(
        self,
        drafts: Iterable[_Draft],
        *,
        history: _History = None,
        now: _Now = None,
        threads: Optional[int] = None,
        on_error: _OnError = "raise",
        progress: bool = False,
    ) -> list[Any]:
        """Checks many drafts in parallel; a list of ``Report`` (or, with
        ``on_error="return"``, the ``DraftError`` of a draft that cannot be checked).
        ``progress=True`` shows a tqdm bar when tqdm is installed, else warns
        (``UserWarning``) and checks without one."""
    def iter_check(
        self,
        drafts: Iterable[_Draft],
        *,
        history: _History = None,
        now: _Now = None,
        threads: Optional[int] = None,
        chunk_size: int = 1024,
        on_error: _OnError = "raise",
    ) -> "ReportIterator":
        """Streams: checks chunks of any iterable in parallel, yields in input order."""
    def __reduce__(self) -> tuple[Any, tuple[Policy, str]]: ...

@final
class ReportIterator:
    """Results of ``Engine.iter_check`` in input order."""

    def __iter__(self) -> "ReportIterator": ...
    def __next__(self) -> Any: ...

@final
class Span:
    """A region of the draft text; ``text[span.start_char:span.end_char]`` in Python."""

    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def start_char(self) -> int: ...
    @property
    def end_char(self) -> int: ...
    @property
    def start_utf16(self) -> int: ...
    @property
    def end_utf16(self) -> int: ...
    @property
    def line(self) -> int: ...
    @property
    def column(self) -> int: ...
    @property
    def end_line(self) -> int: ...
    @property
    def end_column(self) -> int: ...
    def to_dict(self) -> dict[str, int]: ...

@final
class Suggestion:
    """Replace the text at ``span`` by ``replacement``."""

    @property
    def replacement(self) -> str: ...
    @property
    def span(self) -> Span: ...
    def to_dict(self) -> dict[str, Any]: ...

@final
class Diagnostic:
    """One finding of one rule."""

    @property
    def rule(self) -> str: ...
    @property
    def severity(self) -> Literal["error", "warning", "info"]: ...
    @property
    def message(self) -> str: ...
    @property
    def help(self) -> Optional[str]: ...
    @property
    def platform(self) -> Optional[str]: ...
    @property
    def span(self) -> Optional[Span]: ...
    @property
    def suggestions(self) -> list[Suggestion]: ...
    @property
    def waived(self) -> Optional[_Waived]:
        """Who let the finding stand and why, or None; a waived finding does not count."""
    def to_dict(self) -> dict[str, Any]: ...

@final
class Report:
    """The result of checking one draft (the JSON contract as an object)."""

    @property
    def verdict(self) -> Literal["pass", "warn", "block"]: ...
    @property
    def diagnostics(self) -> list[Diagnostic]: ...
    @property
    def measures(self) -> dict[str, _Measure]: ...
    @property
    def policy_digest(self) -> str: ...
    @property
    def engine_version(self) -> str: ...
    def count(self, severity: str = "error") -> int:
        """Number of diagnostics at or above ``severity``; waived ones do not count."""
    def to_dict(self) -> dict[str, Any]:
        """The report as a dict, equal to the JSON contract."""
    def to_json(self) -> str:
        """The report as JSON text."""
    def __reduce__(self) -> tuple[Any, tuple[str]]: ...
    def __len__(self) -> int: ...

def count(platform: str, text: str, *, lang: str = "de") -> _Count:
    """Counts ``text`` the way ``platform`` does, with the built-in limits."""

@final
class ArchivedPost:
    """A published post read from an archive: the draft and where it was in the file."""

    @property
    def record(self) -> int:
        """1-based number of the record in the file (skipped records count too)."""
    @property
    def line(self) -> Optional[int]:
        """1-based line the record starts on, or None."""
    @property
    def draft(self) -> dict[str, Any]:
        """The post as a draft dict with ``published_at``, ready for ``Engine.check``."""
    @property
    def notes(self) -> list[_Note]:
        """What the reader noticed and read all the same (e.g. ``weekday-mismatch``)."""

@final
class Archive:
    """The records of an archive file in source order."""

    @property
    def format(self) -> str:
        """``jsonl``, ``csv``, ``facebook``, ``instagram``, ``x`` or ``mastodon``."""
    @property
    def records(self) -> list[Union[ArchivedPost, "ArchiveRecordError"]]:
        """Posts and (unraised) record errors, in source order."""
    @property
    def skipped(self) -> list[_Skipped]:
        """Records left out on purpose (reposts, direct messages, empty entries)."""
    def __len__(self) -> int: ...

def read_archive(
    path: Union[str, os.PathLike[str]],
    *,
    format: Optional[str] = None,
    account: Optional[str] = None,
    platform: Optional[str] = None,
    columns: Union[Mapping[str, str], str, None] = None,
    time_zone: Optional[str] = None,
    errors: Literal["raise", "return", "skip"] = "return",
    lang: str = "de",
) -> Archive:
    """Reads an archive file with core's readers (format recognised unless named)."""

def _policy_from_sources(entry: str, files: Sequence[tuple[str, str]]) -> Policy: ...
def _engine(policy: Policy, lang: str) -> Engine: ...
def _report_from_json(json: str) -> Report: ...

class FreigabeError(Exception):
    """Base of every error freigabe raises."""

    kind: str
    message: str
    help: Optional[str]
    line: Optional[int]
    column: Optional[int]
    source_name: Optional[str]
    index: Optional[int]

class PolicyError(FreigabeError): ...
class PolicySyntaxError(PolicyError): ...
class UnknownKeyError(PolicyError): ...
class MissingKeyError(PolicyError): ...
class InvalidValueError(PolicyError): ...
class UnknownReferenceError(PolicyError): ...
class ExtendsError(PolicyError): ...
class PolicyReadError(PolicyError): ...
class DraftError(FreigabeError): ...
class InvalidDraftError(DraftError): ...
class InputTooLargeError(DraftError): ...
class UnknownAccountError(DraftError): ...
class ArchiveError(FreigabeError): ...
class ArchiveFormatError(ArchiveError): ...
class ArchiveSyntaxError(ArchiveError): ...
class MissingColumnError(ArchiveError): ...
class ArchiveOptionError(ArchiveError): ...
class ArchiveReadError(ArchiveError): ...

class ArchiveRecordError(ArchiveError):
    record: int
    record_id: Optional[str]

class ArgumentError(FreigabeError): ...
