//! Tests of the tokenizer (a child module of `engine`): its byte-level helpers
//! one by one, and the whole of it against the plain char-by-char tokenizer it
//! replaced, which stays here as the reference.

use super::*;
use proptest::prelude::*;

/// The tokenizer as it was before the byte-class loop: char by char, every
/// word looked up from a copy. The fast one must give the same tokens.
fn tokenize_reference(
    lx: &Lexicon,
    text: &str,
    ps: usize,
    pe: usize,
    quotes: &[Quotation],
    mut qi: usize,
    out: &mut Vec<Tok>,
) {
    out.clear();
    let b = text.as_bytes();
    let mut i = ps;
    while qi < quotes.len() && quotes[qi].span.end <= ps {
        qi += 1;
    }
    while i < pe {
        if qi < quotes.len() && quotes[qi].span.start <= i {
            let q = &quotes[qi];
            let e = q.span.end.min(pe);
            out.push(Tok { s: i, e, kind: TK::Quote, c: '"', cap: false, fl: 0, q: qi });
            i = e.max(i + 1);
            qi += 1;
            continue;
        }
        let lim = if qi < quotes.len() { quotes[qi].span.start.min(pe) } else { pe };
        let c = b[i];
        if c.is_ascii_whitespace() {
            i += 1;
            continue;
        }
        let ch = if c < 0x80 {
            c as char
        } else {
            match text.get(i..pe).and_then(|s| s.chars().next()) {
                Some(ch) => ch,
                None => {
                    i += 1;
                    continue;
                }
            }
        };
        if ch.is_whitespace() {
            i += ch.len_utf8();
            continue;
        }
        if ch.is_alphanumeric() {
            let s = i;
            i += ch.len_utf8();
            while i < lim {
                i += b[i..lim].iter().position(|c| !c.is_ascii_alphanumeric()).unwrap_or(lim - i);
                if i >= lim {
                    break;
                }
                let c = b[i];
                if c < 0x80 {
                    if matches!(c, b'\'' | b'-' | b'.' | b'&') && i + 1 < lim && b[i + 1].is_ascii_alphanumeric() {
                        i += 2;
                        continue;
                    }
                    break;
                }
                let Some(ch) = text.get(i..lim).and_then(|s| s.chars().next()) else { break };
                if ch.is_alphanumeric() {
                    i += ch.len_utf8();
                    continue;
                }
                if (ch == '\u{2019}' || ch == '\u{2010}' || ch == '\u{2011}')
                    && text.get(i + 3..lim).and_then(|s| s.chars().next()).is_some_and(char::is_alphanumeric)
                {
                    i += 3;
                    continue;
                }
                break;
            }
            let w = &b[s..i];
            let mut fl = lx.flags(w);
            if fl != 0 && w.len() >= 2 && w.len() <= 6 && w.iter().all(u8::is_ascii_uppercase) {
                fl &= !(f::PRON | f::PRON_1 | f::REL | f::STOP | f::DET | f::BE | f::ADV);
            }
            out.push(Tok { s, e: i, kind: TK::Word, c: ch, cap: ch.is_uppercase(), fl, q: usize::MAX });
            if i < lim && b[i] == b' ' {
                i += 1;
            }
        } else {
            let e = i + ch.len_utf8();
            out.push(Tok { s: i, e, kind: TK::Punct, c: ch, cap: false, fl: 0, q: usize::MAX });
            i = e;
        }
    }
}

/// Sentence ids with the boundary test asked after every token, as before
/// the tokenizer listed the tokens after which a sentence may end: the
/// reference for [`sentences`], which asks only after those.
fn sentences_reference(text: &str, t: &[Tok], quotes: &[Quotation]) -> Vec<usize> {
    let mut sid = 0;
    (0..t.len())
        .map(|k| {
            if ends_sentence(text, t, quotes, k) {
                sid += 1;
            }
            sid
        })
        .collect()
}

/// Counts and positions as a loop in `run` gathered them before the
/// tokenizer took them over: (content words, capitalised words,
/// quotation tokens, capitalised words, cue words).
fn index_reference(t: &[Tok]) -> (usize, usize, Vec<usize>, Vec<usize>, Vec<usize>) {
    let (mut words, mut caps) = (0, 0);
    let (mut quote_at, mut cap_at, mut cue_at) = (Vec::new(), Vec::new(), Vec::new());
    for (i, x) in t.iter().enumerate() {
        match x.kind {
            TK::Word if x.cap => {
                words += 1;
                caps += 1;
                cap_at.push(i);
            }
            TK::Word if !x.has(f::STOP) => words += 1,
            TK::Quote => quote_at.push(i),
            _ => {}
        }
        if x.fl & (f::CUE | f::MULTI) != 0 {
            cue_at.push(i);
        }
    }
    (words, caps, quote_at, cap_at, cue_at)
}

type Row = (usize, usize, TK, char, bool, u32, usize);

fn rows(t: &[Tok]) -> Vec<Row> {
    t.iter().map(|t| (t.s, t.e, t.kind, t.c, t.cap, t.fl, t.q)).collect()
}

/// Tokens (and sentence ids, and the lists gathered with the tokens) of every
/// paragraph of `text` by both tokenizers, with the quotations the engine
/// would find; panics at the first difference.
fn same_tokens(lx: &Lexicon, text: &str) {
    let paras = paragraphs(text);
    let quotes = split_transcripts(text, &paras, find_quotations_in(text, &paras));
    let (mut slow, mut starts) = (Vec::new(), vec![7]);
    // filled with junk: each paragraph must start them afresh
    let mut out = ParaTokens {
        toks: Vec::new(),
        quote_at: vec![7],
        cap_at: vec![7],
        cue_at: vec![7],
        may_end: vec![7],
        words: 7,
    };
    let mut qi = 0;
    for p in &paras {
        while qi < quotes.len() && quotes[qi].span.end <= p.start {
            qi += 1;
        }
        tokenize(lx, text, p.start, p.end, &quotes, qi, &mut out);
        let ParaTokens { toks: fast, quote_at, cap_at, cue_at, may_end, words } = &out;
        let (words, caps) = (*words, cap_at.len());
        tokenize_reference(lx, text, p.start, p.end, &quotes, qi, &mut slow);
        assert_eq!(rows(fast), rows(&slow), "paragraph {p:?} of {text:?}");
        sentences(text, fast, &quotes, may_end, &mut starts);
        let sent: Vec<usize> = (0..fast.len()).map(|i| sentence_of(&starts, i)).collect();
        assert_eq!(sent, sentences_reference(text, &slow, &quotes), "sentences of {p:?} in {text:?}");
        // each sentence's bounds, as two binary searches of the ids find them
        let bounds: Vec<usize> = (0..=sent.last().copied().unwrap_or(0))
            .map(|sid| sent.partition_point(|&s| s < sid))
            .chain(std::iter::once(sent.len()))
            .collect();
        assert_eq!(starts, bounds, "sentence starts of {p:?} in {text:?}");
        let got = (words, caps, quote_at.clone(), cap_at.clone(), cue_at.clone());
        assert_eq!(got, index_reference(&slow), "lists of {p:?} in {text:?}");
    }
}

#[test]
fn tokens_match_the_reference() {
    let lx = Lexicon::embedded();
    let texts = [
        "",
        "a",
        "He said",
        "He said.",
        "THE WHO said IT staff were US citizens; The Who said it.",
        "Sen. Ana Ortiz (D-N.M.) told reporters the AT&T deal was \"dead.\"",
        "It's the state's well-known, long-running \u{201c}rock 'n' roll\u{201d} fight.",
        "Ortiz\u{2019}s aide, Ségolène Royal, SÉGOLÈNE and ÉLYSÉE officials \u{2014} all said so\u{2026}",
        "spokeswomen spokeswoman's CONGRESSWOMAN internationalization 1234567890123456 abcdefghijklmnopq",
        "x\u{2010}ray x\u{2011}ray re\u{2019} o\u{2019}\u{201d} 90% $4.5 3.14.15 a.b.c. A. B. J.R.R.",
        "tab\there\u{b}vt\u{c}ff\r\ncr \u{a0}nbsp\u{2003}em \u{3000}ideo \u{85}nel",
        "日本語のテキスト、中文。 Σωκράτης είπε «ναι». ǅemal Ⅻ ٣٤ e\u{301}",
        "\"Quote at the start,\" he said, \"and 'nested' marks\" too.\n\"Next paragraph\n\"goes on,\" she said.",
        "said\"said\"said'said'said\u{201c}said\u{201d}said",
        "word-",
        "Trump\u{2019}s O\u{2019}\u{e9}t\u{e9} x\u{2019} y\u{2019}\u{2019}z re\u{2010}\u{e9}lu a\u{2011}b \u{e9}t\u{e9}\u{2019}s end\u{2019}",
        "e-mail e--mail e-\u{e9} rock'n'roll 'n' x'\u{e9} \u{e9}'x \u{e9}\u{e9}.\u{e9}\u{e9} \u{e9}&x",
        "word'",
        "word.",
        "word&",
        "word\u{2019}",
        "1990s '90s rock'n'roll",
        "\u{1}\u{10}\u{19}\u{1f}\u{7f}",
        "ABCDEFG ABCDEFGH ABCDEFGHI abcdefghijklmno abcdefghijklmnop",
        "SPEAKER: \"Hello\n\"OTHER: Hi\n\"SPEAKER: Bye\"",
        "Mr. Ortiz left. Sen. Voss came. J. R. Ewing did. The U.S. Army won. It rained! Why? 2024 ended\u{2026} Then",
        "\"Go.\" \"Stay,\" \"Run\" \"Now!\" He said \"no.\" 5 said \"yes?\" \"it,\" she said.",
        "Va., said. Ga. Then. Ohio. a. b. Z. Q.",
        "G7 COVID19 abc1def x9y 4x4 3D MP3s 2024's B2B a1b2c3d4e5f6g7h8 abcdefgh1 abcdefg1h",
    ];
    for text in texts {
        same_tokens(&lx, text);
    }
}

#[test]
fn words_at_the_end_of_the_text_match_the_reference() {
    // every cut of a sentence: words that end where the buffer does, and
    // words whose 8-byte loads would run past it
    let lx = Lexicon::embedded();
    let text =
        "Then SAID she: \"It's the well-known O'Neill-Smith spokeswoman, Ortiz\u{2019}s\" 1234567890abcdefghijk.";
    for end in (0..=text.len()).filter(|&e| text.is_char_boundary(e)) {
        same_tokens(&lx, &text[..end]);
        same_tokens(&lx, &text[end..]);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn arbitrary_text_matches_the_reference(text in "\\PC{0,200}") {
        same_tokens(&Lexicon::embedded(), &text);
    }

    #[test]
    fn newsy_text_matches_the_reference(parts in proptest::collection::vec(prop_oneof![
        Just(" "), Just("  "), Just("\n"), Just("\t"), Just("said"), Just("Said"), Just("SAID"), Just("the"),
        Just("WHO"), Just("Ortiz"), Just("spokeswoman"), Just("internationally"), Just("x"), Just("Mr."),
        Just("."), Just(","), Just("'"), Just("-"), Just("&"), Just("\""), Just("\u{201c}"), Just("\u{201d}"),
        Just("\u{2019}"), Just("\u{2010}"), Just("\u{2014}"), Just("é"), Just("É"), Just("日本"), Just("1990"),
        Just("s"), Just("\u{a0}"), Just(":"), Just("\u{ab}"), Just("\u{bb}"),
    ], 0..80)) {
        same_tokens(&Lexicon::embedded(), &parts.concat());
    }
}

#[test]
fn byte_classes_follow_the_char_tests() {
    for c in 0..=255u8 {
        let cl = BYTE_CLASS[usize::from(c)];
        let want = if c >= 0x80 {
            class::HIGH
        } else if char::from(c).is_whitespace() {
            class::SPACE
        } else if char::from(c).is_alphanumeric() {
            class::WORD
        } else {
            class::PUNCT
        };
        assert_eq!(cl & !class::JOIN, want, "byte {c:#x}");
        assert_eq!(cl & class::JOIN != 0, c >= 0x80 || b"'-.&".contains(&c), "byte {c:#x}");
    }
}

#[test]
fn non_word_bytes_agrees_with_the_byte_table() {
    // every byte value in every lane, next to word and non-word neighbours
    for c in 0..=255u8 {
        for fill in [b'a', b' ', b'Z', b'5', 0x80, 0xff, 0x10, b'@'] {
            for lane in 0..8 {
                let mut w = [fill; 8];
                w[lane] = c;
                let got = non_word_bytes(u64::from_le_bytes(w)).to_le_bytes();
                for k in 0..8 {
                    assert_eq!(got[k] == 0x80, !ASCII_WORD[usize::from(w[k])], "{w:?} lane {k}");
                    assert!(got[k] == 0 || got[k] == 0x80);
                }
            }
        }
    }
}

#[test]
fn non_letter_bytes_agrees_with_the_char_test() {
    for c in 0..=255u8 {
        for fill in [b'a', b' ', b'Z', b'5', 0x80, 0xff, 0x10, b'@', b'`', b'{', b'['] {
            for lane in 0..8 {
                let mut w = [fill; 8];
                w[lane] = c;
                let got = non_letter_bytes(u64::from_le_bytes(w)).to_le_bytes();
                for k in 0..8 {
                    assert_eq!(got[k] == 0x80, !w[k].is_ascii_alphabetic(), "{w:?} lane {k}");
                    assert!(got[k] == 0 || got[k] == 0x80);
                }
            }
        }
    }
}

#[test]
fn ascii_run_end_table() {
    // (text, from, lim, end)
    let cases: &[(&str, usize, usize, usize)] = &[
        ("", 0, 0, 0),
        ("a", 0, 1, 1),
        ("ab cd", 0, 5, 2),
        ("ab cd", 3, 5, 5),
        ("abcdefgh", 0, 8, 8),
        ("abcdefghi", 0, 9, 9),
        ("abcdefghi", 0, 4, 4),
        ("abcdefghijklmnopqrstuvwxyz0123456789 x", 0, 38, 36),
        ("abcdefghijklmnopqrstuvwxyz0123456789 x", 0, 20, 20),
        ("abcdefghijklmnopqrstuvwxyz0123456789 x", 5, 16, 16),
        ("abcdefghijklmnopqrstuvwxyz0123456789", 30, 36, 36),
        ("abc\u{e9}def", 0, 8, 3),
        ("abc.def", 0, 7, 3),
        ("abc", 2, 1, 2),
        ("abc", 3, 3, 3),
    ];
    for &(text, from, lim, want) in cases {
        assert_eq!(ascii_run_end(text.as_bytes(), from, lim), want, "{text:?} from {from} to {lim}");
    }
}

#[test]
fn plain_ascii_words_are_the_general_paths_words() {
    // (text, lim): plain_ascii_word either agrees with the general path on
    // the end and the flags, or declines (with a place word_end may go on from)
    let lx = Lexicon::embedded();
    let cases: &[(&str, usize)] = &[
        ("said the spokeswoman", 20),
        ("SAID, THE SPOKESWOMAN", 21),
        ("he", 2),
        ("he said", 7),
        ("he's", 4),
        ("well-known", 10),
        ("U.S. officials", 14),
        ("AT&T said", 9),
        ("Ortiz\u{2019}s aide", 12),
        ("spokeswomen\"", 12),
        ("spokeswomen\"", 11),
        ("abcdefghijklmno pq", 18),
        ("abcdefghijklmnop qr", 19),
        ("then\u{e9}", 6),
        ("then said", 3),
        ("G7 summit", 9),
        ("COVID19 cases", 13),
        ("abc1", 4),
        ("1990s", 5),
        ("2024 vote", 9),
        ("2024", 4),
        ("12345678901234 x", 16),
        ("abcdefghij2 x", 13),
        // joiners that join nothing end the word on the fast path
        ("said. Then", 10),
        ("said.", 5),
        ("said.\"", 6),
        ("said.\"", 5),
        ("said.x", 6),
        ("said.x", 5),
        ("end- x", 6),
        ("rock' n", 7),
        ("AT& T", 5),
        ("spokeswomen. Then", 17),
        ("spokeswomen.", 12),
        ("spokeswomen.a", 13),
        ("2024. Then", 10),
        ("2024.5", 6),
        ("said.\u{e9}", 7),
        // a space after the word: skipped when before `lim`
        ("he said", 2),
        ("he said", 3),
        ("he  said", 4),
        ("abcdefghijk said", 11),
        ("abcdefghijk said", 12),
        ("abcdefghijk\tsaid", 12),
    ];
    for &(text, lim) in cases {
        let b = text.as_bytes();
        let mut e = ascii_run_end(b, 0, lim);
        if b.get(e).is_some_and(|&n| e < lim && may_continue_word(n)) {
            e = word_end(text, e, lim);
        }
        match plain_ascii_word(&lx, b, 0, lim) {
            Ok((pe, after, fl)) => {
                assert_eq!(pe, e, "{text:?} end");
                assert_eq!(fl, lx.flags(&b[..e]), "{text:?} flags");
                assert_eq!(after, past_space(b, e, lim), "{text:?} next token");
            }
            // declined: word_end from the run's end finds the same word
            Err(run) if run > 0 => {
                assert!(run < lim, "{text:?} run end {run}");
                assert!(b[..run].iter().all(u8::is_ascii_alphanumeric), "{text:?} run end {run}");
                assert_eq!(word_end(text, run, lim), e, "{text:?} from the run's end");
            }
            Err(_) => {}
        }
    }
}

#[test]
fn a_joiner_goes_on_only_before_a_letter_or_digit() {
    // (text, run end, lim, goes on): the word_end rule for ASCII joiners, any
    // byte past `lim` unread
    let cases: &[(&str, usize, usize, bool)] = &[
        ("said. Then", 4, 10, false),
        ("said.Then", 4, 9, true),
        ("said.Then", 4, 5, false),
        ("said.", 4, 5, false),
        ("it's", 2, 4, true),
        ("well-known", 4, 10, true),
        ("well--known", 4, 11, false),
        ("AT&T", 2, 4, true),
        ("U.S.", 1, 4, true),
        ("x.\u{e9}", 1, 4, false),
        ("x\u{2019}s", 1, 5, true),
        ("x1", 1, 2, true),
        ("x.5", 1, 3, true),
        ("2024.5", 4, 6, true),
        ("2024-", 4, 5, false),
        ("xY", 1, 2, true),
        ("x, y", 1, 4, false),
        ("x y", 1, 3, false),
    ];
    for &(text, e, lim, want) in cases {
        let b = text.as_bytes();
        assert_eq!(goes_on(b, e, lim, b[e]), want, "{text:?} at {e} before {lim}");
        // the general path agrees: the word goes on past `e` exactly when it does
        assert_eq!(word_end(text, e, lim) > e, want, "{text:?} word_end");
    }
}

#[test]
fn acronyms_lose_function_word_flags() {
    let lx = Lexicon::embedded();
    // (word, keeps the stop-word flag)
    let cases: &[(&str, bool)] = &[("the", true), ("The", true), ("THE", false), ("It", true), ("IT", false)];
    for &(w, keeps) in cases {
        let b = w.as_bytes();
        let fl = acronym(lx.flags(b), b[0].is_ascii_uppercase(), b, 0, b.len());
        assert_eq!(fl & (f::STOP | f::PRON) != 0, keeps, "{w:?}");
    }
}

#[test]
fn byte_word_tests_agree_with_the_str_slice() {
    // every token of a text against words of every length, cases mixed; and
    // spans off a char boundary or off the text, where `word` gives ""
    let text = "That THAT that's of Of I i according to \u{e9}t\u{e9} that\u{2019}s ON on Told tells";
    let lx = Lexicon::embedded();
    // the reference tokenizer's tokens (the same as the engine's: see above)
    let mut toks = Vec::new();
    tokenize_reference(&lx, text, 0, text.len(), &[], 0, &mut toks);
    let e = text.find('\u{e9}').unwrap_or(0);
    for (s, e) in [(e + 1, e + 3), (text.len() - 1, text.len() + 3), (text.len() + 5, text.len() + 9)] {
        toks.push(Tok { s, e, ..toks[0] });
    }
    for t in &toks {
        for w in ["that", "THAT", "of", "I", "i", "according", "on", "told", "tells", "h"] {
            assert_eq!(word_is(text, t, w), word(text, t).eq_ignore_ascii_case(w), "{t:?} is {w:?}");
            assert_eq!(word_eq(text, t, w), word(text, t) == w, "{t:?} eq {w:?}");
        }
    }
}

#[test]
fn possessive_is_read_off_the_last_bytes() {
    // the last-byte shortcut gives what the two suffix tests give, on words,
    // marks, and spans off the text
    let text = "Ortiz's Ortiz\u{2019}s Ortizs 's s' Voss Jones' it's \u{2019}s s \u{e9}s x";
    let words: Vec<(usize, usize)> = ascii_words(text.as_bytes()).map(|r| (r.start, r.end)).collect();
    let base = Tok { s: 0, e: 0, kind: TK::Word, c: 'x', cap: false, fl: 0, q: usize::MAX };
    let mut toks: Vec<Tok> = words.iter().map(|&(s, e)| Tok { s, e, ..base }).collect();
    toks.push(Tok { s: 0, e: 7, kind: TK::Punct, ..base });
    toks.push(Tok { s: text.len() - 1, e: text.len() + 2, ..base });
    toks.push(Tok { s: 3, e: 3, ..base });
    for t in &toks {
        let slow = t.is_word()
            && text.as_bytes().get(t.s..t.e).is_some_and(|w| w.ends_with(b"'s") || w.ends_with("\u{2019}s".as_bytes()));
        assert_eq!(possessive(text, t), slow, "{:?}", text.get(t.s..t.e));
    }
    assert_eq!(toks.iter().filter(|t| possessive(text, t)).count(), 5);
}
