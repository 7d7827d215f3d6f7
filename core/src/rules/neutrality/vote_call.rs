use std::ops::Range;

use crate::lang::tr;
use crate::report::Severity;
use crate::rules::neutrality::judgement::sentence_before;
use crate::rules::neutrality::{
    NameMatcher, PARTY_BLOCS, PartyMatcher, Segments, all_candidates, applies, compile_lexicon,
    open_window, quoted, starts_upper, window_suffix,
};
use crate::rules::{
    Account, CheckContext, Finding, Rule, RuleDef, SettingError, Title, documented_rule,
    rule_settings,
};
use crate::text::TextView;
use crate::text::fold::is_ignorable;
use crate::text::lexicon::{Lexicon, TermOptions};

/// Where a call phrase must stand to be a call rather than a statement.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Position {
    /// Anywhere: `Wählen Sie`, `Ihre Stimme für`, `Kreuz bei`.
    Anywhere,
    /// First in its clause (an imperative): `Wählt die …`, not `Der Rat wählt den …`;
    /// or in a `wer` clause (`Wer die … wählt, …`).
    ClauseStart,
    /// An infinitive call ending in `!` (`Nicht die AfD wählen!`), or in a `wer` clause
    /// (`Wer die … wählt, …`).
    Exclaimed,
    /// The writer's own vote (`meine Stimme`): anywhere, about the party in its sentence
    /// or in the sentence before.
    OwnVote,
    /// Voting someone out, which needs no party or candidate in the sentence: exclaimed,
    /// opening its sentence or ending its clause (`Abwählen!`, `… im September
    /// abwählen`, `Unwählbar.`); the participle only after `muss`/`soll` (`muss abgewählt
    /// werden`, not `per Bürgerentscheid abgewählt`).
    Ousting,
}

/// Phrases of a call to vote (folded: lower case). Voting in the council (`stimmte für
/// den Antrag`) is past tense or has a subject before the verb and does not match.
const CALLS: &[(&str, Position)] = &[
    ("wählen sie", Position::Anywhere),
    ("wählen wir", Position::Anywhere),
    ("wähle", Position::Anywhere),
    ("wählt", Position::ClauseStart),
    ("wähl", Position::ClauseStart),
    ("wählen", Position::Exclaimed),
    ("geben sie ihre stimme", Position::Anywhere),
    ("ihre stimme", Position::Anywhere),
    ("ihre stimmen", Position::Anywhere),
    ("eure stimme", Position::Anywhere),
    ("eure stimmen", Position::Anywhere),
    ("deine stimme", Position::Anywhere),
    ("ihre erststimme", Position::Anywhere),
    ("ihre zweitstimme", Position::Anywhere),
    ("erststimme für", Position::Anywhere),
    ("zweitstimme für", Position::Anywhere),
    ("jede stimme für", Position::Anywhere),
    ("stimme für", Position::Anywhere),
    ("stimmen sie", Position::Anywhere),
    ("stimmt", Position::ClauseStart),
    ("gebt", Position::ClauseStart),
    ("gib", Position::ClauseStart),
    ("ihr kreuz", Position::Anywhere),
    ("ihr kreuzchen", Position::Anywhere),
    ("euer kreuz", Position::Anywhere),
    ("dein kreuz", Position::Anywhere),
    ("kreuz bei", Position::Anywhere),
    ("kreuzchen bei", Position::Anywhere),
    ("kreuz für", Position::Anywhere),
    ("kreuzchen für", Position::Anywhere),
    ("unterstützen sie", Position::Anywhere),
    ("unterstützt", Position::ClauseStart),
    ("stärken sie", Position::Anywhere),
    ("stärkt", Position::ClauseStart),
    ("ankreuzen", Position::Exclaimed),
    ("kreuzen sie", Position::Anywhere),
    ("kreuzt", Position::ClauseStart),
    ("wahlempfehlung", Position::Anywhere),
    ("wahlaufruf für", Position::Anywhere),
    ("votet", Position::ClauseStart),
    ("abwählen", Position::Ousting),
    ("abgewählt", Position::Ousting),
    ("unwählbar", Position::Ousting),
    ("nicht wählbar", Position::Anywhere),
    ("nicht mehr wählbar", Position::Anywhere),
    // The writer's own vote declared (`meine Stimme bekommt die …`, `die … wird nicht
    // angekreuzt`).
    ("meine stimme", Position::OwnVote),
    ("meine stimmen", Position::OwnVote),
    ("meine erststimme", Position::OwnVote),
    ("meine zweitstimme", Position::OwnVote),
    ("mein kreuz", Position::OwnVote),
    ("mein kreuzchen", Position::OwnVote),
    ("nicht angekreuzt", Position::OwnVote),
    // A vote for a party judged as wasted (`Die Stimmen für die … sind weggeworfene
    // Stimmen`), and both votes of the ballot for one party (`beide Stimmen der CSU`).
    ("weggeworfene stimme", Position::Anywhere),
    ("weggeworfene stimmen", Position::Anywhere),
    ("verschenkte stimme", Position::Anywhere),
    ("verschenkte stimmen", Position::Anywhere),
    ("beide stimmen", Position::Anywhere),
    // Sending a party away (`schickt die … in die Wüste`).
    ("in die wüste", Position::Anywhere),
    // The ballot as punishment (`der … einen Denkzettel verpassen`, `Wahltag ist
    // Zahltag`, `… abstrafen`).
    ("denkzettel", Position::Anywhere),
    ("zahltag", Position::Ousting),
    ("abstrafen", Position::Ousting),
];

/// Words that make a sentence of a party alone the conclusion of what comes before
/// (`… Außer der AfD natürlich. Darum AfD.`), folded.
const CONCLUSIVE: &[&str] = &["darum", "deshalb", "deswegen", "daher", "also", "drum"];

/// A party named by its leader (`die Lindner-Partei`): the word after the hyphen, folded.
const PARTY_WORD: &str = "partei";

/// Negations that make an exclaimed infinitive a call against whom the sentence before
/// names (`Die Grünen? Einfach nicht wählen!`), folded.
const NEGATIONS: &[&str] = &["nicht", "nie", "niemals", "keinesfalls"];

/// Modal verbs that make a participle a demand (`muss abgewählt werden`), folded.
const DEONTIC: &[&str] = &[
    "muss", "müssen", "soll", "sollen", "sollte", "sollten", "gehört", "gehören",
];

/// Words that join a second imperative to a clause (`geht zur Wahl und wählt die …`).
const COORDINATING: &[&str] = &["und", "oder", "aber", "sondern"];

/// A verb-first clause with a subject right after the verb is a condition or a question,
/// not an imperative (`Wählt der Rat …`, `Stimmt der Rat dem Antrag zu, …`).
const SUBJECT_ARTICLES: &[&str] = &["der", "ein", "man", "er", "es"];

/// Words in a clause that make an infinitive `… wählen` a statement rather than a call:
/// what people can, may or will do (`Sie können am Sonntag die SPD wählen`), or a choice
/// among all (`zwischen CDU, SPD und Grünen wählen`).
const NOT_A_CALL: &[&str] = &[
    "kann", "können", "könnt", "konnte", "konnten", "könnte", "könnten", "darf", "dürfen",
    "durfte", "durften", "wird", "werden", "wurde", "wurden", "würde", "würden", "hat", "haben",
    "hatte", "hatten", "will", "wollen", "wollte", "wollten", "möchte", "möchten", "zwischen",
    "alle", "allen", "oder",
];

/// Most words between a party and the infinitive that calls to vote for it (`die CDU
/// wählen`, `nie wieder SPD wählen`).
const INFINITIVE_REACH: usize = 3;

/// Most words before the target that can make an infinitive a statement (`Sie können am
/// Sonntag die SPD wählen`: four).
const STATEMENT_REACH: usize = 5;

/// Words glued to a party in a hashtag that make it a call (`#einfachAFDwählen`), folded.
const GLUED_CALLS: &[&str] = &["wählen", "waehlen", "wählt", "waehlt"];

/// Words that may come before an imperative in its clause (`Bitte wählt …`).
const BEFORE_IMPERATIVE: &[&str] = &[
    "bitte", "und", "also", "deshalb", "darum", "daher", "jetzt", "einfach", "doch", "dann",
    "nicht", "am", "sonntag", "heute", "morgen",
];

/// Pronouns of formal address, capitalised when they address the reader.
const FORMAL_PRONOUNS: &[&str] = &["sie", "ihr", "ihre", "ihren", "ihrem", "ihrer", "ihnen"];

/// Words after a participle use of an imperative form (`Unterstützt von der SPD …`).
const PARTICIPLE_FOLLOWERS: &[&str] = &[
    "von", "vom", "durch", "wurde", "wurden", "wird", "werden", "hat", "haben",
];

/// Words pointing at a person standing for election (`Kandidatin Beispiel`, `unseren
/// Kandidaten`).
const CANDIDATE_WORDS: &[&str] = &[
    "kandidat",
    "kandidatin",
    "kandidaten",
    "bewerber",
    "bewerberin",
];
const PARTISAN_POSSESSIVES: &[&str] = &["unser", "unsere", "unseren", "unserer", "unserem"];

rule_settings! {
    /// Settings of `neutrality.vote-call`.
    #[schemars(rename = "NeutralityVoteCallSettings")]
    pub struct Settings {
        /// More phrases that make a sentence a call to vote (matched anywhere, any case),
        /// added to the built-in ones.
        pub calls: Option<Vec<String>>,
    }
}

documented_rule! {
    /// ## What it checks
    /// A call to vote for or against a party or candidate in a post of an official account:
    /// a call (`Wählen Sie`, `Wählt`, `Gebt eure Stimme`, `Ihr Kreuz bei`, `Stimmen Sie
    /// für`, `Nicht … wählen!`, `Wer … wählt`, `Wahlempfehlung`, `nicht mehr wählbar`) and,
    /// in the same sentence, a party (as `neutrality.party` finds them), a candidate from
    /// `[[elections]]`, or `Kandidat(in) <Name>` / `unsere Kandidatin`. An infinitive right
    /// after a party that ends its clause is a call too (`Am Sonntag SPD wählen`, `nie
    /// wieder SPD wählen`, `die CDU wählen, damit …`), as is a call glued to a party in a
    /// hashtag (`#einfachAFDwählen`). The established parties as a bloc are a target too
    /// (`braucht nur die Altparteien zu wählen`). Voting someone out needs no target in the
    /// sentence (`Abwählen!`, `… im September abwählen`, `Unwählbar.`, `muss abgewählt
    /// werden`), nor does the ballot as punishment (`Nächster Wahltag ist Zahltag.`, `…
    /// abstrafen!`; `der SPD einen Denkzettel verpassen` names its target). The writer's own
    /// vote declared is a call too (`Meine Stimme bekommt die FDP`, `mein Kreuz bei …`, `die
    /// FDP wird nicht angekreuzt`), about the party of its sentence or of the sentence
    /// before (`… braucht die FDP keine Angst haben. Meine Stimme ist sicher.`), and so is a
    /// negated exclaimed call after a sentence naming the party (`Die Grünen? Einfach nicht
    /// wählen!`). A vote for a party called wasted (`Die Stimmen für die … sind
    /// weggeworfene Stimmen`, `verschenkte Stimme`), both votes for one party (`muss beide
    /// Stimmen der CSU geben`), sending a party into the desert (`schickt die … in die
    /// Wüste`) and a party alone after a conclusive word (`Darum AfD.`, `Also SPD!`) are
    /// calls too; a party may be named by its leader (`Zweitstimme für die
    /// Lindner-Partei`). The span covers the call and its target.
    ///
    /// Not findings: information that is the city's job — `Briefwahl`, `Wahllokal`,
    /// `Wahlbenachrichtigung`, turnout, and a call to take part without a party or person
    /// (`Gehen Sie wählen!`, `Ihre Stimme zählt`); `Wählen Sie aus drei Entwürfen` (no
    /// election at all); council reporting (`Der Rat wählte …`, `die SPD stimmte für den
    /// Antrag`), where the verb has its subject before it, and a verb-first condition
    /// (`Stimmt der Rat dem Antrag der SPD-Fraktion zu, …`); what voters can or will do and
    /// choices among all (`Sie können zwischen CDU, SPD und Grünen wählen`); a reported
    /// vote-out (`Bürgermeister per Bürgerentscheid abgewählt`).
    ///
    /// ## Why
    /// State bodies must not take sides in elections; public relations end where election
    /// advertising begins (BVerfGE 44,125), and a mayor's official channels are state
    /// channels (BVerwG 10 C 6.16; VG Göttingen 1 A 258/21). Informing about the election
    /// itself (polling stations, postal voting) is information, not advertising (the
    /// distinction of BVerfGE 44,125). Stadt Paderborn (Social-Media-Strategie 2021):
    /// "Neutralitätsgebot, keine parteipolitischen Themen". Always an error.
    ///
    /// ## Example
    /// `Am Sonntag ist Kommunalwahl: Wählen Sie die CDU!` → `Am Sonntag ist Kommunalwahl.
    /// Alle Wahllokale und die Briefwahl: paderborn.de/wahl`.
    ///
    /// ## Configuration
    /// ```toml
    /// [rules."neutrality.vote-call"]
    /// calls = ["macht euer kreuz"]
    /// ```
    ///
    /// # Deutsch
    ///
    /// ## Was geprüft wird
    /// Ein Aufruf zur Wahl für oder gegen eine Partei oder eine Kandidatur in einem Beitrag eines
    /// amtlichen Kontos: ein Aufruf (`Wählen Sie`, `Wählt`, `Gebt eure Stimme`, `Ihr Kreuz bei`,
    /// `Stimmen Sie für`, `Nicht … wählen!`, `Wer … wählt`, `Wahlempfehlung`, `nicht mehr
    /// wählbar`) und im selben Satz eine Partei (wie `neutrality.party` sie findet), eine
    /// Kandidatin oder ein Kandidat aus `[[elections]]` oder `Kandidat(in) <Name>` / `unsere
    /// Kandidatin`. Ein Infinitiv direkt nach einer Partei, der seinen Teilsatz beendet, ist
    /// ebenfalls ein Aufruf (`Am Sonntag SPD wählen`, `nie wieder SPD wählen`, `die CDU wählen,
    /// damit …`), ebenso ein Aufruf, der in einem Hashtag mit einer Partei verbunden ist
    /// (`#einfachAFDwählen`). Auch die etablierten Parteien als Block sind ein Ziel (`braucht nur
    /// die Altparteien zu wählen`). Ein Aufruf zur Abwahl braucht kein Ziel im Satz (`Abwählen!`,
    /// `… im September abwählen`, `Unwählbar.`, `muss abgewählt werden`), ebenso wenig die Wahl
    /// als Strafe (`Nächster Wahltag ist Zahltag.`, `… abstrafen!`; `der SPD einen Denkzettel
    /// verpassen` nennt sein Ziel). Auch wer die eigene Stimme erklärt, ruft zur Wahl auf (`Meine
    /// Stimme bekommt die FDP`, `mein Kreuz bei …`, `die FDP wird nicht angekreuzt`), bezogen auf
    /// die Partei des eigenen Satzes oder des Satzes davor (`… braucht die FDP keine Angst haben.
    /// Meine Stimme ist sicher.`), und ebenso ein verneinter Ausruf nach einem Satz, der die
    /// Partei nennt (`Die Grünen? Einfach nicht wählen!`). Eine Stimme für eine Partei, die als
    /// verschenkt bezeichnet wird (`Die Stimmen für die … sind weggeworfene Stimmen`,
    /// `verschenkte Stimme`), beide Stimmen für eine Partei (`muss beide Stimmen der CSU geben`),
    /// eine Partei in die Wüste zu schicken (`schickt die … in die Wüste`) und eine Partei allein
    /// nach einem folgernden Wort (`Darum AfD.`, `Also SPD!`) sind ebenfalls Aufrufe; eine Partei
    /// kann auch über ihre Spitzenperson genannt sein (`Zweitstimme für die Lindner-Partei`). Die
    /// Markierung umfasst den Aufruf und sein Ziel.
    ///
    /// Keine Befunde sind: Informationen, die Aufgabe der Stadt sind – `Briefwahl`, `Wahllokal`,
    /// `Wahlbenachrichtigung`, Wahlbeteiligung und ein Aufruf zur Teilnahme ohne Partei oder
    /// Person (`Gehen Sie wählen!`, `Ihre Stimme zählt`); `Wählen Sie aus drei Entwürfen` (gar
    /// keine Wahl); Berichte aus dem Rat (`Der Rat wählte …`, `die SPD stimmte für den Antrag`),
    /// in denen das Verb sein Subjekt vor sich hat, und eine Bedingung mit dem Verb an erster
    /// Stelle (`Stimmt der Rat dem Antrag der SPD-Fraktion zu, …`); was Wählerinnen und Wähler
    /// tun können oder werden, und die Wahl zwischen allen (`Sie können zwischen CDU, SPD und
    /// Grünen wählen`); eine berichtete Abwahl (`Bürgermeister per Bürgerentscheid abgewählt`).
    ///
    /// ## Warum
    /// Staatliche Stellen dürfen bei Wahlen nicht Partei ergreifen; Öffentlichkeitsarbeit endet,
    /// wo Wahlwerbung beginnt (BVerfGE 44,125), und die amtlichen Kanäle eines Bürgermeisters
    /// sind staatliche Kanäle (BVerwG 10 C 6.16; VG Göttingen 1 A 258/21). Information über die
    /// Wahl selbst (Wahllokale, Briefwahl) ist Information und keine Werbung (die Unterscheidung
    /// von BVerfGE 44,125). Stadt Paderborn (Social-Media-Strategie 2021): „Neutralitätsgebot,
    /// keine parteipolitischen Themen“. Immer ein Fehler.
    ///
    /// ## Beispiel
    /// `Am Sonntag ist Kommunalwahl: Wählen Sie die CDU!` → `Am Sonntag ist Kommunalwahl. Alle
    /// Wahllokale und die Briefwahl: paderborn.de/wahl`.
    ///
    /// ## Einstellungen
    /// ```toml
    /// [rules."neutrality.vote-call"]
    /// calls = ["macht euer kreuz"]
    /// ```
    pub(crate) struct NeutralityVoteCall {
        calls: Lexicon,
        positions: Vec<Position>,
        blocs: Lexicon,
        parties: PartyMatcher,
        candidates: NameMatcher,
    }
}

impl RuleDef for NeutralityVoteCall {
    type Settings = Settings;
    const DEFAULT_SEVERITY: Severity = Severity::Error;
    const DOCS: &'static str = Self::DOC_TEXT;
    const TITLE: Title = Title {
        de: "Wahlaufruf",
        en: "Call to vote",
    };

    fn compile(settings: &Settings, account: &Account) -> Result<Self, SettingError> {
        let mut terms: Vec<(String, Position)> = CALLS
            .iter()
            .map(|(phrase, position)| ((*phrase).to_owned(), *position))
            .collect();
        terms.extend(
            settings
                .calls
                .iter()
                .flatten()
                .map(|phrase| (phrase.clone(), Position::Anywhere)),
        );
        let options = TermOptions::default();
        Ok(NeutralityVoteCall {
            calls: compile_lexicon(terms.iter().map(|(t, _)| (t.as_str(), options)), "calls")?,
            positions: terms.into_iter().map(|(_, position)| position).collect(),
            blocs: compile_lexicon(
                PARTY_BLOCS.iter().map(|t| {
                    let inflected = TermOptions {
                        inflected: true,
                        ..TermOptions::default()
                    };
                    (*t, inflected)
                }),
                "calls",
            )?,
            parties: PartyMatcher::compile(account)?,
            candidates: NameMatcher::new(all_candidates(account), "elections")?,
        })
    }
}

impl NeutralityVoteCall {
    /// Whether a call phrase at `word` stands where it is a call.
    fn is_call(
        &self,
        view: &TextView<'_>,
        segments: &Segments,
        word: usize,
        span: &Range<usize>,
        position: Position,
    ) -> bool {
        let words = &segments.words;
        let Some(current) = words.get(word) else {
            return false;
        };
        let clause_words = || {
            words[..word]
                .iter()
                .rev()
                .take_while(|w| w.clause == current.clause)
        };
        let opens_with_wer = || {
            words[..=word]
                .iter()
                .rev()
                .take_while(|w| w.clause == current.clause)
                .last()
                .is_some_and(|first| segments.folded(first) == "wer")
        };
        // `Wählen Sie`, `Ihre Stimme`: the formal pronoun is capitalised; `wählen sie`,
        // `ihre Stimme` speak about someone else (`die Ratsfrau gab ihre Stimme ab`).
        let addresses_reader = words[word..]
            .iter()
            .take_while(|w| w.span.start < span.end)
            .filter(|w| FORMAL_PRONOUNS.contains(&segments.folded(w)))
            .all(|w| starts_upper(view.text, w.span.start));
        if !addresses_reader {
            return false;
        }
        match position {
            Position::Anywhere | Position::OwnVote => true,
            Position::ClauseStart => {
                // `… und wählt die …`: a second imperative starts after the conjunction.
                let before_ok = clause_words()
                    .take_while(|w| !COORDINATING.contains(&segments.folded(w)))
                    .all(|w| BEFORE_IMPERATIVE.contains(&segments.folded(w)));
                let next = segments.words.get(word + 1);
                let participle =
                    next.is_some_and(|next| PARTICIPLE_FOLLOWERS.contains(&segments.folded(next)));
                let has_subject =
                    next.is_some_and(|next| SUBJECT_ARTICLES.contains(&segments.folded(next)));
                (before_ok && !participle && !has_subject) || opens_with_wer()
            }
            Position::Exclaimed | Position::Ousting => is_exclaimed(view, span) || opens_with_wer(),
        }
    }

    /// `AFD wählen`, `nie wieder SPD wählen`, `die CDU wählen, damit …`: an infinitive that
    /// ends its clause right after a party, without a verb that makes it a statement.
    fn is_infinitive_call(
        view: &TextView<'_>,
        segments: &Segments,
        word: usize,
        span: &Range<usize>,
        target: &Range<usize>,
    ) -> bool {
        let words = &segments.words;
        let Some(current) = words.get(word) else {
            return false;
        };
        let next_char = view
            .text
            .get(span.end..)
            .and_then(|rest| rest.chars().find(|c| !is_ignorable(*c)));
        let ends_clause = next_char.is_none_or(|c| c != ' ' && !c.is_alphanumeric())
            || words
                .get(word + 1)
                .is_none_or(|next| next.clause != current.clause);
        let Some(target_word) = segments.word_at(target.start) else {
            return false;
        };
        // The call itself when it names no one (`abwählen`).
        let close = target == span
            || (target_word < word
                && word - target_word <= INFINITIVE_REACH
                && words[target_word].clause == current.clause);
        // Near the target, across the commas of an enumeration (`Sie können zwischen CDU,
        // SPD und FDP wählen`); `zwischen` anywhere in the sentence.
        let statement = words[..target_word.min(word)]
            .iter()
            .rev()
            .take_while(|w| w.sentence == current.sentence)
            .take(STATEMENT_REACH)
            .any(|w| NOT_A_CALL.contains(&segments.folded(w)))
            || words
                .iter()
                .filter(|w| w.sentence == current.sentence)
                .any(|w| segments.folded(w) == "zwischen");
        ends_clause && close && !statement
    }

    /// Whether a call that names no one stands where it calls (see [`Position::Ousting`]).
    fn is_ousting(
        view: &TextView<'_>,
        segments: &Segments,
        word: usize,
        span: &Range<usize>,
    ) -> bool {
        let words = &segments.words;
        let Some(current) = words.get(word) else {
            return false;
        };
        let exclaimed = is_exclaimed(view, span);
        let opens_sentence = segments.previous_in_sentence(word).is_none();
        let demanded = words[..word]
            .iter()
            .rev()
            .take_while(|w| w.clause == current.clause)
            .any(|w| DEONTIC.contains(&segments.folded(w)));
        // `abgewählt` reports a vote (`Bürgermeister per Bürgerentscheid abgewählt`)
        // unless it is demanded.
        let participle = segments.folded(current).starts_with("abgewählt");
        demanded
            || (!participle
                && (exclaimed
                    || opens_sentence
                    || Self::is_infinitive_call(view, segments, word, span, span)))
    }

    /// A person standing for election in a sentence, by the candidate words.
    fn candidate_word_target(
        view: &TextView<'_>,
        segments: &Segments,
        sentence: usize,
    ) -> Option<Range<usize>> {
        let words = &segments.words;
        words.iter().enumerate().find_map(|(index, w)| {
            if w.sentence != sentence || !CANDIDATE_WORDS.contains(&segments.folded(w)) {
                return None;
            }
            // `Kandidatin Beispiel`: a capitalised name right after.
            if let Some(next) = segments.next_in_sentence(index)
                && starts_upper(view.text, next.span.start)
                && next.clause == w.clause
            {
                return Some(w.span.start..next.span.end);
            }
            // `unseren Kandidaten`: the city makes a candidate its own.
            segments
                .previous_in_sentence(index)
                .filter(|p| PARTISAN_POSSESSIVES.contains(&segments.folded(p)))
                .map(|p| p.span.start..w.span.end)
        })
    }
}

/// Parties named by their leader (`Lindner-Partei`): a capitalised word joined by a
/// hyphen to `Partei`, with its sentence.
fn leader_parties(view: &TextView<'_>, segments: &Segments) -> Vec<(usize, Range<usize>)> {
    let words = &segments.words;
    words
        .iter()
        .zip(words.iter().skip(1))
        .filter(|(leader, party)| {
            segments.folded(party) == PARTY_WORD
                && leader.sentence == party.sentence
                && view.text.get(leader.span.end..party.span.start) == Some("-")
                && starts_upper(view.text, leader.span.start)
        })
        .map(|(leader, party)| (leader.sentence, leader.span.start..party.span.end))
        .collect()
}

/// The conclusive word of a sentence that is only that word and the party (`Darum
/// AfD.`, `Also SPD!`).
fn conclusion(segments: &Segments, sentence: usize, target: &Range<usize>) -> Option<Range<usize>> {
    let mut words = segments.words.iter().filter(|w| w.sentence == sentence);
    let first = words.next()?;
    (CONCLUSIVE.contains(&segments.folded(first))
        && first.span.end <= target.start
        && words.all(|w| target.start <= w.span.start && w.span.end <= target.end))
    .then(|| first.span.clone())
}

/// Whether the next visible character after a span is `!`.
fn is_exclaimed(view: &TextView<'_>, span: &Range<usize>) -> bool {
    view.text.get(span.end..).and_then(|rest| {
        rest.chars()
            .find(|c| !c.is_whitespace() && !is_ignorable(*c))
    }) == Some('!')
}

impl Rule for NeutralityVoteCall {
    fn lexicons(&self, account: &Account) -> Vec<&Lexicon> {
        if applies(account) {
            vec![
                &self.parties.lexicon,
                &self.candidates.lexicon,
                &self.blocs,
                &self.calls,
            ]
        } else {
            Vec::new()
        }
    }

    fn check(&self, cx: &CheckContext<'_>, out: &mut Vec<Finding>) {
        if !applies(cx.account) {
            return;
        }
        let view = cx.text;
        let segments = Segments::of(cx);
        let mut targets: Vec<(usize, Range<usize>)> = self
            .parties
            .find(cx, segments)
            .into_iter()
            .map(|m| (segments.words[m.word].sentence, m.span))
            .collect();
        for span in self
            .candidates
            .find(view)
            .into_iter()
            .map(|(_, span)| span)
            .chain(self.blocs.find(view).into_iter().map(|found| found.span))
        {
            if let Some(sentence) = segments.sentence_at(span.start) {
                targets.push((sentence, span));
            }
        }
        targets.extend(leader_parties(view, segments));
        let mut flagged_sentences = Vec::new();
        let mut calls: Vec<(Range<usize>, Range<usize>)> = Vec::new();
        for found in self.calls.find(view) {
            let Some(&position) = self.positions.get(found.term) else {
                continue;
            };
            let Some(word) = segments.word_at(found.span.start) else {
                continue;
            };
            let sentence = segments.words[word].sentence;
            if flagged_sentences.contains(&sentence) {
                continue;
            }
            let in_sentence = || targets.iter().filter(|(s, _)| *s == sentence);
            let target = if self.is_call(view, segments, word, &found.span, position) {
                in_sentence()
                    .map(|(_, span)| span.clone())
                    .next()
                    .or_else(|| Self::candidate_word_target(view, segments, sentence))
            } else if matches!(position, Position::Exclaimed | Position::Ousting) {
                in_sentence().map(|(_, span)| span.clone()).find(|target| {
                    Self::is_infinitive_call(view, segments, word, &found.span, target)
                })
            } else {
                None
            };
            // `Die Grünen? Einfach nicht wählen!`: a negated call names its target in the
            // sentence before; so does the writer's own vote (`… die FDP. Meine Stimme ist
            // sicher.`).
            let target = target.or_else(|| {
                let negated = position == Position::Exclaimed
                    && is_exclaimed(view, &found.span)
                    && segments
                        .previous_in_sentence(word)
                        .is_some_and(|w| NEGATIONS.contains(&segments.folded(w)));
                let own = position == Position::OwnVote;
                if !(negated || own) || !self.is_call(view, segments, word, &found.span, position) {
                    return None;
                }
                let previous = sentence_before(segments, word)?;
                targets
                    .iter()
                    .filter(|(s, _)| *s == previous)
                    .map(|(_, span)| span.clone())
                    .next_back()
            });
            // `Abwählen!`: voting someone out names them elsewhere.
            let target = target.or_else(|| {
                (position == Position::Ousting
                    && Self::is_ousting(view, segments, word, &found.span))
                .then(|| found.span.clone())
            });
            let Some(target) = target else {
                continue;
            };
            flagged_sentences.push(sentence);
            calls.push((found.span, target));
        }
        // `Darum AfD.`: a party alone after a conclusive word is the vote it concludes.
        for (sentence, target) in &targets {
            if flagged_sentences.contains(sentence) {
                continue;
            }
            if let Some(conclusive) = conclusion(segments, *sentence, target) {
                flagged_sentences.push(*sentence);
                calls.push((conclusive, target.clone()));
            }
        }
        // `#einfachAFDwählen`: the call glued to the party in a tag.
        let folded = view.folded();
        for (sentence, target) in &targets {
            if flagged_sentences.contains(sentence) || !view.in_hashtag_or_mention(target.start) {
                continue;
            }
            let text = folded.as_str();
            let Some(end) = (0..text.len()).find(|&i| folded.original_start(i) >= target.end)
            else {
                continue;
            };
            let glued = folded
                .as_str()
                .get(end..)
                .and_then(|rest| GLUED_CALLS.iter().find(|call| rest.starts_with(**call)));
            if let Some(call) = glued {
                let call_end = folded.original(end..end + call.len()).end;
                flagged_sentences.push(*sentence);
                calls.push((target.end..call_end, target.clone()));
            }
        }
        for (call, target) in calls {
            let start = call.start.min(target.start);
            let end = call.end.max(target.end);
            let whom = quoted(view, &target);
            let note = window_suffix(open_window(cx), cx.lang);
            out.push(
                Finding::new(
                    tr!(cx.lang,
                        de: "Wahlaufruf für oder gegen `{whom}` in einem offiziellen Beitrag{note}",
                        en: "call to vote for or against `{whom}` in an official post{note}"),
                    tr!(cx.lang,
                        de: "Amtliche Kanäle dürfen nicht für oder gegen Parteien, Kandidatinnen und Kandidaten werben; über Wahltermin, Wahllokale und Briefwahl zu informieren ist erlaubt",
                        en: "official channels must not campaign for or against parties or candidates; informing about the election date, polling stations and postal voting is fine"),
                )
                .at(start, end),
            );
        }
    }
}
