//! Python bindings of freigabe: the native module `freigabe._freigabe`, re-exported by the
//! Python package `freigabe` (bindings-python/python/freigabe/__init__.py).
//!
//! The binding converts types and errors and nothing else; every check runs in core.

mod archive;
mod convert;
mod engine;
mod errors;
mod policy;
mod report;

use freigabe::policy::Localized;
use pyo3::prelude::*;

/// What `__reduce__` returns: the function that rebuilds an object and its arguments.
type Reduced<'py, Args> = PyResult<(Bound<'py, PyAny>, Args)>;

/// Counts `text` the way `platform` does (twitter-text weighting on X, graphemes on
/// Mastodon and Bluesky…), with the built-in limits, as `freigabe count` prints it:
/// `{"platform": "x", "length": 23, "limit": 280, "valid": True}`.
#[pyfunction]
#[pyo3(signature = (platform, text, *, lang = "de"))]
fn count<'py>(
    py: Python<'py>,
    platform: &str,
    text: &str,
    lang: &str,
) -> PyResult<Bound<'py, PyAny>> {
    let lang = convert::lang(py, lang)?;
    let parsed = convert::platform(py, platform, lang)?;
    let counted = py
        .detach(|| freigabe::count_text(parsed, text))
        .map_err(|e| {
            errors::argument_error(
                py,
                &Localized::new(e.to_string(), e.to_string()),
                &Localized::new(
                    "Ein Fehler im Paket; bitte melden",
                    "a bug; please report it",
                ),
                lang,
            )
        })?;
    pythonize::pythonize(py, &counted).map_err(PyErr::from)
}

/// The native part of the `freigabe` package.
#[pymodule]
fn _freigabe(module: &Bound<'_, PyModule>) -> PyResult<()> {
    module.add("__version__", freigabe::ENGINE_VERSION)?;
    module.add("MAX_DRAFT_BYTES", freigabe::MAX_DRAFT_BYTES)?;
    module.add_class::<policy::Policy>()?;
    module.add_class::<engine::Engine>()?;
    module.add_class::<engine::ReportIterator>()?;
    module.add_class::<report::Report>()?;
    module.add_class::<report::Diagnostic>()?;
    module.add_class::<report::Suggestion>()?;
    module.add_class::<report::Span>()?;
    module.add_class::<archive::Archive>()?;
    module.add_class::<archive::ArchivedPost>()?;
    module.add_function(wrap_pyfunction!(count, module)?)?;
    module.add_function(wrap_pyfunction!(archive::read_archive, module)?)?;
    module.add_function(wrap_pyfunction!(policy::_policy_from_sources, module)?)?;
    module.add_function(wrap_pyfunction!(engine::_engine, module)?)?;
    module.add_function(wrap_pyfunction!(report::_report_from_json, module)?)?;
    errors::register(module)?;
    Ok(())
}
