//! `links.*`: links that are safe, transparent and accepted by the platform.
pub(crate) mod allowed_domains;
pub(crate) mod https;
pub(crate) mod max;
pub(crate) mod shortener;
