//! `hashtags.*`: how many hashtags, and hashtags people and screen readers can read.
pub(crate) mod camel_case;
pub(crate) mod duplicate;
pub(crate) mod max;
