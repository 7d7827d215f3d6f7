//! Deterministic adversarial drafts for the equivalence check of performance work: the
//! corpus sentences mixed with fragments every rule family reacts to, spelled the ways
//! matching must see through (`(at)`/`[punkt]`, `ſ`, Kelvin sign, fullwidth and
//! mathematical letters, zero-width and bidi marks, combining accents, CR LF, flags,
//! ZWJ sequences, unbalanced quotes). Used by `examples/reports.rs` and
//! `tests/report_digest.rs`: an optimisation must not change a single report byte.

// Included by an example and a test; each uses only part of it.
#![allow(dead_code)]

use freigabe::{Draft, Platform};

use crate::corpus::{self, Rng};

/// The seed of the adversarial drafts in the committed digest.
pub const SEED: u64 = 0xADE5_5A21_0000_2026;

const FRAGMENTS: &[&str] = &[
    // address: du/ihr/Sie forms, imperatives, sign-offs, quoted titles
    "Macht mit beim Stadtputz am Samstag!",
    "Schaut doch mal vorbei, wir freuen uns auf euch.",
    "Hast du schon deinen Antrag gestellt? Dann melde dich bei uns.",
    "Kommt alle zum Fest – ihr seid herzlich eingeladen!",
    "sie können sich ab Montag online anmelden.",
    "Sie sagte, ihr Hund sei entlaufen.",
    "Ihr Bürgermeister Michael Dreier",
    "Der Film „Sie küssten und sie schlugen ihn“ läuft im Kino.",
    "Besuch aus der Partnerstadt: Feier im Rathaus.",
    "DU bist gefragt! Mach mit!",
    "Wisst ihr schon, was am Samstag los ist?",
    "Bitte bringen Sie Ihren Ausweis mit; Ihnen wird geholfen.",
    "Meldet Euch bis Freitag, Eure Stadt.",
    "D\u{200B}u kannst d\u{0069}\u{0307}ch anmelden.",
    "Ｄｕ bist dran.",
    "𝐃𝐮 𝐛𝐢𝐬𝐭 𝐝𝐫𝐚𝐧 und 𝘄𝗶𝗿 𝗮𝘂𝗰𝗵.",
    "Sei dabei! Hol dir dein Ticket.",
    // neutrality: parties, candidates, vote calls, judgements
    "Wählen Sie am Sonntag die CDU!",
    "Die SPD-Fraktion hat wieder einmal blockiert.",
    "Geht wählen und stimmt für die Grünen.",
    "Unser hervorragender Bürgermeister Michael Dreier hat das großartig gemacht.",
    "Die unfähige Opposition im Rat verhindert alles.",
    "Die AfD, FDP und Die Linke stellen ihre Kandidaten vor.",
    "Am 13. September ist Kommunalwahl: Briefwahl bis Freitag beantragen.",
    "Wähl   die   B\u{00AD}ürgerliste!",
    // separation: private topics on official accounts and vice versa
    "Privat war ich heute mit meiner Familie beim Joggen.",
    "Als Parteivorsitzender lade ich zum Stammtisch ein.",
    "Offizielle Mitteilung der Stadtverwaltung Paderborn:",
    // readability and plain language
    "Unter Berücksichtigung der Inanspruchnahme der Verwaltungsleistungen erfolgt die Bearbeitung der Antragstellung durch die zuständige Dienststelle.",
    "Die Durchführung der Maßnahme zur Sicherstellung der Gewährleistung der Verkehrssicherheit erfolgt i.d.R. bzw. ggf. gem. § 45 StVO u.a. durch d. Ordnungsamt.",
    "Dies ist ein sehr langer Satz, der ohne Punkt immer weiter geht und dabei viele Nebensätze enthält, die sich gegenseitig verschachteln, weil die Verwaltung das so gewohnt ist und niemand es ändert und alle es hinnehmen und weiterschreiben",
    "z. B. Dr. Müller, Str. 5, Nr. 12, ca. 3 Std., u. a. m.",
    "Kurz. Knapp. Klar.",
    "Fragen? Antworten! Ende…",
    // privacy: phones, e-mails, IBANs, case references
    "Rückfragen bitte an Frau Müller unter 0176 12345678.",
    "Erreichbar unter +49 (0) 5251 123456 oder 05251 88-0.",
    "Schreiben Sie an max.mustermann(at)gmx[punkt]de oder info@paderborn.de.",
    "Mail: erika . musterfrau [at] web . de",
    "IBAN DE89 3704 0044 0532 0130 00, BIC COBADEFFXXX",
    "Aktenzeichen: 32-12/2026-Mü, Ihr Bescheid vom 04.05.2026.",
    "Az. 123/45; Kundennummer 0815 4711 12; Mahnung Nr. 99812.",
    "Ihre Kundennummer 0815 4711 12 finden Sie auf dem Schreiben.",
    // accessibility: caps, emoji runs, fake bold
    "ACHTUNG: STRASSENSPERRUNG AB MONTAG IN DER INNENSTADT!",
    "🎉🎉🎉🎉🎉🎉🎉🎉 Party 🥳🥳🥳🥳",
    "🇩🇪🇪🇺🇺🇦🏳️‍⚧️👩🏽‍💻👨‍👨‍👧‍👧🫶🏿 #️⃣ 🔟",
    // links, hashtags, mentions, imprint
    "Alle Infos: https://bit.ly/3xYz12 und tinyurl.com/abc",
    "http://paderborn.de/ohne-tls https://example.com/@user https://xn--brgerbro-n2a.de",
    "#paderbornliebtdich #Paderborn #PADERBORN #paderborn #Straßenfest #straßenfest",
    "@stadtpaderborn @user@mastodon.social @@doppelt @nur_@",
    "Impressum: https://www.paderborn.de/impressum",
    "https://www.paderborn.de/a?b=c&d=e#f).",
    "(siehe www.example.org/pfad_(klammer))",
    // odd text: spellings, marks, breaks
    "Straße STRASSE straſse Ⅻ ﬁnden Kelvin 5\u{212A}",
    "e\u{0301}te\u{0301} Cafe\u{0301} na\u{0308}chste Wo\u{0308}che",
    "\u{202E}gnuthca\u{202C} \u{200F}rtl\u{200E} \u{FEFF}bom \u{2060}wj",
    "„Offenes Zitat ohne Ende",
    "\"gerade\" ‚einfach‘ »Guillemets« «umgekehrt»",
    "Zeile eins\r\nZeile zwei\r\n\r\nAbsatz\n\n\nEnde",
    "\t  Leerzeichen   vorne und hinten  \t",
    "Tel.: 0800 1234567 – Fax: (05251) 88-1234 – SMS 0151/2345678",
    "ﾊﾟﾃﾞﾙﾎﾞﾙﾝ 中文 العربية עברית ไทย 한국어",
    "\u{FFFE}\u{FFFF}",
];

/// An endless, deterministic stream of adversarial drafts.
pub fn drafts(seed: u64, extra_fragments: &[String]) -> impl Iterator<Item = Draft> + '_ {
    let mut rng = Rng::new(seed);
    let mut sentences = corpus::drafts(seed ^ 0x5EED);
    (0u64..).map(move |index| {
        let mut text = String::new();
        for _ in 0..rng.range(1, 8) {
            if !text.is_empty() {
                text.push_str(rng.pick(&[" ", " ", "\n", "\r\n", "\n\n", "", "  "]));
            }
            match rng.below(10) {
                0..=4 => text.push_str(rng.pick(FRAGMENTS)),
                5 | 6 if !extra_fragments.is_empty() => {
                    text.push_str(&extra_fragments[rng.below(extra_fragments.len())]);
                }
                _ => {
                    let draft = sentences.next().unwrap_or_default();
                    let cut = rng.range(0, draft.text.chars().count().min(400));
                    text.extend(draft.text.chars().take(cut));
                }
            }
        }
        if rng.chance(10) {
            text = text.to_uppercase();
        }
        if rng.chance(5) {
            text = text.to_lowercase();
        }
        let mut draft = corpus::drafts(seed.wrapping_add(index))
            .next()
            .unwrap_or_default();
        draft.text = text;
        draft.id = Some(format!("adversarial-{index:06}"));
        if rng.chance(20) {
            draft.platforms = Some(corpus::PLATFORMS.to_vec());
        }
        if rng.chance(5) {
            draft.platforms = Some(vec![Platform::X, Platform::X, Platform::Mastodon]);
        }
        draft
    })
}
