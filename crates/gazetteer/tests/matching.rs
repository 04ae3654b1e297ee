//! Table-driven matching tests on invented news sentences.

use std::sync::OnceLock;

use copydesk_gazetteer::{EntityKind, Entry, Error, Form, Format, Gazetteer};
use proptest::prelude::*;

fn embedded() -> &'static Gazetteer {
    static GAZ: OnceLock<Gazetteer> = OnceLock::new();
    GAZ.get_or_init(Gazetteer::embedded)
}

/// A small hand-made gazetteer, without the embedded data.
fn custom() -> &'static Gazetteer {
    static GAZ: OnceLock<Gazetteer> = OnceLock::new();
    GAZ.get_or_init(|| {
        Gazetteer::builder()
            .embedded(false)
            .entry(Entry::new("Marisol Zúñiga", EntityKind::Person).alias("Zúñiga"))
            .entry(Entry::new("Oman", EntityKind::Place).demonym("Omani"))
            .entry(Entry::new("Paz", EntityKind::Person))
            .entry(Entry::new("La Paz", EntityKind::Place))
            .entry(Entry::new("Reading", EntityKind::Place).with_ambiguous(true))
            .entry(Entry::new("protest", EntityKind::Topic).with_stem(true))
            .entry(Entry::new("climate change", EntityKind::Topic).with_stem(true))
            .entry(Entry::new("inflation", EntityKind::Topic))
            .entry(Entry::new("Acme Mining", EntityKind::Organization).with_case_sensitive(false))
            .build()
            .unwrap()
    })
}

/// (matched text, canonical name) pairs found in `text`.
fn found<'a>(gaz: &'a Gazetteer, text: &'a str) -> Vec<(&'a str, &'a str)> {
    gaz.find(text).map(|m| (&text[m.span.clone()], gaz.entity(m.entity).name.as_str())).collect()
}

#[test]
fn embedded_must_match() {
    // (text, matched words, canonical name)
    let cases: &[(&str, &str, &str)] = &[
        ("Troops massed outside the palace in La Paz on Wednesday.", "La Paz", "La Paz"),
        (
            "The Organization of American States called an emergency session.",
            "Organization of American States",
            "Organization of American States",
        ),
        (
            "The Organisation of American States said it was alarmed.",
            "Organisation of American States",
            "Organization of American States",
        ),
        ("Officials in Bolivia's capital refused to comment.", "Bolivia", "Bolivia"),
        ("Officials in Bolivia’s capital refused to comment.", "Bolivia", "Bolivia"),
        ("A Bolivian general was detained.", "Bolivian", "Bolivia"),
        ("Thousands of Bolivians marched.", "Bolivians", "Bolivia"),
        ("Exports to South America fell.", "South America", "South America"),
        ("The European Union imposed sanctions.", "European Union", "European Union"),
        ("The EU imposed sanctions.", "EU", "European Union"),
        ("The US embassy issued a warning.", "US", "United States"),
        ("The U.S. embassy issued a warning.", "U.S.", "United States"),
        ("Talks were held in Oman last week.", "Oman", "Oman"),
        ("Flooding hit São Paulo overnight.", "São Paulo", "São Paulo"),
        ("Flooding hit Sao Paulo overnight.", "Sao Paulo", "São Paulo"),
        ("The bank has offices in Zürich.", "Zürich", "Zürich"),
        ("The bank has offices in Zurich.", "Zurich", "Zürich"),
        ("He flew to Guinea-Bissau.", "Guinea-Bissau", "Guinea-Bissau"),
        ("He flew to Guinea Bissau.", "Guinea Bissau", "Guinea-Bissau"),
        ("A NATO summit opened.", "NATO", "North Atlantic Treaty Organization"),
        ("A Nato summit opened.", "Nato", "North Atlantic Treaty Organization"),
        ("The IMF approved the loan.", "IMF", "International Monetary Fund"),
        ("The WHO declared an emergency.", "WHO", "World Health Organization"),
        ("Pro-Chile demonstrators gathered.", "Chile", "Chile"),
        ("Residents of Kyiv sheltered.", "Kyiv", "Kyiv"),
        ("Residents of Kiev sheltered.", "Kiev", "Kyiv"),
        ("The council in Reading approved the budget.", "Reading", "Reading"),
        ("Her family moved to Nice in 1990.", "Nice", "Nice"),
        ("The talks in Honduras stalled.", "Honduras", "Honduras"),
        ("Farmers in Texas braced for drought.", "Texas", "Texas"),
        ("Iraqis voted on Sunday.", "Iraqis", "Iraq"),
        ("The American ambassador left.", "American", "United States"),
        ("The council said the Georgian capital was calm.", "Georgian", "Georgia"),
    ];
    let gaz = embedded();
    for &(text, want, name) in cases {
        let got = found(gaz, text);
        assert!(got.contains(&(want, name)), "{text:?}: want {want:?} -> {name:?}, got {got:?}");
    }
}

#[test]
fn embedded_must_not_match() {
    // (text, words that must not be a mention)
    let cases: &[(&str, &str)] = &[
        ("The woman said she had waited for hours.", "Oman"),
        ("Tell us what you saw.", "us"),
        ("He was reading the statement aloud.", "reading"),
        ("It was a nice day for a march.", "nice"),
        ("She took a bath.", "bath"),
        ("The party may split over the vote.", "split"),
        ("The party may split over the vote.", "may"),
        ("He checked his mobile phone.", "mobile"),
        ("The Chilean-born chef opened a restaurant.", "Chile"),
        ("Romanians voted on Sunday.", "Oman"),
        ("Who will pay for it?", "Who"),
        ("The who and the why.", "who"),
        ("Exports from Bolivia's neighbours rose.", "Bolivia's"),
        ("President Obama met George and Martin.", "Obama"),
        ("President Obama met George and Martin.", "Martin"),
    ];
    let gaz = embedded();
    for &(text, bad) in cases {
        let got = found(gaz, text);
        assert!(!got.iter().any(|(w, _)| *w == bad), "{text:?}: {bad:?} must not match, got {got:?}");
    }
}

#[test]
fn nothing_inside_words() {
    let gaz = embedded();
    let text = "The womanly Omanis, Romanians and Chileans met Bolivianos in Parisian cafés; \
                Texans and Panamanians argued about Americana.";
    for m in gaz.find(text) {
        let before = text[..m.span.start].chars().next_back();
        let after = text[m.span.end..].chars().next();
        assert!(!before.is_some_and(char::is_alphanumeric), "{:?} starts mid-word", &text[m.span.clone()]);
        assert!(!after.is_some_and(char::is_alphanumeric), "{:?} ends mid-word", &text[m.span.clone()]);
    }
}

#[test]
fn custom_table() {
    // (text, expected (matched, name) list, in order)
    let cases: &[(&str, &[(&str, &str)])] = &[
        ("Marisol Zúñiga spoke.", &[("Marisol Zúñiga", "Marisol Zúñiga")]),
        ("Marisol Zuniga spoke.", &[("Marisol Zuniga", "Marisol Zúñiga")]),
        ("Zuniga spoke.", &[("Zuniga", "Marisol Zúñiga")]),
        ("ZÚÑIGA", &[]),
        ("in La Paz and Paz", &[("La Paz", "La Paz"), ("Paz", "Paz")]),
        ("the woman from Oman", &[("Oman", "Oman")]),
        ("Omani officials", &[("Omani", "Oman")]),
        ("Omanis agreed", &[("Omanis", "Oman")]),
        ("Oman's port", &[("Oman", "Oman")]),
        ("Oman’s port", &[("Oman", "Oman")]),
        ("reading the news in Reading", &[("Reading", "Reading")]),
        (
            "The protesters were protesting a protest.",
            &[("protesters", "protest"), ("protesting", "protest"), ("protest", "protest")],
        ),
        ("Protests spread.", &[("Protests", "protest")]),
        ("The protectors stayed.", &[]),
        ("fears of climate changes", &[("climate changes", "climate change")]),
        (
            "Inflation and inflation and INFLATION",
            &[("Inflation", "inflation"), ("inflation", "inflation"), ("INFLATION", "inflation")],
        ),
        ("inflationary", &[]),
        ("acme mining and ACME MINING", &[("acme mining", "Acme Mining"), ("ACME MINING", "Acme Mining")]),
    ];
    let gaz = custom();
    for &(text, want) in cases {
        assert_eq!(found(gaz, text), want, "{text:?}");
    }
}

#[test]
fn forms_and_flags() {
    let gaz = custom();
    // (text, form, flagged) for the first mention
    let cases: &[(&str, Form, bool)] = &[
        ("Omani ships", Form::Demonym, false),
        ("near Oman", Form::Name, false),
        ("the protesters", Form::Stem, false),
        ("a protest", Form::Name, false),
        ("Reading is a town.", Form::Name, true),
        ("\"Reading is a town.", Form::Name, true),
        ("They met in Reading on Monday.", Form::Name, false),
        ("They met Mr Reading on Monday.", Form::Name, true),
        ("They met Reading Council officials.", Form::Name, true),
    ];
    for &(text, form, flagged) in cases {
        let m = gaz.find(text).next().unwrap_or_else(|| panic!("{text:?}: no mention"));
        assert_eq!((m.form, m.flagged), (form, flagged), "{text:?}");
    }
}

#[test]
fn user_entries_win_over_embedded() {
    let gaz = Gazetteer::builder().entry(Entry::new("Chile", EntityKind::Other).with_id("pepper")).build().unwrap();
    let m = gaz.find("Chile").next().unwrap();
    assert_eq!(gaz.entity(m.entity).id.as_deref(), Some("pepper"));
}

#[test]
fn loads_tsv_csv_json() {
    let tsv =
        "name\tkind\tid\taliases\tdemonyms\tflags\n# comment\n\nAndes Copper\torganization\tac1\tAndesCu|AC Mining\n";
    let csv = "kind,name,aliases\norganization,Andes Copper,AndesCu|AC Mining\n";
    let json = r#"[{"name": "Andes Copper", "kind": "organisation", "aliases": ["AndesCu", "AC Mining"]}]"#;
    for (text, format) in [(tsv, Format::Tsv), (csv, Format::Csv), (json, Format::Json)] {
        let gaz = Gazetteer::builder().embedded(false).load_str(text, format, "beat").unwrap().build().unwrap();
        let text = "AndesCu, formerly Andes Copper, said AC Mining would go.";
        assert_eq!(
            found(&gaz, text),
            [("AndesCu", "Andes Copper"), ("Andes Copper", "Andes Copper"), ("AC Mining", "Andes Copper")],
            "{format:?}"
        );
        assert_eq!(gaz.entities().next().unwrap().1.kind, EntityKind::Organization);
    }
}

#[test]
fn bad_rows_name_file_and_line() {
    // (text, format, expected line)
    let cases: &[(&str, Format, usize)] = &[
        ("Lima\tplace\n\tplace\n", Format::Tsv, 2),
        ("# c\nLima\tcity\n", Format::Tsv, 2),
        ("Lima\tplace\t\t\t\tsometimes\n", Format::Tsv, 1),
        ("Lima\tplace\ta\tb\tc\td\te\n", Format::Tsv, 1),
        ("name,kind\nLima,place\nQuito,volcano\n", Format::Csv, 3),
        ("nom,kind\nLima,place\n", Format::Csv, 1),
        ("[\n{\"name\": \"Lima\"},\n{\"name\": \"Quito\", \"knd\": \"place\"}\n]", Format::Json, 3),
    ];
    for &(text, format, line) in cases {
        match Gazetteer::builder().embedded(false).load_str(text, format, "user.gaz") {
            Err(Error::BadRow { path, line: got, message }) => {
                assert_eq!(got, line, "{text:?}: {message}");
                assert_eq!(path.to_str(), Some("user.gaz"));
                let shown = Error::BadRow { path, line: got, message }.to_string();
                assert!(shown.starts_with(&format!("user.gaz:{line}: ")), "{shown}");
            }
            other => panic!("{text:?}: expected BadRow, got {other:?}"),
        }
    }
}

#[test]
fn load_path_reports_io_and_extension() {
    let dir = std::env::temp_dir().join(format!("copydesk-gaz-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let good = dir.join("beat.tsv");
    std::fs::write(&good, "Andes Copper\torganization\n").unwrap();
    let mut b = Gazetteer::builder();
    b.embedded(false);
    b.load_path(&good).unwrap();
    assert_eq!(b.build().unwrap().len(), 1);
    assert!(matches!(Gazetteer::builder().load_path(&dir.join("missing.tsv")), Err(Error::Io { .. })));
    assert!(matches!(Gazetteer::builder().load_path(&dir.join("beat.xml")), Err(Error::UnknownFormat { .. })));
    let bad = dir.join("bad.csv");
    std::fs::write(&bad, "name,kind\nLima,town\n").unwrap();
    let err = Gazetteer::builder().load_path(&bad).unwrap_err();
    assert!(
        err.to_string()
            .ends_with("bad.csv:2: unknown kind \"town\" (expected person, place, organization, topic or other)"),
        "{err}"
    );
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn empty_gazetteer_finds_nothing() {
    let gaz = Gazetteer::builder().embedded(false).build().unwrap();
    assert!(gaz.is_empty());
    assert_eq!(gaz.find("Bolivia").count(), 0);
}

#[test]
fn embedded_has_expected_entities() {
    let gaz = embedded();
    let ids: std::collections::HashMap<&str, &str> =
        gaz.entities().filter_map(|(_, e)| Some((e.id.as_deref()?, e.name.as_str()))).collect();
    for (id, name) in [
        ("BO", "Bolivia"),
        ("US-CA", "California"),
        ("org:OAS", "Organization of American States"),
        ("continent:SA", "South America"),
    ] {
        assert_eq!(ids.get(id), Some(&name), "{id}");
    }
    assert!(gaz.len() > 25_000, "{}", gaz.len());
}

/// Slicing the text by every span gives back a known surface form (after folding).
#[test]
fn spans_slice_cleanly() {
    let gaz = embedded();
    let text = "“Bolivia’s army,” said a Chilean envoy in São Paulo — and in La Paz, Zürich and Kyiv — on Tuesday.";
    let spans: Vec<&str> = gaz.find(text).map(|m| &text[m.span]).collect();
    assert_eq!(spans, ["Bolivia", "Chilean", "São Paulo", "La Paz", "Zürich", "Kyiv"]);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn spans_are_sorted_in_bounds_on_boundaries(text in "\\PC{0,200}") {
        let gaz = custom();
        let mut last = 0;
        for m in gaz.find(&text) {
            prop_assert!(m.span.start >= last && m.span.start < m.span.end && m.span.end <= text.len());
            prop_assert!(text.is_char_boundary(m.span.start) && text.is_char_boundary(m.span.end));
            last = m.span.end;
        }
    }

    #[test]
    fn known_names_in_random_context(pre in "[a-z ,.’'“”-]{0,20}", post in "[a-z ,.’'“”-]{0,20}", idx in 0usize..4) {
        let names = ["La Paz", "Oman", "Marisol Zúñiga", "Acme Mining"];
        let name = names[idx];
        let text = format!("{pre} {name} {post}");
        let gaz = custom();
        let start = pre.len() + 1;
        prop_assert!(gaz.find(&text).any(|m| m.span == (start..start + name.len())), "{:?}", text);
    }

    #[test]
    fn embedded_never_panics(text in "(\\PC|[A-Z][a-z]{2,8}| ){0,60}") {
        let gaz = embedded();
        let mut last = 0;
        for m in gaz.find(&text) {
            prop_assert!(m.span.start >= last && m.span.end <= text.len());
            prop_assert!(text.is_char_boundary(m.span.start) && text.is_char_boundary(m.span.end));
            last = m.span.end;
        }
    }
}
