//! What the embedded gazetteer holds: one invented news sentence per kind of
//! place the data files promise (see `data/SOURCES.md`), with the canonical
//! name and id it must report.

use std::sync::OnceLock;

use copydesk_gazetteer::Gazetteer;

fn embedded() -> &'static Gazetteer {
    static GAZ: OnceLock<Gazetteer> = OnceLock::new();
    GAZ.get_or_init(Gazetteer::embedded)
}

/// (matched text, canonical name, id, flagged) for every mention in `text`.
fn found(text: &str) -> Vec<(&str, String, Option<String>, bool)> {
    let gaz = embedded();
    gaz.find(text)
        .map(|m| {
            let e = gaz.entity(m.entity);
            (&text[m.span.clone()], e.name.clone(), e.id.clone(), m.flagged)
        })
        .collect()
}

#[test]
fn places_of_every_kind() {
    #[rustfmt::skip]
    let cases: &[(&str, &str, &str, &str)] = &[
        // (sentence, matched words, canonical name, id)
        // a city that is also a first name, kept because it is large
        ("Talks resumed in Geneva on Monday.",                       "Geneva",      "Geneva",      "geonames:2660646"),
        // a US state that is also a dictionary word, kept (flagged where ambiguous)
        ("Voters in Michigan went to the polls.",                    "Michigan",    "Michigan",    "US-MI"),
        // a first-level region outside the 18 large countries, by its ISO name
        ("Herders in Turkana have lost half their cattle.",          "Turkana",     "Turkana",     "KE-43"),
        // a region's English name, with the ISO name as an alias
        ("Floods hit Bavaria and Saxony overnight.",                 "Bavaria",     "Bavaria",     "DE-BY"),
        ("Der Regen in Bayern hielt an.",                            "Bayern",      "Bavaria",     "DE-BY"),
        ("The Catalan government called a vote.",                    "Catalan",     "Catalonia",   "ES-CT"),
        ("Russia annexed Crimea in 2014.",                           "Crimea",      "Crimea",      "UA-43"),
        // a place ISO 3166-1 does not list
        ("Kosovo declared independence in 2008.",                    "Kosovo",      "Kosovo",      "XK"),
        // physical features
        ("Tankers crowded the Strait of Hormuz.",                    "Strait of Hormuz", "Strait of Hormuz", "feature:strait-of-hormuz"),
        ("The River Danube burst its banks.",                        "River Danube", "Danube",     "feature:danube"),
        ("Snow closed passes across the Alps.",                      "Alps",        "Alps",        "feature:alps"),
        ("Drought has shrunk the Amazon rainforest.",                "Amazon rainforest", "Amazon River", "feature:amazon-river"),
        // a city keeps its name where a region of another country has it
        ("Protesters gathered in central Lima.",                     "Lima",        "Lima",        "geonames:3936456"),
    ];
    for (text, words, name, id) in cases {
        let got = found(text);
        assert!(
            got.iter().any(|(w, n, i, _)| w == words && n == name && i.as_deref() == Some(*id)),
            "{text:?}: want {words:?} -> {name} [{id}], got {got:?}"
        );
    }
}

#[test]
fn first_name_cities_are_flagged_next_to_a_name() {
    // "Florence" is kept as a city but flagged where it reads as a person.
    let got = found("Aid workers reached Florence Mwangi's village.");
    assert!(got.iter().all(|(w, _, _, flagged)| *w != "Florence" || *flagged), "{got:?}");
    // A bare company name is not the river.
    assert!(found("Amazon said sales rose.").iter().all(|(w, ..)| *w != "Amazon"));
}
