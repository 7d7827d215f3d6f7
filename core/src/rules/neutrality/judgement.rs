use std::ops::Range;

use crate::lang::tr;
use crate::report::Severity;
use crate::rules::neutrality::{
    NameMatcher, PartyMatcher, Segments, all_candidates, applies, compile_lexicon, evaluative_term,
    open_window, quoted, starts_upper, window_note, word_list,
};
use crate::rules::{
    Account, CheckContext, Finding, Rule, RuleDef, SettingError, documented_rule, rule_settings,
};
use crate::text::Region;
use crate::text::lexicon::{Lexicon, TermOptions};

/// Words between an evaluation and the actor it is about (`dank der hervorragenden Arbeit
/// der CDU`: three).
const DEFAULT_WINDOW_WORDS: u32 = 5;

/// Praise and disparagement (folded; inflections match, `*` also closed compounds).
/// Words that also report facts about council business (`gescheitert`, `erfolgreich`,
/// `stärkste Kraft`) are left out on purpose.
const DEFAULT_EVALUATIVE: &[&str] = &[
    // praise
    "hervorragend",
    "großartig",
    "exzellent",
    "vorbildlich",
    "herausragend",
    "beeindruckend",
    "brillant",
    "verdienstvoll",
    "vorausschauend",
    "weitsichtig",
    "mutig",
    "kompetent",
    "unermüdlich",
    "toll",
    "super",
    "beste",
    "besten",
    "Verdienst",
    "verdanken",
    "dank",
    "Dank",
    "danken",
    "dankt",
    "bedanken",
    "bedankt",
    "danke",
    "Dankeschön",
    "zuverlässig",
    "bravourös",
    "Glanzleistung",
    // disparagement
    "unfähig",
    "inkompetent",
    "chaotisch",
    "Chaos*",
    "peinlich",
    "skandalös",
    "Skandal*",
    "verantwortungslos",
    "unverantwortlich",
    "populistisch",
    "Populist",
    "Populisten",
    "Hetze",
    "Hetzer",
    "hetzen",
    "hetzt",
    "rechtsextrem",
    "linksextrem",
    "extremistisch",
    "Extremisten",
    "radikal",
    "Radikale",
    "Versager",
    "versagt",
    "Versagen",
    "Totalversagen",
    "Lügen",
    "lügen",
    "lügt",
    "Lügner",
    "verlogen",
    "katastrophal",
    "desaströs",
    "miserabel",
    "dilettantisch",
    "Dilettanten",
    "Stümper",
    "Blockierer",
    "blockiert",
    "blockieren",
    "Blockade",
    "Blockadepolitik",
    "ideologisch",
    "Ideologen",
    "Schande",
    "schändlich",
    "armselig",
    "erbärmlich",
    "lächerlich",
    "ahnungslos",
    "realitätsfern",
    "unsozial",
    "undemokratisch",
    "demokratiefeindlich",
    "Demokratiefeinde",
    "Spalter",
    "Nazis",
    "faschistisch",
    "Faschisten",
    "Chaostruppe",
    "Verbotspartei",
    "Klientelpolitik",
    "Klientelpartei",
    "Wortbruch",
    "schlimmste",
    "schlechteste",
    "Murks",
    "Totalausfall",
    "Stillstand",
];

/// Political actors other than named parties.
const DEFAULT_ACTORS: &[&str] = &[
    "Koalition",
    "Ampel",
    "Ampelkoalition",
    "Opposition",
    "Fraktion",
    "Fraktionen",
    "Ratsfraktion",
    "Partei",
    "Parteien",
    "Politiker",
    "Politikerin",
    "Politikern",
    "Kandidat",
    "Kandidatin",
    "Kandidaten",
    "Ratsmehrheit",
    "Mehrheitsfraktion",
];

/// Possessives that tie an evaluated noun to an actor named before (`die Grünen mit ihrer
/// chaotischen Politik`).
const POSSESSIVES: &[&str] = &[
    "ihre", "ihrer", "ihren", "ihrem", "ihres", "seine", "seiner", "seinen", "seinem", "seines",
    "deren", "dessen", "diese", "dieser", "diesen", "diesem", "dieses",
];

/// Words that may stand before the subject of a sentence (`Die Politiker der AfD …`).
const BEFORE_SUBJECT: &[&str] = &["die", "der", "das", "auch", "nur", "selbst"];

/// Words that attach a following actor to a noun (`die hervorragende Arbeit der CDU`).
const ATTACHING: &[&str] = &["der", "des", "von", "vom"];

/// Words before an actor that address every group alike (`Dank an alle Fraktionen`).
const ALL_ALIKE: &[&str] = &[
    "alle",
    "allen",
    "aller",
    "sämtliche",
    "sämtlichen",
    "sämtlicher",
    "jede",
    "jeder",
];

rule_settings! {
    /// Settings of `neutrality.judgement`.
    #[schemars(rename = "NeutralityJudgementSettings")]
    pub struct Settings {
        /// Evaluative words (praise and disparagement); replaces the built-in list. A
        /// trailing `*` also matches closed compounds (`Chaos*` → `Chaostruppe`).
        pub evaluative: Option<Vec<String>>,
        /// Evaluative words added to the built-in or configured list.
        pub extra_evaluative: Option<Vec<String>>,
        /// Words for political actors besides parties and candidates (`Koalition`,
        /// `Fraktion`); replaces the built-in list.
        pub actors: Option<Vec<String>>,
        /// Most words between the evaluation and the actor (default 5).
        pub window_words: Option<u32>,
    }
}

documented_rule! {
    /// ## What it checks
    /// Praise or disparagement of parties and political actors in a post of an official
    /// account: an evaluative word (`unfähig`, `Chaos`, `Populisten`, `hervorragend`,
    /// `dank`) within `window-words` words of a party (as `neutrality.party` finds them), a
    /// candidate from `[[elections]]`, or an actor word (`Koalition`, `Opposition`,
    /// `Fraktion`) in the same sentence: `die unfähige Koalition`, `dank der hervorragenden
    /// Arbeit der CDU`, `Chaos-Partei`, `Populisten von der AfD`. The span runs from the
    /// evaluation to the actor.
    ///
    /// Not findings: evaluations inside quotation marks (the city quotes rather than
    /// judges), actors addressed all alike (`Dank an alle Fraktionen`), evaluations of
    /// people and things that are not political actors (`dank der hervorragenden Arbeit der
    /// Feuerwehr`).
    ///
    /// ## Why
    /// Negative official statements about a party violate its equal chances, inside and
    /// outside election periods (2 BvE 1/16 Wanka, 2 BvE 1/19 Seehofer, 2 BvE 4/20); praise
    /// of a party is advertising (BVerfGE 44,125); a mayor speaks on local matters,
    /// factually (BVerwG 10 C 6.16). The research notes list "no disparaging of political
    /// actors" among municipal guidelines; Paderborn (seed 000): "Neutralitätsgebot".
    /// Always an error.
    ///
    /// ## Example
    /// `Dank der hervorragenden Arbeit der CDU-Fraktion wird die Schule saniert.` → `Der Rat
    /// hat die Sanierung der Schule beschlossen.`
    ///
    /// ## Configuration
    /// ```toml
    /// [rules."neutrality.judgement"]
    /// extra-evaluative = ["Sauladen"]
    /// actors = ["Koalition", "Opposition", "Fraktion", "Fraktionen", "Partei"]
    /// window-words = 5
    /// ```
    pub(crate) struct NeutralityJudgement {
        evaluative: Lexicon,
        actors: Lexicon,
        parties: PartyMatcher,
        candidates: NameMatcher,
        window_words: usize,
    }
}

impl RuleDef for NeutralityJudgement {
    type Settings = Settings;
    const DEFAULT_SEVERITY: Severity = Severity::Error;
    const DOCS: &'static str = Self::DOC_TEXT;

    fn compile(settings: &Settings, account: &Account) -> Result<Self, SettingError> {
        let evaluative = word_list(
            settings.evaluative.as_ref(),
            DEFAULT_EVALUATIVE,
            settings.extra_evaluative.as_ref(),
        );
        let actors = word_list(settings.actors.as_ref(), DEFAULT_ACTORS, None);
        let actor_options = TermOptions {
            capitalised: false,
            inflected: true,
            compound_prefix: false,
        };
        let window_words = settings.window_words.unwrap_or(DEFAULT_WINDOW_WORDS);
        Ok(NeutralityJudgement {
            evaluative: compile_lexicon(
                evaluative.iter().map(|t| evaluative_term(t)),
                "evaluative",
            )?,
            actors: compile_lexicon(actors.iter().map(|t| (t.as_str(), actor_options)), "actors")?,
            parties: PartyMatcher::compile(account)?,
            candidates: NameMatcher::new(all_candidates(account), "elections")?,
            window_words: usize::try_from(window_words).unwrap_or(usize::MAX),
        })
    }
}

impl NeutralityJudgement {
    /// An adjective before a noun evaluates that noun (`die gefährliche Kreuzung`), not an
    /// actor elsewhere in the sentence, unless the noun belongs to the actor (`die
    /// hervorragende Arbeit der CDU`, `mit ihrer chaotischen Politik`). Nouns (`Chaos`,
    /// `Populisten`) and predicates (`sind unfähig`) are judged by distance alone.
    fn is_about_an_actor(
        &self,
        text: &str,
        segments: &Segments,
        word: usize,
        span: &Range<usize>,
        actors: &[(usize, Range<usize>)],
    ) -> bool {
        let words = &segments.words;
        let is_actor = |index: usize| actors.iter().any(|(w, _)| *w == index);
        let Some(last) = segments.word_at(span.end.saturating_sub(1)) else {
            return true;
        };
        let Some(noun) = segments.next_in_sentence(last) else {
            return true;
        };
        let noun_index = last + 1;
        let adjective = !starts_upper(text, span.start);
        if !adjective || !starts_upper(text, noun.span.start) || is_actor(noun_index) {
            return true;
        }
        // `ihrer chaotischen Politik`, `ihre völlig realitätsfernen Forderungen`.
        let after_possessive = words[word.saturating_sub(2)..word].iter().any(|p| {
            p.sentence == words[word].sentence && POSSESSIVES.contains(&p.folded.as_str())
        });
        let attached = words
            .get(noun_index + 1)
            .is_some_and(|w| ATTACHING.contains(&w.folded.as_str()))
            && (noun_index + 2..=noun_index + 3).any(is_actor);
        after_possessive || attached
    }
}

/// Whether an actor opens its sentence (only articles before it), so it is the subject.
fn is_subject(segments: &Segments, actor: usize) -> bool {
    let Some(current) = segments.words.get(actor) else {
        return false;
    };
    segments.words[..actor]
        .iter()
        .rev()
        .take_while(|w| w.sentence == current.sentence)
        .all(|w| BEFORE_SUBJECT.contains(&w.folded.as_str()))
}

impl Rule for NeutralityJudgement {
    fn check(&self, cx: &CheckContext<'_>, out: &mut Vec<Finding>) {
        if !applies(cx.account) {
            return;
        }
        let view = cx.text;
        let segments = Segments::of(view);
        let word_of = |span: &Range<usize>| segments.word_at(span.start);
        let mut actors: Vec<(usize, Range<usize>)> = Vec::new();
        for mention in self.parties.find(view, segments) {
            actors.push((mention.word, mention.span));
        }
        for found in self.actors.find(view) {
            if let Some(word) = word_of(&found.span) {
                actors.push((word, found.span));
            }
        }
        for (_, span) in self.candidates.find(view) {
            if let Some(word) = word_of(&span) {
                actors.push((word, span));
            }
        }
        // `Dank an alle Fraktionen`: every group alike is no side taken.
        actors.retain(|(word, _)| {
            let before = word.saturating_sub(2)..*word;
            !segments.words[before]
                .iter()
                .any(|w| ALL_ALIKE.contains(&w.folded.as_str()))
        });
        if actors.is_empty() {
            return;
        }
        let mut flagged_sentences = Vec::new();
        for found in self.evaluative.find(view) {
            if view.region_at(found.span.start) == Region::Quote {
                continue;
            }
            let Some(word) = word_of(&found.span) else {
                continue;
            };
            let sentence = segments.words[word].sentence;
            if flagged_sentences.contains(&sentence) {
                continue;
            }
            // The subject of the sentence is what its predicate judges, even at a distance
            // (`Die Politiker der AfD sind für unsere Stadt eine Schande`).
            let reach = |actor: usize| {
                if is_subject(segments, actor) {
                    self.window_words.saturating_mul(3)
                } else {
                    self.window_words
                }
            };
            let nearest = actors
                .iter()
                .filter(|(w, span)| {
                    segments.words[*w].sentence == sentence
                        && w.abs_diff(word) <= reach(*w)
                        // The evaluation is not part of the actor's own name.
                        && !(span.start <= found.span.start && found.span.end <= span.end)
                })
                .min_by_key(|(w, _)| w.abs_diff(word));
            let Some((actor_word, actor)) = nearest else {
                continue;
            };
            if !is_subject(segments, *actor_word)
                && !self.is_about_an_actor(view.text, segments, word, &found.span, &actors)
            {
                continue;
            }
            flagged_sentences.push(sentence);
            let judged = quoted(view, &found.span);
            let whom = quoted(view, actor);
            let note = open_window(cx)
                .map(|w| window_note(w).get(cx.lang).to_owned())
                .unwrap_or_default();
            out.push(
                Finding::new(
                    tr!(cx.lang,
                        de: "wertung `{judged}` über `{whom}` in einem offiziellen beitrag{note}",
                        en: "judgement `{judged}` about `{whom}` in an official post{note}"),
                    tr!(cx.lang,
                        de: "parteien und politische akteure nicht loben oder herabsetzen; sachlich über beschlüsse berichten",
                        en: "do not praise or disparage parties and political actors; report decisions factually"),
                )
                .at(found.span.start.min(actor.start), found.span.end.max(actor.end)),
            );
        }
    }
}
