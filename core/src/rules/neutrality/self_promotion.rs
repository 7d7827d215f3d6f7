use std::ops::Range;

use crate::lang::tr;
use crate::report::Severity;
use crate::rules::neutrality::{
    NameMatcher, Segments, applies, compile_lexicon, evaluative_term, open_window, quoted,
    window_note, word_list,
};
use crate::rules::{
    Account, CheckContext, Finding, Rule, RuleDef, SettingError, Title, documented_rule,
    rule_settings,
};
use crate::text::Region;
use crate::text::lexicon::{Lexicon, TermOptions};

/// The account holder speaking of themself.
const FIRST_PERSON: &[&str] = &[
    "ich", "mir", "mich", "mein", "meine", "meinem", "meinen", "meiner", "meines",
];

/// Words that claim an achievement (folded; inflections match).
const DEFAULT_ACHIEVEMENTS: &[&str] = &[
    "erreicht",
    "durchgesetzt",
    "geschafft",
    "umgesetzt",
    "versprochen",
    "gehalten",
    "Erfolg",
    "Erfolge",
    "erfolgreich",
    "Bilanz",
    "Amtszeit",
    "angepackt",
    "bewiesen",
    "verdanken",
    "Verdienst",
    "stolz",
    "geliefert",
    "auf den Weg gebracht",
    "Wort gehalten",
    "Versprechen",
    "Leistung",
    "Leistungen",
];

rule_settings! {
    /// Settings of `neutrality.self-promotion`.
    #[schemars(rename = "NeutralitySelfPromotionSettings")]
    pub struct Settings {
        /// Words that claim an achievement; replaces the built-in list.
        pub achievements: Option<Vec<String>>,
    }
}

documented_rule! {
    /// ## What it checks
    /// Inside a pre-election window (`[[elections]]`, by the draft's `scheduled_at`, else
    /// `published_at`, else the check's reference time): the account holder's
    /// self-promotion — the holder's name (`holder`, else `display-name`) or the first
    /// person (`ich`, `mein`, `meine` …) in the same sentence as an achievement claim
    /// (`erreicht`, `durchgesetzt`, `Erfolg`, `Bilanz`, `Versprechen gehalten`).
    /// Outside a window, or without a known date, the rule finds nothing. Quotations are
    /// skipped. Private accounts are not checked.
    ///
    /// ## Why
    /// In the "heiße Wahlkampfphase" official coverage of the office holder who stands
    /// again weighs like campaigning: a mayoral election was invalidated partly because of
    /// it (VG Göttingen 1 A 258/21, OVG Nds. 10 LA 84/24); more PR output as the election
    /// approaches is a warning sign (BVerfGE 44,125). Reporting the work of the
    /// administration stays fine, which is why this is a `warning` for the press office to
    /// weigh. Stadt Paderborn (Social-Media-Strategie 2021): "Neutralitätsgebot".
    ///
    /// ## Example
    /// Three weeks before the election: `In meiner Amtszeit habe ich 500 Kita-Plätze
    /// geschaffen – versprochen, gehalten!` → `Die Stadt hat seit 2020 500 Kita-Plätze
    /// geschaffen.`, or after the election.
    ///
    /// ## Configuration
    /// ```toml
    /// [accounts.buergermeister]
    /// holder = "Michael Dreier"
    ///
    /// [rules."neutrality.self-promotion"]
    /// achievements = ["erreicht", "Bilanz", "versprochen"]
    /// ```
    ///
    /// # Deutsch
    ///
    /// ## Was geprüft wird
    /// Im Zeitraum vor einer Wahl (`[[elections]]`, nach dem `scheduled_at` des Entwurfs, sonst
    /// `published_at`, sonst dem Bezugszeitpunkt der Prüfung): Eigenwerbung der Kontoinhaberin
    /// oder des Kontoinhabers – ihr oder sein Name (`holder`, sonst `display-name`) oder die
    /// erste Person (`ich`, `mein`, `meine` …) im selben Satz wie eine Erfolgsmeldung
    /// (`erreicht`, `durchgesetzt`, `Erfolg`, `Bilanz`, `Versprechen gehalten`). Außerhalb eines
    /// solchen Zeitraums oder ohne bekanntes Datum findet die Regel nichts. Zitate werden
    /// übersprungen. Private Konten werden nicht geprüft.
    ///
    /// ## Warum
    /// In der „heißen Wahlkampfphase“ wiegt amtliche Berichterstattung über die Amtsinhaberin
    /// oder den Amtsinhaber, die oder der erneut antritt, wie Wahlkampf: Eine Bürgermeisterwahl
    /// wurde unter anderem deshalb für ungültig erklärt (VG Göttingen 1 A 258/21, OVG Nds. 10 LA
    /// 84/24); mehr Öffentlichkeitsarbeit, je näher die Wahl rückt, ist ein Warnzeichen (BVerfGE
    /// 44,125). Über die Arbeit der Verwaltung zu berichten, bleibt in Ordnung; deshalb ist dies
    /// eine `warning`, die die Pressestelle abwägt. Stadt Paderborn (Social-Media-Strategie
    /// 2021): „Neutralitätsgebot“.
    ///
    /// ## Beispiel
    /// Drei Wochen vor der Wahl: `In meiner Amtszeit habe ich 500 Kita-Plätze geschaffen –
    /// versprochen, gehalten!` → `Die Stadt hat seit 2020 500 Kita-Plätze geschaffen.` oder erst
    /// nach der Wahl berichten.
    ///
    /// ## Einstellungen
    /// ```toml
    /// [accounts.buergermeister]
    /// holder = "Michael Dreier"
    ///
    /// [rules."neutrality.self-promotion"]
    /// achievements = ["erreicht", "Bilanz", "versprochen"]
    /// ```
    pub(crate) struct NeutralitySelfPromotion {
        achievements: Lexicon,
        first_person: Lexicon,
        holder: NameMatcher,
    }
}

impl RuleDef for NeutralitySelfPromotion {
    type Settings = Settings;
    const DEFAULT_SEVERITY: Severity = Severity::Warning;
    const DOCS: &'static str = Self::DOC_TEXT;
    const TITLE: Title = Title {
        de: "Eigenwerbung vor der Wahl",
        en: "Self-promotion before an election",
    };

    fn compile(settings: &Settings, account: &Account) -> Result<Self, SettingError> {
        let achievements = word_list(settings.achievements.as_ref(), DEFAULT_ACHIEVEMENTS, None);
        Ok(NeutralitySelfPromotion {
            achievements: compile_lexicon(
                achievements.iter().map(|t| evaluative_term(t)),
                "achievements",
            )?,
            first_person: compile_lexicon(
                FIRST_PERSON.iter().map(|t| (*t, TermOptions::default())),
                "first-person",
            )?,
            holder: NameMatcher::new(account.holder.iter().cloned().collect(), "holder")?,
        })
    }
}

impl Rule for NeutralitySelfPromotion {
    fn check(&self, cx: &CheckContext<'_>, out: &mut Vec<Finding>) {
        if !applies(cx.account) {
            return;
        }
        let Some(window) = open_window(cx) else {
            return;
        };
        let view = cx.text;
        let segments = Segments::of(cx);
        let plain = |span: &Range<usize>| view.region_at(span.start) != Region::Quote;
        let mut selves: Vec<(usize, Range<usize>)> = Vec::new();
        let spans = self
            .first_person
            .find(view)
            .into_iter()
            .map(|m| m.span)
            .chain(self.holder.find(view).into_iter().map(|(_, span)| span));
        for span in spans.filter(|s| plain(s)) {
            if let Some(sentence) = segments.sentence_at(span.start) {
                selves.push((sentence, span));
            }
        }
        let mut flagged_sentences = Vec::new();
        for found in self.achievements.find(view) {
            if !plain(&found.span) {
                continue;
            }
            let Some(sentence) = segments.sentence_at(found.span.start) else {
                continue;
            };
            if flagged_sentences.contains(&sentence) {
                continue;
            }
            let Some((_, own)) = selves.iter().find(|(s, _)| *s == sentence) else {
                continue;
            };
            flagged_sentences.push(sentence);
            let claim = quoted(view, &found.span);
            let note = window_note(window).get(cx.lang).to_owned();
            out.push(
                Finding::new(
                    tr!(cx.lang,
                        de: "Eigenwerbung des Kontoinhabers mit `{claim}` vor der Wahl{note}",
                        en: "self-promotion of the account holder with `{claim}` before the election{note}"),
                    tr!(cx.lang,
                        de: "In der Vorwahlzeit sachlich über die Arbeit der Verwaltung berichten, nicht über persönliche Erfolge",
                        en: "in the pre-election period report the administration's work factually, not personal achievements"),
                )
                .at(found.span.start.min(own.start), found.span.end.max(own.end)),
            );
        }
    }
}
