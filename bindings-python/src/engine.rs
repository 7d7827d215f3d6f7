//! `Engine`: a compiled policy with `check`, `check_many` and the streaming `iter_check`.
//!
//! Drafts are converted while holding the interpreter lock; the checks themselves run
//! without it (`Python::detach`), in parallel in core for batches.

use std::collections::VecDeque;
use std::num::NonZeroUsize;
use std::sync::Arc;

use freigabe::{Draft, HistoryEntry, HistoryIndex, InputError};
use jiff::Timestamp;
use pyo3::prelude::*;
use pyo3::types::{PyIterator, PyList};

use crate::convert::{self, OnError};
use crate::errors::{input_error, policy_error};
use crate::policy::Policy;
use crate::report::Report;

/// A compiled policy. Build it once, check many drafts; share it between threads.
///
/// `lang` (`"de"` default, or `"en"`) is the language of messages in reports and errors.
/// Engines pickle (as their policy and language), so `multiprocessing` and Dask can ship
/// them to workers.
#[pyclass(module = "freigabe", frozen)]
pub struct Engine {
    inner: freigabe::Engine,
    policy: Py<Policy>,
}

/// What a batch check runs on, besides the drafts.
struct Context<'a> {
    history: &'a [HistoryEntry],
    now: Option<Timestamp>,
    threads: Option<NonZeroUsize>,
}

impl Engine {
    /// Checks already converted drafts without the interpreter lock, in input order, against
    /// the history indexed once for them.
    fn run(
        &self,
        py: Python<'_>,
        drafts: &[Result<Draft, InputError>],
        cx: &Context<'_>,
    ) -> Vec<Result<Report, InputError>> {
        py.detach(|| {
            let history = HistoryIndex::new(cx.history);
            freigabe::batch::parallel_map(drafts, cx.threads, |draft| match draft {
                Ok(draft) => self
                    .inner
                    .check_indexed(draft, &history, cx.now)
                    .map(|report| Report(Arc::new(report))),
                Err(error) => Err(error.clone()),
            })
        })
    }

    /// A batch result as a Python object: the report, or per `on_error` the exception
    /// object (`Return`) or a raised error (`Raise`) that carries the draft's `index`.
    fn result_object(
        &self,
        py: Python<'_>,
        result: Result<Report, InputError>,
        index: usize,
        on_error: OnError,
    ) -> PyResult<Py<PyAny>> {
        match result {
            Ok(report) => Ok(Py::new(py, report)?.into_any()),
            Err(error) => {
                let error = input_error(py, &error, self.inner.lang(), Some(index));
                match on_error {
                    OnError::Raise => Err(error),
                    OnError::Return => Ok(error.into_value(py).into_any()),
                }
            }
        }
    }
}

#[pymethods]
impl Engine {
    /// Compiles `policy` (every rule, lexicon and regex) for checking.
    #[new]
    #[pyo3(signature = (policy, *, lang = "de"))]
    fn new(py: Python<'_>, policy: Bound<'_, Policy>, lang: &str) -> PyResult<Engine> {
        let lang = convert::lang(py, lang)?;
        let compiled = freigabe::Engine::new(policy.get().inner.clone())
            .map_err(|error| policy_error(py, &error, lang))?;
        Ok(Engine {
            inner: compiled.with_lang(lang),
            policy: policy.unbind(),
        })
    }

    /// The policy this engine was compiled from.
    #[getter]
    fn policy(&self, py: Python<'_>) -> Py<Policy> {
        self.policy.clone_ref(py)
    }

    /// Language of messages: `"de"` or `"en"`.
    #[getter]
    fn lang(&self) -> &'static str {
        convert::lang_tag(self.inner.lang())
    }

    /// Checks one draft and returns its `Report`.
    ///
    /// `draft` is a dict with the contract's keys (`text`, `account`, `platforms`,
    /// `author`, `scheduled_at`, `media`, `approvals`, `labels`; times as RFC 3339 strings
    /// or aware `datetime`s)
    /// or a plain `str`; `account` and `platforms` keywords set (or override) those keys.
    /// `history` lists earlier posts (dicts, or JSON / JSON Lines text); `now` is the
    /// reference time of time-based rules (RFC 3339 string or aware `datetime`).
    /// Raises `DraftError` subclasses for drafts that cannot be checked.
    #[pyo3(signature = (draft, *, account = None, platforms = None, history = None, now = None))]
    fn check(
        &self,
        py: Python<'_>,
        draft: &Bound<'_, PyAny>,
        account: Option<&str>,
        platforms: Option<&Bound<'_, PyAny>>,
        history: Option<&Bound<'_, PyAny>>,
        now: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Report> {
        let lang = self.inner.lang();
        let draft = convert::draft(draft, account, platforms)?
            .map_err(|error| input_error(py, &error, lang, None))?;
        let history = convert::history(history, lang)?;
        let now = convert::now(now, lang)?;
        py.detach(|| self.inner.check(&draft, &history, now))
            .map(|report| Report(Arc::new(report)))
            .map_err(|error| input_error(py, &error, lang, None))
    }

    /// Checks many drafts in parallel (without the interpreter lock) and returns a list in
    /// input order, equal to calling `check` on each.
    ///
    /// All drafts share `history` and `now`. `threads` limits the threads (default: every
    /// core). A draft that cannot be checked either raises (`on_error="raise"`, the default:
    /// the first such draft's error, with its position in `error.index`) or, with
    /// `on_error="return"`, its exception object takes its place in the list, so nothing is
    /// lost. For inputs larger than memory use `iter_check`.
    #[pyo3(signature = (drafts, *, history = None, now = None, threads = None, on_error = "raise"))]
    fn check_many<'py>(
        &self,
        py: Python<'py>,
        drafts: &Bound<'py, PyAny>,
        history: Option<&Bound<'py, PyAny>>,
        now: Option<&Bound<'py, PyAny>>,
        threads: Option<usize>,
        on_error: &str,
    ) -> PyResult<Bound<'py, PyList>> {
        let lang = self.inner.lang();
        let on_error = convert::on_error(py, on_error, lang)?;
        let history = convert::history(history, lang)?;
        let cx = Context {
            history: &history,
            now: convert::now(now, lang)?,
            threads: convert::threads(py, threads, lang)?,
        };
        let items = drafts.try_iter()?.collect::<PyResult<Vec<_>>>()?;
        let drafts = convert::drafts(items)?;
        let results = self.run(py, &drafts, &cx);
        let objects = results
            .into_iter()
            .enumerate()
            .map(|(index, result)| self.result_object(py, result, index, on_error))
            .collect::<PyResult<Vec<_>>>()?;
        PyList::new(py, objects)
    }

    /// Like `check_many`, but streams: pulls `chunk_size` drafts at a time from any
    /// iterable, checks each chunk in parallel without the interpreter lock, and yields the
    /// results in input order. Memory stays bounded by the chunk size.
    #[pyo3(signature = (drafts, *, history = None, now = None, threads = None, chunk_size = 1024, on_error = "raise"))]
    #[allow(clippy::too_many_arguments)]
    fn iter_check(
        slf: Bound<'_, Engine>,
        drafts: &Bound<'_, PyAny>,
        history: Option<&Bound<'_, PyAny>>,
        now: Option<&Bound<'_, PyAny>>,
        threads: Option<usize>,
        chunk_size: usize,
        on_error: &str,
    ) -> PyResult<ReportIterator> {
        let py = slf.py();
        let lang = slf.get().inner.lang();
        let chunk_size = convert::threads(py, Some(chunk_size), lang)?.map_or(1, NonZeroUsize::get);
        Ok(ReportIterator {
            on_error: convert::on_error(py, on_error, lang)?,
            history: convert::history(history, lang)?,
            now: convert::now(now, lang)?,
            threads: convert::threads(py, threads, lang)?,
            source: drafts.try_iter()?.unbind(),
            engine: slf.unbind(),
            chunk_size,
            pending: VecDeque::new(),
            next_index: 0,
            exhausted: false,
        })
    }

    /// Pickles as its policy and language; the worker compiles it again.
    fn __reduce__<'py>(&self, py: Python<'py>) -> crate::Reduced<'py, (Py<Policy>, &'static str)> {
        let rebuild = py.import("freigabe._freigabe")?.getattr("_engine")?;
        Ok((rebuild, (self.policy.clone_ref(py), self.lang())))
    }

    fn __repr__(&self) -> String {
        format!(
            "Engine(policy={:?}, lang={:?})",
            self.policy.get().source_name(),
            self.lang()
        )
    }
}

/// The iterator `Engine.iter_check` returns: reports (or exception objects) in input order.
#[pyclass(module = "freigabe")]
pub struct ReportIterator {
    engine: Py<Engine>,
    source: Py<PyIterator>,
    history: Vec<HistoryEntry>,
    now: Option<Timestamp>,
    threads: Option<NonZeroUsize>,
    chunk_size: usize,
    on_error: OnError,
    /// Checked drafts not yet handed out.
    pending: VecDeque<Result<Report, InputError>>,
    /// Position of `pending.front()` in the input.
    next_index: usize,
    exhausted: bool,
}

#[pymethods]
impl ReportIterator {
    fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    fn __next__(mut slf: PyRefMut<'_, Self>) -> PyResult<Option<Py<PyAny>>> {
        let py = slf.py();
        if slf.pending.is_empty() && !slf.exhausted {
            let mut items = Vec::with_capacity(slf.chunk_size);
            {
                let source = slf.source.bind(py).clone();
                for item in source.take(slf.chunk_size) {
                    items.push(item?);
                }
            }
            if items.len() < slf.chunk_size {
                slf.exhausted = true;
            }
            let drafts = convert::drafts(items)?;
            let engine = slf.engine.clone_ref(py);
            let this = &mut *slf;
            let cx = Context {
                history: &this.history,
                now: this.now,
                threads: this.threads,
            };
            let results = engine.get().run(py, &drafts, &cx);
            this.pending.extend(results);
        }
        let Some(result) = slf.pending.pop_front() else {
            return Ok(None);
        };
        let index = slf.next_index;
        slf.next_index += 1;
        let on_error = slf.on_error;
        slf.engine
            .get()
            .result_object(py, result, index, on_error)
            .map(Some)
    }
}

/// Rebuilds a pickled engine.
#[pyfunction]
pub fn _engine(py: Python<'_>, policy: Bound<'_, Policy>, lang: &str) -> PyResult<Engine> {
    Engine::new(py, policy, lang)
}
