//! `Report`, `Diagnostic`, `Suggestion` and `Span`: typed, read-only views of core's report.
//!
//! Each wraps core's value; attributes are read on access, and `to_dict()` is the JSON
//! contract (the same keys and values as `freigabe check --format json`).

use std::sync::Arc;

use freigabe::policy::Localized;
use freigabe::{Lang, Severity};
use pyo3::prelude::*;

use crate::errors::argument_error;

/// Converts a serialisable core value into Python dicts and lists.
fn to_python<'py, T: serde::Serialize>(py: Python<'py>, value: &T) -> PyResult<Bound<'py, PyAny>> {
    pythonize::pythonize(py, value).map_err(PyErr::from)
}

/// A region of the draft text in every offset encoding.
///
/// Python indexes `str` by characters: slice with `text[span.start_char:span.end_char]`.
/// `start`/`end` are UTF-8 byte offsets (for `bytes`), `start_utf16`/`end_utf16` UTF-16
/// code units (JavaScript), `line`/`column` and `end_line`/`end_column` are 1-based, the
/// column counted in characters.
#[pyclass(module = "freigabe", frozen, eq, skip_from_py_object)]
#[derive(Clone, PartialEq)]
pub struct Span(pub freigabe::Span);

#[pymethods]
impl Span {
    /// UTF-8 byte offset of the first byte.
    #[getter]
    fn start(&self) -> usize {
        self.0.start
    }
    /// UTF-8 byte offset one past the last byte.
    #[getter]
    fn end(&self) -> usize {
        self.0.end
    }
    /// Character offset of the start: the index into a Python `str`.
    #[getter]
    fn start_char(&self) -> usize {
        self.0.start_char
    }
    /// Character offset of the end: `text[span.start_char:span.end_char]`.
    #[getter]
    fn end_char(&self) -> usize {
        self.0.end_char
    }
    /// UTF-16 code-unit offset of the start (JavaScript string index).
    #[getter]
    fn start_utf16(&self) -> usize {
        self.0.start_utf16
    }
    /// UTF-16 code-unit offset of the end.
    #[getter]
    fn end_utf16(&self) -> usize {
        self.0.end_utf16
    }
    /// 1-based line of the start.
    #[getter]
    fn line(&self) -> usize {
        self.0.line
    }
    /// 1-based column of the start, in characters.
    #[getter]
    fn column(&self) -> usize {
        self.0.column
    }
    /// 1-based line of the end.
    #[getter]
    fn end_line(&self) -> usize {
        self.0.end_line
    }
    /// 1-based column of the end, in characters (one past the last character).
    #[getter]
    fn end_column(&self) -> usize {
        self.0.end_column
    }
    /// The span as a dict with the contract's keys.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_python(py, &self.0)
    }
    fn __repr__(&self) -> String {
        format!(
            "Span(start_char={}, end_char={}, line={}, column={})",
            self.0.start_char, self.0.end_char, self.0.line, self.0.column
        )
    }
}

/// A proposed edit: replace the text at `span` by `replacement` (`""` deletes).
#[pyclass(module = "freigabe", frozen, eq, skip_from_py_object)]
#[derive(Clone, PartialEq)]
pub struct Suggestion(pub freigabe::Suggestion);

#[pymethods]
impl Suggestion {
    /// The new text.
    #[getter]
    fn replacement(&self) -> &str {
        &self.0.replacement
    }
    /// The region to replace.
    #[getter]
    fn span(&self) -> Span {
        Span(self.0.span)
    }
    /// The suggestion as a dict with the contract's keys.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_python(py, &self.0)
    }
    fn __repr__(&self) -> String {
        format!(
            "Suggestion(replacement={:?}, span={})",
            self.0.replacement,
            Span(self.0.span).__repr__()
        )
    }
}

/// One finding of one rule.
///
/// `rule` is the stable id (`family.name`), `severity` one of `"error"`, `"warning"`,
/// `"info"`, `platform` a platform name or None, `span` the offending region or None.
#[pyclass(module = "freigabe", frozen, eq, skip_from_py_object)]
#[derive(Clone, PartialEq)]
pub struct Diagnostic(pub freigabe::Diagnostic);

#[pymethods]
impl Diagnostic {
    /// Stable rule id such as `"imprint.private"`.
    #[getter]
    fn rule(&self) -> &str {
        &self.0.rule
    }
    /// `"error"`, `"warning"` or `"info"`.
    #[getter]
    fn severity(&self) -> &'static str {
        self.0.severity.as_str()
    }
    /// What is wrong, one line, in the engine's language.
    #[getter]
    fn message(&self) -> &str {
        &self.0.message
    }
    /// How to fix it, or None.
    #[getter]
    fn help(&self) -> Option<&str> {
        self.0.help.as_deref()
    }
    /// The platform the finding is about (`"x"`, `"instagram"`…), or None.
    #[getter]
    fn platform(&self) -> Option<&'static str> {
        self.0.platform.map(|p| p.as_str())
    }
    /// The offending region of the text, or None for findings about the whole post.
    #[getter]
    fn span(&self) -> Option<Span> {
        self.0.span.map(Span)
    }
    /// Edits that would fix the finding.
    #[getter]
    fn suggestions(&self) -> Vec<Suggestion> {
        self.0.suggestions.iter().cloned().map(Suggestion).collect()
    }
    /// Who let the finding stand and why (`{"by", "reason", "at"?}`), or None: a waived
    /// finding does not count for the verdict.
    #[getter]
    fn waived<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        self.0
            .waived
            .as_deref()
            .map(|waived| to_python(py, waived))
            .transpose()
    }
    /// The diagnostic as a dict with the contract's keys.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_python(py, &self.0)
    }
    fn __repr__(&self) -> String {
        let mut out = format!("Diagnostic({} {}", self.0.severity.as_str(), self.0.rule);
        if let Some(platform) = self.0.platform {
            out += &format!(" on {platform}");
        }
        if let Some(span) = self.0.span {
            out += &format!(" at [{}:{}]", span.start_char, span.end_char);
        }
        if let Some(waived) = &self.0.waived {
            out += &format!(" waived by {}", waived.by);
        }
        out + &format!(": {:?})", self.0.message)
    }
}

/// The result of checking one draft: the same object the CLI prints with `--format json`.
///
/// `verdict` is `"block"` if any diagnostic is an error, `"warn"` if any is a warning,
/// else `"pass"`. `measures` maps each target platform to `{"length": n, "limit": n}`.
#[pyclass(module = "freigabe", frozen, eq, skip_from_py_object)]
#[derive(Clone, PartialEq)]
pub struct Report(pub Arc<freigabe::Report>);

#[pymethods]
impl Report {
    /// `"pass"`, `"warn"` or `"block"`.
    #[getter]
    fn verdict(&self) -> &'static str {
        self.0.verdict.as_str()
    }
    /// Findings by position, then rule, then platform.
    #[getter]
    fn diagnostics(&self) -> Vec<Diagnostic> {
        self.0.diagnostics.iter().cloned().map(Diagnostic).collect()
    }
    /// Length and limit per target platform: `{"x": {"length": 120, "limit": 280}}`.
    #[getter]
    fn measures<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_python(py, &self.0.measures)
    }
    /// `sha256:` digest of the policy that produced the report, for audit records.
    #[getter]
    fn policy_digest(&self) -> &str {
        &self.0.policy_digest
    }
    /// Version of the engine that produced the report.
    #[getter]
    fn engine_version(&self) -> &str {
        &self.0.engine_version
    }
    /// Number of diagnostics at or above `severity` (`"info"`, `"warning"`, `"error"`);
    /// waived ones do not count.
    #[pyo3(signature = (severity = "error"))]
    fn count(&self, py: Python<'_>, severity: &str) -> PyResult<usize> {
        let severity = match severity {
            "error" => Severity::Error,
            "warning" => Severity::Warning,
            "info" => Severity::Info,
            other => {
                return Err(argument_error(
                    py,
                    &Localized::new(
                        format!("Unbekannter Schweregrad `{other}`"),
                        format!("unknown severity `{other}`"),
                    ),
                    &Localized::new(
                        "`error`, `warning` oder `info` angeben",
                        "use `error`, `warning` or `info`",
                    ),
                    Lang::De,
                ));
            }
        };
        Ok(self.0.count_at_least(severity))
    }
    /// The report as a dict, equal to the JSON contract.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_python(py, self.0.as_ref())
    }
    /// The report as JSON text, as `freigabe check --format json` prints it.
    fn to_json(&self) -> String {
        self.0.to_json()
    }
    /// Pickles as its JSON text.
    fn __reduce__<'py>(&self, py: Python<'py>) -> crate::Reduced<'py, (String,)> {
        let rebuild = py
            .import("freigabe._freigabe")?
            .getattr("_report_from_json")?;
        Ok((rebuild, (self.0.to_json(),)))
    }
    fn __len__(&self) -> usize {
        self.0.diagnostics.len()
    }
    fn __repr__(&self) -> String {
        let count = |severity| {
            self.0
                .diagnostics
                .iter()
                .filter(|d| d.severity == severity)
                .count()
        };
        format!(
            "Report(verdict={:?}, errors={}, warnings={}, infos={})",
            self.0.verdict.as_str(),
            count(Severity::Error),
            count(Severity::Warning),
            count(Severity::Info)
        )
    }
}

/// Rebuilds a pickled report from its JSON text.
#[pyfunction]
pub fn _report_from_json(py: Python<'_>, json: &str) -> PyResult<Report> {
    serde_json::from_str::<freigabe::Report>(json)
        .map(|report| Report(Arc::new(report)))
        .map_err(|error| {
            argument_error(
                py,
                &Localized::new(
                    format!("Kein Bericht: {error}"),
                    format!("not a report: {error}"),
                ),
                &Localized::new(
                    "Nur mit pickle gespeicherte Berichte laden",
                    "load only reports that pickle wrote",
                ),
                Lang::De,
            )
        })
}
