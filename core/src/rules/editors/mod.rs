//! `editors.*`: who writes for an account — its editors, and a private profile only its
//! owner ("keine Administration durch außen", Stadt Paderborn, Social-Media-Strategie
//! 2021).
pub(crate) mod author_missing;
pub(crate) mod not_editor;
pub(crate) mod private_outsider;

use crate::rules::CheckContext;

/// The draft's author, if it names a non-blank one.
pub(crate) fn author<'a>(cx: &CheckContext<'a>) -> Option<&'a str> {
    cx.draft
        .author
        .as_deref()
        .map(str::trim)
        .filter(|author| !author.is_empty())
}
