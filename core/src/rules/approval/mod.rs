//! `approval.*`: four-eyes approval — which drafts need one (labels, topics, or all of an
//! account), from whom (logins and roles), never from the author, and early enough before
//! publication. The policy data is the account's `[approval]` table; these helpers decide
//! per draft what is needed and why an approval does not count.
pub(crate) mod missing;
pub(crate) mod self_approval;
pub(crate) mod too_late;
pub(crate) mod waiver_refused;
pub(crate) mod waiver_unused;
pub(crate) mod wrong_role;

use std::ops::Range;

use jiff::{SignedDuration, Timestamp};

use crate::account::{People, login_key};
use crate::config::localized;
use crate::draft::Approval;
use crate::lang::{Lang, tr};
use crate::rules::editors::author;
use crate::rules::{Account, CheckContext, SettingError};
use crate::text::lexicon::{Lexicon, TermOptions};

/// Why a draft needs an approval.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Reason<'a> {
    /// It carries a label of a requirement (as the policy writes it).
    Label(&'a str),
    /// Its text names a topic of a requirement, at this byte range.
    Topic(Range<usize>),
    /// The account demands four-eyes approval for every post.
    FourEyes,
}

/// One approval the draft needs: why, and who may give it (nobody named: anyone but the
/// author).
#[derive(Debug, Clone)]
pub(crate) struct Need<'a> {
    pub reason: Reason<'a>,
    pub approvers: &'a People,
}

impl Need<'_> {
    /// "label `pressemitteilung`", "topic `Haushalt`" or "the four-eyes rule", for messages.
    pub fn describe(&self, cx: &CheckContext<'_>) -> String {
        match &self.reason {
            Reason::Label(label) => tr!(cx.lang, de: "Label `{label}`", en: "label `{label}`"),
            Reason::Topic(span) => {
                let topic = cx.draft.text.get(span.clone()).unwrap_or_default();
                tr!(cx.lang, de: "Thema `{topic}`", en: "topic `{topic}`")
            }
            Reason::FourEyes => {
                let id = &cx.account.id;
                tr!(cx.lang,
                    de: "Vier-Augen-Prinzip des Kontos `{id}`",
                    en: "the four-eyes rule of the account `{id}`")
            }
        }
    }

    /// Who may approve, for messages.
    pub fn who(&self, lang: Lang) -> String {
        if self.approvers.is_empty() {
            tr!(lang, de: "eine zweite Person", en: "a second person")
        } else {
            self.approvers.quoted()
        }
    }
}

/// Why an approval does not count for a need. Checked in this order, so each approval
/// has one reason.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Flaw {
    /// The author approved their own draft.
    ByAuthor,
    /// The approver is not among the need's approvers.
    NotApprover,
    /// It came after the deadline before publication.
    TooLate,
}

/// The account's approval requirements compiled for matching: labels normalised, topics
/// in one lexicon.
pub(crate) struct Requirements {
    /// Per requirement of the account, its labels as compared (normalised).
    labels: Vec<Vec<String>>,
    /// Every topic of every requirement; `None` when no requirement has topics.
    topics: Option<Lexicon>,
    /// Requirement index of each lexicon term.
    topic_requirement: Vec<usize>,
}

impl Requirements {
    /// Compiles the account's `[approval]` requirements.
    pub fn compile(account: &Account) -> Result<Requirements, SettingError> {
        let rules = &account.approval.requirements;
        let labels = rules
            .iter()
            .map(|rule| rule.labels.iter().map(|l| login_key(l)).collect())
            .collect();
        let mut terms = Vec::new();
        let mut topic_requirement = Vec::new();
        for (index, rule) in rules.iter().enumerate() {
            for topic in &rule.topics {
                // A trailing `*` also accepts closed compounds (`Haushalt*` → `Haushaltssperre`).
                let (term, compound_prefix) = match topic.trim().strip_suffix('*') {
                    Some(stem) => (stem, true),
                    None => (topic.trim(), false),
                };
                let options = TermOptions {
                    capitalised: false,
                    inflected: true,
                    compound_prefix,
                };
                terms.push((term, options));
                topic_requirement.push(index);
            }
        }
        let topics = if terms.is_empty() {
            None
        } else {
            Some(Lexicon::new(terms).map_err(|reason| SettingError {
                key: "topics",
                entry: None,
                message: localized!(
                    de: "Themenliste der Freigabe ist ungültig: {reason}",
                    en: "the approval topics are invalid: {reason}",
                ),
            })?)
        };
        Ok(Requirements {
            labels,
            topics,
            topic_requirement,
        })
    }

    /// The topic lexicon (if any), for the account's combined automaton.
    pub fn lexicons(&self) -> Vec<&Lexicon> {
        self.topics.iter().collect()
    }

    /// The approvals the draft needs, one per requirement that applies (a label wins over
    /// a topic); the account's four-eyes rule only when no requirement applies, since each
    /// requirement already asks for a second person.
    pub fn needs<'a>(&self, cx: &CheckContext<'a>) -> Vec<Need<'a>> {
        let rules = &cx.account.approval.requirements;
        let draft_labels: Vec<String> = cx.draft.labels.iter().map(|l| login_key(l)).collect();
        let mut reasons: Vec<Option<Reason<'a>>> = vec![None; rules.len()];
        for (index, labels) in self.labels.iter().enumerate() {
            let found = labels.iter().position(|label| draft_labels.contains(label));
            if let (Some(position), Some(rule)) = (found, rules.get(index)) {
                reasons[index] = rule.labels.get(position).map(|l| Reason::Label(l.trim()));
            }
        }
        let unlabelled = reasons.iter().any(Option::is_none);
        if let Some(topics) = self.topics.as_ref().filter(|_| unlabelled) {
            for hit in topics.find(cx.text) {
                let Some(&index) = self.topic_requirement.get(hit.term) else {
                    continue;
                };
                if let Some(slot @ None) = reasons.get_mut(index) {
                    *slot = Some(Reason::Topic(whole_word(cx.draft.text.as_str(), hit.span)));
                }
            }
        }
        let mut needs: Vec<Need<'a>> = rules
            .iter()
            .zip(reasons)
            .filter_map(|(rule, reason)| {
                Some(Need {
                    reason: reason?,
                    approvers: &rule.approvers,
                })
            })
            .collect();
        if needs.is_empty() && cx.account.approval.four_eyes {
            needs.push(Need {
                reason: Reason::FourEyes,
                approvers: &cx.account.approval.approvers,
            });
        }
        needs
    }
}

/// A match widened to the end of its word: a compound topic (`Haushalt*`) marks all of
/// `Haushaltssperre`, not its first part.
fn whole_word(text: &str, span: Range<usize>) -> Range<usize> {
    let rest = text.get(span.end..).unwrap_or_default();
    let word_rest: usize = rest
        .chars()
        .take_while(|c| c.is_alphanumeric())
        .map(char::len_utf8)
        .sum();
    span.start..span.end + word_rest
}

/// The latest time an approval counts: `minutes-before` before `scheduled_at` (or, for an
/// archived post, before `published_at`). Timestamps are absolute, so a DST switch
/// between approval and publication changes nothing.
pub(crate) fn deadline(cx: &CheckContext<'_>) -> Option<Timestamp> {
    let publication = cx.draft.scheduled_at.or(cx.draft.published_at)?;
    let lead = SignedDuration::from_mins(i64::from(cx.account.approval.minutes_before));
    publication.checked_sub(lead).ok()
}

/// Why `approval` does not count for `need`, or `None` if it does.
pub(crate) fn flaw(
    cx: &CheckContext<'_>,
    approval: &Approval,
    need: &Need<'_>,
    deadline: Option<Timestamp>,
) -> Option<Flaw> {
    let approver = login_key(&approval.by);
    if approver.is_empty() {
        // A blank login names nobody, so nobody approved.
        Some(Flaw::NotApprover)
    } else if author(cx).is_some_and(|author| login_key(author) == approver) {
        Some(Flaw::ByAuthor)
    } else if !need.approvers.is_empty() && !need.approvers.contains(&approver) {
        Some(Flaw::NotApprover)
    } else if deadline.is_some_and(|deadline| approval.at > deadline) {
        Some(Flaw::TooLate)
    } else {
        None
    }
}

/// The needs no approval of the draft fulfils.
pub(crate) fn unmet<'a>(cx: &CheckContext<'a>, needs: Vec<Need<'a>>) -> Vec<Need<'a>> {
    let deadline = deadline(cx);
    needs
        .into_iter()
        .filter(|need| {
            cx.draft
                .approvals
                .iter()
                .all(|approval| flaw(cx, approval, need, deadline).is_some())
        })
        .collect()
}

/// Approvals that fail an unmet need for `wanted`, each once, in draft order.
pub(crate) fn flawed<'a>(
    cx: &CheckContext<'a>,
    needs: &[Need<'_>],
    wanted: Flaw,
) -> Vec<&'a Approval> {
    let deadline = deadline(cx);
    cx.draft
        .approvals
        .iter()
        .filter(|approval| {
            needs
                .iter()
                .any(|need| flaw(cx, approval, need, deadline) == Some(wanted))
        })
        .collect()
}

/// A time in the account's zone, e.g. `2026-05-04 09:58 CEST`.
pub(crate) fn local_time(cx: &CheckContext<'_>, at: Timestamp) -> String {
    // German messages write dates the German way, as `time::local_label` does.
    let format = match cx.lang {
        Lang::En => "%Y-%m-%d %H:%M %Z",
        _ => "%d.%m.%Y %H:%M %Z",
    };
    at.to_zoned(cx.account.time_zone.clone())
        .strftime(format)
        .to_string()
}

#[cfg(test)]
mod tests {
    use crate::lang::Lang;
    use crate::policy::{Policy, PolicyErrorKind};

    const ACCOUNT: &str = "[accounts.stadt]\nkind = \"official\"\nplatforms = [\"facebook\"]\n";

    /// Kind, 1-based line and English message of the policy's error.
    fn refusal(policy: &str) -> (PolicyErrorKind, Option<usize>, String) {
        let error = Policy::from_toml(policy).expect_err("the policy is refused");
        let line = error.location.as_ref().map(|l| l.line);
        (error.kind, line, error.message.get(Lang::En).to_owned())
    }

    #[test]
    fn unknown_role_is_located_and_a_close_one_suggested() {
        let policy = format!(
            "[roles]\npressestelle = [\"sta13.presse\"]\n{ACCOUNT}editors = [\"m.dreier\", \"role:presestelle\"]\n"
        );
        let error = Policy::from_toml(&policy).expect_err("unknown role");
        assert_eq!(error.kind, PolicyErrorKind::UnknownReference);
        assert_eq!(error.location.as_ref().map(|l| l.line), Some(6));
        assert_eq!(
            error.message.get(Lang::En),
            "unknown role `role:presestelle`"
        );
        let help = error.help.as_ref().map(|h| h.get(Lang::En).to_owned());
        assert_eq!(help.as_deref(), Some("did you mean `role:pressestelle`?"));
    }

    #[test]
    fn unknown_approver_role_in_a_requirement_is_located() {
        let policy = format!(
            "{ACCOUNT}[[accounts.stadt.approval.require]]\nlabels = [\"krise\"]\napprovers = [\"role:buergermeister\"]\n"
        );
        let (kind, line, message) = refusal(&policy);
        assert_eq!(kind, PolicyErrorKind::UnknownReference);
        assert_eq!(line, Some(6));
        assert_eq!(message, "unknown role `role:buergermeister`");
    }

    #[test]
    fn requirement_without_labels_or_topics_is_refused() {
        let policy =
            format!("{ACCOUNT}[[accounts.stadt.approval.require]]\napprovers = [\"m.dreier\"]\n");
        let (kind, line, message) = refusal(&policy);
        assert_eq!(kind, PolicyErrorKind::InvalidValue);
        assert_eq!(line, Some(4));
        assert!(
            message.contains("needs non-empty `labels` or `topics`"),
            "{message}"
        );
    }

    #[test]
    fn lead_time_longer_than_a_week_is_refused() {
        let policy = format!("{ACCOUNT}[accounts.stadt.approval]\nminutes-before = 10081\n");
        let (kind, line, message) = refusal(&policy);
        assert_eq!(kind, PolicyErrorKind::InvalidValue);
        assert_eq!(line, Some(5));
        assert!(message.contains("at most 10080"), "{message}");
    }

    #[test]
    fn roles_do_not_nest() {
        let policy = format!(
            "[roles]\nleitung = [\"role:presse\"]\npresse = [\"a\"]\n{ACCOUNT}editors = [\"role:leitung\"]\n"
        );
        let (kind, _, message) = refusal(&policy);
        assert_eq!(kind, PolicyErrorKind::InvalidValue);
        assert!(message.contains("not a login"), "{message}");
    }

    #[test]
    fn roles_expand_to_normalised_logins() {
        let policy = format!(
            "[roles]\npressestelle = [\"STA13.Presse\", \"sta13.online\"]\n{ACCOUNT}editors = [\"m.dreier\", \"role:pressestelle\"]\n"
        );
        let policy = Policy::from_toml(&policy).expect("valid policy");
        let account = policy.resolve_account("stadt").expect("account");
        assert_eq!(
            account.editors.logins,
            ["m.dreier", "sta13.online", "sta13.presse"]
        );
        assert!(account.editors.contains(" Sta13.Presse "));
        assert!(!account.editors.contains("pressestelle"));
        assert_eq!(account.approval.minutes_before, 5);
    }

    /// Rule ids the shipped Paderborn policy reports for a draft (JSON).
    fn paderborn_findings(draft: &str) -> Vec<String> {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../policies");
        let policy = Policy::load("paderborn.toml", |name| {
            std::fs::read_to_string(dir.join(name))
        })
        .expect("the shipped policy loads");
        let engine = crate::Engine::new(policy).expect("the shipped policy compiles");
        let draft = crate::wire::parse_draft(draft).expect("valid draft");
        let report = engine.check(&draft, &[], None).expect("check runs");
        report
            .diagnostics
            .into_iter()
            .map(|d| d.rule.to_string())
            .filter(|rule| rule.starts_with("approval.") || rule.starts_with("editors."))
            .collect()
    }

    #[test]
    fn paderborn_press_release_needs_a_second_person_of_sta13_or_the_mayor() {
        let draft = |approver: &str| {
            format!(
                r#"{{"text": "Die Stadt saniert die Paderhalle.", "author": "sta13.presse",
                "labels": ["pressemitteilung"], "scheduled_at": "2026-05-04T10:00:00+02:00",
                "approvals": [{{"by": "{approver}", "at": "2026-05-04T09:00:00+02:00"}}]}}"#
            )
        };
        assert_eq!(
            paderborn_findings(&draft("sta13.online")),
            Vec::<String>::new()
        );
        assert_eq!(paderborn_findings(&draft("m.dreier")), Vec::<String>::new());
        assert_eq!(
            paderborn_findings(&draft("sta13.presse")),
            ["approval.self"]
        );
        assert_eq!(
            paderborn_findings(&draft("k.schulz")),
            ["approval.wrong-role"]
        );
    }

    #[test]
    fn paderborn_private_profile_is_the_mayors_alone() {
        let draft = |author: &str| {
            format!(
                r#"{{"text": "Sonntag an der Pader.", "account": "michael-dreier", "author": "{author}"}}"#
            )
        };
        assert_eq!(paderborn_findings(&draft("m.dreier")), Vec::<String>::new());
        assert_eq!(
            paderborn_findings(&draft("sta13.online")),
            ["editors.private-outsider"]
        );
    }
}
