//! `separation.*`: official and private profiles stay apart, and so do their channels.
mod clauses;
pub(crate) mod official_marker;
pub(crate) mod private_topic;
mod terms;
pub(crate) mod unlisted_platform;

#[cfg(test)]
mod tests {
    use crate::account::AccountKind;
    use crate::policy::Policy;

    fn shipped_paderborn() -> Policy {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../policies/");
        Policy::load(&format!("{dir}paderborn.toml"), |path: &str| {
            std::fs::read_to_string(path)
        })
        .unwrap()
    }

    fn evaluation_policy() -> Policy {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/eval/separation.toml");
        let file: toml::Table = toml::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
        let text = file["policy"]["toml"].as_str().unwrap();
        Policy::from_toml(text).unwrap()
    }

    /// The evaluation set measures the lists that ship, not a private copy of them.
    #[test]
    fn evaluation_policy_repeats_the_shipped_lists() {
        let (shipped, evaluated) = (shipped_paderborn(), evaluation_policy());
        let kind_rules = |policy: &Policy, kind| policy.settings().kinds[&kind].rules.clone();
        let (shipped_official, evaluated_official) = (
            kind_rules(&shipped, AccountKind::Official),
            kind_rules(&evaluated, AccountKind::Official),
        );
        assert_eq!(
            shipped_official.separation_private_topic,
            evaluated_official.separation_private_topic
        );
        let (shipped_private, evaluated_private) = (
            kind_rules(&shipped, AccountKind::Private),
            kind_rules(&evaluated, AccountKind::Private),
        );
        assert_eq!(
            shipped_private.separation_official_marker,
            evaluated_private.separation_official_marker
        );
        let handles = |policy: &Policy| {
            let settings = policy.settings().accounts["michael-dreier"]
                .rules
                .separation_official_marker
                .clone()
                .unwrap();
            (settings.hashtags, settings.mentions)
        };
        assert_eq!(handles(&shipped), handles(&evaluated));
    }
}
