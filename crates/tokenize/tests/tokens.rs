//! Token kinds, one line per case: input and the expected `(text, kind)` list.

use copydesk_tokenize::{TokenKind, TokenKind::*, Tokenizer};

fn tokens(text: &str) -> Vec<(&str, TokenKind)> {
    Tokenizer::new().tokens(text).map(|t| (t.text, t.kind)).collect()
}

fn check(table: &[(&str, &[(&str, TokenKind)])]) {
    let mut failures = Vec::new();
    for (text, want) in table {
        let got = tokens(text);
        if got != *want {
            failures.push(format!("\n  input: {text:?}\n   want: {want:?}\n    got: {got:?}"));
        }
    }
    assert!(failures.is_empty(), "{} failing case(s):{}", failures.len(), failures.join(""));
}

#[test]
fn words_keep_inner_apostrophes_and_hyphens() {
    check(&[
        ("don't", &[("don't", Word)]),
        ("Okafor’s", &[("Okafor’s", Word)]),
        ("O'Brien", &[("O'Brien", Word)]),
        ("No-one", &[("No-one", Word)]),
        ("self-dealing deals", &[("self-dealing", Word), ("deals", Word)]),
        ("COVID-19", &[("COVID-19", Word)]),
        ("Zürich café", &[("Zürich", Word), ("café", Word)]),
        ("U.S. a.m.", &[("U.S.", Word), ("a.m.", Word)]),
        ("the U.N.'s plan", &[("the", Word), ("U.N.'s", Word), ("plan", Word)]),
        ("the E.U.’s", &[("the", Word), ("E.U.’s", Word)]),
        ("well-", &[("well", Word), ("-", Dash)]),
    ]);
}

#[test]
fn numbers() {
    check(&[
        ("1,200", &[("1,200", Number)]),
        ("3.5%", &[("3.5", Number), ("%", Symbol)]),
        ("$1.5bn", &[("$", Symbol), ("1.5bn", Number)]),
        ("10:30", &[("10:30", Number)]),
        ("the 1990s", &[("the", Word), ("1990s", Number)]),
        ("3rd", &[("3rd", Number)]),
        ("-4 degrees", &[("-4", Number), ("degrees", Word)]),
        ("5-2", &[("5", Number), ("-", Dash), ("2", Number)]),
        ("2024.", &[("2024", Number), (".", Punctuation)]),
    ]);
}

#[test]
fn quotation_marks_and_their_direction() {
    check(&[
        (
            "\"Yes,\" he said",
            &[("\"", OpenQuote), ("Yes", Word), (",", Punctuation), ("\"", CloseQuote), ("he", Word), ("said", Word)],
        ),
        ("“No.”", &[("“", OpenQuote), ("No", Word), (".", Punctuation), ("”", CloseQuote)]),
        ("‘Maybe’", &[("‘", OpenQuote), ("Maybe", Word), ("’", CloseQuote)]),
        ("'Maybe' she", &[("'", OpenQuote), ("Maybe", Word), ("'", CloseQuote), ("she", Word)]),
        ("«Oui»", &[("«", OpenQuote), ("Oui", Word), ("»", CloseQuote)]),
        ("‹non›", &[("‹", OpenQuote), ("non", Word), ("›", CloseQuote)]),
        ("„Ja“", &[("„", OpenQuote), ("Ja", Word), ("“", CloseQuote)]),
        ("‚ja‘", &[("‚", OpenQuote), ("ja", Word), ("‘", CloseQuote)]),
        ("a \" b", &[("a", Word), ("\"", Quote), ("b", Word)]),
        ("(\"x\")", &[("(", Punctuation), ("\"", OpenQuote), ("x", Word), ("\"", CloseQuote), (")", Punctuation)]),
        ("—\"x", &[("—", Dash), ("\"", OpenQuote), ("x", Word)]),
        ("\"\"Two", &[("\"", OpenQuote), ("\"", OpenQuote), ("Two", Word)]),
        (
            "''Yes,'' he said",
            &[("''", OpenQuote), ("Yes", Word), (",", Punctuation), ("''", CloseQuote), ("he", Word), ("said", Word)],
        ),
    ]);
}

#[test]
fn apostrophes_standing_alone() {
    check(&[
        ("the Joneses' car", &[("the", Word), ("Joneses", Word), ("'", Apostrophe), ("car", Word)]),
        ("Ross’ book", &[("Ross", Word), ("’", Apostrophe), ("book", Word)]),
        ("the '90s", &[("the", Word), ("'", Apostrophe), ("90s", Number)]),
        (
            "‘the bosses’ fault’",
            &[("‘", OpenQuote), ("the", Word), ("bosses", Word), ("’", CloseQuote), ("fault", Word), ("’", CloseQuote)],
        ),
    ]);
}

#[test]
fn dashes_and_ellipses() {
    check(&[
        ("yes — no", &[("yes", Word), ("—", Dash), ("no", Word)]),
        ("1–2", &[("1", Number), ("–", Dash), ("2", Number)]),
        ("wait -- what", &[("wait", Word), ("--", Dash), ("what", Word)]),
        ("a - b", &[("a", Word), ("-", Dash), ("b", Word)]),
        ("so...", &[("so", Word), ("...", Ellipsis)]),
        ("so…", &[("so", Word), ("…", Ellipsis)]),
        ("so . . . then", &[("so", Word), (". . .", Ellipsis), ("then", Word)]),
        ("end. . . .", &[("end", Word), (". . . .", Ellipsis)]),
    ]);
}

#[test]
fn web_things() {
    check(&[
        (
            "see https://news.example.com/a/b?c=1.",
            &[("see", Word), ("https://news.example.com/a/b?c=1", Url), (".", Punctuation)],
        ),
        ("(www.example.org)", &[("(", Punctuation), ("www.example.org", Url), (")", Punctuation)]),
        (
            "mail desk.tips@paper.example.com.",
            &[("mail", Word), ("desk.tips@paper.example.com", Email), (".", Punctuation)],
        ),
        ("@AP_Politics said", &[("@AP_Politics", Handle), ("said", Word)]),
        ("#Election2024!", &[("#Election2024", Hashtag), ("!", Punctuation)]),
        ("#1 hit", &[("#", Symbol), ("1", Number), ("hit", Word)]),
        ("a @ b", &[("a", Word), ("@", Symbol), ("b", Word)]),
        ("how who", &[("how", Word), ("who", Word)]),
    ]);
}

#[test]
fn punctuation_and_symbols() {
    check(&[
        ("Wait?!", &[("Wait", Word), ("?", Punctuation), ("!", Punctuation)]),
        ("A&B", &[("A", Word), ("&", Symbol), ("B", Word)]),
        ("£5 €6", &[("£", Symbol), ("5", Number), ("€", Symbol), ("6", Number)]),
        ("x; y: z", &[("x", Word), (";", Punctuation), ("y", Word), (":", Punctuation), ("z", Word)]),
        ("• item", &[("•", Punctuation), ("item", Word)]),
    ]);
}

#[test]
fn whitespace_of_all_kinds_is_skipped() {
    check(&[
        ("a\u{a0}b\u{2009}c\td\r\ne", &[("a", Word), ("b", Word), ("c", Word), ("d", Word), ("e", Word)]),
        ("\u{feff}x\u{200b}", &[("x", Word)]),
        ("", &[]),
    ]);
}
