//! Progress on stderr for long commands, the way data tools show it: a bar when stderr is a
//! terminal (records, rate, time left when the input's size is known), nothing when stderr
//! is a file or a pipe, or with `--quiet` — so logs and scripts get no progress noise.

use std::io::{self, IsTerminal, Read};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use freigabe::Lang;
use indicatif::{HumanBytes, HumanCount, ProgressBar, ProgressState, ProgressStyle};

use crate::lang::tr;

/// A progress bar, or nothing.
pub struct Progress {
    bar: Option<ProgressBar>,
    /// Records done; the bar's position is bytes when reading a file of known size.
    records: Arc<AtomicU64>,
    counts_bytes: bool,
}

impl Progress {
    /// Progress through an input of `total` bytes (`None`: unknown, as for standard input),
    /// counted in records; shown unless `quiet` or stderr is no terminal.
    pub fn reading(quiet: bool, total: Option<u64>, lang: Lang) -> Progress {
        let records = tr(lang, "Einträge", "records");
        let left = tr(lang, "noch", "left");
        let (bar, template) = match total {
            Some(total) => (
                ProgressBar::new(total),
                format!(
                    "{{bar:30}} {{read}}/{{size}} · {{records}} {records} ({{rate}}) · {left} {{eta}}"
                ),
            ),
            None => (
                ProgressBar::no_length(),
                format!("{{spinner}} {{read}} · {{records}} {records} ({{rate}})"),
            ),
        };
        Progress::shown(quiet, bar, &template, true, lang)
    }

    /// Progress through `total` items, `what` naming them ("posts checked"); shown unless
    /// `quiet` or stderr is no terminal.
    pub fn counting(quiet: bool, total: u64, what: &str, lang: Lang) -> Progress {
        let left = tr(lang, "noch", "left");
        let template = format!("{{bar:30}} {{records}}/{{len}} {what} ({{rate}}) · {left} {{eta}}");
        Progress::shown(quiet, ProgressBar::new(total), &template, false, lang)
    }

    fn shown(
        quiet: bool,
        bar: ProgressBar,
        template: &str,
        counts_bytes: bool,
        lang: Lang,
    ) -> Progress {
        let records = Arc::new(AtomicU64::new(0));
        if quiet || !io::stderr().is_terminal() {
            return Progress {
                bar: None,
                records,
                counts_bytes,
            };
        }
        let done = Arc::clone(&records);
        let rate = Arc::clone(&records);
        let style = ProgressStyle::with_template(template)
            .unwrap_or_else(|_| ProgressStyle::default_bar())
            .with_key(
                "records",
                move |_: &ProgressState, out: &mut dyn std::fmt::Write| {
                    let _ = write!(out, "{}", count(done.load(Ordering::Relaxed), lang));
                },
            )
            .with_key(
                "rate",
                move |state: &ProgressState, out: &mut dyn std::fmt::Write| {
                    let seconds = state.elapsed().as_secs_f64();
                    let records = rate.load(Ordering::Relaxed) as f64;
                    let per_second = if seconds > 0.0 {
                        records / seconds
                    } else {
                        0.0
                    };
                    let _ = write!(out, "{}/s", count(per_second as u64, lang));
                },
            )
            // Sizes with the decimal comma in German (`1,23 MiB`); indicatif's own `bytes`
            // keys write the English point.
            .with_key(
                "read",
                move |state: &ProgressState, out: &mut dyn std::fmt::Write| {
                    let _ = write!(out, "{}", bytes(state.pos(), lang));
                },
            )
            .with_key(
                "size",
                move |state: &ProgressState, out: &mut dyn std::fmt::Write| {
                    let _ = write!(out, "{}", bytes(state.len().unwrap_or_default(), lang));
                },
            )
            .progress_chars("█▉▊▋▌▍▎▏ ");
        bar.set_style(style);
        bar.enable_steady_tick(Duration::from_millis(200));
        Progress {
            bar: Some(bar),
            records,
            counts_bytes,
        }
    }

    /// `records` more records done, `bytes_read` of the input read so far (used when the
    /// bar counts bytes).
    pub fn advance(&self, records: usize, bytes_read: u64) {
        let done = self.records.fetch_add(records as u64, Ordering::Relaxed) + records as u64;
        let Some(bar) = &self.bar else { return };
        bar.set_position(if self.counts_bytes { bytes_read } else { done });
    }

    /// Clears the bar.
    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

/// A count with the thousands separator of `lang` (`12.345` in German, `12,345` in English).
///
/// English keeps indicatif's grouping here, as data tools show it; messages use
/// [`freigabe::lang::grouped`].
fn count(n: u64, lang: Lang) -> String {
    match lang {
        Lang::En => HumanCount(n).to_string(),
        _ => freigabe::lang::grouped(n, lang),
    }
}

/// A size in bytes as `lang` writes it: `1,23 MiB` in German, `1.23 MiB` in English.
fn bytes(n: u64, lang: Lang) -> String {
    let english = HumanBytes(n).to_string();
    match lang {
        Lang::En => english,
        _ => english.replace('.', ","),
    }
}

/// A reader that counts the bytes read through it and keeps the first error, for progress
/// and for error messages that name the file.
pub struct Counted<R> {
    inner: R,
    counter: Counter,
}

/// The count of a [`Counted`] reader, readable from other threads.
#[derive(Clone, Default)]
pub struct Counter(Arc<Shared>);

#[derive(Default)]
struct Shared {
    bytes: AtomicU64,
    error: Mutex<Option<io::Error>>,
}

impl<R> Counted<R> {
    pub fn new(inner: R) -> Counted<R> {
        Counted {
            inner,
            counter: Counter::default(),
        }
    }

    pub fn counter(&self) -> Counter {
        self.counter.clone()
    }
}

impl Counter {
    /// Bytes read so far.
    pub fn bytes(&self) -> u64 {
        self.0.bytes.load(Ordering::Relaxed)
    }

    /// The error reading stopped at, if any.
    pub fn take_error(&self) -> Option<io::Error> {
        match self.0.error.lock() {
            Ok(mut error) => error.take(),
            Err(poisoned) => poisoned.into_inner().take(),
        }
    }
}

impl<R: Read> Read for Counted<R> {
    fn read(&mut self, buffer: &mut [u8]) -> io::Result<usize> {
        match self.inner.read(buffer) {
            Ok(read) => {
                self.counter
                    .0
                    .bytes
                    .fetch_add(read as u64, Ordering::Relaxed);
                Ok(read)
            }
            Err(error) => {
                if let Ok(mut first) = self.counter.0.error.lock()
                    && first.is_none()
                {
                    *first = Some(io::Error::new(error.kind(), error.to_string()));
                }
                Err(error)
            }
        }
    }
}
