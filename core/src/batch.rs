//! Checking many drafts at once, in parallel, with results in input order.
//!
//! Bindings hand a whole batch to core (Python releases its interpreter lock for the call),
//! so the parallelism lives here once instead of in every front end.
//!
//! Threads come from [`std::thread::scope`] with an atomic work index rather than from
//! rayon: a check takes about a tenth of a millisecond, so starting a few threads per batch
//! costs nothing measurable, the crate gains no dependency, and targets without threads
//! (`wasm32-unknown-unknown`) need no feature switch: `available_parallelism` reports one
//! thread there, and a thread that cannot be spawned just leaves its share to the caller's
//! thread, which always works along.

use std::num::NonZeroUsize;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use jiff::Timestamp;

use crate::draft::{Draft, HistoryEntry};
use crate::engine::Engine;
use crate::error::InputError;
use crate::report::Report;
use crate::rules::cadence::HistoryIndex;

/// Items a worker claims at once: small enough to balance uneven drafts, large enough that
/// the shared counter is not contended.
const BLOCK: usize = 8;

impl Engine {
    /// Checks every draft against the same `history` and `now`, on up to `threads` threads
    /// (default: the machine's available parallelism). Results come in input order and are
    /// the same as calling [`Engine::check`] on each draft, whatever the thread count; the
    /// history is indexed once for the whole batch ([`HistoryIndex`]).
    ///
    /// ```
    /// use freigabe::{Draft, Engine, Policy};
    /// # let policy = Policy::from_toml("[accounts.stadt]\nkind = \"official\"\nplatforms = [\"x\"]")?;
    /// let engine = Engine::new(policy)?;
    /// let drafts = vec![Draft::new("Guten Morgen!"), Draft::new("Guten Abend!")];
    /// let reports = engine.check_many(&drafts, &[], None, None);
    /// assert_eq!(reports.len(), 2);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn check_many(
        &self,
        drafts: &[Draft],
        history: &[HistoryEntry],
        now: Option<Timestamp>,
        threads: Option<NonZeroUsize>,
    ) -> Vec<Result<Report, InputError>> {
        let history = HistoryIndex::new(history);
        parallel_map(drafts, threads, |draft| {
            self.check_indexed(draft, &history, now)
        })
    }
}

/// Applies `f` to every item on up to `threads` threads (default: the available
/// parallelism) and returns the results in input order.
///
/// The calling thread works too, so the map completes even where no thread can be spawned.
/// Bindings use this directly when each item carries its own context.
pub fn parallel_map<T, R, F>(items: &[T], threads: Option<NonZeroUsize>, f: F) -> Vec<R>
where
    T: Sync,
    R: Send,
    F: Fn(&T) -> R + Sync,
{
    let threads = threads
        .or_else(|| std::thread::available_parallelism().ok())
        .map_or(1, NonZeroUsize::get)
        .min(items.len().div_ceil(BLOCK));
    if threads <= 1 {
        return items.iter().map(f).collect();
    }

    let next = AtomicUsize::new(0);
    let done: Mutex<Vec<(usize, R)>> = Mutex::new(Vec::with_capacity(items.len()));
    let work = || {
        let mut mine = Vec::new();
        loop {
            let start = next.fetch_add(BLOCK, Ordering::Relaxed);
            if start >= items.len() {
                break;
            }
            let end = (start + BLOCK).min(items.len());
            mine.extend((start..end).map(|index| (index, f(&items[index]))));
        }
        // A poisoned lock only means another worker panicked; its items are redone below.
        match done.lock() {
            Ok(mut done) => done.extend(mine),
            Err(poisoned) => poisoned.into_inner().extend(mine),
        }
    };
    std::thread::scope(|scope| {
        let helpers: Vec<_> = (1..threads)
            .filter_map(|_| std::thread::Builder::new().spawn_scoped(scope, work).ok())
            .collect();
        work();
        for helper in helpers {
            // A helper that panicked leaves its claimed items undone; they are redone below.
            let _ = helper.join();
        }
    });

    let done = match done.into_inner() {
        Ok(done) => done,
        Err(poisoned) => poisoned.into_inner(),
    };
    let mut slots: Vec<Option<R>> = std::iter::repeat_with(|| None).take(items.len()).collect();
    for (index, result) in done {
        slots[index] = Some(result);
    }
    slots
        .into_iter()
        .zip(items)
        .map(|(slot, item)| slot.unwrap_or_else(|| f(item)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn threads(n: usize) -> Option<NonZeroUsize> {
        NonZeroUsize::new(n)
    }

    #[test]
    fn results_keep_input_order_for_any_thread_count() {
        let items: Vec<u64> = (0..1000).collect();
        let expected: Vec<u64> = items.iter().map(|i| i * i).collect();
        for n in [1, 2, 3, 7, 64] {
            assert_eq!(parallel_map(&items, threads(n), |i| i * i), expected, "{n}");
        }
        assert_eq!(parallel_map(&items, None, |i| i * i), expected);
    }

    #[test]
    fn empty_and_tiny_inputs() {
        let empty: [u8; 0] = [];
        assert!(parallel_map(&empty, threads(4), |&b| b).is_empty());
        assert_eq!(parallel_map(&[5u8], threads(4), |&b| b + 1), vec![6]);
    }

    #[test]
    fn work_is_spread_over_threads() {
        let items: Vec<u32> = (0..256).collect();
        let ids = parallel_map(&items, threads(4), |_| {
            // Long enough per block that one thread cannot finish everything alone first.
            std::thread::sleep(std::time::Duration::from_millis(1));
            std::thread::current().id()
        });
        let mut distinct = ids.clone();
        distinct.sort_by_key(|id| format!("{id:?}"));
        distinct.dedup();
        assert!(distinct.len() > 1, "all items ran on one thread");
    }

    #[test]
    fn check_many_equals_check_one_by_one() {
        let policy = crate::Policy::from_toml(
            "imprint = \"https://www.paderborn.de/impressum\"\n\
             [accounts.stadt]\nkind = \"official\"\nplatforms = [\"x\", \"instagram\"]\n",
        )
        .unwrap();
        let engine = Engine::new(policy).unwrap();
        let drafts: Vec<Draft> = (0..50)
            .map(|i| {
                let mut draft = Draft::new(format!(
                    "Hallo {i}! #a #b #c #d #e #f {}",
                    "x".repeat(i * 7)
                ));
                if i % 10 == 3 {
                    draft.account = Some("unbekannt".into());
                }
                draft
            })
            .collect();
        let one_by_one: Vec<_> = drafts.iter().map(|d| engine.check(d, &[], None)).collect();
        assert!(one_by_one.iter().any(Result::is_err));
        assert_eq!(
            engine.check_many(&drafts, &[], None, threads(3)),
            one_by_one
        );
        assert_eq!(
            engine.check_many(&drafts, &[], None, threads(1)),
            one_by_one
        );
    }
}
