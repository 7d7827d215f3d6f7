"""freigabe for pandas: check a DataFrame of posts, read an archive into a DataFrame.

pandas is optional: ``pip install freigabe[pandas]`` (or any pandas >= 1.5). ::

    import freigabe, freigabe.pandas

    engine = freigabe.Engine(freigabe.Policy.from_file("policies/paderborn.toml"))
    posts = freigabe.pandas.read_archive("examples/archives/x/data/tweets.js",
                                         account="buergermeister")
    findings = freigabe.pandas.check_frame(posts, engine)
    findings.groupby("rule").size()

``check_frame`` hands every row to ``Engine.check_many`` (parallel, without the GIL) and
returns one row per finding; the functions are plain functions of a frame, so Dask's
``map_partitions`` runs them per partition (engines pickle to worker processes).
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any, Literal, Optional, Union

import freigabe.archive
from freigabe._freigabe import ArchivedPost, Engine

if TYPE_CHECKING:
    import pandas as _pd  # type: ignore[import-untyped, import-not-found, unused-ignore]

__all__ = ["FINDING_COLUMNS", "SEVERITIES", "check_frame", "empty_findings", "read_archive"]

#: Columns of ``check_frame``'s result, in order.
FINDING_COLUMNS = (
    "row",
    "rule",
    "severity",
    "message",
    "help",
    "platform",
    "start_char",
    "end_char",
    "line",
    "column",
    "waived_by",
)

#: Severities in ascending order: the categories of the ``severity`` column.
SEVERITIES = ("info", "warning", "error")

#: Draft keys ``read_archive`` turns into columns, in order (``media``/``approvals``/``labels``
#: only where some record has them).
ARCHIVE_COLUMNS = ("id", "published_at", "account", "platforms", "author", "text")


def _pandas() -> Any:
    try:
        import pandas
    except ImportError as error:
        raise ImportError(
            "freigabe.pandas needs pandas: pip install 'freigabe[pandas]' (or pandas>=1.5)"
        ) from error
    return pandas


def _column_or_constant(frame: "_pd.DataFrame", value: Any) -> tuple[bool, Any]:
    """A ``str`` naming a column of ``frame`` is that column's values; anything else is a
    constant for every row."""
    if isinstance(value, str) and value in frame.columns:
        return True, frame[value].tolist()
    return False, value


def _missing(value: Any) -> bool:
    """None, NaN and pandas' NA/NaT: a cell that says nothing."""
    if value is None:
        return True
    try:
        return bool(value != value)  # NaN, NaT
    except (TypeError, ValueError):
        return False


#: Draft keys taken from same-named columns where the frame has them.
DRAFT_COLUMNS = (
    "id",
    "post_id",
    "author",
    "scheduled_at",
    "published_at",
    "reply_to",
    "media",
    "approvals",
    "labels",
    "waivers",
)


def _cell(value: Any) -> Any:
    """A cell as the draft contract wants it: times as RFC 3339, arrays as lists."""
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if hasattr(value, "tolist"):
        return value.tolist()
    return value


def _drafts(
    frame: "_pd.DataFrame", text: str, account: Any, platforms: Any
) -> list[dict[str, Any]]:
    if text not in frame.columns:
        known = ", ".join(f"`{name}`" for name in frame.columns)
        raise KeyError(f"column `{text}` is not in the frame (columns: {known})")
    texts = frame[text].tolist()
    # None: the same-named column where there is one (a read_archive frame has both).
    if account is None and "account" in frame.columns:
        account = "account"
    if platforms is None and "platforms" in frame.columns:
        platforms = "platforms"
    per_row_account, accounts = _column_or_constant(frame, account)
    per_row_platforms, platform_values = _column_or_constant(frame, platforms)
    if isinstance(platform_values, str):
        platform_values = [platform_values]
    extras = [
        (name, frame[name].tolist())
        for name in DRAFT_COLUMNS
        if name in frame.columns and name not in (text, account, platforms)
    ]
    drafts: list[dict[str, Any]] = []
    for i, value in enumerate(texts):
        draft: dict[str, Any] = {"text": "" if _missing(value) else value}
        row_account = accounts[i] if per_row_account else accounts
        if not _missing(row_account):
            draft["account"] = row_account
        row_platforms = platform_values[i] if per_row_platforms else platform_values
        if isinstance(row_platforms, str):
            row_platforms = [row_platforms]
        if row_platforms is not None and not (
            isinstance(row_platforms, float) and row_platforms != row_platforms
        ):
            draft["platforms"] = list(row_platforms)
        for name, values in extras:
            if not _missing(values[i]):
                draft[name] = _cell(values[i])
        drafts.append(draft)
    return drafts


def empty_findings(index_dtype: Any = "int64") -> "_pd.DataFrame":
    """A findings frame without rows: the columns and dtypes of ``check_frame``'s result
    (Dask's ``meta``)."""
    pd = _pandas()
    return _findings_frame(pd, pd.Index([], dtype=index_dtype), {})


def _findings_frame(pd: Any, rows: Any, columns: Mapping[str, list[Any]]) -> "_pd.DataFrame":
    def strings(name: str) -> Any:
        return pd.array(columns.get(name, []), dtype="string")

    def ints(name: str) -> Any:
        return pd.array(columns.get(name, []), dtype="Int64")

    return pd.DataFrame(
        {
            "row": rows,
            "rule": strings("rule"),
            "severity": pd.Categorical(
                columns.get("severity", []), categories=list(SEVERITIES), ordered=True
            ),
            "message": strings("message"),
            "help": strings("help"),
            "platform": strings("platform"),
            "start_char": ints("start_char"),
            "end_char": ints("end_char"),
            "line": ints("line"),
            "column": ints("column"),
            "waived_by": strings("waived_by"),
        },
        columns=list(FINDING_COLUMNS),
    )


def check_frame(
    frame: "_pd.DataFrame",
    engine: Engine,
    *,
    text: str = "text",
    account: Optional[str] = None,
    platforms: Union[str, Sequence[str], None] = None,
    history: Any = None,
    now: Any = None,
    threads: Optional[int] = None,
    keep: Sequence[str] = (),
) -> "_pd.DataFrame":
    """Checks the ``text`` column of every row and returns one row per finding.

    ``account`` and ``platforms`` are a column name of ``frame`` or a constant for every
    row (a platform name or a list of them); None means the ``account``/``platforms``
    column if the frame has one, else the draft contract's default (the policy's default
    account, the account's platforms). A ``platforms`` cell is a list or
    one name. The other draft keys (``DRAFT_COLUMNS``: ``id``, ``post_id``, ``author``,
    ``scheduled_at``, ``published_at``, ``reply_to``, ``media``, ``approvals``,
    ``labels``, ``waivers``) come from
    same-named columns where the frame has them, so a ``read_archive`` frame checks like
    its archive. ``history``/``now``/``threads`` as for ``Engine.check_many``.

    Result columns (``FINDING_COLUMNS``): ``row`` (the source row's index label), ``rule``,
    ``severity`` (ordered categorical info < warning < error), ``message``, ``help``,
    ``platform``, ``start_char``/``end_char`` (``str`` offsets into the text), ``line``,
    ``column`` (1-based; nullable ``Int64``, missing for findings about the whole post),
    ``waived_by`` (who let the finding stand with a draft's ``waivers``; missing for findings
    that count), then the ``keep`` columns copied from the source row. No findings: an empty frame with
    these columns and dtypes.

    A row that is not a valid draft (an unknown account or platform) raises its
    ``DraftError``; ``error.index`` is its position and ``error.row`` its index label.
    """
    pd = _pandas()
    drafts = _drafts(frame, text, account, platforms)
    try:
        reports = engine.check_many(drafts, history=history, now=now, threads=threads)
    except Exception as error:
        position = getattr(error, "index", None)
        if position is not None:
            error.row = frame.index[position]  # type: ignore[attr-defined]
        raise
    positions: list[int] = []
    columns: dict[str, list[Any]] = {name: [] for name in FINDING_COLUMNS[1:]}
    for position, report in enumerate(reports):
        for diagnostic in report.diagnostics:
            positions.append(position)
            columns["rule"].append(diagnostic.rule)
            columns["severity"].append(diagnostic.severity)
            columns["message"].append(diagnostic.message)
            columns["help"].append(diagnostic.help)
            columns["platform"].append(diagnostic.platform)
            waived = diagnostic.waived
            columns["waived_by"].append(None if waived is None else waived["by"])
            span = diagnostic.span
            if span is None:
                for name in ("start_char", "end_char", "line", "column"):
                    columns[name].append(None)
            else:
                columns["start_char"].append(span.start_char)
                columns["end_char"].append(span.end_char)
                columns["line"].append(span.line)
                columns["column"].append(span.column)
    findings = _findings_frame(pd, frame.index.take(positions), columns)
    for name in keep:
        findings[name] = frame[name].take(positions).to_numpy()
    return findings


def read_archive(
    path: Union[str, "os.PathLike[str]"],
    *,
    format: Optional[str] = None,
    account: Optional[str] = None,
    platform: Optional[str] = None,
    columns: Union[Mapping[str, str], str, None] = None,
    time_zone: Optional[str] = None,
    errors: Literal["raise", "skip"] = "raise",
    lang: str = "de",
) -> "_pd.DataFrame":
    """Reads an archive (see ``freigabe.archive``) into a DataFrame, one row per post.

    Index: the record number in the file (``record``). Columns: ``id``, ``published_at``
    (``datetime64[ns, UTC]``), ``account``, ``platforms`` (lists), ``author``, ``text``,
    and ``media``/``approvals``/``labels`` where records have them. ``errors`` is
    ``"raise"`` (default) or ``"skip"``: a frame has no place for a broken record; use
    ``freigabe.archive.load`` to see them.
    """
    pd = _pandas()
    if errors not in ("raise", "skip"):
        # A frame has rows for posts only; "return" would drop the errors unseen.
        raise ValueError(f"errors must be 'raise' or 'skip', not {errors!r}")
    archive = freigabe.archive.load(
        path,
        format=format,
        account=account,
        platform=platform,
        columns=columns,
        time_zone=time_zone,
        errors=errors,
        lang=lang,
    )
    posts = [record for record in archive.records if isinstance(record, ArchivedPost)]
    drafts = [post.draft for post in posts]
    names = list(ARCHIVE_COLUMNS)
    for extra in ("media", "approvals", "labels", "scheduled_at"):
        if any(extra in draft for draft in drafts):
            names.append(extra)
    frame = pd.DataFrame.from_records(
        [{name: draft.get(name) for name in names} for draft in drafts],
        columns=names,
        index=pd.Index([post.record for post in posts], name="record", dtype="int64"),
    )
    frame["published_at"] = pd.to_datetime(frame["published_at"], utc=True)
    return frame

