//! `cadence.*`: how often an account posts, per local calendar week (Monday 00:00 to
//! Monday 00:00 in the account's time zone) and between two posts.
//!
//! **One post, several channels.** The history holds one entry per platform publication.
//! Entries of the same account count as one post when the later one went out at most
//! [`CROSS_POST_MINUTES`] after the first entry of the post and either both texts are
//! known and equal (ignoring case and runs of white space), or a text is missing and the
//! two entries name no platform in common. The draft joins a post of the history the same
//! way (a batch run whose history holds the draft itself counts it once). A post belongs
//! to the week in which its first entry went out.
pub(crate) mod below_min;
pub(crate) mod election_rise;
pub(crate) mod min_gap;
pub(crate) mod week_max;

use jiff::{SignedDuration, Timestamp};

use crate::draft::HistoryEntry;
use crate::platform::Platform;
use crate::rules::CheckContext;
use crate::time::week::Range;

/// Entries this close together (and alike, see the module docs) are one cross-posted post.
pub(crate) const CROSS_POST_MINUTES: i64 = 10;

/// A post of the account: one or more history entries published together.
#[derive(Debug, Clone)]
pub(crate) struct Post<'h> {
    /// When its first entry went out.
    pub at: Timestamp,
    /// Each entry's text (if known) and platforms, borrowed from the history.
    entries: Vec<(Option<&'h str>, &'h [Platform])>,
}

impl Post<'_> {
    /// Whether an entry with this text and these platforms is the same post as one of the
    /// post's entries: equal texts, or (a text unknown) no platform in common.
    fn alike(&self, text: Option<&str>, platforms: &[Platform]) -> bool {
        self.entries.iter().any(|(known, on)| match (known, text) {
            (Some(known), Some(text)) => same_text(known, text),
            _ => !platforms.iter().any(|platform| on.contains(platform)),
        })
    }
}

/// Whether two texts are equal ignoring case and runs of white space. Compared lazily,
/// character by character: a check compares its draft with up to every history entry, and
/// normalised copies of all of them cost 8 % of a long check.
fn same_text(a: &str, b: &str) -> bool {
    fn folded(text: &str) -> impl Iterator<Item = char> + '_ {
        text.split_whitespace()
            .enumerate()
            .flat_map(|(index, word)| {
                let space = (index > 0).then_some(' ');
                space
                    .into_iter()
                    .chain(word.chars().flat_map(char::to_lowercase))
            })
    }
    a == b || folded(a).eq(folded(b))
}

fn cross_post_window() -> SignedDuration {
    SignedDuration::from_mins(CROSS_POST_MINUTES)
}

/// The account's posts whose first entry lies in `range`, with the index of the post the
/// draft is part of (if it was already published or scheduled as one of them).
pub(crate) struct Posts<'h> {
    pub posts: Vec<Post<'h>>,
    /// The post the draft belongs to.
    pub draft_post: Option<usize>,
}

/// Groups the account's history entries around `range` into posts, and finds the draft's.
pub(crate) fn posts_in<'h>(cx: &CheckContext<'h>, range: Range, draft_at: Timestamp) -> Posts<'h> {
    let window = cross_post_window();
    let posts = group_posts(cx.history, &cx.account.id, range);
    let draft_post = posts.iter().position(|post| {
        draft_at.duration_since(post.at).abs() <= window
            && post.alike(Some(&cx.draft.text), cx.platforms)
    });
    Posts { posts, draft_post }
}

/// Groups the history entries of `account` into posts (see the module docs) and keeps the
/// posts whose first entry lies in `range`, in time order. Also used by the archive report,
/// so a report counts weeks exactly as the cadence rules do.
pub(crate) fn group_posts<'h>(
    history: &'h [HistoryEntry],
    account: &str,
    range: Range,
) -> Vec<Post<'h>> {
    // Entries just outside the range may open a post whose later entries lie inside it.
    let window = cross_post_window();
    let from = range.start.checked_sub(window).unwrap_or(range.start);
    let mut entries: Vec<_> = history
        .iter()
        .filter(|entry| entry.account == account)
        .filter(|entry| from <= entry.published_at && entry.published_at < range.end)
        .collect();
    entries.sort_by_key(|entry| entry.published_at);

    let mut posts: Vec<Post> = Vec::new();
    for entry in entries {
        let text = entry.text.as_deref();
        // Posts are in time order: only the last few can still be within the window.
        let joined = posts
            .iter_mut()
            .rev()
            .take_while(|post| entry.published_at.duration_since(post.at) <= window)
            .find(|post| post.alike(text, &entry.platforms));
        match joined {
            Some(post) => post.entries.push((text, &entry.platforms)),
            None => posts.push(Post {
                at: entry.published_at,
                entries: vec![(text, &entry.platforms)],
            }),
        }
    }
    posts.retain(|post| range.contains(post.at));
    posts
}

/// A decimal number in the message language (`1,5` in German).
pub(crate) fn decimal(value: f64, lang: crate::lang::Lang) -> String {
    let text = format!("{value:.1}");
    let text = text.strip_suffix(".0").map(str::to_owned).unwrap_or(text);
    match lang {
        crate::lang::Lang::En => text,
        _ => text.replace('.', ","),
    }
}
