//! Policy structs read from the parsed TOML without serde derive.
//!
//! serde derive gives every struct its own `visit_map`, and each one inlines the value
//! dispatch of every field type: with 53 rule settings structs that was a third of the
//! WebAssembly module's own code. Here a struct is a list of key names and a setter per
//! field ([`policy_struct!`]), one non-generic function walks its table, and each field
//! type has one small reader. Values, messages and spans are those of serde derive
//! (`deny_unknown_fields`) under `toml::from_str`, so "did you mean" and line:column stay
//! as they were; `de::tests` compares the two on every case (the structs keep their
//! `Deserialize` derive for that and for other formats).

use std::collections::BTreeMap;
use std::ops::Range;

use serde::de::{Error as _, Unexpected};
use toml::Spanned;
use toml::de::{DeString, DeValue};

use super::de::{Shown, TomlError, Value};

/// A type read from one TOML value.
pub(crate) trait FromPolicyValue: Sized {
    /// Reads the value as serde's `Deserialize` for the type would.
    fn from_value(value: Value<'_>) -> Result<Self, TomlError>;
}

/// A type read from a table key (`[accounts.<id>]`, `[platform-settings.<platform>]`).
pub(crate) trait FromPolicyKey: Sized {
    /// Reads the key; the caller places errors at the key.
    fn from_key(key: DeString<'_>) -> Result<Self, TomlError>;
}

/// serde's "invalid type" error for a value a reader does not accept, worded as the
/// visitor's default method for that kind of value words it.
fn invalid_type(shown: &Shown<'_>, expected: &str) -> TomlError {
    let wide;
    let unexpected = match shown {
        Shown::Str(text) => Unexpected::Str(text),
        Shown::I64(v) => Unexpected::Signed(*v),
        Shown::U64(v) => Unexpected::Unsigned(*v),
        Shown::I128(v) => {
            wide = format!("integer `{v}` as i128");
            Unexpected::Other(&wide)
        }
        Shown::U128(v) => {
            wide = format!("integer `{v}` as u128");
            Unexpected::Other(&wide)
        }
        Shown::F64(v) => Unexpected::Float(*v),
        Shown::Bool(v) => Unexpected::Bool(*v),
        Shown::Map(_) => Unexpected::Map,
        Shown::Seq(_) => Unexpected::Seq,
    };
    TomlError::invalid_type(unexpected, &expected)
}

/// Reads a value through `accept`, which sees what the value shows. Errors without a place
/// get the value's span, as `deserialize_any` gives them.
fn read_shown<T>(
    value: Value<'_>,
    accept: impl FnOnce(Shown<'_>) -> Result<T, TomlError>,
) -> Result<T, TomlError> {
    let (span, shown) = value.into_shown();
    shown.and_then(accept).map_err(|e| e.or_span(span))
}

impl FromPolicyValue for bool {
    fn from_value(value: Value<'_>) -> Result<Self, TomlError> {
        read_shown(value, |shown| match shown {
            Shown::Bool(v) => Ok(v),
            other => Err(invalid_type(&other, "a boolean")),
        })
    }
}

impl FromPolicyValue for String {
    fn from_value(value: Value<'_>) -> Result<Self, TomlError> {
        read_shown(value, |shown| match shown {
            Shown::Str(text) => Ok(text.into_owned()),
            other => Err(invalid_type(&other, "a string")),
        })
    }
}

impl FromPolicyValue for f64 {
    fn from_value(value: Value<'_>) -> Result<Self, TomlError> {
        // serde's f64 takes any 64-bit integer as well.
        read_shown(value, |shown| match shown {
            Shown::F64(v) => Ok(v),
            Shown::I64(v) => Ok(v as f64),
            Shown::U64(v) => Ok(v as f64),
            other => Err(invalid_type(&other, "f64")),
        })
    }
}

impl FromPolicyValue for u32 {
    fn from_value(value: Value<'_>) -> Result<Self, TomlError> {
        read_shown(value, |shown| match shown {
            Shown::I64(v) => u32::try_from(v)
                .map_err(|_| TomlError::invalid_value(Unexpected::Signed(v), &"u32")),
            Shown::U64(v) => u32::try_from(v)
                .map_err(|_| TomlError::invalid_value(Unexpected::Unsigned(v), &"u32")),
            other => Err(invalid_type(&other, "u32")),
        })
    }
}

impl FromPolicyValue for u64 {
    fn from_value(value: Value<'_>) -> Result<Self, TomlError> {
        read_shown(value, |shown| match shown {
            Shown::U64(v) => Ok(v),
            Shown::I64(v) => u64::try_from(v)
                .map_err(|_| TomlError::invalid_value(Unexpected::Signed(v), &"u64")),
            other => Err(invalid_type(&other, "u64")),
        })
    }
}

impl<T: FromPolicyValue> FromPolicyValue for Option<T> {
    fn from_value(value: Value<'_>) -> Result<Self, TomlError> {
        // A present key is `Some`; a missing one never gets here.
        T::from_value(value).map(Some)
    }
}

impl<T: FromPolicyValue> FromPolicyValue for Vec<T> {
    fn from_value(value: Value<'_>) -> Result<Self, TomlError> {
        let mut items = Vec::new();
        read_seq(value, &mut |item| {
            items.push(T::from_value(item)?);
            Ok(())
        })?;
        Ok(items)
    }
}

fn read_seq(
    value: Value<'_>,
    each: &mut dyn FnMut(Value<'_>) -> Result<(), TomlError>,
) -> Result<(), TomlError> {
    read_shown(value, |shown| match shown {
        Shown::Seq(items) => TomlError::gather(
            items
                .into_iter()
                .filter_map(|item| each(Value::new(item)).err())
                .collect(),
        ),
        other => Err(invalid_type(&other, "a sequence")),
    })
}

impl<K: FromPolicyKey + Ord, V: FromPolicyValue> FromPolicyValue for BTreeMap<K, V> {
    fn from_value(value: Value<'_>) -> Result<Self, TomlError> {
        let mut map = BTreeMap::new();
        read_map(value, &mut |key, value| {
            let key_span = key.span();
            let key = K::from_key(key.into_inner()).map_err(|e| e.or_span(key_span))?;
            // A later entry wins, as in serde's map visitor.
            map.insert(key, V::from_value(value)?);
            Ok(())
        })?;
        Ok(map)
    }
}

/// A table key with its span.
type Key<'i> = Spanned<DeString<'i>>;

fn read_map(
    value: Value<'_>,
    each: &mut dyn FnMut(Key<'_>, Value<'_>) -> Result<(), TomlError>,
) -> Result<(), TomlError> {
    read_shown(value, |shown| match shown {
        Shown::Map(table) => TomlError::gather(
            table
                .into_iter()
                .filter_map(|(key, value)| each(key, Value::new(value)).err())
                .collect(),
        ),
        other => Err(invalid_type(&other, "a map")),
    })
}

impl FromPolicyKey for String {
    fn from_key(key: DeString<'_>) -> Result<Self, TomlError> {
        Ok(key.into_owned())
    }
}

/// A struct's key names (serde's `FIELDS`, in declaration order) and which keys it needs.
pub(crate) struct Shape {
    /// What serde derive expects: `struct Settings`.
    pub expecting: &'static str,
    /// The keys, in declaration order (messages list them in this order).
    pub fields: &'static [&'static str],
    /// Per key: whether it has no default.
    pub required: &'static [bool],
}

/// Reads a struct: a table (unknown keys are errors) or, as serde derive also allows, an
/// array with the fields in order. `set` stores field `index`; required fields that are
/// missing are errors.
pub(crate) fn read_struct(
    value: Value<'_>,
    shape: &Shape,
    set: &mut dyn FnMut(usize, Value<'_>) -> Result<(), TomlError>,
) -> Result<(), TomlError> {
    read_shown(value, |shown| read_fields(shown, shape, set))
}

fn read_fields(
    shown: Shown<'_>,
    shape: &Shape,
    set: &mut dyn FnMut(usize, Value<'_>) -> Result<(), TomlError>,
) -> Result<(), TomlError> {
    match shown {
        Shown::Map(table) => {
            // Every key is read even after an error, so that one run reports them all.
            let mut errors = Vec::new();
            let mut seen = vec![false; shape.fields.len()];
            for (key, value) in table {
                let name: &str = key.get_ref();
                let found = shape.fields.iter().position(|field| *field == name);
                let (Some(index), Some(slot)) = (found, found.and_then(|i| seen.get_mut(i))) else {
                    errors.push(TomlError::unknown_field(name, shape.fields).or_span(key.span()));
                    continue;
                };
                if *slot {
                    errors.push(duplicate(shape, index));
                    continue;
                }
                *slot = true;
                if let Err(error) = set(index, Value::new(value)) {
                    errors.push(error);
                }
            }
            errors.extend(
                shape
                    .required
                    .iter()
                    .zip(seen)
                    .enumerate()
                    .filter(|&(_, (&required, seen))| required && !seen)
                    .map(|(index, _)| missing(shape, index)),
            );
            TomlError::gather(errors)
        }
        Shown::Seq(items) => {
            let mut items = items.into_iter();
            for (index, &required) in shape.required.iter().enumerate() {
                match items.next() {
                    Some(item) => set(index, Value::new(item))?,
                    None if required => {
                        let count = shape.fields.len();
                        let plural = if count == 1 { "" } else { "s" };
                        let expected = format!("{} with {count} element{plural}", shape.expecting);
                        return Err(TomlError::invalid_length(index, &expected.as_str()));
                    }
                    None => {}
                }
            }
            Ok(())
        }
        other => Err(invalid_type(&other, shape.expecting)),
    }
}

fn duplicate(shape: &Shape, index: usize) -> TomlError {
    TomlError::duplicate_field(shape.fields.get(index).copied().unwrap_or_default())
}

fn missing(shape: &Shape, index: usize) -> TomlError {
    TomlError::missing_field(shape.fields.get(index).copied().unwrap_or_default())
}

/// A required field after [`read_struct`], which has already refused a missing one.
pub(crate) fn required<T>(slot: Option<T>, shape: &Shape, index: usize) -> Result<T, TomlError> {
    slot.ok_or_else(|| missing(shape, index))
}

/// Turns a snake_case field name into its kebab-case key at compile time.
pub(crate) const fn kebab<const N: usize>(snake: &str) -> [u8; N] {
    let bytes = snake.as_bytes();
    let mut out = [0; N];
    let mut i = 0;
    while i < N && i < bytes.len() {
        out[i] = if bytes[i] == b'_' { b'-' } else { bytes[i] };
        i += 1;
    }
    out
}

/// The key of a field: kebab-case of its name, or the name given with `as`.
macro_rules! key_name {
    ($field:ident) => {{
        const SNAKE: &str = stringify!($field);
        const BYTES: [u8; SNAKE.len()] = $crate::config::read::kebab(SNAKE);
        const NAME: &str = match ::core::str::from_utf8(&BYTES) {
            Ok(name) => name,
            Err(_) => SNAKE,
        };
        NAME
    }};
    ($field:ident $key:literal) => {
        $key
    };
}
pub(crate) use key_name;

/// Implements [`FromPolicyValue`] for a struct as serde derive with `deny_unknown_fields`
/// and `rename_all = "kebab-case"` reads it. Fields are listed in declaration order; a
/// field without `: required` is `#[serde(default)]`; `as "key"` renames one. With a
/// leading `merge` the struct also gets [`Merge`](crate::config::merge::Merge) field by
/// field.
macro_rules! policy_struct {
    (merge $ty:ident { $( $field:ident ),* $(,)? }) => {
        $crate::config::merge::merge_fields!($ty { $( $field ),* });
        $crate::config::read::policy_struct!($ty { $( $field ),* });
    };
    ($ty:ident { $( $field:ident $(as $key:literal)? ),* $(,)? }) => {
        // Every field has a default: values go straight into a default struct.
        impl $crate::config::read::FromPolicyValue for $ty {
            fn from_value(
                value: $crate::config::de::Value<'_>,
            ) -> ::std::result::Result<Self, $crate::config::de::TomlError> {
                static SHAPE: $crate::config::read::Shape =
                    $crate::config::read::policy_struct!(@shape $ty { $( $field $(as $key)? ),* });
                let mut out = <$ty as ::std::default::Default>::default();
                $crate::config::read::read_struct(value, &SHAPE, &mut |index, value| {
                    let mut field_index = 0;
                    $(
                        if index == field_index {
                            out.$field = $crate::config::read::FromPolicyValue::from_value(value)?;
                            return Ok(());
                        }
                        field_index += 1;
                    )*
                    let _ = field_index;
                    Ok(())
                })?;
                Ok(out)
            }
        }
    };
    ($ty:ident { $( $field:ident $(as $key:literal)? $(: $required:ident)? ),* $(,)? }) => {
        impl $crate::config::read::FromPolicyValue for $ty {
            fn from_value(
                value: $crate::config::de::Value<'_>,
            ) -> ::std::result::Result<Self, $crate::config::de::TomlError> {
                static SHAPE: $crate::config::read::Shape = $crate::config::read::policy_struct!(
                    @shape $ty { $( $field $(as $key)? $(: $required)? ),* }
                );
                $( let mut $field = None; )*
                $crate::config::read::read_struct(value, &SHAPE, &mut |index, value| {
                    let mut field_index = 0;
                    $(
                        if index == field_index {
                            $field = Some($crate::config::read::FromPolicyValue::from_value(value)?);
                            return Ok(());
                        }
                        field_index += 1;
                    )*
                    let _ = field_index;
                    Ok(())
                })?;
                let mut field_index = 0;
                $( let $field = $crate::config::read::policy_struct!(
                    @finish $field SHAPE field_index $($required)?
                ); field_index += 1; )*
                let _ = field_index;
                Ok($ty { $( $field ),* })
            }
        }
    };
    (@shape $ty:ident { $( $field:ident $(as $key:literal)? $(: $required:ident)? ),* }) => {
        $crate::config::read::Shape {
            expecting: concat!("struct ", stringify!($ty)),
            fields: &[$( $crate::config::read::key_name!($field $($key)?) ),*],
            required: &[$( $crate::config::read::policy_struct!(@required $($required)?) ),*],
        }
    };
    (@required) => { false };
    (@required required) => { true };
    (@finish $field:ident $shape:ident $index:ident) => { $field.unwrap_or_default() };
    (@finish $field:ident $shape:ident $index:ident required) => {
        $crate::config::read::required($field, &$shape, $index)?
    };
}
pub(crate) use policy_struct;

/// Which variant a value names, read as serde derive reads a unit-only enum through toml:
/// a string, or a one-entry table whose value is empty (`{ official = {} }`).
pub(crate) fn read_variant(
    value: Value<'_>,
    variants: &'static [&'static str],
) -> Result<usize, TomlError> {
    let (span, raw) = value.into_parts();
    let variant = |name: &str, at: &Range<usize>| {
        key_variant(name, variants).map_err(|e| e.or_span(at.clone()))
    };
    match raw {
        DeValue::String(text) => variant(&text, &span),
        DeValue::Table(table) => match table.len() {
            0 => Err(TomlError::at(
                "wanted exactly 1 element, found 0 elements",
                span.clone(),
            )),
            1 => match table.into_iter().next() {
                Some((key, value)) => {
                    let index = variant(key.get_ref(), &key.span())?;
                    unit_variant(Value::new(value)).map(|()| index)
                }
                None => Err(TomlError::custom(
                    "expected table with exactly 1 entry, found empty table",
                )),
            },
            _ => Err(TomlError::at(
                "wanted exactly 1 element, more than 1 element",
                span.clone(),
            )),
        },
        _ => Err(TomlError::at("wanted string or table", span.clone())),
    }
    .map_err(|e| e.or_span(span))
}

/// The value of a variant written as a one-entry table: policy enums have unit variants
/// only, so it must be empty, as toml requires.
fn unit_variant(value: Value<'_>) -> Result<(), TomlError> {
    let (span, raw) = value.into_parts();
    match raw {
        DeValue::Array(items) if items.is_empty() => Ok(()),
        DeValue::Table(table) if table.is_empty() => Ok(()),
        DeValue::Array(_) => Err(TomlError::at("expected empty array", span)),
        DeValue::Table(_) => Err(TomlError::at("expected empty table", span)),
        other => {
            let message = format!("expected table, found {}", other.type_str());
            Err(TomlError::at(&message, span))
        }
    }
}

/// The index of the variant named `key`, or serde's "unknown variant" error.
pub(crate) fn key_variant(
    key: &str,
    variants: &'static [&'static str],
) -> Result<usize, TomlError> {
    variants
        .iter()
        .position(|v| *v == key)
        .ok_or_else(|| TomlError::unknown_variant(key, variants))
}

/// Implements [`FromPolicyValue`] and [`FromPolicyKey`] for a unit-only enum; the names
/// in declaration order, as serde names them.
macro_rules! policy_enum {
    ($ty:ident { $( $name:literal => $variant:ident ),* $(,)? }) => {
        impl $ty {
            const POLICY_NAMES: &'static [&'static str] = &[$( $name ),*];
            const POLICY_VALUES: &'static [$ty] = &[$( $ty::$variant ),*];

            fn policy_variant(index: usize) -> Result<$ty, $crate::config::de::TomlError> {
                Self::POLICY_VALUES.get(index).copied().ok_or_else(|| {
                    <$crate::config::de::TomlError as ::serde::de::Error>::custom(
                        "unknown variant index",
                    )
                })
            }
        }
        impl $crate::config::read::FromPolicyValue for $ty {
            fn from_value(
                value: $crate::config::de::Value<'_>,
            ) -> Result<Self, $crate::config::de::TomlError> {
                $crate::config::read::read_variant(value, Self::POLICY_NAMES)
                    .and_then(Self::policy_variant)
            }
        }
        impl $crate::config::read::FromPolicyKey for $ty {
            fn from_key(
                key: ::toml::de::DeString<'_>,
            ) -> Result<Self, $crate::config::de::TomlError> {
                $crate::config::read::key_variant(&key, Self::POLICY_NAMES)
                    .and_then(Self::policy_variant)
            }
        }
    };
}
pub(crate) use policy_enum;
