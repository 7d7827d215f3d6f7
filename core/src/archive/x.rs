//! X (Twitter) archive: `data/tweets.js`.
//!
//! JavaScript that assigns a JSON list: `window.YTD.tweets.part0 = [{"tweet": {…}}, …]`
//! (large archives continue in `tweets-part1.js` with `part1`; older archives name it
//! `tweet.js`/`window.YTD.tweet.part0`, and some list the tweets without the `tweet`
//! wrapper — all are read). A tweet has `id_str`, `full_text`, `created_at`
//! (`Wed Oct 10 20:19:24 +0000 2018`), `entities.urls` (`url` → `expanded_url`) and
//! `entities.media`/`extended_entities.media`.
//!
//! The text is made what the author typed: HTML entities (`&amp;`, `&lt;`, `&gt;`) are
//! decoded, each `t.co` link is replaced by its `expanded_url` so link rules see the real
//! target, and the `t.co` link X appends for attached media is dropped. Media kinds come
//! from `type` (`photo`, `video`, `animated_gif`), alt texts from `ext_alt_text` where the
//! archive has it. A post of media alone keeps an empty text (valid with media). Retweets
//! (`RT @…`) are skipped: the words are someone else's.
//!
//! A reply starts with the `@name` mentions of its reply chain, before
//! `display_text_range[0]` (a code-point index; the archive writes numbers as strings). X
//! shows them above the post and does not count them; the text keeps them, and the draft's
//! `reply_to` names them, so X's length leaves them out as X did.
//!
//! Some archives name a weekday in `created_at` that the date does not fall on
//! (`Wed Oct 11 … 2018`, a Thursday): the date is read and the record carries a
//! [`RecordNote`](super::RecordNote) saying so.

use jiff::Timestamp;
use jiff::civil::{Date, Weekday};
use serde::Deserialize;
use serde_json::value::RawValue;

use super::html::decode_entities;
use super::json::Element;
use super::{
    ArchiveFormat, RecordError, RecordErrorKind, RecordNote, RecordNoteKind, Records, SkipReason,
};
use crate::draft::{Draft, Media, MediaKind};
use crate::policy::{Localized, localized};

#[derive(Deserialize)]
struct Wrapper<'a> {
    #[serde(borrow)]
    tweet: Option<&'a RawValue>,
}

#[derive(Deserialize)]
struct Tweet {
    id_str: Option<String>,
    id: Option<String>,
    full_text: String,
    created_at: String,
    #[serde(default)]
    entities: Entities,
    extended_entities: Option<Entities>,
    display_text_range: Option<Vec<Index>>,
}

/// A number as X writes it: a string in archives (`"12"`), a number in the API.
#[derive(Deserialize)]
#[serde(untagged)]
enum Index {
    Number(u64),
    Text(String),
}

impl Index {
    fn get(&self) -> Option<usize> {
        match self {
            Index::Number(number) => usize::try_from(*number).ok(),
            Index::Text(text) => text.trim().parse().ok(),
        }
    }
}

#[derive(Deserialize, Default)]
struct Entities {
    #[serde(default)]
    urls: Vec<UrlEntity>,
    #[serde(default)]
    media: Vec<MediaEntity>,
}

#[derive(Deserialize)]
struct UrlEntity {
    url: String,
    expanded_url: Option<String>,
}

#[derive(Deserialize)]
struct MediaEntity {
    url: String,
    #[serde(rename = "type")]
    kind: Option<String>,
    ext_alt_text: Option<String>,
    media_url_https: Option<String>,
}

/// Reads one record of the archive.
pub(super) fn record(element: &Element<'_>, records: &mut Records<'_>) {
    match tweet(element) {
        Ok(Read::Post(draft, notes)) => records.noted_post(element.locator, *draft, notes),
        Ok(Read::Retweet(id)) => records.skip(element.locator, id, SkipReason::Repost),
        Err(error) => records.error(error),
    }
}

/// Bytes before the JSON list: `window.YTD.<name>.part<N> = ` and the white space around
/// it; a bare JSON list is taken as it is. `None` without such an assignment.
pub(super) fn assignment_len(head: &[u8]) -> Option<usize> {
    let trimmed = head.trim_ascii_start();
    let array = if trimmed.starts_with(b"[") {
        trimmed
    } else {
        let rest = trimmed.strip_prefix(b"window.YTD.")?;
        let equals = rest.iter().position(|&b| b == b'=')?;
        rest[equals + 1..].trim_ascii_start()
    };
    Some(head.len() - array.len())
}

/// What a record of the archive is.
enum Read {
    /// The account's own tweet, with what was noticed in it.
    Post(Box<Draft>, Vec<RecordNote>),
    /// A retweet, with its id.
    Retweet(Option<String>),
}

fn tweet(element: &Element<'_>) -> Result<Read, RecordError> {
    let wrapper: Wrapper<'_> = element.parse(ArchiveFormat::X)?;
    let tweet: Tweet = match wrapper.tweet {
        Some(raw) => element.nested(raw).parse(ArchiveFormat::X)?,
        None => element.parse(ArchiveFormat::X)?,
    };
    let id = tweet.id_str.clone().or_else(|| tweet.id.clone());
    if tweet.full_text.starts_with("RT @") {
        return Ok(Read::Retweet(id));
    }
    let (published_at, weekday) = parse_created_at(&tweet.created_at).ok_or_else(|| {
        let created_at = &tweet.created_at;
        RecordError::new(
            element.locator,
            RecordErrorKind::InvalidTime,
            localized!(
                de: "`created_at` `{created_at}` ist kein Zeitpunkt",
                en: "`created_at` `{created_at}` is not a point in time",
            ),
            Localized::new(
                "Erwartet wie im X-Archiv: `Wed Oct 10 20:19:24 +0000 2018`",
                "expected as in the X archive: `Wed Oct 10 20:19:24 +0000 2018`",
            ),
        )
        .with_id(id.clone())
    })?;
    let media_entities = match &tweet.extended_entities {
        Some(extended) if !extended.media.is_empty() => &extended.media,
        _ => &tweet.entities.media,
    };
    let draft = Draft {
        id,
        published_at: Some(published_at),
        media: media_entities.iter().map(media).collect(),
        reply_to: reply_chain(&tweet),
        ..Draft::new(plain_text(&tweet))
    };
    let notes = weekday
        .map(|mismatch| mismatch.note(&tweet.created_at))
        .into_iter()
        .collect();
    Ok(Read::Post(Box::new(draft), notes))
}

/// The accounts of a reply's chain: the `@name` mentions before `display_text_range[0]`.
/// Empty where the range starts at 0 or the part before it is not mentions alone.
fn reply_chain(tweet: &Tweet) -> Vec<String> {
    let start = tweet
        .display_text_range
        .as_ref()
        .and_then(|range| range.first())
        .and_then(Index::get)
        .unwrap_or(0);
    let end = tweet
        .full_text
        .char_indices()
        .nth(start)
        .map_or(tweet.full_text.len(), |(offset, _)| offset);
    let mut chain = Vec::new();
    for token in tweet.full_text[..end].split_whitespace() {
        let is_handle = token.strip_prefix('@').is_some_and(|name| {
            !name.is_empty() && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
        });
        if !is_handle {
            return Vec::new();
        }
        chain.push(token.to_owned());
    }
    chain
}

/// A weekday in `created_at` that its date does not fall on.
struct WeekdayMismatch {
    named: Weekday,
    date: Date,
}

impl WeekdayMismatch {
    fn note(&self, created_at: &str) -> RecordNote {
        let (named_de, named_en) = weekday_names(self.named);
        let (actual_de, actual_en) = weekday_names(self.date.weekday());
        let (date_de, date_en) = (self.date.strftime("%d.%m.%Y"), self.date);
        RecordNote {
            kind: RecordNoteKind::WeekdayMismatch,
            message: localized!(
                de: "`created_at` `{created_at}` nennt {named_de}, der {date_de} war aber ein {actual_de}; gelesen wurde das Datum",
                en: "`created_at` `{created_at}` names {named_en}, but {date_en} was a {actual_en}; the date was read",
            ),
            help: Some(Localized::new(
                "Falls der Wochentag zählt, den Zeitpunkt des Beitrags auf der Plattform nachsehen",
                "if the weekday matters, look the post's time up on the platform",
            )),
        }
    }
}

fn weekday_names(weekday: Weekday) -> (&'static str, &'static str) {
    match weekday {
        Weekday::Monday => ("Montag", "Monday"),
        Weekday::Tuesday => ("Dienstag", "Tuesday"),
        Weekday::Wednesday => ("Mittwoch", "Wednesday"),
        Weekday::Thursday => ("Donnerstag", "Thursday"),
        Weekday::Friday => ("Freitag", "Friday"),
        Weekday::Saturday => ("Samstag", "Saturday"),
        Weekday::Sunday => ("Sonntag", "Sunday"),
    }
}

/// `Wed Oct 10 20:19:24 +0000 2018`, and the weekday it names where its date falls on
/// another. The weekday is read apart from the rest because a parser that checks it would
/// refuse the whole time, and the date and time are what X stored.
fn parse_created_at(created_at: &str) -> Option<(Timestamp, Option<WeekdayMismatch>)> {
    let (weekday, rest) = created_at.trim().split_once(' ')?;
    let named = jiff::fmt::strtime::parse("%a", weekday).ok()?.weekday()?;
    let time = jiff::fmt::strtime::parse("%b %d %H:%M:%S %z %Y", rest.trim_start()).ok()?;
    // The weekday belongs to the date in the time's own offset, not in UTC.
    let date = time.to_date().ok()?;
    let timestamp = time.to_timestamp().ok()?;
    let mismatch = (date.weekday() != named).then_some(WeekdayMismatch { named, date });
    Some((timestamp, mismatch))
}

/// Entities decoded first (an expanded URL's `&` must stay as it is), then links expanded
/// and the media link dropped.
fn plain_text(tweet: &Tweet) -> String {
    let mut text = decode_entities(&tweet.full_text);
    for url in &tweet.entities.urls {
        if let Some(expanded) = &url.expanded_url {
            text = text.replace(&url.url, expanded);
        }
    }
    let media = tweet
        .extended_entities
        .iter()
        .chain([&tweet.entities])
        .flat_map(|entities| &entities.media);
    for entity in media {
        text = text.replace(&entity.url, "");
    }
    text.truncate(text.trim_end().len());
    text
}

fn media(entity: &MediaEntity) -> Media {
    let kind = match entity.kind.as_deref() {
        Some("video") => MediaKind::Video,
        Some("animated_gif") => MediaKind::Gif,
        _ => MediaKind::Image,
    };
    Media {
        kind,
        alt_text: entity
            .ext_alt_text
            .clone()
            .filter(|alt| !alt.trim().is_empty()),
        // The archive has `ext_alt_text` whenever the author wrote one.
        alt_text_unknown: false,
        credit: None,
        subtitles: None,
        file: entity.media_url_https.clone(),
    }
}

#[cfg(test)]
mod tests {
    use crate::archive::regressions::read_fixture;
    use crate::archive::{ArchiveOptions, RecordErrorKind, RecordNoteKind, SkipReason, read};
    use crate::draft::MediaKind;
    use crate::platform::Platform;

    const TWEETS: &str = r#"window.YTD.tweets.part0 = [
  {
    "tweet" : {
      "id_str" : "1",
      "created_at" : "Mon May 04 08:00:00 +0000 2026",
      "full_text" : "Sperrung &amp; Umleitung: https://t.co/aaa https://t.co/img",
      "entities" : {
        "urls" : [ { "url" : "https://t.co/aaa", "expanded_url" : "https://www.paderborn.de/verkehr?a=1&copy=2", "display_url" : "paderborn.de/verkehr" } ],
        "media" : [ { "url" : "https://t.co/img", "type" : "photo" } ]
      },
      "extended_entities" : {
        "media" : [
          { "url" : "https://t.co/img", "type" : "photo", "ext_alt_text" : "Karte der Umleitung" },
          { "url" : "https://t.co/img", "type" : "video" }
        ]
      }
    }
  },
  { "tweet" : { "id_str" : "2", "created_at" : "gestern", "full_text" : "x" } },
  { "tweet" : { "id_str" : "3", "created_at" : "Mon May 04 09:00:00 +0000 2026", "full_text" : "RT @stadtbonn: Hallo" } },
  { "tweet" : { "id_str" : "4", "created_at" : "Mon May 04 10:00:00 +0000 2026", "full_text" : "&lt;3 Paderborn" } }
]"#;

    #[test]
    fn tweets_become_the_text_the_author_typed() {
        let options = ArchiveOptions {
            account: Some("stadt".into()),
            ..ArchiveOptions::default()
        };
        let archive = read("data/tweets.js", TWEETS.as_bytes(), &options).unwrap();
        assert_eq!(archive.records.len(), 3);
        let first = archive.records[0].as_ref().unwrap();
        assert_eq!(
            first.draft.text,
            "Sperrung & Umleitung: https://www.paderborn.de/verkehr?a=1&copy=2"
        );
        assert_eq!(first.draft.id.as_deref(), Some("1"));
        assert_eq!(first.draft.platforms, Some(vec![Platform::X]));
        assert_eq!(first.draft.account.as_deref(), Some("stadt"));
        assert_eq!(
            first.draft.published_at.unwrap().to_string(),
            "2026-05-04T08:00:00Z"
        );
        let kinds: Vec<_> = first.draft.media.iter().map(|m| m.kind).collect();
        assert_eq!(kinds, [MediaKind::Image, MediaKind::Video]);
        assert_eq!(
            first.draft.media[0].alt_text.as_deref(),
            Some("Karte der Umleitung")
        );
        assert_eq!(first.locator.line, Some(2));

        let broken = archive.records[1].as_ref().unwrap_err();
        assert_eq!(broken.kind, RecordErrorKind::InvalidTime);
        assert_eq!(broken.id.as_deref(), Some("2"));
        assert_eq!(broken.locator.record, 2);

        assert_eq!(
            archive.records[2].as_ref().unwrap().draft.text,
            "<3 Paderborn"
        );
        assert_eq!(archive.skipped.len(), 1);
        assert_eq!(archive.skipped[0].reason, SkipReason::Repost);
        assert_eq!(archive.skipped[0].id.as_deref(), Some("3"));
    }

    /// What broke on a real archive: replies X accepted were reported too long (their
    /// reply-chain mentions counted), a photo without text was an empty-text error, and a
    /// `created_at` whose weekday contradicts its date lost the record.
    fn regressions() -> Vec<crate::archive::ArchivedPost> {
        let archive = read_fixture("x-reply-media-only-weekday.js");
        archive.records.into_iter().map(Result::unwrap).collect()
    }

    fn x_engine() -> crate::Engine {
        let policy = crate::Policy::from_toml(
            "default-account = \"bezirksamt\"\n[accounts.bezirksamt]\nkind = \"official\"\nplatforms = [\"x\"]",
        )
        .unwrap();
        crate::Engine::new(policy).unwrap()
    }

    #[test]
    fn reply_chain_mentions_are_kept_but_not_counted_on_x() {
        let posts = regressions();
        let reply = &posts[0].draft;
        assert!(
            reply
                .text
                .starts_with("@HamburgerHochbahn @NDR Danke für den Hinweis!")
        );
        assert_eq!(reply.reply_to, ["@HamburgerHochbahn", "@NDR"]);
        assert!(reply.text[reply.reply_prefix_len()..].starts_with("Danke"));
        let report = x_engine().check(reply, &[], None).unwrap();
        assert_eq!(report.measures[&Platform::X].length, 268);
        assert!(
            report.diagnostics.iter().all(|d| d.rule != "length.limit"),
            "{:?}",
            report.diagnostics
        );
    }

    #[test]
    fn a_photo_without_text_is_a_valid_post() {
        let posts = regressions();
        let photo = &posts[1].draft;
        assert_eq!(photo.text, "");
        assert_eq!(photo.media.len(), 1);
        assert!(photo.reply_to.is_empty());
        let report = x_engine().check(photo, &[], None).unwrap();
        assert!(
            report
                .diagnostics
                .iter()
                .all(|d| !d.rule.starts_with("length.") && !d.rule.starts_with("accessibility.")),
            "{:?}",
            report.diagnostics
        );
    }

    #[test]
    fn a_weekday_that_contradicts_the_date_is_read_with_a_note() {
        // 11 October 2018 was a Thursday; the archive says `Wed`.
        assert!(
            jiff::fmt::strtime::parse("%a %b %d %H:%M:%S %z %Y", "Wed Oct 11 20:19:24 +0000 2018")
                .and_then(|time| time.to_timestamp())
                .is_err(),
            "a parser that checks the weekday refuses the whole time"
        );
        let posts = regressions();
        let post = &posts[2];
        assert_eq!(
            post.draft.published_at.unwrap().to_string(),
            "2018-10-11T20:19:24Z"
        );
        assert_eq!(post.notes.len(), 1);
        let note = &post.notes[0];
        assert_eq!(note.kind, RecordNoteKind::WeekdayMismatch);
        assert_eq!(
            note.message.get(crate::Lang::De),
            "`created_at` `Wed Oct 11 20:19:24 +0000 2018` nennt Mittwoch, der 11.10.2018 war aber ein Donnerstag; gelesen wurde das Datum"
        );
        assert_eq!(
            note.message.get(crate::Lang::En),
            "`created_at` `Wed Oct 11 20:19:24 +0000 2018` names Wednesday, but 2018-10-11 was a Thursday; the date was read"
        );
        assert!(posts[0].notes.is_empty() && posts[1].notes.is_empty());
    }

    #[test]
    fn a_tweet_without_text_is_an_error_at_its_line() {
        let tweets = "window.YTD.tweets.part1 = [\n{\"tweet\": {\"id_str\": \"9\",\n \"created_at\": \"Mon May 04 08:00:00 +0000 2026\"}}]";
        let archive = read(
            "tweets-part1.js",
            tweets.as_bytes(),
            &ArchiveOptions::default(),
        )
        .unwrap();
        let error = archive.records[0].as_ref().unwrap_err();
        assert_eq!(error.kind, RecordErrorKind::InvalidRecord);
        assert_eq!(
            error.message.get(crate::Lang::En),
            "invalid record: missing key `full_text`"
        );
        assert_eq!(error.position.map(|p| p.0), Some(3));
    }
}
