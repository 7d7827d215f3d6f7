use crate::lang::tr;
use crate::report::Severity;
use crate::rules::neutrality::{
    PartyMatcher, Segments, applies, open_window, quoted, window_suffix,
};
use crate::rules::{
    Account, CheckContext, Finding, Rule, RuleDef, SettingError, Title, documented_rule,
    rule_settings,
};
use crate::text::lexicon::Lexicon;

rule_settings! {
    /// Settings of `neutrality.party`.
    #[schemars(rename = "NeutralityPartySettings")]
    pub struct Settings {
        /// Severity inside a pre-election window (`[[elections]]`); default `error`.
        pub window_severity: Option<Severity>,
    }
}

documented_rule! {
    /// ## What it checks
    /// A party, party youth organisation or local voter list named in a post of an official
    /// account: `CDU-Fraktion`, `Grünen-Politikerin`, `#SPDPaderborn`, `Die Linke`,
    /// `Freie Wähler`, also when disguised (`C D U`, `S.P.D.`, `$PD`, `Grün€n`, Cyrillic,
    /// Greek, small-capital or fullwidth letters, zero-width characters). Other names of a
    /// listed party count as the party: `Union` (only with political context),
    /// `Unionsfraktion`, `Sozialdemokratin`, `Sozis`, `Bündnisgrüne`, `Linkspartei`, an
    /// acronym with `-ler` (`SPDler`), and the handles of federal party accounts that do
    /// not set the acronym apart (`@spdde`, `@spdbt`, `@cducsubt`, `@fdpbt`). Inside a
    /// pre-election window (`[[elections]]`) the finding is raised to `window-severity`.
    /// Private accounts are not checked.
    ///
    /// Names that are also ordinary words are only the party when written as the name:
    /// `die linke Spur`, `freie Wähler`, `die Partei` are not parties; `im Grünen`,
    /// `ins Grüne`, `Grüne Woche`, `Grünes Licht` (`[politics] not-parties`) and `230 Volt`
    /// are not either, nor a capitalised adjective opening a sentence before its noun
    /// (`Linke Spur gesperrt`), the name's own form as an adjective in a name (`die Grüne
    /// Hausnummer`), a `Linke` beside the spectrum (`der Mitte, Linken, Rechten`), and the
    /// `Europäische Union`. `Piraten` and `Die Heimat` count only in a sentence with a
    /// political word (`[politics] ambiguous-parties`, `context`): the `Piratenspielplatz`
    /// stays a playground.
    ///
    /// ## Why
    /// Official channels must not take sides: "Öffentlichkeitsarbeit endet, wo Wahlwerbung
    /// beginnt" (BVerfGE 44,125), also outside election periods (2 BvE 1/16); a mayor
    /// speaks on local matters, factually (BVerwG 10 C 6.16). Paderborn's strategy (Stadt
    /// Paderborn, Social-Media-Strategie 2021) says "Neutralitätsgebot, keine
    /// parteipolitischen Themen". Reporting a council decision that names the applying
    /// group can be factual and fine, which is why a mention is a `warning` for the press
    /// office to check, not an error; in the "heiße Wahlkampfphase" official coverage
    /// weighs heavier (VG Göttingen 1 A 258/21), so the window raises it.
    ///
    /// ## Example
    /// `Die Grünen-Fraktion lädt zum Bürgerdialog ein.` → leave party events to the party's
    /// own channels; report council decisions as decisions of the council.
    ///
    /// ## Configuration
    /// ```toml
    /// [politics]
    /// local-lists = ["Für Musterstadt"]     # added to the built-in or configured parties
    ///
    /// [rules."neutrality.party"]
    /// severity = "warning"
    /// window-severity = "error"
    /// ```
    /// `[politics] parties` replaces the built-in list of parties (CDU, CSU, SPD,
    /// Bündnis 90/Die Grünen, FDP, AfD, Die Linke, BSW, Freie Wähler, Volt, Die PARTEI,
    /// ÖDP, Tierschutzpartei, Piratenpartei, NPD and youth organisations).
    ///
    /// # Deutsch
    ///
    /// ## Was geprüft wird
    /// Eine Partei, eine Parteijugend oder eine örtliche Wählergruppe, genannt in einem Beitrag
    /// eines amtlichen Kontos: `CDU-Fraktion`, `Grünen-Politikerin`, `#SPDPaderborn`, `Die
    /// Linke`, `Freie Wähler`, auch verschleiert (`C D U`, `S.P.D.`, `$PD`, `Grün€n`,
    /// kyrillische, griechische, Kapitälchen- oder Vollbreiten-Buchstaben, unsichtbare Zeichen
    /// ohne Breite). Andere Namen einer aufgeführten Partei zählen als die Partei: `Union` (nur
    /// in politischem Zusammenhang), `Unionsfraktion`, `Sozialdemokratin`, `Sozis`,
    /// `Bündnisgrüne`, `Linkspartei`, ein Kürzel mit `-ler` (`SPDler`) und die Handles von Konten
    /// der Bundesparteien, die das Kürzel nicht abtrennen (`@spdde`, `@spdbt`, `@cducsubt`,
    /// `@fdpbt`). Im Zeitraum vor einer Wahl (`[[elections]]`) wird der Befund auf
    /// `window-severity` angehoben. Private Konten werden nicht geprüft.
    ///
    /// Namen, die auch gewöhnliche Wörter sind, gelten nur als Partei, wenn sie als Name
    /// geschrieben sind: `die linke Spur`, `freie Wähler`, `die Partei` sind keine Parteien; `im
    /// Grünen`, `ins Grüne`, `Grüne Woche`, `Grünes Licht` (`[politics] not-parties`) und `230
    /// Volt` ebenfalls nicht, ebenso wenig ein großgeschriebenes Adjektiv am Satzanfang vor
    /// seinem Substantiv (`Linke Spur gesperrt`), die Form des Namens als Adjektiv in einem Namen
    /// (`die Grüne Hausnummer`), ein `Linke` neben dem politischen Spektrum (`der Mitte, Linken,
    /// Rechten`) und die `Europäische Union`. `Piraten` und `Die Heimat` zählen nur in einem Satz
    /// mit einem politischen Wort (`[politics] ambiguous-parties`, `context`): Der
    /// `Piratenspielplatz` bleibt ein Spielplatz.
    ///
    /// ## Warum
    /// Amtliche Kanäle dürfen nicht Partei ergreifen: „Öffentlichkeitsarbeit endet, wo
    /// Wahlwerbung beginnt“ (BVerfGE 44,125), auch außerhalb von Wahlkampfzeiten (2 BvE 1/16);
    /// ein Bürgermeister äußert sich zu örtlichen Angelegenheiten, und zwar sachlich (BVerwG 10 C
    /// 6.16). Paderborns Strategie (Stadt Paderborn, Social-Media-Strategie 2021) sagt
    /// „Neutralitätsgebot, keine parteipolitischen Themen“. Über einen Ratsbeschluss zu
    /// berichten, der die antragstellende Fraktion nennt, kann sachlich und in Ordnung sein;
    /// deshalb ist eine Nennung eine `warning`, die die Pressestelle prüft, und kein Fehler. In
    /// der „heißen Wahlkampfphase“ wiegt amtliche Berichterstattung schwerer (VG Göttingen 1 A
    /// 258/21), deshalb hebt der Zeitraum vor der Wahl den Befund an.
    ///
    /// ## Beispiel
    /// `Die Grünen-Fraktion lädt zum Bürgerdialog ein.` → Veranstaltungen einer Partei deren
    /// eigenen Kanälen überlassen; Ratsbeschlüsse als Beschlüsse des Rates melden.
    ///
    /// ## Einstellungen
    /// ```toml
    /// [politics]
    /// local-lists = ["Für Musterstadt"]     # ergänzt die eingebauten oder eingestellten Parteien
    ///
    /// [rules."neutrality.party"]
    /// severity = "warning"
    /// window-severity = "error"
    /// ```
    /// `[politics] parties` ersetzt die eingebaute Liste der Parteien (CDU, CSU, SPD, Bündnis
    /// 90/Die Grünen, FDP, AfD, Die Linke, BSW, Freie Wähler, Volt, Die PARTEI, ÖDP,
    /// Tierschutzpartei, Piratenpartei, NPD und Jugendorganisationen).
    pub(crate) struct NeutralityParty {
        matcher: PartyMatcher,
        window_severity: Severity,
    }
}

impl RuleDef for NeutralityParty {
    type Settings = Settings;
    const DEFAULT_SEVERITY: Severity = Severity::Warning;
    const DOCS: &'static str = Self::DOC_TEXT;
    const TITLE: Title = Title {
        de: "Nennung einer Partei",
        en: "Party named",
    };

    fn compile(settings: &Settings, account: &Account) -> Result<Self, SettingError> {
        Ok(NeutralityParty {
            matcher: PartyMatcher::compile(account)?,
            window_severity: settings.window_severity.unwrap_or(Severity::Error),
        })
    }
}

impl Rule for NeutralityParty {
    fn lexicons(&self, account: &Account) -> Vec<&Lexicon> {
        if applies(account) {
            vec![&self.matcher.lexicon]
        } else {
            Vec::new()
        }
    }

    fn check(&self, cx: &CheckContext<'_>, out: &mut Vec<Finding>) {
        if !applies(cx.account) {
            return;
        }
        let segments = Segments::of(cx);
        let window = open_window(cx);
        let note = window_suffix(window, cx.lang);
        for mention in self.matcher.find(cx, segments) {
            let party = quoted(cx.text, &mention.span);
            let mut finding = Finding::new(
                tr!(cx.lang,
                    de: "Offizieller Beitrag nennt die Partei `{party}`{note}",
                    en: "official post names the party `{party}`{note}"),
                tr!(cx.lang,
                    de: "Neutralitätsgebot: keine parteipolitischen Themen; über Ratsbeschlüsse als Beschlüsse des Rates berichten",
                    en: "duty of neutrality: no party politics; report council decisions as decisions of the council"),
            )
            .at(mention.span.start, mention.span.end);
            if window.is_some() {
                finding = finding.with_severity(self.window_severity);
            }
            out.push(finding);
        }
    }
}
