use std::ops::Range;

use crate::lang::tr;
use crate::report::Severity;
use crate::rules::neutrality::{
    NameMatcher, PARTY_BLOCS, PartyMatcher, Segments, Word, all_candidates, applies,
    compile_lexicon, evaluative_term, open_window, quoted, starts_upper, window_suffix,
    with_ascii_spellings, word_list,
};
use crate::rules::{
    Account, CheckContext, Finding, Rule, RuleDef, SettingError, Title, documented_rule,
    rule_settings,
};
use crate::text::extract::EntityKind;
use crate::text::fold::is_ignorable;
use crate::text::lexicon::{Lexicon, TermOptions};
use crate::text::{Region, TextView};

/// Words between an evaluation and the actor it is about (`dank der hervorragenden Arbeit
/// der CDU`: three).
const DEFAULT_WINDOW_WORDS: u32 = 5;

/// Praise (folded; inflections match, `*` also closed compounds). It counts for parties,
/// candidates and party actors; thanking a government for funding is the city's business.
/// Words that also report facts about council business (`erfolgreich`, `stärkste Kraft`)
/// are left out on purpose.
const DEFAULT_PRAISE: &[&str] = &[
    "hervorragend",
    "großartig",
    "exzellent",
    "vorbildlich",
    "herausragend",
    "beeindruckend",
    "brillant",
    "verdienstvoll",
    "vorausschauend",
    "weitsichtig",
    "mutig",
    "kompetent",
    "unermüdlich",
    "toll",
    "super",
    "klasse",
    "perfekt",
    "beste",
    "besten",
    "Verdienst",
    "verdanken",
    "dank",
    "Dank",
    "danken",
    "dankt",
    "bedanken",
    "bedankt",
    "danke",
    "Dankeschön",
    "zuverlässig",
    "bravourös",
    "Glanzleistung",
    "Respekt",
    "Rückgrat",
    "Lichtblick",
    "gut so",
    "weiter so",
    "einzige demokratische",
    // approval of a party's people and performance (`starke Rede`, `stolz auf die …`)
    "starke",
    "starker",
    "stolz auf",
    "überzeugend",
    "leidenschaftlich",
    "kraftvoll",
    "klug",
    "kluge",
    "kluger",
    "Meisterleistung",
    "Bravo",
    "Chapeau",
    "Hut ab",
    "Daumen hoch",
];

/// Praise that is a preposition (`dank der Förderung`, `dank der CDU`): it is about what
/// follows it, never about an actor before it (folded).
const PREPOSITIONS: &[&str] = &["dank"];

/// Congratulations: praise of a party (`Glückwunsch an die SPD zum Wahlsieg`), but a city
/// congratulates people (candidates too) on birthdays and honours.
const DEFAULT_CONGRATULATIONS: &[&str] = &[
    "Glückwunsch",
    "Glückwünsche",
    "gratulieren",
    "gratuliert",
    "gratuliere",
    "Gratulation",
];

/// The start of a hashtag that rejects the party glued to it (`#NoAfD`, `#FCKAFD`,
/// `#NieWiederCDU`, `#StopGroKo`), folded.
const REJECTING_TAGS: &[&str] = &[
    "no",
    "nie",
    "niewieder",
    "nomore",
    "fck",
    "fuck",
    "anti",
    "stop",
    "stopp",
    "kein",
    "keine",
    "gegen",
];

/// Disparagement, insults and mockery (folded; inflections match, `*` also closed
/// compounds: `Dreck*` → `Dreckspartei`). Words that name ordinary municipal things as
/// well (`Müll`, `Theater`, `Zirkus`, `Kindergarten`, `Gefahr`) are left out.
const DEFAULT_DISPARAGING: &[&str] = &[
    // incompetence and failure
    "unfähig",
    "Unfähigkeit",
    "inkompetent",
    "Inkompetenz",
    "chaotisch",
    "Chaos*",
    "peinlich",
    "skandalös",
    "Skandal*",
    "verantwortungslos",
    "unverantwortlich",
    "Versager",
    "Verlierer",
    "versagt",
    "Versagen",
    "Totalversagen",
    "Totalausfall",
    "Stümper",
    "stümperhaft",
    "Dilettanten",
    "dilettantisch",
    "Amateure",
    "ahnungslos",
    "Ahnung von nichts",
    "realitätsfern",
    "weltfremd",
    "katastrophal",
    "desaströs",
    "miserabel",
    "Murks",
    "Wischiwaschi*",
    "Stillstand",
    "schlimmste",
    "schlechteste",
    "abgewirtschaftet",
    "taugt nichts",
    "taugen nichts",
    "zu nichts zu gebrauchen",
    "nichts zu gebrauchen",
    "lächerlich",
    "lächerlichste",
    "Lachnummer",
    "Witzfigur",
    "Witzfiguren",
    "Kasperle*",
    "Clowns",
    "Clownsverein",
    "Trauerspiel",
    "Armutszeugnis",
    "Blamage",
    "fataler Fehler",
    "hat fertig",
    "Schande",
    "schändlich",
    "beschämend",
    "armselig",
    "erbärmlich",
    "jämmerlich",
    "Jammerlappen",
    "Waschlappen",
    "Weicheier",
    "Feiglinge",
    "Luschen",
    "Nullen",
    "Pfeifen",
    // lying, betrayal, corruption
    "lügen",
    "lügt",
    "Lüge",
    "Lügen*",
    "Lügner",
    "verlogen",
    "belügen",
    "belogen",
    "gelogen",
    "Heuchler",
    "heuchlerisch",
    "Heuchelei",
    "scheinheilig",
    "Doppelmoral",
    "Verräter",
    "Verrat",
    "verraten",
    "Volksverräter",
    "Landesverräter",
    "Hochverrat",
    "Wortbruch",
    "Betrüger",
    "betrügen",
    "Wahlbetrug*",
    "korrupt",
    "Korruption",
    "Bonzen",
    "Abzocker",
    "Abzocke",
    "Schmarotzer",
    "Parasiten",
    "machtgeil",
    "machtgierig",
    "Machtgier",
    "geldgierig",
    "raffgierig",
    "Klientelpolitik",
    "Klientelpartei",
    "Lautsprecherei",
    "Falschbehauptung",
    "Fähnchen in den Wind",
    "Fahne nach dem Wind",
    "unwürdig",
    "unwürdige",
    "Gezerre",
    "faule Kompromisse",
    "ohne Sachverstand",
    "ohne Hirn",
    "Gefahr für",
    "keine Gefahr",
    "nicht wählbar",
    "nicht mehr wählbar",
    "unwählbar",
    // extremism and enmity as insults
    "Populist",
    "Populisten",
    "populistisch",
    "Rechtspopulisten",
    "Linkspopulisten",
    "Hetze",
    "Hetzer",
    "hetzen",
    "hetzt",
    "Hetzpartei",
    "rechtsextrem",
    "linksextrem",
    "extremistisch",
    "Extremisten",
    "radikal",
    "Radikale",
    "Nazi",
    "Nazis",
    "Nazipartei",
    "Neonazis",
    "faschistisch",
    "faschistoid",
    "Faschisten",
    "Faschos",
    "Kommunisten",
    "Stalinisten",
    "Rassisten",
    "rassistisch",
    "Antisemiten",
    "Antisemit",
    "Verfassungsfeinde",
    "Demokratiefeinde",
    "demokratiefeindlich",
    "undemokratisch",
    "deutschfeindlich",
    "Deutschfeinde",
    "antideutsch",
    "Volksfeinde",
    "Einheitspartei",
    "Blockflöten*",
    "Altparteien",
    "Systemparteien",
    "Kartellparteien",
    "Blockparteien",
    "Spalter",
    "Totengräber",
    "Zerstörer",
    "Ideologen",
    "ideologisch",
    "Verbotspartei",
    "Chaostruppe",
    "Blockierer",
    "blockiert",
    "blockieren",
    "Blockade",
    "Blockadepolitik",
    "unsozial",
    "verbrecherisch",
    "Verbrecher",
    "kriminell",
    "Kriminelle",
    "hochkriminell",
    "Schergen",
    "Sekte",
    // insults
    "Pack",
    "Gesindel",
    "Bande",
    "Pöbel",
    "Abschaum",
    "Dreck*",
    "Scheiß*",
    "Kotz*",
    "versifft",
    "versyfft",
    "Idiot",
    "Idioten",
    "Vollidioten",
    "Deppen",
    "Trottel",
    "Schwachköpfe",
    "Schwachmaten",
    "Dummköpfe",
    "dumm",
    "dümmer",
    "Dummheit",
    "dämlich",
    "bescheuert",
    "bekloppt",
    "Bekloppte",
    "durchgeknallt",
    "verrückt",
    "Verrückte",
    "Spinner",
    "geisteskrank",
    "Geisteskranke",
    "Irre",
    "irre",
    "größenwahnsinnig",
    "Schwachsinn",
    "Gelaber",
    "Dummlaberei",
    "Geschwätz",
    "Schwätzer",
    "Arsch*",
    "Ärsche",
    "Hurensohn",
    "Hurensöhne",
    "Schlampe",
    "Stinktiere",
    "Ratten",
    "Ungeziefer",
    "Schweine",
    "Fratze",
    "widerlich",
    "ekelhaft",
    "widert",
    "abartig",
    "pervers",
    "Schnauze voll",
    "zum Kotzen",
    "in die Versenkung",
    "von der Bildfläche",
    "in die Wüste",
    "zum Teufel",
    "muss weg",
    "müssen weg",
    "weg mit",
    "entsorgen",
    "davonjagen",
    "davongejagt",
    "vernichtet",
    "Untergang",
    // ousting: wanting a party gone (`Weg mit den …`, `… müssen weg`)
    "gehört weg",
    "gehören weg",
    "raus mit",
    "muss verschwinden",
    "müssen verschwinden",
    "zu Grabe",
    "abservieren",
    // reproach: what a party should rather do or be ashamed of
    "sollte lieber",
    "sollten lieber",
    "sollte sich lieber",
    "sollten sich lieber",
    "schämen",
    "schämt",
    // more incompetence, deceit and spite
    "niveaulos",
    "unterirdisch",
    "Umfaller",
    "umgefallen",
    "Wendehals",
    "Wendehälse",
    "Sauhaufen",
    "Saftladen",
    "Gurkentruppe",
    "Loser",
    "Nieten",
    "Blödsinn",
    "Quatsch",
    "Irrsinn",
    "hirnlos",
    "hirnverbrannt",
    "verblendet",
    "Volksverdummung",
    "verarschen",
    "verarscht",
    "Verarsche",
    "Postengeschacher",
    "Postenschacher",
    "Pöstchen*",
    "Selbstbedienungsladen",
    "Vetternwirtschaft",
    "Filz",
    "Mafia",
    "Gauner",
    "Ganoven",
    "Lumpen",
    "Kriegstreiber",
    "Panikmache",
    "Schmierentheater",
    "Affentheater",
    "Farce",
    "Tollhaus",
    "Irrenhaus",
    // sneering at what a party cares about (`Hauptsache Posten`, `scheint niemanden zu
    // interessieren`)
    "Hauptsache",
    "niemanden zu interessieren",
    "kaum jemanden zu interessieren",
    "interessiert niemanden",
    "interessiert keinen",
    // the ballot against a party (`Einfach nicht wählen!`, `wird nicht angekreuzt`)
    "nicht wählen",
    "nicht mehr wählen",
    "nicht angekreuzt",
    // deceit by a party (`Etikettenschwindel`, `Vertrauen missbraucht`)
    "Etikettenschwindel",
    "Mogelpackung",
    "Wählertäuschung",
    "Wählerbetrug",
    "Vertrauen missbraucht",
    // harm done to the country (`wird Deutschland schaden`, `die Abschaffung unseres
    // Landes`)
    "Deutschland schaden",
    "Deutschland schadet",
    "schadet Deutschland",
    "schaden Deutschland",
    "unserem Land schaden",
    "unserem Land schadet",
    "schadet unserem Land",
    "Deutschland ruinieren",
    "ruiniert Deutschland",
    "ruinieren Deutschland",
    "unser Land ruinieren",
    "ruiniert unser Land",
    "Deutschland zerstören",
    "zerstört Deutschland",
    "zerstören Deutschland",
    "unser Land zerstören",
    "zerstört unser Land",
    "Abschaffung Deutschlands",
    "Abschaffung unseres Landes",
    "bis zur Unkenntlichkeit",
    // a party likened to the organs of a dictatorship (`wie die Stasi`, `Stasi-Methoden`);
    // not `Stasi` alone, which names memorials and archives (`Gedenkstätte der Stasi-Opfer`)
    "wie die Stasi",
    "wie die Gestapo",
    "wie die SED",
    "wie in der DDR",
    "Stasimethoden",
    "Stasi-Methoden",
    "Gestapo-Methoden",
    // irony: what a party did is beyond belief (`Das verstehe, wer will.`, `Kannste dir
    // nicht ausdenken.`)
    "verstehe wer will",
    "verstehe, wer will",
    "kannste dir nicht ausdenken",
    "kann man sich nicht ausdenken",
    "Realsatire",
    // a school mark for a party (`Sechs, setzen.`)
    "sechs setzen",
    "sechs, setzen",
    "6 setzen",
    "6, setzen",
    "6 ,setzen",
];

/// The ballot against a party (folded): it judges the party of the sentence before when
/// its own names none (`Die FDP wird bei einer Neuwahl` on one line, `mit Sicherheit
/// nicht angekreuzt.` on the next).
const BALLOT: &[&str] = &[
    "nicht wählen",
    "nicht mehr wählen",
    "nicht angekreuzt",
    "nicht wählbar",
    "nicht mehr wählbar",
    "unwählbar",
];

/// Laughter in words (`hahaha`, `lol`): mockery of the party it stands beside (see
/// [`MOCKING_EMOJI`]).
const LAUGHTER: &[&str] = &["haha*", "hihi*", "hehe*", "muhaha*", "lol", "rofl", "lmao"];

/// Emoji that laugh at or sneer at what is said (`so geht CDU😂`): mockery of the party in
/// the sentence they close, or in the one before or after when that has none.
const MOCKING_EMOJI: &[char] = &[
    '😂', '🤣', '😜', '😝', '😛', '🤪', '🤡', '🤮', '🤢', '💩', '🙄', '🖕',
];

/// Grinning emoji: mockery only when repeated (`… unter 15% 😃😃`); a single one is the
/// friendly smile a city uses too.
const GRINNING_EMOJI: &[char] = &['😃', '😄', '😁', '😆'];

/// Party colours as adjectives (folded): right before an insult they name the party
/// (`grüner Dreck`, `rotes Pack`).
const PARTY_COLOURS: &[&str] = &[
    "grün",
    "grüne",
    "grüner",
    "grünen",
    "grünem",
    "grünes",
    "rot",
    "rote",
    "roter",
    "roten",
    "rotem",
    "rotes",
    "schwarz",
    "schwarze",
    "schwarzer",
    "schwarzen",
    "schwarzem",
    "schwarzes",
    "gelb",
    "gelbe",
    "gelber",
    "gelben",
    "gelbem",
    "gelbes",
    "rotgrün",
    "rotgrüne",
    "rotgrüner",
    "rotgrünen",
    "rotgrünem",
    "rotgrünes",
];

/// A word right before a party that mocks it as a type (`typisch SPD`), folded.
const TYPIFYING: &[&str] = &["typisch"];

/// Possessives right before a party that make it the writer's own (`unsere SPD`, `meine
/// CDU`): an official account that owns a party praises it, folded.
const OWNING: &[&str] = &[
    "unser", "unsere", "unserer", "unseren", "unserem", "unseres", "mein", "meine", "meiner",
    "meinen", "meinem", "meines",
];

/// Words before a party that end its clause and mock it as a model (`so geht CDU`),
/// folded.
const MODEL_FRAME: [&str; 2] = ["so", "geht"];

/// Word endings that make a closed compound an insult (`Lumpenpack`, `Volksverräter`,
/// `Vollidioten`): matched on every word, with or without further letters before them.
const DISPARAGING_ENDINGS: &[&str] = &[
    "pack",
    "bande",
    "banden",
    "gesindel",
    "verräter",
    "lügner",
    "versager",
    "idioten",
    "nazis",
    "faschisten",
    "schweine",
    "heuchler",
    "clowns",
    "verbrecher",
    "schmarotzer",
    "hetzer",
    "deppen",
    "trottel",
];

/// Political actors other than named parties.
const DEFAULT_ACTORS: &[&str] = &[
    "Koalition",
    "Ampelkoalition",
    "Ampel-Koalition",
    "Jamaika-Koalition",
    "Jamaikakoalition",
    "GroKo",
    "Große Koalition",
    "Großen Koalition",
    "Regierungskoalition",
    "Opposition",
    "Fraktion",
    "Fraktionen",
    "Ratsfraktion",
    "Partei",
    "Parteien",
    "Kandidat",
    "Kandidatin",
    "Kandidaten",
    "Ratsmehrheit",
    "Mehrheitsfraktion",
    "Regierung",
    "Bundesregierung",
    "Landesregierung",
    "Staatsregierung",
    "Regierungsparteien",
    "Rot-Grün",
    "Rot Grün",
    "Rotgrün",
    "Rot-Rot-Grün",
    "RRG",
    "R2G",
    "Schwarz-Grün",
    "Schwarz Grün",
    "Schwarz-Gelb",
    "Schwarz-Rot",
    "Kanzlerkandidat",
    "Kanzlerkandidatin",
    "Spitzenkandidat",
    "Spitzenkandidatin",
    "Bundestagsfraktion",
    "Landtagsfraktion",
    "Koalitionsparteien",
    "Koalitionäre",
    "Regierenden",
    "Parteispitze",
    "Parteiführung",
    "Parteivorstand",
    "Parteibonzen",
    "etablierte Parteien",
    "etablierten Parteien",
];

/// Actors a city names in its own business (`die Fraktionen im Rat`, `die Kandidaten
/// stellen sich vor`): mockery and a judgement carried over from the sentence before do
/// not concern them (folded).
const COUNCIL_WORDS: &[&str] = &[
    "fraktion",
    "fraktionen",
    "ratsfraktion",
    "bundestagsfraktion",
    "landtagsfraktion",
    "partei",
    "parteien",
    "kandidat",
    "kandidatin",
    "kandidaten",
    "kanzlerkandidat",
    "kanzlerkandidatin",
    "spitzenkandidat",
    "spitzenkandidatin",
    "ratsmehrheit",
    "mehrheitsfraktion",
];

/// Words that name parties and judge them at once (`Altparteien`, `kotzgrün`): an
/// actor and an evaluation in one word (folded; inflections match).
/// With [`PARTY_BLOCS`] (`Altparteien`).
const SELF_JUDGING: &[&str] = &[
    "Einheitspartei",
    "Blockflöten",
    "kotzgrün",
    "Lügenpartei",
    "Dreckspartei",
    "Verräterpartei",
    "Verbotspartei",
];

/// Actors that praise does not concern: a city thanks a government for funding.
const GOVERNMENT: &[&str] = &[
    "regierung",
    "regierenden",
    "bundesregierung",
    "landesregierung",
    "staatsregierung",
];

/// Coalitions by a colour or flag that is also an everyday word (`Ampel` at the
/// crossing): an actor only in a sentence with another actor or a party.
const AMBIGUOUS_ACTORS: &[&str] = &["Ampel", "Jamaika", "Schwarze Ampel"];

/// Possessives that tie an evaluated noun to an actor named before (`die Grünen mit ihrer
/// chaotischen Politik`).
const POSSESSIVES: &[&str] = &[
    "ihre", "ihrer", "ihren", "ihrem", "ihres", "seine", "seiner", "seinen", "seinem", "seines",
    "deren", "dessen", "diese", "dieser", "diesen", "diesem", "dieses",
];

/// Verbs right after an actor that make it the speaker of what is reported (folded).
const REPORTING_VERBS: &[&str] = &[
    "fordert",
    "fordern",
    "verlangt",
    "verlangen",
    "kritisiert",
    "kritisieren",
    "beklagt",
    "beklagen",
    "bemängelt",
    "bemängeln",
    "spricht",
    "sprechen",
    "nennt",
    "nennen",
    "wirft",
    "werfen",
    "warnt",
    "warnen",
    "sieht",
    "sehen",
];

/// Words that may stand before the subject of a sentence (`Die Politiker der AfD …`).
const BEFORE_SUBJECT: &[&str] = &["die", "der", "das", "auch", "nur", "selbst"];

/// Words that attach a following actor to a noun (`die hervorragende Arbeit der CDU`).
const ATTACHING: &[&str] = &[
    "der", "des", "von", "vom", "dieser", "dieses", "einer", "eines",
];

/// Words before an actor that address every group alike (`Dank an alle Fraktionen`).
const ALL_ALIKE: &[&str] = &[
    "alle",
    "allen",
    "aller",
    "sämtliche",
    "sämtlichen",
    "sämtlicher",
    "jede",
    "jeder",
];

rule_settings! {
    /// Settings of `neutrality.judgement`.
    #[schemars(rename = "NeutralityJudgementSettings")]
    pub struct Settings {
        /// Evaluative words (praise and disparagement); replaces the built-in list. A
        /// trailing `*` also matches closed compounds (`Chaos*` → `Chaostruppe`).
        pub evaluative: Option<Vec<String>>,
        /// Evaluative words added to the built-in or configured list.
        pub extra_evaluative: Option<Vec<String>>,
        /// Words for political actors besides parties and candidates (`Koalition`,
        /// `Fraktion`); replaces the built-in list.
        pub actors: Option<Vec<String>>,
        /// Most words between praise and the actor (default 5; disparagement twice as many).
        pub window_words: Option<u32>,
    }
}

documented_rule! {
    /// ## What it checks
    /// Praise or disparagement of parties and political actors in a post of an official
    /// account: an evaluative word within `window-words` words of a party (as
    /// `neutrality.party` finds them, with its other names: `Union`, `Sozis`,
    /// `Bündnisgrüne`, `SPDler`), a candidate from `[[elections]]`, or an actor word
    /// (`Koalition`, `GroKo`, `Regierung`, `Opposition`, `Fraktion`, `Rot-Grün`,
    /// `Kanzlerkandidat`, `Parteispitze`, `die Regierenden`, `etablierte Parteien`) in the same
    /// sentence (`Ampel` and `Jamaika` only beside another actor or joined to an
    /// evaluation: `Jamaika-Scheiße`, not the `Ampel` at the crossing): `die unfähige
    /// Koalition`, `dank der hervorragenden Arbeit der CDU`,
    /// `Populisten von der AfD`, `die Verräter der SPD`. Disparagement reaches twice as far
    /// as praise (a city praises people near a party mention in a long sentence, it never
    /// insults anyone). The subject of a sentence is judged by its predicate at three times
    /// the distance (`Die Politiker der AfD sind für unsere Stadt eine Schande`), also when a
    /// short name shares it (`Herr X und die SPD sind … die einzigen mit Rückgrat`). The span
    /// runs from the evaluation to the actor.
    ///
    /// Constructions judge too: a party colour right before an insult names the party
    /// (`grüner Dreck`, `rotes Pack`), and before an actor word makes the actor the party's
    /// (`der rote Kanzlerkandidat`); `typisch SPD`, and `so geht CDU` ending its clause,
    /// mock; a possessive makes the party the writer's own (`unsere SPD`: praise); a tag
    /// that rejects the party glued to it (`#NoGroKo`, `#FCKAFD`, `#NieWiederCDU`). A
    /// sentence that opens with a pronoun (`Weg mit den Linken. Sie taugen nichts.`) or
    /// with the insult itself and names no actor (`… die etablierten Parteien … Unfähig,
    /// dieses Land zu regieren.`) judges the actor of the sentence before, and so does the
    /// ballot against a party anywhere in a sentence that names no actor (`Die FDP wird bei
    /// einer Neuwahl` / `mit Sicherheit nicht angekreuzt.`); a sentence before that only
    /// continues a line (it opens lower-case after a bare line break) reaches back to where
    /// the line began. A closing line of tags that name a party alone (`Damit auch der
    /// letzte Arsch rot wird` / `#spd #linke`) names what the sentence before it disparages
    /// when that sentence names no actor (not what it praises: a city thanks people and
    /// may tag what they belong to). Mockery judges the party or political actor of the
    /// sentence it closes at any distance, or of the sentence before or after when that
    /// names none: sneering emoji (`so geht CDU😂`,
    /// `🤣`, `😜`, `🤡`, `🤮`, a grin only when repeated: `😃😃`), laughter (`hahaha`, `lol`)
    /// and indignant question marks (`IHR wollt eine neue #GroKo??`); council words
    /// (`Fraktion`, `Partei`, `Kandidat`) are a city's own business and not concerned.
    ///
    /// The built-in words are broad: praise (`hervorragend`, `Dank`, `Respekt`, `starke`,
    /// `stolz auf`, `Hut ab`), and insults, mockery and attacks (`Versager`, `Lügner`,
    /// `Heuchler`, `Verräter`, `Pack`, `Nazis`, `lächerlich`, `Umfaller`, `Vetternwirtschaft`),
    /// ousting (`Weg mit den …`, `… müssen weg`, `gehört weg`, `raus mit`, `zu Grabe`),
    /// reproach (`sollten sich lieber …`, `schämen`), sneering at what a party cares about
    /// (`Hauptsache …`, `scheint niemanden zu interessieren`) and the ballot against a party
    /// (`nicht mehr wählbar`, `Einfach nicht wählen!`, `wird nicht angekreuzt`), deceit
    /// (`Etikettenschwindel`, `Vertrauen missbraucht`), harm done to the country (`wird
    /// Deutschland schaden`, `Abschaffung unseres Landes`, `bis zur Unkenntlichkeit`),
    /// likening to the organs of a dictatorship (`wie die Stasi`, `Stasi-Methoden`), irony
    /// (`Das verstehe, wer will.`, `Kannste dir nicht ausdenken.`, `Realsatire`) and a
    /// school mark (`Sechs, setzen.`); a trailing
    /// `*` also matches closed compounds (`Dreck*` → `Dreckspartei`), and compounds ending in
    /// an insult count too (`Lumpenpack`, `Volksverräter`, `Grünenclowns`). Some words name
    /// and judge parties at once (`Altparteien`, `kotzgrün`). Hashtags count as text:
    /// `#LuegenAfD` judges the party in its tag, an evaluation that runs on out of a tag is
    /// a sentence (`#Deutschland schaden`), and umlauts may be spelled out (`ue` for `ü`).
    ///
    /// Not findings: evaluations inside quotation marks (the city quotes rather than
    /// judges), actors addressed all alike (`Dank an alle Fraktionen`), evaluations of
    /// people and things that are not political actors (`dank der hervorragenden Arbeit der
    /// Feuerwehr`), a hashtag evaluation beside a party tag (`#Danke #SPD`: keywords, not a
    /// sentence), `dank` before the actor it cannot be about (`die CDU-Fraktion hat, dank
    /// der Förderung …`), praise of a government (a city thanks the state for funding),
    /// congratulations to people (only parties count), an actor that speaks
    /// (`Skandal: Opposition fordert Aufklärung` reports its words), an actor attacked by
    /// what comes before it (`Hetze gegen die AfD`), and the handles a
    /// reply opens with unless a handle is the party itself (`@CDU`).
    ///
    /// ## Why
    /// Negative official statements about a party violate its equal chances, inside and
    /// outside election periods (2 BvE 1/16 Wanka, 2 BvE 1/19 Seehofer, 2 BvE 4/20); praise
    /// of a party is advertising (BVerfGE 44,125); a mayor speaks on local matters,
    /// factually (BVerwG 10 C 6.16). Stadt Paderborn (Social-Media-Strategie 2021):
    /// "Neutralitätsgebot". Always an error.
    ///
    /// ## Example
    /// `Dank der hervorragenden Arbeit der CDU-Fraktion wird die Schule saniert.` → `Der Rat
    /// hat die Sanierung der Schule beschlossen.`
    ///
    /// ## Configuration
    /// ```toml
    /// [rules."neutrality.judgement"]
    /// extra-evaluative = ["Sauladen"]
    /// actors = ["Koalition", "Opposition", "Fraktion", "Fraktionen", "Partei"]
    /// window-words = 5
    /// ```
    ///
    /// # Deutsch
    ///
    /// ## Was geprüft wird
    /// Lob oder Herabsetzung von Parteien und politischen Akteuren in einem Beitrag eines
    /// amtlichen Kontos: ein wertendes Wort im Abstand von höchstens `window-words` Wörtern zu
    /// einer Partei (wie `neutrality.party` sie findet, mit ihren anderen Namen: `Union`,
    /// `Sozis`, `Bündnisgrüne`, `SPDler`), zu einer Kandidatin oder einem Kandidaten aus
    /// `[[elections]]` oder zu einem Akteurswort (`Koalition`, `GroKo`, `Regierung`,
    /// `Opposition`, `Fraktion`, `Rot-Grün`, `Kanzlerkandidat`, `Parteispitze`, `die
    /// Regierenden`, `etablierte Parteien`) im selben Satz (`Ampel` und `Jamaika` nur neben einem
    /// anderen Akteur oder mit einer Wertung verbunden: `Jamaika-Scheiße`, nicht die `Ampel` an
    /// der Kreuzung): `die unfähige Koalition`, `dank der hervorragenden Arbeit der CDU`,
    /// `Populisten von der AfD`, `die Verräter der SPD`. Herabsetzung reicht doppelt so weit wie
    /// Lob (eine Stadt lobt in einem langen Satz auch Menschen in der Nähe einer genannten
    /// Partei, sie beleidigt aber nie jemanden). Das Subjekt eines Satzes wird von seinem
    /// Prädikat noch im dreifachen Abstand gewertet (`Die Politiker der AfD sind für unsere Stadt
    /// eine Schande`), auch wenn ein kurzer Name mit im Subjekt steht (`Herr X und die SPD sind …
    /// die einzigen mit Rückgrat`). Die Markierung reicht von der Wertung bis zum Akteur.
    ///
    /// Auch Konstruktionen werten: Eine Parteifarbe direkt vor einer Beleidigung nennt die Partei
    /// (`grüner Dreck`, `rotes Pack`), und vor einem Akteurswort macht sie den Akteur zu dem der
    /// Partei (`der rote Kanzlerkandidat`); `typisch SPD` und `so geht CDU` am Ende seines
    /// Teilsatzes spotten; ein Possessivpronomen macht die Partei zur eigenen Partei des
    /// Schreibenden (`unsere SPD`: Lob); ein Hashtag, der die mit ihm verbundene Partei ablehnt,
    /// wertet sie (`#NoGroKo`, `#FCKAFD`, `#NieWiederCDU`). Ein Satz, der mit einem Pronomen
    /// beginnt (`Weg mit den Linken. Sie taugen nichts.`) oder mit der Beleidigung selbst und
    /// keinen Akteur nennt (`… die etablierten Parteien … Unfähig, dieses Land zu regieren.`),
    /// wertet den Akteur des vorigen Satzes, und ebenso die Stimmabgabe gegen eine Partei
    /// irgendwo in einem Satz, der keinen Akteur nennt (`Die FDP wird bei einer Neuwahl` / `mit
    /// Sicherheit nicht angekreuzt.`); setzt der vorige Satz nur eine Zeile fort (er beginnt nach
    /// einem bloßen Zeilenumbruch kleingeschrieben), reicht der Bezug bis zum Anfang dieser Zeile
    /// zurück. Eine Schlusszeile aus Hashtags, die nur aus einem Parteinamen bestehen (`Damit
    /// auch der letzte Arsch rot wird` / `#spd #linke`), benennt, wen der Satz davor herabsetzt,
    /// wenn dieser selbst keinen Akteur nennt (nicht, wen er lobt: Eine Stadt dankt Menschen und
    /// darf markieren, wozu sie gehören). Spott wertet die Partei oder den politischen Akteur des
    /// Satzes, den er abschließt, in jedem Abstand, oder den des Satzes davor oder danach, wenn
    /// der Satz selbst keinen nennt: höhnische Emoji (`so geht CDU😂`, `🤣`, `😜`, `🤡`, `🤮`, ein
    /// Grinsen nur wiederholt: `😃😃`), Gelächter (`hahaha`, `lol`) und empörte Fragezeichen (`IHR
    /// wollt eine neue #GroKo??`); Wörter aus dem Rat (`Fraktion`, `Partei`, `Kandidat`) sind die
    /// eigene Angelegenheit einer Stadt und davon nicht betroffen.
    ///
    /// Die eingebauten Wörter sind breit gefasst: Lob (`hervorragend`, `Dank`, `Respekt`,
    /// `starke`, `stolz auf`, `Hut ab`) sowie Beleidigungen, Spott und Angriffe (`Versager`,
    /// `Lügner`, `Heuchler`, `Verräter`, `Pack`, `Nazis`, `lächerlich`, `Umfaller`,
    /// `Vetternwirtschaft`), Forderungen nach Entfernung (`Weg mit den …`, `… müssen weg`,
    /// `gehört weg`, `raus mit`, `zu Grabe`), Vorwürfe (`sollten sich lieber …`, `schämen`), Hohn
    /// über die Anliegen einer Partei (`Hauptsache …`, `scheint niemanden zu interessieren`) und
    /// die Stimmabgabe gegen eine Partei (`nicht mehr wählbar`, `Einfach nicht wählen!`, `wird
    /// nicht angekreuzt`), Täuschung (`Etikettenschwindel`, `Vertrauen missbraucht`), Schaden für
    /// das Land (`wird Deutschland schaden`, `Abschaffung unseres Landes`, `bis zur
    /// Unkenntlichkeit`), Vergleiche mit den Organen einer Diktatur (`wie die Stasi`,
    /// `Stasi-Methoden`), Ironie (`Das verstehe, wer will.`, `Kannste dir nicht ausdenken.`,
    /// `Realsatire`) und eine Schulnote (`Sechs, setzen.`); ein `*` am Ende erfasst auch
    /// zusammengeschriebene Komposita (`Dreck*` → `Dreckspartei`), und Komposita, die auf eine
    /// Beleidigung enden, zählen ebenfalls (`Lumpenpack`, `Volksverräter`, `Grünenclowns`).
    /// Manche Wörter nennen und werten Parteien zugleich (`Altparteien`, `kotzgrün`). Hashtags
    /// zählen als Text: `#LuegenAfD` wertet die Partei in seinem Hashtag, eine Wertung, die aus
    /// einem Hashtag heraus weiterläuft, ist ein Satz (`#Deutschland schaden`), und Umlaute
    /// dürfen umschrieben sein (`ue` für `ü`).
    ///
    /// Keine Befunde sind: Wertungen in Anführungszeichen (die Stadt zitiert, statt selbst zu
    /// werten), Akteure, die alle gleich angesprochen werden (`Dank an alle Fraktionen`),
    /// Wertungen von Menschen und Dingen, die keine politischen Akteure sind (`dank der
    /// hervorragenden Arbeit der Feuerwehr`), eine Wertung als Hashtag neben einem Partei-Hashtag
    /// (`#Danke #SPD`: Schlagwörter, kein Satz), `dank` vor einem Akteur, auf den es sich nicht
    /// beziehen kann (`die CDU-Fraktion hat, dank der Förderung …`), Lob einer Regierung (eine
    /// Stadt dankt dem Land für Fördermittel), Glückwünsche an Menschen (nur Parteien zählen),
    /// ein Akteur, der spricht (`Skandal: Opposition fordert Aufklärung` gibt seine Worte
    /// wieder), ein Akteur, den das Vorangehende angreift (`Hetze gegen die AfD`), und die
    /// Handles, mit denen eine Antwort beginnt, es sei denn, ein Handle ist die Partei selbst
    /// (`@CDU`).
    ///
    /// ## Warum
    /// Negative amtliche Äußerungen über eine Partei verletzen ihre Chancengleichheit, innerhalb
    /// wie außerhalb von Wahlkampfzeiten (2 BvE 1/16 Wanka, 2 BvE 1/19 Seehofer, 2 BvE 4/20); Lob
    /// einer Partei ist Werbung (BVerfGE 44,125); ein Bürgermeister äußert sich zu örtlichen
    /// Angelegenheiten, und zwar sachlich (BVerwG 10 C 6.16). Stadt Paderborn
    /// (Social-Media-Strategie 2021): „Neutralitätsgebot“. Immer ein Fehler.
    ///
    /// ## Beispiel
    /// `Dank der hervorragenden Arbeit der CDU-Fraktion wird die Schule saniert.` → `Der Rat hat
    /// die Sanierung der Schule beschlossen.`
    ///
    /// ## Einstellungen
    /// ```toml
    /// [rules."neutrality.judgement"]
    /// extra-evaluative = ["Sauladen"]
    /// actors = ["Koalition", "Opposition", "Fraktion", "Fraktionen", "Partei"]
    /// window-words = 5
    /// ```
    pub(crate) struct NeutralityJudgement {
        evaluative: Lexicon,
        /// Per evaluative term: what it does, which decides whom it can be about.
        tones: Vec<Tone>,
        actors: Lexicon,
        /// Per actor term: whether it is a government or a council word.
        actor_words: Vec<ActorWord>,
        ambiguous_actors: Lexicon,
        parties: PartyMatcher,
        candidates: NameMatcher,
        window_words: usize,
    }
}

impl RuleDef for NeutralityJudgement {
    type Settings = Settings;
    const DEFAULT_SEVERITY: Severity = Severity::Error;
    const DOCS: &'static str = Self::DOC_TEXT;
    const TITLE: Title = Title {
        de: "Wertung politischer Akteure",
        en: "Judgement of political actors",
    };

    fn compile(settings: &Settings, account: &Account) -> Result<Self, SettingError> {
        let built_in = |terms: &[&str], tone: Tone| {
            terms
                .iter()
                .map(|t| ((*t).to_owned(), tone))
                .collect::<Vec<_>>()
        };
        let mut evaluative: Vec<(String, Tone)> = match &settings.evaluative {
            Some(configured) => configured
                .iter()
                .map(|t| (t.clone(), Tone::Disparaging))
                .collect(),
            None => [
                built_in(DEFAULT_PRAISE, Tone::Praise),
                built_in(DEFAULT_CONGRATULATIONS, Tone::Congratulation),
                built_in(DEFAULT_DISPARAGING, Tone::Disparaging),
                built_in(LAUGHTER, Tone::Mockery),
                built_in(SELF_JUDGING, Tone::Disparaging),
                built_in(PARTY_BLOCS, Tone::Disparaging),
            ]
            .concat(),
        };
        evaluative.extend(
            settings
                .extra_evaluative
                .iter()
                .flatten()
                .map(|t| (t.clone(), Tone::Disparaging)),
        );
        let evaluative = with_ascii_spellings(evaluative);
        let mut actors = word_list(settings.actors.as_ref(), DEFAULT_ACTORS, None);
        actors.extend(
            SELF_JUDGING
                .iter()
                .chain(PARTY_BLOCS)
                .map(|t| (*t).to_owned()),
        );
        let actors: Vec<(String, ActorWord)> = actors
            .into_iter()
            .map(|actor| {
                let lower = actor.to_lowercase();
                let kind = ActorWord {
                    government: GOVERNMENT.contains(&lower.as_str()),
                    council: COUNCIL_WORDS.contains(&lower.as_str()),
                };
                (actor, kind)
            })
            .collect();
        let actors = with_ascii_spellings(actors);
        let actor_options = TermOptions {
            capitalised: false,
            inflected: true,
            compound_prefix: false,
        };
        let ambiguous_options = TermOptions {
            capitalised: true,
            ..actor_options
        };
        let window_words = settings.window_words.unwrap_or(DEFAULT_WINDOW_WORDS);
        Ok(NeutralityJudgement {
            evaluative: compile_lexicon(
                evaluative.iter().map(|(t, _)| evaluative_term(t)),
                "evaluative",
            )?,
            tones: evaluative.iter().map(|(_, tone)| *tone).collect(),
            actors: compile_lexicon(
                actors.iter().map(|(t, _)| (t.as_str(), actor_options)),
                "actors",
            )?,
            actor_words: actors.iter().map(|(_, kind)| *kind).collect(),
            ambiguous_actors: compile_lexicon(
                AMBIGUOUS_ACTORS.iter().map(|t| (*t, ambiguous_options)),
                "actors",
            )?,
            parties: PartyMatcher::compile(account)?,
            candidates: NameMatcher::new(all_candidates(account), "elections")?,
            window_words: usize::try_from(window_words).unwrap_or(usize::MAX),
        })
    }
}

/// What an evaluative word does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tone {
    Praise,
    /// Praise that a city also gives people (birthdays, honours): only about parties.
    Congratulation,
    Disparaging,
    /// Laughter and sneering emoji: about the party of the sentence it closes, at any
    /// distance (see [`MOCKING_EMOJI`]).
    Mockery,
}

/// What an actor term of the list is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
struct ActorWord {
    /// A government: praise of it is no side taken.
    government: bool,
    /// A word a city uses in its own business (see [`COUNCIL_WORDS`]).
    council: bool,
}

/// A political actor found in the draft.
struct Actor {
    word: usize,
    span: Range<usize>,
    /// A party or a word for one (not a government, a candidate or a council group).
    party: bool,
    /// A government: praise of it is no side taken.
    government: bool,
    /// A word of the actor list (`Altparteien`), which may judge by itself.
    listed: bool,
    /// A council word (see [`COUNCIL_WORDS`]).
    council: bool,
}

impl NeutralityJudgement {
    /// An adjective before a noun evaluates that noun (`die gefährliche Kreuzung`), not an
    /// actor elsewhere in the sentence, unless the noun belongs to the actor (`die
    /// hervorragende Arbeit der CDU`, `mit ihrer chaotischen Politik`). Nouns (`Chaos`,
    /// `Populisten`) and predicates (`sind unfähig`) are judged by distance alone.
    fn is_about_an_actor(
        &self,
        text: &str,
        segments: &Segments,
        word: usize,
        span: &Range<usize>,
        actors: &[(usize, Range<usize>)],
    ) -> bool {
        let words = &segments.words;
        let is_actor = |index: usize| actors.iter().any(|(w, _)| *w == index);
        let Some(last) = segments.word_at(span.end.saturating_sub(1)) else {
            return true;
        };
        let Some(noun) = segments.next_in_sentence(last) else {
            return true;
        };
        let noun_index = last + 1;
        // A phrase (`gut so`, `faule Kompromisse`) is no adjective before a noun.
        let phrase = last != word;
        let adjective = !starts_upper(text, span.start) && !phrase;
        if !adjective || !starts_upper(text, noun.span.start) || is_actor(noun_index) {
            return true;
        }
        // `ihrer chaotischen Politik`, `ihre völlig realitätsfernen Forderungen`.
        let after_possessive = words[word.saturating_sub(2)..word].iter().any(|p| {
            p.sentence == words[word].sentence && POSSESSIVES.contains(&segments.folded(p))
        });
        let attached = words
            .get(noun_index + 1)
            .is_some_and(|w| ATTACHING.contains(&segments.folded(w)))
            && (noun_index + 2..=noun_index + 3).any(is_actor);
        after_possessive || attached
    }
}

/// Whether an actor is the subject of its sentence: it opens the sentence (only articles,
/// or the handles a reply opens with, before it), or it is attached to the noun that does
/// (`Die Politiker der AfD …`).
fn is_subject(view: &TextView<'_>, segments: &Segments, actor: usize) -> bool {
    let Some(current) = segments.words.get(actor) else {
        return false;
    };
    let before: Vec<&Word> = segments.words[..actor]
        .iter()
        .rev()
        .take_while(|w| w.sentence == current.sentence)
        .filter(|w| !in_opening_mentions(view, &w.span))
        .collect();
    let opening = |words: &[&Word]| {
        words
            .iter()
            .all(|w| BEFORE_SUBJECT.contains(&segments.folded(w)))
    };
    // `Herr Kubiki und die SPD sind …`: a short name joined by `und` shares the subject.
    let coordinated = |words: &[&Word]| {
        let mut rest = words
            .iter()
            .skip_while(|w| BEFORE_SUBJECT.contains(&segments.folded(w)));
        let joined = rest.next().is_some_and(|w| segments.folded(w) == "und");
        let others: Vec<&&Word> = rest.collect();
        joined
            && (1..=3).contains(&others.len())
            && others.iter().all(|w| {
                starts_upper(view.text, w.span.start)
                    || BEFORE_SUBJECT.contains(&segments.folded(w))
            })
    };
    match before.as_slice() {
        // Nearest first: `der`, `Politiker`, then what opens the sentence.
        [attaching, noun, rest @ ..] if ATTACHING.contains(&segments.folded(attaching)) => {
            starts_upper(view.text, noun.span.start) && opening(rest)
        }
        words => opening(words) || coordinated(words),
    }
}

/// Whether the span is in the reply chain that opens a post (`@spdde @CDU …`): those
/// handles name whom the post answers, not what it is about.
fn in_opening_mentions(view: &TextView<'_>, span: &Range<usize>) -> bool {
    if view.region_at(span.start) != Region::Mention {
        return false;
    }
    let mut position = 0;
    for entity in view.of_kind(EntityKind::Mention) {
        let gap = view.text.get(position..entity.start).unwrap_or_default();
        if !gap.trim().is_empty() {
            return false;
        }
        if entity.start <= span.start && span.start < entity.end {
            return true;
        }
        position = entity.end;
    }
    false
}

/// Whether a party found in a handle is the whole handle (`@CDU`, the party's own
/// account), not part of a person's or a group's (`@AfDFraktion_MV`).
fn is_whole_handle(view: &TextView<'_>, span: &Range<usize>) -> bool {
    view.of_kind(EntityKind::Mention)
        .any(|e| e.start + 1 == span.start && e.end == span.end)
}

/// Whether a sentence opens with a pronoun that stands for a group named before (`sie`,
/// or `die`/`diese` before a verb: `Die taugen nichts`), after the handles a reply opens
/// with.
fn opens_with_pronoun(view: &TextView<'_>, segments: &Segments, sentence: usize) -> bool {
    let mut words = segments
        .words
        .iter()
        .filter(|w| w.sentence == sentence && !in_opening_mentions(view, &w.span));
    let (Some(first), second) = (words.next(), words.next()) else {
        return false;
    };
    match segments.folded(first) {
        "sie" => true,
        "die" | "diese" => second.is_some_and(|w| !starts_upper(view.text, w.span.start)),
        _ => false,
    }
}

/// Whether `gegen` stands right before the actor (`Hetze gegen die AfD`), its article
/// aside: what comes before attacks it rather than judging it.
fn is_attacked(segments: &Segments, actor: usize) -> bool {
    let mut before = segments.words[..actor].iter().rev();
    let Some(mut previous) = before.next() else {
        return false;
    };
    if BEFORE_SUBJECT.contains(&segments.folded(previous)) {
        let Some(earlier) = before.next() else {
            return false;
        };
        previous = earlier;
    }
    segments.folded(previous) == "gegen"
}

/// Whether the actor is the one who speaks (`Opposition fordert Aufklärung`, `die CDU
/// spricht von einem Skandal`): the evaluation near it reports its words.
fn is_speaker(segments: &Segments, actor: usize) -> bool {
    segments
        .next_in_sentence(actor)
        .is_some_and(|next| REPORTING_VERBS.contains(&segments.folded(next)))
}

/// The hashtag entity around a byte offset, if any.
fn hashtag_at(view: &TextView<'_>, offset: usize) -> Option<Range<usize>> {
    view.of_kind(EntityKind::Hashtag)
        .find(|e| e.start <= offset && offset < e.end)
        .map(|e| e.start..e.end)
}

/// The sentence before the one of `word`, and while a sentence only continues the line
/// before it (it opens with a lower-case word after a bare line break: `… der 2 x
/// sitzengeblieben ist` / `und die Schule abgebrochen hat.`), the one before that too.
fn sentences_before(view: &TextView<'_>, segments: &Segments, word: usize) -> Vec<usize> {
    let mut sentences = Vec::new();
    let mut current = word;
    while let Some(previous) = sentence_before(segments, current) {
        sentences.push(previous);
        let Some(first) = segments.words.iter().position(|w| w.sentence == previous) else {
            break;
        };
        let continues = !starts_upper(view.text, segments.words[first].span.start)
            && first.checked_sub(1).is_some_and(|before| {
                let gap = view
                    .text
                    .get(segments.words[before].span.end..segments.words[first].span.start)
                    .unwrap_or_default();
                gap.contains('\n') && gap.chars().all(|c| c.is_whitespace() || is_ignorable(c))
            });
        if !continues {
            break;
        }
        current = first;
    }
    sentences
}

/// Whether an evaluation is the ballot against a party (see [`BALLOT`]).
fn is_ballot(view: &TextView<'_>, found: &Range<usize>) -> bool {
    view.text
        .get(found.clone())
        .is_some_and(|text| BALLOT.contains(&text.to_lowercase().as_str()))
}

/// The sentence before the one of `word` that has words (`…!! \n` leaves empty ones).
pub(super) fn sentence_before(segments: &Segments, word: usize) -> Option<usize> {
    let sentence = segments.words.get(word)?.sentence;
    segments.words[..word]
        .iter()
        .rev()
        .find(|w| w.sentence != sentence)
        .map(|w| w.sentence)
}

/// Whether a ballot phrase speaks of turnout (`Wer nicht wählen geht, …`): `wählen`
/// before a form of `gehen` is going to the polls, not voting against a party.
fn is_turnout(segments: &Segments, found: &Range<usize>) -> bool {
    let Some(last) = segments.word_at(found.end.saturating_sub(1)) else {
        return false;
    };
    segments.folded(&segments.words[last]) == "wählen"
        && segments.next_in_sentence(last).is_some_and(|next| {
            ["geh", "ging", "gegangen"]
                .iter()
                .any(|form| segments.folded(next).starts_with(form))
        })
}

/// The sentence after the one of `word`.
fn sentence_after(segments: &Segments, word: usize) -> Option<usize> {
    let sentence = segments.words.get(word)?.sentence;
    segments.words[word..]
        .iter()
        .find(|w| w.sentence != sentence)
        .map(|w| w.sentence)
}

/// The index of the word at or last before an original byte offset: the word a
/// trailing emoji closes.
fn word_up_to(segments: &Segments, offset: usize) -> Option<usize> {
    segments
        .words
        .partition_point(|w| w.span.start <= offset)
        .checked_sub(1)
        .or_else(|| segments.word_at(offset))
}

/// Sneering emoji (see [`MOCKING_EMOJI`], [`GRINNING_EMOJI`]) and indignant question
/// marks (`wollt ihr eine neue GroKo??`, `?!`) in the text: one span per run.
fn mockery_marks(text: &str) -> Vec<Range<usize>> {
    let mut marks = Vec::new();
    let mut question: Option<(Range<usize>, bool)> = None;
    for (offset, ch) in text.char_indices() {
        if matches!(ch, '?' | '!') {
            let end = offset + ch.len_utf8();
            match question.as_mut() {
                Some((run, asks)) if run.end == offset => {
                    run.end = end;
                    *asks |= ch == '?';
                }
                _ => {
                    marks.extend(
                        question
                            .take()
                            .filter(|(r, asks)| *asks && r.len() >= 2)
                            .map(|(r, _)| r),
                    );
                    question = Some((offset..end, ch == '?'));
                }
            }
        }
    }
    marks.extend(
        question
            .filter(|(r, asks)| *asks && r.len() >= 2)
            .map(|(r, _)| r),
    );
    marks.extend(mocking_emoji(text));
    marks
}

/// Sneering emoji runs (see [`mockery_marks`]).
fn mocking_emoji(text: &str) -> Vec<Range<usize>> {
    let mut runs: Vec<(Range<usize>, bool, usize)> = Vec::new();
    for (offset, ch) in text.char_indices() {
        let mocking = MOCKING_EMOJI.contains(&ch);
        if !mocking && !GRINNING_EMOJI.contains(&ch) {
            continue;
        }
        let end = offset + ch.len_utf8();
        match runs.last_mut() {
            Some((run, sneer, count))
                if text.get(run.end..offset).is_some_and(|gap| {
                    gap.chars().all(|c| c.is_whitespace() || is_ignorable(c))
                }) =>
            {
                run.end = end;
                *sneer |= mocking;
                *count += 1;
            }
            _ => runs.push((offset..end, mocking, 1)),
        }
    }
    runs.into_iter()
        .filter(|(_, sneer, count)| *sneer || *count >= 2)
        .map(|(run, _, _)| run)
        .collect()
}

/// Whether the evaluation at `word` opens its sentence (`Unfähig, dieses Land zu
/// regieren.`, `Einfach lächerlich!`): an elliptic comment on the sentence before.
fn opens_sentence(view: &TextView<'_>, segments: &Segments, word: usize) -> bool {
    let Some(current) = segments.words.get(word) else {
        return false;
    };
    segments.words[..word]
        .iter()
        .rev()
        .take_while(|w| w.sentence == current.sentence)
        .filter(|w| !in_opening_mentions(view, &w.span))
        .count()
        < 3
}

impl NeutralityJudgement {
    /// The actor mockery is about: the party or political actor in the sentence it
    /// closes, else in the sentence before or after (`😂😂 \n Wie die SPDler …`). Council
    /// words are a city's own business.
    fn mocked<'a>(segments: &Segments, actors: &'a [Actor], word: usize) -> Option<&'a Actor> {
        let in_sentence = |sentence: usize| {
            actors
                .iter()
                .filter(|a| !a.council && segments.words[a.word].sentence == sentence)
                .min_by_key(|a| a.word.abs_diff(word))
        };
        in_sentence(segments.words.get(word)?.sentence)
            .or_else(|| sentence_before(segments, word).and_then(in_sentence))
            .or_else(|| sentence_after(segments, word).and_then(in_sentence))
    }
}

impl Rule for NeutralityJudgement {
    fn lexicons(&self, account: &Account) -> Vec<&Lexicon> {
        // The evaluative words are searched only when an actor is found.
        if applies(account) {
            vec![
                &self.parties.lexicon,
                &self.actors,
                &self.candidates.lexicon,
                &self.ambiguous_actors,
            ]
        } else {
            Vec::new()
        }
    }

    fn check(&self, cx: &CheckContext<'_>, out: &mut Vec<Finding>) {
        if !applies(cx.account) {
            return;
        }
        let view = cx.text;
        let segments = Segments::of(cx);
        let word_of = |span: &Range<usize>| segments.word_at(span.start);
        let mut actors: Vec<Actor> = Vec::new();
        for mention in self.parties.find(cx, segments) {
            if in_opening_mentions(view, &mention.span) && !is_whole_handle(view, &mention.span) {
                continue;
            }
            actors.push(Actor {
                word: mention.word,
                span: mention.span,
                party: true,
                government: false,
                listed: false,
                council: false,
            });
        }
        for found in self.actors.find(view) {
            if in_opening_mentions(view, &found.span) {
                continue;
            }
            if let Some(word) = word_of(&found.span) {
                let kind = self
                    .actor_words
                    .get(found.term)
                    .copied()
                    .unwrap_or_default();
                // `der rote Kanzlerkandidat`: a party colour makes the actor the party's.
                let colour = segments
                    .previous_in_sentence(word)
                    .filter(|p| PARTY_COLOURS.contains(&segments.folded(p)))
                    .filter(|p| !starts_upper(view.text, p.span.start));
                actors.push(Actor {
                    word,
                    span: colour.map_or(found.span.start, |c| c.span.start)..found.span.end,
                    party: colour.is_some(),
                    government: kind.government && colour.is_none(),
                    listed: true,
                    council: kind.council && colour.is_none(),
                });
            }
        }
        for (_, span) in self.candidates.find(view) {
            if let Some(word) = word_of(&span) {
                actors.push(Actor {
                    word,
                    span,
                    party: false,
                    government: false,
                    listed: false,
                    council: true,
                });
            }
        }
        // `Ampel` is a coalition only beside other political actors, or joined to an
        // evaluation (`Jamaika-Scheiße`). The evaluations are looked up once, and only
        // when a draft has an actor: most drafts have none.
        let ambiguous_found = self.ambiguous_actors.find(view);
        let mut evaluative = (!ambiguous_found.is_empty()).then(|| self.evaluative.find(view));
        let ambiguous: Vec<Actor> = ambiguous_found
            .into_iter()
            .filter_map(|found| {
                let word = word_of(&found.span)?;
                let sentence = segments.words[word].sentence;
                let joined_to_evaluation = view.text.get(found.span.end..).is_some_and(|rest| {
                    rest.starts_with('-')
                        && evaluative
                            .iter()
                            .flatten()
                            .any(|e| e.span.start == found.span.end + 1)
                });
                (joined_to_evaluation
                    || actors
                        .iter()
                        .any(|a| segments.words[a.word].sentence == sentence))
                .then_some(Actor {
                    word,
                    span: found.span,
                    party: true,
                    government: false,
                    listed: false,
                    council: false,
                })
            })
            .collect();
        actors.extend(ambiguous);
        // `Dank an alle Fraktionen`: every group alike is no side taken.
        actors.retain(|actor| {
            let before = actor.word.saturating_sub(2)..actor.word;
            !segments.words[before]
                .iter()
                .any(|w| ALL_ALIKE.contains(&segments.folded(w)))
        });
        // `grüner Dreck`: a party colour is an actor only before an insult, found below.
        let colours = || {
            segments
                .words
                .iter()
                .any(|w| PARTY_COLOURS.contains(&segments.folded(w)))
        };
        if actors.is_empty() && !colours() {
            return;
        }
        // Evaluations: lexicon terms, and closed compounds ending in an insult.
        let mut evaluations: Vec<(Range<usize>, Tone)> = evaluative
            .take()
            .unwrap_or_else(|| self.evaluative.find(view))
            .into_iter()
            .map(|found| {
                let tone = self.tones.get(found.term).copied();
                (found.span, tone.unwrap_or(Tone::Disparaging))
            })
            .collect();
        for word in &segments.words {
            let compound = DISPARAGING_ENDINGS.iter().any(|ending| {
                segments.folded(word).len() > ending.len()
                    && segments.folded(word).ends_with(ending)
            });
            if compound
                && !evaluations
                    .iter()
                    .any(|(span, _)| span.start == word.span.start)
            {
                evaluations.push((word.span.clone(), Tone::Disparaging));
            }
        }
        for (span, tone) in &evaluations {
            let colour = word_of(span)
                .filter(|_| *tone == Tone::Disparaging && starts_upper(view.text, span.start))
                .and_then(|word| Some((word.checked_sub(1)?, segments.previous_in_sentence(word)?)))
                .filter(|(_, previous)| PARTY_COLOURS.contains(&segments.folded(previous)));
            if let Some((word, previous)) = colour {
                actors.push(Actor {
                    word,
                    span: previous.span.clone(),
                    party: true,
                    government: false,
                    listed: false,
                    council: false,
                });
            }
        }
        if actors.is_empty() {
            return;
        }
        evaluations.extend(
            mockery_marks(view.text)
                .into_iter()
                .map(|e| (e, Tone::Mockery)),
        );
        // `#NoGroKo`, `#FCKAFD`: a tag that rejects the party glued to it.
        for actor in &actors {
            let Some(tag) = hashtag_at(view, actor.span.start) else {
                continue;
            };
            let prefix = view
                .text
                .get(tag.start..actor.span.start)
                .map(|p| p.trim_start_matches('#').to_lowercase());
            if prefix.is_some_and(|p| REJECTING_TAGS.contains(&p.as_str())) {
                evaluations.push((tag.start..actor.span.start, Tone::Disparaging));
            }
        }
        // `typisch SPD`, `so geht CDU`: frames that mock the party they lead to.
        for actor in actors.iter().filter(|a| a.party) {
            let Some(previous) = segments.previous_in_sentence(actor.word) else {
                continue;
            };
            if TYPIFYING.contains(&segments.folded(previous)) {
                evaluations.push((previous.span.clone(), Tone::Disparaging));
                continue;
            }
            if OWNING.contains(&segments.folded(previous)) {
                evaluations.push((previous.span.clone(), Tone::Praise));
                continue;
            }
            let frame = actor
                .word
                .checked_sub(2)
                .and_then(|first| segments.words.get(first..actor.word))
                .filter(|frame| {
                    frame.iter().map(|w| segments.folded(w)).eq(MODEL_FRAME)
                        && frame.iter().all(|w| w.clause == previous.clause)
                });
            let last = segments.word_at(actor.span.end.saturating_sub(1));
            let ends_clause = last.is_some_and(|last| {
                segments
                    .words
                    .get(last + 1)
                    .is_none_or(|next| next.clause != previous.clause)
            });
            if let Some([first, second]) = frame
                && ends_clause
            {
                evaluations.push((first.span.start..second.span.end, Tone::Disparaging));
            }
        }
        let actor_words: Vec<(usize, Range<usize>)> =
            actors.iter().map(|a| (a.word, a.span.clone())).collect();
        // Mockery last: a word says more than a laughing emoji in the same sentence.
        evaluations.sort_by_key(|(span, tone)| (*tone == Tone::Mockery, span.start));
        let mut flagged_sentences = Vec::new();
        for (found, tone) in evaluations {
            if view.region_at(found.start) == Region::Quote {
                continue;
            }
            let word = match tone {
                Tone::Mockery => word_up_to(segments, found.start),
                _ => word_of(&found),
            };
            let Some(word) = word else {
                continue;
            };
            let sentence = segments.words[word].sentence;
            if flagged_sentences.contains(&sentence) || is_turnout(segments, &found) {
                continue;
            }
            if tone == Tone::Mockery {
                if let Some(actor) = Self::mocked(segments, &actors, word) {
                    flagged_sentences.push(sentence);
                    self.report(cx, &found, actor, out);
                }
                continue;
            }
            // `#LuegenAfD` judges the party in its tag; `#Danke #SPD` are two keywords. An
            // evaluation that runs on out of a tag is a sentence (`#Deutschland schaden`).
            let tag = hashtag_at(view, found.start).filter(|tag| found.end <= tag.end);
            let preposition = PREPOSITIONS.contains(&segments.folded(&segments.words[word]));
            // The subject of the sentence is what its predicate judges, even at a distance
            // (`Die Politiker der AfD sind für unsere Stadt eine Schande`).
            // Insults reach twice as far as praise: a city does not insult anyone, but it
            // thanks and praises people near a party mention in a long sentence.
            let window = match tone {
                Tone::Disparaging => self.window_words.saturating_mul(2),
                Tone::Praise | Tone::Congratulation | Tone::Mockery => self.window_words,
            };
            let reach = |actor: usize| {
                if is_subject(view, segments, actor) {
                    window.saturating_mul(3)
                } else {
                    window
                }
            };
            let mut candidates: Vec<&Actor> = actors
                .iter()
                .filter(|actor| {
                    let span = &actor.span;
                    let own_word = span.start <= found.start && found.end <= span.end;
                    segments.words[actor.word].sentence == sentence
                        && actor.word.abs_diff(word) <= reach(actor.word)
                        && !(preposition && actor.word < word)
                        // `Skandal: Opposition fordert Aufklärung`: the actor's own words.
                        && !is_speaker(segments, actor.word)
                        // `Hetze gegen die AfD`: the actor is the one attacked.
                        && !(word < actor.word && is_attacked(segments, actor.word))
                        && match tone {
                            Tone::Praise => !actor.government,
                            Tone::Congratulation => actor.party,
                            Tone::Disparaging | Tone::Mockery => true,
                        }
                        // The evaluation is not part of the actor's own name, unless the
                        // actor's word judges by itself (`Altparteien`, `kotzgrün`).
                        && (!own_word || actor.listed)
                        && tag.as_ref().is_none_or(|tag| {
                            tag.start <= span.start && span.end <= tag.end
                        })
                })
                .collect();
            candidates.sort_by_key(|actor| actor.word.abs_diff(word));
            // The nearest actor the evaluation can be about.
            let judged_actor = candidates.into_iter().find(|actor| {
                let self_judging = actor.span.start <= found.start && found.end <= actor.span.end;
                // `einen Grünen deutschfeindlichen Türken`, `Rot Grün versiffte …`: the actor
                // right before the adjective qualifies the same noun.
                let actor_end = segments.word_at(actor.span.end.saturating_sub(1));
                let qualifies_same_noun = actor_end.is_some_and(|last| last + 1 == word);
                self_judging
                    || qualifies_same_noun
                    || is_subject(view, segments, actor.word)
                    || self.is_about_an_actor(view.text, segments, word, &found, &actor_words)
            });
            // `Weg mit den Linken. Sie taugen nichts.`: a sentence that opens with a
            // pronoun judges the party of the sentence before; so does an elliptic one
            // that opens with the insult and names no actor (`Unfähig, das Land zu
            // regieren.`).
            let names_no_actor = || {
                !actors
                    .iter()
                    .any(|actor| segments.words[actor.word].sentence == sentence)
            };
            // So does the ballot against a party anywhere in a sentence that names none
            // (`Die FDP wird … \n mit Sicherheit nicht angekreuzt.`); a sentence before that
            // continues a line (`… der 2 x sitzengeblieben ist \n und die Schule abgebrochen
            // hat. Unwählbar.`) reaches back to where the line began.
            let judged_actor = judged_actor.or_else(|| {
                if tone != Tone::Disparaging || tag.is_some() {
                    return None;
                }
                let pronoun = opens_with_pronoun(view, segments, sentence);
                let elliptic = opens_sentence(view, segments, word) && names_no_actor();
                let ballot = is_ballot(view, &found) && names_no_actor();
                if !pronoun && !elliptic && !ballot {
                    return None;
                }
                let earlier = sentences_before(view, segments, word);
                actors
                    .iter()
                    .filter(|actor| {
                        (actor.party || ((elliptic || ballot) && !actor.council))
                            && earlier.contains(&segments.words[actor.word].sentence)
                    })
                    .max_by_key(|actor| actor.span.start)
            });
            // `… der letzte Arsch rot wird #spd`: a closing line of tags names what the
            // sentence before it, which names no actor, disparages. Not praise: a city
            // thanks people and tags what they belong to (`Danke für Ihren Einsatz! #SPD`).
            let judged_actor = judged_actor.or_else(|| {
                if tone != Tone::Disparaging || tag.is_some() || !names_no_actor() {
                    return None;
                }
                let next = sentence_after(segments, word)?;
                let only_tags = segments
                    .words
                    .iter()
                    .filter(|w| w.sentence == next)
                    .all(|w| view.region_at(w.span.start) == Region::Hashtag);
                // The party alone in its tag (`#CSU`, not `#einfachAFDwählen`).
                only_tags
                    .then(|| {
                        actors.iter().find(|actor| {
                            actor.party
                                && segments.words[actor.word].sentence == next
                                && hashtag_at(view, actor.span.start).is_some_and(|tag| {
                                    tag.start + 1 == actor.span.start && tag.end == actor.span.end
                                })
                        })
                    })
                    .flatten()
            });
            let Some(actor) = judged_actor else {
                continue;
            };
            flagged_sentences.push(sentence);
            self.report(cx, &found, actor, out);
        }
    }
}

impl NeutralityJudgement {
    /// Reports the evaluation at `found` of `actor`.
    fn report(
        &self,
        cx: &CheckContext<'_>,
        found: &Range<usize>,
        actor: &Actor,
        out: &mut Vec<Finding>,
    ) {
        let view = cx.text;
        let judged = quoted(view, found);
        let whom = quoted(view, &actor.span);
        let note = window_suffix(open_window(cx), cx.lang);
        out.push(
            Finding::new(
                tr!(cx.lang,
                    de: "Wertung `{judged}` über `{whom}` in einem offiziellen Beitrag{note}",
                    en: "judgement `{judged}` about `{whom}` in an official post{note}"),
                tr!(cx.lang,
                    de: "Parteien und politische Akteure nicht loben oder herabsetzen; sachlich über Beschlüsse berichten",
                    en: "do not praise or disparage parties and political actors; report decisions factually"),
            )
            .at(found.start.min(actor.span.start), found.end.max(actor.span.end)),
        );
    }
}
