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
//! archive has it. Retweets (`RT @…`) are skipped: the words are someone else's.
//! Replies keep the `@name` mentions X put in front of them (outside `display_text_range`),
//! so their counted length can be a little above what X counted.

use jiff::Timestamp;
use serde::Deserialize;
use serde_json::value::RawValue;

use super::html::decode_entities;
use super::json::{Element, elements};
use super::{
    ArchiveError, ArchiveFormat, RecordError, RecordErrorKind, Records, SkipReason, wrong_shape,
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

pub(super) fn read(text: &str, records: &mut Records<'_>) -> Result<(), ArchiveError> {
    let array = strip_assignment(text).ok_or_else(|| {
        wrong_shape(
            ArchiveFormat::X,
            Localized::new(
                "keine zuweisung `window.YTD.… = […]`",
                "no assignment `window.YTD.… = […]`",
            ),
        )
    })?;
    for element in elements(text, array, ArchiveFormat::X)? {
        match tweet(&element) {
            Ok(Read::Post(draft)) => records.post(element.locator, *draft),
            Ok(Read::Retweet(id)) => records.skip(element.locator, id, SkipReason::Repost),
            Err(error) => records.error(error),
        }
    }
    Ok(())
}

/// The JSON after `window.YTD.<name>.part<N> = `; a bare JSON list is taken as it is.
fn strip_assignment(text: &str) -> Option<&str> {
    let trimmed = text.trim_start();
    if trimmed.starts_with('[') {
        return Some(trimmed);
    }
    let rest = trimmed.strip_prefix("window.YTD.")?;
    let (_, array) = rest.split_once('=')?;
    Some(array.trim_start())
}

/// What a record of the archive is.
enum Read {
    /// The account's own tweet.
    Post(Box<Draft>),
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
    let published_at = parse_created_at(&tweet.created_at).ok_or_else(|| {
        let created_at = &tweet.created_at;
        RecordError::new(
            element.locator,
            RecordErrorKind::InvalidTime,
            localized!(
                de: "`created_at` `{created_at}` ist kein zeitpunkt",
                en: "`created_at` `{created_at}` is not a point in time",
            ),
            Localized::new(
                "erwartet wie im X-archiv: `Wed Oct 10 20:19:24 +0000 2018`",
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
        ..Draft::new(plain_text(&tweet))
    };
    Ok(Read::Post(Box::new(draft)))
}

/// `Wed Oct 10 20:19:24 +0000 2018`.
fn parse_created_at(created_at: &str) -> Option<Timestamp> {
    jiff::fmt::strtime::parse("%a %b %d %H:%M:%S %z %Y", created_at)
        .and_then(|time| time.to_timestamp())
        .ok()
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
    use crate::archive::{ArchiveOptions, RecordErrorKind, SkipReason, read};
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
