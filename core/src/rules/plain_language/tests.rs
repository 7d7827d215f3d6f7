//! Self-tests of the lexicons and a false-positive measurement on ordinary municipal posts.

use crate::draft::Draft;
use crate::engine::Engine;
use crate::policy::Policy;
use crate::rules::plain_language::{TermSet, builtin, match_case};
use crate::text::TextView;
use crate::text::extract::Extractor;
use crate::text::fold::Folded;

const POLICY: &str = r#"
imprint = "https://www.paderborn.de/impressum"
[accounts.stadt]
kind = "official"
platforms = ["facebook"]
profile.links = [{ label = "Impressum", url = "https://www.paderborn.de/impressum" }]
"#;

type Found = (String, String, Option<String>);

fn engine(extra_policy: &str) -> Engine {
    Engine::new(Policy::from_toml(&format!("{POLICY}\n{extra_policy}")).unwrap()).unwrap()
}

fn default_engine() -> &'static Engine {
    static ENGINE: std::sync::OnceLock<Engine> = std::sync::OnceLock::new();
    ENGINE.get_or_init(|| engine(""))
}

/// (rule, written text under the span, first suggestion) of every plain-language finding.
fn findings_of(engine: &Engine, text: &str) -> Vec<Found> {
    let report = engine.check(&Draft::new(text), &[], None).unwrap();
    report
        .diagnostics
        .into_iter()
        .filter(|d| d.rule.starts_with("plain-language."))
        .map(|d| {
            let span = d.span.unwrap();
            (
                d.rule.to_string(),
                text[span.start..span.end].to_owned(),
                d.suggestions.first().map(|s| s.replacement.clone()),
            )
        })
        .collect()
}

fn findings(text: &str) -> Vec<Found> {
    findings_of(default_engine(), text)
}

/// Ordinary posts of a city press office, written plainly. Several contain near misses:
/// words that share letters or a stem with a lexicon entry (`Kenntnisse`, `in Verbindung
/// mit`, `Anspruch auf`, `so`, `IV`, `Max`, `zum Abschluss des …`).
const ORDINARY: [&str; 40] = [
    "Das Stadtfest beginnt am Samstag um 11 Uhr auf dem Rathausplatz. Kommen Sie vorbei!",
    "Ab Montag ist die Detmolder Straße wegen Bauarbeiten gesperrt. Bitte fahren Sie über die Umleitung.",
    "Die Bürgersprechstunde mit dem Bürgermeister findet am Donnerstag von 16 bis 18 Uhr statt.",
    "Ihr Wahllokal steht auf der Wahlbenachrichtigung. Briefwahl können Sie online beantragen.",
    "Die Kita am Stadtpark hat ab August 20 neue Plätze. Eltern können sich ab sofort anmelden.",
    "Wegen des Feiertags kommt die Müllabfuhr in dieser Woche einen Tag später.",
    "Die Ratssitzung am Dienstag ist öffentlich. Die Tagesordnung finden Sie auf unserer Website.",
    "Danke an alle, die sich im Ehrenamt engagieren! Ohne Sie wäre unsere Stadt ärmer.",
    "Besuch aus unserer Partnerstadt Le Mans: 40 Schülerinnen und Schüler sind diese Woche zu Gast.",
    "Die Ampel an der Kreuzung Neuhäuser Straße ist wieder in Betrieb.",
    "Haben Sie Fragen? Rufen Sie uns an: 05251 88-0. Wir helfen gern.",
    "Neue Kenntnisse für die Feuerwehr: 30 Ehrenamtliche haben den Grundlehrgang bestanden.",
    "In Verbindung mit dem Stadtfest fahren die Busse bis Mitternacht.",
    "Jedes Kind ab einem Jahr hat Anspruch auf einen Kitaplatz.",
    "So sieht der neue Spielplatz im Riemekeviertel aus. Die Kinder haben mitgeplant!",
    "Bauabschnitt IV ist fertig: Der Radweg an der Pader ist jetzt durchgehend befahrbar.",
    "Max und Lena aus der Klasse 4b haben den Lesewettbewerb der Stadtbibliothek gewonnen.",
    "Zum Abschluss des Sommerferienprogramms gibt es ein Kinderfest im Schlosspark.",
    "Das Bürgerbüro hat am Samstag von 9 bis 12 Uhr geöffnet. Bitte buchen Sie vorher einen Termin.",
    "Die Bäume an der Warburger Straße werden gefällt, weil sie krank sind. Wir pflanzen 30 neue.",
    "Sie möchten heiraten? Das Standesamt vergibt die Termine für 2027 ab dem 1. März.",
    "Sperrmüll können Sie jetzt online anmelden. Die Abholung ist kostenlos.",
    "Der Wochenmarkt zieht für zwei Wochen auf den Marienplatz um.",
    "Achtung, Glätte! Der Winterdienst ist seit 4 Uhr unterwegs. Fahren Sie bitte vorsichtig.",
    "Unsere Stadtbibliothek verleiht jetzt auch Werkzeug, Spiele und Musikinstrumente.",
    "Die Sprechstunde der Schiedsperson fällt im Juli aus.",
    "Im Rathaus zeigen Schulen ihre Bilder zum Thema Heimat. Der Eintritt ist frei.",
    "Wir suchen Wahlhelferinnen und Wahlhelfer für die Kommunalwahl. Melden Sie sich bei uns!",
    "Das Freibad öffnet am 15. Mai. Die Saisonkarte kostet 60 Euro, für Kinder 30 Euro.",
    "Die Feuerwehr übt am Mittwoch an der Grundschule. Es kann laut werden.",
    "Herzlichen Glückwunsch! Frau Schulte aus Elsen ist heute 100 Jahre alt geworden.",
    "Ab heute können Sie Ihren Bewohnerparkausweis online verlängern.",
    "Der Stadtrat hat den Haushalt für das nächste Jahr beschlossen.",
    "Im Herbst pflanzen wir am Lippesee 5.000 Blumenzwiebeln. Helfen Sie mit?",
    "Bitte stellen Sie Ihre Biotonne bis 6 Uhr an die Straße.",
    "Die Sanierung der Brücke dauert bis Ende Oktober. Fußgänger kommen weiter über die Brücke.",
    "Sorgen Sie vor: Im Sommer brauchen Stadtbäume Wasser. Gießen Sie gern mit!",
    "Die Rechnung für die Hundesteuer kommt im Januar mit der Post.",
    "Folge 3 unseres Podcasts ist online: Wie arbeitet eigentlich das Ordnungsamt?",
    "Das Jugendzentrum lädt zum Kickerturnier ein. Anmeldung bis Freitag im Jugendzentrum.",
];

#[test]
fn no_findings_on_ordinary_municipal_posts() {
    let mut false_positives = Vec::new();
    for text in ORDINARY {
        for finding in findings(text) {
            false_positives.push((text, finding));
        }
    }
    println!(
        "plain-language: {} findings on {} ordinary sentences",
        false_positives.len(),
        ORDINARY.len()
    );
    assert!(false_positives.is_empty(), "{false_positives:#?}");
}

/// Bureaucratic posts: (text, marked words, suggested replacement).
const BUREAUCRATIC: &[(&str, &str, Option<&str>)] = &[
    (
        "Zwecks Terminvereinbarung rufen Sie bitte an.",
        "Zwecks",
        None,
    ),
    (
        "Die Auskunft erfolgt seitens des Ordnungsamtes.",
        "seitens",
        None,
    ),
    (
        "Diesbezüglich informieren wir Sie morgen.",
        "Diesbezüglich",
        Some("Dazu"),
    ),
    (
        "Ihre diesbezügliche Anfrage beantworten wir.",
        "diesbezügliche",
        None,
    ),
    (
        "Schäden melden Sie bitte unverzüglich.",
        "unverzüglich",
        Some("sofort"),
    ),
    (
        "Wir bitten um unverzügliche Räumung.",
        "unverzügliche",
        Some("sofortige"),
    ),
    (
        "Eine fernmündliche Anmeldung ist möglich.",
        "fernmündliche",
        Some("telefonische"),
    ),
    (
        "Die Inanspruchnahme der Halle ist kostenlos.",
        "Inanspruchnahme",
        Some("Nutzung"),
    ),
    (
        "Die Lichtzeichenanlage am Dom ist defekt.",
        "Lichtzeichenanlage",
        Some("Ampel"),
    ),
    (
        "Zwei Lichtzeichenanlagen fallen aus.",
        "Lichtzeichenanlagen",
        None,
    ),
    (
        "Eine Fahrzeugführerin wurde leicht verletzt.",
        "Fahrzeugführerin",
        Some("Fahrerin"),
    ),
    ("Wir melden uns zeitnah bei Ihnen.", "zeitnah", Some("bald")),
    (
        "Nachstehend finden Sie die Termine.",
        "Nachstehend",
        Some("Unten"),
    ),
    (
        "Die Straße bleibt bis auf Weiteres gesperrt.",
        "bis auf Weiteres",
        Some("vorerst"),
    ),
    (
        "Bitte setzen Sie uns in Kenntnis, wenn sich etwas ändert.",
        "in Kenntnis",
        None,
    ),
    (
        "Bitte nehmen Sie die Hinweise zur Kenntnis.",
        "zur Kenntnis",
        None,
    ),
    (
        "Das Protokoll liegt zur Kenntnisnahme aus.",
        "zur Kenntnisnahme",
        Some("zur Information"),
    ),
    (
        "Für die Zurverfügungstellung der Räume danken wir.",
        "Zurverfügungstellung",
        Some("Bereitstellung"),
    ),
    (
        "Briefe ohne ausreichendes Postwertzeichen kommen zurück.",
        "Postwertzeichen",
        None,
    ),
    (
        "Es wird darauf hingewiesen, dass Hunde anzuleinen sind.",
        "Es wird darauf hingewiesen",
        Some("Bitte beachten Sie"),
    ),
    (
        "Die Gebühr ist bar zu entrichten.",
        "entrichten",
        Some("zahlen"),
    ),
    (
        "Bei den obigen Terminen gibt es Änderungen.",
        "obigen",
        Some("oben genannten"),
    ),
    (
        "Am Markt stehen neue Abfallbehälter.",
        "Abfallbehälter",
        Some("Mülleimer"),
    ),
    (
        "Der Markt fällt witterungsbedingt aus.",
        "witterungsbedingt",
        Some("wegen des Wetters"),
    ),
    (
        "Antragstellerinnen bringen bitte ihren Ausweis mit.",
        "Antragstellerinnen",
        None,
    ),
    (
        "Die Stadt wird dafür Sorge tragen, dass alles sauber bleibt.",
        "Sorge tragen",
        Some("sorgen"),
    ),
    (
        "Der Antrag wird einer Prüfung unterzogen.",
        "einer Prüfung unterzogen",
        Some("geprüft"),
    ),
    (
        "Mit obigem Formular geht es schneller.",
        "obigem",
        Some("oben genanntem"),
    ),
    (
        "Gebäude UNVERZÜGLICH verlassen!",
        "UNVERZÜGLICH",
        Some("SOFORT"),
    ),
];

#[test]
fn bureaucratic_terms_are_marked_with_fitting_suggestions() {
    let mut wrong = Vec::new();
    for (text, marked, suggestion) in BUREAUCRATIC {
        let expected = vec![(
            "plain-language.bureaucratic".to_owned(),
            (*marked).to_owned(),
            suggestion.map(str::to_owned),
        )];
        let got = findings(text);
        if got != expected {
            wrong.push((text, got));
        }
    }
    println!(
        "plain-language.bureaucratic: {} of {} positive sentences as expected",
        BUREAUCRATIC.len() - wrong.len(),
        BUREAUCRATIC.len()
    );
    assert!(wrong.is_empty(), "{wrong:#?}");
}

#[test]
fn abbreviations_are_written_out() {
    let cases: &[(&str, &str, Option<&str>)] = &[
        (
            "Bringen Sie z. B. Ihren Ausweis mit.",
            "z. B.",
            Some("zum Beispiel"),
        ),
        (
            "Bringen Sie z.B. Ihren Ausweis mit.",
            "z.B.",
            Some("zum Beispiel"),
        ),
        ("Z. B. im Rathaus.", "Z. B.", Some("Zum Beispiel")),
        (
            "Bringen Sie ggf. Ihren Pass mit.",
            "ggf.",
            Some("gegebenenfalls"),
        ),
        (
            "Die Halle ist i. d. R. ab 8 Uhr offen.",
            "i. d. R.",
            Some("in der Regel"),
        ),
        ("Es gibt Obst, Gemüse usw.", "usw.", Some("und so weiter.")),
        (
            "Es gibt Obst, Gemüse usw. Der Markt ist am Dom.",
            "usw.",
            Some("und so weiter."),
        ),
        (
            "Es gibt Obst, Gemüse usw. für alle.",
            "usw.",
            Some("und so weiter"),
        ),
        ("Es kommen ca. 200 Gäste.", "ca.", Some("etwa")),
        ("Die sog. Wertstoffinsel ist neu.", "sog.", None),
        ("Es spielen u. a. die Stadtmusikanten.", "u. a.", None),
    ];
    let mut wrong = Vec::new();
    for (text, marked, suggestion) in cases {
        let expected = vec![(
            "plain-language.abbreviations".to_owned(),
            (*marked).to_owned(),
            suggestion.map(str::to_owned),
        )];
        let got = findings(text);
        if got != expected {
            wrong.push((text, got));
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
}

#[test]
fn spelling_tricks_do_not_hide_a_term() {
    for (text, marked) in [
        ("Bitte unver\u{00AD}züglich melden.", "unver\u{00AD}züglich"),
        ("Bitte unver\u{200B}züglich melden.", "unver\u{200B}züglich"),
        ("Bitte unverzüglich melden.", "unverzüglich"),
        ("Die Inаnspruchnahme ist frei.", "Inаnspruchnahme"), // Cyrillic а
        (
            "Bitte ＵＮＶＥＲＺÜＧＬＩＣＨ melden.",
            "ＵＮＶＥＲＺÜＧＬＩＣＨ",
        ),
        ("Bitte 𝐳𝐞𝐢𝐭𝐧𝐚𝐡 melden.", "𝐳𝐞𝐢𝐭𝐧𝐚𝐡"),
    ] {
        let got = findings(text);
        assert_eq!(got.len(), 1, "{text}: {got:?}");
        assert_eq!(got[0].1, marked, "{text}");
    }
}

#[test]
fn quotations_links_and_near_misses_are_not_marked() {
    for text in [
        "Der Roman „Unverzüglich zurück“ wird in der Bibliothek gelesen.",
        "Infos: https://www.paderborn.de/zwecks-anmeldung",
        "Das war so. Dann kam der Bus.",
        "Teil IV. Dann geht es weiter.",
        "Wir danken Max. Er hat geholfen.",
        "Fahrradständer und Ampeln sind neu.",
    ] {
        assert_eq!(findings(text), Vec::new(), "{text}");
    }
}

#[test]
fn policy_adds_and_allows_terms() {
    let extra = r#"
[rules."plain-language.bureaucratic"]
allow = ["ZWECKS"]
add = [{ term = "Wertstoffinsel", instead = "Container", suggest = true, inflected = true }]
[rules."plain-language.abbreviations"]
allow = ["ca."]
add = [{ term = "OGS", instead = "Offene Ganztagsschule", suggest = true }]
"#;
    let engine = engine(extra);
    assert_eq!(
        findings_of(&engine, "Zwecks Anmeldung ca. 5 Minuten."),
        Vec::new()
    );
    assert_eq!(
        findings_of(&engine, "Die Wertstoffinseln werden geleert."),
        vec![(
            "plain-language.bureaucratic".to_owned(),
            "Wertstoffinseln".to_owned(),
            None
        )]
    );
    assert_eq!(
        findings_of(&engine, "Die Wertstoffinsel wird geleert.")[0]
            .2
            .as_deref(),
        Some("Container")
    );
    // An added abbreviation without dots needs none in the text.
    assert_eq!(
        findings_of(&engine, "Die OGS hat Ferien.")[0].2.as_deref(),
        Some("Offene Ganztagsschule")
    );
    let empty = r#"
[rules."plain-language.bureaucratic"]
add = [{ term = " ", instead = "x" }]
"#;
    let policy = Policy::from_toml(&format!("{POLICY}\n{empty}")).unwrap();
    assert!(Engine::new(policy).is_err());
    let misspelt = r#"
[rules."plain-language.bureaucratic"]
allow = ["zweks"]
"#;
    let policy = Policy::from_toml(&format!("{POLICY}\n{misspelt}")).unwrap();
    let error = Engine::new(policy).err().unwrap().to_string();
    assert!(
        error.contains("`zweks`") && error.contains("`zwecks`?"),
        "{error}"
    );
}

#[test]
fn builtin_lexicon_is_consistent() {
    let lexicons = builtin().unwrap();
    assert!(
        lexicons.bureaucratic.len() >= 100,
        "{}",
        lexicons.bureaucratic.len()
    );
    let fold = |t: &str| Folded::new(t).as_str().to_owned();
    let bureaucratic: Vec<String> = lexicons
        .bureaucratic
        .iter()
        .map(|e| fold(&e.term))
        .collect();
    for entry in &lexicons.abbreviation {
        assert!(entry.term.ends_with('.'), "`{}` needs its dot", entry.term);
        assert!(
            !bureaucratic.contains(&fold(&entry.term)),
            "`{}` is in both lists",
            entry.term
        );
        assert!(
            entry.inflects_as.is_none() && !entry.inflected,
            "{}",
            entry.term
        );
    }
    for entry in &lexicons.bureaucratic {
        assert!(entry.plain.is_none() && !entry.closing, "{}", entry.term);
        if let Some(stem) = &entry.inflects_as {
            assert!(entry.suggest && entry.inflected, "{}", entry.term);
            assert_eq!(
                fold(&entry.term).ends_with('e'),
                stem.ends_with('e'),
                "`{}` and `{stem}` take different endings",
                entry.term
            );
        }
        if entry.suggest {
            assert!(
                !entry.instead.contains(", "),
                "`{}`: one replacement",
                entry.term
            );
        }
    }
}

/// Every built-in term is found where it stands in a sentence: the folding of terms and
/// text agree, and no entry is shadowed by another.
#[test]
fn every_builtin_term_finds_itself() {
    let extractor = Extractor::new().unwrap();
    let lexicons = builtin().unwrap();
    for list in [&lexicons.bureaucratic, &lexicons.abbreviation] {
        let terms = TermSet::new(list, None, None).unwrap();
        for entry in list.iter() {
            let text = format!("Heute {} ist es so.", entry.term);
            let view = TextView::new(&text, &extractor);
            let found = terms.find(&view);
            let expected = entry.term.trim_end_matches('.');
            assert!(
                found
                    .iter()
                    .any(|m| text[m.span.clone()].trim_end_matches('.') == expected
                        && m.entry.instead == entry.instead),
                "`{}` not found in {text:?}",
                entry.term
            );
        }
    }
}

#[test]
fn replacements_follow_the_written_case() {
    assert_eq!(match_case("Unverzüglich", "sofort", false), "Sofort");
    assert_eq!(match_case("unverzüglich", "sofort", false), "sofort");
    assert_eq!(match_case("Anschrift", "Adresse", true), "Adresse");
    assert_eq!(match_case("Sorge tragen", "sorgen", true), "sorgen");
    assert_eq!(match_case("ZEITNAH", "bald", false), "BALD");
    assert_eq!(match_case("Z. B.", "zum Beispiel", false), "Zum Beispiel");
}
