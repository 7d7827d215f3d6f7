//! Lexicons: many terms (party names, topics, bureaucratic words) matched with one
//! Aho–Corasick automaton over the folded text, with German word boundaries.
//!
//! A term matches as a whole word, or as the first part of a hyphenated compound
//! (`CDU-Fraktion`), optionally inflected (`Grünen-Politikerin` for `Grüne`), or at a
//! CamelCase boundary inside a hashtag (`#SPDPaderborn`). It does not match inside a word
//! (`Grünflächenamt`, `Sparda-Bank`). Terms marked case-sensitive must start with a
//! capital letter as written (`die Linke` the party, not `die linke Spur`).

use std::ops::Range;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicU64, Ordering};

use aho_corasick::automaton::Automaton;
use aho_corasick::dfa::DFA;
use aho_corasick::nfa::contiguous;
use aho_corasick::{Anchored, MatchKind, StartKind};

use crate::text::TextView;
use crate::text::fold::Folded;

/// Endings a German noun or adjective takes that still name the same thing.
const INFLECTIONS: [&str; 9] = ["s", "n", "en", "e", "es", "er", "ern", "in", "innen"];

/// How a term may appear.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct TermOptions {
    /// The written form must start with an upper-case letter (nouns that are also
    /// ordinary adjectives or verbs: `Linke`, `Grüne`, `Freie Wähler`).
    pub capitalised: bool,
    /// Also match with a German inflection ending (`Grünen`, `Sozialdemokraten`).
    pub inflected: bool,
    /// Also match as the start of a closed compound (`Bürgerfest` for `Bürger`); off by
    /// default because `Grün` must not match `Grünflächenamt`.
    pub compound_prefix: bool,
}

/// A compiled set of terms.
pub(crate) struct Lexicon {
    /// Anchored only: a search starts at each place a term may start (see [`find`]).
    /// Built at the first search outside the checked account's [`LexiconSet`]: a lexicon
    /// inside a set never needs it, and building it was most of a policy's compile time.
    ///
    /// [`find`]: Lexicon::find
    automaton: OnceLock<Option<DFA>>,
    options: Vec<TermOptions>,
    /// The folded terms, for the account's combined automaton.
    patterns: Vec<String>,
    /// Names this lexicon in a [`LexiconSet`] (unique in the process).
    id: u64,
}

/// `(start, end, term)` of a term found at a term start of the folded text.
pub(crate) type Hit = (usize, usize, usize);

/// Gives every lexicon its own id.
static NEXT_LEXICON_ID: AtomicU64 = AtomicU64::new(0);

/// One accepted match: which term (index in the list given to [`Lexicon::new`]) and where
/// in the original text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct LexiconMatch {
    pub term: usize,
    pub span: Range<usize>,
}

impl Lexicon {
    /// Compiles terms; each is folded exactly like the text, so `Bündnis 90/Die Grünen`
    /// and `ödp` match however the draft spells them.
    pub fn new<'a>(
        terms: impl IntoIterator<Item = (&'a str, TermOptions)>,
    ) -> Result<Lexicon, String> {
        let (patterns, options): (Vec<String>, Vec<TermOptions>) = terms
            .into_iter()
            .map(|(term, options)| (Folded::new(term.trim()).as_str().to_owned(), options))
            .unzip();
        if let Some(index) = patterns.iter().position(String::is_empty) {
            return Err(format!("term {} is empty", index + 1));
        }
        Ok(Lexicon {
            automaton: OnceLock::new(),
            options,
            patterns,
            id: NEXT_LEXICON_ID.fetch_add(1, Ordering::Relaxed),
        })
    }

    /// Every accepted match in the text, in text order; a match inside a longer accepted
    /// match of the same lexicon is dropped (`Die Grünen` wins over `Grünen`).
    ///
    /// A term is only accepted where a word starts ([`accept`]), so instead of an
    /// overlapping search of every byte, an anchored search runs from each place that
    /// can pass that test ([`TextView::term_starts`], shared by every lexicon). The hits
    /// are then put in the order an overlapping search reports them (by end, longer
    /// first), which decides between equal spans below.
    pub fn find(&self, view: &TextView<'_>) -> Vec<LexiconMatch> {
        let folded = view.folded();
        // The account's combined automaton found this lexicon's hits already, in the same
        // order (see `LexiconSet::hits`).
        let hits = match view.lexicon_hits(self.id) {
            Some(shared) => shared.to_vec(),
            None => {
                let mut hits = Vec::new();
                // Non-empty folded terms always build: the builder fails only when the
                // automaton outgrows its state ids, far beyond a policy's word lists.
                let Some(automaton) = self
                    .automaton
                    .get_or_init(|| anchored_dfa(&self.patterns).ok())
                else {
                    return Vec::new();
                };
                walk_anchored(
                    automaton,
                    folded.as_str().as_bytes(),
                    view.term_starts(),
                    |hit| hits.push(hit),
                );
                hits.sort_by_key(|&(start, end, _)| (end, start));
                hits
            }
        };
        let mut found: Vec<LexiconMatch> = Vec::new();
        for (start, end, term) in hits {
            let Some(&options) = self.options.get(term) else {
                continue;
            };
            let Some(end) = accept(view, folded, start, end, options) else {
                continue;
            };
            found.push(LexiconMatch {
                term,
                span: folded.original(start..end),
            });
        }
        found.sort_by(|a, b| {
            a.span
                .start
                .cmp(&b.span.start)
                .then(b.span.end.cmp(&a.span.end))
        });
        let mut kept: Vec<LexiconMatch> = Vec::with_capacity(found.len());
        for candidate in found {
            let inside = kept.last().is_some_and(|k| {
                k.span.start <= candidate.span.start && candidate.span.end <= k.span.end
            });
            if !inside {
                kept.push(candidate);
            }
        }
        kept
    }
}

/// An anchored-only DFA over folded terms, for a lexicon searched outside an account's set:
/// one table lookup per byte, where an NFA follows failure links.
fn anchored_dfa(patterns: &[impl AsRef<[u8]>]) -> Result<DFA, String> {
    DFA::builder()
        .match_kind(MatchKind::Standard)
        .start_kind(StartKind::Anchored)
        .build(patterns)
        .map_err(|e| e.to_string())
}

/// Reports `(start, end, pattern)` of every pattern that occurs at one of `starts` in
/// `haystack`, in order of `starts`, then by end (patterns ending together by id).
fn walk_anchored(
    automaton: &impl Automaton,
    haystack: &[u8],
    starts: &[usize],
    mut found: impl FnMut(Hit),
) {
    let Ok(initial) = automaton.start_state(Anchored::Yes) else {
        return;
    };
    for &start in starts {
        let mut state = initial;
        for (end, &byte) in (start + 1..).zip(haystack.get(start..).unwrap_or_default()) {
            state = automaton.next_state(Anchored::Yes, state, byte);
            if !automaton.is_special(state) {
                continue;
            }
            if automaton.is_dead(state) {
                break;
            }
            if automaton.is_match(state) {
                // A match state also carries the terms that end here but start later
                // (the unanchored search's suffixes): only those from `start` count.
                for index in 0..automaton.match_len(state) {
                    let term = automaton.match_pattern(state, index);
                    if end - automaton.pattern_len(term) == start {
                        found((start, end, term.as_usize()));
                    }
                }
            }
        }
    }
}

/// Every lexicon an account searches in every check, in one automaton: one anchored walk
/// per term start instead of one per lexicon. The hits are bucketed per lexicon, in the
/// order the lexicon's own automaton reports them, so [`Lexicon::find`] gives the same
/// answer either way. Lexicons with the same terms (the party matcher of three rules, the
/// approval topics of four) share one bucket.
pub(crate) struct LexiconSet {
    /// `None` when no rule of the account has a lexicon. A contiguous NFA, not a DFA: an
    /// anchored walk from a term start ends after a few bytes, where the NFA's transitions
    /// cost little more, and the DFA took a fifth of the policy's compile (Paderborn,
    /// callgrind: compile 150.2M -> 122.3M instructions, checks +0.7 %; RESULTS.md).
    automaton: Option<contiguous::NFA>,
    /// Per combined pattern: its bucket and its term index in that lexicon.
    owners: Vec<(usize, usize)>,
    /// `(lexicon id, bucket)` for every lexicon in the set.
    buckets: Vec<(u64, usize)>,
    bucket_count: usize,
}

impl LexiconSet {
    /// Combines the lexicons (folded terms are copied; each lexicon keeps its own automaton
    /// for searches outside the set).
    pub fn new<'l>(lexicons: impl IntoIterator<Item = &'l Lexicon>) -> Result<LexiconSet, String> {
        let mut distinct: Vec<&Lexicon> = Vec::new();
        let mut buckets = Vec::new();
        let mut patterns: Vec<&str> = Vec::new();
        let mut owners = Vec::new();
        for lexicon in lexicons {
            if buckets.iter().any(|&(id, _)| id == lexicon.id) {
                continue;
            }
            let bucket = match distinct.iter().position(|d| d.patterns == lexicon.patterns) {
                Some(bucket) => bucket,
                None => {
                    let bucket = distinct.len();
                    distinct.push(lexicon);
                    for (term, pattern) in lexicon.patterns.iter().enumerate() {
                        patterns.push(pattern);
                        owners.push((bucket, term));
                    }
                    bucket
                }
            };
            buckets.push((lexicon.id, bucket));
        }
        let automaton = if patterns.is_empty() {
            None
        } else {
            Some(
                contiguous::NFA::builder()
                    .match_kind(MatchKind::Standard)
                    .build(&patterns)
                    .map_err(|e| e.to_string())?,
            )
        };
        Ok(LexiconSet {
            automaton,
            owners,
            buckets,
            bucket_count: distinct.len(),
        })
    }

    /// The bucket of a lexicon, if it is in the set.
    pub fn bucket(&self, lexicon: u64) -> Option<usize> {
        self.buckets
            .iter()
            .find(|&&(id, _)| id == lexicon)
            .map(|&(_, bucket)| bucket)
    }

    /// The hits of every bucket in `haystack` (the folded text) from `starts`, each bucket
    /// sorted by end, then start, as [`Lexicon::find`] sorts its own.
    pub fn hits(&self, haystack: &[u8], starts: &[usize]) -> Vec<Vec<Hit>> {
        let mut buckets: Vec<Vec<Hit>> = vec![Vec::new(); self.bucket_count];
        if let Some(automaton) = &self.automaton {
            walk_anchored(automaton, haystack, starts, |(start, end, pattern)| {
                if let Some(&(bucket, term)) = self.owners.get(pattern)
                    && let Some(hits) = buckets.get_mut(bucket)
                {
                    hits.push((start, end, term));
                }
            });
        }
        for hits in &mut buckets {
            hits.sort_by_key(|&(start, end, _)| (end, start));
        }
        buckets
    }
}

/// Where in the folded text a term can start and pass [`accept`]'s test of the left
/// boundary: the text start, after a character that is not alphanumeric, or (CamelCase
/// in a hashtag) where the written character is upper case. Byte offsets, ascending.
pub(crate) fn term_starts(original: &str, folded: &Folded) -> Vec<usize> {
    let text = folded.as_str();
    let mut starts = Vec::new();
    let mut previous_alphanumeric = false;
    for (offset, &byte) in text.as_bytes().iter().enumerate() {
        // ASCII first: most of a German draft, and no character lookup needed.
        let alphanumeric = if byte.is_ascii() {
            byte.is_ascii_alphanumeric()
        } else if text.is_char_boundary(offset) {
            text.get(offset..)
                .and_then(|rest| rest.chars().next())
                .is_some_and(char::is_alphanumeric)
        } else {
            continue;
        };
        if !previous_alphanumeric || starts_upper(original, folded.original_start(offset)) {
            starts.push(offset);
        }
        previous_alphanumeric = alphanumeric;
    }
    starts
}

/// Checks the word boundaries of a folded match; returns the folded end including an
/// accepted inflection ending.
fn accept(
    view: &TextView<'_>,
    folded: &Folded,
    start: usize,
    end: usize,
    options: TermOptions,
) -> Option<usize> {
    let text = folded.as_str();
    let original = folded.original(start..end);
    // An invisible character inside a tag (`#Mein\u{200B}Urlaub`) ends the extracted
    // entity early; the folded text still shows the whole tag. Only asked where a word
    // character touches the match and a capital follows, because most matches of a large
    // lexicon are inside words and this scan would cost more than the rest.
    let in_tag_cell = std::cell::OnceCell::new();
    let in_tag = || {
        *in_tag_cell.get_or_init(|| {
            view.in_hashtag_or_mention(original.start) || folded_tag_word(text, start)
        })
    };
    let prev = text[..start].chars().next_back();
    let left_ok = match prev {
        None => true,
        Some(c) if !c.is_alphanumeric() => true,
        // `#WirSindSPD`: a CamelCase boundary inside a hashtag.
        Some(_) => starts_upper(view.text, original.start) && in_tag(),
    };
    if !left_ok {
        return None;
    }
    if options.capitalised && !starts_upper(view.text, original.start) {
        return None;
    }
    let rest = &text[end..];
    let next = rest.chars().next();
    let boundary_at = |offset: usize| {
        rest[offset..]
            .chars()
            .next()
            .is_none_or(|c| !c.is_alphanumeric())
            || (starts_upper(
                view.text,
                folded.original(end + offset..end + offset + 1).start,
            ) && in_tag())
    };
    // `#einfachAFDwählen`: a run of capitals ends a word in a tag too.
    let capitals_end_word = || {
        let mut letters = view
            .text
            .get(original.clone())
            .unwrap_or_default()
            .chars()
            .filter(|c| c.is_alphabetic())
            .peekable();
        letters.peek().is_some() && letters.clone().count() >= 2 && letters.all(char::is_uppercase)
    };
    match next {
        None => Some(end),
        Some(c) if !c.is_alphanumeric() => Some(end),
        Some(_) if boundary_at(0) => Some(end),
        Some(_) if capitals_end_word() && in_tag() => Some(end),
        Some(_) if options.compound_prefix => Some(end),
        Some(_) if options.inflected => INFLECTIONS
            .iter()
            .filter(|ending| rest.starts_with(**ending) && boundary_at(ending.len()))
            .map(|ending| end + ending.len())
            .max(),
        Some(_) => None,
    }
}

/// Whether the folded word around `start` is a hashtag or mention: the letters before it
/// follow a `#` or `@` that itself starts a word (not the `@` of an e-mail address).
fn folded_tag_word(text: &str, start: usize) -> bool {
    let mut before = text[..start]
        .chars()
        .rev()
        .skip_while(|c| c.is_alphanumeric() || *c == '_');
    matches!(before.next(), Some('#' | '@')) && before.next().is_none_or(|c| !c.is_alphanumeric())
}

fn starts_upper(text: &str, offset: usize) -> bool {
    if let Some(byte) = text.as_bytes().get(offset).filter(|b| b.is_ascii()) {
        return byte.is_ascii_uppercase();
    }
    text.get(offset..)
        .and_then(|t| t.chars().next())
        .is_some_and(char::is_uppercase)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::extract::Extractor;

    fn matches(terms: &[(&str, TermOptions)], text: &str) -> Vec<String> {
        let extractor = Extractor::new().unwrap();
        let view = TextView::new(text, &extractor);
        let lexicon = Lexicon::new(terms.iter().copied()).unwrap();
        lexicon
            .find(&view)
            .into_iter()
            .map(|m| text[m.span].to_owned())
            .collect()
    }

    const PLAIN: TermOptions = TermOptions {
        capitalised: false,
        inflected: false,
        compound_prefix: false,
    };
    const PARTY_NOUN: TermOptions = TermOptions {
        capitalised: true,
        inflected: true,
        compound_prefix: false,
    };

    #[test]
    fn party_names_in_compounds_inflections_and_hashtags() {
        let terms = [
            ("CDU", PLAIN),
            ("SPD", PLAIN),
            ("Grüne", PARTY_NOUN),
            ("Linke", PARTY_NOUN),
        ];
        assert_eq!(matches(&terms, "Die CDU-Fraktion tagt."), ["CDU"]);
        assert_eq!(
            matches(&terms, "Eine Grünen-Politikerin sprach."),
            ["Grünen"]
        );
        assert_eq!(
            matches(&terms, "Heute #SPDPaderborn und #WirSindSPD"),
            ["SPD", "SPD"]
        );
        assert_eq!(matches(&terms, "#einfachSPDwählen"), ["SPD"]);
        assert_eq!(matches(&terms, "Die Linke lädt ein."), ["Linke"]);
    }

    #[test]
    fn no_match_inside_words_or_for_lowercase_adjectives() {
        let terms = [
            ("CDU", PLAIN),
            ("SPD", PLAIN),
            ("Grün", PARTY_NOUN),
            ("Linke", PARTY_NOUN),
        ];
        assert!(matches(&terms, "Das Grünflächenamt mäht.").is_empty());
        assert!(matches(&terms, "Die Sparda-Bank spendet.").is_empty());
        assert!(matches(&terms, "Bitte die linke Spur nutzen.").is_empty());
    }

    #[test]
    fn evasions_are_caught_and_reported_as_written() {
        let terms = [("CDU", PLAIN), ("SPD", PLAIN)];
        assert_eq!(matches(&terms, "Wählt C D U!"), ["C D U"]);
        // The trailing dot may end the sentence; the span covers the letters.
        assert_eq!(matches(&terms, "Die S.P.D. lädt ein"), ["S.P.D"]);
        assert_eq!(matches(&terms, "Die С\u{200B}DU lädt ein"), ["С\u{200B}DU"]);
        assert_eq!(matches(&terms, "ＳＰＤ"), ["ＳＰＤ"]);
    }

    #[test]
    fn camel_case_boundaries_survive_invisible_characters_in_tags() {
        let terms = [("SPD", PLAIN)];
        assert_eq!(matches(&terms, "#Wir\u{200B}SindSPD"), ["SPD"]);
        assert!(matches(&terms, "mail@wirsindspd.de").is_empty());
    }

    /// What `find` did before it searched only from term starts: an overlapping search of
    /// every byte, hits in the order that search reports them.
    fn overlapping_reference(
        lexicon: &Lexicon,
        patterns: &[String],
        view: &TextView<'_>,
    ) -> Vec<LexiconMatch> {
        let automaton = aho_corasick::AhoCorasick::new(patterns).unwrap();
        let folded = view.folded();
        let mut found: Vec<LexiconMatch> = Vec::new();
        for hit in automaton.find_overlapping_iter(folded.as_str()) {
            let term = hit.pattern().as_usize();
            if let Some(end) = accept(view, folded, hit.start(), hit.end(), lexicon.options[term]) {
                found.push(LexiconMatch {
                    term,
                    span: folded.original(hit.start()..end),
                });
            }
        }
        found.sort_by(|a, b| {
            a.span
                .start
                .cmp(&b.span.start)
                .then(b.span.end.cmp(&a.span.end))
        });
        let mut kept: Vec<LexiconMatch> = Vec::new();
        for candidate in found {
            if !kept.last().is_some_and(|k| {
                k.span.start <= candidate.span.start && candidate.span.end <= k.span.end
            }) {
                kept.push(candidate);
            }
        }
        kept
    }

    #[test]
    fn anchored_search_finds_what_an_overlapping_search_finds() {
        let inflected = TermOptions {
            inflected: true,
            ..PLAIN
        };
        let prefix = TermOptions {
            compound_prefix: true,
            ..PLAIN
        };
        let terms = [
            ("CDU", PLAIN),
            ("SPD", PLAIN),
            ("Grüne", PARTY_NOUN),
            ("Grünen", PLAIN),
            ("Die Grünen", PLAIN),
            ("grün", inflected),
            ("Bürger", prefix),
            ("Bürgerfest", PLAIN),
            ("ger", PLAIN),
            ("fest", inflected),
            ("e", PLAIN),
            ("#wir", PLAIN),
            ("a-b", PLAIN),
            ("CDU", inflected),
        ];
        let lexicon = Lexicon::new(terms.iter().copied()).unwrap();
        let patterns: Vec<String> = terms
            .iter()
            .map(|(t, _)| Folded::new(t).as_str().to_owned())
            .collect();
        let extractor = Extractor::new().unwrap();
        for text in [
            "Die Grünen und die CDU-Fraktion feiern das Bürgerfest. Grünen-Politikerin, grüne Wiese",
            "#WirSindSPD #SPDPaderborn #BürgerFest @CDUde e e-e E. Festes Fest, Bürgerfestes",
            "C D U, S.P.D., С\u{200B}DU, ＳＰＤ, #Wir\u{200B}SindSPD mail@wirsindspd.de a-b-a-b",
            "Straße GROẞ #LIEẞ ﬁ Bürger\u{301}fest 👩\u{200D}👩 Grün grün Grüner",
        ] {
            let view = TextView::new(text, &extractor);
            assert_eq!(
                lexicon.find(&view),
                overlapping_reference(&lexicon, &patterns, &view),
                "{text:?}"
            );
        }
    }

    #[test]
    fn a_combined_automaton_finds_what_each_lexicon_finds() {
        let inflected = TermOptions {
            inflected: true,
            ..PLAIN
        };
        let parties = [
            ("CDU", PLAIN),
            ("Die Grünen", PLAIN),
            ("Grüne", PARTY_NOUN),
            ("SPD", PLAIN),
        ];
        let lexicons = [
            Lexicon::new(parties.iter().copied()).unwrap(),
            // The same terms again (a second rule's party matcher) share a bucket.
            Lexicon::new(parties.iter().copied()).unwrap(),
            Lexicon::new([
                ("Bürger", inflected),
                ("Bürgerfest", PLAIN),
                ("fest", PLAIN),
                ("Fest", inflected),
            ])
            .unwrap(),
            Lexicon::new([("e", PLAIN), ("e", PLAIN), ("CDU", inflected)]).unwrap(),
        ];
        let set = LexiconSet::new(&lexicons[..3]).unwrap();
        assert_eq!(set.bucket_count, 2);
        let extractor = Extractor::new().unwrap();
        for text in [
            "Die Grünen und die CDU-Fraktion feiern das Bürgerfest. Grünen-Politikerin",
            "#WirSindSPD @CDUde e e-e E. Festes Fest, Bürgerfestes, CDUs Bürgern",
            "C D U, S.P.D., С\u{200B}DU, ＳＰＤ, #Wir\u{200B}SindSPD",
        ] {
            let alone = TextView::new(text, &extractor);
            let shared = TextView::new(text, &extractor).with_lexicons(&set);
            for (index, lexicon) in lexicons.iter().enumerate() {
                assert_eq!(
                    lexicon.find(&shared),
                    lexicon.find(&alone),
                    "lexicon {index} in {text:?}"
                );
                assert_eq!(shared.lexicon_hits(lexicon.id).is_some(), index < 3);
            }
        }
    }

    #[test]
    fn longer_terms_win_over_contained_ones() {
        let terms = [("Die Grünen", PLAIN), ("Grünen", PARTY_NOUN)];
        assert_eq!(matches(&terms, "Die Grünen laden ein"), ["Die Grünen"]);
    }
}
