//! `read_archive`: core's archive readers (Facebook, Instagram, X, Mastodon, JSONL, CSV)
//! for Python. The binding reads the file and converts options and results; detection and
//! parsing are core's (`freigabe::archive`).

use std::path::PathBuf;

use freigabe::Lang;
use freigabe::archive::{
    self, ArchiveOptions, ArchivedPost as CorePost, CsvColumns, SkippedRecord,
};
use freigabe::policy::Localized;
use jiff::tz::TimeZone;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyString};

use crate::convert;
use crate::errors::{archive_error, archive_read_error, argument_error, record_error};

/// A published post read from an archive: the draft and where it was in the file.
#[pyclass(module = "freigabe", frozen, skip_from_py_object)]
pub struct ArchivedPost {
    post: CorePost,
    /// The language of `read_archive`, for the notes' messages.
    lang: Lang,
}

#[pymethods]
impl ArchivedPost {
    /// 1-based number of the record in the file (skipped records count too).
    #[getter]
    fn record(&self) -> usize {
        self.post.locator.record
    }

    /// 1-based line the record starts on, or None where the format has no lines.
    #[getter]
    fn line(&self) -> Option<usize> {
        self.post.locator.line
    }

    /// The post as a draft dict with the contract's keys and `published_at`, ready for
    /// `Engine.check`.
    #[getter]
    fn draft<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        pythonize::pythonize(py, &self.post.draft).map_err(PyErr::from)
    }

    /// What the reader noticed in the record and read all the same:
    /// `{"kind", "message", "help"}` each (`kind` e.g. `weekday-mismatch`), the same
    /// notes `freigabe batch` writes in its rows.
    #[getter]
    fn notes<'py>(&self, py: Python<'py>) -> PyResult<Vec<Bound<'py, PyDict>>> {
        self.post
            .notes
            .iter()
            .map(|note| {
                let dict = PyDict::new(py);
                dict.set_item("kind", note.kind.as_str())?;
                dict.set_item("message", note.message.get(self.lang))?;
                dict.set_item("help", note.help.as_ref().map(|help| help.get(self.lang)))?;
                Ok(dict)
            })
            .collect()
    }

    fn __repr__(&self) -> String {
        format!(
            "ArchivedPost(record={}, id={:?}, published_at={:?})",
            self.post.locator.record,
            self.post.draft.id,
            self.post.draft.published_at.map(|time| time.to_string()),
        )
    }
}

/// The records of an archive file in source order.
///
/// `records` holds an `ArchivedPost` per post and, in the place of a record that cannot be
/// read, its `ArchiveRecordError` (not raised); `skipped` lists records left out on
/// purpose (reposts, direct messages, empty entries) as dicts with `record`, `line`, `id`
/// and `reason`.
#[pyclass(module = "freigabe", frozen)]
pub struct Archive {
    format: &'static str,
    records: Vec<Py<PyAny>>,
    skipped: Vec<SkippedRecord>,
}

#[pymethods]
impl Archive {
    /// The format the file was read as: `jsonl`, `csv`, `facebook`, `instagram`, `x`,
    /// `mastodon`.
    #[getter]
    fn format(&self) -> &'static str {
        self.format
    }

    /// Posts and record errors, in source order.
    #[getter]
    fn records(&self, py: Python<'_>) -> Vec<Py<PyAny>> {
        self.records.iter().map(|item| item.clone_ref(py)).collect()
    }

    /// Records left out on purpose: `{"record", "line", "id", "reason"}` each, `reason`
    /// one of `repost`, `direct`, `empty`, `not-a-post`.
    #[getter]
    fn skipped<'py>(&self, py: Python<'py>) -> PyResult<Vec<Bound<'py, PyDict>>> {
        self.skipped
            .iter()
            .map(|skipped| {
                let dict = PyDict::new(py);
                dict.set_item("record", skipped.locator.record)?;
                dict.set_item("line", skipped.locator.line)?;
                dict.set_item("id", skipped.id.as_deref())?;
                dict.set_item("reason", skipped.reason.as_str())?;
                Ok(dict)
            })
            .collect()
    }

    fn __len__(&self) -> usize {
        self.records.len()
    }

    fn __repr__(&self) -> String {
        format!(
            "Archive(format={:?}, records={}, skipped={})",
            self.format,
            self.records.len(),
            self.skipped.len()
        )
    }
}

/// Reads an archive file with core's readers and returns its records.
///
/// `format` names the format (`jsonl`, `csv`, `facebook`, `instagram`, `x`, `mastodon`);
/// by default it is recognised from the content and the file name. `account` is set on
/// records that name none, `platform` on JSONL/CSV records that name none. `columns` maps
/// draft fields to CSV header names (`{"text": "message"}` or `"text=message"`);
/// `time_zone` is the IANA zone of CSV times without offset (default `Europe/Berlin`).
/// A file of no known shape raises `ArchiveFormatError` naming what was expected.
///
/// `errors` is what happens to a record that cannot be read: `"return"` puts its
/// `ArchiveRecordError` in its place in `records`, `"raise"` raises the first one, `"skip"`
/// leaves it out.
#[pyfunction]
#[pyo3(signature = (path, *, format = None, account = None, platform = None, columns = None, time_zone = None, errors = "return", lang = "de"))]
#[allow(clippy::too_many_arguments)]
pub fn read_archive(
    py: Python<'_>,
    path: PathBuf,
    format: Option<&str>,
    account: Option<String>,
    platform: Option<&str>,
    columns: Option<&Bound<'_, PyAny>>,
    time_zone: Option<&str>,
    errors: &str,
    lang: &str,
) -> PyResult<Archive> {
    let lang = convert::lang(py, lang)?;
    let errors = RecordErrors::parse(py, errors, lang)?;
    let options = ArchiveOptions {
        format: format
            .map(str::parse)
            .transpose()
            .map_err(|error| archive_error(py, &error, lang))?,
        account,
        platform: platform
            .map(|name| convert::platform(py, name, lang))
            .transpose()?,
        columns: csv_columns(py, columns, lang)?,
        time_zone: time_zone.map(|name| zone(py, name, lang)).transpose()?,
    };
    let file_name = path.to_string_lossy().into_owned();
    let bytes =
        std::fs::read(&path).map_err(|error| archive_read_error(py, &file_name, &error, lang))?;
    let read = py
        .detach(|| archive::read(&file_name, &bytes, &options))
        .map_err(|error| archive_error(py, &error, lang))?;
    let mut records = Vec::with_capacity(read.records.len());
    for record in read.records {
        match (record, errors) {
            (Ok(post), _) => {
                records.push(Py::new(py, ArchivedPost { post, lang })?.into_any());
            }
            (Err(error), RecordErrors::Raise) => return Err(record_error(py, &error, lang)),
            (Err(error), RecordErrors::Return) => {
                records.push(record_error(py, &error, lang).into_value(py).into_any());
            }
            (Err(_), RecordErrors::Skip) => {}
        }
    }
    Ok(Archive {
        format: read.format.as_str(),
        records,
        skipped: read.skipped,
    })
}

/// What `read_archive` does with a record that cannot be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum RecordErrors {
    Raise,
    Return,
    Skip,
}

impl RecordErrors {
    fn parse(py: Python<'_>, value: &str, lang: Lang) -> PyResult<RecordErrors> {
        match value {
            "raise" => Ok(RecordErrors::Raise),
            "return" => Ok(RecordErrors::Return),
            "skip" => Ok(RecordErrors::Skip),
            other => Err(argument_error(
                py,
                &Localized::new(
                    format!("Unbekannter Wert `{other}` für `errors`"),
                    format!("unknown value `{other}` for `errors`"),
                ),
                &Localized::new(
                    "`\"raise\"`, `\"return\"` oder `\"skip\"` angeben",
                    "use `\"raise\"`, `\"return\"` or `\"skip\"`",
                ),
                lang,
            )),
        }
    }
}

/// `columns`: a dict of draft field to header name, or core's `field=header,…` text.
fn csv_columns(
    py: Python<'_>,
    value: Option<&Bound<'_, PyAny>>,
    lang: Lang,
) -> PyResult<CsvColumns> {
    let Some(value) = value.filter(|v| !v.is_none()) else {
        return Ok(CsvColumns::default());
    };
    let mapping = if let Ok(text) = value.cast::<PyString>() {
        text.to_cow()?.into_owned()
    } else if let Ok(dict) = value.cast::<PyDict>() {
        let mut pairs = Vec::new();
        for (field, header) in dict.iter() {
            let (field, header): (String, String) = (field.extract()?, header.extract()?);
            // Core's mapping text separates pairs with commas.
            if header.contains(',') {
                return Err(argument_error(
                    py,
                    &Localized::new(
                        format!("Spaltenname `{header}` enthält ein Komma"),
                        format!("column name `{header}` contains a comma"),
                    ),
                    &Localized::new(
                        "Die Spalte in der CSV-Datei umbenennen",
                        "rename the column in the CSV file",
                    ),
                    lang,
                ));
            }
            pairs.push(format!("{field}={header}"));
        }
        pairs.join(",")
    } else {
        return Err(argument_error(
            py,
            &Localized::new(
                "`columns` ist weder `dict` noch `str`",
                "`columns` is neither a dict nor text",
            ),
            &Localized::new(
                "Z. B. `{\"text\": \"message\"}` oder `\"text=message\"` angeben",
                "use e.g. `{\"text\": \"message\"}` or `\"text=message\"`",
            ),
            lang,
        ));
    };
    mapping
        .parse()
        .map_err(|error| archive_error(py, &error, lang))
}

/// An IANA time zone from the bundled database.
fn zone(py: Python<'_>, name: &str, lang: Lang) -> PyResult<TimeZone> {
    TimeZone::get(name).map_err(|_| {
        argument_error(
            py,
            &Localized::new(
                format!("Unbekannte Zeitzone `{name}`"),
                format!("unknown time zone `{name}`"),
            ),
            &Localized::new(
                "Einen IANA-Namen angeben, z. B. `Europe/Berlin`",
                "use an IANA name such as `Europe/Berlin`",
            ),
            lang,
        )
    })
}
