//! The engine: compile a policy once, check many drafts.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::sync::Arc;

use jiff::Timestamp;

use crate::account::AccountSummary;
use crate::draft::{Draft, HistoryEntry};
use crate::error::{InputError, InputErrorKind};
use crate::lang::Lang;
use crate::platform::{Counter, Platform, PlatformMeasure, measure, measure_after};
use crate::policy::{Account, Localized, Policy, PolicyError, PolicyErrorKind, localized};
use crate::report::{Diagnostic, Measure, Report, RuleId, Suggestion, Verdict};
use crate::rules::cadence::{HistoryIndex, HistorySource, PostIndex};
use crate::rules::{CheckContext, CompiledRule, Finding, compile_for_account};
use crate::text::TextView;
use crate::text::extract::Extractor;
use crate::text::lexicon::LexiconSet;
use crate::text::offsets::spans_for;
use crate::waiver::{self, RulePattern, WaiverPolicy};
use crate::wire::check_size;

/// Version of this engine, recorded in every report.
pub const ENGINE_VERSION: &str = env!("CARGO_PKG_VERSION");

/// A compiled policy. Build it once with [`Engine::new`]; [`Engine::check`] does no
/// compilation. `Engine` is `Send + Sync`: share one between threads.
pub struct Engine {
    policy: Policy,
    /// The policy's digest, shared by every report.
    digest: Arc<str>,
    accounts: BTreeMap<String, CompiledAccount>,
    extractor: Extractor,
    lang: Lang,
    /// The policy's `[waivers]`: which waivers of a draft count.
    waivers: WaiverPolicy,
}

struct CompiledAccount {
    account: Account,
    rules: Vec<CompiledRule>,
    /// Every lexicon the rules search in each check, in one automaton.
    lexicons: LexiconSet,
    /// How each platform counts text for this account, with its limits.
    counters: BTreeMap<Platform, Counter>,
    /// Findings about the account alone (e.g. its profile's imprint link), worked out when
    /// the engine is built or its language set, and copied into every report.
    account_diagnostics: Vec<Diagnostic>,
}

impl Engine {
    /// Compiles every rule for every account of the policy.
    pub fn new(policy: Policy) -> Result<Engine, PolicyError> {
        let extractor = Extractor::new().map_err(|e| {
            PolicyError::new(
                PolicyErrorKind::InvalidValue,
                "<engine>",
                Localized::new(e.to_string(), e.to_string()),
            )
        })?;
        let mut accounts = BTreeMap::new();
        // Settings that do not compile, of every rule and account, reported at once.
        let mut setting_errors = Vec::new();
        for id in policy.account_ids() {
            let account = policy.resolve_account(id)?;
            let layers = policy.rule_layers(&account);
            let rules = match compile_for_account(&layers, &account) {
                Ok(rules) => rules,
                Err(errors) => {
                    setting_errors.extend(
                        errors
                            .into_iter()
                            .map(|(rule, error)| policy.rule_setting_error(&account, rule, error)),
                    );
                    continue;
                }
            };
            let lexicons =
                LexiconSet::new(rules.iter().flat_map(|rule| rule.rule.lexicons(&account)))
                    .map_err(|reason| {
                        PolicyError::new(
                            PolicyErrorKind::InvalidValue,
                            "<engine>",
                            Localized::new(reason.clone(), reason),
                        )
                    })?;
            let counters = account
                .caps
                .iter()
                .map(|(&platform, caps)| (platform, Counter::new(platform, caps)))
                .collect();
            accounts.insert(
                id.to_owned(),
                CompiledAccount {
                    account,
                    rules,
                    lexicons,
                    counters,
                    account_diagnostics: Vec::new(),
                },
            );
        }
        if let Some(error) = PolicyError::gather(setting_errors) {
            return Err(error);
        }
        let engine = Engine {
            waivers: policy.waiver_policy()?,
            digest: Arc::from(policy.digest()),
            policy,
            accounts,
            extractor,
            lang: Lang::default(),
        };
        Ok(engine.with_account_diagnostics())
    }

    /// The policy's accounts, in id order, as front ends show them.
    pub fn accounts(&self) -> Vec<AccountSummary> {
        let default = self.policy.default_account();
        self.accounts
            .values()
            .map(|compiled| {
                let account = &compiled.account;
                AccountSummary {
                    id: account.id.clone(),
                    display_name: account.display_name.clone(),
                    kind: account.kind,
                    platforms: account.platforms.clone(),
                    default: default == Some(account.id.as_str()),
                }
            })
            .collect()
    }

    /// Sets the language of messages (German by default).
    #[must_use]
    pub fn with_lang(mut self, lang: Lang) -> Engine {
        self.lang = lang;
        self.with_account_diagnostics()
    }

    /// Works out every account's findings that depend on the policy alone, in the
    /// engine's language.
    fn with_account_diagnostics(mut self) -> Engine {
        let mut accounts = std::mem::take(&mut self.accounts);
        for compiled in accounts.values_mut() {
            let raw = compiled
                .rules
                .iter()
                .flat_map(|rule| {
                    let findings = rule.rule.account_findings(&compiled.account, self.lang);
                    findings
                        .into_iter()
                        .flatten()
                        .map(move |finding| (rule, finding))
                })
                .collect();
            compiled.account_diagnostics = self.finish("", raw, &[]);
        }
        self.accounts = accounts;
        self
    }

    /// The language of messages.
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// The policy this engine was compiled from.
    pub fn policy(&self) -> &Policy {
        &self.policy
    }

    /// Checks a draft against the policy. `history` holds earlier posts, `now` is the
    /// reference time of time-based rules (passed in: core never reads the clock).
    ///
    /// Checking many drafts against one history, use [`Engine::check_indexed`] (or
    /// [`Engine::check_many`]): this form groups the history anew for every draft.
    pub fn check(
        &self,
        draft: &Draft,
        history: &[HistoryEntry],
        now: Option<Timestamp>,
    ) -> Result<Report, InputError> {
        self.evaluate(draft, HistorySource::Entries(history), now)
    }

    /// Checks a draft against the policy and a history indexed once for many checks; the
    /// report is the one [`Engine::check`] gives with the index's entries.
    pub fn check_indexed(
        &self,
        draft: &Draft,
        history: &HistoryIndex<'_>,
        now: Option<Timestamp>,
    ) -> Result<Report, InputError> {
        self.evaluate(draft, HistorySource::Indexed(history), now)
    }

    fn evaluate(
        &self,
        draft: &Draft,
        history: HistorySource<'_>,
        now: Option<Timestamp>,
    ) -> Result<Report, InputError> {
        check_size(draft)?;
        let compiled = self.account_for(draft)?;
        let waiver_patterns = waiver::read(draft)?;
        let account = &compiled.account;
        let platforms = match &draft.platforms {
            Some(platforms) => dedup(platforms),
            None => account.platforms.clone(),
        };

        let text = TextView::new(&draft.text, &self.extractor).with_lexicons(&compiled.lexicons);
        let reply_prefix = draft.reply_prefix_len();
        let measures: BTreeMap<Platform, PlatformMeasure> = platforms
            .iter()
            .filter_map(|&platform| {
                let counter = compiled.counters.get(&platform)?;
                // X does not count the reply chain's leading mentions.
                let measured = if platform == Platform::X && reply_prefix > 0 {
                    measure_after(&draft.text, reply_prefix, &self.extractor, counter)
                } else {
                    measure(text.scan(), counter)
                };
                Some((platform, measured))
            })
            .collect();

        let cx = CheckContext {
            draft,
            text: &text,
            account,
            platforms: &platforms,
            measures: &measures,
            history: PostIndex::new(history),
            now,
            lang: self.lang,
            addresses: Default::default(),
            neutrality_segments: Default::default(),
            party_mentions: Default::default(),
        };
        let mut diagnostics = Vec::new();
        let mut findings = Vec::new();
        for rule in &compiled.rules {
            findings.clear();
            rule.rule.check(&cx, &mut findings);
            diagnostics.extend(findings.drain(..).map(|finding| (rule, finding)));
        }
        let mut diagnostics = self.finish(&draft.text, diagnostics, &compiled.account_diagnostics);
        if !draft.waivers.is_empty() {
            diagnostics = self.apply_waivers(compiled, draft, &waiver_patterns, diagnostics);
        }

        Ok(Report {
            verdict: Verdict::from_diagnostics(&diagnostics),
            diagnostics,
            measures: measures
                .iter()
                .map(|(&platform, m)| {
                    (
                        platform,
                        Measure {
                            length: m.length,
                            limit: m.limit,
                        },
                    )
                })
                .collect(),
            policy_digest: Arc::clone(&self.digest),
            engine_version: Cow::Borrowed(ENGINE_VERSION),
        })
    }

    fn account_for(&self, draft: &Draft) -> Result<&CompiledAccount, InputError> {
        let id = match draft.account.as_deref().or(self.policy.default_account()) {
            Some(id) => id,
            None => {
                let list = self
                    .policy
                    .account_ids()
                    .map(|id| format!("`{id}`"))
                    .collect::<Vec<_>>()
                    .join(", ");
                return Err(InputError::new(
                    InputErrorKind::UnknownAccount,
                    localized!(
                        de: "Der Entwurf nennt kein Konto, und die Richtlinie hat kein `default-account`",
                        en: "the draft names no account and the policy has no `default-account`",
                    ),
                    localized!(de: "`account` angeben, eines von {list}", en: "set `account`, one of {list}"),
                ));
            }
        };
        self.accounts.get(id).ok_or_else(|| {
            InputError::new(
                InputErrorKind::UnknownAccount,
                localized!(de: "Unbekanntes Konto `{id}`", en: "unknown account `{id}`"),
                self.policy.account_hint(id),
            )
        })
    }

    /// Marks the findings the draft's waivers let stand and adds the findings about its
    /// waivers, where their rules are enabled for the account.
    fn apply_waivers(
        &self,
        compiled: &CompiledAccount,
        draft: &Draft,
        patterns: &[RulePattern],
        mut diagnostics: Vec<Diagnostic>,
    ) -> Vec<Diagnostic> {
        let about_waivers =
            waiver::apply(&self.waivers, draft, patterns, &mut diagnostics, self.lang);
        let raw: Vec<(&CompiledRule, Finding)> = about_waivers
            .into_iter()
            .filter_map(|(id, finding)| {
                let rule = compiled.rules.iter().find(|rule| rule.id == id)?;
                Some((rule, finding))
            })
            .collect();
        if raw.is_empty() {
            return diagnostics;
        }
        self.finish(&draft.text, raw, &diagnostics)
    }

    /// Attaches rule ids and severities, converts spans into every encoding, adds the
    /// account's `fixed` diagnostics and sorts.
    fn finish(
        &self,
        text: &str,
        raw: Vec<(&CompiledRule, Finding)>,
        fixed: &[Diagnostic],
    ) -> Vec<Diagnostic> {
        let mut ranges = Vec::new();
        for (_, finding) in &raw {
            ranges.extend(finding.span);
            ranges.extend(finding.suggestions.iter().map(|(_, range)| *range));
        }
        let mut spans = spans_for(text, &ranges).into_iter();
        let mut diagnostics: Vec<Diagnostic> = raw
            .into_iter()
            .map(|(rule, finding)| {
                let span = finding.span.and_then(|_| spans.next());
                let suggestions = finding
                    .suggestions
                    .into_iter()
                    .filter_map(|(replacement, _)| {
                        Some(Suggestion {
                            replacement,
                            span: spans.next()?,
                        })
                    })
                    .collect();
                Diagnostic {
                    rule: RuleId::from(rule.id),
                    severity: finding.severity.unwrap_or(rule.severity),
                    message: rule.message.clone().unwrap_or(finding.message),
                    help: rule.help.clone().or(finding.help),
                    platform: finding.platform,
                    span,
                    suggestions,
                    waived: None,
                }
            })
            .collect();
        diagnostics.extend_from_slice(fixed);
        // Findings about the whole post first, then by position; ties by rule and platform.
        diagnostics.sort_by(|a, b| {
            let key = |d: &Diagnostic| (d.span.map(|s| (s.start, s.end)), d.platform);
            let (a_span, a_platform) = key(a);
            let (b_span, b_platform) = key(b);
            a_span
                .cmp(&b_span)
                .then_with(|| a.rule.cmp(&b.rule))
                .then_with(|| a_platform.cmp(&b_platform))
                .then_with(|| a.message.cmp(&b.message))
        });
        diagnostics.dedup();
        diagnostics
    }
}

fn dedup(platforms: &[Platform]) -> Vec<Platform> {
    let mut out = Vec::with_capacity(platforms.len());
    for &platform in platforms {
        if !out.contains(&platform) {
            out.push(platform);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn assert_send_sync<T: Send + Sync>() {}

    #[test]
    fn engine_is_send_and_sync() {
        assert_send_sync::<Engine>();
    }
}
