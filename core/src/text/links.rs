//! Helpers to compare the URLs found in a post with policy URLs and domain lists.

use url::Url;

/// Parses an extracted URL; twitter-text also finds URLs without scheme
/// (`paderborn.de/impressum`), which browsers open as `https://`.
pub(crate) fn parse_link(text: &str) -> Option<Url> {
    let has_scheme = text.get(..8).is_some_and(|head| {
        let head = head.to_ascii_lowercase();
        head.starts_with("http://") || head.starts_with("https://")
    });
    if has_scheme {
        Url::parse(text).ok()
    } else {
        Url::parse(&format!("https://{text}")).ok()
    }
}

/// A policy domain in the form URL hosts have: lowercase, internationalised names in
/// punycode (`stadt-düsseldorf.de` → `xn--stadt-dsseldorf-5vb.de`), no `*.` prefix.
pub(crate) fn normalize_domain(domain: &str) -> Option<String> {
    let domain = domain.trim().trim_start_matches("*.").trim_end_matches('.');
    if domain.is_empty() || domain.contains(['/', ' ', ':', '@']) || !domain.contains('.') {
        return None;
    }
    let url = Url::parse(&format!("https://{domain}/")).ok()?;
    url.host_str().map(str::to_owned)
}

/// Whether `host` is `domain` or one of its subdomains (`www.paderborn.de` ⊂ `paderborn.de`).
pub(crate) fn host_within(host: &str, domain: &str) -> bool {
    let host = host.trim_end_matches('.');
    let domain = domain.trim_end_matches('.').trim_start_matches("*.");
    host.eq_ignore_ascii_case(domain)
        || (host.len() > domain.len()
            && host.as_bytes()[host.len() - domain.len() - 1] == b'.'
            && host[host.len() - domain.len()..].eq_ignore_ascii_case(domain))
}

/// Whether two URLs name the same page: scheme, `www.`, letter case of the host, a trailing
/// slash, query and fragment do not matter (users write the imprint link many ways).
pub(crate) fn same_page(a: &Url, b: &Url) -> bool {
    let key = |url: &Url| {
        let host = url.host_str().unwrap_or_default().to_ascii_lowercase();
        let host = host.strip_prefix("www.").unwrap_or(&host).to_owned();
        (host, url.path().trim_end_matches('/').to_owned())
    };
    key(a) == key(b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn imprint_links_match_however_they_are_written() {
        let imprint = parse_link("https://www.paderborn.de/impressum").unwrap();
        for written in [
            "paderborn.de/impressum",
            "http://WWW.Paderborn.de/impressum/",
            "https://paderborn.de/impressum#top",
        ] {
            assert!(
                same_page(&imprint, &parse_link(written).unwrap()),
                "{written}"
            );
        }
        assert!(!same_page(
            &imprint,
            &parse_link("https://www.paderborn.de/datenschutz").unwrap()
        ));
    }

    #[test]
    fn policy_domains_are_normalised_like_hosts() {
        assert_eq!(
            normalize_domain("Stadt-Düsseldorf.de").as_deref(),
            Some("xn--stadt-dsseldorf-5vb.de")
        );
        assert_eq!(
            normalize_domain("*.paderborn.de").as_deref(),
            Some("paderborn.de")
        );
        assert_eq!(normalize_domain("https://paderborn.de"), None);
        assert_eq!(normalize_domain("paderborn"), None);
    }

    #[test]
    fn subdomains_are_within_but_lookalikes_are_not() {
        assert!(host_within("www.paderborn.de", "paderborn.de"));
        assert!(host_within("paderborn.de", "paderborn.de"));
        assert!(!host_within("evilpaderborn.de", "paderborn.de"));
        assert!(!host_within("de", "paderborn.de"));
    }
}
