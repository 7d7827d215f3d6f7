//! Deterministic corpus of German municipal posts, shared by the `engine` bench and the
//! `gen_corpus` example (which feeds the Python and browser benches). Same seed, same
//! drafts, byte for byte: the generator owns its PRNG and reads no global state.
//!
//! Posts are 50–2,200 characters, most of them short like real feeds, built from
//! sentences about city life with emoji (ZWJ sequences, flags, skin tones), URLs with and
//! without scheme, hashtags, local and remote mentions, umlauts and line breaks.

// Included by the bench and the example; each uses only part of it.
#![allow(dead_code)]

use freigabe::{Approval, Draft, HistoryEntry, Media, MediaKind, Platform};
use jiff::Timestamp;

/// The seed every published figure was measured with.
pub const SEED: u64 = 0x00F2_E1CA_BE20_2605;

/// SplitMix64: tiny, fast, and good enough to pick words; state lives in the value.
pub struct Rng(u64);

impl Rng {
    /// A generator starting from `seed`.
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (`n > 0`); the modulo bias is irrelevant for word picking.
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    /// Uniform in `lo..=hi`.
    pub fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }

    /// True with probability `percent`/100.
    pub fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    pub fn pick<'a, T: ?Sized>(&mut self, items: &[&'a T]) -> &'a T {
        items[self.below(items.len())]
    }
}

const SENTENCES: &[&str] = &[
    "Die Bürgersprechstunde mit Bürgermeister Michael Dreier findet am {tag} um {zeit} Uhr im Rathaus statt.",
    "Wegen einer Baustelle in der {strasse} kommt es ab {tag} zu Verkehrsbehinderungen.",
    "Bitte beachten Sie die Umleitung über die {strasse}.",
    "Libori ist das größte Volksfest der Stadt – neun Tage Kirmes, Pottmarkt und Kultur!",
    "Ihr Wahllokal finden Sie auf Ihrer Wahlbenachrichtigung; geöffnet ist von 8 bis 18 Uhr.",
    "Die Stadtbibliothek hat am {tag} verkürzte Öffnungszeiten.",
    "Heute haben wir gemeinsam mit den Stadtwerken die neue Ladesäule am {ort} eröffnet.",
    "Der Rat der Stadt tagt am {tag} um {zeit} Uhr; die Sitzung ist öffentlich.",
    "Herzlichen Glückwunsch an alle Absolventinnen und Absolventen der Volkshochschule!",
    "Das Bürgerbüro bleibt am Brückentag geschlossen, Termine können online gebucht werden.",
    "Die Feuerwehr übt am {tag} auf dem Gelände am {ort}, es kann laut werden.",
    "Wir suchen Verstärkung: Erzieherinnen und Erzieher (m/w/d) für unsere Kitas.",
    "Der Wochenmarkt am Dom zieht wegen Libori vorübergehend an den {ort} um.",
    "Straßensperrung: Die {strasse} ist zwischen Hausnummer 3 und 27 voll gesperrt.",
    "Vielen Dank an die über 400 Ehrenamtlichen, die beim Stadtputz mitgemacht haben.",
    "Haben Sie Fragen zur Grundsteuer? Die Hotline ist montags bis freitags erreichbar.",
    "Die Ergebnisse der Kommunalwahl werden ab 18 Uhr live im Rathaus präsentiert.",
    "Hitzewarnung: Trinken Sie ausreichend und achten Sie auf ältere Nachbarinnen und Nachbarn.",
    "Zum Tag der offenen Tür laden wir herzlich in die Kaiserpfalz ein.",
    "Müllabfuhr: Durch den Feiertag verschiebt sich die Leerung um einen Tag.",
    "Im Paderquellgebiet werden ab {tag} Bäume gepflanzt – für mehr Schatten im Sommer.",
    "Öffentliche Bekanntmachung: Der Bebauungsplan Nr. 312 liegt im Technischen Rathaus aus.",
    "Schön war's beim Neujahrsempfang – danke für die vielen Gespräche!",
    "Die Stadt Paderborn gratuliert dem SC Paderborn 07 zum Auswärtssieg.",
    "Ab sofort können Anträge für den Kita-Zuschuss digital gestellt werden.",
    "Über 2.300 Besucherinnen und Besucher kamen zum Stadtfest auf den {ort}.",
    "Der Bus 4 fährt wegen Bauarbeiten in der {strasse} eine Umleitung.",
    "Sprechzeiten des Standesamts: Mo–Fr 8:30–12:30 Uhr, Do zusätzlich 14–17 Uhr.",
    "Danke an alle Einsatzkräfte für die schnelle Hilfe nach dem Unwetter.",
    "Wer hat Lust, beim Repair-Café im Stadtteilzentrum mitzumachen?",
    "Unser Klimaschutzkonzept: Bis 2035 will die Stadt klimaneutral sein.",
    "Für Fragen zur Briefwahl erreichen Sie das Wahlamt unter 05251 88-0.",
];

const TAGE: &[&str] = &[
    "Montag",
    "Dienstag, 5. Mai",
    "Mittwoch",
    "Donnerstag, 23. Juli",
    "Freitag",
    "Samstag, 25. Juli",
    "1. Juni",
];
const ZEITEN: &[&str] = &["9", "10:30", "14", "16:15", "18", "19:30"];
const STRASSEN: &[&str] = &[
    "Westernstraße",
    "Detmolder Straße",
    "Neuhäuser Straße",
    "Bahnhofstraße",
    "Marienstraße",
    "Grüner Weg",
    "Driburger Straße",
];
const ORTE: &[&str] = &[
    "Marienplatz",
    "Rathausplatz",
    "Maspernplatz",
    "Schützenplatz",
    "Abdinghof",
    "Libori-Platz",
];

const EMOJI: &[&str] = &[
    "😀",
    "☀️",
    "🎡",
    "🚧",
    "🗳️",
    "📅",
    "👍🏽",
    "👋🏻",
    "❤️",
    "🎉",
    "🌳",
    "🚒",
    "🇩🇪",
    "🇪🇺",
    "🏳️‍🌈",
    "👨‍👩‍👧‍👦",
    "👩🏾‍🚒",
    "🧑‍🤝‍🧑",
    "🏴‍☠️",
    "❤️‍🔥",
    "1️⃣",
];

const URLS: &[&str] = &[
    "https://www.paderborn.de/buergersprechstunde",
    "https://www.paderborn.de/impressum",
    "https://www.paderborn.de/verkehr/baustellen?bezirk=mitte&woche=31#karte",
    "http://www.libori.de",
    "paderborn.de/libori",
    "www.paderborn.de/wahlen",
    "stadtbibliothek-paderborn.de/oeffnungszeiten",
    "https://t.co/AbCdEf1234",
    "https://social.paderborn.de/@stadt/112233445566",
    "https://www.wdr.de/nachrichten/westfalen-lippe/paderborn-libori-100.html",
    "https://bürgerbüro.paderborn.de/termin",
];

const HASHTAGS: &[&str] = &[
    "#Paderborn",
    "#Libori2026",
    "#Bürgersprechstunde",
    "#Straßensperrung",
    "#Kommunalwahl",
    "#OWL",
    "#Ehrenamt",
    "#Klimaschutz",
    "#Stadtverwaltung",
    "#Baustelle",
    "#Öffnungszeiten",
];

const MENTIONS: &[&str] = &[
    "@stadtpaderborn",
    "@polizei_nrw_pb",
    "@SCPaderborn07",
    "@stadt@social.paderborn.de",
    "@wdr@ard.social",
    "@kreis_paderborn",
];

const BREAKS: &[&str] = &["\n", "\n\n", "\n\n", "\r\n"];

/// Every platform, in the order of `Platform`.
pub const PLATFORMS: [Platform; 7] = [
    Platform::X,
    Platform::Mastodon,
    Platform::Bluesky,
    Platform::Threads,
    Platform::Instagram,
    Platform::Facebook,
    Platform::Linkedin,
];

/// Accounts of `policies/paderborn.toml` (the bench's inline policy defines the same).
pub const ACCOUNTS: &[&str] = &["buergermeister", "michael-dreier"];
const PEOPLE: &[&str] = &["m.dreier", "sta13", "k.schulz", "praktikant"];
const LABELS: &[&str] = &["pressemitteilung", "verkehr", "veranstaltung", "wahl"];

/// 2026-05-04T08:00:00Z; every date in the corpus is an offset from it.
pub const BASE_SECONDS: i64 = 1_777_881_600;

fn timestamp(offset_minutes: i64) -> Timestamp {
    Timestamp::from_second(BASE_SECONDS + offset_minutes * 60).unwrap_or(Timestamp::UNIX_EPOCH)
}

/// Target length in characters: mostly short posts, a tail of long Facebook-style texts.
fn target_chars(rng: &mut Rng) -> usize {
    match rng.below(10) {
        0..=5 => rng.range(50, 400),
        6..=8 => rng.range(400, 1_200),
        _ => rng.range(1_200, 2_200),
    }
}

/// Appends one sentence about city life, its slots (day, time, street, place) filled.
pub fn sentence(rng: &mut Rng, out: &mut String) {
    let template = rng.pick(SENTENCES);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let Some(close) = rest[open..].find('}') else {
            break;
        };
        let slot = &rest[open + 1..open + close];
        out.push_str(match slot {
            "tag" => rng.pick(TAGE),
            "zeit" => rng.pick(ZEITEN),
            "strasse" => rng.pick(STRASSEN),
            _ => rng.pick(ORTE),
        });
        rest = &rest[open + close + 1..];
    }
    out.push_str(rest);
}

/// One post text of 50–2,200 characters.
fn text(rng: &mut Rng) -> String {
    let target = target_chars(rng);
    text_of(rng, target)
}

/// One post text of exactly `target` characters (the generator cuts at the target).
fn text_of(rng: &mut Rng, target: usize) -> String {
    let mut out = String::with_capacity(target * 2);
    let mut chars = 0;
    while chars < target {
        let before = out.len();
        if !out.is_empty() {
            out.push_str(if rng.chance(20) {
                rng.pick(BREAKS)
            } else {
                " "
            });
        }
        match rng.below(100) {
            0..=59 => sentence(rng, &mut out),
            60..=71 => out.push_str(rng.pick(EMOJI)),
            72..=81 => {
                let label = if rng.chance(50) {
                    "Mehr Infos: "
                } else {
                    "👉 "
                };
                out.push_str(label);
                out.push_str(rng.pick(URLS));
            }
            82..=93 => out.push_str(rng.pick(HASHTAGS)),
            _ => out.push_str(rng.pick(MENTIONS)),
        }
        chars += out[before..].chars().count();
    }
    // Cut at the target; a cut inside a URL or an emoji sequence is realistic enough.
    if let Some((cut, _)) = out.char_indices().nth(target) {
        out.truncate(cut);
    }
    out
}

/// The reference time of the benches: [`BASE_SECONDS`].
pub fn now() -> Timestamp {
    timestamp(0)
}

/// Two posts a week per account over the last four weeks, for the cadence rules.
pub fn history() -> Vec<HistoryEntry> {
    history_of(16)
}

/// `count` entries in the rhythm of [`history`] (the first 16 are its entries), reaching
/// back as far as the count needs: a long history with the same weeks near the drafts.
pub fn history_of(count: usize) -> Vec<HistoryEntry> {
    drafts(SEED ^ 1)
        .take(count)
        .enumerate()
        .map(|(i, d)| HistoryEntry {
            account: ACCOUNTS[i % ACCOUNTS.len()].to_owned(),
            platforms: d.platforms.unwrap_or_default(),
            published_at: timestamp(-60 * 84 * (i as i64 / 2 + 1)),
            text: Some(d.text),
            post_id: None,
        })
        .collect()
}

/// An endless, deterministic stream of drafts for `seed`.
pub fn drafts(seed: u64) -> impl Iterator<Item = Draft> {
    let mut rng = Rng::new(seed);
    (0u64..).map(move |index| draft(&mut rng, index))
}

/// The browser case of issue 6: one realistic draft of exactly `chars` characters for
/// the official account, going to every platform (the most counting a check can do).
pub fn long_draft(seed: u64, chars: usize) -> Draft {
    let mut rng = Rng::new(seed);
    let mut draft = Draft::new(text_of(&mut rng, chars));
    draft.id = Some("long-draft".to_owned());
    draft.account = Some(ACCOUNTS[0].to_owned());
    draft.platforms = Some(PLATFORMS.to_vec());
    draft.author = Some(PEOPLE[1].to_owned());
    draft.scheduled_at = Some(timestamp(26 * 60));
    draft
}

fn draft(rng: &mut Rng, index: u64) -> Draft {
    let mut draft = Draft::new(text(rng));
    draft.id = Some(format!("post-{index:06}"));
    draft.account = Some(rng.pick(ACCOUNTS).to_owned());
    // A third of drafts use the account's platforms, the rest name one to four.
    if rng.chance(67) {
        let mut platforms = Vec::new();
        for _ in 0..rng.range(1, 4) {
            let platform = PLATFORMS[rng.below(PLATFORMS.len())];
            if !platforms.contains(&platform) {
                platforms.push(platform);
            }
        }
        draft.platforms = Some(platforms);
    }
    if rng.chance(80) {
        draft.author = Some(rng.pick(PEOPLE).to_owned());
    }
    if rng.chance(50) {
        draft.scheduled_at = Some(timestamp(rng.range(0, 14 * 24 * 60) as i64));
    }
    for _ in 0..rng.range(0, 2) {
        draft.media.push(Media {
            kind: if rng.chance(80) {
                MediaKind::Image
            } else {
                MediaKind::Video
            },
            alt_text: rng
                .chance(70)
                .then(|| "Blick auf das Paderborner Rathaus bei Sonnenschein".to_owned()),
            alt_text_unknown: false,
            credit: rng.chance(60).then(|| "Foto: Stadt Paderborn".to_owned()),
            subtitles: None,
            file: None,
        });
    }
    if rng.chance(40) {
        draft.approvals.push(Approval {
            by: rng.pick(PEOPLE).to_owned(),
            at: timestamp(-(rng.range(10, 3 * 24 * 60) as i64)),
        });
    }
    if rng.chance(30) {
        draft.labels.push(rng.pick(LABELS).to_owned());
    }
    draft
}
