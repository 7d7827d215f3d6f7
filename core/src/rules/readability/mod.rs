//! `readability.*`: posts citizens can read at a glance — the Flesch reading ease for
//! German (Amstad), long sentences and nominal style.
//!
//! All three work on [`Segmentation`](crate::text::sentences::Segmentation): sentences and
//! words without URLs, hashtags and mentions, syllables by the German counter.
pub(crate) mod flesch;
pub(crate) mod nominal_style;
pub(crate) mod sentence_length;

use crate::lang::Lang;

/// Amstad's Flesch reading ease for German (Amstad 1978, as in LanguageTool's
/// `GermanReadabilityRule`): `180 − ASL − 58.5 × ASW`, with ASL the words per sentence and
/// ASW the syllables per word. `None` for a text without words.
pub(crate) fn flesch_amstad(words: usize, sentences: usize, syllables: u64) -> Option<f64> {
    if words == 0 || sentences == 0 {
        return None;
    }
    let words = words as f64;
    let words_per_sentence = words / sentences as f64;
    let syllables_per_word = syllables as f64 / words;
    Some(180.0 - words_per_sentence - 58.5 * syllables_per_word)
}

/// The band of a Flesch score in Flesch's table (used by Amstad for German and by
/// LanguageTool): below 30 very difficult … 90 and above very easy.
pub(crate) fn flesch_band(score: f64, lang: Lang) -> &'static str {
    const BANDS: [(f64, &str, &str); 6] = [
        (30.0, "sehr schwer", "very difficult"),
        (50.0, "schwer", "difficult"),
        (60.0, "mittelschwer", "fairly difficult"),
        (70.0, "mittel", "standard"),
        (80.0, "mittelleicht", "fairly easy"),
        (90.0, "leicht", "easy"),
    ];
    let (de, en) = BANDS
        .iter()
        .find(|(below, _, _)| score < *below)
        .map_or(("sehr leicht", "very easy"), |(_, de, en)| (*de, *en));
    match lang {
        Lang::De => de,
        Lang::En => en,
    }
}

/// Endings of nominalised verbs and adjectives, with the fewest letters the stem in front
/// must have (`-nis` needs four so that `Tennis` is no nominalisation). `-tion`/`-sion`
/// rather than `-ion`: `Region`, `Million`, `Union` are not nominal style.
const NOMINAL_ENDINGS: [(&str, usize); 19] = [
    ("ung", 2),
    ("ungen", 2),
    ("heit", 2),
    ("heiten", 2),
    ("keit", 2),
    ("keiten", 2),
    ("tion", 2),
    ("tionen", 2),
    ("sion", 2),
    ("sionen", 2),
    ("ität", 2),
    ("itäten", 2),
    ("ismus", 2),
    ("ismen", 2),
    ("nis", 4),
    ("nisse", 4),
    ("nissen", 4),
    ("schaft", 3),
    ("schaften", 3),
];

/// The stem in front of a nominal ending, if `word` is a nominalisation: a capitalised
/// word (German nouns are) ending in `-ung`, `-heit`, `-keit`, `-tion`, `-sion`, `-ität`,
/// `-ismus`, `-nis` or `-schaft` (or their plurals) after a stem with a vowel, so that
/// `Sprung`, `Schwung` and `jung` are not counted.
pub(crate) fn nominal_stem(word: &str) -> Option<&str> {
    if !word.chars().next().is_some_and(char::is_uppercase) {
        return None;
    }
    // Every ending ends in an ASCII letter: a word ending in another ASCII character is
    // rejected without lowercasing its tail once per ending (most capitalised words).
    let last = word.as_bytes().last().copied()?;
    NOMINAL_ENDINGS.iter().find_map(|(ending, min_stem)| {
        if last.is_ascii() && ending.as_bytes().last() != Some(&last.to_ascii_lowercase()) {
            return None;
        }
        let stem_len = word.len().checked_sub(ending.len())?;
        let tail = word.get(stem_len..)?;
        if !tail.chars().flat_map(char::to_lowercase).eq(ending.chars()) {
            return None;
        }
        let stem = word.get(..stem_len)?;
        let letters = stem.chars().filter(|c| c.is_alphabetic()).count();
        let has_vowel = stem
            .chars()
            .flat_map(char::to_lowercase)
            .any(|c| matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y' | 'ä' | 'ö' | 'ü'));
        (letters >= *min_stem && has_vowel).then_some(stem)
    })
}

/// `-ung` nouns that name a thing rather than an action: no verb to suggest.
const CONCRETE_UNG_NOUNS: [&str; 5] = ["zeitung", "wohnung", "festung", "siedlung", "stiftung"];

/// The verb behind an `-ung` noun, for the help text: `Prüfung` → `prüfen`, `Förderung` →
/// `fördern`, `Sammlung` → `sammeln`, `Finanzierung` → `finanzieren`.
pub(crate) fn verb_for(noun: &str) -> Option<String> {
    let lower = noun.to_lowercase();
    if CONCRETE_UNG_NOUNS.contains(&lower.as_str()) {
        return None;
    }
    let stem = lower.strip_suffix("ung")?;
    // Hyphenated compounds: the verb comes from the last part.
    let stem = stem.rsplit('-').next().unwrap_or(stem);
    let mut chars = stem.chars().rev();
    let last = chars.next()?;
    let before = chars.next()?;
    let is_vowel = |c: char| matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'ä' | 'ö' | 'ü');
    let verb = if (stem.ends_with("er") || stem.ends_with("el")) && !stem.ends_with("ier") {
        format!("{stem}n")
    } else if last == 'l' && !is_vowel(before) && !matches!(before, 'l' | 'h') {
        // `Sammlung` → `sammeln`, `Handlung` → `handeln`: the `e` of the stem returns.
        let cut = stem.len() - last.len_utf8();
        format!("{}e{last}n", &stem[..cut])
    } else {
        format!("{stem}en")
    };
    Some(verb)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::TextView;
    use crate::text::extract::Extractor;

    /// Ten municipal posts, syllables marked by hand with `|` (numbers and abbreviations
    /// as written: one syllable per vowel group, at least one), with the words and
    /// sentences counted by hand and the Flesch–Amstad score computed from those counts.
    const POSTS: [(&str, usize, usize, f64); 10] = [
        (
            "Die Bür|ger|sprech|stun|de fällt am Diens|tag aus. Der nächs|te Ter|min ist am 12. Mai.",
            13,
            2,
            83.50,
        ),
        (
            "Ach|tung: Die Bahn|hof|stra|ße ist ab Mon|tag we|gen Bau|ar|bei|ten ge|sperrt. \
             Bit|te nut|zen Sie die Um|lei|tung ü|ber die Wes|tern|stra|ße.",
            17,
            2,
            51.06,
        ),
        (
            "Nach er|folg|ter Prü|fung der ein|ge|reich|ten Un|ter|la|gen durch die \
             zu|stän|di|ge Fach|ab|tei|lung der Stadt|ver|wal|tung er|folgt die \
             Be|wil|li|gung der be|an|trag|ten För|de|rung un|ter Be|rück|sich|ti|gung der \
             zur Ver|fü|gung ste|hen|den Haus|halts|mit|tel vor|aus|sicht|lich im Lau|fe des \
             drit|ten Quar|tals.",
            31,
            1,
            5.58,
        ),
        (
            "Li|bo|ri 2026 🎉\nVom 25. Ju|li bis 2. Au|gust fei|ert Pa|der|born sein gro|ßes \
             Fest. Al|le In|fos: https://www.libori.de #Libori #Paderborn",
            15,
            3,
            77.50,
        ),
        (
            "Wir sam|meln z. B. Glas, Pa|pier u. a. Ver|pa|ckun|gen. Ab|ga|be bei Dr. Mei|er \
             in der Kampstr. 12, ca. 10 Min. vom Rat|haus.",
            22,
            2,
            86.57,
        ),
        (
            "Am Sams|tag um 10.30 Uhr öff|net der Wo|chen|markt am Dom. Wir freu|en uns auf \
             Sie! @stadtpaderborn #Wochenmarkt",
            15,
            2,
            94.50,
        ),
        (
            "Die Stadt|ver|wal|tung weist da|rauf hin, dass die An|trä|ge auf För|de|rung bis \
             zum 30. Ju|ni voll|stän|dig und mit al|len er|for|der|li|chen Nach|wei|sen beim \
             Bür|ger|bü|ro ein|ge|reicht wer|den müs|sen. Spä|ter ein|ge|hen|de An|trä|ge \
             kön|nen lei|der nicht be|rück|sich|tigt wer|den.",
            33,
            2,
            39.41,
        ),
        (
            "Gu|te Nach|richt für al|le Fa|mi|li|en: Das Frei|bad öff|net am 1. Ju|ni. Der \
             Ein|tritt für Kin|der bleibt frei. Er|wach|se|ne zah|len drei Eu|ro. Wir \
             freu|en uns auf ei|nen schö|nen Som|mer mit Ih|nen!",
            30,
            4,
            73.05,
        ),
        (
            "Sper|rung Ring|stra|ße\nWas Sie wis|sen müs|sen:\n- Dau|er: drei Wo|chen\n\
             - Um|lei|tung ü|ber die Ham|mer Stra|ße\n- Bus|se hal|ten am Bahn|hof",
            18,
            5,
            69.15,
        ),
        (
            "„Wie geht es wei|ter mit dem Markt|platz?“, fra|gen vie|le Bür|ger*|in|nen. Die \
             Ant|wort gibt es am Mitt|woch … im Rat|haus!",
            18,
            2,
            80.00,
        ),
    ];

    /// Hand reference of a marked post: each word as written with its syllables.
    fn hand_words(marked: &str) -> Vec<(String, u32)> {
        marked
            .split_whitespace()
            .filter(|t| !t.starts_with(['#', '@']) && !t.contains("://"))
            .map(|t| t.trim_matches(|c: char| !c.is_alphanumeric() && c != '|'))
            .filter(|t| !t.is_empty())
            .map(|t| (t.replace('|', ""), t.matches('|').count() as u32 + 1))
            .collect()
    }

    #[test]
    fn municipal_posts_match_hand_counts() {
        let extractor = Extractor::new().unwrap();
        for (marked, words, sentences, score) in POSTS {
            let text = marked.replace('|', "");
            let view = TextView::new(&text, &extractor);
            let segmentation = view.sentences();
            let counted: Vec<(String, u32)> = segmentation
                .words
                .iter()
                .map(|w| (text[w.start..w.end].to_owned(), w.syllables))
                .collect();
            let by_hand = hand_words(marked);
            assert_eq!(counted, by_hand, "{text}");
            assert_eq!(by_hand.len(), words, "{text}");
            assert_eq!(segmentation.sentences.len(), sentences, "{text}");
            let computed = flesch_amstad(
                segmentation.words.len(),
                segmentation.sentences.len(),
                segmentation.syllables(),
            )
            .unwrap();
            println!(
                "{computed:6.2} (hand {score:6.2}, {}) {words} words, {sentences} sentences, {} syllables: {}",
                flesch_band(computed, Lang::De),
                segmentation.syllables(),
                text.lines().next().unwrap_or_default(),
            );
            assert!(
                (computed - score).abs() < 0.005,
                "{computed} ≠ {score}: {text}"
            );
        }
    }

    #[test]
    fn flesch_formula_uses_amstads_constants() {
        // 10 words, 1 sentence, 15 syllables: 180 − 10 − 58.5 × 1.5 = 82.25.
        assert_eq!(flesch_amstad(10, 1, 15), Some(82.25));
        // 20 words in 2 sentences, 40 syllables: 180 − 10 − 117 = 53.
        assert_eq!(flesch_amstad(20, 2, 40), Some(53.0));
        assert_eq!(flesch_amstad(0, 0, 0), None);
    }

    #[test]
    fn unusable_settings_are_refused_with_their_message() {
        for (setting, expected) in [
            (
                "[rules.\"readability.flesch\"]\nmin = 120\n",
                "is not between 0 and 100",
            ),
            (
                "[rules.\"readability.sentence-length\"]\nmax-words = 0\n",
                "`max-words` must be 1 or more",
            ),
            (
                "[rules.\"readability.nominal-style\"]\nmin-share = 1.5\n",
                "is not a share between 0 and 1",
            ),
        ] {
            let policy = format!(
                "imprint = \"https://www.paderborn.de/impressum\"\n\
                 [accounts.stadt]\nkind = \"official\"\nplatforms = [\"x\"]\n\
                 {setting}enabled = true\n"
            );
            let policy = crate::Policy::from_toml(&policy).unwrap();
            let Err(error) = crate::Engine::new(policy) else {
                panic!("{setting} was accepted");
            };
            let rendered = error.render(Lang::En);
            assert!(rendered.contains(expected), "{setting}: {rendered}");
        }
    }

    #[test]
    fn bands_follow_flesch_table() {
        for (score, band) in [
            (-12.0, "sehr schwer"),
            (29.9, "sehr schwer"),
            (30.0, "schwer"),
            (55.0, "mittelschwer"),
            (65.0, "mittel"),
            (75.0, "mittelleicht"),
            (85.0, "leicht"),
            (90.0, "sehr leicht"),
            (120.5, "sehr leicht"),
        ] {
            assert_eq!(flesch_band(score, Lang::De), band, "{score}");
        }
        assert_eq!(flesch_band(42.0, Lang::En), "difficult");
    }

    #[test]
    fn nominalisations_by_ending() {
        for word in [
            "Prüfung",
            "Unterlagenprüfungen",
            "Sicherheit",
            "Möglichkeiten",
            "Information",
            "Diskussionen",
            "Qualität",
            "Tourismus",
            "Erlaubnis",
            "Bereitschaft",
            "Bürger-Beteiligung",
            "VERANSTALTUNG",
        ] {
            assert!(nominal_stem(word).is_some(), "{word}");
        }
        for word in [
            "Sprung", "Schwung", "jung", "prüfung", "Region", "Million", "Tennis", "Rathaus", "Ung",
        ] {
            assert!(nominal_stem(word).is_none(), "{word}");
        }
    }

    #[test]
    fn verbs_behind_ung_nouns() {
        for (noun, verb) in [
            ("Prüfung", Some("prüfen")),
            ("Förderung", Some("fördern")),
            ("Regelung", Some("regeln")),
            ("Sammlung", Some("sammeln")),
            ("Finanzierung", Some("finanzieren")),
            ("Durchführung", Some("durchführen")),
            ("Bürger-Beteiligung", Some("beteiligen")),
            ("Zeitung", None),
            ("Sicherheit", None),
        ] {
            assert_eq!(verb_for(noun).as_deref(), verb, "{noun}");
        }
    }
}
