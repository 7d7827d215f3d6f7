//! `length.*`: the draft fits every target platform.
pub(crate) mod limit;
