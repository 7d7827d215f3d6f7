//! `length.*`: the draft fits every target platform.
pub(crate) mod fold;
pub(crate) mod limit;
