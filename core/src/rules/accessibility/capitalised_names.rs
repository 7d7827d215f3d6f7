//! Names that their owners write in capitals, for `accessibility.all-caps`: a reader meets
//! them in that spelling everywhere, and a screen reader reads them as the name they are.
//!
//! Only names of five letters or more are listed: a single word in capitals of up to four
//! letters (`WELT`, `BILD`, `ADAC`, `ZDF`, `ÖPNV`) never counts as shouting anyway. A test
//! keeps shorter entries out, because they would never be looked at. Each group says where
//! the spelling comes from; policies add their own names with `allow`.

/// Upper case, folded as [`str::to_uppercase`] writes it.
pub(super) const CAPITALISED_NAMES: &[&str] = &[
    // Press and broadcasting: the titles as printed in their imprints (DER SPIEGEL, FOCUS,
    // BUNTE, DIE ZEIT's `ZEIT` is short enough already).
    "SPIEGEL", "FOCUS", "BUNTE", "PHOENIX",
    // Parties as registered with the Bundeswahlleiterin (Parteienverzeichnis nach § 6 Abs.
    // 3 PartG): BÜNDNIS 90/DIE GRÜNEN, FREIE WÄHLER, DIE LINKE (until 2023, still common).
    "BÜNDNIS", "GRÜNE", "GRÜNEN", "LINKE", "LINKEN", "FREIE", "WÄHLER",
    // Organisations, authorities and services in the spelling of their own statutes and
    // websites (BARMER Satzung, DEKRA SE, DEHOGA Bundesverband, ver.di as VERDI, UNICEF,
    // UNESCO, UNHCR; ELSTER, the tax administration's portal).
    "BARMER", "DEKRA", "DEHOGA", "VERDI", "UNICEF", "UNESCO", "UNHCR", "ELSTER", "EDEKA",
    // Legal and technical acronyms of public administration (Datenschutz-Grundverordnung,
    // Bundesausbildungsförderungsgesetz, COVID-19, the web's HTTPS).
    "DSGVO", "BAFÖG", "COVID", "HTTPS",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_upper_case_and_long_enough_to_matter() {
        for name in CAPITALISED_NAMES {
            assert_eq!(*name, name.to_uppercase(), "{name}");
            assert!(name.chars().count() >= 5, "{name} never counts alone");
        }
    }
}
