use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::account::AccountKind;
use crate::lang::tr;
use crate::report::Severity;
use crate::rules::separation::clauses::{
    POSSESSIVES_PLURAL, POSSESSIVES_PLURAL_NOUN, POSSESSIVES_SINGULAR, Words,
};
use crate::rules::separation::terms::{TermTable, options_for};
use crate::rules::{
    Account, CheckContext, Finding, Rule, RuleDef, SettingError, Title, documented_rule,
    rule_settings,
};
use crate::text::fold::Folded;
use crate::text::lexicon::Lexicon;
use crate::text::{Region, TextView};

rule_settings! {
    /// Settings of `separation.private-topic`.
    #[schemars(rename = "PrivateTopicSettings")]
    pub struct Settings {
        /// Private topics by name (`familie`, `urlaub`, `hobby`, `feier` …), each with its
        /// terms. The base policy ships a set; a layer that sets `topics` replaces it whole.
        pub topics: Option<BTreeMap<String, TopicTerms>>,
        /// Words that after a plural `unser-` mean the town's people rather than the
        /// speaker's family (`unsere Kinder und Enkel`, `unsere Familien`, `unseren
        /// Vereinen`), written as they appear (each form: `Kinder`, `Kindern`). After
        /// `mein-` and the singular `unser`/`unserem`/`unseres` (`unser Enkel Paul`) they
        /// stay private.
        pub civic_after_unser: Option<Vec<String>>,
    }
}

/// The terms of one private topic, by the context that makes them private. Each term
/// matches with German inflection endings (`Kindern`, `Urlaubs`); a trailing `*` also
/// matches closed compounds (`Jogg*` → `Joggingrunde`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
#[schemars(rename = "PrivateTopicTerms")]
pub struct TopicTerms {
    /// Private after a first-person possessive, up to two adjectives or a number between:
    /// `meine Frau`, `unser jüngster Sohn`, `meinen 60. Geburtstag`, `#MeinUrlaub`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub possessive: Vec<String>,
    /// Private in a clause in which the speaker takes part (`ich`, `mich`, `mir`) and does
    /// not address the audience (no `Sie`/`Ihnen`, no wishes or congratulations):
    /// `heute früh war ich joggen`, but not `ich wünsche Ihnen einen schönen Urlaub`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub first_person: Vec<String>,
    /// Private wherever they appear (`Urlaubsgrüße`, names of family members).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub anywhere: Vec<String>,
}
crate::config::read::policy_struct!(TopicTerms {
    possessive,
    first_person,
    anywhere
});

documented_rule! {
    /// ## What it checks
    /// Private topics on an official account: family, holidays, hobbies and private
    /// celebrations, from the policy's topic lists. Only `kind = "official"` accounts are
    /// checked. A topic word counts when its context makes it the speaker's own: after a
    /// first-person possessive (`meine Frau`, `unser Sohn`, `meinen 60. Geburtstag`,
    /// `#MeinUrlaub`), in a first-person clause (`heute früh war ich joggen`), or — for
    /// the `anywhere` list — always. Families and children as citizens are not private:
    /// `Familienzentrum`, `Ferienprogramm`, `Urlaubsvertretung` (other words), `Kita-Kinder`
    /// and `Urlaubs-Vertretung` (parts of a hyphenated compound), `Familie Schulte` and
    /// `ich danke allen Familien` (no possessive), `unsere Kinder und Enkel` (plural
    /// `unser-` with a word of `civic-after-unser`), `ich wünsche Ihnen schöne Ferien` and `ich gratuliere zum 100.
    /// Geburtstag` (the audience's occasion). Quotations, links and mentions are skipped.
    /// Third-person reports (`der Bürgermeister mit seiner Frau`) are not checked: whose
    /// wife is meant needs more than grammar.
    ///
    /// ## Why
    /// Paderborn keeps the official profiles "Bürgermeister Michael Dreier" (Amtsbesuche,
    /// Empfänge, Stadtthemen, Pressemitteilungen, Bürgersprechstunde) and the mayor's
    /// private Instagram apart: "klare thematische und redaktionelle Trennung" (Stadt
    /// Paderborn, Social-Media-Strategie 2021). The official profile shows the "Arbeit des
    /// Bürgermeisters"; his family, holidays and hobbies belong on the private one, which
    /// he runs himself. Mixing them also blurs which profile speaks for the city (VG
    /// München, M 7 E 15.136).
    ///
    /// ## Example
    /// `Heute feiern meine Frau und ich unseren 25. Hochzeitstag.` on `buergermeister` →
    /// `meine Frau` and `unseren 25. Hochzeitstag` are marked. `Das Ferienprogramm für
    /// Kita-Kinder startet am Montag.` is fine.
    ///
    /// ## Configuration
    /// ```toml
    /// [kinds.official.rules."separation.private-topic"]
    /// severity = "warning"
    /// civic-after-unser = ["Kinder", "Kindern", "Familien", "Vereine"]
    ///
    /// [kinds.official.rules."separation.private-topic".topics.familie]
    /// possessive = ["Frau", "Mann", "Sohn", "Tochter", "Kinder", "Enkel"]
    ///
    /// [kinds.official.rules."separation.private-topic".topics.urlaub]
    /// possessive = ["Urlaub", "Ferien"]
    /// first-person = ["Urlaub", "Kurzurlaub"]
    /// anywhere = ["Urlaubsgrüße"]
    ///
    /// [kinds.official.rules."separation.private-topic".topics.hobby]
    /// possessive = ["Hobby", "Garten"]
    /// first-person = ["angeln", "Jogg*"]
    /// ```
    ///
    /// # Deutsch
    ///
    /// ## Was geprüft wird
    /// Private Themen auf einem amtlichen Konto: Familie, Urlaub, Hobbys und private Feiern, aus
    /// den Themenlisten der Richtlinie. Geprüft werden nur Konten mit `kind = "official"`. Ein
    /// Themenwort zählt, wenn der Zusammenhang es zur eigenen Sache der sprechenden Person macht:
    /// nach einem Possessivpronomen der ersten Person (`meine Frau`, `unser Sohn`, `meinen 60.
    /// Geburtstag`, `#MeinUrlaub`), in einem Teilsatz in der ersten Person (`heute früh war ich
    /// joggen`) oder – für die Liste `anywhere` – immer. Familien und Kinder als Bürgerinnen und
    /// Bürger sind nicht privat: `Familienzentrum`, `Ferienprogramm`, `Urlaubsvertretung` (andere
    /// Wörter), `Kita-Kinder` und `Urlaubs-Vertretung` (Teile eines Kompositums mit Bindestrich),
    /// `Familie Schulte` und `ich danke allen Familien` (kein Possessivpronomen), `unsere Kinder
    /// und Enkel` (Plural von `unser-` mit einem Wort aus `civic-after-unser`), `ich wünsche
    /// Ihnen schöne Ferien` und `ich gratuliere zum 100. Geburtstag` (ein Anlass des Publikums).
    /// Zitate, Links und Erwähnungen werden übersprungen. Berichte in der dritten Person (`der
    /// Bürgermeister mit seiner Frau`) werden nicht geprüft: Wessen Frau gemeint ist, lässt sich
    /// nicht allein aus der Grammatik ablesen.
    ///
    /// ## Warum
    /// Paderborn hält die amtlichen Profile „Bürgermeister Michael Dreier“ (Amtsbesuche,
    /// Empfänge, Stadtthemen, Pressemitteilungen, Bürgersprechstunde) und das private
    /// Instagram-Profil des Bürgermeisters auseinander: „klare thematische und redaktionelle
    /// Trennung“ (Stadt Paderborn, Social-Media-Strategie 2021). Das amtliche Profil zeigt die
    /// „Arbeit des Bürgermeisters“; seine Familie, seinen Urlaub und seine Hobbys zeigt das
    /// private, das er selbst betreibt. Eine Vermischung verwischt auch, welches Profil für die
    /// Stadt spricht (VG München, M 7 E 15.136).
    ///
    /// ## Beispiel
    /// `Heute feiern meine Frau und ich unseren 25. Hochzeitstag.` auf `buergermeister` → `meine
    /// Frau` und `unseren 25. Hochzeitstag` werden markiert. `Das Ferienprogramm für Kita-Kinder
    /// startet am Montag.` ist in Ordnung.
    ///
    /// ## Einstellungen
    /// ```toml
    /// [kinds.official.rules."separation.private-topic"]
    /// severity = "warning"
    /// civic-after-unser = ["Kinder", "Kindern", "Familien", "Vereine"]
    ///
    /// [kinds.official.rules."separation.private-topic".topics.familie]
    /// possessive = ["Frau", "Mann", "Sohn", "Tochter", "Kinder", "Enkel"]
    ///
    /// [kinds.official.rules."separation.private-topic".topics.urlaub]
    /// possessive = ["Urlaub", "Ferien"]
    /// first-person = ["Urlaub", "Kurzurlaub"]
    /// anywhere = ["Urlaubsgrüße"]
    ///
    /// [kinds.official.rules."separation.private-topic".topics.hobby]
    /// possessive = ["Hobby", "Garten"]
    /// first-person = ["angeln", "Jogg*"]
    /// ```
    pub(crate) struct PrivateTopic {
        terms: TermTable<TopicTag>,
        civic_after_unser: Vec<String>,
    }
}

/// What a lexicon term is: its topic and the contexts in which it is private.
struct TopicTag {
    topic: String,
    possessive: bool,
    first_person: bool,
    anywhere: bool,
}

/// The list of a topic a term comes from.
#[derive(Clone, Copy)]
enum List {
    Possessive,
    FirstPerson,
    Anywhere,
}

impl TopicTag {
    fn new(topic: &str, list: List) -> TopicTag {
        TopicTag {
            topic: topic.to_owned(),
            possessive: matches!(list, List::Possessive),
            first_person: matches!(list, List::FirstPerson),
            anywhere: matches!(list, List::Anywhere),
        }
    }
}

impl RuleDef for PrivateTopic {
    type Settings = Settings;
    const DEFAULT_SEVERITY: Severity = Severity::Warning;
    const DOCS: &'static str = Self::DOC_TEXT;
    const TITLE: Title = Title {
        de: "Privates Thema auf amtlichem Konto",
        en: "Private topic on an official account",
    };

    fn compile(settings: &Settings, _: &Account) -> Result<Self, SettingError> {
        let mut entries = Vec::new();
        for (topic, terms) in settings.topics.iter().flatten() {
            let lists = [
                (&terms.anywhere, List::Anywhere),
                (&terms.possessive, List::Possessive),
                (&terms.first_person, List::FirstPerson),
            ];
            for (written_terms, list) in lists {
                for written in written_terms {
                    let (term, options) = options_for(written);
                    entries.push((term, options, TopicTag::new(topic, list)));
                }
            }
        }
        let terms = TermTable::build("topics", entries, |existing, other| {
            existing.possessive |= other.possessive;
            existing.first_person |= other.first_person;
            existing.anywhere |= other.anywhere;
        })?;
        let civic_after_unser = settings
            .civic_after_unser
            .iter()
            .flatten()
            .map(|word| Folded::new(word.trim()).as_str().to_owned())
            .collect();
        Ok(PrivateTopic {
            terms,
            civic_after_unser,
        })
    }
}

/// Why a term occurrence is private, if it is.
enum Context {
    /// The speaker's own: the span starts at the possessive.
    Possessive(usize),
    /// `unser-` with a word that means the town's people.
    Civic,
    None,
}

/// Words that turn a clause towards the audience: their holiday, their birthday.
const AUDIENCE_PREFIXES: [&str; 5] = [
    "wünsch",
    "gratulier",
    "glückwunsch",
    "glückwünsch",
    "beglückwünsch",
];
/// Conjunctions after which a new statement may begin.
const COORDINATORS: [&str; 4] = ["und", "aber", "oder", "sondern"];
/// Informal second person: the audience in any case.
const INFORMAL_ADDRESS: [&str; 9] = [
    "du", "dich", "dir", "euch", "euer", "eure", "euren", "eurem", "eurer",
];
/// Formal second person; counts when capitalised inside a sentence (at the start `Sie`
/// and `Ihre` may be "she" and "her").
const FORMAL_ADDRESS: [&str; 8] = [
    "sie", "ihnen", "ihr", "ihre", "ihrem", "ihren", "ihrer", "ihres",
];

impl PrivateTopic {
    /// Whether a first-person possessive owns the term found at `start` in word `index`.
    fn possessive_context(
        &self,
        view: &TextView<'_>,
        words: &Words<'_>,
        index: usize,
        start: usize,
    ) -> Context {
        let Some(word) = words.get(index) else {
            return Context::None;
        };
        if start > word.original.start {
            // Inside a word: `#MeinUrlaub`, `#UnsereKinder`.
            let prefix = words.prefix_before(index, start);
            let rest = words.text(index).get(prefix.len()..).unwrap_or_default();
            return self.owner(prefix, rest, word.original.start, true);
        }
        let mut current = index;
        for _ in 0..3 {
            if !joined(words, current) {
                return Context::None;
            }
            current -= 1;
            let candidate = words.text(current);
            if POSSESSIVES_SINGULAR.contains(&candidate) || POSSESSIVES_PLURAL.contains(&candidate)
            {
                let start = words.get(current).map_or(start, |w| w.original.start);
                return self.owner(candidate, words.text(index), start, false);
            }
            if !is_modifier(view, words, current) {
                return Context::None;
            }
        }
        Context::None
    }

    fn owner(&self, possessive: &str, noun: &str, start: usize, in_tag: bool) -> Context {
        if POSSESSIVES_SINGULAR.contains(&possessive) {
            return Context::Possessive(start);
        }
        if !POSSESSIVES_PLURAL.contains(&possessive) {
            return Context::None;
        }
        // `unser Enkel` is one grandchild; `unsere Enkel` may be the town's.
        let civic = POSSESSIVES_PLURAL_NOUN.contains(&possessive)
            && self
                .civic_after_unser
                .iter()
                .any(|word| noun == word || (in_tag && noun.starts_with(word.as_str())));
        if civic {
            Context::Civic
        } else {
            Context::Possessive(start)
        }
    }
}

/// Whether word `index` follows the word before it in the same phrase: only spaces
/// between, or the full stop of an ordinal (`60. Geburtstag`).
fn joined(words: &Words<'_>, index: usize) -> bool {
    if index == 0 {
        return false;
    }
    if words.adjacent(index) {
        return true;
    }
    let previous_is_number = words.text(index - 1).chars().all(|c| c.is_ascii_digit());
    previous_is_number && words.gap_before(index).trim() == "."
}

/// Adjectives and numbers may stand between a possessive and its noun (`meine liebe
/// Frau`, `unseren 25. Hochzeitstag`); nouns may not (`meine Kollegin hat Urlaub`).
fn is_modifier(view: &TextView<'_>, words: &Words<'_>, index: usize) -> bool {
    let Some(word) = words.get(index) else {
        return false;
    };
    let written = view.text.get(word.original.clone()).unwrap_or_default();
    written
        .chars()
        .find(|c| c.is_alphanumeric())
        .is_some_and(|c| c.is_lowercase() || c.is_ascii_digit())
}

/// Whether the speaker talks to the audience about the term at word `term` (wishes,
/// congratulations, second person): then a holiday or birthday there is theirs. A marker
/// before the term counts (`ich wünsche Ihnen einen schönen Urlaub`), and one after it in the
/// same conjunct (`schöne Ferien wünsche ich Ihnen`); after `und`/`aber` a new statement
/// begins (`ich verabschiede mich in den Urlaub und wünsche Ihnen eine gute Zeit`).
fn addresses_audience(view: &TextView<'_>, words: &Words<'_>, clause: usize, term: usize) -> bool {
    let mut coordinated = false;
    for index in words.clause(clause) {
        let word = words.text(index);
        if index > term && COORDINATORS.contains(&word) {
            coordinated = true;
        }
        if index == term || (index > term && coordinated) {
            continue;
        }
        let addresses = AUDIENCE_PREFIXES.iter().any(|p| word.starts_with(p))
            || INFORMAL_ADDRESS.contains(&word)
            || (FORMAL_ADDRESS.contains(&word)
                && !starts_sentence(words, index)
                && words
                    .get(index)
                    .and_then(|w| view.text.get(w.original.clone()))
                    .and_then(|w| w.chars().find(|c| c.is_alphabetic()))
                    .is_some_and(char::is_uppercase));
        if addresses {
            return true;
        }
    }
    false
}

fn starts_sentence(words: &Words<'_>, index: usize) -> bool {
    index == 0
        || words
            .gap_before(index)
            .chars()
            .any(|c| matches!(c, '.' | '!' | '?' | '\n' | ':'))
}

/// `Kita-Kinder`, `Urlaubs-Vertretung`: a hyphen joins the term to another word, so the
/// compound names something else.
fn attached_by_hyphen(text: &str, start: usize, end: usize) -> bool {
    let mut before = text.get(..start).unwrap_or_default().chars().rev();
    let mut after = text.get(end..).unwrap_or_default().chars();
    let joins = |first: Option<char>, second: Option<char>| {
        first == Some('-') && second.is_some_and(char::is_alphanumeric)
    };
    joins(before.next(), before.next()) || joins(after.next(), after.next())
}

impl Rule for PrivateTopic {
    fn lexicons(&self, account: &Account) -> Vec<&Lexicon> {
        if account.kind == AccountKind::Official {
            vec![&self.terms.lexicon]
        } else {
            Vec::new()
        }
    }

    fn check(&self, cx: &CheckContext<'_>, out: &mut Vec<Finding>) {
        if cx.account.kind != AccountKind::Official {
            return;
        }
        let found = self.terms.lexicon.find(cx.text);
        if found.is_empty() {
            return;
        }
        let words = Words::new(cx.text.folded());
        let id = &cx.account.id;
        for hit in found {
            let (start, end) = (hit.span.start, hit.span.end);
            let region = cx.text.region_at(start);
            if matches!(region, Region::Quote | Region::Url | Region::Mention)
                || attached_by_hyphen(cx.text.text, start, end)
            {
                continue;
            }
            let (Some(tag), Some(index)) = (self.terms.tags.get(hit.term), words.index_at(start))
            else {
                continue;
            };
            let span_start = if tag.anywhere {
                Some(start)
            } else {
                let owned = if tag.possessive {
                    self.possessive_context(cx.text, &words, index, start)
                } else {
                    Context::None
                };
                match owned {
                    Context::Possessive(owner) => Some(owner),
                    Context::Civic => None,
                    Context::None => {
                        let clause = words.get(index).map_or(0, |w| w.clause);
                        let speaker_takes_part = tag.first_person
                            && words.clause_has_first_person(clause)
                            && !addresses_audience(cx.text, &words, clause, index);
                        speaker_takes_part.then_some(start)
                    }
                }
            };
            let Some(span_start) = span_start else {
                continue;
            };
            // A `Jogg*` term marks the whole word it starts (`joggen`, `Joggingrunde`).
            let end = match words.get(index) {
                Some(word) if word.original.end > end && region != Region::Hashtag => {
                    word.original.end
                }
                _ => end,
            };
            let written = cx.text.text.get(span_start..end).unwrap_or_default();
            let topic = &tag.topic;
            out.push(
                Finding::new(
                    tr!(cx.lang,
                        de: "Privates Thema `{topic}` auf dem dienstlichen Konto `{id}`: `{written}`",
                        en: "private topic `{topic}` on the official account `{id}`: `{written}`"),
                    tr!(cx.lang,
                        de: "Private Themen gehören auf das private Profil; das dienstliche zeigt die Arbeit im Amt (Paderborn: „klare thematische Trennung“)",
                        en: "private topics belong on the private profile; the official one shows the work in office (Paderborn: strict separation of topics)"),
                )
                .at(span_start, end),
            );
        }
    }
}
