//! Table tests: residue lines that must go, story lines that must stay, and
//! whole invented snippets where the neighbours decide. Every fixture is
//! invented for copydesk.

use copydesk_captions::{Kind, Stripped, Stripper};

/// A story paragraph with quotation marks (so it never reads as a caption).
const BEFORE: &str = "\"We will rebuild the bridge before the winter,\" the mayor said on Tuesday, standing beside engineers who had spent the morning inspecting the rusted supports beneath the damaged span.";
/// A long story paragraph.
const AFTER: &str = "The work is expected to take eighteen months and to cost the city about £40m, according to figures published by the council's transport committee last week, which also set out the diversions for buses and lorries.";

fn sandwich(line: &str) -> String {
    format!("{BEFORE}\n\n{line}\n\n{AFTER}\n")
}

/// (kind, removed text without surrounding white space) for each block.
fn blocks(text: &str, out: &Stripped) -> Vec<(Kind, String)> {
    out.removed.iter().map(|r| (r.kind, text[r.trimmed(text)].to_string())).collect()
}

/// One residue line between two story paragraphs: removed alone, as `kind`.
#[test]
fn residue_lines_go() {
    #[rustfmt::skip]
    let cases: &[(&str, Kind)] = &[
        ("READ MORE: Flood warnings issued for five counties as rivers rise", Kind::Promo),
        ("Read more: Why the Harbour Street bridge matters to the north bank", Kind::Promo),
        ("RELATED: Council approves its emergency repair budget", Kind::Promo),
        ("SEE ALSO: The ten oldest bridges in the county", Kind::Promo),
        ("Sign up to our daily newsletter for the latest headlines", Kind::Promo),
        ("Subscribe to our politics newsletter", Kind::Promo),
        ("Follow us on Twitter and Facebook", Kind::Promo),
        ("Click here to subscribe", Kind::Promo),
        ("Advertisement", Kind::Promo),
        ("Story continues below advertisement", Kind::Promo),
        ("Join our reader panel and tell us what you think", Kind::Promo),
        ("We may earn an affiliate commission when you buy through links on our site.", Kind::Promo),
        ("More county news: https://news.example.com/county", Kind::Promo),
        ("Photo: Jane Doe, AP", Kind::Credit),
        ("Credit: EPA", Kind::Credit),
        ("Image copyright Getty Images", Kind::Credit),
        ("Photograph: Sam Lee/Getty Images", Kind::Credit),
        ("(AP Photo/Alan Diaz, File)", Kind::Credit),
        ("(Image: GETTY )", Kind::Credit),
        ("Fire crews at the scene on Monday (Image: GETTY )", Kind::Caption),
        ("Ministers arrive for the cabinet meeting (AP Photo/Alan Diaz, File)", Kind::Caption),
        ("Protesters outside parliament on Friday. Photograph: Sam Lee/Getty Images", Kind::Caption),
        ("3 Rescue teams search the rubble after the quakeCredit: Reuters", Kind::Caption),
        ("A lifeboat crew at work off the headland (Credit: RNLI)", Kind::Caption),
        ("The singer at the awards in May (Photo by Kim Park/Getty Images for The Academy)", Kind::Caption),
        ("Image caption The minister spoke after the vote", Kind::Caption),
        ("Published 11:34 PM EST Nov 19, 2019", Kind::Dateline),
        ("Updated 9:02 a.m. ET, Tuesday, March 3, 2020", Kind::Dateline),
        ("14 Feb 2021", Kind::Dateline),
        ("Monday, November 18, 2019, 04:05 pm PT (07:05 pm ET)", Kind::Dateline),
        ("sexta-feira, 12 de março de 2021 às 20:13", Kind::Dateline),
        ("By Jane Doe and Tom Roe", Kind::Byline),
        ("By Jane Doe - 03/02/21 10:04 AM EST", Kind::Byline),
        ("Jane Doe and Tom Roe, Associated Press", Kind::Byline),
        ("Sam Lee, AP Sports Writer", Kind::Byline),
        ("(Reporting by Jo Lark; Editing by Sam Lee)", Kind::Byline),
        ("Copyright © 2021 The Daily Example", Kind::Boilerplate),
        ("Copyright 2021 The Daily Example. All rights reserved.", Kind::Boilerplate),
        ("&lt;span class=\"marker\"&gt;&lt;/span&gt;", Kind::Markup),
        ("Media playback is unsupported on your device", Kind::Navigation),
        ("Skip to content", Kind::Navigation),
        ("<div class=\"ad-slot\"></div>", Kind::Markup),
        ("Updated 10:32 AM ET", Kind::Dateline),
        ("View author archive", Kind::Navigation),
        ("Image 1 of 5", Kind::Navigation),
        ("Photo 3/12", Kind::Navigation),
    ];
    let stripper = Stripper::new();
    for &(line, kind) in cases {
        let text = sandwich(line);
        let out = stripper.strip(&text);
        assert_eq!(blocks(&text, &out), vec![(kind, line.to_string())], "{line:?}");
    }
}

/// Story lines that mention agencies, photos or promo words: they stay.
#[test]
fn story_lines_stay() {
    #[rustfmt::skip]
    let cases: &[&str] = &[
        "Getty Images, the photo agency, said it had licensed the pictures to 40 newspapers.",
        "The photo showed the minister leaving the building by a side door.",
        "Photographers from AP, Reuters and Getty Images waited outside the court all day.",
        "Readers who want to read more about the case can find the court papers online, the clerk said.",
        "He urged people to read more widely before the vote.",
        "Image is everything in politics, the senator told reporters on Tuesday.",
        "Image: the new logo, which the party unveiled on Friday, is meant to suggest trust.",
        "Follow the money, the prosecutor told the jury.",
        "Follow-up inspections found more rust on the east span.",
        "Subscribers to the service will pay £5 a month from January, the company said.",
        "Subscribe? Not yet, said one reader.",
        "Sign-ups for the scheme were slow at first, organisers said, but 4,000 people came.",
        "Advertisement revenue fell 12% in the quarter.",
        "The Associated Press reported the figures first.",
        "By Tuesday, the river had risen by two metres.",
        "By The Numbers",
        "Credit card debt rose 4% last year, according to the central bank.",
        "The photo, taken by a freelance photographer for Reuters, went viral (it was shared two million times).",
        "November was the wettest month on record.",
        "On Monday, November 18, the court sat late.",
        "Related charges were dropped in March.",
        "What Happens Next",
        "Home",
        "He said: \"We will rebuild.\"",
        "Click here, the instructions said, and then wait.",
        "Copyright law was never meant for this, the judge wrote in a long ruling on the case.",
        "Jane Doe, the mayor",
        "Palm Bay 70, Rockledge 44",
        "1 tackle (1 combined).",
        "9.30 A.M. / 7.00 P.M.",
        "6:05 p.m.",
        "Nov. 19",
        "<blockquote>The river is rising fast, residents say.",
    ];
    let stripper = Stripper::new();
    for &line in cases {
        let text = sandwich(line);
        let out = stripper.strip(&text);
        assert_eq!(blocks(&text, &out), vec![], "{line:?}");
        assert_eq!(out.clean_text(&text), text);
    }
}

/// (name, text, expected blocks).
type Snippet = (&'static str, &'static str, &'static [(Kind, &'static str)]);

/// Whole snippets where neighbours decide.
#[test]
fn snippets() {
    #[rustfmt::skip]
    let cases: &[Snippet] = &[
        (
            "caption ( / Image: / credit) across three lines",
            "The council met on Tuesday.\n\nEngineers inspect the east span (\nImage:\nJo Lark/PA Wire)\n\nThe work starts in May.\n",
            &[(Kind::Caption, "Engineers inspect the east span (\nImage:\nJo Lark/PA Wire)")],
        ),
        (
            "caption ( / Image: credit) across two lines",
            "The council met on Tuesday.\n\nEngineers inspect the east span (\nImage: Getty Images)\n\nThe work starts in May.\n",
            &[(Kind::Caption, "Engineers inspect the east span (\nImage: Getty Images)")],
        ),
        (
            "caption above a bare credit line",
            "\"It is not safe,\" the engineer said.\nFlood water covers the high street in Upton on Sunday.\nJo Lark/Bloomberg/Getty Images\nThe river peaked at 5.2 metres.\n",
            &[(Kind::Caption, "Flood water covers the high street in Upton on Sunday.\nJo Lark/Bloomberg/Getty Images")],
        ),
        (
            "caption above an agency line",
            "\"It is not safe,\" the engineer said.\nThe two freed aid workers (left) with their families\nAP\nThe river peaked at 5.2 metres.\n",
            &[(Kind::Caption, "The two freed aid workers (left) with their families\nAP")],
        ),
        (
            "a quoted paragraph above a credit is not a caption",
            "Intro.\n\"We are not leaving,\" the strikers said outside the gates.\nGetty Images\nThe talks resume on Monday.\n",
            &[(Kind::Credit, "Getty Images")],
        ),
        (
            "caption / Image: / credit without a bracket",
            "\"It is not safe,\" the engineer said.\nFlood water covers the high street\nImage:\nJo Lark/PA Wire\nThe river peaked at 5.2 metres.\n",
            &[(Kind::Caption, "Flood water covers the high street\nImage:\nJo Lark/PA Wire")],
        ),
        (
            "BBC image block",
            "Intro.\nImage copyright\nReuters\nImage caption\nThe minister spoke after the vote\nThe bill passed by 12 votes.\n",
            &[(Kind::Caption, "Image copyright\nReuters\nImage caption\nThe minister spoke after the vote")],
        ),
        (
            "menu at the top",
            "Home\nNews\nPolitics\nCouncil closes bridge after safety scare\nBy Jane Doe\nPublished 10:02 AM GMT March 3, 2021\nThe council voted on Tuesday to close the Harbour Street bridge, ending a two-year argument over who should pay for the repairs.\n",
            &[
                (Kind::Navigation, "Home\nNews\nPolitics"),
                (Kind::Headline, "Council closes bridge after safety scare"),
                (Kind::Byline, "By Jane Doe"),
                (Kind::Dateline, "Published 10:02 AM GMT March 3, 2021"),
            ],
        ),
        (
            "a caption over a labelled credit, set off by blank lines",
            "The council voted on Tuesday.\n\nCyclists cross the old bridge at dawn\nPhoto: Jane Doe, AP\n\nThe bridge closes in May.\n",
            &[(Kind::Caption, "Cyclists cross the old bridge at dawn\nPhoto: Jane Doe, AP")],
        ),
        (
            "a pull quote over a credit stays",
            "The council voted on Tuesday.\n\n\u{2018}We cannot wait another winter,\u{2019} the mayor wrote.\nPhotograph: Jane Doe/AFP via Getty\n\nThe bridge closes in May.\n",
            &[(Kind::Credit, "Photograph: Jane Doe/AFP via Getty")],
        ),
        (
            "gallery furniture around a credit",
            "The council voted on Tuesday.\nPhoto: Jane Doe, AP\nImage\n1\nof\n5\nCaption\nClose\nThe bridge closes in May.\n",
            &[(Kind::Credit, "Photo: Jane Doe, AP"), (Kind::Navigation, "Image\n1\nof\n5\nCaption\nClose")],
        ),
        (
            "share bar at the end",
            "The council voted on Tuesday.\nThe bridge closes in May.\nShare\nTweet\nEmail\n",
            &[(Kind::Navigation, "Share\nTweet\nEmail")],
        ),
        (
            "a lone section word inside the story stays",
            "The council voted on Tuesday.\n\nHome\n\nThe bridge closes in May, and the ferry will run every ten minutes.\n",
            &[],
        ),
        (
            "other stories after a tail header",
            "The council voted on Tuesday to close the Harbour Street bridge for repairs that are expected to last at least eighteen months.\nBusiness owners on the north bank said the closure would cost them customers, and asked for help with rates.\nThe ferry will run every ten minutes at peak times.\nYou may also like\nTen bridges that need repair\nWhy the ferry keeps breaking down\n",
            &[(Kind::Promo, "You may also like\nTen bridges that need repair\nWhy the ferry keeps breaking down")],
        ),
        (
            "a tail header mid-story goes alone when the story goes on with attributed quotes",
            "The council voted on Tuesday to close the Harbour Street bridge for repairs that are expected to last at least eighteen months.\nBusiness owners on the north bank said the closure would cost them customers, and asked for help with rates.\nYou may also like\nEngineers said the bridge had been weakened by years of heavy lorries.\n\u{201c}We warned them in 2019,\u{201d} said Ruth Amadi, who runs a bakery by the bridge.\n",
            &[(Kind::Promo, "You may also like")],
        ),
        (
            "author biography closing the story",
            "The council voted on Tuesday.\nThe bridge closes in May.\nJane Doe is a freelance writer living in Leeds.\n",
            &[(Kind::Byline, "Jane Doe is a freelance writer living in Leeds.")],
        ),
        (
            "BBC video caption glued to its label",
            "Intro.\nMedia captionThe moment the bridge was closed\nThe bill passed.\n",
            &[(Kind::Caption, "Media captionThe moment the bridge was closed")],
        ),
    ];
    let stripper = Stripper::new();
    for &(name, text, want) in cases {
        let out = stripper.strip(text);
        let want: Vec<(Kind, String)> = want.iter().map(|&(k, s)| (k, s.to_string())).collect();
        assert_eq!(blocks(text, &out), want, "{name}");
    }
}

/// Caption and credit parts are reported separately, by span.
#[test]
fn caption_and_credit_parts() {
    #[rustfmt::skip]
    let cases: &[(&str, &str, &str)] = &[
        ("Engineers inspect the east span (\nImage:\nJo Lark/PA Wire)", "Engineers inspect the east span", "Jo Lark/PA Wire"),
        ("Fire crews at the scene on Monday (Image: GETTY )", "Fire crews at the scene on Monday", "GETTY"),
        ("Ministers arrive (AP Photo/Alan Diaz, File)", "Ministers arrive", "AP Photo/Alan Diaz, File"),
        ("Rescue teams search the rubbleCredit: Reuters", "Rescue teams search the rubble", "Reuters"),
        ("Protesters outside parliament. Photograph: Sam Lee/Getty Images", "Protesters outside parliament.", "Sam Lee/Getty Images"),
    ];
    let stripper = Stripper::new();
    for &(line, caption, credit) in cases {
        let text = sandwich(line);
        let out = stripper.strip(&text);
        assert_eq!(out.removed.len(), 1, "{line:?}");
        let r = &out.removed[0];
        assert_eq!(r.kind, Kind::Caption, "{line:?}");
        assert_eq!(&text[r.caption.clone().expect("caption")], caption, "{line:?}");
        assert_eq!(&text[r.credit.clone().expect("credit")], credit, "{line:?}");
    }
}

#[test]
fn kinds_can_be_turned_off() {
    let text = sandwich("READ MORE: Ten bridges that need repair");
    let off = Stripper::builder().enable(Kind::Promo, false).build().unwrap();
    assert!(off.strip(&text).removed.is_empty());
    assert!(!off.is_enabled(Kind::Promo));

    let text = sandwich("Engineers inspect the east span (Image: Getty Images)");
    let off = Stripper::builder().enable(Kind::Caption, false).build().unwrap();
    assert!(off.strip(&text).removed.is_empty());
}

#[test]
fn extra_promo_patterns() {
    let text = sandwich("Download the Daily Bugle app for breaking news alerts");
    assert!(Stripper::new().strip(&text).removed.is_empty());
    let s = Stripper::builder().extra_promo_pattern("Download the Daily Bugle app").build().unwrap();
    let out = s.strip(&text);
    assert_eq!(out.removed.len(), 1);
    assert_eq!(out.removed[0].kind, Kind::Promo);

    let err = Stripper::builder().extra_promo_pattern("  ").build().unwrap_err();
    assert_eq!(err, copydesk_captions::Error::EmptyPattern);
}

#[test]
fn kind_names() {
    let names: Vec<&str> = Kind::ALL.iter().map(Kind::as_str).collect();
    assert_eq!(
        names,
        ["caption", "credit", "promo", "navigation", "byline", "dateline", "headline", "boilerplate", "markup"]
    );
}

#[test]
fn clean_text_and_offsets() {
    let text = "The council met.\n\nREAD MORE: Ten bridges\n\nThe work starts in May.\n";
    let out = Stripper::new().strip(text);
    let clean = out.clean_text(text);
    assert_eq!(clean, "The council met.\n\nThe work starts in May.\n");
    let at = clean.find("The work").unwrap();
    assert_eq!(out.to_original(at), text.find("The work").unwrap());
    assert_eq!(out.to_original(0), 0);
    assert_eq!(out.to_original(clean.len()), text.len());
    assert_eq!(out.to_original(clean.len() + 10), text.len());

    let masked = out.masked(text);
    assert_eq!(masked.len(), text.len());
    let orig = out.to_original(at);
    assert_eq!(&masked[orig..orig + 8], "The work");
    assert!(!masked.contains("READ"));
    assert_eq!(masked.matches('\n').count(), text.matches('\n').count());
}

#[test]
fn empty_and_blank_inputs() {
    let s = Stripper::new();
    for text in ["", "\n", "\n\n\n", "   ", "\r\n\r\n"] {
        let out = s.strip(text);
        assert!(out.removed.is_empty());
        assert_eq!(out.clean_text(text), text);
    }
}
