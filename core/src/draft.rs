//! The draft contract: what a CMS, a script or an editor sends to be checked.

use jiff::Timestamp;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::platform::Platform;

/// A post before publication. Only `text` is required.
///
/// A missing `account` means the policy's default account; missing `platforms` means the
/// account's platforms. Unknown keys are rejected so that a typo (`platfroms`) cannot
/// silently disable a check.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Draft {
    /// The post text.
    pub text: String,
    /// Caller's id of the draft, echoed in batch output.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Caller's id of the post this draft is one channel version of (the X version and the
    /// Instagram version of one announcement share it): history entries with the same
    /// `post_id` are this post, so the `cadence.*` rules count it once.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub post_id: Option<String>,
    /// Account id from the policy.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub account: Option<String>,
    /// Target platforms.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub platforms: Option<Vec<Platform>>,
    /// Login of the person who wrote the draft.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    /// When the post is planned to go out (RFC 3339 with offset).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<String>")]
    pub scheduled_at: Option<Timestamp>,
    /// When an archived post went out (batch checks of archives).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<String>")]
    pub published_at: Option<Timestamp>,
    /// Attached images and videos.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub media: Vec<Media>,
    /// Approvals given so far.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub approvals: Vec<Approval>,
    /// Free labels such as `pressemitteilung`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub labels: Vec<String>,
    /// Accounts the post replies to (`@name` or `name`, any case). On X, the @mentions of
    /// these accounts at the start of the text are the reply chain: X shows them above the
    /// post and does not count them, so X's length leaves them out (see
    /// [`Draft::reply_prefix_len`]). The text keeps them, and every other platform counts
    /// them as text.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reply_to: Vec<String>,
    /// Accepted exceptions, like `# noqa` in code: findings someone looked at and let
    /// stand (a citizen's quote stays informal). A waived finding stays in the report,
    /// marked with who waived it and why, and no longer counts for the verdict.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub waivers: Vec<Waiver>,
}

impl Draft {
    /// JSON Schema of the draft contract (`docs/draft.schema.json`), for CMS developers and
    /// editors that validate drafts before sending them.
    pub fn json_schema() -> String {
        let schema = schemars::schema_for!(Draft);
        serde_json::to_string_pretty(&schema).unwrap_or_default() + "\n"
    }

    /// A draft with only a text.
    pub fn new(text: impl Into<String>) -> Draft {
        Draft {
            text: text.into(),
            ..Draft::default()
        }
    }

    /// Byte length of the reply chain at the start of the text: the leading `@name`
    /// mentions of accounts in [`Draft::reply_to`], each followed by white space or the
    /// end, with that white space. 0 for a post that replies to no one or starts otherwise.
    ///
    /// ```
    /// use freigabe::Draft;
    /// let draft = Draft {
    ///     reply_to: vec!["@StadtBonn".into(), "wdr".into()],
    ///     ..Draft::new("@stadtbonn @WDR Danke, @stadtbonn!")
    /// };
    /// assert_eq!(&draft.text[draft.reply_prefix_len()..], "Danke, @stadtbonn!");
    /// ```
    #[must_use]
    pub fn reply_prefix_len(&self) -> usize {
        if self.reply_to.is_empty() {
            return 0;
        }
        let in_chain = |name: &str| {
            self.reply_to.iter().any(|account| {
                let account = account.trim();
                account
                    .strip_prefix('@')
                    .unwrap_or(account)
                    .eq_ignore_ascii_case(name)
            })
        };
        let mut prefix = 0;
        loop {
            let rest = &self.text[prefix..];
            let Some(after_at) = rest.strip_prefix('@') else {
                return prefix;
            };
            // X handles are ASCII letters, digits and `_`.
            let name_len = after_at
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                .unwrap_or(after_at.len());
            let after_name = &after_at[name_len..];
            let ends = after_name.is_empty() || after_name.starts_with(char::is_whitespace);
            if name_len == 0 || !ends || !in_chain(&after_at[..name_len]) {
                return prefix;
            }
            let spaces = after_name.len() - after_name.trim_start().len();
            prefix += 1 + name_len + spaces;
        }
    }
}

/// Kind of an attachment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum MediaKind {
    /// A still image.
    Image,
    /// A video.
    Video,
    /// An animated GIF.
    Gif,
}

/// An attachment of a draft.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Media {
    /// Image, video or GIF.
    pub kind: MediaKind,
    /// Alternative text for screen readers. Without it the image has none, unless
    /// `alt_text_unknown` says the source could not tell.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub alt_text: Option<String>,
    /// `true` when the draft's source does not record alt texts (Facebook and Instagram
    /// exports): a missing `alt_text` then means "unknown", not "missing", and
    /// `accessibility.alt-text` says it could not check instead of reporting it missing.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub alt_text_unknown: bool,
    /// Photo credit, e.g. `Foto: Stadt Paderborn`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub credit: Option<String>,
    /// Whether a video has subtitles.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subtitles: Option<bool>,
    /// File name or URL, for messages.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
}

/// An approval of a draft by a second person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Approval {
    /// Login of the approver.
    pub by: String,
    /// When the approval was given.
    #[schemars(with = "String")]
    pub at: Timestamp,
}

/// An accepted exception: the findings of one rule (or family) in a draft, optionally only
/// those at certain words, let stand by a person for a reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Waiver {
    /// The rule id (`address.informal`) or a family glob (`address.*`) whose findings are
    /// waived. An id no rule has is an input error.
    pub rule: String,
    /// Only findings whose span overlaps an occurrence of these words in the text (exact,
    /// case-sensitive) are waived; findings without a span are then not. Without `words`
    /// every finding of the rule is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub words: Option<String>,
    /// Why the finding may stand, e.g. `Zitat einer Bürgerin`. Must not be empty.
    pub reason: String,
    /// Login of the person who waived it. Under the policy's `[waivers] four-eyes` it
    /// counts only when this is not the draft's `author`.
    pub by: String,
    /// When it was waived (RFC 3339 with offset).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<String>")]
    pub at: Option<Timestamp>,
}

/// An earlier post of an account, for cadence and similar rules.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct HistoryEntry {
    /// Account id from the policy.
    pub account: String,
    /// Platforms it went out on.
    #[serde(default)]
    pub platforms: Vec<Platform>,
    /// When it went out (or is scheduled to).
    #[schemars(with = "String")]
    pub published_at: Timestamp,
    /// Its text, if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// Caller's id of the post this entry is one channel version of: entries (and a draft)
    /// with the same `post_id` count as one post in the `cadence.*` rules.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub post_id: Option<String>,
}

/// When a draft goes out: `scheduled_at`, else `published_at` (archives), else `now` (a post
/// sent right away). `None` when none is known: time rules then have nothing to check.
pub(crate) fn post_time(draft: &Draft, now: Option<Timestamp>) -> Option<Timestamp> {
    draft.scheduled_at.or(draft.published_at).or(now)
}
