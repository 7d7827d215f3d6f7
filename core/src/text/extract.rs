//! URL, hashtag and mention extraction with twitter-text semantics.
//!
//! This mirrors the JavaScript reference implementation of twitter-text
//! (`js/src/extract*.js`, `js/src/regexp/*.js`) and passes its conformance
//! suite (`extract.yml`). The original regular expressions rely on
//! backtracking and lookaround, which the `regex` crate does not offer, so:
//!
//! * hashtags and mentions use the original patterns directly (their
//!   lookarounds are rewritten as equivalent character classes or checked in
//!   code on the text after the match, as twitter-text itself does);
//! * the domain part of URLs is matched by hand, reproducing the order in
//!   which a backtracking engine explores `subdomain* domainName TLD`, which
//!   keeps extraction linear in the text length; the port, path and query
//!   that follow use the original patterns with the `regex` crate.
//!
//! All offsets are UTF-8 byte offsets into the text passed in.

use std::cell::OnceCell;
use std::collections::BTreeMap;
use std::fmt;
use std::ops::Range;

use regex::Regex;

use crate::text::regex_classes::{
    CONNECTOR_PUNCTUATION, EMOJI_BASE, EMOJI_MODIFIER, LETTER, MARK, REGIONAL_INDICATOR, any_case,
};

/// Kind of an entity found in a post.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EntityKind {
    /// A URL, with or without scheme.
    Url,
    /// A `#hashtag` (or `＃hashtag`).
    Hashtag,
    /// An `@mention` (or `＠mention`) of a screen name.
    Mention,
}

/// A URL, hashtag or mention; `start..end` is a UTF-8 byte range into the ORIGINAL text
/// (including the leading `#`/`@`, for URLs exactly what twitter-text extracts).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entity {
    /// What was found.
    pub kind: EntityKind,
    /// Byte offset of the first byte of the entity.
    pub start: usize,
    /// Byte offset one past the last byte of the entity.
    pub end: usize,
}

impl Entity {
    /// The entity's text within `text` (the text it was extracted from).
    #[must_use]
    pub fn as_str<'t>(&self, text: &'t str) -> &'t str {
        text.get(self.start..self.end).unwrap_or("")
    }
}

/// Why an [`Extractor`] could not be built.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExtractorError {
    /// One of the built-in patterns did not compile.
    Pattern {
        /// Which pattern.
        name: &'static str,
        /// The regex compiler's message.
        message: String,
    },
    /// The bundled TLD list could not be read.
    TldList(String),
}

impl fmt::Display for ExtractorError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Pattern { name, message } => {
                write!(f, "built-in pattern `{name}` does not compile: {message}")
            }
            Self::TldList(message) => write!(f, "bundled TLD list is malformed: {message}"),
        }
    }
}

impl std::error::Error for ExtractorError {}

/// TLD list of twitter-text (`conformance/tld_lib.yml`), read at construction.
const TLD_LIST: &str = include_str!("../../data/tld_lib.yml");

/// twitter-text rejects URLs longer than this (counted with a scheme, in UTF-16 units).
const MAX_URL_LENGTH: usize = 4096;
/// twitter-text rejects t.co URLs whose slug is longer than this.
const MAX_TCO_SLUG_LENGTH: usize = 40;
/// DNS limit on one label, checked after punycode encoding.
const MAX_DOMAIN_LABEL_LENGTH: usize = 63;
/// Length of the scheme twitter-text assumes when a URL has none.
const DEFAULT_PROTOCOL_LENGTH: usize = "https://".len();
/// The longest scheme [`protocol_length`] accepts.
const MAX_PROTOCOL_LENGTH: usize = "https://".len();

/// `validGeneralUrlPathChars` (latin accents and Cyrillic included; the `i` flag is spelled out).
const URL_PATH_CHARS: &str = r"[a-zA-Z\x{0400}-\x{04FF}0-9!*';:=+,.$/%#\[\]\-\x{2013}_~@|&\x{C0}-\x{D6}\x{D8}-\x{F6}\x{F8}-\x{FF}\x{0100}-\x{024F}\x{0253}\x{0254}\x{0256}\x{0257}\x{0259}\x{025B}\x{0263}\x{0268}\x{026F}\x{0272}\x{0289}\x{028B}\x{02BB}\x{0300}-\x{036F}\x{1E00}-\x{1EFF}]";
/// `validUrlPathEndingChars` without the balanced-parens alternative.
const URL_PATH_ENDING_CHARS: &str = r"[+\-a-zA-Z\x{0400}-\x{04FF}0-9=_#/\x{C0}-\x{D6}\x{D8}-\x{F6}\x{F8}-\x{FF}\x{0100}-\x{024F}\x{0253}\x{0254}\x{0256}\x{0257}\x{0259}\x{025B}\x{0263}\x{0268}\x{026F}\x{0272}\x{0289}\x{028B}\x{02BB}\x{0300}-\x{036F}\x{1E00}-\x{1EFF}]";
/// `validUrlQueryChars`.
const URL_QUERY_CHARS: &str = r"[a-zA-Z0-9!?*'@();:&=+$/%#\[\]\-_.,~|]";
/// `validUrlQueryEndingChars`.
const URL_QUERY_ENDING_CHARS: &str = r"[a-zA-Z0-9\-_&=#/]";
/// Scheme and host of a `validTcoUrl`, matched in any case.
const TCO_PREFIX: &str = r"https?://t\.co/";

/// Letters and marks that may appear in hashtags besides `\p{L}\p{M}`
/// ([`LETTER`], [`MARK`]): the code points twitter-text adds to Java's tables
/// (`HASHTAG_LETTERS_AND_MARKS`).
const HASHTAG_EXTRA_LETTERS: &str = r"\x{037f}\x{0528}-\x{052f}\x{08a0}-\x{08b2}\x{08e4}-\x{08ff}\x{0978}\x{0980}\x{0c00}\x{0c34}\x{0c81}\x{0d01}\x{0ede}\x{0edf}\x{10c7}\x{10cd}\x{10fd}-\x{10ff}\x{16f1}-\x{16f8}\x{17b4}\x{17b5}\x{191d}\x{191e}\x{1ab0}-\x{1abe}\x{1bab}-\x{1bad}\x{1bba}-\x{1bbf}\x{1cf3}-\x{1cf6}\x{1cf8}\x{1cf9}\x{1de7}-\x{1df5}\x{2cf2}\x{2cf3}\x{2d27}\x{2d2d}\x{2d66}\x{2d67}\x{9fcc}\x{a674}-\x{a67b}\x{a698}-\x{a69d}\x{a69f}\x{a792}-\x{a79f}\x{a7aa}-\x{a7ad}\x{a7b0}\x{a7b1}\x{a7f7}-\x{a7f9}\x{a9e0}-\x{a9ef}\x{a9fa}-\x{a9fe}\x{aa7c}-\x{aa7f}\x{aae0}-\x{aaef}\x{aaf2}-\x{aaf6}\x{ab30}-\x{ab5a}\x{ab5c}-\x{ab5f}\x{ab64}\x{ab65}\x{f870}-\x{f87f}\x{f882}\x{f884}-\x{f89f}\x{f8b8}\x{f8c1}-\x{f8d6}\x{fa2e}\x{fa2f}\x{fe27}-\x{fe2d}";
/// Digits allowed in hashtags (`HASHTAG_NUMERALS`); `\d` is `\p{Nd}`.
const HASHTAG_NUMERALS: &str = r"\d\x{0de6}-\x{0def}\x{a9f0}-\x{a9f9}";
/// Non-alphanumeric characters allowed in hashtags (`hashtagSpecialChars`).
const HASHTAG_SPECIAL: &str = r"_\x{200c}\x{200d}\x{a67e}\x{05be}\x{05f3}\x{05f4}\x{ff5e}\x{301c}\x{309b}\x{309c}\x{30a0}\x{30fb}\x{3003}\x{0f0b}\x{0f0c}\x{00b7}";

/// Which TLD list a TLD comes from; generic TLDs come first in twitter-text's
/// alternation, so they win over country-code TLDs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum TldKind {
    Generic,
    Country,
}

/// Lower-cased TLDs of both lists as a byte trie, for prefix look-ups at a position
/// without building a key (a look-up runs at every dot of every candidate URL).
#[derive(Debug)]
struct TldTable {
    /// Node 0 is the root; each node's children are sorted by byte.
    nodes: Vec<TldNode>,
}

#[derive(Debug, Default)]
struct TldNode {
    children: Vec<(u8, u32)>,
    /// The list of the TLD that ends here, if a whole TLD does.
    whole: Option<TldKind>,
}

impl TldTable {
    /// The node reached from `node` by `bytes`, if every step exists.
    fn walk(&self, node: u32, bytes: &[u8]) -> Option<u32> {
        bytes.iter().try_fold(node, |node, byte| {
            let children = &self.nodes.get(node as usize)?.children;
            children
                .binary_search_by_key(byte, |&(b, _)| b)
                .ok()
                .map(|index| children[index].1)
        })
    }

    /// The list of the TLD ending at `node`, if one does.
    fn whole(&self, node: u32) -> Option<TldKind> {
        self.nodes.get(node as usize).and_then(|n| n.whole)
    }

    /// Adds `tld` (lower-cased) from `kind`'s list.
    fn insert(&mut self, tld: &str, kind: TldKind) {
        let mut node = 0;
        for &byte in tld.as_bytes() {
            let count = self.nodes.len();
            let children = &mut self.nodes[node].children;
            node = match children.binary_search_by_key(&byte, |&(b, _)| b) {
                Ok(index) => children[index].1 as usize,
                Err(index) => {
                    children.insert(index, (byte, count as u32));
                    self.nodes.push(TldNode::default());
                    count
                }
            };
        }
        // A TLD in both lists matches as generic, since that alternative is tried first.
        let whole = &mut self.nodes[node].whole;
        *whole = Some(whole.map_or(kind, |existing| existing.min(kind)));
    }

    /// Whether `tld` is a whole TLD, and from which list.
    #[cfg(test)]
    fn get(&self, tld: &str) -> Option<Option<TldKind>> {
        self.walk(0, tld.as_bytes()).map(|node| self.whole(node))
    }
}

impl TldTable {
    fn parse(yaml: &str) -> Result<Self, ExtractorError> {
        let mut table = TldTable {
            nodes: vec![TldNode::default()],
        };
        let mut section: Option<TldKind> = None;
        for (number, raw) in yaml.lines().enumerate() {
            let line = raw.trim_end();
            if line.is_empty() || line == "---" || line.starts_with('#') {
                continue;
            }
            if let Some(item) = line.strip_prefix("- ") {
                let kind = section.ok_or_else(|| {
                    ExtractorError::TldList(format!("line {}: item outside a list", number + 1))
                })?;
                let tld = unquote(item.trim()).to_lowercase();
                if tld.is_empty() {
                    return Err(ExtractorError::TldList(format!(
                        "line {}: empty TLD",
                        number + 1
                    )));
                }
                table.insert(&tld, kind);
            } else if let Some(name) = line.strip_suffix(':') {
                section = match name {
                    "country" => Some(TldKind::Country),
                    "generic" => Some(TldKind::Generic),
                    other => {
                        return Err(ExtractorError::TldList(format!(
                            "line {}: unknown list `{other}`",
                            number + 1
                        )));
                    }
                };
            } else {
                return Err(ExtractorError::TldList(format!(
                    "line {}: unexpected `{line}`",
                    number + 1
                )));
            }
        }
        if table.nodes.len() == 1 {
            return Err(ExtractorError::TldList("no TLDs".to_owned()));
        }
        Ok(table)
    }
}

/// YAML scalars such as `'no'` are quoted so they stay strings.
fn unquote(item: &str) -> &str {
    for quote in ['\'', '"'] {
        if let Some(inner) = item
            .strip_prefix(quote)
            .and_then(|rest| rest.strip_suffix(quote))
        {
            return inner;
        }
    }
    item
}

/// Compiled once (hold all regexes/TLD tables); Send + Sync; construction is fallible, never panics.
#[derive(Debug)]
pub struct Extractor {
    tlds: TldTable,
    /// Port, path and query after a domain, anchored at the domain's end.
    url_tail: Regex,
    /// `validTcoUrl` with the optional query of the current Java implementation.
    tco: Regex,
    hashtag: Regex,
    mention: Regex,
    mastodon_mention: Regex,
    /// Matches at the end of the text before a Mastodon `@` that may not start a mention.
    mastodon_blocker: Regex,
    /// One emoji sequence at the start of the haystack (tried only where one may start).
    emoji: Regex,
}

/// Compiles a built-in pattern, naming it in the error.
fn compile(name: &'static str, pattern: &str) -> Result<Regex, ExtractorError> {
    Regex::new(pattern).map_err(|error| ExtractorError::Pattern {
        name,
        message: error.to_string(),
    })
}

/// One match of twitter-text's `extractUrl` pattern, before post-processing.
struct UrlMatch {
    /// Start of `$3` (the URL, scheme included).
    start: usize,
    has_protocol: bool,
    domain_start: usize,
    domain_end: usize,
    has_path: bool,
    /// End of the whole match, where the next search resumes.
    end: usize,
}

/// Remembers label scans so that extraction stays linear when many candidate
/// starts share the same label (e.g. in CJK text, where every character may
/// precede a URL).
#[derive(Default)]
struct DomainCache {
    run: Option<LabelRun>,
    tail: Option<(usize, DomainTail)>,
    /// Per dot: best domain end using only the labels after it (see `best_after`).
    best_after: BTreeMap<usize, Option<usize>>,
}

/// A run of characters allowed in a domain label (`validDomainChars`, `-`, `_`).
#[derive(Clone, Copy)]
struct LabelRun {
    /// Where scanning started; the run is only valid for starts at or after it.
    from: usize,
    /// Offset of the first character after the run.
    end: usize,
    /// The run is followed by a `.`.
    ends_with_dot: bool,
    /// The last character of the run is a `validDomainChars` character.
    last_is_domain_char: bool,
    /// Offset of the last `_` in the run.
    last_underscore: Option<usize>,
}

/// Domain ends for a given first dot, independent of where the first label starts.
#[derive(Clone, Copy)]
struct DomainTail {
    /// Best end using at least one subdomain (the first label as subdomain).
    with_subdomains: Option<usize>,
    /// End when the first label is the domain name and the TLD follows its dot.
    first_label_as_name: Option<usize>,
}

impl Extractor {
    /// Compiles all patterns and reads the bundled TLD list.
    ///
    /// # Errors
    /// Returns an error if a built-in pattern does not compile or the TLD list is malformed.
    pub fn new() -> Result<Self, ExtractorError> {
        let tlds = TldTable::parse(TLD_LIST)?;

        let balanced_parens = format!(r"\((?:{g}+|(?:{g}*\({g}+\){g}*))\)", g = URL_PATH_CHARS);
        let path_ending = format!(r"(?:{URL_PATH_ENDING_CHARS}|(?:{balanced_parens}))");
        let path = format!(
            r"(?:(?:{g}*(?:{balanced_parens}{g}*)*{path_ending})|(?:@{g}+/))",
            g = URL_PATH_CHARS
        );
        let url_tail = compile(
            "url_tail",
            &format!(r"\A(?::[0-9]+)?(/{path}*)?(?:\?{URL_QUERY_CHARS}*{URL_QUERY_ENDING_CHARS})?"),
        )?;
        let tco = compile(
            "tco",
            &format!(
                r"\A{}([a-zA-Z0-9]+)(?:\?{URL_QUERY_CHARS}*{URL_QUERY_ENDING_CHARS})?",
                any_case(TCO_PREFIX)
            ),
        )?;

        // `hashtagBoundary` is `^|\uFE0E|\uFE0F|$|(?!alnum|&)codePoint`; the
        // negative lookahead on one code point is a negated class, and `$`
        // cannot precede a hash sign. `(?!\uFE0F|\u20E3)` after the hash sign
        // becomes an exclusion on the tag's first character.
        let hashtag_letters = format!("{LETTER}{MARK}{HASHTAG_EXTRA_LETTERS}");
        let letters = format!("[{hashtag_letters}]");
        let alnum = format!("[{hashtag_letters}{HASHTAG_NUMERALS}{HASHTAG_SPECIAL}]");
        let hashtag = compile(
            "hashtag",
            &format!(
                r"(?:^|[\x{{FE0E}}\x{{FE0F}}]|[^&{hashtag_letters}{HASHTAG_NUMERALS}{HASHTAG_SPECIAL}])([#＃])((?:[{letters}--[\x{{FE0F}}\x{{20E3}}]]{alnum}*|[{alnum}--[\x{{FE0F}}\x{{20E3}}]]{alnum}*{letters}{alnum}*))"
            ),
        )?;
        // `validMentionOrList` has no lookaround and is used as is.
        let mention = compile(
            "mention",
            r"(?:^|[^a-zA-Z0-9_!#$%&*@＠]|(?:^|[^a-zA-Z0-9_+~.-])(?:rt|RT|rT|Rt):?)([@＠])([a-zA-Z0-9_]{1,20})(/[a-zA-Z][a-zA-Z0-9_\-]{0,24})?",
        )?;
        // Ruby's `[[:word:]]` (`\p{L}\p{M}\p{Nd}\p{Pc}`; `\d` is `\p{Nd}`).
        let word = format!(r"{LETTER}{MARK}\d{CONNECTOR_PUNCTUATION}");
        // Mastodon's `Account::MENTION_RE`; its lookbehind is checked in code.
        let mastodon_mention = compile(
            "mastodon_mention",
            &format!(r"@([a-zA-Z0-9_]+(?:[.-]+[a-zA-Z0-9_]+)*)(?:@[{word}]+(?:[.-]+[{word}]+)*)?"),
        )?;
        // Ruby's `[[:word:]]`, `=` and `/`: what may not precede a Mastodon mention.
        let mastodon_blocker = compile("mastodon_blocker", &format!(r"[=/{word}]\z"))?;
        let emoji_element = format!(r"[{EMOJI_BASE}](?:\x{{FE0F}}|[{EMOJI_MODIFIER}])?");
        let emoji = compile(
            "emoji",
            &format!(
                r"\A(?:[0-9#*]\x{{FE0F}}?\x{{20E3}}|\x{{1F3F4}}[\x{{E0020}}-\x{{E007E}}]+\x{{E007F}}|[{REGIONAL_INDICATOR}][{REGIONAL_INDICATOR}]|{emoji_element}(?:\x{{200D}}{emoji_element})*)"
            ),
        )?;

        Ok(Self {
            tlds,
            url_tail,
            tco,
            hashtag,
            mention,
            mastodon_mention,
            mastodon_blocker,
            emoji,
        })
    }

    /// URLs, like twitter-text `extractUrlsWithIndices` (URLs without scheme included).
    #[must_use]
    pub fn urls(&self, text: &str) -> Vec<Entity> {
        let mut urls = Vec::new();
        // Same shortcut as twitter-text: every URL it accepts has a dot.
        if !text.contains('.') {
            return urls;
        }
        let mut cache = DomainCache::default();
        let mut search_from = 0;
        while let Some((preceding, found)) = self.next_url_match(text, search_from, &mut cache) {
            search_from = found.end;
            self.accept_url(text, preceding, &found, &mut urls);
        }
        urls
    }

    /// Hashtags, like twitter-text `extractHashtagsWithIndices` (hashtags inside URLs removed).
    #[must_use]
    pub fn hashtags(&self, text: &str) -> Vec<Entity> {
        let tags = self.hashtags_overlapping_urls(text);
        if tags.is_empty() {
            return tags;
        }
        let urls = self.urls(text);
        if urls.is_empty() {
            return tags;
        }
        let mut entities = tags;
        entities.extend(urls);
        remove_overlapping(&mut entities);
        entities.retain(|entity| entity.kind == EntityKind::Hashtag);
        entities
    }

    /// Mentions of screen names, like twitter-text `extractMentionsWithIndices` (lists excluded).
    #[must_use]
    pub fn mentions(&self, text: &str) -> Vec<Entity> {
        let mut mentions = Vec::new();
        if !text.contains(['@', '＠']) {
            return mentions;
        }
        for captures in self.mention.captures_iter(text) {
            let (Some(whole), Some(at_sign), Some(name)) =
                (captures.get(0), captures.get(1), captures.get(2))
            else {
                continue;
            };
            if is_invalid_mention_end(&text[whole.end()..]) || captures.get(3).is_some() {
                continue;
            }
            mentions.push(Entity {
                kind: EntityKind::Mention,
                start: at_sign.start(),
                end: name.end(),
            });
        }
        mentions
    }

    /// All three, sorted by start, overlaps removed like `extractEntitiesWithIndices`.
    #[must_use]
    pub fn entities(&self, text: &str) -> Vec<Entity> {
        self.entities_with_urls(text, self.urls(text))
    }

    /// [`Extractor::entities`] from the [`Extractor::urls`] of `text`, for a caller that
    /// also needs the URLs before overlaps are removed (the platform counters do).
    pub(crate) fn entities_with_urls(&self, text: &str, urls: Vec<Entity>) -> Vec<Entity> {
        let mut entities = urls;
        entities.extend(self.hashtags_overlapping_urls(text));
        entities.extend(self.mentions(text));
        remove_overlapping(&mut entities);
        entities
    }

    /// Mastodon remote mentions `@user@domain`: the entity spans the whole
    /// thing, the `usize` is the byte end of the `@user` part.
    ///
    /// Follows Mastodon's `Account::MENTION_RE` and its extractor: the `@`
    /// must not follow `=`, `/` or a word character, and the mention must not
    /// be followed by `@`, a Latin accented letter or `://`.
    #[must_use]
    pub fn remote_mentions(&self, text: &str) -> Vec<(Entity, usize)> {
        self.mastodon_mentions(text)
            .into_iter()
            .filter(|(entity, user_end)| entity.end > *user_end)
            .collect()
    }

    /// All Mastodon mentions, local and remote, as `(entity, end of @user)`.
    fn mastodon_mentions(&self, text: &str) -> Vec<(Entity, usize)> {
        let mut mentions = Vec::new();
        if !text.contains('@') {
            return mentions;
        }
        let mut from = 0;
        // Locate with the cheaper `find_at`; capture groups only for accepted mentions.
        while let Some(whole) = self.mastodon_mention.find_at(text, from) {
            if self.blocks_mastodon_mention(&text[..whole.start()]) {
                // A lookbehind failure lets the scan retry right after the `@`.
                from = whole.start() + 1;
                continue;
            }
            from = whole.end();
            if is_invalid_mention_end(&text[whole.end()..]) {
                continue;
            }
            let user_end = self
                .mastodon_mention
                .captures_at(text, whole.start())
                .and_then(|captures| captures.get(1))
                .map_or(whole.end(), |user| user.end());
            mentions.push((
                Entity {
                    kind: EntityKind::Mention,
                    start: whole.start(),
                    end: whole.end(),
                },
                user_end,
            ));
        }
        mentions
    }

    /// Mastodon's `(?<![=/[:word:]])` before the `@`.
    fn blocks_mastodon_mention(&self, before: &str) -> bool {
        match before.chars().next_back() {
            None => false,
            Some(last) if last.is_ascii() => {
                last.is_ascii_alphanumeric() || matches!(last, '_' | '=' | '/')
            }
            Some(last) => self
                .mastodon_blocker
                .is_match(&before[before.len() - last.len_utf8()..]),
        }
    }

    /// Byte ranges of emoji sequences (keycaps, flags, tag sequences, modifier
    /// and ZWJ sequences, single pictographs not followed by U+FE0E).
    ///
    /// Built on the Unicode emoji properties of the regex crate's tables
    /// (as ranges from build.rs) rather than on a copy of Twemoji's list, so new emoji are recognised
    /// without a data update; see [`crate::platform::counting`] for why.
    pub fn emoji_ranges<'t>(
        &'t self,
        text: &'t str,
    ) -> impl Iterator<Item = std::ops::Range<usize>> + 't {
        // The matches of the pattern without `\A`, left to right: the pattern has no
        // lookaround, so a match at a start is the anchored match on the rest of the text.
        let mut position = 0;
        std::iter::from_fn(move || {
            loop {
                let start = next_emoji_start(text, position)?;
                let Some(found) = self.emoji.find(&text[start..]) else {
                    position = start + text[start..].chars().next().map_or(1, char::len_utf8);
                    continue;
                };
                let range = start..start + found.end();
                position = range.end;
                let single_char = found.as_str().chars().nth(1).is_none();
                // Text-presentation selector: a lone pictograph asked to render as text.
                let text_style = text[range.end..].starts_with('\u{FE0E}');
                if !(single_char && text_style) {
                    return Some(range);
                }
            }
        })
    }

    fn hashtags_overlapping_urls(&self, text: &str) -> Vec<Entity> {
        let mut tags = Vec::new();
        if !text.contains(['#', '＃']) {
            return tags;
        }
        for captures in self.hashtag.captures_iter(text) {
            let (Some(whole), Some(hash), Some(tag)) =
                (captures.get(0), captures.get(1), captures.get(2))
            else {
                continue;
            };
            let after = &text[whole.end()..];
            if after.starts_with(['#', '＃']) || after.starts_with("://") {
                continue;
            }
            tags.push(Entity {
                kind: EntityKind::Hashtag,
                start: hash.start(),
                end: tag.end(),
            });
        }
        tags
    }

    /// Finds the next match of `extractUrl` at or after `from`, returning the
    /// consumed preceding character (`None` for `^`) and the match.
    fn next_url_match(
        &self,
        text: &str,
        from: usize,
        cache: &mut DomainCache,
    ) -> Option<(Option<char>, UrlMatch)> {
        // Every URL's domain has a label that ends at a dot, so only the starts just
        // before a dot are tried: for each next dot, those from the start of the label
        // run that ends there (less a scheme's length) up to the dot itself. Where no
        // match can start, nothing is scanned character by character.
        let mut from = from;
        while let Some(dot) = text.get(from..).and_then(|rest| rest.find('.')) {
            let dot = from + dot;
            // The first dot of a domain is followed by a label or the TLD.
            if !text[dot + 1..].chars().next().is_some_and(is_domain_char) {
                from = dot + 1;
                continue;
            }
            let earliest = label_run_start(text, dot).saturating_sub(MAX_PROTOCOL_LENGTH);
            // The preceding character is consumed before the start: up to 4 bytes back.
            let mut scan_from = earliest.saturating_sub(4).max(from);
            while !text.is_char_boundary(scan_from) {
                scan_from -= 1;
            }
            let candidates = text.get(scan_from..=dot).unwrap_or_default();
            if let Some(found) = self.next_url_match_in(text, scan_from, candidates, cache) {
                return Some(found);
            }
            from = dot + 1;
        }
        None
    }

    /// [`Extractor::next_url_match`] for the preceding characters in `candidates`, the
    /// part of `text` from byte `from` on.
    fn next_url_match_in(
        &self,
        text: &str,
        from: usize,
        candidates: &str,
        cache: &mut DomainCache,
    ) -> Option<(Option<char>, UrlMatch)> {
        for (offset, preceding) in candidates.char_indices() {
            let position = from + offset;
            if is_url_preceding_char(preceding) {
                let start = position + preceding.len_utf8();
                if let Some(found) = self.match_url_at(text, start, cache) {
                    return Some((Some(preceding), found));
                }
            }
            // `^` is the second alternative of `validUrlPrecedingChars`.
            if position == 0
                && let Some(found) = self.match_url_at(text, 0, cache)
            {
                return Some((None, found));
            }
        }
        None
    }

    /// `(https?://)?(validDomain)(?::port)?(/path)?(\?query)?` at `start`.
    fn match_url_at(&self, text: &str, start: usize, cache: &mut DomainCache) -> Option<UrlMatch> {
        let protocol_len = protocol_length(&text[start..]);
        let domain_start = start + protocol_len;
        // Without a scheme at a `http://` the first label would end in `:`, so
        // trying the optional group's other branch could never match.
        let domain_end = self.match_domain(text, domain_start, cache)?;
        let (tail_len, has_path) = self.url_tail_at(&text[domain_end..]);
        Some(UrlMatch {
            start,
            has_protocol: protocol_len > 0,
            domain_start,
            domain_end,
            has_path,
            end: domain_end + tail_len,
        })
    }

    /// Length of the port, path and query at the start of `rest`, and whether there is a
    /// path. Each part begins with `:`, `/` or `?`, so most domains need no regex search;
    /// the path group is taken whenever a `/` follows the (greedy) port, so the match
    /// bounds tell it without capture groups.
    fn url_tail_at(&self, rest: &str) -> (usize, bool) {
        if !rest.starts_with([':', '/', '?']) {
            return (0, false);
        }
        let Some(tail) = self.url_tail.find(rest) else {
            return (0, false);
        };
        let tail = tail.as_str();
        let after_port = match tail.strip_prefix(':') {
            Some(port) => port.trim_start_matches(|c: char| c.is_ascii_digit()),
            None => tail,
        };
        (tail.len(), after_port.starts_with('/'))
    }

    /// `validDomain` = `validSubdomain* validDomainName (gTLD|ccTLD|punycode)`
    /// at `start`, in the order a backtracking engine tries it: as many
    /// subdomains as possible first, and the first TLD alternative that fits.
    fn match_domain(&self, text: &str, start: usize, cache: &mut DomainCache) -> Option<usize> {
        let first = text[start..].chars().next()?;
        if !is_domain_char(first) {
            return None;
        }
        let run = match cache.run {
            Some(run) if run.from <= start && start < run.end => run,
            _ => {
                let run = scan_label_run(text, start);
                cache.run = Some(run);
                run
            }
        };
        if !run.ends_with_dot || !run.last_is_domain_char {
            return None;
        }
        let dot = run.end;
        let tail = match cache.tail {
            Some((cached_dot, tail)) if cached_dot == dot => tail,
            _ => {
                let tail = self.domain_tail(text, dot, cache);
                cache.tail = Some((dot, tail));
                tail
            }
        };
        if let Some(end) = tail.with_subdomains {
            return Some(end);
        }
        let first_label_is_name = run
            .last_underscore
            .is_none_or(|underscore| underscore < start);
        if first_label_is_name {
            tail.first_label_as_name
        } else {
            None
        }
    }

    /// Domain ends for the labels after the first label's dot at `dot`.
    fn domain_tail(&self, text: &str, dot: usize, cache: &mut DomainCache) -> DomainTail {
        DomainTail {
            with_subdomains: self.best_after(text, dot, cache),
            first_label_as_name: self.tld_at(text, dot + 1),
        }
    }

    /// Best domain end when the label ending at `dot` and all labels before
    /// it are subdomains: the last label after `dot` that can be the domain
    /// name and is followed by a TLD (the backtracking engine tries the most
    /// subdomains first). Since `best_after(dot)` is `best_after(next dot)`
    /// or the label in between, results are memoised per dot, which keeps
    /// texts like `a.a.a.a…` linear.
    fn best_after(&self, text: &str, dot: usize, cache: &mut DomainCache) -> Option<usize> {
        // Labels not yet known, as (dot before, dot after, has underscore).
        let mut pending: Vec<(usize, usize, bool)> = Vec::new();
        let mut current = dot;
        let mut best = loop {
            if let Some(&known) = cache.best_after.get(&current) {
                break known;
            }
            let label_start = current + 1;
            let starts_label = text[label_start..]
                .chars()
                .next()
                .is_some_and(is_domain_char);
            let run = starts_label.then(|| scan_label_run(text, label_start));
            match run {
                Some(run) if run.ends_with_dot && run.last_is_domain_char => {
                    pending.push((current, run.end, run.last_underscore.is_some()));
                    current = run.end;
                }
                _ => {
                    cache.best_after.insert(current, None);
                    break None;
                }
            }
        };
        for (before, after, has_underscore) in pending.into_iter().rev() {
            if best.is_none() && !has_underscore {
                best = self.tld_at(text, after + 1);
            }
            cache.best_after.insert(before, best);
        }
        best
    }

    /// `(?:validGTLD|validCCTLD|validPunycode)` at `position`: returns its end.
    fn tld_at(&self, text: &str, position: usize) -> Option<usize> {
        self.listed_tld_at(text, position, text.len())
            .or_else(|| punycode_tld_at(text, position))
    }

    /// A listed TLD at `position` followed by `(?=[^0-9a-zA-Z@+-]|$)`, where `$`
    /// is `limit`. Generic TLDs precede country ones in the alternation, and
    /// within a list longer TLDs precede their prefixes (the list is sorted
    /// in reverse), so the best candidate is the first one the regex accepts.
    fn listed_tld_at(&self, text: &str, position: usize, limit: usize) -> Option<usize> {
        self.listed_tld_kind_at(text, position, limit)
            .map(|(end, _)| end)
    }

    fn listed_tld_kind_at(
        &self,
        text: &str,
        position: usize,
        limit: usize,
    ) -> Option<(usize, TldKind)> {
        let mut node = 0;
        let mut best: Option<(usize, TldKind)> = None;
        for (offset, character) in text[position..limit].char_indices() {
            let next = if character.is_ascii() {
                self.tlds
                    .walk(node, &[character.to_ascii_lowercase() as u8])
            } else {
                let mut buffer = [0; 4];
                character.to_lowercase().try_fold(node, |node, lower| {
                    self.tlds
                        .walk(node, lower.encode_utf8(&mut buffer).as_bytes())
                })
            };
            let end = position + offset + character.len_utf8();
            let Some(next) = next else {
                break;
            };
            node = next;
            let Some(kind) = self.tlds.whole(node) else {
                continue;
            };
            let next = text[end..limit].chars().next();
            if next
                .is_some_and(|next| next.is_ascii_alphanumeric() || matches!(next, '@' | '+' | '-'))
            {
                continue;
            }
            if best.is_none_or(|(_, best_kind)| kind <= best_kind) {
                best = Some((end, kind));
            }
        }
        best
    }

    /// Post-processing of one `extractUrl` match (the body of twitter-text's loop).
    fn accept_url(
        &self,
        text: &str,
        preceding: Option<char>,
        found: &UrlMatch,
        urls: &mut Vec<Entity>,
    ) {
        let url = &text[found.start..found.end];
        let domain = &text[found.domain_start..found.domain_end];
        let protocol_len = if found.has_protocol {
            found.domain_start - found.start
        } else {
            DEFAULT_PROTOCOL_LENGTH
        };
        if !self.is_valid_url(url, protocol_len, domain) {
            return;
        }
        if found.has_protocol {
            let mut end = found.end;
            let tco_host = text
                .as_bytes()
                .get(found.domain_start..found.domain_start + "t.co/".len())
                .is_some_and(|host| host.eq_ignore_ascii_case(b"t.co/"));
            if let Some(captures) = tco_host.then(|| self.tco.captures(url)).flatten() {
                let slug_len = captures.get(1).map_or(0, |slug| slug.len());
                if slug_len > MAX_TCO_SLUG_LENGTH {
                    return;
                }
                // t.co URLs take no further path characters.
                end = found.start + captures.get(0).map_or(0, |whole| whole.end());
            }
            urls.push(Entity {
                kind: EntityKind::Url,
                start: found.start,
                end,
            });
            return;
        }
        if preceding.is_some_and(|before| matches!(before, '-' | '_' | '.' | '/')) {
            return;
        }
        // Without a scheme only ASCII(-ish) domains are links.
        let ascii_domains = self.ascii_domains(domain);
        let Some(last) = ascii_domains.len().checked_sub(1) else {
            return;
        };
        for (index, (ascii_start, ascii_end)) in ascii_domains.into_iter().enumerate() {
            // With a path, the last ASCII domain takes the path and query along.
            let end = if found.has_path && index == last {
                found.end
            } else {
                found.domain_start + ascii_end
            };
            urls.push(Entity {
                kind: EntityKind::Url,
                start: found.domain_start + ascii_start,
                end,
            });
        }
    }

    /// twitter-text `isValidUrl`: DNS label lengths after punycode and overall length.
    fn is_valid_url(&self, url: &str, protocol_len: usize, domain: &str) -> bool {
        if domain.starts_with("xn--") && self.ascii_domains(domain).is_empty() {
            return false;
        }
        for label in domain.split('.') {
            // An ASCII label stays as it is.
            let length = if label.is_ascii() {
                Some(label.len())
            } else {
                punycode_label_length(label)
            };
            match length {
                Some(length) if (1..=MAX_DOMAIN_LABEL_LENGTH).contains(&length) => {}
                _ => return false,
            }
        }
        protocol_len + utf16_len(url) <= MAX_URL_LENGTH
    }

    /// Matches of `validAsciiDomain` (global) within `domain`, as byte ranges.
    fn ascii_domains(&self, domain: &str) -> Vec<(usize, usize)> {
        let mut found = Vec::new();
        let mut position = 0;
        while position < domain.len() {
            let Some(character) = domain[position..].chars().next() else {
                break;
            };
            if !is_ascii_label_char(character) {
                position += character.len_utf8();
                continue;
            }
            // Later starts in the same chain of labels reach a subset of its
            // dots, so a failure here is a failure up to the chain's end.
            let run_end = domain[position..]
                .find(|c: char| !is_ascii_label_char(c))
                .map_or(domain.len(), |offset| position + offset);
            match self.ascii_domain_at(domain, run_end) {
                Ok(end) => {
                    found.push((position, end));
                    position = end;
                }
                Err(chain_end) => position = chain_end.max(position + character.len_utf8()),
            }
        }
        found
    }

    /// `(?:[\-a-z0-9latin]+\.)+(?:gTLD|ccTLD|punycode)` starting with the run
    /// ending at `run_end`; on failure, where the chain of labels ends.
    fn ascii_domain_at(&self, domain: &str, run_end: usize) -> Result<usize, usize> {
        let mut dots = Vec::new();
        let mut chain_end = run_end;
        while domain[chain_end..].starts_with('.') {
            dots.push(chain_end);
            let next = chain_end + 1;
            chain_end = domain[next..]
                .find(|c: char| !is_ascii_label_char(c))
                .map_or(domain.len(), |offset| next + offset);
            if chain_end == next {
                break;
            }
        }
        dots.iter()
            .rev()
            .find_map(|&dot| {
                self.listed_tld_at(domain, dot + 1, domain.len())
                    .or_else(|| punycode_tld_at(domain, dot + 1))
            })
            .ok_or(chain_end)
    }
}

/// Sorts by start and drops entities overlapping an earlier one, like
/// twitter-text `removeOverlappingEntities` (the earlier one wins).
pub fn remove_overlapping(entities: &mut Vec<Entity>) {
    entities.sort_by_key(|entity| entity.start);
    let mut previous_end: Option<usize> = None;
    entities.retain(|entity| {
        if previous_end.is_some_and(|end| end > entity.start) {
            return false;
        }
        previous_end = Some(entity.end);
        true
    });
}

/// The first offset at or after `from` where an emoji sequence may start: a character that
/// may be an emoji (every one from U+203C `‼` on, `©`, `®`) or a keycap's `[0-9#*]`
/// before U+FE0F or U+20E3. Below U+203C no other character is `Emoji`,
/// `Extended_Pictographic` or `Regional_Indicator` (test: the pattern on every one).
fn next_emoji_start(text: &str, from: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut index = from;
    loop {
        // Every sequence holds a character outside ASCII.
        index = ascii_run_end(bytes, index);
        let &byte = bytes.get(index)?;
        let rest = &text[index..];
        let keycap_base = index > from
            && matches!(bytes[index - 1], b'0'..=b'9' | b'#' | b'*')
            && (rest.starts_with('\u{FE0F}') || rest.starts_with('\u{20E3}'));
        if keycap_base {
            return Some(index - 1);
        }
        let may_start = match byte {
            // Lead bytes of U+0080..U+07FF: only `©` (C2 A9) and `®` (C2 AE) there.
            0xC2 => matches!(bytes.get(index + 1), Some(0xA9 | 0xAE)),
            0xC3..=0xDF => false,
            // U+0800..U+203B begin with E0, E1 or E2 80 00..E2 80 BB.
            0xE0 | 0xE1 => false,
            0xE2 => bytes
                .get(index + 1..index + 3)
                .is_some_and(|next| next > [0x80, 0xBB].as_slice()),
            0xE3..=0xF4 => true,
            _ => false,
        };
        if may_start {
            return Some(index);
        }
        index += rest.chars().next().map_or(1, char::len_utf8);
    }
}

/// Length of `text` in UTF-16 code units, from its bytes: one unit per character, two for
/// those of four bytes.
pub(crate) fn utf16_len(text: &str) -> usize {
    text.bytes()
        .map(|byte| usize::from(byte & 0xC0 != 0x80) + usize::from(byte >= 0xF0))
        .sum()
}

/// Offset of the first byte at or after `from` that is not ASCII (`bytes.len()` if none):
/// eight bytes at a time, since most of a German post is ASCII.
pub(crate) fn ascii_run_end(bytes: &[u8], from: usize) -> usize {
    let rest = bytes.get(from..).unwrap_or_default();
    let mut words = rest.chunks_exact(8);
    let mut skipped = 0;
    for word in words.by_ref() {
        let word = u64::from_ne_bytes(<[u8; 8]>::try_from(word).unwrap_or([0x80; 8]));
        if word & 0x8080_8080_8080_8080 != 0 {
            break;
        }
        skipped += 8;
    }
    let tail = &rest[skipped..];
    from + skipped
        + tail
            .iter()
            .position(|byte| !byte.is_ascii())
            .unwrap_or(tail.len())
}

/// Length of `https?://` (any case) at the start of `rest`, or 0.
fn protocol_length(rest: &str) -> usize {
    let bytes = rest.as_bytes();
    let has_http = bytes.len() >= 4 && bytes[..4].eq_ignore_ascii_case(b"http");
    if !has_http {
        return 0;
    }
    let after_s = if bytes.get(4).is_some_and(|b| b.eq_ignore_ascii_case(&b's')) {
        5
    } else {
        4
    };
    if bytes.get(after_s..after_s + 3) == Some(b"://".as_slice()) {
        after_s + 3
    } else {
        0
    }
}

/// `validPunycode` = `xn--[\-0-9a-z]+` (any case) at `position`.
fn punycode_tld_at(text: &str, position: usize) -> Option<usize> {
    let rest = text.get(position..)?.as_bytes();
    if rest.len() < 5 || !rest[..4].eq_ignore_ascii_case(b"xn--") {
        return None;
    }
    let body = rest[4..]
        .iter()
        .take_while(|b| b.is_ascii_alphanumeric() || **b == b'-')
        .count();
    (body > 0).then_some(position + 4 + body)
}

/// Where the run of label characters (domain characters, `-`, `_`) that ends at byte
/// `end` starts: the earliest domain start whose first label can end there.
fn label_run_start(text: &str, end: usize) -> usize {
    let before = text.get(..end).unwrap_or_default();
    before
        .char_indices()
        .rev()
        .find(|&(_, character)| !is_label_char(character))
        .map_or(0, |(offset, character)| offset + character.len_utf8())
}

/// A character [`scan_label_run`] keeps in a run.
fn is_label_char(character: char) -> bool {
    matches!(character, '_' | '-') || is_domain_char(character)
}

/// Scans a run of label characters (`validDomainChars`, `-`, `_`) from `start`.
fn scan_label_run(text: &str, start: usize) -> LabelRun {
    let mut end = text.len();
    let mut last: Option<char> = None;
    let mut last_underscore = None;
    for (offset, character) in text[start..].char_indices() {
        if character == '_' {
            last_underscore = Some(start + offset);
        } else if character != '-' && !is_domain_char(character) {
            end = start + offset;
            break;
        }
        last = Some(character);
    }
    LabelRun {
        from: start,
        end,
        ends_with_dot: text[end..].starts_with('.'),
        last_is_domain_char: last.is_some_and(is_domain_char),
        last_underscore,
    }
}

/// Length of `punycode.toASCII(label)` (UTF-16 units), or `None` if it cannot be encoded.
fn punycode_label_length(label: &str) -> Option<usize> {
    let mut length = 0;
    // punycode.js also splits on the ideographic and fullwidth full stops.
    for (index, part) in label
        .split(['\u{3002}', '\u{FF0E}', '\u{FF61}'])
        .enumerate()
    {
        if index > 0 {
            length += 1;
        }
        if part.chars().any(|c| u32::from(c) > 0x7E) {
            // Punycode spends at least one character per input character, so
            // a long label is too long without paying for its encoding.
            if part.chars().count() > MAX_DOMAIN_LABEL_LENGTH {
                return Some(MAX_DOMAIN_LABEL_LENGTH + 1);
            }
            length += "xn--".len() + idna::punycode::encode_str(part)?.len();
        } else {
            length += part.len();
        }
    }
    Some(length)
}

/// `validUrlPrecedingChars`: anything but `[A-Za-z0-9@＠$#＃]` and the invalid characters.
fn is_url_preceding_char(character: char) -> bool {
    !(character.is_ascii_alphanumeric()
        || matches!(character, '@' | '＠' | '$' | '#' | '＃')
        || is_invalid_char(character))
}

/// twitter-text `invalidChars`: characters a Tweet may not contain.
#[must_use]
pub fn is_invalid_char(character: char) -> bool {
    matches!(character, '\u{FFFE}' | '\u{FEFF}' | '\u{FFFF}')
}

/// `validDomainChars`: not punctuation, not a space, not invalid.
fn is_domain_char(character: char) -> bool {
    character.is_ascii_alphanumeric()
        || !(is_js_punct(character) || is_js_space(character) || is_invalid_char(character))
}

/// twitter-text `punct` (note: without `"` and `` ` ``).
fn is_js_punct(character: char) -> bool {
    matches!(
        character,
        '!' | '\''
            | '#'
            | '%'
            | '&'
            | '('
            | ')'
            | '*'
            | '+'
            | ','
            | '\\'
            | '-'
            | '.'
            | '/'
            | ':'
            | ';'
            | '<'
            | '='
            | '>'
            | '?'
            | '@'
            | '['
            | ']'
            | '^'
            | '_'
            | '{'
            | '|'
            | '}'
            | '~'
            | '$'
    )
}

/// twitter-text `spacesGroup`.
fn is_js_space(character: char) -> bool {
    matches!(
        character,
        '\u{09}'..='\u{0D}'
            | ' '
            | '\u{85}'
            | '\u{A0}'
            | '\u{1680}'
            | '\u{180E}'
            | '\u{2000}'..='\u{200A}'
            | '\u{2028}'
            | '\u{2029}'
            | '\u{202F}'
            | '\u{205F}'
            | '\u{3000}'
    )
}

/// twitter-text `latinAccentChars`.
fn is_latin_accent(character: char) -> bool {
    matches!(
        character,
        '\u{C0}'..='\u{D6}'
            | '\u{D8}'..='\u{F6}'
            | '\u{F8}'..='\u{FF}'
            | '\u{0100}'..='\u{024F}'
            | '\u{0253}'
            | '\u{0254}'
            | '\u{0256}'
            | '\u{0257}'
            | '\u{0259}'
            | '\u{025B}'
            | '\u{0263}'
            | '\u{0268}'
            | '\u{026F}'
            | '\u{0272}'
            | '\u{0289}'
            | '\u{028B}'
            | '\u{02BB}'
            | '\u{0300}'..='\u{036F}'
            | '\u{1E00}'..='\u{1EFF}'
    )
}

/// Label characters of `validAsciiDomain`: `[\-a-z0-9]` (any case) and Latin accents.
fn is_ascii_label_char(character: char) -> bool {
    character.is_ascii_alphanumeric() || character == '-' || is_latin_accent(character)
}

/// twitter-text `endMentionMatch`: `^(?:[@＠]|[latinAccentChars]|://)`.
fn is_invalid_mention_end(after: &str) -> bool {
    after.starts_with("://")
        || after
            .chars()
            .next()
            .is_some_and(|next| next == '@' || next == '＠' || is_latin_accent(next))
}

/// URLs, emoji and remote mentions of one text, extracted on first use and shared by the
/// counters of every platform a draft goes to (one check measures several platforms).
pub struct TextScan<'t> {
    pub(crate) text: &'t str,
    pub(crate) extractor: &'t Extractor,
    urls: OnceCell<Vec<Entity>>,
    emoji: OnceCell<Vec<Range<usize>>>,
    remote_mentions: OnceCell<Vec<(Entity, usize)>>,
}

impl<'t> TextScan<'t> {
    /// A scan of `text`; nothing is extracted until a counter asks.
    #[must_use]
    pub fn new(text: &'t str, extractor: &'t Extractor) -> Self {
        TextScan {
            text,
            extractor,
            urls: OnceCell::new(),
            emoji: OnceCell::new(),
            remote_mentions: OnceCell::new(),
        }
    }

    /// A scan whose URLs are already known: `urls` must be `extractor.urls(text)`.
    pub(crate) fn with_urls(text: &'t str, extractor: &'t Extractor, urls: Vec<Entity>) -> Self {
        let scan = TextScan::new(text, extractor);
        // A fresh cell is empty, so `set` cannot fail.
        let _ = scan.urls.set(urls);
        scan
    }

    /// The scanned text.
    #[must_use]
    pub fn text(&self) -> &'t str {
        self.text
    }

    pub(crate) fn urls(&self) -> &[Entity] {
        self.urls.get_or_init(|| self.extractor.urls(self.text))
    }

    /// Emoji sequences of the text, extracted on first use.
    pub(crate) fn emoji(&self) -> &[Range<usize>] {
        self.emoji
            .get_or_init(|| self.extractor.emoji_ranges(self.text).collect())
    }

    pub(crate) fn remote_mentions(&self) -> &[(Entity, usize)] {
        self.remote_mentions
            .get_or_init(|| self.extractor.remote_mentions(self.text))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `urls` before it went from dot to dot: a match tried after every character.
    fn urls_trying_every_start(extractor: &Extractor, text: &str) -> Vec<Entity> {
        let mut urls = Vec::new();
        let mut cache = DomainCache::default();
        let mut from = 0;
        while let Some((preceding, found)) =
            extractor.next_url_match_in(text, from, &text[from..], &mut cache)
        {
            from = found.end;
            extractor.accept_url(text, preceding, &found, &mut urls);
        }
        urls
    }

    proptest::proptest! {
        #[test]
        fn urls_found_from_the_dots_are_those_of_trying_every_start(
            text in r"([a-z0-9 ._:/@#\-]|ä|—|https?://|www\.|\.de|\.com|xn--|\.xn--p1ai|\n){0,24}"
        ) {
            let extractor = Extractor::new().unwrap();
            proptest::prop_assert_eq!(extractor.urls(&text), urls_trying_every_start(&extractor, &text));
        }
    }

    // The patterns as first written, with the regex crate's Unicode classes and `(?i)`.
    #[test]
    fn patterns_are_the_same_as_with_unicode_classes_and_case_folding() {
        use crate::text::regex_classes::tests::assert_same_pattern;
        let extractor = Extractor::new().unwrap();
        let letters_and_marks = format!(r"\p{{L}}\p{{M}}{HASHTAG_EXTRA_LETTERS}");
        let numerals = r"\p{Nd}\x{0de6}-\x{0def}\x{a9f0}-\x{a9f9}";
        let letters = format!("[{letters_and_marks}]");
        let alnum = format!("[{letters_and_marks}{numerals}{HASHTAG_SPECIAL}]");
        assert_same_pattern(
            extractor.hashtag.as_str(),
            &format!(
                r"(?:^|[\x{{FE0E}}\x{{FE0F}}]|[^&{letters_and_marks}{numerals}{HASHTAG_SPECIAL}])([#＃])((?:[{letters}--[\x{{FE0F}}\x{{20E3}}]]{alnum}*|[{alnum}--[\x{{FE0F}}\x{{20E3}}]]{alnum}*{letters}{alnum}*))"
            ),
        );
        assert_same_pattern(
            extractor.tco.as_str(),
            &format!(
                r"\A(?i:https?://t\.co/)([a-zA-Z0-9]+)(?:\?{URL_QUERY_CHARS}*{URL_QUERY_ENDING_CHARS})?"
            ),
        );
        assert_same_pattern(
            extractor.mastodon_mention.as_str(),
            r"@([a-zA-Z0-9_]+(?:[.-]+[a-zA-Z0-9_]+)*)(?:@[\p{L}\p{M}\p{Nd}\p{Pc}]+(?:[.-]+[\p{L}\p{M}\p{Nd}\p{Pc}]+)*)?",
        );
        assert_same_pattern(
            extractor.mastodon_blocker.as_str(),
            r"[=/\p{L}\p{M}\p{Nd}\p{Pc}]\z",
        );
        let emoji_base = r"[\p{Extended_Pictographic}\p{Emoji_Modifier}[\p{Emoji}--[0-9#*\p{Regional_Indicator}]]]";
        let emoji_element = format!(r"{emoji_base}(?:\x{{FE0F}}|\p{{Emoji_Modifier}})?");
        assert_same_pattern(
            extractor.emoji.as_str(),
            &format!(
                r"\A(?:[0-9#*]\x{{FE0F}}?\x{{20E3}}|\x{{1F3F4}}[\x{{E0020}}-\x{{E007E}}]+\x{{E007F}}|\p{{Regional_Indicator}}\p{{Regional_Indicator}}|{emoji_element}(?:\x{{200D}}{emoji_element})*)"
            ),
        );
    }

    fn texts(text: &str, entities: &[Entity]) -> Vec<String> {
        entities.iter().map(|e| e.as_str(text).to_owned()).collect()
    }

    #[test]
    fn builds_and_extracts_all_kinds() {
        let extractor = Extractor::new().unwrap();
        let text =
            "Heute #Stadtrat mit @buergermeister: https://stadt.example.de/rat und rathaus.de";
        assert_eq!(
            texts(text, &extractor.entities(text)),
            [
                "#Stadtrat",
                "@buergermeister",
                "https://stadt.example.de/rat",
                "rathaus.de"
            ]
        );
    }

    #[test]
    fn hashtag_inside_url_is_dropped() {
        let extractor = Extractor::new().unwrap();
        let text = "http://example.com/#anchor #echt";
        assert_eq!(texts(text, &extractor.hashtags(text)), ["#echt"]);
    }

    #[test]
    fn remote_mentions_report_user_end() {
        let extractor = Extractor::new().unwrap();
        let text = "Danke @stadt@social.bund.de und @lokal!";
        let remote = extractor.remote_mentions(text);
        assert_eq!(remote.len(), 1);
        let (entity, user_end) = &remote[0];
        assert_eq!(entity.as_str(text), "@stadt@social.bund.de");
        assert_eq!(&text[entity.start..*user_end], "@stadt");
    }

    #[test]
    fn remote_mention_not_after_word_or_slash() {
        let extractor = Extractor::new().unwrap();
        assert!(extractor.remote_mentions("mail an@foo@bar.de").is_empty());
        assert!(
            extractor
                .remote_mentions("https://x.de/@foo@bar.de")
                .is_empty()
        );
    }

    #[test]
    fn emoji_ranges_cover_sequences() {
        let extractor = Extractor::new().unwrap();
        let text = "a👨‍👩‍👧‍👦b1️⃣🇩🇪✌︎";
        let found: Vec<&str> = extractor.emoji_ranges(text).map(|r| &text[r]).collect();
        assert_eq!(found, ["👨‍👩‍👧‍👦", "1️⃣", "🇩🇪"]);
    }

    // The emoji scan skips characters no sequence can start with.
    #[test]
    fn emoji_starts_are_not_skipped() {
        let extractor = Extractor::new().unwrap();
        for character in (0..=0x10FFFF).filter_map(char::from_u32) {
            if next_emoji_start(&format!("{character}x"), 0) == Some(0) {
                continue;
            }
            // A sequence starts with a keycap base, a regional indicator (two of them) or
            // an emoji that is a sequence on its own.
            for text in [
                format!("{character}"),
                format!("{character}{character}"),
                format!("{character}\u{FE0F}\u{20E3}"),
                format!("{character}\u{20E3}"),
            ] {
                let starts = extractor.emoji.find(&text).is_some();
                let scanned = next_emoji_start(&text, 0) == Some(0);
                assert!(!starts || scanned, "{text:?}");
            }
        }
    }

    #[test]
    fn emoji_found_from_the_middle_of_a_text() {
        let extractor = Extractor::new().unwrap();
        let text = "Grüße 1️⃣ 2 #3⃣ ©︎ ‼ \u{1F3F4}\u{E0067}\u{E0062}\u{E007F} 日本 🇩🇪🇩";
        let found: Vec<&str> = extractor.emoji_ranges(text).map(|r| &text[r]).collect();
        assert_eq!(
            found,
            ["1️⃣", "3⃣", "‼", "\u{1F3F4}\u{E0067}\u{E0062}\u{E007F}", "🇩🇪"]
        );
    }

    #[test]
    fn tld_parser_rejects_garbage() {
        assert!(TldTable::parse("---\nfoo:\n- com\n").is_err());
        assert!(TldTable::parse("- com\n").is_err());
        let table = TldTable::parse("---\ngeneric:\n- 'no'\n- Com\n").unwrap();
        assert_eq!(table.get("no"), Some(Some(TldKind::Generic)));
        assert_eq!(table.get("co"), Some(None));
        assert_eq!(table.get("com"), Some(Some(TldKind::Generic)));
        assert_eq!(table.get("cox"), None);
    }
}
