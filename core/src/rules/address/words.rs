//! The closed word classes the address grammar needs: pronouns, function words, and the
//! verb forms generated from a list of verbs that municipal posts use in calls to action.
//! Every word is compiled into one [`Lexicon`], so it matches however the draft disguises
//! it (zero-width characters, look-alike letters, `d u`).

use std::collections::BTreeMap;
use std::sync::OnceLock;

use foldhash::HashMap;

use crate::text::fold::Folded;
use crate::text::lexicon::{Lexicon, TermOptions};

/// A set of word classes (bit flags); a word may belong to several.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct Class(u32);

impl Class {
    /// du, dich, dir, dein…: informal singular, unambiguous.
    pub const DU: Class = Class(1);
    /// euch, euer, eure…: informal plural, unambiguous.
    pub const EUCH: Class = Class(1 << 1);
    /// ihr: her, their, informal plural you, or (capitalised) formal your.
    pub const IHR: Class = Class(1 << 2);
    /// sie / Sie.
    pub const SIE: Class = Class(1 << 3);
    /// ihnen / Ihnen.
    pub const IHNEN: Class = Class(1 << 4);
    /// ihre, ihren, ihrem, ihrer, ihres (and their capitalised formal forms).
    pub const IHR_INFLECTED: Class = Class(1 << 5);
    /// A present/imperative 2nd person plural form (`kommt`, `meldet`).
    pub const PLURAL_IMPERATIVE: Class = Class(1 << 6);
    /// A 2nd person plural form that cannot be 3rd person singular (`seid`, `habt`, `könnt`).
    pub const PLURAL_ONLY: Class = Class(1 << 7);
    /// A singular imperative (`komm`, `mach`, `entdecke`, `nimm`).
    pub const SINGULAR_IMPERATIVE: Class = Class(1 << 8);
    /// The verb form is also a common noun or adjective (`Macht`, `Besuch`, `Feier`).
    pub const NOUN_CLASH: Class = Class(1 << 9);
    /// A form that is only 3rd person singular (`ist`, `hat`, `gibt`, `kann`).
    pub const THIRD_SINGULAR: Class = Class(1 << 10);
    /// A past tense plural (`kamen`, `waren`, `feierten`).
    pub const PAST_PLURAL: Class = Class(1 << 11);
    /// A present tense form ending in -ten that is not past (`arbeiten`, `starten`).
    pub const PRESENT_TEN: Class = Class(1 << 12);
    /// Determiners that can introduce a feminine or plural noun phrase (`die`, `alle`).
    pub const FEMININE_OR_PLURAL_DETERMINER: Class = Class(1 << 13);
    /// Other determiners and pronouns that start a noun phrase (`der`, `das`, `ein`).
    pub const DETERMINER: Class = Class(1 << 14);
    /// Prepositions.
    pub const PREPOSITION: Class = Class(1 << 15);
    /// Subordinating conjunctions and question words (`wenn`, `dass`, `wie`).
    pub const SUBORDINATOR: Class = Class(1 << 16);
    /// Coordinating conjunctions (`und`, `oder`, `aber`).
    pub const COORDINATOR: Class = Class(1 << 17);
    /// Adverbs that open a clause before an inverted verb (`hier`, `jetzt`, `heute`).
    pub const ADVERB: Class = Class(1 << 18);
    /// Particles that follow an imperative (`mal`, `doch`, `vorbei`, `uns`).
    pub const IMPERATIVE_PARTICLE: Class = Class(1 << 19);
    /// Separable verb particles that close an imperative clause (`mit`, `vorbei`, `an`).
    pub const SEPARABLE_PARTICLE: Class = Class(1 << 20);
    /// Words that may precede an imperative at the start of a sentence (`bitte`, `dann`).
    pub const LEAD_IN: Class = Class(1 << 21);
    /// Subject pronouns of a 3rd person verb (`er`, `es`, `man`).
    pub const THIRD_PERSON_SUBJECT: Class = Class(1 << 22);
    /// Words ending in -t that are not verbs (`nicht`, `jetzt`, `seit`).
    pub const NOT_A_VERB: Class = Class(1 << 23);
    /// First person subjects (`wir`, `ich`): the city speaking.
    pub const FIRST_PERSON: Class = Class(1 << 24);
    /// Titles before a name (`Frau`, `Herr`): a person to refer back to.
    pub const TITLE: Class = Class(1 << 25);
    /// Abbreviations whose period does not end a sentence (`Nr.`, `ca.`).
    pub const ABBREVIATION: Class = Class(1 << 26);
    /// Words that make a following `du`/`Du` a noun (`per Du`, `das Du`).
    pub const DU_AS_NOUN: Class = Class(1 << 27);
    /// Lead-ins after which an imperative may take an object (`Bitte nutzt die Chance`).
    pub const OBJECT_SAFE_LEAD_IN: Class = Class(1 << 28);
    /// First person singular forms that open posts with the `ich` dropped (`Freue mich`,
    /// `Wünsche allen…`, `Habe heute…`): never read as an imperative.
    pub const DROPPED_ICH: Class = Class(1 << 29);
    /// Third person singular subjunctives of reported speech (`sie sei`, `sie habe`).
    pub const REPORTED_SPEECH: Class = Class(1 << 30);
    /// Second person singular verb forms, which address one reader without `du`
    /// (`Hast ja Recht`, `Bist dabei?`).
    pub const SECOND_SINGULAR: Class = Class(1 << 31);

    pub const NONE: Class = Class(0);

    /// Whether any of `other`'s classes is set.
    pub fn has(self, other: Class) -> bool {
        self.0 & other.0 != 0
    }

    fn with(self, other: Class) -> Class {
        Class(self.0 | other.0)
    }

    fn without(self, other: Class) -> Class {
        Class(self.0 & !other.0)
    }
}

const DU_WORDS: &[&str] = &[
    "du", "dich", "dir", "dein", "deine", "deinem", "deinen", "deiner", "deines", "deins",
];
const EUCH_WORDS: &[&str] = &[
    "euch", "euer", "eure", "eurem", "euren", "eurer", "eures", "eurer",
];
const IHR_INFLECTED_WORDS: &[&str] = &["ihre", "ihrem", "ihren", "ihrer", "ihres"];

/// 2nd person plural forms that are never 3rd person singular.
const PLURAL_ONLY_WORDS: &[&str] = &[
    "seid", "habt", "könnt", "müsst", "dürft", "wollt", "sollt", "wisst", "mögt", "werdet", "gebt",
    "nehmt", "lest", "seht", "esst", "helft", "werft", "sprecht", "trefft", "lasst", "haltet",
    "ladet", "fahrt", "lauft", "tragt", "schlaft", "tretet", "vergesst", "vergebt", "bewerbt",
    "empfehlt", "sterbt", "brecht", "messt", "erhaltet", "verlasst",
];

/// Singular imperatives that do not follow the stem rule.
const IRREGULAR_SINGULAR_IMPERATIVES: &[&str] = &[
    "sei", "nimm", "gib", "hilf", "lies", "sieh", "iss", "wirf", "tritt", "sprich", "triff",
    "vergiss", "brich", "lass", "bewirb", "empfiehl", "nimm", "miss",
];

/// Verb forms that are only 3rd person singular (or 1st/3rd singular of modals).
const THIRD_SINGULAR_WORDS: &[&str] = &[
    "ist",
    "hat",
    "wird",
    "gibt",
    "gilt",
    "fährt",
    "hält",
    "läuft",
    "nimmt",
    "sieht",
    "trifft",
    "liest",
    "hilft",
    "spricht",
    "trägt",
    "lässt",
    "weiß",
    "kann",
    "muss",
    "darf",
    "will",
    "soll",
    "mag",
    "war",
    "wirft",
    "tritt",
    "isst",
    "schläft",
    "fällt",
    "lädt",
    "vergisst",
    "bricht",
    "stirbt",
    "wächst",
    "empfiehlt",
    "bewirbt",
    "erhält",
    "enthält",
    "verlässt",
    "wurde",
    "hatte",
    "konnte",
    "musste",
    "durfte",
    "wollte",
    "sollte",
    "kam",
    "ging",
    "sah",
    "stand",
    "saß",
    "gab",
    "nahm",
    "blieb",
    "lief",
    "rief",
    "bekam",
    "erhielt",
    "begann",
];

/// Past tense plurals of strong and irregular verbs (weak ones end in -ten, see below).
const PAST_PLURAL_WORDS: &[&str] = &[
    "kamen",
    "waren",
    "gingen",
    "sahen",
    "fanden",
    "standen",
    "saßen",
    "trafen",
    "gaben",
    "nahmen",
    "blieben",
    "liefen",
    "riefen",
    "zogen",
    "schrieben",
    "sangen",
    "sprachen",
    "trugen",
    "wurden",
    "lasen",
    "aßen",
    "tranken",
    "fuhren",
    "flogen",
    "sprangen",
    "wuchsen",
    "halfen",
    "gewannen",
    "begannen",
    "bekamen",
    "verließen",
    "lagen",
    "schlossen",
    "boten",
    "baten",
    "erschienen",
    "kamen",
    "zeigten",
    "stiegen",
    "schwammen",
    "liehen",
    "genossen",
    "entschieden",
    "empfingen",
    "übernahmen",
    "unternahmen",
    "besaßen",
    "vergaßen",
];

const FEMININE_OR_PLURAL_DETERMINERS: &[&str] = &[
    "die",
    "der",
    "den",
    "eine",
    "einer",
    "diese",
    "dieser",
    "diesen",
    "alle",
    "allen",
    "viele",
    "vielen",
    "beide",
    "beiden",
    "zahlreiche",
    "zahlreichen",
    "unsere",
    "unseren",
    "mehrere",
    "mehreren",
    "einige",
    "einigen",
    "sämtliche",
    "jede",
    "jeder",
    "manche",
    "zwei",
    "drei",
    "vier",
    "fünf",
    "sechs",
    "sieben",
    "acht",
    "neun",
    "zehn",
    "zwölf",
    "hundert",
    "tausend",
    "etliche",
    "weitere",
    "weiteren",
    "rund",
    "über",
];
const DETERMINERS: &[&str] = &[
    "das", "dem", "des", "ein", "einen", "einem", "eines", "dieses", "diesem", "unser", "unserem",
    "unseres", "kein", "keine", "keinen", "jedes", "jedem", "jeden", "welche", "welcher",
    "welches", "sein", "seine", "seinen", "seinem", "seiner",
];
const PREPOSITIONS: &[&str] = &[
    "an",
    "am",
    "ans",
    "auf",
    "aus",
    "bei",
    "beim",
    "mit",
    "nach",
    "von",
    "vom",
    "vor",
    "zu",
    "zum",
    "zur",
    "in",
    "im",
    "ins",
    "für",
    "über",
    "unter",
    "um",
    "gegen",
    "ohne",
    "durch",
    "seit",
    "wegen",
    "trotz",
    "neben",
    "zwischen",
    "hinter",
    "dank",
    "gegenüber",
    "bis",
    "ab",
    "außer",
    "entlang",
    "laut",
    "statt",
    "innerhalb",
    "außerhalb",
    "binnen",
    "samt",
    "inklusive",
    "rund",
    "via",
    "per",
];
const SUBORDINATORS: &[&str] = &[
    "wenn", "falls", "ob", "dass", "weil", "sobald", "bevor", "nachdem", "damit", "wo", "wie",
    "was", "als", "da", "sofern", "solange", "während", "obwohl", "ehe", "indem", "wer", "wann",
    "warum", "wieso", "weshalb", "womit", "wofür", "worauf", "wobei", "sodass", "wohin", "woher",
    "seitdem", "bis",
];
const COORDINATORS: &[&str] = &["und", "oder", "aber", "denn", "sondern", "sowie"];
const ADVERBS: &[&str] = &[
    "hier",
    "dort",
    "da",
    "jetzt",
    "heute",
    "morgen",
    "übermorgen",
    "dann",
    "so",
    "auch",
    "gemeinsam",
    "online",
    "gern",
    "gerne",
    "natürlich",
    "noch",
    "schon",
    "bereits",
    "außerdem",
    "zudem",
    "deshalb",
    "deswegen",
    "dafür",
    "hierfür",
    "dazu",
    "nun",
    "vielleicht",
    "bestimmt",
    "sicher",
    "endlich",
    "bald",
    "ebenfalls",
    "ansonsten",
    "sonst",
    "übrigens",
    "wieder",
    "immer",
    "künftig",
    "ab",
    "diesmal",
    "nächste",
    "nächsten",
    "wochenende",
    "samstag",
    "sonntag",
    "montag",
    "dienstag",
    "mittwoch",
    "donnerstag",
    "freitag",
    "abends",
    "morgens",
    "mittags",
    "täglich",
    "demnächst",
    "hierzu",
    "dabei",
    "danach",
    "vorher",
    "anschließend",
    "zusätzlich",
    "ebenso",
    "gleichzeitig",
    "inzwischen",
    "dort",
];
/// Particles right after an imperative that make the imperative reading certain.
const IMPERATIVE_PARTICLES: &[&str] = &[
    "mal",
    "doch",
    "vorbei",
    "uns",
    "euch",
    "dich",
    "dir",
    "gern",
    "gerne",
    "ruhig",
    "einfach",
    "schnell",
    "bitte",
    "unbedingt",
    "gleich",
    "jetzt",
    "rein",
    "rüber",
    "los",
    "alle",
    "zusammen",
    "gemeinsam",
    "mit",
];
const SEPARABLE_PARTICLES: &[&str] = &[
    "mit", "vorbei", "teil", "an", "ab", "auf", "aus", "nach", "zu", "los", "dabei", "rein", "rum",
    "weiter", "zurück", "hin", "her", "vor", "ein", "fest", "bei", "zusammen", "durch", "um",
    "rüber", "heim", "dazu", "herein", "hinein", "vorbei", "mal", "ran", "raus", "zuhause",
    "vorbei",
];
const LEAD_INS: &[&str] = &[
    "bitte",
    "einfach",
    "unbedingt",
    "hey",
    "leute",
    "ja",
    "und",
    "schnell",
    "also",
    "dann",
    "jetzt",
    "nun",
    "gerne",
    "gern",
    "auch",
    "deshalb",
    "darum",
];
/// Lead-ins after which the next word may still be an imperative with an object
/// (`Bitte nutzt die Chance`); after the others (`Dann kommt die Müllabfuhr`) a verb
/// with a noun phrase is an inverted statement.
const OBJECT_SAFE_LEAD_INS: &[&str] = &[
    "bitte",
    "einfach",
    "unbedingt",
    "hey",
    "leute",
    "ja",
    "schnell",
];
const THIRD_PERSON_SUBJECTS: &[&str] = &["er", "es", "man", "jemand", "niemand", "keiner", "sie"];
const NOT_A_VERB: &[&str] = &[
    "danke",
    "nicht",
    "jetzt",
    "erst",
    "seit",
    "bereits",
    "meist",
    "zuletzt",
    "selbst",
    "sonst",
    "oft",
    "stets",
    "recht",
    "mit",
    "gut",
    "fast",
    "längst",
    "zunächst",
    "einst",
    "weit",
    "samt",
    "damit",
    "somit",
    "womit",
    "direkt",
    "insgesamt",
    "zuerst",
    "komplett",
    "heut",
    "acht",
    "nachts",
    "breit",
    "bereit",
    "best",
    "liebst",
    "selbstverständlich",
    "laut",
    "rot",
    "gesamt",
    "spät",
    "leicht",
    "schlecht",
    "echt",
    "bunt",
    "weltweit",
    "nett",
    "sanft",
    "bekannt",
    "beliebt",
    "geehrt",
    "geschätzt",
    "berühmt",
    "rechtzeitig",
    "ort",
    "stadt",
    "zeit",
    "arbeit",
    "welt",
    "nacht",
    "markt",
    "amt",
    "rat",
    "rest",
    "fest",
    "gast",
    "lust",
    "kunst",
    "dienst",
    "herbst",
    "start",
    "test",
    "wert",
    "projekt",
    "konzert",
    "sport",
    "punkt",
    "kontakt",
    "bericht",
    "licht",
    "recht",
    "abschnitt",
    "monat",
    "paket",
    "ticket",
    "internet",
    "mut",
    "gut",
    "hut",
    "blut",
    "brot",
    "boot",
    "angebot",
    "verbot",
    "gebot",
    "ernst",
    "durst",
    "frost",
    "wurst",
    "gesicht",
    "gewicht",
    "gericht",
    "geschäft",
    "gesellschaft",
    "schrift",
    "luft",
    "kraft",
    "saft",
    "heft",
    "stift",
    "zukunft",
    "auskunft",
    "nikolaust",
    "advent",
    "moment",
    "ort",
    "wort",
    "antwort",
    "sicht",
    "pflicht",
    "schicht",
    "flucht",
    "frucht",
    "nacht",
    "pracht",
    "fracht",
    "jagd",
    "hast",
    "last",
    "rast",
    "mast",
    "list",
    "frist",
    "christ",
    "plakat",
    "zitat",
    "format",
    "debatt",
    "akt",
    "takt",
    "fakt",
    "pakt",
    "objekt",
    "subjekt",
    "effekt",
    "aspekt",
    "prospekt",
    "produkt",
    "konflikt",
    "distrikt",
    "quartett",
    "duett",
    "ballett",
    "august",
    "unterricht",
    "einheit",
    "sicherheit",
    "gesundheit",
    "freiheit",
    "mehrheit",
    "möglichkeit",
    "gelegenheit",
    "tätigkeit",
    "nt",
    "st",
];
const FIRST_PERSON: &[&str] = &["wir", "ich", "uns"];
/// Verbs whose `-e` form opens first-person posts without `ich`: wishes, thanks and the
/// auxiliaries of a perfect or future (`Habe … eröffnet`, `Werde … sein`). Their imperative
/// takes a `du`-word anyway (`Freu dich`, `Wünsch dir was`), which is flagged on its own.
const DROPPED_ICH_FORMS: &[&str] = &[
    "wünsche",
    "danke",
    "gratuliere",
    "grüße",
    "hoffe",
    "freue",
    "habe",
    "werde",
    "bin",
    "glaube",
    "finde",
    "verstehe",
    "bedanke",
    "möge",
    "muss",
    "kann",
    "war",
    "wollte",
    "würde",
    "weiß",
];
/// Konjunktiv I of the third person singular, the mood of reported speech: `sagt, sie sei`.
const REPORTED_SPEECH_FORMS: &[&str] = &[
    "sei", "habe", "werde", "könne", "müsse", "solle", "wolle", "dürfe", "möge", "gebe", "komme",
    "wisse", "gehe", "stehe", "liege", "bleibe",
];
/// Second person singular forms of auxiliaries and modals: never anything but `du`.
const SECOND_SINGULAR_FORMS: &[&str] = &[
    "hast",
    "bist",
    "kannst",
    "willst",
    "musst",
    "sollst",
    "darfst",
    "weisst",
    "hättest",
    "wärst",
    "würdest",
    "könntest",
    "solltest",
    "möchtest",
    "warst",
    "hattest",
    "wirst",
    "müsstest",
    "durftest",
    "konntest",
    "wolltest",
];
/// Chat inflectives (`*lach*`, `grins`) and words ending in -t that are no verb.
const INFLECTIVES_AND_PARTICLES: &[&str] = &[
    "lach",
    "grins",
    "seufz",
    "kicher",
    "gähn",
    "hust",
    "schluck",
    "staun",
    "zwinker",
    "schnief",
    "räusper",
    "kotz",
    "freu",
    "knuddel",
    "soweit",
    "insoweit",
    "fazit",
    "tweet",
    "vllt",
    "vlt",
    "vielleicht",
];
/// Verbs whose singular imperative changes the stem vowel (`nehmen` → `nimm`): their
/// `-e` form (`nehme`, `gebe`) is only the first person (`Nehme an, dass…`).
const E_TO_I_VERBS: &[&str] = &[
    "nehmen",
    "geben",
    "sehen",
    "lesen",
    "helfen",
    "sprechen",
    "treffen",
    "vergessen",
    "werfen",
    "essen",
    "brechen",
    "messen",
    "empfehlen",
    "sterben",
    "treten",
    "abgeben",
    "zurückgeben",
];
const TITLES: &[&str] = &[
    "frau",
    "herr",
    "herrn",
    "familie",
    "kollegin",
    "kollege",
    "bürgermeisterin",
    "oberbürgermeisterin",
    "dr",
    "prof",
];
const ABBREVIATIONS: &[&str] = &[
    "nr", "ca", "bzw", "usw", "dr", "st", "str", "tel", "inkl", "ggf", "evtl", "bspw", "vgl", "hr",
    "fr", "prof", "jh", "mio", "mrd", "abs", "geb", "zb", "dh", "ua", "uvm", "ab", "bzgl", "gem",
    "max", "min", "mind", "sog", "z", "u", "o", "d", "h", "i", "e", "v",
];
const DU_AS_NOUN: &[&str] = &["per", "das", "dem", "zum", "ins", "aufs"];

/// Verbs of municipal calls to action (infinitives). Separable verbs are listed by their
/// base (`mitmachen` → `machen`): the imperative puts the particle at the end
/// (`Macht mit!`).
const VERBS: &[&str] = &[
    "kommen",
    "machen",
    "schauen",
    "gucken",
    "melden",
    "nutzen",
    "nützen",
    "holen",
    "bringen",
    "feiern",
    "helfen",
    "sagen",
    "teilen",
    "stimmen",
    "denken",
    "achten",
    "beachten",
    "fahren",
    "informieren",
    "besuchen",
    "entdecken",
    "erleben",
    "genießen",
    "probieren",
    "ausprobieren",
    "sichern",
    "schreiben",
    "folgen",
    "klicken",
    "laden",
    "lesen",
    "sehen",
    "hören",
    "tanzen",
    "singen",
    "spielen",
    "packen",
    "bleiben",
    "gehen",
    "wählen",
    "senden",
    "schicken",
    "reichen",
    "gewinnen",
    "verpassen",
    "vergessen",
    "erinnern",
    "radeln",
    "trennen",
    "sammeln",
    "werfen",
    "spenden",
    "unterstützen",
    "registrieren",
    "bewerben",
    "fragen",
    "rufen",
    "anrufen",
    "kontaktieren",
    "stellen",
    "trauen",
    "testen",
    "zeigen",
    "erzählen",
    "markieren",
    "tragen",
    "passen",
    "starten",
    "lernen",
    "üben",
    "fotografieren",
    "staunen",
    "freuen",
    "kümmern",
    "engagieren",
    "beteiligen",
    "stöbern",
    "buchen",
    "reservieren",
    "suchen",
    "finden",
    "geben",
    "nehmen",
    "lassen",
    "halten",
    "essen",
    "trinken",
    "kaufen",
    "laufen",
    "wandern",
    "reisen",
    "besichtigen",
    "erkunden",
    "schwimmen",
    "klettern",
    "lachen",
    "backen",
    "kochen",
    "basteln",
    "malen",
    "pflanzen",
    "gießen",
    "räumen",
    "aufräumen",
    "putzen",
    "fegen",
    "sparen",
    "parken",
    "tanken",
    "drücken",
    "schalten",
    "schützen",
    "retten",
    "danken",
    "gratulieren",
    "wünschen",
    "grüßen",
    "abonnieren",
    "liken",
    "kommentieren",
    "verraten",
    "schmücken",
    "gestalten",
    "pflegen",
    "treffen",
    "sprechen",
    "diskutieren",
    "mitreden",
    "abstimmen",
    "vorbeischauen",
    "vorbeikommen",
    "anmelden",
    "bestellen",
    "beantragen",
    "ausfüllen",
    "füllen",
    "einreichen",
    "prüfen",
    "überprüfen",
    "planen",
    "bauen",
    "tauschen",
    "blicken",
    "kennen",
    "lernen",
    "wissen",
    "haben",
    "werden",
    "können",
    "müssen",
    "dürfen",
    "wollen",
    "sollen",
    "mögen",
    "tun",
    "zögern",
    "warten",
    "arbeiten",
    "rechnen",
    "öffnen",
    "zeichnen",
    "antworten",
    "bedienen",
    "vorbereiten",
    "bereiten",
    "begleiten",
    "leisten",
    "mieten",
    "ausleihen",
    "leihen",
    "schenken",
    "verschenken",
    "spendieren",
    "sorgen",
    "besorgen",
    "gucken",
    "erkunden",
    "ernten",
    "pflücken",
    "streuen",
    "heizen",
    "lüften",
    "sperren",
    "fotografieren",
    "filmen",
    "posten",
    "taggen",
    "verlinken",
    "schwingen",
    "rocken",
    "chillen",
    "relaxen",
    "erholen",
    "entspannen",
    "mitfeiern",
    "mitmachen",
    "aufpassen",
    "achtgeben",
    "beeilen",
    "tippen",
    "vorschlagen",
    "einbringen",
    "anschauen",
    "umschauen",
    "mitbringen",
    "vorbeibringen",
    "abgeben",
    "zurückgeben",
    "stimmen",
    "verteilen",
    "sammeln",
    "schließen",
    "impfen",
    "testen",
    "bewegen",
    "radfahren",
    "joggen",
    "turnen",
    "springen",
    "klatschen",
    "jubeln",
    "applaudieren",
    "winken",
    "fiebern",
    "drücken",
    "halten",
    "glauben",
    "träumen",
    "bleiben",
    "schlafen",
    "ziehen",
    "tragen",
    "rutschen",
    "rodeln",
    "schlittern",
    "schmecken",
    "probieren",
    "naschen",
    "bummeln",
    "flanieren",
    "shoppen",
    "spazieren",
    "kennenlernen",
    "vernetzen",
    "einsteigen",
    "umsteigen",
    "aussteigen",
    "steigen",
];

/// Verb forms that are also everyday nouns or adjectives at the start of a sentence.
const NOUN_CLASHES: &[&str] = &[
    "macht", "sucht", "fahrt", "bucht", "rast", "wacht", "lauf", "ruf", "kauf", "bau", "tausch",
    "blick", "besuch", "spiel", "tanz", "dank", "plan", "feier", "tipp", "koch", "dreh", "fang",
    "teil", "teile", "folge", "frage", "spende", "reise", "reis", "pflanze", "spiele", "stimme",
    "stimmt", "sorge", "besuche", "blicke", "grüße", "sichere", "schick", "schicke", "male",
    "park", "tank", "halt", "ernte", "post", "film", "jubel", "bummel", "klick", "treff", "lade",
    "wunsch", "schutz", "druck", "sprung",
];

/// The words of every class, with the verb forms generated from [`VERBS`].
pub(super) fn word_classes() -> BTreeMap<String, Class> {
    let mut classes: BTreeMap<String, Class> = BTreeMap::new();
    let mut add = |words: &[&str], class: Class| {
        for word in words {
            let entry = classes.entry((*word).to_owned()).or_default();
            *entry = entry.with(class);
        }
    };
    add(DU_WORDS, Class::DU);
    add(EUCH_WORDS, Class::EUCH);
    add(&["ihr"], Class::IHR);
    add(&["sie"], Class::SIE);
    add(&["ihnen"], Class::IHNEN);
    add(IHR_INFLECTED_WORDS, Class::IHR_INFLECTED);
    add(THIRD_SINGULAR_WORDS, Class::THIRD_SINGULAR);
    add(PAST_PLURAL_WORDS, Class::PAST_PLURAL);
    add(
        FEMININE_OR_PLURAL_DETERMINERS,
        Class::FEMININE_OR_PLURAL_DETERMINER,
    );
    add(DETERMINERS, Class::DETERMINER);
    add(PREPOSITIONS, Class::PREPOSITION);
    add(SUBORDINATORS, Class::SUBORDINATOR);
    add(COORDINATORS, Class::COORDINATOR);
    add(ADVERBS, Class::ADVERB);
    add(IMPERATIVE_PARTICLES, Class::IMPERATIVE_PARTICLE);
    add(SEPARABLE_PARTICLES, Class::SEPARABLE_PARTICLE);
    add(LEAD_INS, Class::LEAD_IN);
    add(OBJECT_SAFE_LEAD_INS, Class::OBJECT_SAFE_LEAD_IN);
    add(THIRD_PERSON_SUBJECTS, Class::THIRD_PERSON_SUBJECT);
    add(NOT_A_VERB, Class::NOT_A_VERB);
    add(FIRST_PERSON, Class::FIRST_PERSON);
    add(TITLES, Class::TITLE);
    add(ABBREVIATIONS, Class::ABBREVIATION);
    add(DU_AS_NOUN, Class::DU_AS_NOUN);
    add(DROPPED_ICH_FORMS, Class::DROPPED_ICH);
    add(REPORTED_SPEECH_FORMS, Class::REPORTED_SPEECH);
    add(SECOND_SINGULAR_FORMS, Class::SECOND_SINGULAR);
    add(INFLECTIVES_AND_PARTICLES, Class::NOT_A_VERB);
    // A function word is never also read as a verb form (`mal` is a particle, `bitte` a
    // lead-in, `sicher` an adverb).
    let function_word = Class::NOT_A_VERB
        .with(Class::PREPOSITION)
        .with(Class::DETERMINER)
        .with(Class::FEMININE_OR_PLURAL_DETERMINER)
        .with(Class::ADVERB)
        .with(Class::SUBORDINATOR)
        .with(Class::COORDINATOR)
        .with(Class::IMPERATIVE_PARTICLE)
        .with(Class::SEPARABLE_PARTICLE)
        .with(Class::LEAD_IN)
        .with(Class::DU)
        .with(Class::EUCH)
        .with(Class::IHR)
        .with(Class::THIRD_SINGULAR);
    let mut add_verb_form = |word: String, class: Class| {
        let entry = classes.entry(word).or_default();
        if !entry.has(function_word) {
            *entry = entry.with(class);
        }
    };
    for infinitive in VERBS {
        let forms = VerbForms::of(infinitive);
        add_verb_form(forms.plural, Class::PLURAL_IMPERATIVE);
        let singulars = if E_TO_I_VERBS.contains(infinitive) {
            Vec::new() // listed in IRREGULAR_SINGULAR_IMPERATIVES
        } else {
            forms.singular
        };
        for singular in singulars {
            add_verb_form(singular, Class::SINGULAR_IMPERATIVE);
        }
        if infinitive.ends_with("ten") {
            add_verb_form((*infinitive).to_owned(), Class::PRESENT_TEN);
        }
    }
    // Subjunctives of modals (`Möchten Sie…`, `Sollten Sie Fragen haben…`) and -ten verbs
    // outside the list of calls to action (`Wir bitten sie…` is present, not past).
    for word in [
        "möchten",
        "könnten",
        "dürften",
        "müssten",
        "sollten",
        "bitten",
        "bieten",
        "anbieten",
        "raten",
        "beraten",
        "leiten",
        "gelten",
        "streiten",
        "verbieten",
        "berichten",
        "richten",
        "beobachten",
        "betrachten",
        "fürchten",
        "töten",
        "vernichten",
        "gestatten",
    ] {
        add_verb_form(word.to_owned(), Class::PRESENT_TEN);
    }
    for word in PLURAL_ONLY_WORDS {
        add_verb_form(
            (*word).to_owned(),
            Class::PLURAL_ONLY.with(Class::PLURAL_IMPERATIVE),
        );
    }
    for word in IRREGULAR_SINGULAR_IMPERATIVES {
        add_verb_form((*word).to_owned(), Class::SINGULAR_IMPERATIVE);
    }
    for word in NOUN_CLASHES {
        if let Some(entry) = classes.get_mut(*word) {
            *entry = entry.with(Class::NOUN_CLASH);
        }
    }
    // `sein` is a determiner (his) and a verb whose forms are irregular; `seid` is listed.
    if let Some(entry) = classes.get_mut("sein") {
        *entry = entry.without(Class::SINGULAR_IMPERATIVE);
    }
    classes
}

/// The imperative forms of one verb.
struct VerbForms {
    plural: String,
    singular: Vec<String>,
}

impl VerbForms {
    fn of(infinitive: &str) -> VerbForms {
        if infinitive == "sein" {
            return VerbForms {
                plural: "seid".to_owned(),
                singular: vec!["sei".to_owned()],
            };
        }
        // -eln/-ern and -un verbs drop only the -n: sammel-t, feier-t, tu-t.
        if infinitive.ends_with("eln") || infinitive.ends_with("ern") || infinitive == "tun" {
            let stem = &infinitive[..infinitive.len() - 1];
            let mut singular = vec![stem.to_owned(), format!("{stem}e")];
            if let Some(base) = stem.strip_suffix("el") {
                singular.push(format!("{base}le")); // sammle
            }
            return VerbForms {
                plural: format!("{stem}t"),
                singular,
            };
        }
        let stem = infinitive.strip_suffix("en").unwrap_or(infinitive);
        if needs_linking_e(stem) {
            VerbForms {
                plural: format!("{stem}et"),
                singular: vec![format!("{stem}e")],
            }
        } else {
            VerbForms {
                plural: format!("{stem}t"),
                singular: vec![stem.to_owned(), format!("{stem}e")],
            }
        }
    }
}

/// Stems ending in d/t, or in m/n after another consonant (`öffn`, `rechn`), take -et/-e.
fn needs_linking_e(stem: &str) -> bool {
    let mut reversed = stem.chars().rev();
    match (reversed.next(), reversed.next()) {
        (Some('d' | 't'), _) => true,
        (Some('m' | 'n'), Some(before)) => !"aeiouäöüylrhmn".contains(before),
        _ => false,
    }
}

/// The word classes compiled into one lexicon; `classes[term]` belongs to lexicon term
/// `term`.
pub(super) struct Words {
    /// The words in the order of `classes`, for the lexicon.
    terms: Vec<String>,
    /// Built at the first text the lookup cannot classify: most texts never need it, and
    /// building it is a twentieth of compiling a policy.
    lexicon: OnceLock<Result<Lexicon, String>>,
    pub classes: Vec<Class>,
    /// The same words folded, for a lookup per token instead of a lexicon search; `None`
    /// if a folded word is not one token (then only the lexicon gives the same result).
    pub by_folded_word: Option<HashMap<String, Class>>,
}

impl Words {
    pub fn new() -> Words {
        let table = word_classes();
        let mut by_folded_word = Some(HashMap::with_capacity_and_hasher(
            table.len(),
            foldhash::fast::RandomState::default(),
        ));
        for (word, &class) in &table {
            // Folded exactly like the lexicon folds its terms.
            let folded = Folded::new(word.trim()).as_str().to_owned();
            if folded.is_empty() || !folded.chars().all(char::is_alphanumeric) {
                by_folded_word = None;
                break;
            }
            // Of two words that fold alike, the lexicon keeps the first term.
            if let Some(map) = by_folded_word.as_mut() {
                map.entry(folded).or_insert(class);
            }
        }
        let (terms, classes) = table.into_iter().unzip();
        Words {
            terms,
            lexicon: OnceLock::new(),
            classes,
            by_folded_word,
        }
    }

    /// The lexicon of every word, built on first use; `Err` if a built-in word is not a
    /// valid term (a bug the tests catch).
    pub fn lexicon(&self) -> Result<&Lexicon, &str> {
        self.lexicon
            .get_or_init(|| {
                let plain = TermOptions::default();
                Lexicon::new(self.terms.iter().map(|word| (word.as_str(), plain)))
            })
            .as_ref()
            .map_err(String::as_str)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_lexicon_builds() {
        assert!(Words::new().lexicon().is_ok());
    }

    #[test]
    fn verb_forms_follow_german_morphology() {
        let forms = |v: &str| {
            let f = VerbForms::of(v);
            (f.plural, f.singular)
        };
        assert_eq!(forms("kommen").0, "kommt");
        assert_eq!(forms("melden").0, "meldet");
        assert_eq!(forms("melden").1, ["melde"]);
        assert_eq!(forms("öffnen").0, "öffnet");
        assert_eq!(forms("lernen").0, "lernt");
        assert_eq!(forms("sammeln").0, "sammelt");
        assert!(forms("sammeln").1.contains(&"sammle".to_owned()));
        assert_eq!(forms("feiern").0, "feiert");
        assert_eq!(forms("tun").0, "tut");
        assert_eq!(forms("lesen").0, "lest");
    }

    #[test]
    fn function_words_are_never_verb_forms() {
        let table = word_classes();
        let mal = table.get("mal").copied().unwrap_or_default();
        assert!(!mal.has(Class::SINGULAR_IMPERATIVE));
        let macht = table.get("macht").copied().unwrap_or_default();
        assert!(macht.has(Class::PLURAL_IMPERATIVE) && macht.has(Class::NOUN_CLASH));
        let seid = table.get("seid").copied().unwrap_or_default();
        assert!(seid.has(Class::PLURAL_ONLY));
    }
}
