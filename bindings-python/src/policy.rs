//! `Policy`: a validated policy, loaded from a file (with its `extends` chain) or a string.
//!
//! The binding keeps the text of every file it read, so a policy pickles as those texts and
//! unpickles on another machine (a Dask worker, a spawned process) without the files.

use std::path::PathBuf;

use freigabe::Lang;
use pyo3::prelude::*;
use pyo3::types::PyType;

use crate::convert;
use crate::errors::policy_error;

/// Name core gives a policy read from a string.
const STRING_SOURCE: &str = "<policy>";

/// A validated policy: the merged settings of a TOML file and everything it `extends`.
///
/// Build one with `Policy.from_file(path)` or `Policy.from_str(toml)`; errors are
/// `PolicyError` subclasses with `line`, `column` and a `help` ("Meinten Sie …?").
/// Policies pickle, including the files they extend.
#[pyclass(module = "freigabe", frozen)]
pub struct Policy {
    /// The validated policy.
    pub inner: freigabe::Policy,
    /// The file (or `<policy>`) the policy was loaded from.
    entry: String,
    /// Every file read while loading, as (name, text): the entry and its `extends` chain.
    files: Vec<(String, String)>,
}

impl Policy {
    /// Loads `entry` with `read`, recording every file text read.
    fn load(
        py: Python<'_>,
        entry: &str,
        lang: Lang,
        mut read: impl FnMut(&str) -> std::io::Result<String>,
    ) -> PyResult<Policy> {
        let mut files = Vec::new();
        let loaded = freigabe::Policy::load(entry, |name| {
            let text = read(name)?;
            files.push((name.to_owned(), text.clone()));
            Ok(text)
        });
        match loaded {
            Ok(inner) => Ok(Policy {
                inner,
                entry: entry.to_owned(),
                files,
            }),
            Err(error) => Err(policy_error(py, &error, lang)),
        }
    }
}

#[pymethods]
impl Policy {
    /// Loads a policy file and the files it `extends` (relative to the extending file).
    ///
    /// `lang` (`"de"` or `"en"`) is the language of error messages.
    #[classmethod]
    #[pyo3(signature = (path, *, lang = "de"))]
    fn from_file(
        _class: &Bound<'_, PyType>,
        py: Python<'_>,
        path: PathBuf,
        lang: &str,
    ) -> PyResult<Policy> {
        let lang = convert::lang(py, lang)?;
        let entry = path.to_string_lossy().into_owned();
        Policy::load(py, &entry, lang, |name| std::fs::read_to_string(name))
    }

    /// Parses a policy from TOML text. `extends` needs files: use `from_file` for that.
    #[classmethod]
    #[pyo3(signature = (toml, *, lang = "de"))]
    fn from_str(
        _class: &Bound<'_, PyType>,
        py: Python<'_>,
        toml: &str,
        lang: &str,
    ) -> PyResult<Policy> {
        let lang = convert::lang(py, lang)?;
        match freigabe::Policy::from_toml(toml) {
            Ok(inner) => Ok(Policy {
                inner,
                entry: STRING_SOURCE.to_owned(),
                files: vec![(STRING_SOURCE.to_owned(), toml.to_owned())],
            }),
            Err(error) => Err(policy_error(py, &error, lang)),
        }
    }

    /// `sha256:` digest of the merged policy; every report records it.
    #[getter]
    fn digest(&self) -> &str {
        self.inner.digest()
    }

    /// Ids of the policy's accounts, sorted.
    #[getter]
    fn accounts(&self) -> Vec<&str> {
        self.inner.account_ids().collect()
    }

    /// The account a draft without `account` is checked for, or None.
    #[getter]
    fn default_account(&self) -> Option<&str> {
        self.inner.default_account()
    }

    /// The file the policy was loaded from, or `"<policy>"` for a string.
    #[getter]
    pub fn source_name(&self) -> &str {
        &self.entry
    }

    /// Pickles as the texts of every file it was loaded from.
    fn __reduce__<'py>(
        &self,
        py: Python<'py>,
    ) -> crate::Reduced<'py, (String, Vec<(String, String)>)> {
        let rebuild = py
            .import("freigabe._freigabe")?
            .getattr("_policy_from_sources")?;
        Ok((rebuild, (self.entry.clone(), self.files.clone())))
    }

    fn __repr__(&self) -> String {
        format!(
            "Policy(source_name={:?}, accounts={:?}, digest={:?})",
            self.entry,
            self.accounts(),
            self.inner.digest()
        )
    }
}

/// Rebuilds a pickled policy from the texts of its files.
#[pyfunction]
pub fn _policy_from_sources(
    py: Python<'_>,
    entry: &str,
    files: Vec<(String, String)>,
) -> PyResult<Policy> {
    if entry == STRING_SOURCE
        && let [(_, text)] = files.as_slice()
    {
        return match freigabe::Policy::from_toml(text) {
            Ok(inner) => Ok(Policy {
                inner,
                entry: entry.to_owned(),
                files,
            }),
            Err(error) => Err(policy_error(py, &error, Lang::De)),
        };
    }
    Policy::load(py, entry, Lang::De, |name| {
        files
            .iter()
            .find(|(file, _)| file == name)
            .map(|(_, text)| text.clone())
            .ok_or_else(|| {
                std::io::Error::new(std::io::ErrorKind::NotFound, "not part of the pickle")
            })
    })
}
