//! News cases: invented wire copy in the shapes real stories take (datelines,
//! quotes with attributions, titles, initials, ellipses), one line per case.

use copydesk_tokenize::Tokenizer;

fn check(table: &[(&str, &[&str])]) {
    let tok = Tokenizer::new();
    let mut failures = Vec::new();
    for (text, want) in table {
        let got: Vec<&str> = tok.sentences(text).map(|s| s.text).collect();
        if got != *want {
            failures.push(format!("\n  input: {text:?}\n   want: {want:?}\n    got: {got:?}"));
        }
    }
    assert!(failures.is_empty(), "{} failing case(s):{}", failures.len(), failures.join(""));
}

#[test]
fn datelines() {
    check(&[
        (
            "SUCRE, Bolivia (AP) — Troops left the square. Crowds cheered.",
            &["SUCRE, Bolivia (AP) — Troops left the square.", "Crowds cheered."],
        ),
        (
            "ST. PAUL, Minn. (AP) — The bill passed late Friday.",
            &["ST. PAUL, Minn. (AP) — The bill passed late Friday."],
        ),
        ("TALLAHASSEE, Fla. — Lawmakers met again.", &["TALLAHASSEE, Fla. — Lawmakers met again."]),
        ("BRUSSELS (Reuters) - EU ministers failed to agree.", &["BRUSSELS (Reuters) - EU ministers failed to agree."]),
        ("FT. WORTH, Texas — Rain fell. Roads flooded.", &["FT. WORTH, Texas — Rain fell.", "Roads flooded."]),
    ]);
}

#[test]
fn quotes_and_attributions() {
    check(&[
        (
            "\"We will rebuild,\" the mayor said. \"It will take years.\"",
            &["\"We will rebuild,\" the mayor said.", "\"It will take years.\""],
        ),
        ("\"Is anyone hurt?\" asked a nurse.", &["\"Is anyone hurt?\" asked a nurse."]),
        ("\"Get out!\" a guard yelled, and they ran.", &["\"Get out!\" a guard yelled, and they ran."]),
        ("“The money is gone.” Auditors agreed.", &["“The money is gone.”", "Auditors agreed."]),
        ("She called it “a disgrace.” Her aides nodded.", &["She called it “a disgrace.”", "Her aides nodded."]),
        ("He said the plan was “dead on arrival.”", &["He said the plan was “dead on arrival.”"]),
        ("“We tried,” said Gov. Lena Ortiz. “We failed.”", &["“We tried,” said Gov. Lena Ortiz.", "“We failed.”"]),
        ("Asked if he would run, he said: \"No. Never.\"", &["Asked if he would run, he said: \"No.", "Never.\""]),
        ("'We're done,' Pratt told the AP.", &["'We're done,' Pratt told the AP."]),
    ]);
}

#[test]
fn titles_and_names() {
    check(&[
        ("Sen. Ana Pruitt, D-Ore., voted no.", &["Sen. Ana Pruitt, D-Ore., voted no."]),
        ("Rep. Dale Kim (R-Texas) objected.", &["Rep. Dale Kim (R-Texas) objected."]),
        ("The Rev. Dr. Samuel K. Otieno Jr. led prayers.", &["The Rev. Dr. Samuel K. Otieno Jr. led prayers."]),
        ("Lt. Gov. Mira Patel and Atty. Gen. Roy Dunn spoke.", &["Lt. Gov. Mira Patel and Atty. Gen. Roy Dunn spoke."]),
        (
            "Police arrested Mark T. Bello, 42. He was released.",
            &["Police arrested Mark T. Bello, 42.", "He was released."],
        ),
        ("The firm, Halden Bros. Ltd., denied it.", &["The firm, Halden Bros. Ltd., denied it."]),
        (
            "Shares of Norfield Corp. fell 4%. Analysts shrugged.",
            &["Shares of Norfield Corp. fell 4%.", "Analysts shrugged."],
        ),
        ("He joined Crane & Co. The pay was better.", &["He joined Crane & Co.", "The pay was better."]),
        ("Ms. Ruiz met Mr. and Mrs. Chen.", &["Ms. Ruiz met Mr. and Mrs. Chen."]),
        ("E. Jean Porter testified.", &["E. Jean Porter testified."]),
        ("W.E.B. Du Bois wrote it.", &["W.E.B. Du Bois wrote it."]),
        ("The ship docked at Port St. Lucie.", &["The ship docked at Port St. Lucie."]),
    ]);
}

#[test]
fn numbers_dates_and_places() {
    check(&[
        ("The vote is set for Nov. 5. Polls open at 7 a.m.", &["The vote is set for Nov. 5.", "Polls open at 7 a.m."]),
        (
            "It cost $4.2 million. That was 12.5% over budget.",
            &["It cost $4.2 million.", "That was 12.5% over budget."],
        ),
        ("The U.S. Senate voted 51-49.", &["The U.S. Senate voted 51-49."]),
        ("He moved to the U.S. in 1998.", &["He moved to the U.S. in 1998."]),
        (
            "Aid reached Washington, D.C. The rest went to Ohio.",
            &["Aid reached Washington, D.C.", "The rest went to Ohio."],
        ),
        ("The team is No. 3 in the A.P. poll.", &["The team is No. 3 in the A.P. poll."]),
        (
            "Doors open at 6:30 p.m. Friday. Tickets are free.",
            &["Doors open at 6:30 p.m. Friday.", "Tickets are free."],
        ),
        ("He died at 4 a.m. His family was with him.", &["He died at 4 a.m.", "His family was with him."]),
    ]);
}

#[test]
fn ellipses_in_quotes() {
    check(&[
        ("\"We will ... consider it,\" she said.", &["\"We will ... consider it,\" she said."]),
        ("\"I don't know …\" His voice trailed off.", &["\"I don't know …\"", "His voice trailed off."]),
        (
            "The letter read: \"Dear sir. . . . We regret it.\"",
            &["The letter read: \"Dear sir.", ". . . We regret it.\""],
        ),
        ("\"And then...\" she paused.", &["\"And then...\" she paused."]),
    ]);
}

#[test]
fn web_addresses_and_handles() {
    check(&[
        (
            "Details at https://city.example.gov/notice. Comments close soon.",
            &["Details at https://city.example.gov/notice.", "Comments close soon."],
        ),
        (
            "Email press@agency.example.org. A reply will follow.",
            &["Email press@agency.example.org.", "A reply will follow."],
        ),
        ("@CityDesk posted it. Then it was deleted.", &["@CityDesk posted it.", "Then it was deleted."]),
    ]);
}
