//! Deterministic archive of two and a half years of published posts of the Paderborn mayor's
//! accounts, with the comments and replies under them: the input of the quarterly report
//! example (`examples/archive/`), written by `cargo run -p freigabe --example
//! generate_archive -- examples/archive` and checked fresh by `core/tests/example_archive.rs`.
//!
//! The rhythm imitates a municipal press office: mostly weekdays at office times, sometimes
//! an evening or a weekend; a summer-holiday dip, a peak during Libori (late July), Advent
//! and Christmas posts, and a visible rise in the six weeks before the local elections of
//! 14 September 2025. The official account `buergermeister` plans 2–3 posts a week (Stadt
//! Paderborn, Social-Media-Strategie 2021) and mostly keeps to it; some weeks are above or
//! below. Each official post goes out on Facebook and Instagram as two records (as platform
//! exports list them) a few minutes apart. The mayor's private Instagram account
//! `michael-dreier` posts about private life. Texts reuse the sentence generator of the
//! bench corpus; a few posts carry the mistakes the rules exist for (an informal "Macht
//! mit!", an `http://` link, a missing alt text, a city hashtag on the private profile).
//!
//! Citizens comment; a third of comments ask something. The press office answers most
//! questions within office hours, some late, some never; questions at night or at the
//! weekend get an automatic notice first.

// Included by the example and the freshness test; each uses all of it, the bench none.
#![allow(dead_code)]

use freigabe::analytics::responses::Interaction;
use freigabe::{Draft, Media, MediaKind, Platform};
use jiff::civil::{Date, DateTime, Weekday};
use jiff::tz::TimeZone;
use jiff::{Timestamp, ToSpan};

use crate::corpus::{Rng, sentence};

/// The seed of the committed example archive.
pub const ARCHIVE_SEED: u64 = 0x5041_4445_5242_4f52;

/// First local day of the archive (a Monday).
pub const FIRST_DAY: (i16, i8, i8) = (2024, 4, 1);
/// Weeks in the archive: 1 April 2024 to 27 September 2026.
pub const WEEKS: i64 = 130;

/// The archive as JSON Lines: posts (one record per platform publication, in time order)
/// and comments with replies (in time order).
pub struct Archive {
    /// Drafts with `published_at`, one JSON object per line.
    pub posts: String,
    /// Comment and reply records, one JSON object per line.
    pub comments: String,
}

const OFFICIAL: &str = "buergermeister";
const PRIVATE: &str = "michael-dreier";

const LIBORI: &[&str] = &[
    "Libori ist eröffnet! Neun Tage Kirmes, Pottmarkt und Kultur in der Innenstadt.",
    "Beim Libori-Festgottesdienst im Hohen Dom war es heute wieder bewegend.",
    "Der Libori-Tusch auf dem Rathausplatz – Paderborn feiert sein Fest.",
    "Die Sonderbusse zu Libori fahren bis 2 Uhr nachts; Parken Sie bitte am Maspernplatz.",
    "Danke an alle Helferinnen und Helfer, die Libori möglich machen!",
];
const ADVENT: &[&str] = &[
    "Der Weihnachtsmarkt am Rathausplatz ist eröffnet – bis zum 23. Dezember täglich ab 11 Uhr.",
    "Heute haben wir den Weihnachtsbaum vor dem Rathaus geschmückt.",
    "Im Advent sammelt die Stadt wieder Wunschzettel für Kinder aus Paderborner Familien.",
    "Frohe Weihnachten und erholsame Feiertage wünscht Ihnen Ihr Bürgermeister Michael Dreier.",
    "Zwischen den Jahren sind das Bürgerbüro und das Standesamt nur eingeschränkt geöffnet.",
];
const ELECTION: &[&str] = &[
    "Am 14. September ist Kommunalwahl: Ihre Wahlbenachrichtigung kommt in den nächsten Tagen.",
    "Briefwahl ist ab sofort im Wahlamt im Rathaus möglich, montags bis freitags von 8 bis 16 Uhr.",
    "Wir suchen noch Wahlhelferinnen und Wahlhelfer für den 14. September.",
    "Alle Wahllokale sind am Sonntag von 8 bis 18 Uhr geöffnet.",
    "Heute habe ich die neue Kita am Schützenplatz eröffnet – ein wichtiger Schritt für unsere Familien.",
    "Unsere Bilanz: 1.200 neue Kitaplätze in fünf Jahren.",
];
const PRIVATE_TEXTS: &[&str] = &[
    "Schöner Abend mit der Familie am Padersee 🌅",
    "Sonntagslauf an der Pader – 10 Kilometer geschafft!",
    "Heute im Stadion: Daumen drücken für den SCP! ⚽",
    "Endlich Urlaub. Bis bald!",
    "Frisch gebackenes Brot am Samstagmorgen 🍞",
    "Mit dem Rad zum Lippesee – was für ein Tag.",
    "Familienfeier bei meiner Mutter, danke für den schönen Tag.",
    "Gartenarbeit statt Aktenstudium 🌻",
    "Konzert im Paderhalle-Garten mit Freunden 🎶",
    "Der Hund hat heute mehr Kilometer gemacht als ich.",
];
const HASHTAGS: &[&str] = &[
    "#Paderborn",
    "#Bürgermeister",
    "#Ehrenamt",
    "#Innenstadt",
    "#Klimaschutz",
];
const PRIVATE_HASHTAGS: &[&str] = &["#Familie", "#Sonntag", "#Padersee", "#SCP07", "#Laufen"];
const LINKS: &[&str] = &[
    "https://www.paderborn.de/buergersprechstunde",
    "https://www.paderborn.de/verkehr",
    "https://www.libori.de",
    "https://www.paderborn.de/wahlen",
];
const AUTHORS: &[&str] = &["sta13.presse", "sta13.presse", "sta13.online", "m.dreier"];
const ALT_TEXTS: &[&str] = &[
    "Bürgermeister Michael Dreier vor dem Paderborner Rathaus",
    "Blick über den Rathausplatz mit Marktständen",
    "Menschen beim Stadtfest auf dem Marienplatz",
];

const QUESTIONS: &[&str] = &[
    "Wann öffnet das Bürgerbüro am Samstag?",
    "Gibt es für die Sperrung eine Umleitung für Radfahrer?",
    "Wo kann ich die Briefwahl beantragen?",
    "Wie lange dauert die Baustelle noch?",
    "Können Sie sagen, ob der Bus 4 wieder normal fährt?",
    "Warum wurde die Bank am Padersee entfernt?",
    "Ist das Standesamt zwischen den Jahren geöffnet?",
    "Welche Parkplätze sind zu Libori frei?",
];
const REMARKS: &[&str] = &[
    "Tolles Foto! 👍",
    "Danke für die Info.",
    "Schön, dass sich etwas tut.",
    "Endlich!",
    "Super Aktion, weiter so.",
    "Das ist doch schon seit Wochen so 🙄",
];
const ANSWERS: &[&str] = &[
    "Guten Tag! Die Antwort finden Sie unter paderborn.de – bei Fragen hilft das Bürgerbüro unter 05251 88-0. Ihr Team StA 13",
    "Vielen Dank für Ihre Frage! Wir haben beim Fachamt nachgefragt: Die Arbeiten dauern bis Ende des Monats. Ihr Team StA 13",
    "Hallo! Die Umleitung ist ausgeschildert; Details stehen auf paderborn.de/verkehr. Ihr Team StA 13",
];
const AUTO_REPLY: &str = "Automatische Antwort: Vielen Dank für Ihre Nachricht! Sie erreicht uns außerhalb unserer Dienstzeiten (Mo–Fr 9–17 Uhr); wir melden uns am nächsten Arbeitstag.";

/// Generates the archive for `seed`; same seed, same bytes.
pub fn generate(seed: u64) -> Archive {
    let mut generator = Generator {
        rng: Rng::new(seed),
        tz: TimeZone::get("Europe/Berlin").unwrap_or(TimeZone::UTC),
        posts: Vec::new(),
        comments: Vec::new(),
        serial: 0,
    };
    let (year, month, day) = FIRST_DAY;
    let first = Date::new(year, month, day).unwrap_or(Date::MIN);
    for week in 0..WEEKS {
        let monday = first.checked_add((week * 7).days()).unwrap_or(first);
        generator.official_week(monday);
        generator.private_week(monday);
    }
    generator
        .posts
        .sort_by(|a, b| (a.0, &a.1).cmp(&(b.0, &b.1)));
    generator
        .comments
        .sort_by(|a, b| (a.at, &a.id).cmp(&(b.at, &b.id)));
    let posts = generator
        .posts
        .iter()
        .map(|(_, _, draft)| json_line(draft))
        .collect();
    let comments = generator.comments.iter().map(json_line).collect();
    Archive { posts, comments }
}

fn json_line<T: serde::Serialize>(value: &T) -> String {
    let mut line = serde_json::to_string(value).unwrap_or_default();
    line.push('\n');
    line
}

struct Generator {
    rng: Rng,
    tz: TimeZone,
    /// (published_at, id, record)
    posts: Vec<(Timestamp, String, Draft)>,
    comments: Vec<Interaction>,
    serial: u32,
}

/// What kind of week a week is for the press office.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Season {
    Normal,
    SummerHolidays,
    Libori,
    Advent,
    Christmas,
    Election,
}

impl Generator {
    fn season(monday: Date) -> Season {
        let sunday = monday.checked_add(6.days()).unwrap_or(monday);
        let (month, day) = (monday.month(), monday.day());
        // Libori starts on the Saturday after 22 July and lasts nine days.
        let libori_start = (22..=28)
            .filter_map(|d| Date::new(monday.year(), 7, d).ok())
            .find(|d| d.weekday() == Weekday::Saturday && d.day() > 22);
        if let Some(start) = libori_start {
            let end = start.checked_add(8.days()).unwrap_or(start);
            if monday <= end && start <= sunday {
                return Season::Libori;
            }
        }
        let election = Date::new(2025, 9, 14).unwrap_or(Date::MIN);
        let opens = election.checked_sub(6.weeks()).unwrap_or(election);
        if monday <= election && opens <= sunday {
            return Season::Election;
        }
        match (month, day) {
            (12, 22..) | (1, ..=4) => Season::Christmas,
            (11, 27..) | (12, _) => Season::Advent,
            (7, 7..) | (8, ..=20) => Season::SummerHolidays,
            _ => Season::Normal,
        }
    }

    /// Posts planned for a week of the official account.
    fn official_count(&mut self, season: Season) -> usize {
        let roll = self.rng.below(100);
        match season {
            Season::Normal => match roll {
                0..=7 => 1,
                8..=42 => 2,
                43..=88 => 3,
                89..=96 => 4,
                _ => 5,
            },
            Season::SummerHolidays => match roll {
                0..=19 => 0,
                20..=59 => 1,
                60..=89 => 2,
                _ => 3,
            },
            Season::Libori => self.rng.range(5, 7),
            Season::Advent => self.rng.range(3, 4),
            Season::Christmas => self.rng.range(1, 2),
            Season::Election => self.rng.range(4, 6),
        }
    }

    fn official_week(&mut self, monday: Date) {
        let season = Self::season(monday);
        let count = self.official_count(season);
        let mut days = self.days(monday, count, 8);
        days.sort();
        for day in days {
            let at = self.local_time(day, true);
            let text = self.official_text(season);
            self.official_post(at, text, season);
        }
    }

    fn private_week(&mut self, monday: Date) {
        let season = Self::season(monday);
        let count = match season {
            Season::SummerHolidays | Season::Christmas => self.rng.range(6, 10),
            Season::Election => self.rng.range(2, 5),
            _ => self.rng.range(8, 15),
        };
        // Private life happens evenings and at weekends.
        let days = self.days(monday, count, 40);
        for day in days {
            let at = self.local_time(day, false);
            let mut text = self.rng.pick(PRIVATE_TEXTS).to_owned();
            if self.rng.chance(40) {
                text.push(' ');
                text.push_str(self.rng.pick(PRIVATE_HASHTAGS));
            }
            // Now and then the city's hashtag slips onto the private profile.
            if self.rng.chance(3) {
                text.push_str(" #StadtPaderborn");
            }
            self.serial += 1;
            let id = format!("ig-p{:05}", self.serial);
            let mut draft = Draft::new(text);
            draft.id = Some(id.clone());
            draft.account = Some(PRIVATE.to_owned());
            draft.platforms = Some(vec![Platform::Instagram]);
            draft.author = Some("m.dreier".to_owned());
            draft.published_at = Some(at);
            draft.media.push(self.image(85));
            if self.rng.chance(20) {
                self.comment_thread(PRIVATE, Platform::Instagram, &id, at, 2);
            }
            self.posts.push((at, id, draft));
        }
    }

    /// `count` days of the week (0 = Monday), weekend days with `weekend_percent` weight.
    fn days(&mut self, monday: Date, count: usize, weekend_percent: usize) -> Vec<Date> {
        (0..count)
            .map(|_| {
                let offset = if self.rng.chance(weekend_percent) {
                    self.rng.range(5, 6)
                } else {
                    self.rng.range(0, 4)
                };
                monday.checked_add((offset as i64).days()).unwrap_or(monday)
            })
            .collect()
    }

    /// A local time on `day`: office hours mostly for the office, evenings for private life.
    fn local_time(&mut self, day: Date, office: bool) -> Timestamp {
        let weekend = matches!(day.weekday(), Weekday::Saturday | Weekday::Sunday);
        let (hour, minute) = if office && !weekend && !self.rng.chance(12) {
            (self.rng.range(8, 16), self.rng.range(0, 59))
        } else if office {
            (self.rng.range(17, 21), self.rng.range(0, 59))
        } else {
            (self.rng.range(7, 22), self.rng.range(0, 59))
        };
        let time = DateTime::from_parts(
            day,
            jiff::civil::Time::new(hour as i8, minute as i8, 0, 0).unwrap_or_default(),
        );
        time.to_zoned(self.tz.clone())
            .map(|zoned| zoned.timestamp())
            .unwrap_or(Timestamp::UNIX_EPOCH)
    }

    fn official_text(&mut self, season: Season) -> String {
        let mut text = String::new();
        let themed = match season {
            Season::Libori if self.rng.chance(70) => Some(self.rng.pick(LIBORI)),
            Season::Advent | Season::Christmas if self.rng.chance(60) => {
                Some(self.rng.pick(ADVENT))
            }
            Season::Election if self.rng.chance(70) => Some(self.rng.pick(ELECTION)),
            _ => None,
        };
        match themed {
            Some(sentence_text) => text.push_str(sentence_text),
            None => sentence(&mut self.rng, &mut text),
        }
        for _ in 0..self.rng.range(0, 2) {
            text.push(' ');
            sentence(&mut self.rng, &mut text);
        }
        // The mistakes the rules exist for, rarely.
        if self.rng.chance(4) {
            text.push_str(" Macht mit!");
        }
        if self.rng.chance(55) {
            text.push_str("\n\nMehr Infos: ");
            text.push_str(if self.rng.chance(5) {
                "http://www.paderborn.de/aktuelles"
            } else {
                self.rng.pick(LINKS)
            });
        }
        text.push_str("\n\n");
        let mut tags: Vec<&str> = Vec::new();
        for _ in 0..self.rng.range(1, 3) {
            let tag = self.rng.pick(HASHTAGS);
            if !tags.contains(&tag) {
                tags.push(tag);
            }
        }
        text.push_str(&tags.join(" "));
        text
    }

    fn image(&mut self, alt_percent: usize) -> Media {
        Media {
            kind: MediaKind::Image,
            alt_text: self
                .rng
                .chance(alt_percent)
                .then(|| self.rng.pick(ALT_TEXTS).to_owned()),
            alt_text_unknown: false,
            credit: Some("Foto: Stadt Paderborn".to_owned()),
            subtitles: None,
            file: None,
        }
    }

    /// One official post: Facebook and Instagram records a few minutes apart (most), or one.
    fn official_post(&mut self, at: Timestamp, text: String, season: Season) {
        self.serial += 1;
        let serial = self.serial;
        let roll = self.rng.below(100);
        let platforms: &[Platform] = match roll {
            0..=79 => &[Platform::Facebook, Platform::Instagram],
            80..=91 => &[Platform::Facebook],
            _ => &[Platform::Instagram],
        };
        let author = self.rng.pick(AUTHORS).to_owned();
        let image = self.image(88);
        let mut published = at;
        for &platform in platforms {
            let prefix = if platform == Platform::Facebook {
                "fb"
            } else {
                "ig"
            };
            let id = format!("{prefix}-p{serial:05}");
            let mut draft = Draft::new(text.clone());
            draft.id = Some(id.clone());
            draft.account = Some(OFFICIAL.to_owned());
            draft.platforms = Some(vec![platform]);
            draft.author = Some(author.clone());
            draft.published_at = Some(published);
            if platform == Platform::Instagram || self.rng.chance(60) {
                draft.media.push(image.clone());
            }
            let busy = if season == Season::Election { 5 } else { 3 };
            let comments = self.rng.range(0, busy);
            self.comment_thread(OFFICIAL, platform, &id, published, comments);
            self.posts.push((published, id, draft));
            published = published
                .checked_add(jiff::SignedDuration::from_mins(self.rng.range(1, 8) as i64))
                .unwrap_or(published);
        }
    }

    /// Comments under a post; questions are answered by the office (official account).
    fn comment_thread(
        &mut self,
        account: &str,
        platform: Platform,
        post_id: &str,
        posted: Timestamp,
        count: usize,
    ) {
        for _ in 0..count {
            self.serial += 1;
            let id = format!("{}-c{:05}", &post_id[..2], self.serial);
            let minutes = match self.rng.below(10) {
                0..=5 => self.rng.range(5, 180),
                6..=8 => self.rng.range(180, 12 * 60),
                _ => self.rng.range(12 * 60, 48 * 60),
            };
            let at = posted
                .checked_add(jiff::SignedDuration::from_mins(minutes as i64))
                .unwrap_or(posted);
            let question = self.rng.chance(35);
            let text = if question {
                self.rng.pick(QUESTIONS)
            } else {
                self.rng.pick(REMARKS)
            };
            self.comments.push(Interaction {
                id: id.clone(),
                account: account.to_owned(),
                platform: Some(platform),
                post_id: Some(post_id.to_owned()),
                in_reply_to: None,
                from_account: false,
                at,
                text: Some(text.to_owned()),
                automatic: None,
            });
            if question && account == OFFICIAL {
                self.answer(account, platform, post_id, &id, at);
            } else if question && self.rng.chance(50) {
                // On his private profile the mayor answers some questions himself, evenings.
                self.serial += 1;
                let hours = self.rng.range(1, 30) as i64;
                self.comments.push(Interaction {
                    id: format!("{}-r{:05}", &post_id[..2], self.serial),
                    account: account.to_owned(),
                    platform: Some(platform),
                    post_id: Some(post_id.to_owned()),
                    in_reply_to: Some(id.clone()),
                    from_account: true,
                    at: at
                        .checked_add(jiff::SignedDuration::from_hours(hours))
                        .unwrap_or(at),
                    text: Some("Danke für die Nachfrage! Liebe Grüße, Michael Dreier".to_owned()),
                    automatic: None,
                });
            }
        }
    }

    /// The office's reply: an automatic notice outside office hours, then (mostly) a real
    /// answer in the next office hours.
    fn answer(
        &mut self,
        account: &str,
        platform: Platform,
        post_id: &str,
        question: &str,
        at: Timestamp,
    ) {
        let zoned = at.to_zoned(self.tz.clone());
        let weekend = matches!(zoned.weekday(), Weekday::Saturday | Weekday::Sunday);
        let open = !weekend && (9..17).contains(&zoned.hour());
        let reply =
            |generator: &mut Generator, at: Timestamp, text: &str, automatic: Option<bool>| {
                generator.serial += 1;
                generator.comments.push(Interaction {
                    id: format!("{}-r{:05}", &post_id[..2], generator.serial),
                    account: account.to_owned(),
                    platform: Some(platform),
                    post_id: Some(post_id.to_owned()),
                    in_reply_to: Some(question.to_owned()),
                    from_account: true,
                    at,
                    text: Some(text.to_owned()),
                    automatic,
                });
            };
        if !open && self.rng.chance(60) {
            let notice_at = at
                .checked_add(jiff::SignedDuration::from_secs(30))
                .unwrap_or(at);
            // Half the platforms mark automatic replies; the others are known by the text.
            let marked = self.rng.chance(50).then_some(true);
            reply(self, notice_at, AUTO_REPLY, marked);
        }
        let roll = self.rng.below(100);
        if roll < 12 {
            return; // never answered
        }
        // Office minutes until the answer: most within a working day, some late.
        let office_minutes = if roll < 80 {
            self.rng.range(10, 4 * 60)
        } else if roll < 93 {
            self.rng.range(4 * 60, 16 * 60)
        } else {
            self.rng.range(24 * 60, 40 * 60)
        };
        let answered = self.after_office_minutes(at, office_minutes);
        let text = self.rng.pick(ANSWERS).to_owned();
        reply(self, answered, &text, None);
        // Now and then somebody answers by hand late in the evening.
        if self.rng.chance(3) {
            let late = self.local_time_on(answered, 21);
            reply(
                self,
                late,
                "Kurze Ergänzung: Der Termin steht jetzt auch online.",
                None,
            );
        }
    }

    /// The instant `minutes` of office time (Mon–Fri 9–17) after `from`.
    fn after_office_minutes(&self, from: Timestamp, minutes: usize) -> Timestamp {
        let mut left = minutes as i64;
        let mut zoned = from.to_zoned(self.tz.clone());
        for _ in 0..60 {
            let day = zoned.date();
            let weekend = matches!(day.weekday(), Weekday::Saturday | Weekday::Sunday);
            let open = day.at(9, 0, 0, 0).to_zoned(self.tz.clone()).ok();
            let close = day.at(17, 0, 0, 0).to_zoned(self.tz.clone()).ok();
            if let (false, Some(open), Some(close)) = (weekend, open, close) {
                let start = if zoned < open { open } else { zoned.clone() };
                if start < close {
                    let available =
                        (close.timestamp().as_second() - start.timestamp().as_second()) / 60;
                    if left <= available {
                        return start
                            .timestamp()
                            .checked_add(jiff::SignedDuration::from_mins(left))
                            .unwrap_or(from);
                    }
                    left -= available;
                }
            }
            let next = day.checked_add(1.days()).unwrap_or(day);
            zoned = match next.to_zoned(self.tz.clone()) {
                Ok(next) => next,
                Err(_) => return from,
            };
        }
        from
    }

    /// `hour`:15 local on the day of `at`.
    fn local_time_on(&self, at: Timestamp, hour: i8) -> Timestamp {
        let day = at.to_zoned(self.tz.clone()).date();
        day.at(hour, 15, 0, 0)
            .to_zoned(self.tz.clone())
            .map(|zoned| zoned.timestamp())
            .unwrap_or(at)
    }
}
