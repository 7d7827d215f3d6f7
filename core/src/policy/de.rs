//! One serde deserializer for everything core reads from TOML (policies, the platform
//! table, lexicons).
//!
//! `toml::from_str` hands a struct's visitor to several deserializer types (tables, arrays,
//! datetimes and `Spanned` wrappers), so every settings struct's `Deserialize` is compiled
//! once per type. In the WebAssembly package that was the largest single item (~770 KB
//! before `wasm-opt`). Here the parsed document (`DeTable`, toml's own parser) is walked by
//! one value deserializer, one table access and one array access, so each struct has one
//! instantiation. Behaviour follows toml 1.x's deserializer exactly: the same visitor calls,
//! the same messages, and an error carries the span toml would give it (innermost value or
//! key), so located policy errors stay as they were.

use std::borrow::Cow;
use std::fmt;
use std::ops::Range;

use serde::de::{self, DeserializeOwned, IntoDeserializer};
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
}

impl fmt::Display for TomlError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for TomlError {}

impl de::Error for TomlError {
    fn custom<T: fmt::Display>(message: T) -> Self {
        TomlError {
            message: message.to_string(),
            span: None,
        }
    }
}

impl TomlError {
    pub(super) fn at(message: &str, span: Range<usize>) -> Self {
        TomlError {
            message: message.to_owned(),
            span: Some(span),
        }
    }

    /// Errors from inner values keep their own (narrower) span.
    pub(super) fn or_span(mut self, span: Range<usize>) -> Self {
        if self.span.is_none() {
            self.span = Some(span);
        }
        self
    }
}

/// Parses TOML text and deserializes `T` from it (what `toml::from_str` does).
pub(crate) fn from_str<T: DeserializeOwned>(text: &str) -> Result<T, TomlError> {
    T::deserialize(parse(text)?)
}

/// Parses TOML text and reads `T` from it without serde (see [`super::read`]); the same
/// value and errors as [`from_str`].
pub(crate) fn read<T: FromPolicyValue>(text: &str) -> Result<T, TomlError> {
    T::from_value(parse(text)?)
}

fn parse(text: &str) -> Result<Value<'_>, TomlError> {
    let document = DeTable::parse(text).map_err(|error| TomlError {
        message: error.message().to_owned(),
        span: error.span(),
    })?;
    let span = document.span();
    Ok(Value {
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

/// A table key: always a string (field names, account ids, platforms). Its own small
/// deserializer, so field-name visitors do not get a copy of the value dispatch.
struct Key<'i>(DeString<'i>);

impl<'de> de::Deserializer<'de> for Key<'de> {
    type Error = TomlError;

    fn deserialize_any<V: de::Visitor<'de>>(self, visitor: V) -> Result<V::Value, TomlError> {
        match self.0 {
            Cow::Owned(text) => visitor.visit_string(text),
            Cow::Borrowed(text) => visitor.visit_borrowed_str(text),
        }
    }

    fn deserialize_enum<V: de::Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, TomlError> {
        visitor.visit_enum(self.0.into_deserializer())
    }

    serde::forward_to_deserialize_any! {
        bool u8 u16 u32 u64 u128 i8 i16 i32 i64 i128 f32 f64 char str string seq option
        bytes byte_buf map unit struct newtype_struct ignored_any unit_struct tuple_struct
        tuple identifier
    }
}

/// What a value shows a visitor, worked out outside the generic code so each visitor's
/// copy of `deserialize_any` is only the dispatch.
pub(super) enum Shown<'i> {
    Str(DeString<'i>),
    I64(i64),
    U64(u64),
    I128(i128),
    U128(u128),
    F64(f64),
    Bool(bool),
    Map(Table<'i>),
    Seq(Array<'i>),
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
            Shown::Map(Table::new(table))
        }
        DeValue::Array(items) => Shown::Seq(Array::new(items)),
        DeValue::Table(table) => Shown::Map(Table::new(table)),
    })
}

impl<'de> de::Deserializer<'de> for Value<'de> {
    type Error = TomlError;

    fn deserialize_any<V: de::Visitor<'de>>(self, visitor: V) -> Result<V::Value, TomlError> {
        let span = self.span;
        match show(self.value, &span) {
            Ok(Shown::Str(Cow::Owned(text))) => visitor.visit_string(text),
            Ok(Shown::Str(Cow::Borrowed(text))) => visitor.visit_borrowed_str(text),
            Ok(Shown::I64(v)) => visitor.visit_i64(v),
            Ok(Shown::U64(v)) => visitor.visit_u64(v),
            Ok(Shown::I128(v)) => visitor.visit_i128(v),
            Ok(Shown::U128(v)) => visitor.visit_u128(v),
            Ok(Shown::F64(v)) => visitor.visit_f64(v),
            Ok(Shown::Bool(v)) => visitor.visit_bool(v),
            Ok(Shown::Map(table)) => visitor.visit_map(table),
            Ok(Shown::Seq(array)) => visitor.visit_seq(array),
            Err(error) => Err(error),
        }
        .map_err(|e| e.or_span(span))
    }

    fn deserialize_option<V: de::Visitor<'de>>(self, visitor: V) -> Result<V::Value, TomlError> {
        // A present key is `Some`; a missing one never reaches the deserializer.
        let span = self.span.clone();
        visitor.visit_some(self).map_err(|e| e.or_span(span))
    }

    fn deserialize_newtype_struct<V: de::Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, TomlError> {
        let span = self.span.clone();
        visitor
            .visit_newtype_struct(self)
            .map_err(|e| e.or_span(span))
    }

    fn deserialize_enum<V: de::Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, TomlError> {
        let span = self.span;
        match self.value {
            DeValue::String(text) => visitor.visit_enum(text.into_deserializer()),
            DeValue::Table(table) => match table.len() {
                0 => Err(TomlError::at(
                    "wanted exactly 1 element, found 0 elements",
                    span.clone(),
                )),
                1 => visitor.visit_enum(Table::new(table)),
                _ => Err(TomlError::at(
                    "wanted exactly 1 element, more than 1 element",
                    span.clone(),
                )),
            },
            _ => Err(TomlError::at("wanted string or table", span.clone())),
        }
        .map_err(|e| e.or_span(span))
    }

    serde::forward_to_deserialize_any! {
        bool u8 u16 u32 u64 u128 i8 i16 i32 i64 i128 f32 f64 char str string seq
        bytes byte_buf map unit struct ignored_any unit_struct tuple_struct tuple identifier
    }
}

/// The entries of a table, handed to a visitor one by one.
pub(super) struct Table<'i> {
    pub(super) entries: <DeTable<'i> as IntoIterator>::IntoIter,
    /// The value of the key just handed out.
    pending: Option<Spanned<DeValue<'i>>>,
}

impl<'i> Table<'i> {
    fn new(table: DeTable<'i>) -> Self {
        Table {
            entries: table.into_iter(),
            pending: None,
        }
    }
}

impl<'de> de::MapAccess<'de> for Table<'de> {
    type Error = TomlError;

    fn next_key_seed<K: de::DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, TomlError> {
        let Some((key, value)) = self.entries.next() else {
            return Ok(None);
        };
        let key_span = key.span();
        self.pending = Some(value);
        let result = seed.deserialize(Key(key.into_inner()));
        result.map(Some).map_err(|e| e.or_span(key_span))
    }

    fn next_value_seed<V: de::DeserializeSeed<'de>>(
        &mut self,
        seed: V,
    ) -> Result<V::Value, TomlError> {
        match self.pending.take() {
            Some(value) => seed.deserialize(Value::new(value)),
            None => Err(de::Error::custom("a table value was read before its key")),
        }
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.entries.len())
    }
}

impl<'de> de::EnumAccess<'de> for Table<'de> {
    type Error = TomlError;
    type Variant = Value<'de>;

    fn variant_seed<V: de::DeserializeSeed<'de>>(
        mut self,
        seed: V,
    ) -> Result<(V::Value, Value<'de>), TomlError> {
        let Some((key, value)) = self.entries.next() else {
            return Err(de::Error::custom(
                "expected table with exactly 1 entry, found empty table",
            ));
        };
        let key_span = key.span();
        let variant = seed
            .deserialize(Key(key.into_inner()))
            .map_err(|e| e.or_span(key_span))?;
        Ok((variant, Value::new(value)))
    }
}

/// The value of an enum written as a one-entry table (`{ variant = value }`). Policy enums
/// have unit variants only, so the value must be empty, as toml requires.
impl<'de> de::VariantAccess<'de> for Value<'de> {
    type Error = TomlError;

    fn unit_variant(self) -> Result<(), TomlError> {
        let empty = match &self.value {
            DeValue::Array(items) => items.is_empty(),
            DeValue::Table(table) => table.is_empty(),
            other => {
                let message = format!("expected table, found {}", other.type_str());
                return Err(TomlError::at(&message, self.span));
            }
        };
        match (empty, &self.value) {
            (true, _) => Ok(()),
            (false, DeValue::Array(_)) => Err(TomlError::at("expected empty array", self.span)),
            (false, _) => Err(TomlError::at("expected empty table", self.span)),
        }
    }

    fn newtype_variant_seed<T: de::DeserializeSeed<'de>>(
        self,
        seed: T,
    ) -> Result<T::Value, TomlError> {
        seed.deserialize(self)
    }

    fn tuple_variant<V: de::Visitor<'de>>(
        self,
        _len: usize,
        _visitor: V,
    ) -> Result<V::Value, TomlError> {
        Err(de::Error::invalid_type(
            de::Unexpected::UnitVariant,
            &"tuple variant",
        ))
    }

    fn struct_variant<V: de::Visitor<'de>>(
        self,
        _fields: &'static [&'static str],
        _visitor: V,
    ) -> Result<V::Value, TomlError> {
        Err(de::Error::invalid_type(
            de::Unexpected::UnitVariant,
            &"struct variant",
        ))
    }
}

/// The items of an array, handed to a visitor one by one.
pub(super) struct Array<'i> {
    pub(super) items: std::vec::IntoIter<Spanned<DeValue<'i>>>,
}

impl<'i> Array<'i> {
    fn new(items: DeArray<'i>) -> Self {
        Array {
            items: items.into_iter(),
        }
    }
}

impl<'de> de::SeqAccess<'de> for Array<'de> {
    type Error = TomlError;

    fn next_element_seed<T: de::DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, TomlError> {
        match self.items.next() {
            Some(item) => seed.deserialize(Value::new(item)).map(Some),
            None => Ok(None),
        }
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.items.len())
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

    use super::*;
    use crate::policy::PolicyFile;

    /// The same outcome as `toml::from_str`, through serde and through `read`: the value,
    /// or the message and span.
    fn assert_same_as_toml(text: &str) {
        // Compared as debug text, so that a NaN setting equals itself.
        let toml =
            toml::from_str::<PolicyFile>(text).map_err(|e| (e.message().to_owned(), e.span()));
        let toml = format!("{toml:?}");
        let serde = from_str::<PolicyFile>(text).map_err(|e| (e.message, e.span));
        assert_eq!(format!("{serde:?}"), toml, "serde, policy:\n{text}");
        let read = read::<PolicyFile>(text).map_err(|e| (e.message, e.span));
        assert_eq!(format!("{read:?}"), toml, "read, policy:\n{text}");
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
            assert_same_as_toml(text);
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
            assert_same_as_toml(text);
        }
    }

    #[test]
    fn shipped_policies_match_toml() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../policies");
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "toml") {
                assert_same_as_toml(&std::fs::read_to_string(&path).unwrap());
            }
        }
    }
}
