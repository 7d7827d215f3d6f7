//! `separation.*`: official and private profiles stay apart, and so do their channels.
pub(crate) mod unlisted_platform;
