//! The one place where core errors become Python exceptions.
//!
//! Every exception derives from `FreigabeError` and carries the same attributes: `kind`
//! (core's stable kind name), `message`, `help`, `line`, `column`, `source_name` and
//! `index` (position in a batch). `str(error)` is the located message, the source snippet
//! for policies, and the help line, in the language the caller chose.

use freigabe::archive::{ArchiveErrorKind, RecordError};
use freigabe::policy::Localized;
use freigabe::{InputError, InputErrorKind, Lang, PolicyErrorKind};
use pyo3::exceptions::PyException;
use pyo3::prelude::*;
use pyo3::types::PyType;

pyo3::create_exception!(
    freigabe,
    FreigabeError,
    PyException,
    "Base of every error freigabe raises. Attributes: `kind` (stable name such as \
     `syntax` or `invalid-draft`), `message` (one lowercase line), `help` (how to fix it, \
     or None), `line`/`column` (1-based, or None), `source_name` (policy file, or None) and \
     `index` (position of the draft in a batch, or None)."
);
pyo3::create_exception!(
    freigabe,
    PolicyError,
    FreigabeError,
    "A policy cannot be read, parsed or compiled."
);
pyo3::create_exception!(
    freigabe,
    PolicySyntaxError,
    PolicyError,
    "The policy is not valid TOML; `line` and `column` point at the mistake."
);
pyo3::create_exception!(
    freigabe,
    UnknownKeyError,
    PolicyError,
    "The policy uses a key, rule or platform the format does not know; `help` suggests \
     the closest one."
);
pyo3::create_exception!(
    freigabe,
    MissingKeyError,
    PolicyError,
    "The policy lacks a required key."
);
pyo3::create_exception!(
    freigabe,
    InvalidValueError,
    PolicyError,
    "A policy value has the wrong type or is out of range."
);
pyo3::create_exception!(
    freigabe,
    UnknownReferenceError,
    PolicyError,
    "The policy refers to something it does not define (such as `default-account`)."
);
pyo3::create_exception!(
    freigabe,
    ExtendsError,
    PolicyError,
    "`extends` points to a file that cannot be read, or the chain forms a cycle."
);
pyo3::create_exception!(
    freigabe,
    PolicyReadError,
    PolicyError,
    "The policy file itself cannot be read."
);
pyo3::create_exception!(
    freigabe,
    DraftError,
    FreigabeError,
    "A draft (or its history) cannot be checked."
);
pyo3::create_exception!(
    freigabe,
    InvalidDraftError,
    DraftError,
    "A draft or history entry does not have the contract's shape (unknown key, wrong type, \
     missing `text`)."
);
pyo3::create_exception!(
    freigabe,
    InputTooLargeError,
    DraftError,
    "A draft's text is larger than the engine accepts (1 MiB)."
);
pyo3::create_exception!(
    freigabe,
    UnknownAccountError,
    DraftError,
    "The draft names an account the policy does not define, or none can be chosen."
);
pyo3::create_exception!(
    freigabe,
    ArchiveError,
    FreigabeError,
    "An archive file (or one of its records) cannot be read."
);
pyo3::create_exception!(
    freigabe,
    ArchiveFormatError,
    ArchiveError,
    "The file has none of the known archive shapes, or not the shape of the format asked \
     for; the message names what was expected."
);
pyo3::create_exception!(
    freigabe,
    ArchiveSyntaxError,
    ArchiveError,
    "The archive is not valid JSON or UTF-8 as a whole; `line` and `column` point at it."
);
pyo3::create_exception!(
    freigabe,
    MissingColumnError,
    ArchiveError,
    "A CSV column the mapping needs is not in the header."
);
pyo3::create_exception!(
    freigabe,
    ArchiveOptionError,
    ArchiveError,
    "A reader option is invalid (format name, column mapping)."
);
pyo3::create_exception!(
    freigabe,
    ArchiveReadError,
    ArchiveError,
    "The archive file itself cannot be read."
);
pyo3::create_exception!(
    freigabe,
    ArchiveRecordError,
    ArchiveError,
    "One record of an archive cannot become a draft; the others are read all the same. \
     `record` is its 1-based number in the file, `record_id` its own id (tweet id, status \
     URL) or None."
);
pyo3::create_exception!(
    freigabe,
    ArgumentError,
    FreigabeError,
    "An argument of a binding function is invalid (language, time, thread count, mode)."
);

/// Registers every exception class on the module.
pub fn register(module: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = module.py();
    for (name, class) in [
        ("FreigabeError", py.get_type::<FreigabeError>()),
        ("PolicyError", py.get_type::<PolicyError>()),
        ("PolicySyntaxError", py.get_type::<PolicySyntaxError>()),
        ("UnknownKeyError", py.get_type::<UnknownKeyError>()),
        ("MissingKeyError", py.get_type::<MissingKeyError>()),
        ("InvalidValueError", py.get_type::<InvalidValueError>()),
        (
            "UnknownReferenceError",
            py.get_type::<UnknownReferenceError>(),
        ),
        ("ExtendsError", py.get_type::<ExtendsError>()),
        ("PolicyReadError", py.get_type::<PolicyReadError>()),
        ("DraftError", py.get_type::<DraftError>()),
        ("InvalidDraftError", py.get_type::<InvalidDraftError>()),
        ("InputTooLargeError", py.get_type::<InputTooLargeError>()),
        ("UnknownAccountError", py.get_type::<UnknownAccountError>()),
        ("ArchiveError", py.get_type::<ArchiveError>()),
        ("ArchiveFormatError", py.get_type::<ArchiveFormatError>()),
        ("ArchiveSyntaxError", py.get_type::<ArchiveSyntaxError>()),
        ("MissingColumnError", py.get_type::<MissingColumnError>()),
        ("ArchiveOptionError", py.get_type::<ArchiveOptionError>()),
        ("ArchiveReadError", py.get_type::<ArchiveReadError>()),
        ("ArchiveRecordError", py.get_type::<ArchiveRecordError>()),
        ("ArgumentError", py.get_type::<ArgumentError>()),
    ] {
        module.add(name, class)?;
    }
    Ok(())
}

/// What an exception says, before it becomes a Python object.
struct Details<'a> {
    kind: &'a str,
    message: &'a str,
    help: Option<&'a str>,
    position: Option<(usize, usize)>,
    source_name: Option<&'a str>,
    /// The full text of `str(error)`.
    text: String,
}

impl<'a> Details<'a> {
    /// An error whose text is its located headline and the help line, in `lang`.
    fn located(
        kind: &'a str,
        message: &'a Localized,
        help: Option<&'a Localized>,
        position: Option<(usize, usize)>,
        headline: String,
        lang: Lang,
    ) -> Details<'a> {
        let help = help.map(|help| help.get(lang));
        let mut text = headline;
        push_help(&mut text, help, lang);
        Details {
            kind,
            message: message.get(lang),
            help,
            position,
            source_name: None,
            text,
        }
    }
}

/// The exception for a policy error, in `lang`.
pub fn policy_error(py: Python<'_>, error: &freigabe::PolicyError, lang: Lang) -> PyErr {
    let class = match error.kind {
        PolicyErrorKind::Syntax => py.get_type::<PolicySyntaxError>(),
        PolicyErrorKind::UnknownKey => py.get_type::<UnknownKeyError>(),
        PolicyErrorKind::MissingKey => py.get_type::<MissingKeyError>(),
        PolicyErrorKind::InvalidValue => py.get_type::<InvalidValueError>(),
        PolicyErrorKind::UnknownReference => py.get_type::<UnknownReferenceError>(),
        PolicyErrorKind::Extends => py.get_type::<ExtendsError>(),
        PolicyErrorKind::Read => py.get_type::<PolicyReadError>(),
        _ => py.get_type::<PolicyError>(),
    };
    let location = error.location.as_deref();
    let details = Details {
        kind: error.kind.as_str(),
        message: error.message.get(lang),
        help: error.help.as_ref().map(|help| help.get(lang)),
        position: location.map(|l| (l.line, l.column)),
        source_name: Some(location.map_or(error.file.as_str(), |l| l.file.as_str())),
        text: error.render(lang),
    };
    build(&class, &details, None)
}

/// The exception for a draft error, in `lang`; `index` is the draft's place in a batch.
pub fn input_error(py: Python<'_>, error: &InputError, lang: Lang, index: Option<usize>) -> PyErr {
    let class = match error.kind {
        InputErrorKind::InvalidDraft => py.get_type::<InvalidDraftError>(),
        InputErrorKind::TooLarge => py.get_type::<InputTooLargeError>(),
        InputErrorKind::UnknownAccount => py.get_type::<UnknownAccountError>(),
        _ => py.get_type::<DraftError>(),
    };
    let help = error.help.as_ref().map(|help| help.get(lang));
    let mut text = error.headline(lang);
    if let Some(index) = index {
        text = match lang {
            Lang::En => format!("draft #{index}: {text}"),
            _ => format!("Entwurf #{index}: {text}"),
        };
    }
    push_help(&mut text, help, lang);
    let details = Details {
        kind: error.kind.as_str(),
        message: error.message.get(lang),
        help,
        position: error.position,
        source_name: None,
        text,
    };
    build(&class, &details, index)
}

/// The exception for an archive that cannot be read, in `lang`.
pub fn archive_error(py: Python<'_>, error: &freigabe::archive::ArchiveError, lang: Lang) -> PyErr {
    let class = match error.kind {
        ArchiveErrorKind::UnknownFormat => py.get_type::<ArchiveFormatError>(),
        ArchiveErrorKind::Syntax => py.get_type::<ArchiveSyntaxError>(),
        ArchiveErrorKind::MissingColumn => py.get_type::<MissingColumnError>(),
        ArchiveErrorKind::InvalidOption => py.get_type::<ArchiveOptionError>(),
        _ => py.get_type::<ArchiveError>(),
    };
    let details = Details::located(
        error.kind.as_str(),
        &error.message,
        error.help.as_ref(),
        error.position,
        error.headline(lang),
        lang,
    );
    build(&class, &details, None)
}

/// The exception for an archive file that cannot be opened or read.
pub fn archive_read_error(py: Python<'_>, file: &str, error: &std::io::Error, lang: Lang) -> PyErr {
    let message = Localized::new(
        format!("Archiv `{file}` nicht lesbar: {error}"),
        format!("cannot read archive `{file}`: {error}"),
    );
    let help = Localized::new(
        "Pfad und Leserechte prüfen",
        "check the path and the read permission",
    );
    let mut text = message.get(lang).to_owned();
    push_help(&mut text, Some(help.get(lang)), lang);
    let details = Details {
        kind: "read",
        message: message.get(lang),
        help: Some(help.get(lang)),
        position: None,
        source_name: Some(file),
        text,
    };
    build(&py.get_type::<ArchiveReadError>(), &details, None)
}

/// The exception object for one archive record that cannot be read, with its `record`
/// number and `record_id`.
pub fn record_error(py: Python<'_>, error: &RecordError, lang: Lang) -> PyErr {
    let details = Details::located(
        error.kind.as_str(),
        &error.message,
        error.help.as_deref(),
        error.position,
        error.headline(lang),
        lang,
    );
    let built = build(&py.get_type::<ArchiveRecordError>(), &details, None);
    let value = built.value(py);
    let extra = value
        .setattr("record", error.locator.record)
        .and_then(|()| value.setattr("record_id", error.id.as_deref()));
    match extra {
        Ok(()) => built,
        Err(error) => error,
    }
}

/// An invalid argument of a binding function, with a help line.
pub fn argument_error(py: Python<'_>, message: &Localized, help: &Localized, lang: Lang) -> PyErr {
    let mut text = message.get(lang).to_owned();
    push_help(&mut text, Some(help.get(lang)), lang);
    let details = Details {
        kind: "invalid-argument",
        message: message.get(lang),
        help: Some(help.get(lang)),
        position: None,
        source_name: None,
        text,
    };
    build(&py.get_type::<ArgumentError>(), &details, None)
}

fn push_help(text: &mut String, help: Option<&str>, lang: Lang) {
    if let Some(help) = help {
        text.push_str(match lang {
            Lang::En => "\nhelp: ",
            _ => "\nhilfe: ",
        });
        text.push_str(help);
    }
}

/// Instantiates `class` and sets the attributes every freigabe exception has.
fn build(class: &Bound<'_, PyType>, details: &Details<'_>, index: Option<usize>) -> PyErr {
    let attempt = || -> PyResult<PyErr> {
        let error = class.call1((details.text.as_str(),))?;
        error.setattr("kind", details.kind)?;
        error.setattr("message", details.message)?;
        error.setattr("help", details.help)?;
        error.setattr("line", details.position.map(|p| p.0))?;
        error.setattr("column", details.position.map(|p| p.1))?;
        error.setattr("source_name", details.source_name)?;
        error.setattr("index", index)?;
        Ok(PyErr::from_value(error))
    };
    // Creating an exception object fails only when Python itself is out of memory; that
    // error is then the one to raise.
    attempt().unwrap_or_else(|error| error)
}
