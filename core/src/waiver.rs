//! Accepted exceptions: which findings a draft's `waivers` let stand under the policy's
//! `[waivers]` table, and the `approval.waiver-refused` / `approval.waiver-unused`
//! findings about waivers that do not count or cover nothing. Runs after every rule,
//! since it looks at their findings.

use crate::account::{People, login_key};
use crate::config::localized;
use crate::draft::{Draft, Waiver};
use crate::error::{InputError, InputErrorKind};
use crate::lang::Lang;
use crate::report::{Diagnostic, Waived};
use crate::rules::approval::waiver_refused::{self, Refusal};
use crate::rules::approval::waiver_unused;
use crate::rules::{Finding, all_rules};
use crate::text::offsets::Span;

/// Id of the rule that reports waivers that do not count.
pub(crate) const REFUSED: &str = "approval.waiver-refused";
/// Id of the rule that reports waivers that cover nothing.
pub(crate) const UNUSED: &str = "approval.waiver-unused";

/// A rule id or a family glob (`address.*`), as waivers and `not-waivable` write them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum RulePattern {
    /// One rule, by its id.
    Rule(&'static str),
    /// Every rule of a family (the part before the dot).
    Family(&'static str),
}

impl RulePattern {
    /// The pattern `written` names, or `None` if no rule has that id or family.
    pub fn parse(written: &str) -> Option<RulePattern> {
        let written = written.trim();
        match written.strip_suffix(".*") {
            Some(family) => all_rules()
                .filter_map(|rule| rule.id.split_once('.').map(|(f, _)| f))
                .find(|f| *f == family)
                .map(RulePattern::Family),
            None => all_rules()
                .find(|rule| rule.id == written)
                .map(|rule| RulePattern::Rule(rule.id)),
        }
    }

    /// Whether the rule `id` falls under the pattern.
    pub fn matches(self, id: &str) -> bool {
        match self {
            RulePattern::Rule(rule) => rule == id,
            RulePattern::Family(family) => id.split_once('.').is_some_and(|(f, _)| f == family),
        }
    }
}

/// The policy's `[waivers]` table, resolved.
#[derive(Debug, Clone, Default)]
pub(crate) struct WaiverPolicy {
    /// A waiver by the draft's author does not count.
    pub four_eyes: bool,
    /// Rules no waiver lets stand.
    pub not_waivable: Vec<RulePattern>,
    /// Who may waive; `None`: anyone.
    pub allowed_by: Option<People>,
}

impl WaiverPolicy {
    /// Why `waiver` does not count for a finding of `rule` in `draft`, or `None` if it does.
    fn refusal(&self, draft: &Draft, waiver: &Waiver, rule: &str) -> Option<Refusal> {
        let by = login_key(&waiver.by);
        let author = draft
            .author
            .as_deref()
            .map(login_key)
            .filter(|a| !a.is_empty());
        if self
            .not_waivable
            .iter()
            .any(|pattern| pattern.matches(rule))
        {
            Some(Refusal::NotWaivable)
        } else if self.four_eyes && author.is_none() {
            Some(Refusal::NoAuthor)
        } else if self.four_eyes && author.as_deref() == Some(by.as_str()) {
            Some(Refusal::ByAuthor)
        } else {
            let allowed = self.allowed_by.as_ref()?;
            (!allowed.contains(&by)).then(|| Refusal::NotAllowed {
                allowed: allowed.quoted(),
            })
        }
    }
}

/// The rule pattern of every waiver of `draft`, in order; an input error for a waiver
/// that names no known rule, gives no reason or names nobody.
pub(crate) fn read(draft: &Draft) -> Result<Vec<RulePattern>, InputError> {
    draft
        .waivers
        .iter()
        .map(|waiver| {
            let rule = waiver.rule.trim();
            let pattern = RulePattern::parse(rule).ok_or_else(|| {
                let unknown = crate::rules::unknown_rule(rule, "`docs/rules.md`");
                InputError::new(InputErrorKind::InvalidDraft, unknown.message, unknown.help)
            })?;
            if waiver.reason.trim().is_empty() {
                return Err(InputError::new(
                    InputErrorKind::InvalidDraft,
                    localized!(
                        de: "Die Ausnahme für `{rule}` nennt keinen Grund",
                        en: "the waiver for `{rule}` gives no `reason`",
                    ),
                    localized!(
                        de: "`reason` angeben, z. B. `\"Zitat einer Bürgerin\"`",
                        en: "give a `reason`, e.g. `\"quote of a citizen\"`",
                    ),
                ));
            }
            if waiver.by.trim().is_empty() {
                return Err(InputError::new(
                    InputErrorKind::InvalidDraft,
                    localized!(
                        de: "Die Ausnahme für `{rule}` nennt unter `by` niemanden",
                        en: "the waiver for `{rule}` names nobody under `by`",
                    ),
                    localized!(
                        de: "Den Login der Person angeben, die die Ausnahme erteilt",
                        en: "give the login of the person who waives the finding",
                    ),
                ));
            }
            if waiver.words.as_deref().is_some_and(str::is_empty) {
                return Err(InputError::new(
                    InputErrorKind::InvalidDraft,
                    localized!(
                        de: "Die Ausnahme für `{rule}` hat leere `words`",
                        en: "the waiver for `{rule}` has empty `words`",
                    ),
                    localized!(
                        de: "`words` weglassen (dann gilt sie für jeden Befund der Regel) oder die Wörter angeben",
                        en: "leave out `words` (to cover every finding of the rule) or give the words",
                    ),
                ));
            }
            Ok(pattern)
        })
        .collect()
}

/// Marks the findings the draft's waivers let stand and returns the findings about
/// waivers that do not count (`approval.waiver-refused`, at the finding they cover) or
/// cover nothing (`approval.waiver-unused`), with their rule ids. `patterns` are
/// [`read`]'s for the same draft.
pub(crate) fn apply(
    policy: &WaiverPolicy,
    draft: &Draft,
    patterns: &[RulePattern],
    diagnostics: &mut [Diagnostic],
    lang: Lang,
) -> Vec<(&'static str, Finding)> {
    let text = draft.text.as_str();
    // Per waiver, the byte ranges of its words in the text (`None`: no words given).
    let places: Vec<Option<Vec<(usize, usize)>>> = draft
        .waivers
        .iter()
        .map(|waiver| {
            let words = waiver.words.as_deref()?;
            Some(
                text.match_indices(words)
                    .map(|(start, found)| (start, start + found.len()))
                    .collect(),
            )
        })
        .collect();
    let covers = |index: usize, diagnostic: &Diagnostic| {
        let pattern_matches = patterns
            .get(index)
            .is_some_and(|pattern| pattern.matches(&diagnostic.rule));
        let is_about_waivers = diagnostic.rule == REFUSED || diagnostic.rule == UNUSED;
        pattern_matches
            && !is_about_waivers
            && match places.get(index) {
                Some(Some(places)) => diagnostic.span.is_some_and(|span| on_words(&span, places)),
                _ => true,
            }
    };

    let mut used = vec![false; draft.waivers.len()];
    let mut refusals = Vec::new();
    for diagnostic in diagnostics.iter_mut() {
        let mut refused = Vec::new();
        for (index, waiver) in draft.waivers.iter().enumerate() {
            if !covers(index, diagnostic) {
                continue;
            }
            if let Some(flag) = used.get_mut(index) {
                *flag = true;
            }
            match policy.refusal(draft, waiver, &diagnostic.rule) {
                None if diagnostic.waived.is_none() => {
                    diagnostic.waived = Some(Box::new(Waived {
                        by: waiver.by.trim().to_owned(),
                        reason: waiver.reason.trim().to_owned(),
                        at: waiver.at,
                    }));
                }
                None => {}
                Some(refusal) => refused.push((refusal, waiver)),
            }
        }
        // A refused waiver matters only while no other waiver lets the finding stand.
        if diagnostic.waived.is_some() {
            continue;
        }
        for (refusal, waiver) in refused {
            let mut finding = waiver_refused::finding(&refusal, &waiver.by, &diagnostic.rule, lang);
            finding.span = diagnostic.span.map(|span| (span.start, span.end));
            finding.platform = diagnostic.platform;
            refusals.push((REFUSED, finding));
        }
    }
    let unused = draft
        .waivers
        .iter()
        .zip(&used)
        .zip(&places)
        .filter(|((_, used), _)| !**used)
        .map(|((waiver, _), places)| {
            let missing = places
                .as_ref()
                .filter(|places| places.is_empty())
                .and(waiver.words.as_deref());
            (
                UNUSED,
                waiver_unused::finding(waiver.rule.trim(), missing, lang),
            )
        });
    refusals.extend(unused);
    refusals
}

/// Whether a finding at `span` lies on one of the words' `places`: the ranges overlap, or
/// an empty span sits inside one.
fn on_words(span: &Span, places: &[(usize, usize)]) -> bool {
    places.iter().any(|&(start, end)| {
        if span.start == span.end {
            start <= span.start && span.start <= end
        } else {
            span.start < end && start < span.end
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::policy::{Policy, PolicyErrorKind};

    const ACCOUNT: &str = "[accounts.stadt]\nkind = \"official\"\nplatforms = [\"facebook\"]\n";

    #[test]
    fn patterns_are_ids_or_family_globs_of_known_rules() {
        assert_eq!(
            RulePattern::parse(" address.informal "),
            Some(RulePattern::Rule("address.informal"))
        );
        let family = RulePattern::parse("address.*");
        assert_eq!(family, Some(RulePattern::Family("address")));
        assert!(family.is_some_and(|f| f.matches("address.mixed") && !f.matches("addresses.x")));
        assert_eq!(RulePattern::parse("adress.*"), None);
        assert_eq!(RulePattern::parse("*"), None);
        assert_eq!(RulePattern::parse("address"), None);
    }

    /// Line, English message and help of the policy's first error.
    fn refusal(policy: &str) -> (PolicyErrorKind, Option<usize>, String, Option<String>) {
        let error = Policy::from_toml(policy).expect_err("the policy is refused");
        let help = error.help.as_ref().map(|h| h.get(Lang::En).to_owned());
        let line = error.location.as_ref().map(|l| l.line);
        (
            error.kind,
            line,
            error.message.get(Lang::En).to_owned(),
            help,
        )
    }

    #[test]
    fn unknown_not_waivable_rule_is_located_with_did_you_mean() {
        let policy = format!(
            "{ACCOUNT}[waivers]\nnot-waivable = [\n  \"privacy.*\",\n  \"imprnt.private\",\n]\n"
        );
        let (kind, line, message, help) = refusal(&policy);
        assert_eq!(kind, PolicyErrorKind::UnknownReference);
        assert_eq!(line, Some(7));
        assert_eq!(message, "unknown rule `imprnt.private`");
        assert_eq!(help.as_deref(), Some("did you mean `imprint.private`?"));
        let glob = refusal(&format!(
            "{ACCOUNT}[waivers]\nnot-waivable = [\"privcy.*\"]\n"
        ));
        assert_eq!(glob.3.as_deref(), Some("did you mean `privacy.*`?"));
    }

    #[test]
    fn allowed_by_takes_logins_and_known_roles() {
        let policy = format!(
            "[roles]\npresse = [\"sta13.presse\"]\n{ACCOUNT}[waivers]\nallowed-by = [\"m.dreier\", \"role:press\"]\n"
        );
        let (kind, line, message, help) = refusal(&policy);
        assert_eq!(kind, PolicyErrorKind::UnknownReference);
        assert_eq!(line, Some(7));
        assert_eq!(message, "unknown role `role:press`");
        assert_eq!(help.as_deref(), Some("did you mean `role:presse`?"));
        let fixed = policy.replace("role:press\"", "role:presse\"");
        let policy = Policy::from_toml(&fixed).expect("valid policy");
        let waivers = policy.waiver_policy().expect("valid waivers");
        let allowed = waivers.allowed_by.expect("allowed-by is set");
        assert!(allowed.contains("STA13.Presse") && allowed.contains("m.dreier"));
        assert!(!allowed.contains("k.schulz"));
    }

    #[test]
    fn misspelt_waivers_key_is_refused() {
        let (_, line, message, help) = refusal(&format!("{ACCOUNT}[waivers]\nfour-eye = true\n"));
        assert_eq!(line, Some(5));
        assert!(message.contains("unknown key `four-eye`"), "{message}");
        assert_eq!(help.as_deref(), Some("did you mean `four-eyes`?"));
    }

    #[test]
    fn a_policy_without_waivers_keeps_its_digest() {
        // Reports carry the digest: `[waivers]` absent must not change it.
        let policy = Policy::from_toml(ACCOUNT).expect("valid policy");
        let json = serde_json::to_string(policy.settings()).expect("serialises");
        assert!(!json.contains("waivers"), "{json}");
    }
}
