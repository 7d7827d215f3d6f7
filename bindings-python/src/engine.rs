//! `Engine`: a compiled policy with `check`, `check_many` and the streaming `iter_check`.
//!
//! Drafts are converted while holding the interpreter lock; the checks themselves run
//! without it (`Python::detach`), in parallel in core for batches.

use std::collections::VecDeque;
use std::num::NonZeroUsize;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, OnceLock, mpsc};

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
    /// The history, indexed once for every draft of the call (or chunk).
    history: HistoryIndex<'a>,
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
            freigabe::batch::parallel_map(drafts, cx.threads, |draft| self.check_one(draft, cx))
        })
    }

    /// Converts and checks a whole batch, the conversion overlapping the checks: the
    /// calling thread converts chunks of drafts while it holds the interpreter lock, the
    /// other threads check the chunks already converted; once all are converted, the
    /// calling thread lets the lock go and checks along. So the conversion, which needs
    /// the lock, is not a serial phase before the parallel one. With `bar` (a tqdm bar)
    /// the calling thread updates it after each chunk.
    fn run_items(
        &self,
        py: Python<'_>,
        items: &[Bound<'_, PyAny>],
        cx: &Context<'_>,
        bar: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Vec<Result<Report, InputError>>> {
        let chunks: Vec<&[Bound<'_, PyAny>]> = items.chunks(CONVERT_CHUNK).collect();
        let threads = cx
            .threads
            .or_else(|| std::thread::available_parallelism().ok())
            .map_or(1, NonZeroUsize::get)
            .min(chunks.len().max(1));
        let converted: Vec<OnceLock<Vec<Result<Draft, InputError>>>> =
            chunks.iter().map(|_| OnceLock::new()).collect();
        let checked: Vec<OnceLock<Vec<Result<Report, InputError>>>> =
            chunks.iter().map(|_| OnceLock::new()).collect();
        let done = AtomicUsize::new(0);
        let (sender, receiver) = mpsc::channel::<usize>();
        let receiver = Mutex::new(receiver);
        let check = |index: usize| {
            let Some(drafts) = converted[index].get() else {
                return;
            };
            let reports = drafts
                .iter()
                .map(|draft| self.check_one(draft, cx))
                .collect();
            let _ = checked[index].set(reports);
            done.fetch_add(drafts.len(), Ordering::Relaxed);
        };
        // Takes converted chunks until the calling thread has sent the last one.
        let work = || {
            loop {
                let next = match receiver.lock() {
                    Ok(receiver) => receiver.recv(),
                    Err(poisoned) => poisoned.into_inner().recv(),
                };
                let Ok(index) = next else { break };
                check(index);
            }
        };
        let mut shown = 0;
        let mut show = || -> PyResult<()> {
            if let Some(bar) = bar {
                let now = done.load(Ordering::Relaxed);
                if now > shown {
                    bar.call_method1("update", (now - shown,))?;
                    shown = now;
                }
            }
            Ok(())
        };
        let converting = std::thread::scope(|scope| -> PyResult<()> {
            for _ in 1..threads {
                // A thread that cannot start leaves its share to the others.
                let _ = std::thread::Builder::new().spawn_scoped(scope, work);
            }
            for (index, chunk) in chunks.iter().enumerate() {
                // On an error the sender is dropped with this closure: the helpers finish.
                let drafts = chunk
                    .iter()
                    .map(|item| convert::draft(item, None, None))
                    .collect::<PyResult<Vec<_>>>()?;
                let _ = converted[index].set(drafts);
                if threads > 1 {
                    let _ = sender.send(index);
                }
                show()?;
            }
            drop(sender);
            if threads > 1 {
                py.detach(work);
            } else {
                // One thread: checks chunk by chunk, so a bar can move.
                for index in 0..chunks.len() {
                    py.detach(|| check(index));
                    show()?;
                }
            }
            Ok(())
        });
        converting?;
        // A chunk no helper finished (none ever should) is checked here.
        let results: Vec<_> = checked
            .into_iter()
            .enumerate()
            .flat_map(|(index, reports)| match reports.into_inner() {
                Some(reports) => reports,
                None => converted[index]
                    .get()
                    .map(|drafts| drafts.iter().map(|d| self.check_one(d, cx)).collect())
                    .unwrap_or_default(),
            })
            .collect();
        show()?;
        Ok(results)
    }

    /// Checks one converted draft, or hands on why it could not be converted.
    fn check_one(
        &self,
        draft: &Result<Draft, InputError>,
        cx: &Context<'_>,
    ) -> Result<Report, InputError> {
        match draft {
            Ok(draft) => self
                .inner
                .check_indexed(draft, &cx.history, cx.now)
                .map(|report| Report(Arc::new(report))),
            Err(error) => Err(error.clone()),
        }
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
    ///
    /// `progress=True` shows a tqdm progress bar (`tqdm.auto`: a widget in notebooks) when
    /// tqdm is installed; without it the drafts are checked all the same and a
    /// `UserWarning` says how to get the bar.
    #[pyo3(signature = (drafts, *, history = None, now = None, threads = None, on_error = "raise", progress = false))]
    #[allow(clippy::too_many_arguments)]
    fn check_many<'py>(
        &self,
        py: Python<'py>,
        drafts: &Bound<'py, PyAny>,
        history: Option<&Bound<'py, PyAny>>,
        now: Option<&Bound<'py, PyAny>>,
        threads: Option<usize>,
        on_error: &str,
        progress: bool,
    ) -> PyResult<Bound<'py, PyList>> {
        let lang = self.inner.lang();
        let on_error = convert::on_error(py, on_error, lang)?;
        let history = convert::history(history, lang)?;
        let cx = Context {
            history: HistoryIndex::new(&history),
            now: convert::now(now, lang)?,
            threads: convert::threads(py, threads, lang)?,
        };
        let items = drafts.try_iter()?.collect::<PyResult<Vec<_>>>()?;
        let bar = if progress {
            progress_bar(py, items.len(), lang)?
        } else {
            None
        };
        let results = self.run_items(py, &items, &cx, bar.as_ref());
        if let Some(bar) = &bar {
            bar.call_method0("close")?;
        }
        let objects = results?
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
                history: HistoryIndex::new(&this.history),
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

/// Drafts converted at a time by `check_many`: small enough that the other threads start
/// checking at once, large enough that handing chunks over costs nothing measurable.
const CONVERT_CHUNK: usize = 128;

/// A tqdm bar over `total` drafts, or `None` with a warning when tqdm is not installed.
fn progress_bar<'py>(
    py: Python<'py>,
    total: usize,
    lang: freigabe::Lang,
) -> PyResult<Option<Bound<'py, PyAny>>> {
    let tqdm = match py.import("tqdm.auto") {
        Ok(module) => module.getattr("tqdm")?,
        Err(error) if error.is_instance_of::<pyo3::exceptions::PyImportError>(py) => {
            let message = freigabe::policy::Localized::new(
                "`progress=True`: tqdm ist nicht installiert, die Entwürfe werden ohne Fortschrittsbalken geprüft (`pip install tqdm`)",
                "progress=True: tqdm is not installed, the drafts are checked without a progress bar (`pip install tqdm`)",
            );
            let category = py.get_type::<pyo3::exceptions::PyUserWarning>();
            let text = std::ffi::CString::new(message.get(lang)).unwrap_or_default();
            PyErr::warn(py, &category, &text, 2)?;
            return Ok(None);
        }
        Err(error) => return Err(error),
    };
    let kwargs = pyo3::types::PyDict::new(py);
    kwargs.set_item("total", total)?;
    kwargs.set_item("unit", "draft")?;
    kwargs.set_item("desc", "freigabe")?;
    Ok(Some(tqdm.call((), Some(&kwargs))?))
}

/// Rebuilds a pickled engine.
#[pyfunction]
pub fn _engine(py: Python<'_>, policy: Bound<'_, Policy>, lang: &str) -> PyResult<Engine> {
    Engine::new(py, policy, lang)
}
