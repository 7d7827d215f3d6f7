"""freigabe: check social-media drafts of German city administrations before they go out.

Compile a policy once, check many drafts::

    import freigabe

    policy = freigabe.Policy.from_file("policies/paderborn.toml")
    engine = freigabe.Engine(policy)
    report = engine.check("Guten Morgen, Paderborn!", account="buergermeister")
    print(report.verdict, [d.rule for d in report.diagnostics])

Spans carry offsets in every encoding; Python indexes ``str`` by characters, so slice
with ``text[span.start_char:span.end_char]``. Messages are German unless ``lang="en"``.
Every error is a ``FreigabeError`` subclass.

``freigabe.archive`` reads published posts from platform exports; ``freigabe.pandas``
checks a DataFrame column (pandas is optional and imported only there).
"""

from freigabe._freigabe import (
    MAX_DRAFT_BYTES,
    ArchiveError,
    ArchiveFormatError,
    ArchiveOptionError,
    ArchiveReadError,
    ArchiveRecordError,
    ArchiveSyntaxError,
    MissingColumnError,
    ArgumentError,
    Diagnostic,
    DraftError,
    Engine,
    ExtendsError,
    FreigabeError,
    InputTooLargeError,
    InvalidDraftError,
    InvalidValueError,
    MissingKeyError,
    Policy,
    PolicyError,
    PolicyReadError,
    PolicySyntaxError,
    Report,
    ReportIterator,
    Span,
    Suggestion,
    UnknownAccountError,
    UnknownKeyError,
    UnknownReferenceError,
    __version__,
    count,
)

__all__ = [
    "MAX_DRAFT_BYTES",
    "ArchiveError",
    "ArchiveFormatError",
    "ArchiveOptionError",
    "ArchiveReadError",
    "ArchiveRecordError",
    "ArchiveSyntaxError",
    "MissingColumnError",
    "ArgumentError",
    "Diagnostic",
    "DraftError",
    "Engine",
    "ExtendsError",
    "FreigabeError",
    "InputTooLargeError",
    "InvalidDraftError",
    "InvalidValueError",
    "MissingKeyError",
    "Policy",
    "PolicyError",
    "PolicyReadError",
    "PolicySyntaxError",
    "Report",
    "ReportIterator",
    "Span",
    "Suggestion",
    "UnknownAccountError",
    "UnknownKeyError",
    "UnknownReferenceError",
    "__version__",
    "count",
]
