//! `neutrality.*`: official accounts do not take sides in party politics
//! (Neutralitätsgebot). The rules share the party matcher, a light segmentation into
//! words, clauses and sentences, and the pre-election window.
pub(crate) mod candidate;
pub(crate) mod judgement;
pub(crate) mod party;
pub(crate) mod self_promotion;
pub(crate) mod vote_call;

use std::ops::Range;

use crate::account::AccountKind;

use crate::config::{Localized, localized};
use crate::lang::Lang;

use crate::rules::{Account, CheckContext, SettingError};
use crate::text::TextView;
use crate::text::fold::is_ignorable;
use crate::text::lexicon::{Lexicon, TermOptions};
use crate::time::election::ElectionWindow;

/// Parties when the policy's `[politics] parties` is not set: the parties in the
/// Bundestag and the Landtage plus other parties on German ballots (Freie Wähler, Volt,
/// Die PARTEI, ÖDP, Tierschutzpartei, Piratenpartei, Die Heimat) and their youth
/// organisations; local voter lists are policy data.
const DEFAULT_PARTIES: &[&str] = &[
    "CDU",
    "CSU",
    "CDU/CSU",
    "SPD",
    "Bündnis 90/Die Grünen",
    "Bündnis 90",
    "Grüne",
    "FDP",
    "AfD",
    "Linke",
    "Linkspartei",
    "BSW",
    "Bündnis Sahra Wagenknecht",
    "Freie Wähler",
    "Freien Wähler",
    "Freien Wählern",
    "Volt",
    "Die PARTEI",
    "ÖDP",
    "Tierschutzpartei",
    "Piratenpartei",
    "NPD",
    "Sozialdemokraten",
    "Christdemokraten",
    "Junge Union",
    "Jusos",
    "Jungen Union",
    "Grüne Jugend",
    "Grünen Jugend",
    "Junge Liberale",
    "Jungen Liberalen",
    "JuLis",
    "Linksjugend",
    "Junge Alternative",
];

/// Other names of a party, used when the party is in the list (built-in or `[politics]
/// parties`): the name people use in speech and in the press (`die Union`, `Sozis`,
/// `Bündnisgrüne`), and the handles of its federal accounts that do not set the acronym
/// apart (`@spdde`, `@cducsubt`). The first element is the party as listed.
const PARTY_FORMS: &[(&str, &[&str])] = &[
    (
        "CDU",
        &[
            "Unionsparteien",
            "Unionsfraktion",
            "Unionspolitiker",
            "Unionspolitikerin",
            "Unionsabgeordnete",
            "Unionsabgeordneter",
            "Christdemokrat",
            "Christdemokratin",
            "cducsubt",
        ],
    ),
    (
        "CSU",
        &[
            "Unionsparteien",
            "Unionsfraktion",
            "Christsoziale",
            "cducsubt",
        ],
    ),
    (
        "SPD",
        &[
            "Sozialdemokraten",
            "Sozialdemokrat",
            "Sozialdemokratin",
            "Sozialdemokratie",
            "Sozis",
            "spdde",
            "spdbt",
        ],
    ),
    ("Grüne", &["Bündnisgrüne", "Bündnisgrünen"]),
    (
        "FDP",
        &["Freidemokraten", "Freidemokrat", "Freidemokratin", "fdpbt"],
    ),
    ("Linke", &["Linkspartei", "Linksfraktion"]),
];

/// Other names of a party that are also everyday words (`die Union` of Europe, of a
/// football club): they need political context like the ambiguous parties.
const AMBIGUOUS_PARTY_FORMS: &[(&str, &[&str])] = &[("CDU", &["Union"]), ("CSU", &["Union"])];

/// Endings that make a member or follower of a party out of its acronym (`SPDler`,
/// `AfDlerin`).
const ACRONYM_MEMBER_ENDING: &str = "ler";

/// Words that name a place on the political spectrum; a `Linke` next to them is the
/// left wing, not the party (`der Mitte, Linken, Rechten`).
const SPECTRUM_WORDS: &[&str] = &[
    "rechte",
    "rechten",
    "rechter",
    "rechts",
    "mitte",
    "konservative",
    "konservativen",
];

/// Words for the established parties as a bloc: they judge the parties they name
/// (`neutrality.judgement`) and are a target of calls (`braucht nur die Altparteien zu
/// wählen`, `neutrality.vote-call`).
pub(crate) const PARTY_BLOCS: &[&str] = &[
    "Altparteien",
    "Systemparteien",
    "Kartellparteien",
    "Blockparteien",
];

/// Party names that are also everyday words; they need political context.
const DEFAULT_AMBIGUOUS_PARTIES: &[&str] = &["Piraten", "Die Heimat", "Liberale", "Liberalen"];

/// Words that make a sentence political.
const DEFAULT_CONTEXT: &[&str] = &[
    "Partei",
    "Parteien",
    "Fraktion",
    "Fraktionen",
    "Ratsfraktion",
    "Kreisverband",
    "Ortsverband",
    "Landesverband",
    "Wahl",
    "Wahlen",
    "Kommunalwahl",
    "Bürgermeisterwahl",
    "Landtagswahl",
    "Bundestagswahl",
    "Europawahl",
    "Wahlkampf",
    "Wahlprogramm",
    "wählen",
    "wählt",
    "wähle",
    "gewählt",
    "Kandidat",
    "Kandidatin",
    "Kandidaten",
    "Kandidatinnen",
    "Stadtrat",
    "Stadtrats",
    "Gemeinderat",
    "Kreistag",
    "Landtag",
    "Bundestag",
    "Koalition",
    "Opposition",
    "Antrag",
    "Mandat",
    "Abgeordnete",
    "Abgeordneter",
    "Politiker",
    "Politikerin",
    "Ratsmitglied",
    "Ratsherr",
    "Ratsfrau",
    "Parteitag",
    "Stimme",
    "Stimmen",
];

/// Phrases in which a party name is an ordinary word.
const DEFAULT_NOT_PARTIES: &[&str] = &[
    "im Grünen",
    "ins Grüne",
    "Grüne Woche",
    "Grünen Woche",
    "Grüne Tonne",
    "Grünen Tonne",
    "Grüne Welle",
    "Grünen Welle",
    "Grüner Pfeil",
    "Grünen Pfeil",
    "Grünes Licht",
    "Grüne Soße",
    "Grünen Soße",
    "Grüne Sauce",
    "Grüne Damen",
    "Grünen Damen",
    "Grünes Band",
    "Grünen Band",
    "Grüne Band",
    "Grüne Lunge",
    "Grünen Lunge",
    "Grüne Punkt",
    "Grünen Punkt",
    "Grüner Punkt",
    "Linke Spur",
    "Linken Spur",
    "Linke Fahrspur",
    "Linken Fahrspur",
    "Linke Hand",
    "Linken Hand",
    "Linke Seite",
    "Linken Seite",
    "Linken Ufer",
    "Linke Ufer",
    "Linke Maustaste",
    "Europäische Union",
    "Europäischen Union",
    "Union Berlin",
    "FC Union",
    "Union der",
];

/// Articles: part of a party's name in the policy but written in either case in a sentence
/// (`die Linke`, `Die Linke`).
const ARTICLES: &[&str] = &["die", "der", "das", "den", "dem", "des"];

/// Longest all-capital word still treated as an acronym that may be written in any case
/// (`CDU`, `AfD`); longer capitals are a deliberate spelling (`Die PARTEI`).
const MAX_ACRONYM_CHARS: usize = 5;

/// Whether the neutrality rules apply: private accounts are the person's own business.
pub(crate) fn applies(account: &Account) -> bool {
    account.kind == AccountKind::Official
}

/// The spelling of a term without umlauts and `ß` (`Lügen` → `Luegen`), as hashtags and
/// handles write it; `None` when the term has none.
pub(crate) fn ascii_spelling(term: &str) -> Option<String> {
    if !term.contains(['ä', 'ö', 'ü', 'Ä', 'Ö', 'Ü', 'ß']) {
        return None;
    }
    let mut spelled = String::with_capacity(term.len() + 4);
    for ch in term.chars() {
        match ch {
            'ä' => spelled.push_str("ae"),
            'ö' => spelled.push_str("oe"),
            'ü' => spelled.push_str("ue"),
            'Ä' => spelled.push_str("Ae"),
            'Ö' => spelled.push_str("Oe"),
            'Ü' => spelled.push_str("Ue"),
            'ß' => spelled.push_str("ss"),
            other => spelled.push(other),
        }
    }
    Some(spelled)
}

/// Each term and, after it, its spelling without umlauts (see [`ascii_spelling`]), with the
/// same payload.
pub(crate) fn with_ascii_spellings<T: Clone>(terms: Vec<(String, T)>) -> Vec<(String, T)> {
    let mut all = Vec::with_capacity(terms.len() * 2);
    for (term, payload) in terms {
        if let Some(spelled) = ascii_spelling(&term) {
            all.push((spelled, payload.clone()));
        }
        all.push((term, payload));
    }
    all
}

/// Builds a lexicon from policy terms; `key` names the setting in errors.
pub(crate) fn compile_lexicon<'a>(
    terms: impl IntoIterator<Item = (&'a str, TermOptions)>,
    key: &'static str,
) -> Result<Lexicon, SettingError> {
    Lexicon::new(terms).map_err(|reason| SettingError {
        key,
        entry: None,
        message: localized!(
            de: "Wortliste `{key}` ist ungültig: {reason}",
            en: "word list `{key}` is invalid: {reason}",
        ),
    })
}

/// A word list from the settings, or the built-in default, plus additions.
pub(crate) fn word_list(
    configured: Option<&Vec<String>>,
    default: &[&str],
    extra: Option<&Vec<String>>,
) -> Vec<String> {
    let mut words: Vec<String> = match configured {
        Some(list) => list.clone(),
        None => default.iter().map(|w| (*w).to_owned()).collect(),
    };
    words.extend(extra.into_iter().flatten().cloned());
    words
}

/// A term of an evaluative word list: a trailing `*` allows closed compounds
/// (`Chaos*` matches `Chaostruppe`); inflections are always allowed.
pub(crate) fn evaluative_term(term: &str) -> (&str, TermOptions) {
    let (term, compound_prefix) = match term.strip_suffix('*') {
        Some(stem) => (stem, true),
        None => (term, false),
    };
    (
        term,
        TermOptions {
            capitalised: false,
            inflected: true,
            compound_prefix,
        },
    )
}

/// How one word of a name must be written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum WordCase {
    /// Any case (acronyms, articles, numbers, lower-case words).
    Any,
    /// First letter upper case (`Grüne`, `Freie Wähler`).
    Capital,
    /// Every letter upper case (`PARTEI`).
    AllCaps,
}

/// How a name must be written, word by word. Names that are also ordinary words are only
/// the name when written as the name (`Linke`, not `linke`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct WrittenCase(Vec<WordCase>);

impl WrittenCase {
    /// Infers the rule from the name as the policy writes it.
    pub fn of(name: &str) -> WrittenCase {
        WrittenCase(name_words(name).map(word_case).collect())
    }

    /// Whether any word of the name must be written in a particular case.
    pub fn is_case_sensitive(&self) -> bool {
        self.0.iter().any(|case| *case != WordCase::Any)
    }

    /// Whether `written` (the original text of a match) is written as the name. A match
    /// whose words do not line up with the name's (letters spaced out to evade the check)
    /// is accepted: it was found on the folded text, so it spells the name.
    pub fn accepts(&self, written: &str) -> bool {
        let words: Vec<&str> = name_words(written).collect();
        if words.len() != self.0.len() {
            return true;
        }
        words.iter().zip(&self.0).all(|(word, case)| {
            let mut letters = word.chars().filter(|c| c.is_alphabetic());
            match case {
                WordCase::Any => true,
                WordCase::Capital => letters.next().is_some_and(char::is_uppercase),
                WordCase::AllCaps => letters.all(|c| !c.is_lowercase()),
            }
        })
    }
}

fn name_words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| c.is_whitespace() || c == '/')
        .filter(|word| word.chars().any(|c| !is_ignorable(c)))
}

fn word_case(word: &str) -> WordCase {
    let letters: Vec<char> = word.chars().filter(|c| c.is_alphabetic()).collect();
    let uppercase = letters.iter().filter(|c| c.is_uppercase()).count();
    let is_article = ARTICLES.iter().any(|a| a.eq_ignore_ascii_case(word));
    match letters.first() {
        None => WordCase::Any,
        Some(_) if is_article => WordCase::Any,
        // `CDU`, `AfD`, `JuLis`: people write acronyms in any case.
        Some(_) if uppercase >= 2 && word.chars().count() <= MAX_ACRONYM_CHARS => WordCase::Any,
        Some(_) if uppercase == letters.len() && letters.len() > 1 => WordCase::AllCaps,
        Some(first) if first.is_uppercase() => WordCase::Capital,
        Some(_) => WordCase::Any,
    }
}

/// A word of the draft: its original byte range, where its folded text is
/// ([`Segments::folded`]) and where it stands.
#[derive(Debug, Clone)]
pub(crate) struct Word {
    pub span: Range<usize>,
    /// Byte range in the folded text (a range, not a `String` per word).
    folded: Range<usize>,
    pub sentence: usize,
    pub clause: usize,
}

/// The draft's words with their sentence and clause, found on the folded text so that
/// evasions (`S.P.D.`) do not split sentences.
#[derive(Debug, Clone, Default)]
pub(crate) struct Segments {
    pub words: Vec<Word>,
    /// The folded text the words' folded ranges point into.
    folded: String,
}

impl Segments {
    /// The segments of the draft's text, built once per check and shared by the
    /// neutrality rules (they depend on the text only).
    pub fn of<'c>(cx: &'c CheckContext<'_>) -> &'c Segments {
        cx.neutrality_segments
            .get_or_init(|| Segments::build(cx.text))
    }

    fn build(view: &TextView<'_>) -> Segments {
        let folded = view.folded();
        let text = folded.as_str();
        let mut words = Vec::new();
        let (mut sentence, mut clause) = (0, 0);
        let mut word_start: Option<usize> = None;
        let mut previous: Option<char> = None;
        let mut chars = text.char_indices().peekable();
        while let Some((offset, ch)) = chars.next() {
            if ch.is_alphanumeric() {
                word_start.get_or_insert(offset);
                previous = Some(ch);
                continue;
            }
            // Whether the word that ends here is a short lower-case abbreviation
            // (`d.`, `u.`, `üb.`).
            let mut abbreviation = false;
            if let Some(start) = word_start.take() {
                let span = folded.original(start..offset);
                abbreviation = text[start..offset].chars().count() <= 2
                    && !starts_upper(view.text, span.start);
                words.push(Word {
                    span,
                    folded: start..offset,
                    sentence,
                    clause,
                });
            }
            let next = chars.peek().map(|&(_, c)| c);
            let ends_sentence = match ch {
                '!' | '?' | '\n' | ';' | '…' => true,
                // Not after a number (`14. September`), an abbreviation (`d. CDU`) or
                // inside a word (`paderborn.de`).
                '.' => {
                    !previous.is_some_and(|p| p.is_ascii_digit())
                        && !abbreviation
                        && next.is_none_or(char::is_whitespace)
                }
                _ => false,
            };
            let ends_clause = matches!(
                ch,
                ',' | ':' | '–' | '—' | '(' | ')' | '„' | '“' | '”' | '"' | '»' | '«'
            ) || (ch == '-' && next.is_some_and(char::is_whitespace));
            if ends_sentence {
                sentence += 1;
                clause += 1;
            } else if ends_clause {
                clause += 1;
            }
            previous = Some(ch);
        }
        if let Some(start) = word_start {
            words.push(Word {
                span: folded.original(start..text.len()),
                folded: start..text.len(),
                sentence,
                clause,
            });
        }
        Segments {
            words,
            folded: text.to_owned(),
        }
    }

    /// The folded text of a word (`S.P.D.` → `spd`).
    pub fn folded(&self, word: &Word) -> &str {
        self.folded.get(word.folded.clone()).unwrap_or_default()
    }

    /// Index of the word that contains (or first starts after) an original byte offset.
    pub fn word_at(&self, offset: usize) -> Option<usize> {
        let index = self.words.partition_point(|w| w.span.end <= offset);
        (index < self.words.len()).then_some(index)
    }

    /// The sentence of the word at an original byte offset.
    pub fn sentence_at(&self, offset: usize) -> Option<usize> {
        self.word_at(offset).map(|i| self.words[i].sentence)
    }

    /// The word before word `index` in the same sentence.
    pub fn previous_in_sentence(&self, index: usize) -> Option<&Word> {
        let current = self.words.get(index)?;
        let previous = self.words.get(index.checked_sub(1)?)?;
        (previous.sentence == current.sentence).then_some(previous)
    }

    /// The word after word `index` in the same sentence.
    pub fn next_in_sentence(&self, index: usize) -> Option<&Word> {
        let current = self.words.get(index)?;
        let next = self.words.get(index + 1)?;
        (next.sentence == current.sentence).then_some(next)
    }
}

/// Whether the original text at `offset` starts with an upper-case letter (ignoring
/// invisible characters).
pub(crate) fn starts_upper(text: &str, offset: usize) -> bool {
    text.get(offset..)
        .and_then(|rest| rest.chars().find(|c| !is_ignorable(*c)))
        .is_some_and(char::is_uppercase)
}

/// The day the draft goes out, in the account's time zone: `scheduled_at`, else
/// `published_at` (archives), else the reference time of the check.
pub(crate) fn reference_day(cx: &CheckContext<'_>) -> Option<jiff::civil::Date> {
    let at = cx.draft.scheduled_at.or(cx.draft.published_at).or(cx.now)?;
    Some(at.to_zoned(cx.account.time_zone.clone()).date())
}

/// The election whose pre-election window the draft falls into.
pub(crate) fn open_window<'a>(cx: &CheckContext<'a>) -> Option<&'a ElectionWindow> {
    let day = reference_day(cx)?;
    cx.account.elections.iter().find(|e| e.contains(day))
}

/// A sentence for messages about the window, e.g. "(6 weeks before `Kommunalwahl`)".
pub(crate) fn window_note(window: &ElectionWindow) -> Localized {
    let name = &window.name;
    let date = window.date;
    localized!(
        de: " (Vorwahlzeit: `{name}` am {date})",
        en: " (pre-election period: `{name}` on {date})",
    )
}

/// [`window_note`] in the check's language, or nothing outside a window: the suffix of
/// every neutrality message.
pub(crate) fn window_suffix(window: Option<&ElectionWindow>, lang: Lang) -> String {
    window
        .map(|w| window_note(w).get(lang).to_owned())
        .unwrap_or_default()
}

/// A party or voter-list mention.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct PartyMention {
    pub span: Range<usize>,
    /// Index of the word it starts at.
    pub word: usize,
}

/// What a term of the political lexicon is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum TermKind {
    Party,
    /// A member of a party by its acronym (`SPDler`).
    Member,
    /// A party name that is also an everyday word.
    Ambiguous,
    Context,
    NotParty,
}

/// Finds parties and voter lists: one lexicon with the names, the context words and the
/// phrases in which a name is an ordinary word (those win, being longer: `im Grünen`).
pub(crate) struct PartyMatcher {
    lexicon: Lexicon,
    kinds: Vec<TermKind>,
    cases: Vec<WrittenCase>,
    /// Whether a term is one word (sentence-initial adjective test).
    single_word: Vec<bool>,
    /// The terms as listed, to tell the name's own form from an inflected one.
    terms: Vec<String>,
}

impl PartyMatcher {
    pub fn compile(account: &Account) -> Result<PartyMatcher, SettingError> {
        let politics = &account.politics;
        let mut terms: Vec<(String, TermKind)> = Vec::new();
        let parties = word_list(
            politics.parties.as_ref(),
            DEFAULT_PARTIES,
            politics.local_lists.as_ref(),
        );
        let listed = |party: &str| parties.iter().any(|p| p.trim() == party);
        let forms_of = |table: &'static [(&str, &[&str])]| {
            table
                .iter()
                .filter(|(party, _)| listed(party))
                .flat_map(|(_, forms)| forms.iter().map(|form| (*form).to_owned()))
                .collect::<Vec<String>>()
        };
        let forms = forms_of(PARTY_FORMS);
        let ambiguous_forms = forms_of(AMBIGUOUS_PARTY_FORMS);
        // `SPDler`: acronyms take no inflection, but a member ending.
        let members: Vec<String> = parties
            .iter()
            .filter(|p| WrittenCase::of(p) == WrittenCase(vec![WordCase::Any]))
            .filter(|p| p.chars().filter(|c| c.is_uppercase()).count() >= 2)
            .map(|p| format!("{}{ACRONYM_MEMBER_ENDING}", p.trim()))
            .collect();
        terms.extend(parties.into_iter().map(|t| (t, TermKind::Party)));
        terms.extend(forms.into_iter().map(|t| (t, TermKind::Party)));
        terms.extend(members.into_iter().map(|t| (t, TermKind::Member)));
        let ambiguous = word_list(
            politics.ambiguous_parties.as_ref(),
            DEFAULT_AMBIGUOUS_PARTIES,
            None,
        );
        terms.extend(ambiguous.into_iter().map(|t| (t, TermKind::Ambiguous)));
        terms.extend(
            ambiguous_forms
                .into_iter()
                .map(|t| (t, TermKind::Ambiguous)),
        );
        let context = word_list(politics.context.as_ref(), DEFAULT_CONTEXT, None);
        terms.extend(context.into_iter().map(|t| (t, TermKind::Context)));
        let not_parties = word_list(politics.not_parties.as_ref(), DEFAULT_NOT_PARTIES, None);
        terms.extend(not_parties.into_iter().map(|t| (t, TermKind::NotParty)));
        // `#LuegenAfD`, `@Die_Gruenen`: tags and handles spell umlauts out.
        let terms = with_ascii_spellings(terms);

        let cases: Vec<WrittenCase> = terms.iter().map(|(t, _)| WrittenCase::of(t)).collect();
        let options: Vec<TermOptions> = terms
            .iter()
            .zip(&cases)
            .map(|((_, kind), case)| TermOptions {
                capitalised: false,
                // `Grünen-Politikerin`, `Linken`, `SPDlerin`; acronyms take no endings
                // (`SPDs` is rare).
                inflected: (case.is_case_sensitive() && *kind != TermKind::NotParty)
                    || *kind == TermKind::Member,
                compound_prefix: false,
            })
            .collect();
        let lexicon = compile_lexicon(
            terms
                .iter()
                .zip(&options)
                .map(|((t, _), o)| (t.as_str(), *o)),
            "politics",
        )?;
        Ok(PartyMatcher {
            lexicon,
            single_word: terms
                .iter()
                .map(|(t, _)| !t.trim().contains(char::is_whitespace))
                .collect(),
            kinds: terms.iter().map(|(_, kind)| *kind).collect(),
            terms: terms.into_iter().map(|(term, _)| term).collect(),
            cases,
        })
    }

    /// Every party mention in the draft, in text order. Found once per check and shared:
    /// every rule's matcher is compiled from the same account, so all give the same answer.
    pub fn find(&self, cx: &CheckContext<'_>, segments: &Segments) -> Vec<PartyMention> {
        cx.party_mentions
            .get_or_init(|| self.search(cx.text, segments))
            .to_vec()
    }

    fn search(&self, view: &TextView<'_>, segments: &Segments) -> Vec<PartyMention> {
        let mut parties = Vec::new();
        let mut ambiguous = Vec::new();
        let mut political_sentences = Vec::new();
        let found_terms = self.lexicon.find(view);
        let context_words: Vec<usize> = found_terms
            .iter()
            .filter(|f| self.kinds.get(f.term) == Some(&TermKind::Context))
            .filter_map(|f| segments.word_at(f.span.start))
            .collect();
        for found in found_terms {
            let (Some(kind), Some(case)) = (self.kinds.get(found.term), self.cases.get(found.term))
            else {
                continue;
            };
            let written = view.text.get(found.span.clone()).unwrap_or_default();
            let Some(word) = segments.word_at(found.span.start) else {
                continue;
            };
            match kind {
                TermKind::NotParty => continue,
                TermKind::Context => {
                    political_sentences.push(segments.words[word].sentence);
                    continue;
                }
                TermKind::Party | TermKind::Member | TermKind::Ambiguous => {}
            }
            if !case.accepts(written) {
                continue;
            }
            if case.is_case_sensitive() {
                // `230 Volt`: a unit after a number.
                let previous = segments.previous_in_sentence(word);
                if previous.is_some_and(|p| segments.folded(p).chars().all(|c| c.is_ascii_digit()))
                {
                    continue;
                }
                // `Linke Spur gesperrt`: an adjective capitalised because it opens the
                // sentence, followed by the noun it describes. Not `Volt-Politikerin` (a
                // compound is a noun) nor `Grüne Ratsfrau` (a political word follows).
                let single = self.single_word.get(found.term).copied().unwrap_or(false);
                let compound = view
                    .text
                    .get(found.span.end..)
                    .is_some_and(|rest| rest.starts_with('-'));
                let adjective = segments.next_in_sentence(word).is_some_and(|next| {
                    starts_upper(view.text, next.span.start) && !context_words.contains(&(word + 1))
                });
                if single && previous.is_none() && !compound && adjective {
                    continue;
                }
                // `die Grüne Hausnummer`: the name's own form (not `Grünen`) after an
                // article, before a noun, is an adjective in a proper name.
                let own_form = view
                    .text
                    .get(found.span.clone())
                    .zip(self.terms.get(found.term))
                    .is_some_and(|(written, term)| written.trim() == term.trim());
                let after_article =
                    previous.is_some_and(|p| ARTICLES.contains(&segments.folded(p)));
                if single && own_form && after_article && !compound && adjective {
                    continue;
                }
                // `der Mitte, Linken, Rechten`: a place on the spectrum among others.
                let beside_spectrum = [previous, segments.next_in_sentence(word)]
                    .into_iter()
                    .flatten()
                    .any(|w| SPECTRUM_WORDS.contains(&segments.folded(w)));
                if beside_spectrum {
                    continue;
                }
            }
            let mention = PartyMention {
                span: found.span,
                word,
            };
            if *kind == TermKind::Ambiguous {
                ambiguous.push(mention);
            } else {
                political_sentences.push(segments.words[word].sentence);
                parties.push(mention);
            }
        }
        parties.extend(ambiguous.into_iter().filter(|mention| {
            political_sentences.contains(&segments.words[mention.word].sentence)
        }));
        parties.sort_by_key(|m| m.span.start);
        parties
    }
}

/// Candidate names of the policy's elections as a lexicon: the full name, and the surname
/// after a title (`Frau Beispiel`, `Kandidatin Beispiel`).
pub(crate) struct NameMatcher {
    lexicon: Lexicon,
    /// Per term: index into `names`.
    owners: Vec<usize>,
    cases: Vec<WrittenCase>,
    pub names: Vec<String>,
}

/// Titles before a surname that make it a reference to the person.
const TITLES: &[&str] = &[
    "Frau",
    "Herr",
    "Herrn",
    "Kandidat",
    "Kandidatin",
    "Kandidaten",
    "Bürgermeister",
    "Bürgermeisterin",
    "Oberbürgermeister",
    "Oberbürgermeisterin",
    "Landrat",
    "Landrätin",
];

impl NameMatcher {
    pub fn new(names: Vec<String>, key: &'static str) -> Result<NameMatcher, SettingError> {
        let mut terms: Vec<(String, usize)> = Vec::new();
        for (owner, name) in names.iter().enumerate() {
            let name = name.trim();
            terms.push((name.to_owned(), owner));
            let surname = name.rsplit(char::is_whitespace).next().unwrap_or(name);
            if surname != name {
                terms.extend(TITLES.iter().map(|t| (format!("{t} {surname}"), owner)));
            }
        }
        let cases = terms.iter().map(|(t, _)| WrittenCase::of(t)).collect();
        let options = TermOptions {
            capitalised: false,
            // The genitive: `Beispiels Programm`.
            inflected: true,
            compound_prefix: false,
        };
        let lexicon = compile_lexicon(terms.iter().map(|(t, _)| (t.as_str(), options)), key)?;
        Ok(NameMatcher {
            lexicon,
            owners: terms.into_iter().map(|(_, owner)| owner).collect(),
            cases,
            names,
        })
    }

    /// Every name mention: (index into `names`, original span).
    pub fn find(&self, view: &TextView<'_>) -> Vec<(usize, Range<usize>)> {
        if self.names.is_empty() {
            return Vec::new();
        }
        self.lexicon
            .find(view)
            .into_iter()
            .filter(|found| {
                let written = view.text.get(found.span.clone()).unwrap_or_default();
                self.cases
                    .get(found.term)
                    .is_some_and(|c| c.accepts(written))
            })
            .filter_map(|found| Some((*self.owners.get(found.term)?, found.span)))
            .collect()
    }
}

/// Every candidate of the policy's elections, once.
pub(crate) fn all_candidates(account: &Account) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for name in account.elections.iter().flat_map(|e| &e.candidates) {
        if !names.contains(name) {
            names.push(name.clone());
        }
    }
    names
}

/// The backticked text of a span for messages.
pub(crate) fn quoted(view: &TextView<'_>, span: &Range<usize>) -> String {
    view.text
        .get(span.clone())
        .unwrap_or_default()
        .chars()
        .filter(|c| !is_ignorable(*c))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Policy;
    use crate::lang::Lang;

    const ACCOUNT: &str = "[accounts.stadt]\nkind = \"official\"\nplatforms = [\"x\"]\n";

    #[test]
    fn election_dates_are_validated_with_their_location() {
        let policy = format!("{ACCOUNT}\n[[elections]]\nname = \"Wahl\"\ndate = \"2025-02-30\"\n");
        let error = Policy::from_toml(&policy).unwrap_err();
        assert!(error.message.get(Lang::En).contains("`2025-02-30`"));
        assert_eq!(error.location.map(|l| l.line), Some(7));
        let too_long = format!(
            "{ACCOUNT}\n[[elections]]\nname = \"Wahl\"\ndate = \"2025-09-14\"\nwindow-weeks = 0\n"
        );
        let error = Policy::from_toml(&too_long).unwrap_err();
        assert!(error.message.get(Lang::En).contains("window-weeks"));
        assert_eq!(error.location.map(|l| l.line), Some(8));
    }

    #[test]
    fn the_window_runs_from_the_weeks_before_to_election_day() {
        let policy = Policy::from_toml(&format!(
            "{ACCOUNT}\n[[elections]]\nname = \"Wahl\"\ndate = \"2025-09-14\"\n"
        ))
        .unwrap();
        let account = policy.resolve_account("stadt").unwrap();
        let window = &account.elections[0];
        let day = |text: &str| text.parse::<jiff::civil::Date>().unwrap();
        assert_eq!(window.opens, day("2025-08-03"));
        assert!(window.contains(day("2025-08-03")));
        assert!(window.contains(day("2025-09-14")));
        assert!(!window.contains(day("2025-08-02")));
        assert!(!window.contains(day("2025-09-15")));
    }

    #[test]
    fn written_case_follows_the_name() {
        let linke = WrittenCase::of("Linke");
        assert!(linke.accepts("Linken"));
        assert!(!linke.accepts("linke"));
        let partei = WrittenCase::of("Die PARTEI");
        assert!(partei.accepts("die PARTEI"));
        assert!(!partei.accepts("Die Partei"));
        let acronym = WrittenCase::of("AfD");
        assert!(!acronym.is_case_sensitive());
        let freie = WrittenCase::of("Freie Wähler");
        assert!(!freie.accepts("freie Wähler"));
        assert!(freie.accepts("F r e i e Wähler"));
    }
}
