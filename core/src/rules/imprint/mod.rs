//! `imprint.*`: the provider identification (Impressum) that §5 DDG and §18 MStV require.
pub(crate) mod per_post;
pub(crate) mod private;
pub(crate) mod profile;

use url::Url;

use crate::text::links::same_page;

/// Whether a URL leads to one of `imprints`.
pub(crate) fn is_imprint(url: Option<&Url>, imprints: &[Url]) -> bool {
    url.is_some_and(|url| imprints.iter().any(|imprint| same_page(url, imprint)))
}
