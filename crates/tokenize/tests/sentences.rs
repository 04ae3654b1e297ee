//! Sentence rules, one line per case: input and the expected sentences.
//! The texts are written for these tests.

use copydesk_tokenize::Tokenizer;

fn split(text: &str) -> Vec<&str> {
    Tokenizer::new().sentences(text).map(|s| s.text).collect()
}

/// Runs a table, reporting every failing case at once.
fn check(table: &[(&str, &[&str])]) {
    let mut failures = Vec::new();
    for (text, want) in table {
        let got = split(text);
        if got != *want {
            failures.push(format!("\n  input: {text:?}\n   want: {want:?}\n    got: {got:?}"));
        }
    }
    assert!(failures.is_empty(), "{} failing case(s):{}", failures.len(), failures.join(""));
}

#[test]
fn terminators() {
    check(&[
        ("The vote passed. The council adjourned.", &["The vote passed.", "The council adjourned."]),
        ("Who signed it? Nobody knows.", &["Who signed it?", "Nobody knows."]),
        ("It worked! Then it broke.", &["It worked!", "Then it broke."]),
        ("Really?! She said yes.", &["Really?!", "She said yes."]),
        ("No way!! We won.", &["No way!!", "We won."]),
        ("What?? Again?", &["What??", "Again?"]),
        ("Turnout rose. 2024 was a record.", &["Turnout rose.", "2024 was a record."]),
        ("The end", &["The end"]),
        ("", &[]),
        ("   \n  ", &[]),
    ]);
}

#[test]
fn no_split_inside_tokens() {
    check(&[
        ("Inflation hit 3.7 percent in May.", &["Inflation hit 3.7 percent in May."]),
        ("The fund holds $2.5bn. It grew.", &["The fund holds $2.5bn.", "It grew."]),
        ("Tickets cost $45.00 each.", &["Tickets cost $45.00 each."]),
        ("Visit www.cityhall.example.org today.", &["Visit www.cityhall.example.org today."]),
        ("Mail tips@desk.example.com. We read them.", &["Mail tips@desk.example.com.", "We read them."]),
        ("See http://x.example/a.b?c=d. Then call.", &["See http://x.example/a.b?c=d.", "Then call."]),
        ("Their site, Zoom.us, went down.", &["Their site, Zoom.us, went down."]),
        ("Sign-ups at Jeopardy! rose sharply.", &["Sign-ups at Jeopardy! rose sharply."]),
    ]);
}

#[test]
fn titles_never_end_a_sentence_before_a_name() {
    check(&[
        ("Mr. Okafor left early.", &["Mr. Okafor left early."]),
        ("It was Mrs. Lind and Dr. Pham.", &["It was Mrs. Lind and Dr. Pham."]),
        ("Lt. Col. Ruiz spoke. Sgt. Amos did not.", &["Lt. Col. Ruiz spoke.", "Sgt. Amos did not."]),
        ("Sen. Wells and Rep. Kaur met Gov. Hale.", &["Sen. Wells and Rep. Kaur met Gov. Hale."]),
        ("The Rev. Mills prayed.", &["The Rev. Mills prayed."]),
        ("They climbed Mt. Hood in May.", &["They climbed Mt. Hood in May."]),
        ("Prof. Adeyemi and Gen. Stroud agreed.", &["Prof. Adeyemi and Gen. Stroud agreed."]),
        ("The case is Smith v. Jones.", &["The case is Smith v. Jones."]),
    ]);
}

#[test]
fn ambiguous_abbreviations_split_only_before_an_opener() {
    check(&[
        ("She sued Acme Inc. The firm settled.", &["She sued Acme Inc.", "The firm settled."]),
        ("Acme Inc. Chairman Bo Li quit.", &["Acme Inc. Chairman Bo Li quit."]),
        ("Ask Vera and co. They were there.", &["Ask Vera and co.", "They were there."]),
        ("Vera and co. left at dawn.", &["Vera and co. left at dawn."]),
        ("He works for Dunmore & Co. Its shares fell.", &["He works for Dunmore & Co.", "Its shares fell."]),
        ("Carl Weiss Jr. won. His father lost.", &["Carl Weiss Jr. won.", "His father lost."]),
        ("Carl Weiss Jr.'s car was towed.", &["Carl Weiss Jr.'s car was towed."]),
        ("Bring pens, paper, etc. We start at noon.", &["Bring pens, paper, etc.", "We start at noon."]),
        ("The shop on Elm St. closed.", &["The shop on Elm St. closed."]),
        ("St. Agnes Hospital is full.", &["St. Agnes Hospital is full."]),
        ("The deal closed in Jan. The terms were secret.", &["The deal closed in Jan.", "The terms were secret."]),
        ("It opens Oct. 3 downtown.", &["It opens Oct. 3 downtown."]),
    ]);
}

#[test]
fn dotted_acronyms() {
    check(&[
        ("She moved to the U.K. When did you?", &["She moved to the U.K.", "When did you?"]),
        ("Troops from the U.N. Security Council arrived.", &["Troops from the U.N. Security Council arrived."]),
        ("He flew to Washington, D.C. on Friday.", &["He flew to Washington, D.C. on Friday."]),
        ("It is legal in the U.S. But not here.", &["It is legal in the U.S.", "But not here."]),
        ("The U.S.A. team lost.", &["The U.S.A. team lost."]),
    ]);
}

#[test]
fn initials() {
    check(&[
        ("Mary T. Okonjo chairs the panel.", &["Mary T. Okonjo chairs the panel."]),
        ("J. R. Hollis wrote it.", &["J. R. Hollis wrote it."]),
        ("The memo went to Paul R. Dunne. He shredded it.", &["The memo went to Paul R. Dunne.", "He shredded it."]),
        ("It was just you and I. Then the lights went out.", &["It was just you and I.", "Then the lights went out."]),
        ("Pope Leo I. Thomas was elected.", &["Pope Leo I. Thomas was elected."]),
    ]);
}

#[test]
fn number_prefixes() {
    check(&[
        ("The ranking put them at No. 4 overall.", &["The ranking put them at No. 4 overall."]),
        ("Read p. 12 and pp. 30-31.", &["Read p. 12 and pp. 30-31."]),
        ("The answer was no. Nobody asked again.", &["The answer was no.", "Nobody asked again."]),
        ("Under Art. 9 the court may rule.", &["Under Art. 9 the court may rule."]),
    ]);
}

#[test]
fn times_of_day() {
    check(&[
        ("Polls close at 8 p.m. Tuesday.", &["Polls close at 8 p.m. Tuesday."]),
        ("It starts at 9 a.m. Eastern time.", &["It starts at 9 a.m. Eastern time."]),
        ("We met at 7 a.m. The bus was late.", &["We met at 7 a.m.", "The bus was late."]),
        ("He arrived at 4 p.m. Dr. Lowe was waiting.", &["He arrived at 4 p.m.", "Dr. Lowe was waiting."]),
        ("By 11 p.m. Ms. Ortiz had conceded.", &["By 11 p.m. Ms. Ortiz had conceded."]),
        ("Shortly after 3 a.m. Police arrived.", &["Shortly after 3 a.m. Police arrived."]),
        ("Lunch is at 1 p.m. sharp.", &["Lunch is at 1 p.m. sharp."]),
    ]);
}

#[test]
fn quotation_marks_after_terminators() {
    check(&[
        ("\"Stop here.\" The car stopped.", &["\"Stop here.\"", "The car stopped."]),
        ("\"Stop here,\" the officer said.", &["\"Stop here,\" the officer said."]),
        ("\"Where now?\" he asked.", &["\"Where now?\" he asked."]),
        ("\"Run!\" she shouted. We ran.", &["\"Run!\" she shouted.", "We ran."]),
        ("He said, 'Enough.' then left.", &["He said, 'Enough.' then left."]),
        ("He said, 'Enough.' Then he left.", &["He said, 'Enough.'", "Then he left."]),
        ("“It is over.” Nobody argued.", &["“It is over.”", "Nobody argued."]),
        ("“Is it over?” she wondered.", &["“Is it over?” she wondered."]),
        ("He left. \"Good riddance,\" said Ames.", &["He left.", "\"Good riddance,\" said Ames."]),
        ("«C'est fini.» Il est parti.", &["«C'est fini.»", "Il est parti."]),
        ("\"Why now?\" Ms. Ortiz asked.", &["\"Why now?\" Ms. Ortiz asked."]),
        (
            "“Enough!” Mayor Jo Ann Weld shouted. Nobody moved.",
            &["“Enough!” Mayor Jo Ann Weld shouted.", "Nobody moved."],
        ),
        ("\"Why now?\" Ortiz and her aides left.", &["\"Why now?\"", "Ortiz and her aides left."]),
        ("Why now? Ortiz asked herself.", &["Why now?", "Ortiz asked herself."]),
    ]);
}

#[test]
fn brackets() {
    check(&[
        ("The mayor (who was late.) spoke first.", &["The mayor (who was late.) spoke first."]),
        ("Prices rose. (They always do.) Wages did not.", &["Prices rose.", "(They always do.)", "Wages did not."]),
        ("A tally (see p. 4) shows it.", &["A tally (see p. 4) shows it."]),
        ("Officials [...] declined to comment.", &["Officials [...] declined to comment."]),
    ]);
}

#[test]
fn ellipses() {
    check(&[
        ("We waited ... and waited.", &["We waited ... and waited."]),
        ("We waited… and waited.", &["We waited… and waited."]),
        ("Well . . . maybe.", &["Well . . . maybe."]),
        ("It faded away.... Nobody noticed.", &["It faded away....", "Nobody noticed."]),
        ("I thought ... I hoped it would work.", &["I thought ... I hoped it would work."]),
        ("She never finished… The phone rang.", &["She never finished…", "The phone rang."]),
        ("The plan collapsed. . . . Talks resumed later.", &["The plan collapsed.", ". . . Talks resumed later."]),
        ("It ended with a period . . . . Then silence.", &["It ended with a period . . . .", "Then silence."]),
        ("He read it... slowly...then laughed.", &["He read it... slowly...then laughed."]),
    ]);
}

#[test]
fn list_items() {
    check(&[
        ("1. Pick a seat 2. Sit down", &["1. Pick a seat", "2. Sit down"]),
        ("1) Pick a seat. 2) Sit down.", &["1) Pick a seat.", "2) Sit down."]),
        ("1.) Pick a seat 2.) Sit down", &["1.) Pick a seat", "2.) Sit down"]),
        ("a. Pick a seat b. Sit down c. Relax", &["a. Pick a seat", "b. Sit down", "c. Relax"]),
        ("• 4. Pick a seat • 5. Sit down", &["• 4. Pick a seat", "• 5. Sit down"]),
        ("▪ Pick a seat ▪ Sit down", &["▪ Pick a seat", "▪ Sit down"]),
        ("Only 2) items here 3) count", &["Only 2) items here 3) count"]),
    ]);
}

#[test]
fn paragraphs_are_boundaries() {
    let tok = Tokenizer::new();
    let text = "First line without stop\nSecond line. Two sentences\n\n  Third  ";
    let got: Vec<(usize, &str)> = tok.sentences(text).map(|s| (s.paragraph, s.text)).collect();
    assert_eq!(got, [(0, "First line without stop"), (1, "Second line."), (1, "Two sentences"), (2, "Third")]);
}
