//! Layering of settings: `extends` chains and account-kind/account overrides.
//!
//! A value set in the more specific layer wins as a whole; tables are merged key by key,
//! so an account can change a rule's severity without restating its parameters.

use std::collections::BTreeMap;

/// Overlay `other` (the more specific layer) onto `self`.
pub(crate) trait Merge {
    /// Merge `other` into `self`; values present in `other` win.
    fn overlay(&mut self, other: Self);
}

impl<T> Merge for Option<T> {
    fn overlay(&mut self, other: Self) {
        if other.is_some() {
            *self = other;
        }
    }
}

impl<K: Ord, V: Merge> Merge for BTreeMap<K, V> {
    fn overlay(&mut self, other: Self) {
        for (key, value) in other {
            match self.get_mut(&key) {
                Some(existing) => existing.overlay(value),
                None => {
                    self.insert(key, value);
                }
            }
        }
    }
}

/// Overlays an optional table: both present → merged key by key, otherwise the present one.
pub(crate) fn overlay_table<T: Merge>(slot: &mut Option<T>, other: Option<T>) {
    match (slot.as_mut(), other) {
        (Some(existing), Some(other)) => existing.overlay(other),
        (None, Some(other)) => *slot = Some(other),
        (_, None) => {}
    }
}

/// Implements [`Merge`] for a struct by merging each listed field.
macro_rules! merge_fields {
    ($ty:ty { $($field:ident),* $(,)? }) => {
        impl $crate::config::merge::Merge for $ty {
            fn overlay(&mut self, other: Self) {
                $( $crate::config::merge::Merge::overlay(&mut self.$field, other.$field); )*
            }
        }
    };
}
pub(crate) use merge_fields;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn specific_layer_wins_and_tables_merge_per_key() {
        let mut base: BTreeMap<&str, Option<u32>> =
            BTreeMap::from([("a", Some(1)), ("b", Some(2))]);
        base.overlay(BTreeMap::from([
            ("b", Some(20)),
            ("c", Some(3)),
            ("a", None),
        ]));
        assert_eq!(
            base,
            BTreeMap::from([("a", Some(1)), ("b", Some(20)), ("c", Some(3))])
        );
    }
}
