//! `links.*`: links that are safe, transparent and accepted by the platform.
pub(crate) mod allowed_domains;
pub(crate) mod https;
pub(crate) mod max;
pub(crate) mod shortener;

use crate::config::localized;
use crate::rules::SettingError;
use crate::text::links::{host_within, normalize_domain};

/// A domain from a policy list: as written (for messages) and as hosts are compared.
pub(crate) struct PolicyDomain {
    pub written: String,
    pub ascii: String,
}

/// Validates and normalises a policy's domain list; a URL or a bare word is refused with a
/// message that names it.
pub(crate) fn compile_domains(
    domains: Option<&Vec<String>>,
) -> Result<Vec<PolicyDomain>, SettingError> {
    domains
        .into_iter()
        .flatten()
        .enumerate()
        .map(|(index, written)| match normalize_domain(written) {
            Some(ascii) => Ok(PolicyDomain { written: written.clone(), ascii }),
            None => Err(SettingError {
                key: "domains",
                entry: Some(index),
                message: localized!(
                    de: "`{written}` ist kein Domainname (z. B. `paderborn.de`, ohne `https://` und Pfad)",
                    en: "`{written}` is not a domain name (e.g. `paderborn.de`, without `https://` and path)",
                ),
            }),
        })
        .collect()
}

/// The first policy domain that `host` lies within.
pub(crate) fn find_domain<'a>(domains: &'a [PolicyDomain], host: &str) -> Option<&'a PolicyDomain> {
    domains
        .iter()
        .find(|domain| host_within(host, &domain.ascii))
}
