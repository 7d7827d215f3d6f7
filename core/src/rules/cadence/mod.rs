//! `cadence.*`: how often an account posts, per local calendar week (Monday 00:00 to
//! Monday 00:00 in the account's time zone) and between two posts.
//!
//! **One post, several channels.** The history holds one entry per platform publication,
//! and a city often words the channels differently: the X version shortened, the Instagram
//! version with hashtags and emoji. Entries of the same account are one post when
//!
//! - they carry the same `post_id` (the caller's id of the post the entry is one channel
//!   version of), at any distance in time; entries with different `post_id`s are never one
//!   post; or, without a shared id,
//! - the later one went out at most [`CROSS_POST_MINUTES`] after the first entry of the
//!   post and their texts are near-duplicates: after removing hashtags, mentions, links,
//!   emoji and punctuation and folding case, the word sequences are equal, or one of at
//!   least [`MIN_WORDS`] words is contained in the other (a shortened version), or at least
//!   [`SHARED_WORDS_PERCENT`] % of the distinct words of the shorter text occur in the
//!   longer one (the overlap coefficient; a version with a sentence reworded). 80 %
//!   admits one changed word in five, which keeps an edited version together, while two
//!   different announcements of the same office within ten minutes rarely share four of
//!   five words; or
//! - a text is missing and the two entries name no platform in common.
//!
//! The draft joins a post of the history the same way (a batch run whose history holds
//! the draft itself counts it once). A post belongs to the week in which its first entry
//! went out. The history is grouped once per check ([`AccountPosts`]), or once for a whole
//! batch ([`HistoryIndex`]), and every cadence rule reads the same groups; texts are split
//! into words only for entries close enough in time to be compared.
pub(crate) mod below_min;
pub(crate) mod election_rise;
pub(crate) mod min_gap;
pub(crate) mod week_max;

use std::cell::OnceCell;
use std::collections::{BTreeSet, HashMap};
use std::sync::OnceLock;

use jiff::{SignedDuration, Timestamp};

use crate::draft::HistoryEntry;
use crate::platform::Platform;
use crate::rules::CheckContext;
use crate::time::week::Range;

/// Entries this close together (and alike, see the module docs) are one cross-posted post.
pub(crate) const CROSS_POST_MINUTES: i64 = 10;
/// Fewest words a shortened version must keep to count as contained in the longer one.
pub(crate) const MIN_WORDS: usize = 3;
/// Share of the shorter text's distinct words the longer one must contain.
pub(crate) const SHARED_WORDS_PERCENT: usize = 80;

/// A text reduced to what the channel versions of one post share: its words, lowercased,
/// without hashtags, mentions, links, emoji and punctuation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Words(Vec<String>);

impl Words {
    pub(crate) fn of(text: &str) -> Words {
        let mut words = Vec::new();
        for chunk in text.split_whitespace() {
            let link = chunk.contains("://") || chunk.to_lowercase().starts_with("www.");
            if chunk.starts_with(['#', '@', '＃']) || link {
                continue;
            }
            for word in chunk.split(|c: char| !c.is_alphanumeric()) {
                if !word.is_empty() {
                    words.push(word.to_lowercase());
                }
            }
        }
        Words(words)
    }

    /// Whether two texts are channel versions of one post (see the module docs).
    fn near(&self, other: &Words) -> bool {
        let (short, long) = if self.0.len() <= other.0.len() {
            (&self.0, &other.0)
        } else {
            (&other.0, &self.0)
        };
        if short == long {
            return true;
        }
        if short.len() < MIN_WORDS {
            return false;
        }
        if long
            .windows(short.len())
            .any(|window| window == short.as_slice())
        {
            return true;
        }
        let short: BTreeSet<&String> = short.iter().collect();
        let long: BTreeSet<&String> = long.iter().collect();
        let shared = short.intersection(&long).count();
        short.len() >= MIN_WORDS && shared * 100 >= short.len() * SHARED_WORDS_PERCENT
    }
}

/// One channel version of a post: its text, platforms and id. The words of the text are
/// split only when another entry comes close enough in time to be compared with it: most
/// entries never are, and splitting every text of a long history was most of a check.
#[derive(Debug, Clone)]
struct Version<'h> {
    text: Option<&'h str>,
    words: OnceLock<Option<Words>>,
    platforms: &'h [Platform],
    post_id: Option<&'h str>,
}

impl<'h> Version<'h> {
    fn new(text: Option<&'h str>, platforms: &'h [Platform], post_id: Option<&'h str>) -> Self {
        Version {
            text,
            words: OnceLock::new(),
            platforms,
            post_id,
        }
    }

    fn words(&self) -> Option<&Words> {
        self.words.get_or_init(|| self.text.map(Words::of)).as_ref()
    }

    /// Whether another version without a decisive `post_id` is the same post.
    fn alike(&self, other: &Version<'_>) -> bool {
        match (self.text, other.text) {
            (Some(_), Some(_)) => self
                .words()
                .zip(other.words())
                .is_some_and(|(a, b)| a.near(b)),
            _ => !other.platforms.iter().any(|p| self.platforms.contains(p)),
        }
    }
}

/// A post of the account: one or more history entries published together.
#[derive(Debug, Clone)]
pub(crate) struct Post<'h> {
    /// When its first entry went out.
    pub at: Timestamp,
    versions: Vec<Version<'h>>,
    post_id: Option<&'h str>,
}

impl Post<'_> {
    /// Whether a version that goes out at `at` belongs to this post.
    fn takes(&self, version: &Version<'_>, at: Timestamp) -> bool {
        match (self.post_id, version.post_id) {
            (Some(mine), Some(theirs)) => mine == theirs,
            _ => {
                at.duration_since(self.at).abs() <= cross_post_window()
                    && self.versions.iter().any(|known| known.alike(version))
            }
        }
    }
}

fn cross_post_window() -> SignedDuration {
    SignedDuration::from_mins(CROSS_POST_MINUTES)
}

/// The posts of one account over the whole history, in time order: built once per check,
/// batch or report and read by every cadence rule.
#[derive(Debug)]
pub(crate) struct AccountPosts<'h> {
    posts: Vec<Post<'h>>,
}

/// What an account without history has.
static NO_POSTS: AccountPosts<'static> = AccountPosts { posts: Vec::new() };

impl<'h> AccountPosts<'h> {
    /// Groups the entries of `account` into posts (see the module docs).
    pub(crate) fn build(history: &'h [HistoryEntry], account: &str) -> AccountPosts<'h> {
        AccountPosts::group(
            history
                .iter()
                .filter(|entry| entry.account == account)
                .collect(),
        )
    }

    /// Groups the entries of one account, given in history order, into posts.
    fn group(mut entries: Vec<&'h HistoryEntry>) -> AccountPosts<'h> {
        entries.sort_by_key(|entry| entry.published_at);
        let mut posts: Vec<Post<'h>> = Vec::new();
        let mut by_id: HashMap<&'h str, usize> = HashMap::new();
        for entry in entries {
            let version = Version::new(
                entry.text.as_deref(),
                &entry.platforms,
                entry.post_id.as_deref(),
            );
            let at = entry.published_at;
            let joined = match version.post_id.and_then(|id| by_id.get(id)) {
                Some(&index) => Some(index),
                // Posts are in time order: only the last few can still be within the window.
                None => posts
                    .iter()
                    .enumerate()
                    .rev()
                    .take_while(|(_, post)| at.duration_since(post.at) <= cross_post_window())
                    .find(|(_, post)| post.takes(&version, at))
                    .map(|(index, _)| index),
            };
            let index = match joined.and_then(|index| posts.get_mut(index).map(|p| (index, p))) {
                Some((index, post)) => {
                    post.post_id = post.post_id.or(version.post_id);
                    post.versions.push(version);
                    index
                }
                None => {
                    posts.push(Post {
                        at,
                        post_id: version.post_id,
                        versions: vec![version],
                    });
                    posts.len() - 1
                }
            };
            if let Some(id) = entry.post_id.as_deref() {
                by_id.entry(id).or_insert(index);
            }
        }
        AccountPosts { posts }
    }

    /// The posts whose first entry lies in `range`, in time order.
    pub(crate) fn in_range(&self, range: Range) -> &[Post<'h>] {
        let from = self.posts.partition_point(|post| post.at < range.start);
        let to = self.posts.partition_point(|post| post.at < range.end);
        self.posts.get(from..to).unwrap_or_default()
    }
}

/// A history prepared once for many checks: entries grouped into posts per account, in time
/// order, and the earliest date the history covers. Build it once per batch and pass it to
/// [`Engine::check_indexed`](crate::Engine::check_indexed): a check then looks up the weeks
/// it needs instead of sorting and grouping the whole history again, so a long history
/// costs a check about as much as a short one. The reports are those of
/// [`Engine::check`](crate::Engine::check) with the same entries.
///
/// ```
/// use freigabe::{Draft, Engine, HistoryEntry, HistoryIndex, Policy};
/// # let policy = Policy::from_toml(r#"
/// #     imprint = "https://www.paderborn.de/impressum"
/// #     [accounts.stadt]
/// #     kind = "official"
/// #     platforms = ["x"]
/// #     profile.links = [{ label = "Impressum", url = "https://www.paderborn.de/impressum" }]
/// # "#)?;
/// let engine = Engine::new(policy)?;
/// let history: Vec<HistoryEntry> = Vec::new(); // earlier posts, e.g. from `wire::parse_history`
/// let index = HistoryIndex::new(&history);
/// for text in ["Guten Morgen!", "Guten Abend!"] {
///     let report = engine.check_indexed(&Draft::new(text), &index, None)?;
///     assert_eq!(report.verdict.as_str(), "pass");
/// }
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug)]
pub struct HistoryIndex<'h> {
    /// When the earliest entry (of any account) went out.
    earliest: Option<Timestamp>,
    posts: HashMap<&'h str, AccountPosts<'h>>,
}

impl<'h> HistoryIndex<'h> {
    /// Groups every account's entries into posts (see the `cadence.*` rules).
    pub fn new(history: &'h [HistoryEntry]) -> HistoryIndex<'h> {
        let mut entries: HashMap<&'h str, Vec<&'h HistoryEntry>> = HashMap::new();
        for entry in history {
            entries.entry(&entry.account).or_default().push(entry);
        }
        HistoryIndex {
            earliest: earliest(history),
            posts: entries
                .into_iter()
                .map(|(account, entries)| (account, AccountPosts::group(entries)))
                .collect(),
        }
    }
}

fn earliest(history: &[HistoryEntry]) -> Option<Timestamp> {
    history.iter().map(|entry| entry.published_at).min()
}

/// Where a check's history comes from.
#[derive(Clone, Copy)]
pub(crate) enum HistorySource<'h> {
    /// Entries as given, grouped for this check alone and only if a rule asks.
    Entries(&'h [HistoryEntry]),
    /// Grouped once for many checks.
    Indexed(&'h HistoryIndex<'h>),
}

/// The cadence rules' view of the history for one check: the account's posts and the draft
/// as a version of a post, each worked out on first use and then shared by every rule.
pub(crate) struct PostIndex<'h> {
    source: HistorySource<'h>,
    own: OnceCell<AccountPosts<'h>>,
    earliest: OnceCell<Option<Timestamp>>,
    draft: OnceCell<Version<'h>>,
}

impl<'h> PostIndex<'h> {
    pub(crate) fn new(source: HistorySource<'h>) -> PostIndex<'h> {
        PostIndex {
            source,
            own: OnceCell::new(),
            earliest: OnceCell::new(),
            draft: OnceCell::new(),
        }
    }

    /// When the earliest entry of the history (of any account) went out.
    pub(crate) fn earliest(&self) -> Option<Timestamp> {
        match self.source {
            HistorySource::Entries(history) => *self.earliest.get_or_init(|| earliest(history)),
            HistorySource::Indexed(index) => index.earliest,
        }
    }

    /// The posts of `account`.
    fn posts<'p>(&'p self, account: &str) -> &'p AccountPosts<'h> {
        match self.source {
            HistorySource::Entries(history) => self
                .own
                .get_or_init(|| AccountPosts::build(history, account)),
            HistorySource::Indexed(index) => index.posts.get(account).unwrap_or(&NO_POSTS),
        }
    }
}

/// The account's posts whose first entry lies in `range`, with the index of the post the
/// draft is part of (if it was already published or scheduled as one of them).
pub(crate) struct Posts<'p, 'h> {
    pub posts: &'p [Post<'h>],
    /// The post the draft belongs to.
    pub draft_post: Option<usize>,
}

/// The account's posts around `range` from the check's index, and the draft's among them.
pub(crate) fn posts_in<'p, 'h>(
    cx: &'p CheckContext<'h>,
    range: Range,
    draft_at: Timestamp,
) -> Posts<'p, 'h> {
    let posts = cx.history.posts(&cx.account.id).in_range(range);
    let draft = cx.history.draft.get_or_init(|| {
        Version::new(
            Some(&cx.draft.text),
            cx.platforms,
            cx.draft.post_id.as_deref(),
        )
    });
    let draft_post = posts.iter().position(|post| post.takes(draft, draft_at));
    Posts { posts, draft_post }
}

/// When the posts of `account` whose first entry lies in `range` went out: the archive
/// report counts weeks exactly as the cadence rules do.
pub(crate) fn post_times(history: &[HistoryEntry], account: &str, range: Range) -> Vec<Timestamp> {
    AccountPosts::build(history, account)
        .in_range(range)
        .iter()
        .map(|post| post.at)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn near(a: &str, b: &str) -> bool {
        Words::of(a).near(&Words::of(b))
    }

    #[test]
    fn shortened_version_with_hashtags_and_emoji_is_the_same_post() {
        assert!(near(
            "Ab Montag hat das Bürgerbüro neue Öffnungszeiten. Mehr: https://paderborn.de/x",
            "Ab Montag hat das Bürgerbüro neue Öffnungszeiten 🗓️ #Paderborn @stadt",
        ));
        assert!(near(
            "Der Wochenmarkt zieht um.",
            "der  WOCHENMARKT zieht um"
        ));
    }

    #[test]
    fn different_announcements_are_not_near() {
        assert!(!near(
            "Neue Öffnungszeiten im Bürgerbüro.",
            "Die Stadtbibliothek lädt ein."
        ));
        // Two words in common are no containment: too short to tell.
        assert!(!near(
            "Danke euch!",
            "Danke euch allen für die Geduld beim Umbau."
        ));
    }

    #[test]
    fn reworded_version_shares_four_fifths_of_its_words() {
        assert!(near(
            "Die neue Radstation am Bahnhof öffnet am Montag mit 400 Plätzen.",
            "Die neue Radstation am Bahnhof öffnet heute mit 400 Plätzen! 🚲",
        ));
        assert!(!near(
            "Heute Abend überträgt die Stadt die Sitzung des Rates.",
            "Die Ratssitzung wird heute übertragen.",
        ));
    }

    fn entry(minute: i64, text: &str, post_id: Option<&str>) -> HistoryEntry {
        let base: Timestamp = "2026-05-04T10:00:00+02:00".parse().unwrap_or_default();
        HistoryEntry {
            account: "stadt".into(),
            platforms: vec![Platform::Facebook],
            published_at: base
                .checked_add(SignedDuration::from_mins(minute))
                .unwrap_or(base),
            text: Some(text.into()),
            post_id: post_id.map(Into::into),
        }
    }

    #[test]
    fn shared_post_id_groups_across_hours_and_splits_equal_texts() {
        let history = [
            entry(0, "Haushalt beschlossen.", Some("pm-118")),
            entry(1, "Haushalt beschlossen.", Some("pm-119")),
            entry(240, "Was der Haushalt bringt.", Some("pm-118")),
        ];
        let posts = AccountPosts::build(&history, "stadt");
        assert_eq!(posts.posts.len(), 2);
        assert_eq!(posts.posts.first().map(|p| p.versions.len()), Some(2));
    }
}
