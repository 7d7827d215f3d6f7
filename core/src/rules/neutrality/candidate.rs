use crate::lang::tr;
use crate::report::Severity;
use crate::rules::neutrality::{
    NameMatcher, all_candidates, applies, open_window, quoted, reference_day, window_suffix,
};
use crate::rules::{
    Account, CheckContext, Finding, Rule, RuleDef, SettingError, Title, documented_rule,
    rule_settings,
};
use crate::text::lexicon::Lexicon;

rule_settings! {
    /// Settings of `neutrality.candidate`.
    #[schemars(rename = "NeutralityCandidateSettings")]
    pub struct Settings {
        /// Severity inside a pre-election window; default `error`.
        pub window_severity: Option<Severity>,
    }
}

documented_rule! {
    /// ## What it checks
    /// A candidate of an election in `[[elections]]` named in a post of an official
    /// account: the full name as written in `candidates`, or the surname after a title
    /// (`Frau Beispiel`, `Kandidatin Beispiel`, `Bürgermeister Beispiel`). Inside the
    /// election's window (`window-weeks` before election day, default 6) the finding is
    /// raised to `window-severity`. Names are not flagged after the election day. The
    /// account's own holder (`holder`, else `display-name`) is flagged only inside the
    /// window: outside it, the mayor's account naming the mayor is the account's purpose.
    /// Private accounts are not checked.
    ///
    /// ## Why
    /// Official channels must not give one candidate a stage the others lack (BVerfGE
    /// 44,125: more PR output as the election approaches is a warning sign); a mayoral
    /// election was invalidated partly because of official social-media coverage in the
    /// "heiße Wahlkampfphase" (VG Göttingen 1 A 258/21, OVG Nds. 10 LA 84/24). Paderborn
    /// (Stadt Paderborn, Social-Media-Strategie 2021): "Neutralitätsgebot".
    ///
    /// ## Example
    /// Six weeks before the mayoral election: `Kandidatin Anna Beispiel besucht die Kita
    /// Sonnenschein.` → report the visit without the candidate, or after the election.
    ///
    /// ## Configuration
    /// ```toml
    /// [[elections]]
    /// name = "Bürgermeisterwahl 2025"
    /// date = "2025-09-14"
    /// window-weeks = 6
    /// candidates = ["Anna Beispiel", "Bernd Muster"]
    ///
    /// [rules."neutrality.candidate"]
    /// window-severity = "error"
    /// ```
    ///
    /// # Deutsch
    ///
    /// ## Was geprüft wird
    /// Eine Kandidatin oder ein Kandidat einer Wahl aus `[[elections]]`, genannt in einem Beitrag
    /// eines amtlichen Kontos: der volle Name, wie er in `candidates` steht, oder der Nachname
    /// nach einer Anrede oder einem Titel (`Frau Beispiel`, `Kandidatin Beispiel`, `Bürgermeister
    /// Beispiel`). Im Zeitraum vor der Wahl (`window-weeks` Wochen vor dem Wahltag,
    /// voreingestellt 6) wird der Befund auf `window-severity` angehoben. Nach dem Wahltag werden
    /// Namen nicht mehr gemeldet. Die Kontoinhaberin oder der Kontoinhaber selbst (`holder`,
    /// sonst `display-name`) wird nur innerhalb des Zeitraums gemeldet: Außerhalb davon ist es
    /// gerade der Zweck des Bürgermeisterkontos, den Bürgermeister zu nennen. Private Konten
    /// werden nicht geprüft.
    ///
    /// ## Warum
    /// Amtliche Kanäle dürfen einer Kandidatin oder einem Kandidaten keine Bühne geben, die den
    /// anderen fehlt (BVerfGE 44,125: mehr Öffentlichkeitsarbeit, je näher die Wahl rückt, ist
    /// ein Warnzeichen); eine Bürgermeisterwahl wurde unter anderem wegen amtlicher
    /// Berichterstattung in sozialen Medien in der „heißen Wahlkampfphase“ für ungültig erklärt
    /// (VG Göttingen 1 A 258/21, OVG Nds. 10 LA 84/24). Paderborn (Stadt Paderborn,
    /// Social-Media-Strategie 2021): „Neutralitätsgebot“.
    ///
    /// ## Beispiel
    /// Sechs Wochen vor der Bürgermeisterwahl: `Kandidatin Anna Beispiel besucht die Kita
    /// Sonnenschein.` → Über den Besuch ohne die Kandidatin berichten oder erst nach der Wahl.
    ///
    /// ## Einstellungen
    /// ```toml
    /// [[elections]]
    /// name = "Bürgermeisterwahl 2025"
    /// date = "2025-09-14"
    /// window-weeks = 6
    /// candidates = ["Anna Beispiel", "Bernd Muster"]
    ///
    /// [rules."neutrality.candidate"]
    /// window-severity = "error"
    /// ```
    pub(crate) struct NeutralityCandidate {
        names: NameMatcher,
        /// Index into the names of the account's holder, if the holder is a candidate.
        holder: Option<usize>,
        window_severity: Severity,
    }
}

impl RuleDef for NeutralityCandidate {
    type Settings = Settings;
    const DEFAULT_SEVERITY: Severity = Severity::Warning;
    const DOCS: &'static str = Self::DOC_TEXT;
    const TITLE: Title = Title {
        de: "Nennung einer Kandidatur",
        en: "Candidate named",
    };

    fn compile(settings: &Settings, account: &Account) -> Result<Self, SettingError> {
        let names = all_candidates(account);
        // `Bürgermeister Michael Dreier` holds `Michael Dreier`.
        let holder = account.holder.as_deref().and_then(|holder| {
            names
                .iter()
                .position(|name| holder.trim().ends_with(name.trim()))
        });
        Ok(NeutralityCandidate {
            names: NameMatcher::new(names, "elections")?,
            holder,
            window_severity: settings.window_severity.unwrap_or(Severity::Error),
        })
    }
}

impl Rule for NeutralityCandidate {
    fn lexicons(&self, account: &Account) -> Vec<&Lexicon> {
        if applies(account) {
            vec![&self.names.lexicon]
        } else {
            Vec::new()
        }
    }

    fn check(&self, cx: &CheckContext<'_>, out: &mut Vec<Finding>) {
        if !applies(cx.account) {
            return;
        }
        let day = reference_day(cx);
        let window = open_window(cx);
        for (candidate, span) in self.names.find(cx.text) {
            let Some(name) = self.names.names.get(candidate) else {
                continue;
            };
            if window.is_none() && self.holder == Some(candidate) {
                continue;
            }
            // After election day the person is an office holder or a council member.
            let still_standing = cx
                .account
                .elections
                .iter()
                .filter(|e| e.candidates.contains(name))
                .any(|e| day.is_none_or(|d| d <= e.date));
            if !still_standing {
                continue;
            }
            let written = quoted(cx.text, &span);
            let note = window_suffix(window, cx.lang);
            let mut finding = Finding::new(
                tr!(cx.lang,
                    de: "Offizieller Beitrag nennt `{written}`, eine Kandidatur bei einer Wahl{note}",
                    en: "official post names `{written}`, a candidate in an election{note}"),
                tr!(cx.lang,
                    de: "Amtliche Kanäle geben keiner Kandidatur eine Bühne; vor der Wahl über Kandidierende nur neutral und über alle gleich informieren",
                    en: "official channels give no candidate a stage; before the election inform about candidates only neutrally and all alike"),
            )
            .at(span.start, span.end);
            if window.is_some() {
                finding = finding.with_severity(self.window_severity);
            }
            out.push(finding);
        }
    }
}
