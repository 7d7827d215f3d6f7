use crate::account::AccountKind;
use crate::lang::tr;
use crate::report::Severity;
use crate::rules::separation::clauses::{POSSESSIVES_PLURAL, POSSESSIVES_SINGULAR, Words};
use crate::rules::separation::terms::{TermTable, options_for};
use crate::rules::{
    Account, CheckContext, Finding, Rule, RuleDef, SettingError, Title, documented_rule,
    rule_settings,
};
use crate::text::fold::is_ignorable;
use crate::text::lexicon::{Lexicon, TermOptions};
use crate::text::{Region, TextView};

rule_settings! {
    /// Settings of `separation.official-marker`.
    #[schemars(rename = "OfficialMarkerSettings")]
    pub struct Settings {
        /// Words of official business, flagged wherever they appear (`Pressemitteilung`,
        /// `Amtsbesuch`, `Ratssitzung`, `im Namen der Stadt`). German inflection endings
        /// match too; a trailing `*` also matches closed compounds.
        pub terms: Option<Vec<String>>,
        /// Office titles (`Bürgermeister`, `Oberbürgermeisterin`): flagged as `als
        /// Bürgermeister` in a first-person clause and as the sign-off `Ihr Bürgermeister`.
        pub offices: Option<Vec<String>>,
        /// Authorities that issue announcements (`Stadt`, `Stadtverwaltung`,
        /// `Pressestelle`): flagged as the subject of `informiert`, `teilt … mit`, `gibt
        /// … bekannt`, `weist … hin`, `bittet`, `warnt` (`Die Stadt Paderborn informiert`).
        pub institutions: Option<Vec<String>>,
        /// Official hashtags of the organisation, without `#` (`StadtPaderborn`).
        pub hashtags: Option<Vec<String>>,
        /// Handles of the organisation's official accounts, without `@`.
        pub mentions: Option<Vec<String>>,
        /// Draft labels that mark official content (`pressemitteilung`), any case.
        pub labels: Option<Vec<String>>,
    }
}

documented_rule! {
    /// ## What it checks
    /// Official business on a private account (`kind = "private"`). Flagged are words of
    /// official business from the policy (`Pressemitteilung`, `Amtsbesuch`, `Ratssitzung`,
    /// `Empfang im Rathaus`, `im Namen der Stadt`), speaking in the office's capacity
    /// (`als Bürgermeister habe ich …`, `in meiner Funktion als Bürgermeister`, the
    /// sign-off `Ihr Bürgermeister`), announcements of an authority (`Die Stadt Paderborn
    /// informiert`, `Die Stadtverwaltung teilt mit`), the organisation's official hashtags
    /// and @-handles, and draft `labels` such as `pressemitteilung`. Spelling tricks
    /// (invisible characters, look-alike letters, spaced letters) do not hide a word.
    /// Naming the town, the Rathaus as a sight, being informed by the city (`ich habe
    /// mich bei der Stadt informiert`) and negated mentions (`heute nicht als
    /// Bürgermeister, sondern als Opa`, `keine Ratssitzung`) are not official business.
    /// Neither is an event owned by the speaker's own association: a possessive and an
    /// association in the same phrase (`Neujahrsempfang meines Schützenvereins`,
    /// `Sommerfest bei unserem Sportverein`, `Mein Karnevalsverein lädt zum
    /// Neujahrsempfang`), unless the clause names an official owner or place
    /// (`Neujahrsempfang der Stadt`, `im Rathaus`). Terms that are no events
    /// (`Amtskette`, `Pressemitteilung`) stay official whoever is named with them.
    /// The city's imprint link is `imprint.private`'s job.
    ///
    /// ## Why
    /// Paderborn's private profile "Michael Dreier" is "ausschließlich mit privaten Themen
    /// durch Herrn Dreier selbst bespielt", with "kein Zugriff / Redaktion durch außen";
    /// press releases, official visits and receptions are topics of the official profile
    /// (Stadt Paderborn, „Social Media Strategie ‚Bürgermeister Michael Dreier‘“, 2021).
    /// Official content turns a private page into an official one, with the
    /// duties that come with it: a mayor's page was judged official because of its content
    /// (VG München M 7 E 15.136). Club life is the private life the private profile is
    /// for: the mayor at his Schützenverein's reception is a member, not the office.
    ///
    /// ## Example
    /// `Pressemitteilung: Als Bürgermeister habe ich heute die Delegation aus Le Mans
    /// empfangen.` on `michael-dreier` → `Pressemitteilung` and `Als Bürgermeister` are
    /// marked. `Sonntagsspaziergang am Rathaus vorbei – Paderborn im Herbst.` is fine.
    ///
    /// ## Configuration
    /// ```toml
    /// [kinds.private.rules."separation.official-marker"]
    /// terms = ["Pressemitteilung", "Amtsbesuch", "Ratssitzung"]
    /// offices = ["Bürgermeister", "Bürgermeisterin"]
    /// institutions = ["Stadt", "Stadtverwaltung", "Pressestelle"]
    /// labels = ["pressemitteilung"]
    ///
    /// [accounts.michael-dreier.rules."separation.official-marker"]
    /// hashtags = ["StadtPaderborn"]
    /// mentions = ["stadtpaderborn"]
    /// ```
    ///
    /// # Deutsch
    ///
    /// ## Was geprüft wird
    /// Amtliche Inhalte auf einem privaten Konto (`kind = "private"`). Gemeldet werden Wörter für
    /// Amtsgeschäfte aus der Richtlinie (`Pressemitteilung`, `Amtsbesuch`, `Ratssitzung`,
    /// `Empfang im Rathaus`, `im Namen der Stadt`), das Sprechen in amtlicher Eigenschaft (`als
    /// Bürgermeister habe ich …`, `in meiner Funktion als Bürgermeister`, die Grußformel `Ihr
    /// Bürgermeister`), Mitteilungen einer Behörde (`Die Stadt Paderborn informiert`, `Die
    /// Stadtverwaltung teilt mit`), die amtlichen Hashtags und @-Handles der Organisation sowie
    /// `labels` des Entwurfs wie `pressemitteilung`. Schreibtricks (unsichtbare Zeichen, ähnlich
    /// aussehende Buchstaben, gesperrte Schreibweise) verbergen kein Wort. Keine Amtsgeschäfte
    /// sind der Name des Ortes, das Rathaus als Sehenswürdigkeit, eine Auskunft, die man bei der
    /// Stadt eingeholt hat (`ich habe mich bei der Stadt informiert`), und verneinte Erwähnungen
    /// (`heute nicht als Bürgermeister, sondern als Opa`, `keine Ratssitzung`). Ebenso wenig eine
    /// Veranstaltung des eigenen Vereins: ein Possessivpronomen und ein Verein in derselben
    /// Wendung (`Neujahrsempfang meines Schützenvereins`, `Sommerfest bei unserem Sportverein`,
    /// `Mein Karnevalsverein lädt zum Neujahrsempfang`), es sei denn, der Teilsatz nennt einen
    /// amtlichen Veranstalter oder Ort (`Neujahrsempfang der Stadt`, `im Rathaus`). Begriffe, die
    /// keine Veranstaltungen sind (`Amtskette`, `Pressemitteilung`), bleiben amtlich, wer auch
    /// immer mit ihnen genannt wird. Der Impressumslink der Stadt ist Sache von
    /// `imprint.private`.
    ///
    /// ## Warum
    /// Paderborns privates Profil „Michael Dreier“ wird „ausschließlich mit privaten Themen durch
    /// Herrn Dreier selbst bespielt“, nach dem Grundsatz „kein Zugriff / Redaktion durch außen“;
    /// Pressemitteilungen, Amtsbesuche und Empfänge sind Themen des amtlichen Profils (Stadt
    /// Paderborn, „Social Media Strategie ‚Bürgermeister Michael Dreier‘“, 2021). Amtliche
    /// Inhalte machen aus einer privaten Seite eine amtliche, mit allen Pflichten, die
    /// dazugehören: Die Seite eines Bürgermeisters wurde wegen ihres Inhalts als amtlich
    /// eingestuft (VG München M 7 E 15.136). Vereinsleben ist das Privatleben, für das das
    /// private Profil da ist: Der Bürgermeister beim Empfang seines Schützenvereins ist dort
    /// Mitglied, nicht Amtsträger.
    ///
    /// ## Beispiel
    /// `Pressemitteilung: Als Bürgermeister habe ich heute die Delegation aus Le Mans empfangen.`
    /// auf `michael-dreier` → `Pressemitteilung` und `Als Bürgermeister` werden markiert.
    /// `Sonntagsspaziergang am Rathaus vorbei – Paderborn im Herbst.` ist in Ordnung.
    ///
    /// ## Einstellungen
    /// ```toml
    /// [kinds.private.rules."separation.official-marker"]
    /// terms = ["Pressemitteilung", "Amtsbesuch", "Ratssitzung"]
    /// offices = ["Bürgermeister", "Bürgermeisterin"]
    /// institutions = ["Stadt", "Stadtverwaltung", "Pressestelle"]
    /// labels = ["pressemitteilung"]
    ///
    /// [accounts.michael-dreier.rules."separation.official-marker"]
    /// hashtags = ["StadtPaderborn"]
    /// mentions = ["stadtpaderborn"]
    /// ```
    pub(crate) struct OfficialMarker {
        terms: TermTable<MarkerTag>,
        labels: Vec<String>,
    }
}

/// What a lexicon term is; one word may be several (a handle that is also a hashtag).
#[derive(Clone, Copy)]
struct MarkerTag {
    business: bool,
    office: bool,
    institution: bool,
    hashtag: bool,
    mention: bool,
}

/// The setting a term comes from.
#[derive(Clone, Copy)]
enum List {
    Business,
    Office,
    Institution,
    Hashtag,
    Mention,
}

impl MarkerTag {
    fn of(list: List) -> MarkerTag {
        MarkerTag {
            business: matches!(list, List::Business),
            office: matches!(list, List::Office),
            institution: matches!(list, List::Institution),
            hashtag: matches!(list, List::Hashtag),
            mention: matches!(list, List::Mention),
        }
    }
}

impl RuleDef for OfficialMarker {
    type Settings = Settings;
    const DEFAULT_SEVERITY: Severity = Severity::Warning;
    const DOCS: &'static str = Self::DOC_TEXT;
    const TITLE: Title = Title {
        de: "Amtliches auf privatem Konto",
        en: "Official business on a private account",
    };

    fn compile(settings: &Settings, _: &Account) -> Result<Self, SettingError> {
        let lists = [
            (&settings.terms, MarkerTag::of(List::Business)),
            (&settings.offices, MarkerTag::of(List::Office)),
            (&settings.institutions, MarkerTag::of(List::Institution)),
            (&settings.hashtags, MarkerTag::of(List::Hashtag)),
            (&settings.mentions, MarkerTag::of(List::Mention)),
        ];
        let mut entries: Vec<(&str, TermOptions, MarkerTag)> = Vec::new();
        for (written_terms, tag) in lists {
            for written in written_terms.iter().flatten() {
                let (term, options) = if tag.hashtag || tag.mention {
                    // Tags and handles are names: exact, without their sign.
                    let body = written.trim().trim_start_matches(['#', '＃', '@', '＠']);
                    (body, TermOptions::default())
                } else {
                    options_for(written)
                };
                entries.push((term, options, tag));
            }
        }
        let terms = TermTable::build("terms", entries, |existing, other| {
            existing.business |= other.business;
            existing.office |= other.office;
            existing.institution |= other.institution;
            existing.hashtag |= other.hashtag;
            existing.mention |= other.mention;
        })?;
        Ok(OfficialMarker {
            terms,
            labels: settings
                .labels
                .iter()
                .flatten()
                .map(|label| label.trim().to_lowercase())
                .collect(),
        })
    }
}

/// Why an occurrence marks official content: the message to show and the span.
enum Marker {
    Business,
    Capacity(usize),
    Announcement(usize, usize),
    Hashtag,
    Mention,
}

/// Announcement verbs that are one word (`informiert`, `mitteilt`, `bittet`).
const ANNOUNCING: [&str; 17] = [
    "informiert",
    "informieren",
    "informierte",
    "mitteilt",
    "mitteilte",
    "mitgeteilt",
    "bekanntgibt",
    "bekanntgab",
    "bekanntgegeben",
    "hinweist",
    "hinwies",
    "bittet",
    "bitten",
    "bat",
    "warnt",
    "warnen",
    "warnte",
];
/// Separable announcement verbs: the finite part and its particle later in the clause
/// (`teilt … mit`, `gibt … bekannt`, `weist … hin`).
const SEPARABLE: [(&[&str], &str); 3] = [
    (&["teilt", "teilen", "teilte"], "mit"),
    (&["gibt", "geben", "gab"], "bekannt"),
    (&["weist", "weisen", "wies"], "hin"),
];
/// After a preposition an authority is not the subject (`bei der Stadt`, `von der Stadt`).
const PREPOSITIONS: [&str; 20] = [
    "bei", "beim", "von", "vom", "mit", "an", "am", "zu", "zur", "zum", "für", "über", "aus", "in",
    "im", "nach", "durch", "gegen", "seitens", "ohne",
];
const ARTICLES: [&str; 5] = ["die", "der", "den", "dem", "des"];
/// Reflexive and object pronouns: the speaker is being informed (`ich habe mich
/// informiert`, `die Stadt hat uns informiert`).
const BEING_INFORMED: [&str; 5] = ["mich", "sich", "uns", "dich", "euch"];
/// Capitalised possessives of a sign-off (`Ihr Bürgermeister`).
const SIGN_OFF: [&str; 4] = ["ihr", "ihre", "euer", "eure"];
/// How many words an authority and its verb may be apart (`Die Stadt Paderborn und der
/// Kreis informieren`).
const ANNOUNCEMENT_WINDOW: usize = 5;

impl OfficialMarker {
    fn marker(
        &self,
        view: &TextView<'_>,
        words: &Words<'_>,
        tag: &MarkerTag,
        start: usize,
        end: usize,
    ) -> Option<Marker> {
        let index = words.index_at(start)?;
        let word = words.get(index)?;
        let at_word_start = word.original.start == start;
        let gap = words.gap_before(index);
        if (tag.hashtag || tag.mention) && at_word_start {
            if tag.hashtag && gap.ends_with('#') {
                return Some(Marker::Hashtag);
            }
            if tag.mention && gap.ends_with('@') && !continues_handle(view.text, end) {
                return Some(Marker::Mention);
            }
        }
        let region = view.region_at(start);
        if matches!(region, Region::Url | Region::Mention) {
            return None;
        }
        if negated(words, index) {
            return None;
        }
        if tag.business {
            let last = words.index_at(end.saturating_sub(1)).unwrap_or(index);
            if owned_by_own_association(words, index, last) {
                return None;
            }
            return Some(Marker::Business);
        }
        if tag.office && at_word_start && index > 0 && words.adjacent(index) {
            let previous = words.text(index - 1);
            let previous_start = words.get(index - 1).map_or(start, |w| w.original.start);
            if previous == "als"
                && words.clause_has_speaker(word.clause)
                && !negated(words, index - 1)
            {
                return Some(Marker::Capacity(previous_start));
            }
            if SIGN_OFF.contains(&previous) && starts_upper(view, previous_start) {
                return Some(Marker::Capacity(previous_start));
            }
        }
        if tag.institution && at_word_start && region != Region::Hashtag {
            return announcement(words, index).map(|(from, to)| Marker::Announcement(from, to));
        }
        None
    }
}

/// Negations just before a word: `heute nicht dienstlich, sondern privat`, `keine
/// Ratssitzung`, `nicht als Bürgermeister, sondern als Papa`.
const NEGATIONS: [&str; 7] = [
    "nicht", "kein", "keine", "keinen", "keinem", "keiner", "ohne",
];

/// Endings of event words: an event can be owned by a private association
/// (`Neujahrsempfang`, `Sommerfest`, `Jahreshauptversammlung`, `Spatenstich`).
const EVENT_ENDINGS: [&str; 14] = [
    "empfang",
    "empfangs",
    "empfänge",
    "fest",
    "festes",
    "feier",
    "ball",
    "versammlung",
    "jubiläum",
    "jubiläums",
    "gala",
    "spatenstich",
    "grundsteinlegung",
    "einweihung",
];
/// Endings of private associations a speaker is a member of (`Schützenverein`,
/// `Karnevalsverein`, `Kegelclub`, `Löschgruppe` of the volunteer fire brigade, `Chor`).
/// `Feuerwehr` and `Gemeinde` alone are not among them: `unsere Feuerwehr` is the town's.
const ASSOCIATION_ENDINGS: [&str; 22] = [
    "verein",
    "vereins",
    "vereine",
    "club",
    "clubs",
    "klub",
    "klubs",
    "gilde",
    "bruderschaft",
    "kompanie",
    "löschgruppe",
    "löschzug",
    "löschzugs",
    "musikzug",
    "musikzugs",
    "chor",
    "chors",
    "kapelle",
    "stammtisch",
    "stammtischs",
    "karnevalsgesellschaft",
    "kolpingsfamilie",
];
/// Words that give an event an official owner or place in its clause (`Neujahrsempfang
/// der Stadt`, `im Rathaus`): then the association is a guest, not the host.
const OFFICIAL_OWNERS: [&str; 8] = [
    "stadt",
    "rathaus",
    "rathauses",
    "gemeinde",
    "stadtverwaltung",
    "verwaltung",
    "rat",
    "rates",
];
/// Prepositions between an event and its owner (`Sommerfest bei meinem Sportverein`).
const OWNER_PREPOSITIONS: [&str; 4] = ["von", "vom", "bei", "beim"];

fn is_possessive(word: &str) -> bool {
    POSSESSIVES_SINGULAR.contains(&word) || POSSESSIVES_PLURAL.contains(&word)
}

fn is_association(word: &str) -> bool {
    ASSOCIATION_ENDINGS
        .iter()
        .any(|ending| word.ends_with(ending))
}

/// Whether the event words `first..=last` belong to an association of the speaker: the
/// owner follows (`Neujahrsempfang meines Schützenvereins`, `Sommerfest bei unserem
/// Sportverein`) or is named before in the clause (`Mein Schützenverein lädt zum
/// Neujahrsempfang`), and nothing in the clause names an official owner or place
/// (`Neujahrsempfang der Stadt`, `im Rathaus`). A club's event is private life.
fn owned_by_own_association(words: &Words<'_>, first: usize, last: usize) -> bool {
    let is_event = EVENT_ENDINGS
        .iter()
        .any(|ending| words.text(last).ends_with(ending));
    let Some(clause) = words.get(last).map(|w| w.clause) else {
        return false;
    };
    if !is_event
        || words
            .clause(clause)
            .any(|i| OFFICIAL_OWNERS.contains(&words.text(i)))
    {
        return false;
    }
    // A possessive, at most one adjective (`meines lieben Sportvereins`), the association.
    let owner_at = |possessive: usize| {
        is_possessive(words.text(possessive))
            && (possessive + 1..=possessive + 2).any(|noun| {
                words.get(noun).is_some_and(|w| w.clause == clause)
                    && is_association(words.text(noun))
            })
    };
    let mut after = last + 1;
    if OWNER_PREPOSITIONS.contains(&words.text(after)) {
        after += 1;
    }
    let owner_after = words.get(after).is_some_and(|w| w.clause == clause) && owner_at(after);
    let owner_before = words
        .clause(clause)
        .take_while(|&i| i < first)
        .any(owner_at);
    owner_after || owner_before
}

/// Whether one of the two words before `index` in its clause negates it.
fn negated(words: &Words<'_>, index: usize) -> bool {
    let Some(clause) = words.get(index).map(|w| w.clause) else {
        return false;
    };
    (index.saturating_sub(2)..index).any(|i| {
        words.get(i).is_some_and(|w| w.clause == clause) && NEGATIONS.contains(&words.text(i))
    })
}

/// An authority at word `index` as the subject of an announcement verb in its clause:
/// the span from the first to the last of the two.
fn announcement(words: &Words<'_>, index: usize) -> Option<(usize, usize)> {
    let clause = words.get(index)?.clause;
    let mut before = index;
    while before > 0
        && words.get(before - 1).is_some_and(|w| w.clause == clause)
        && ARTICLES.contains(&words.text(before - 1))
    {
        before -= 1;
    }
    let governed = before > 0
        && words.get(before - 1).is_some_and(|w| w.clause == clause)
        && PREPOSITIONS.contains(&words.text(before - 1));
    if governed {
        return None;
    }
    let in_clause: Vec<usize> = words.clause(clause).collect();
    let near = |i: &&usize| index.abs_diff(**i) <= ANNOUNCEMENT_WINDOW;
    let verb = in_clause.iter().filter(near).copied().find(|&i| {
        let word = words.text(i);
        ANNOUNCING.contains(&word)
            || SEPARABLE.iter().any(|(finite, particle)| {
                finite.contains(&word)
                    && in_clause
                        .iter()
                        .any(|&later| later > i && words.text(later) == *particle)
            })
    })?;
    // `die Stadt hat mich informiert`, `informiert sich`: the speaker or the authority is
    // the one being informed.
    let object = (index.min(verb)..=index.max(verb) + 1)
        .any(|i| in_clause.contains(&i) && BEING_INFORMED.contains(&words.text(i)));
    if object {
        return None;
    }
    let span = |i: usize| words.get(i).map(|w| w.original.clone());
    let (first, last) = (span(index.min(verb))?, span(index.max(verb))?);
    Some((first.start, last.end))
}

/// Whether a handle goes on after `end` (`@stadtpaderborn_kultur`, `@stadt.paderborn.kultur`).
fn continues_handle(text: &str, end: usize) -> bool {
    let mut rest = text.get(end..).unwrap_or_default().chars();
    match rest.next() {
        Some(c) if c.is_alphanumeric() || c == '_' => true,
        Some('.') => rest.next().is_some_and(char::is_alphanumeric),
        _ => false,
    }
}

/// Start of the `#` or `@` before a tag body, past invisible characters in between.
fn sign_before(text: &str, start: usize) -> usize {
    let before = text.get(..start).unwrap_or_default();
    before
        .char_indices()
        .rev()
        .find(|&(_, c)| !is_ignorable(c))
        .map_or(start, |(offset, _)| offset)
}

fn starts_upper(view: &TextView<'_>, offset: usize) -> bool {
    view.text
        .get(offset..)
        .and_then(|t| t.chars().next())
        .is_some_and(char::is_uppercase)
}

impl Rule for OfficialMarker {
    fn lexicons(&self, account: &Account) -> Vec<&Lexicon> {
        if account.kind == AccountKind::Private {
            vec![&self.terms.lexicon]
        } else {
            Vec::new()
        }
    }

    fn check(&self, cx: &CheckContext<'_>, out: &mut Vec<Finding>) {
        if cx.account.kind != AccountKind::Private {
            return;
        }
        let id = &cx.account.id;
        let help = || {
            tr!(cx.lang,
                de: "Amtliche Inhalte gehören auf das dienstliche Profil; sie machen ein privates Profil zum dienstlichen (VG München, M 7 E 15.136)",
                en: "official content belongs on the official profile; it makes a private profile an official one (VG München M 7 E 15.136)")
        };
        for label in &cx.draft.labels {
            if self.labels.contains(&label.trim().to_lowercase()) {
                out.push(Finding::new(
                    tr!(cx.lang,
                        de: "Der Entwurf für das private Konto `{id}` trägt das Label `{label}`",
                        en: "the draft for the private account `{id}` carries the label `{label}`"),
                    help(),
                ));
            }
        }
        let found = self.terms.lexicon.find(cx.text);
        if found.is_empty() {
            return;
        }
        let words = Words::new(cx.text.folded());
        for hit in found {
            let Some(tag) = self.terms.tags.get(hit.term) else {
                continue;
            };
            let (start, end) = (hit.span.start, hit.span.end);
            let Some(marker) = self.marker(cx.text, &words, tag, start, end) else {
                continue;
            };
            let (from, to) = match marker {
                Marker::Capacity(from) => (from, end),
                Marker::Announcement(from, to) => (from, to),
                // The `#`/`@` belongs to what is marked.
                Marker::Hashtag | Marker::Mention => (sign_before(cx.text.text, start), end),
                // A `Dienst*` term marks the whole word it starts.
                Marker::Business => {
                    let word_end = words
                        .index_at(start)
                        .and_then(|i| words.get(i))
                        .map(|w| w.original.end);
                    let in_tag = cx.text.region_at(start) == Region::Hashtag;
                    (
                        start,
                        word_end.filter(|&e| e > end && !in_tag).unwrap_or(end),
                    )
                }
            };
            let written = cx.text.text.get(from..to).unwrap_or_default();
            let message = match marker {
                Marker::Business => tr!(cx.lang,
                    de: "Dienstliches Thema auf dem privaten Konto `{id}`: `{written}`",
                    en: "official business on the private account `{id}`: `{written}`"),
                Marker::Capacity(_) => tr!(cx.lang,
                    de: "Das private Konto `{id}` spricht in amtlicher Eigenschaft: `{written}`",
                    en: "the private account `{id}` speaks in an official capacity: `{written}`"),
                Marker::Announcement(..) => tr!(cx.lang,
                    de: "Amtliche Mitteilung auf dem privaten Konto `{id}`: `{written}`",
                    en: "official announcement on the private account `{id}`: `{written}`"),
                Marker::Hashtag => tr!(cx.lang,
                    de: "Amtlicher Hashtag `{written}` auf dem privaten Konto `{id}`",
                    en: "official hashtag `{written}` on the private account `{id}`"),
                Marker::Mention => tr!(cx.lang,
                    de: "Das private Konto `{id}` erwähnt das amtliche Konto `{written}`",
                    en: "the private account `{id}` mentions the official account `{written}`"),
            };
            out.push(Finding::new(message, help()).at(from, to));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::fold::Folded;

    /// Whether the word `event` in `text` is owned by the speaker's association.
    fn owned(text: &str, event: &str) -> bool {
        let folded = Folded::new(text);
        let words = Words::new(&folded);
        let Some(start) = text.find(event) else {
            return false;
        };
        let first = words.index_at(start).unwrap_or_default();
        let last = words.index_at(start + event.len() - 1).unwrap_or(first);
        owned_by_own_association(&words, first, last)
    }

    // The mayor's private post about his Schützenverein's reception was flagged as official.
    #[test]
    fn reception_of_own_club_is_private_life() {
        assert!(owned(
            "Schöner Neujahrsempfang meines Schützenvereins heute Abend!",
            "Neujahrsempfang"
        ));
        assert!(owned(
            "Sommerfest bei unserem Sportverein – danke an alle Helfer.",
            "Sommerfest"
        ));
        assert!(owned(
            "Mein Karnevalsverein lädt zum Neujahrsempfang.",
            "Neujahrsempfang"
        ));
        assert!(owned(
            "Feuerwehrfest meiner Löschgruppe Elsen: ich stand am Grill.",
            "Feuerwehrfest"
        ));
        assert!(owned(
            "Jahreshauptversammlung unseres lieben Kegelclubs.",
            "Jahreshauptversammlung"
        ));
    }

    #[test]
    fn official_owners_and_non_events_stay_official() {
        assert!(!owned(
            "Neujahrsempfang der Stadt Paderborn.",
            "Neujahrsempfang"
        ));
        assert!(!owned(
            "Neujahrsempfang meines Schützenvereins im Rathaus.",
            "Neujahrsempfang"
        ));
        assert!(!owned("Neujahrsempfang unserer Stadt.", "Neujahrsempfang"));
        assert!(!owned(
            "Mit Amtskette beim Schützenfest meines Vereins.",
            "Amtskette"
        ));
        assert!(!owned(
            "Beim Neujahrsempfang, danach mit meinem Sportverein essen.",
            "Neujahrsempfang"
        ));
        assert!(!owned(
            "Neujahrsempfang unserer Feuerwehr.",
            "Neujahrsempfang"
        ));
    }
}
