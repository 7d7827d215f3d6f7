//! The parsed TOML of everything core reads (policies, the platform table, lexicons), as
//! values that [`super::read`] turns into structs.
//!
//! The document is parsed by toml's own parser (`DeTable`); no serde deserializer walks
//! it. A value is shown to a reader the way toml 1.x's deserializer shows it to a serde
//! visitor (integers by the narrowest type that holds them, datetimes as a one-entry
//! table), and an error carries the span toml would give it (innermost value or key), so
//! messages and line:column of policy errors are those of `toml::from_str`.

use std::borrow::Cow;
use std::fmt;
use std::ops::Range;

use serde::de;
use toml::Spanned;
use toml::de::{DeArray, DeString, DeTable, DeValue};

use super::read::FromPolicyValue;

/// Key under which toml presents a datetime to a visitor (`toml_datetime`'s private field).
const DATETIME_FIELD: &str = "$__toml_private_datetime";

/// A TOML syntax or deserialization error: toml's message and the byte span it points at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct TomlError {
    /// The message, as `toml::de::Error::message` would return it.
    pub(crate) message: String,
    /// Byte range in the source.
    pub(crate) span: Option<Range<usize>>,
    /// Further errors of the same document, in source order: a file is read whole, so one
    /// run reports every misspelt key, as a compiler does.
    pub(crate) later: Vec<TomlError>,
}

impl fmt::Display for TomlError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for TomlError {}

/// serde's error constructors word the messages (`unknown field`, `invalid type` …).
impl de::Error for TomlError {
    fn custom<T: fmt::Display>(message: T) -> Self {
        TomlError {
            message: message.to_string(),
            span: None,
            later: Vec::new(),
        }
    }
}

impl TomlError {
    pub(super) fn at(message: &str, span: Range<usize>) -> Self {
        TomlError {
            message: message.to_owned(),
            span: Some(span),
            later: Vec::new(),
        }
    }

    /// One error for all of `errors` (each with the errors it carries): the first in the
    /// source comes first, the others follow in source order. `Ok` when there are none.
    pub(super) fn gather(errors: Vec<TomlError>) -> Result<(), TomlError> {
        let mut errors = errors.into_iter();
        match errors.next() {
            None => Ok(()),
            Some(first) => Err(first.in_source_order(errors)),
        }
    }

    /// This error and `others` (with everything they carry), first in the source first.
    fn in_source_order(mut self, others: impl IntoIterator<Item = TomlError>) -> TomlError {
        let later = std::mem::take(&mut self.later);
        let mut all = vec![self];
        all.extend(later);
        for mut error in others {
            let later = std::mem::take(&mut error.later);
            all.push(error);
            all.extend(later);
        }
        // Errors without a place (none are expected inside a document) go last.
        all.sort_by_key(|error| error.span.as_ref().map_or(usize::MAX, |span| span.start));
        let mut first = all.remove(0);
        first.later = all;
        first
    }

    /// Errors from inner values keep their own (narrower) span; the others, gathered ones
    /// included, get `span` and take their place in source order.
    pub(super) fn or_span(mut self, span: Range<usize>) -> Self {
        let mut placed = false;
        for error in
            std::iter::once(&mut self.span).chain(self.later.iter_mut().map(|e| &mut e.span))
        {
            if error.is_none() {
                *error = Some(span.clone());
                placed = true;
            }
        }
        if placed && !self.later.is_empty() {
            self.in_source_order([])
        } else {
            self
        }
    }
}

/// Parses TOML text and reads `T` from it: the value `toml::from_str` would give, or its
/// message and span.
pub(crate) fn read<T: FromPolicyValue>(text: &str) -> Result<T, TomlError> {
    let document = DeTable::parse(text).map_err(|error| TomlError {
        message: error.message().to_owned(),
        span: error.span(),
        later: Vec::new(),
    })?;
    let span = document.span();
    T::from_value(Value {
        value: DeValue::Table(document.into_inner()),
        span,
    })
}

/// A TOML value with its span.
pub(crate) struct Value<'i> {
    value: DeValue<'i>,
    span: Range<usize>,
}

impl<'i> Value<'i> {
    pub(super) fn new(spanned: Spanned<DeValue<'i>>) -> Self {
        Value {
            span: spanned.span(),
            value: spanned.into_inner(),
        }
    }

    /// What the value shows a visitor, and its span.
    pub(super) fn into_shown(self) -> (Range<usize>, Result<Shown<'i>, TomlError>) {
        let shown = show(self.value, &self.span);
        (self.span, shown)
    }

    /// The raw value (enums look at it before a visitor would), and its span.
    pub(super) fn into_parts(self) -> (Range<usize>, DeValue<'i>) {
        (self.span, self.value)
    }
}

/// What a value shows a serde visitor under toml's deserializer.
pub(super) enum Shown<'i> {
    Str(DeString<'i>),
    I64(i64),
    U64(u64),
    I128(i128),
    U128(u128),
    F64(f64),
    Bool(bool),
    Map(DeTable<'i>),
    Seq(DeArray<'i>),
}

fn show<'i>(value: DeValue<'i>, span: &Range<usize>) -> Result<Shown<'i>, TomlError> {
    Ok(match value {
        DeValue::String(text) => Shown::Str(text),
        DeValue::Integer(integer) => {
            let (digits, radix) = (integer.as_str(), integer.radix());
            if let Ok(v) = i64::from_str_radix(digits, radix) {
                Shown::I64(v)
            } else if let Ok(v) = u64::from_str_radix(digits, radix) {
                Shown::U64(v)
            } else if let Ok(v) = i128::from_str_radix(digits, radix) {
                Shown::I128(v)
            } else if let Ok(v) = u128::from_str_radix(digits, radix) {
                Shown::U128(v)
            } else {
                return Err(de::Error::custom("integer number overflowed"));
            }
        }
        DeValue::Float(float) => match float.as_str().parse::<f64>() {
            Ok(v) if !v.is_infinite() || float.as_str().contains("inf") => Shown::F64(v),
            _ => return Err(de::Error::custom("floating-point number overflowed")),
        },
        DeValue::Boolean(v) => Shown::Bool(v),
        DeValue::Datetime(datetime) => {
            // toml shows a datetime as a one-entry map; a string field gets "invalid type:
            // map", a struct "unknown field".
            let mut table = DeTable::new();
            table.insert(
                Spanned::new(span.clone(), Cow::Borrowed(DATETIME_FIELD)),
                Spanned::new(
                    span.clone(),
                    DeValue::String(Cow::Owned(datetime.to_string())),
                ),
            );
            Shown::Map(table)
        }
        DeValue::Array(items) => Shown::Seq(items),
        DeValue::Table(table) => Shown::Map(table),
    })
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

    use super::*;
    use crate::policy::PolicyFile;

    /// The same outcome as `toml::from_str` with serde derive: the value, or the message
    /// and span.
    fn assert_same_as_toml<T: FromPolicyValue + serde::de::DeserializeOwned + fmt::Debug>(
        text: &str,
    ) {
        // Compared as debug text, so that a NaN setting equals itself.
        let toml = toml::from_str::<T>(text).map_err(|e| (e.message().to_owned(), e.span()));
        let read = read::<T>(text).map_err(|e| (e.message, e.span));
        assert_eq!(format!("{read:?}"), format!("{toml:?}"), "policy:\n{text}");
    }

    #[test]
    fn policies_and_errors_match_toml() {
        for text in [
            "",
            "name = \"Stadt Paderborn\"\ndefault-account = \"b\"\n[accounts.b]\nkind = \"official\"\nplatforms = [\"x\", \"instagram\"]\n",
            "[rules.\"hashtags.max\"]\nseverity = \"warning\"\nmax = 3\n",
            "defualt-account = \"b\"\n",
            "[accounts.b]\nkind = \"offical\"\n",
            "[accounts.b]\nplatforms = [\"x\", \"myspace\"]\n",
            "[platform-settings.myspace]\nlimit = 3\n",
            "[platform-settings.x]\nlimit = -3\n",
            "[platform-settings.x]\nlimit = 99999999999999999999999999999999999999999\n",
            "[platform-settings.x]\nlimit = 3.5\n",
            "[platform-settings.x]\nlimit = \"3\"\n",
            "name = 1979-05-27\n",
            "[[elections]]\nname = \"Wahl\"\ndate = 2025-09-14\n",
            "[[elections]]\nname = \"Wahl\"\n",
            "politics = 1979-05-27T07:32:00Z\n",
            "politics = [1, 2]\n",
            "[accounts.b]\nkind = { official = {} }\n",
            "[accounts.b]\nkind = { official = 1 }\n",
            "[accounts.b]\nkind = { official = [1] }\n",
            "[accounts.b]\nkind = {}\n",
            "[accounts.b]\nkind = { official = {}, private = {} }\n",
            "[accounts.b]\nkind = 3\n",
            "[rules.\"hashtags.maks\"]\nmax = 3\n",
            "[rules.\"hashtags.max\"]\nmaks = 3\n",
            "[rules.\"hashtags.max\"]\nseverity = \"fatal\"\n",
            "[accounts.b.approval]\nfour-eyes = \"yes\"\n",
            "name = \"unterminated\n",
            "[accounts.b\n",
        ] {
            assert_same_as_toml::<PolicyFile>(text);
        }
    }

    /// Every field type and enum of the reader, right and wrong, against serde derive.
    #[test]
    fn reader_matches_serde_for_every_kind_of_value() {
        for text in [
            "[platform-settings.x]\nlimit = 4294967295\n",
            "[platform-settings.x]\nlimit = 4294967296\n",
            "[platform-settings.x]\nlimit = 99999999999999999999\n",
            "[platform-settings.x]\nlimit = 0x7fffffffffffffff\n",
            "[platform-settings.x]\nlimit = true\n",
            "[platform-settings.x]\nlimit = [1]\n",
            "[platform-settings.x]\nlimit = {}\n",
            "[platform-settings.x]\nlimit = 2001-01-01\n",
            "[platform-settings.x]\nlimit = inf\n",
            "[platform-settings.x]\nlimit = 1e999\n",
            "platform-settings = 3\n",
            "platform-settings = []\n",
            "[platform-settings.\"X\"]\nlimit = 3\n",
            "[platform-settings]\nx = 3\n",
            "[rules.\"readability.flesch\"]\nmin = 60\n",
            "[rules.\"readability.flesch\"]\nmin = -60\n",
            "[rules.\"readability.flesch\"]\nmin = 60.5\n",
            "[rules.\"readability.flesch\"]\nmin = 18446744073709551615\n",
            "[rules.\"readability.flesch\"]\nmin = 99999999999999999999\n",
            "[rules.\"readability.flesch\"]\nmin = 340282366920938463463374607431768211455\n",
            "[rules.\"readability.flesch\"]\nmin = \"60\"\n",
            "[rules.\"readability.flesch\"]\nmin = nan\n",
            "[rules.\"accessibility.emoji\"]\ninside-sentence = true\n",
            "[rules.\"accessibility.emoji\"]\ninside-sentence = \"yes\"\n",
            "[rules.\"accessibility.emoji\"]\ninside-sentence = 1\n",
            "[rules.\"accessibility.emoji\"]\ninside_sentence = true\n",
            "[rules.\"accessibility.emoji\"]\nmessage = 3\n",
            "[rules.\"accessibility.emoji\"]\nmessage = 1979-05-27T07:32:00Z\n",
            "[rules.\"accessibility.emoji\"]\nseverity = 1979-05-27\n",
            "[rules.\"accessibility.emoji\"]\nseverity = { error = [] }\n",
            "[rules.\"accessibility.emoji\"]\nseverity = { eror = [] }\n",
            "[rules.\"accessibility.emoji\"]\nseverity = { error = [], info = [] }\n",
            "[rules.\"accessibility.emoji\"]\nseverity = { error = \"x\" }\n",
            "[rules.\"accessibility.emoji\"]\nseverity = { error = { a = 1 } }\n",
            "[rules.\"accessibility.emoji\"]\nseverity = []\n",
            "[rules.\"accessibility.emoji\"]\nseverity = \"Error\"\n",
            "[rules]\n\"accessibility.emoji\" = 3\n",
            "[rules]\n\"accessibility.emoji\" = [true, \"info\", \"m\"]\n",
            "[rules]\n\"accessibility.emoji\" = [1]\n",
            "[rules]\n\"accessibility.emoji\" = []\n",
            "[rules]\n\"accessibility.emoji\" = 1979-05-27\n",
            "rules = []\n",
            "rules = [{}]\n",
            "[rules.\"imprint.per-post\"]\nplatforms = [\"x\", \"myspace\"]\n",
            "[rules.\"imprint.per-post\"]\nplatforms = \"x\"\n",
            "[rules.\"imprint.per-post\"]\nplatforms = { x = 1 }\n",
            "[rules.\"plain-language.bureaucratic\"]\nadd = [{ term = \"a\", instead = \"b\", suggest = true }]\n",
            "[rules.\"plain-language.bureaucratic\"]\nadd = [{ term = \"a\" }]\n",
            "[rules.\"plain-language.bureaucratic\"]\nadd = [{ instead = \"b\" }]\n",
            "[rules.\"plain-language.bureaucratic\"]\nadd = [[\"a\"]]\n",
            "[rules.\"plain-language.bureaucratic\"]\nadd = [[\"a\", \"b\", true]]\n",
            "[rules.\"plain-language.bureaucratic\"]\nadd = [{ term = \"a\", instead = \"b\", sugest = true }]\n",
            "[rules.\"schedule.blackout\"]\ndays = [{ name = \"a\", date = \"11-11\" }]\n",
            "[rules.\"schedule.blackout\"]\ndays = [{ name = \"a\" }]\n",
            "[rules.\"schedule.blackout\"]\ndays = [[]]\n",
            "[rules.\"separation.private-topic\"]\ntopics = { urlaub = { anywhere = [\"x\"] } }\n",
            "[rules.\"separation.private-topic\"]\ntopics = { urlaub = { everywhere = [\"x\"] } }\n",
            "[rules.\"separation.private-topic\"]\ntopics = { urlaub = 3 }\n",
            "[rules.\"separation.private-topic\"]\ntopics = [1]\n",
            "[rules.\"neutrality.party\"]\nwindow-severity = \"warning\"\n",
            "[kinds.official.rules.\"hashtags.max\"]\nmax = 2\n",
            "[kinds.offical.rules.\"hashtags.max\"]\nmax = 2\n",
            "[kinds.official]\nrule = 2\n",
            "[accounts.b]\naddress = \"sie\"\nfederal-state = \"NW\"\n",
            "[accounts.b]\naddress = \"Sie\"\n",
            "[accounts.b]\nfederal-state = \"nw\"\n",
            "federal-state = \"XX\"\n",
            "[accounts.b.office-hours]\nwindows = [{ days = [\"mon\", \"fri\"], from = \"09:00\", to = \"17:00\" }]\n",
            "[accounts.b.office-hours]\nwindows = [{ days = [\"mon\", \"fry\"], from = \"09:00\", to = \"17:00\" }]\n",
            "[accounts.b.office-hours]\nwindows = [{ days = [\"mon\"], from = \"09:00\" }]\n",
            "[accounts.b.office-hours]\nwindows = [[[\"mon\"], \"09:00\"]]\n",
            "[accounts.b.office-hours]\nwindow = []\n",
            "[accounts.b]\nposts-per-week = { min = 2, max = 3 }\n",
            "[accounts.b]\nposts-per-week = { min = 2, maxi = 3 }\n",
            "[accounts.b]\nposts-per-week = 3\n",
            "[accounts.b.profile]\nlinks = [{ label = \"Impressum\", url = \"https://a.de\" }]\n",
            "[accounts.b.profile]\nlinks = [{ label = \"Impressum\" }]\n",
            "[accounts.b.profile]\nlinks = [[\"Impressum\"]]\n",
            "[accounts.b.profile]\nlinks = [[]]\n",
            "[[accounts.b.approval.require]]\nlabels = [\"krise\"]\n",
            "[[accounts.b.approval.require]]\nlabel = [\"krise\"]\n",
            "[accounts.b.approval]\nminutes-before = -1\n",
            "[accounts.b.responses]\ntarget-hours = 24\nauto-reply-markers = [\"a\", 1]\n",
            "[accounts.b.responses]\ntarget-hour = 24\n",
            "[accounts.b]\nkind = \"private\"\nplatforms = [\"instagram\"]\neditors = [\"m\"]\n",
            "[accounts.b]\nplatforms = [{ x = [] }]\n",
            "[accounts.b]\nplatforms = [{ x = {} }, { y = {} }]\n",
            "accounts = { b = [] }\n",
            "accounts = { b = [\"official\"] }\n",
            "accounts = 3\n",
            "[roles]\npresse = [\"a\", \"b\"]\n",
            "[roles]\npresse = \"a\"\n",
            "roles = 1979-05-27\n",
            "[politics]\nparties = [\"CDU\"]\nlocal-lists = [\"BfP\"]\n",
            "[politics]\nparty = [\"CDU\"]\n",
            "politics = [[\"CDU\"], [\"BfP\"]]\n",
            "[[elections]]\nname = \"W\"\ndate = \"2025-09-14\"\nwindow-weeks = 8\ncandidates = [\"A B\"]\n",
            "[[elections]]\ndate = \"2025-09-14\"\n",
            "elections = [[\"W\"]]\n",
            "elections = [[\"W\", \"2025-09-14\", 3, [\"A\"], \"extra\"]]\n",
            "elections = [[]]\n",
            "elections = {}\n",
            "extends = [\"base.toml\"]\n",
        ] {
            assert_same_as_toml::<PolicyFile>(text);
        }
    }

    #[test]
    fn shipped_policies_match_toml() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../policies");
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "toml") {
                assert_same_as_toml::<PolicyFile>(&std::fs::read_to_string(&path).unwrap());
            }
        }
    }

    #[test]
    fn built_in_tables_match_toml() {
        use crate::platform::{Platform, PlatformFacts};
        use crate::rules::plain_language::BuiltinLexicons;
        type PlatformTable = std::collections::BTreeMap<Platform, PlatformFacts>;
        let platforms = include_str!("../../data/platforms.toml");
        assert_same_as_toml::<PlatformTable>(platforms);
        assert_same_as_toml::<BuiltinLexicons>(include_str!("../../data/bureaucratic.toml"));
        for broken in [
            "[x]\nname = \"X\"\n",
            "[x]\nname = \"X\"\ncounting = \"words\"\nlimit = { value = 1, source = \"s\", as-of = \"2026-01\" }\n",
            "[x]\nname = \"X\"\ncounting = \"chars\"\nlimit = { value = -1, source = \"s\", as-of = \"2026-01\" }\n",
            "[x]\nname = \"X\"\ncounting = \"chars\"\nlimit = { value = 1, source = \"s\" }\n",
            "[myspace]\nname = \"M\"\n",
        ] {
            assert_same_as_toml::<PlatformTable>(broken);
        }
        for broken in [
            "bureaucratic = []\n",
            "bureaucratic = []\nabbreviation = [{ term = \"a\", instead = \"b\", inflects-as = 1 }]\n",
            "bureaucratic = []\nabbreviation = [{ term = \"a\", instead = \"b\", closing = true, plain = \"p\" }]\n",
            "bureaucratic = []\nabbreviation = []\nother = []\n",
        ] {
            assert_same_as_toml::<BuiltinLexicons>(broken);
        }
    }
}
