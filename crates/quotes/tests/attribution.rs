//! Attribution cases, one line each: text, quoted content, expected speaker (None =
//! no speaker), expected rule. All text is invented for copydesk.

use copydesk_quotes::{Attributor, KnownMention, MentionKind, QuoteKind};

fn speaker_of(text: &str, quote: &str) -> (Option<String>, &'static str) {
    let found = Attributor::new().attribute(text, &[]);
    let q = found
        .quotes
        .iter()
        .find(|q| q.kind != QuoteKind::Indirect && &text[q.span.clone()] == quote)
        .unwrap_or_else(|| panic!("quote {quote:?} not found in {text:?}: {:?}", found.quotes));
    (q.speaker.as_ref().map(|s| s.name.clone()), q.rule.as_str())
}

#[test]
fn attribution_table() {
    #[rustfmt::skip]
    let cases: &[(&str, &str, Option<&str>, &str)] = &[
        // cue after, subject first
        ("\u{201c}The levy will hold,\u{201d} Mayor Tom Reilly said.", "The levy will hold,", Some("Tom Reilly"), "cue-after"),
        // cue after, inverted, with a role between cue and name
        ("\u{201c}Pull back now,\u{201d} said the newly appointed fire chief Dana Ortiz.", "Pull back now,", Some("Dana Ortiz"), "cue-after-inverted"),
        // colon form
        ("Ms Ortiz told reporters at the depot: \u{201c}Nobody leaves tonight.\u{201d}", "Nobody leaves tonight.", Some("Ortiz"), "cue-before-colon"),
        // apposition between name and cue
        ("Helen Marsh, minister of transport and a veteran engineer, called it a \u{201c}reckless gamble\u{201d}.", "reckless gamble", Some("Helen Marsh"), "cue-before"),
        // a role leading the name after the quote, and an age after it
        ("\u{201c}It is a disaster,\u{201d} one resident, Maria Lopes, 67, told the Courier.", "It is a disaster,", Some("Maria Lopes"), "cue-after"),
        // ... and a role with its complement
        ("\u{201c}We are monitoring the situation,\u{201d} a spokeswoman for the World Health Organization, Clara Voss, said.", "We are monitoring the situation,", Some("Clara Voss"), "cue-after"),
        // a place or an employer after "of"/"from" is the person's, who speaks; a title's is not
        ("Senator Maria Alvarez of New Mexico said Haines was \u{201c}protecting his friends\u{201d}.", "protecting his friends", Some("Maria Alvarez"), "cue-before"),
        ("Secretary of State Ana Ruiz called the vote \u{201c}a disgrace\u{201d}.", "a disgrace", Some("Ana Ruiz"), "cue-before"),
        // an auxiliary after the subject's noun is no part of it
        ("The health minister has denied the figures, calling them \u{201c}fabricated by the opposition\u{201d}.", "fabricated by the opposition", Some("The health minister"), "sentence-subject"),
        // apposition after the quote
        ("\u{201c}It is a bad deal,\u{201d} Omar Tate, an economist at the Harbor Institute, said on Monday.", "It is a bad deal,", Some("Omar Tate"), "cue-after"),
        // partial quote inside an indirect statement
        ("Governor Paul Weir said the flood was \u{201c}the worst in a century\u{201d} for the valley.", "the worst in a century", Some("Paul Weir"), "cue-before"),
        // organisation as speaker
        ("\u{201c}We stand by our reporting,\u{201d} the Daily Courier said in a statement.", "We stand by our reporting,", Some("Daily Courier"), "cue-after"),
        // according to
        ("According to the harbor authority, \u{201c}no ship may dock\u{201d} until Friday.", "no ship may dock", Some("the harbor authority"), "according-to"),
        // participle cue: the sentence's subject
        ("Senator Ruth Bell left the hearing early, calling the plan \u{201c}a tax on the poor\u{201d}.", "a tax on the poor", Some("Ruth Bell"), "sentence-subject"),
        // I and we are never speakers
        ("\u{201c}We will rebuild,\u{201d} we said.", "We will rebuild,", None, "unattributed"),
        // scare quotes with no cue get no speaker
        ("The so-called \u{201c}experts\u{201d} were wrong about the bridge.", "experts", None, "unattributed"),
        // a title in quotes after a show name, no cue
        ("The band played \u{201c}River Road\u{201d} twice.", "River Road", None, "unattributed"),
        // apostrophes are not marks, the quote still pairs
        ("The mayor\u{2019}s aide said Reilly\u{2019}s plan was \u{2018}dead on arrival\u{2019} and won\u{2019}t pass.", "dead on arrival", Some("The mayor\u{2019}s aide"), "cue-before"),
        // headline colon
        ("Reilly: Council must \u{2018}act before winter\u{2019}.", "act before winter", Some("Reilly"), "headline-colon"),
        // no cue in the sentence of a partial quote: its subject, a name or a pronoun
        ("Councillor Vera Lind has gone after the harbour board as a \u{201c}club for insiders\u{201d}.", "club for insiders", Some("Vera Lind"), "clause-subject"),
        ("Mayor Ines Roth spoke on Friday. She\u{2019}s betting the tram will be \u{201c}a lifeline for the east\u{201d} by spring.", "a lifeline for the east", Some("Ines Roth"), "clause-subject"),
        ("In May, Councillor Vera Lind spoke at the depot. In June, Lind openly waved off the plan as a \u{201c}toy train\u{201d} again.", "toy train", Some("Vera Lind"), "clause-subject"),
        // ... but not a sentence's first word that is no name, nor a title-case name
        ("Pressure is mounting on the council after chants of \u{201c}Resign now!\u{201d} at the rally.", "Resign now!", None, "unattributed"),
        ("Mayor Ines Roth will appear on \u{201c}Morning Desk,\u{201d} a radio show.", "Morning Desk,", None, "unattributed"),
        ("Monday\u{2019}s vote ended the \u{201c}long winter\u{201d} of the port.", "long winter", None, "unattributed"),
        // a speech noun before a colon: the sentence's subject speaks, if a person
        ("With the vote near, Senator Ana Ortiz had a blunt message: \u{201c}Fix the roads.\u{201d}", "Fix the roads.", Some("Ana Ortiz"), "speech-noun-colon"),
        ("Ana Ortiz spoke last. Later she made the following comment:\n\u{201c}The budget cannot pass.\u{201d}", "The budget cannot pass.", Some("Ana Ortiz"), "previous-paragraph"),
        ("The report ended with a warning: \u{201c}Prices will rise.\u{201d}", "Prices will rise.", None, "unattributed"),
        // "Del." is a title that does not end the sentence; "Correction:" is a label, no name
        ("\u{201c}We will not wait,\u{201d} said Del. Stacey Marsh, a Democrat.", "We will not wait,", Some("Stacey Marsh"), "cue-after-inverted"),
        ("Correction: An earlier version of this story misstated when the \u{201c}Green Deal\u{201d} began.", "Green Deal", None, "unattributed"),
        // "as X put it" right after the quote names its speaker, whatever cue came before
        ("The union said the offer was unfair, \u{201c}an insult to every worker,\u{201d} as one steward put it.", "an insult to every worker,", Some("one steward"), "cue-after"),
        ("Protest, Ms Ortiz said, is patriotism, from sit-ins to shirts reading \u{201c}Let us vote,\u{201d} as Ana Ruiz, a marcher, said in 1965.", "Let us vote,", Some("Ana Ruiz"), "cue-after"),
        // a statement closed by a comma and a cue is that cue's, whatever introduced it
        ("Ms Ortiz said the letter praised the crews: \u{201c}Nobody worked harder this year,\u{201d} the union wrote.", "Nobody worked harder this year,", Some("the union"), "cue-after"),
        // in a headline, the name before the colon beats a cue among the headline's words
        ("Tom Reilly: Voters Worried About Bridge Are \u{2018}Right to Worry\u{2019}", "Right to Worry", Some("Tom Reilly"), "headline-colon"),
        // a speech verb right before the quote speaks for a common-noun subject too
        ("Ms Ortiz spoke first, and when asked about the budget, the retired nurse replied, \u{201c}Ask the council.\u{201d}", "Ask the council.", Some("the retired nurse"), "cue-before-colon"),
        // a statement with no cue after a sentence of the same paragraph that reports speech
        ("The ferry will stop in May, Captain Omar Tate said. \u{201c}The engines are older than I am.\u{201d}", "The engines are older than I am.", Some("Omar Tate"), "previous-sentence"),
        // ... but a sentence that reports no speech gives nothing
        ("The ferry stopped in May. \u{201c}The engines are older than the crew.\u{201d}", "The engines are older than the crew.", None, "unattributed"),
        // a programme named after its owner is a title, whatever cue stands near it
        ("Senator Ruth Bell told the network\u{2019}s \u{201c}Morning Desk\u{201d} that the clinics would stay open.", "Morning Desk", None, "unattributed"),
        ("Mayor Ana Ortiz said on \u{201c}Harbour Hour,\u{201d} a radio show, that the depot would open.", "Harbour Hour,", None, "unattributed"),
        // "to reports" is a noun after a preposition, not an infinitive cue
        ("Mayor Ana Ortiz pointed to reports that Tom Reilly called the plan \u{201c}a gamble\u{201d}.", "a gamble", Some("Tom Reilly"), "cue-before"),
        // a short title-case sentence right after a quote and its cue continues it
        ("\u{201c}We stayed for the children,\u{201d} Ms Ortiz said. \u{201c}We Are Home.\u{201d}", "We Are Home.", Some("Ortiz"), "continuation"),
        // a common given name makes a person of a name met nowhere near a cue
        ("During a town hall, Tina Marsh had a question for the governor.\n\u{201c}As a nurse, I see this every day,\u{201d} she said.", "As a nurse, I see this every day,", Some("Tina Marsh"), "cue-after"),
        // a cue word after a determiner is a noun, and can speak: "said the ruling"
        ("The appeals court ruled on Friday.\n\u{201c}No county may close a polling place without notice,\u{201d} said the ruling.", "No county may close a polling place without notice,", Some("the ruling"), "cue-after-inverted"),
        // one person with a determiner before a preposition: "a spokesman for the ministry"
        ("\u{201c}The port is closed,\u{201d} a spokesman for the ministry said.", "The port is closed,", Some("a spokesman for the ministry"), "cue-after"),
        ("\u{201c}We will appeal,\u{201d} an official at the agency said.", "We will appeal,", Some("an official at the agency"), "cue-after"),
        // according to, later in the sentence of a partial quote
        ("More than 2,000 nurses joined a \u{201c}sick-out\u{201d} across the region, according to union leader Ada Quist.", "sick-out", Some("Ada Quist"), "according-to"),
        // a long apposition set off by dashes between the name and the cue
        ("Lena Park, the head of Harbor Freight -- the shipping firm that runs the east pier, which the city leases -- told me, \u{201c}We need the dredging.\u{201d}", "We need the dredging.", Some("Lena Park"), "cue-before-colon"),
        // a name with a comma apposition is the subject of a partial quote's clause
        ("Omar Tate, the director of the transit board, compared the mayor to a captain who is \u{201c}steering blind\u{201d} this year.", "steering blind", Some("Omar Tate"), "clause-subject"),
        ("Councillor Vera Lind (Green), in particular, has been needling the mayor as a \u{201c}tram fanatic\u{201d} all week.", "tram fanatic", Some("Vera Lind"), "clause-subject"),
        // "family" is a noun, not an -ly adverb
        ("The mayor spoke. Vera Lind\u{2019}s family has called on the board to act \u{201c}before the winter\u{201d} this year.", "before the winter", Some("Vera Lind\u{2019}s family"), "cue-before"),
        // a claim owned by a name or a possessive pronoun
        ("The board checked Vera Lind\u{2019}s claim that the depot had \u{201c}hundreds of leaks\u{201d} last year.", "hundreds of leaks", Some("Vera Lind"), "cue-before"),
        ("Mayor Tom Reilly spoke first. Contrary to his promise that fares would \u{201c}never rise,\u{201d} they did.", "never rise,", Some("Tom Reilly"), "cue-before"),
        // ... but a noun that is not owned gives nothing
        ("The claim that the depot had \u{201c}hundreds of leaks\u{201d} was false.", "hundreds of leaks", None, "unattributed"),
        // a pronoun right after a common subject's speech verb: the subject speaks
        ("Mayor Ines Roth was away. The harbor board said it wanted \u{201c}a fresh start\u{201d} for the pier.", "a fresh start", Some("The harbor board"), "cue-before"),
        // quotes listed with commas after one cue are all its subject's
        ("Reilly hit back. Reilly called the board a \u{201c}closed shop,\u{201d} \u{201c}lazy\u{201d} and \u{201c}blind.\u{201d}", "lazy", Some("Reilly"), "cue-before"),
        // a headline's quote without a colon: its opening name, once the article names that person
        ("Reilly Sees \u{2018}Grave Risk\u{2019} in Bridge Plan\nMayor Tom Reilly said on Monday that the bridge would close.", "Grave Risk", Some("Tom Reilly"), "clause-subject"),
        ("Ada Quist Hammers Port Board: \u{2018}You Failed the Town\u{2019}\nCouncillor Ada Quist spoke at the depot on Friday.", "You Failed the Town", Some("Ada Quist"), "clause-subject"),
        // "Name:" speaks for every clause of its headline
        ("Tom Reilly: Riders Worried About Fares; It\u{2019}s \u{2018}All in Their Heads\u{2019}\nMayor Tom Reilly spoke on Monday.", "All in Their Heads", Some("Tom Reilly"), "headline-colon"),
        // ... but not words the article never shows to be a person
        ("Angry Riders Rally To \u{2018}Save Our Trams\u{2019}\nHundreds of riders gathered at the depot, Mayor Tom Reilly said.", "Save Our Trams", None, "unattributed"),
        ("Ms Ines Roth was away. The harbor chief said she wanted \u{201c}a fresh start\u{201d} for the pier.", "a fresh start", Some("The harbor chief"), "cue-before"),
        // opening phrases one after another before the subject; "Once" is no name
        ("Once in his early years, when his uncle sold the farm, Tom Hale laughed and said, \u{201c}I will never go back.\u{201d}", "I will never go back.", Some("Tom Hale"), "sentence-subject"),
        ("During the long hearing, Councillor Vera Lind stood up and said, \u{201c}Enough.\u{201d}", "Enough.", Some("Vera Lind"), "sentence-subject"),
        // ... but a first phrase that ran on into the main clause is not skipped twice
        ("At the meeting in Valdera the board dropped a call for \u{201c}new cranes\u{201d} for the port, replacing it with a plan calling for \u{201c}repairs\u{201d} instead.", "repairs", None, "unattributed"),
        // a participle phrase opening the sentence has the main clause's subject
        ("Mayor Ines Roth was at the depot. After saying her knee was \u{201c}too swollen to walk,\u{201d} she was taken to a clinic.", "too swollen to walk,", Some("Ines Roth"), "sentence-subject"),
        // ... but not when the quote comes after that subject
        ("Speaking at a rally in Novi, Valdera, Mayor Tom Reilly says he is making \u{201c}a demand\u{201d} of the board.", "a demand", Some("Tom Reilly"), "cue-before"),
        // a heading in capitals before a dash is no name: the subject comes after it
        ("THE BOARD HAS QUESTIONED HIM \u{2014} Reilly appeared at a hearing for saying that the tea was a \u{201c}miracle cure\u{201d} for all.", "miracle cure", Some("Reilly"), "sentence-subject"),
        // a past tense after a noun is the verb, not part of the subject
        ("The fact-checkers published their review by announcing that the claim was \u{201c}mostly false.\u{201d}", "mostly false.", Some("The fact-checkers"), "sentence-subject"),
    ];
    for (text, quote, want, rule) in cases {
        let (got, got_rule) = speaker_of(text, quote);
        assert_eq!(got.as_deref(), *want, "speaker for {quote:?} in {text:?}");
        assert_eq!(got_rule, *rule, "rule for {quote:?} in {text:?}");
    }
}

#[test]
fn role_nouns_and_appositions() {
    #[rustfmt::skip]
    let cases: &[(&str, &str, Option<&str>)] = &[
        // a role noun goes back to whoever the text introduced with that role
        ("A harbour spokesman, Tomas Varga, spoke to reporters.\n\u{201c}The cranes are idle,\u{201d} the spokesman said.", "The cranes are idle,", Some("Tomas Varga")),
        ("Lena Brandt, a spokeswoman for the port, met the crews.\n\u{201c}Talks go on,\u{201d} the spokeswoman said.", "Talks go on,", Some("Lena Brandt")),
        // no one introduced with that role: the phrase stays
        ("\u{201c}We wait,\u{201d} the spokesman said.", "We wait,", Some("the spokesman")),
        // a full name with an age is a person, nearer than an earlier woman
        ("Ms Holt left early. Dora Kemeny, 81, stayed behind. \u{201c}This is my house,\u{201d} she said.", "This is my house,", Some("Dora Kemeny")),
        // an acronym is a name, not the pronoun "who"
        ("The WHO said in a statement that \u{201c}the door remains open\u{201d}.", "the door remains open", Some("WHO")),
        // "of" inside an organisation's name; "the ministry" goes back to it
        ("The Ministry of Fisheries said it would act \u{201c}within days\u{201d}. The ministry said boats were \u{201c}ready\u{201d}.", "ready", Some("Ministry of Fisheries")),
        // but not between a group and a person
        ("Supporters of Tamsin Ruiz gathered. \u{201c}We won,\u{201d} Ms Ruiz said.", "We won,", Some("Tamsin Ruiz")),
        // a role between the commas leads the name
        ("Late on Friday the head of the panel, the veteran judge Irma Solberg, told the room that there was \u{201c}no deal\u{201d}.", "no deal", Some("Irma Solberg")),
        // "the company" goes back to the firm introduced as the operator
        ("The operator, Portline, said on Monday it would sell two ships. The company said the sale was \u{201c}overdue\u{201d}.", "overdue", Some("Portline")),
        // inverted cue, role, then the name between commas
        ("\u{201c}The walls will hold,\u{201d} said the interior minister, Gabor Nemeth.", "The walls will hold,", Some("Gabor Nemeth")),
        // the clause after ", but" has its own speaker
        ("The council agreed, but a city spokesman, Aldo Petrov, told reporters it was \u{201c}far from settled\u{201d}.", "far from settled", Some("Aldo Petrov")),
        // a number after "of" ends the subject's noun phrase, and the verb after it is a cue
        ("Ana Lind said the plan was fair, and when pressed on costs, the mother of three replied, \u{201c}It pays for itself.\u{201d}", "It pays for itself.", Some("the mother of three")),
        ("The father of two told reporters he was \u{201c}angry\u{201d}.", "angry", Some("The father of two")),
        // a pronoun after a speaker a common noun names goes back to it, in a later sentence
        ("Inspector Sarah Quinn spoke first. A witness told the radio she heard bangs.\n\u{201c}It was terrifying,\u{201d} she said.", "It was terrifying,", Some("A witness")),
        ("Ana Ruiz left the room. Her husband told reporters he was proud.\n\u{201c}She fought hard,\u{201d} he said.", "She fought hard,", Some("Her husband")),
        // ... not against its gender
        ("Tomas Varga arrived late. His wife told reporters the town was angry.\n\u{201c}We lost everything,\u{201d} he said.", "We lost everything,", Some("Tomas Varga")),
        // an organisation in a person's role is not the person: only the role's head is
        ("\u{201c}We are ready,\u{201d} said the agency\u{2019}s director, Marta Sousa.\nThe union said the offer was \u{201c}an insult\u{201d}.", "an insult", Some("The union")),
        ("Ivo Brandt, a spokesman for the ministry, left early. The ministry said the talks were \u{201c}stalled\u{201d}.", "stalled", Some("The ministry")),
        ("Ivo Brandt, a spokesman for the ministry, left early. The spokesman said the talks were \u{201c}stalled\u{201d}.", "stalled", Some("Ivo Brandt")),
    ];
    for (text, quote, want) in cases {
        assert_eq!(speaker_of(text, quote).0.as_deref(), *want, "speaker for {quote:?} in {text:?}");
    }
}

#[test]
fn a_place_inside_a_name_is_part_of_the_name() {
    let text = "Paris Okafor, the mayor, said on Monday: \u{201c}The dam holds.\u{201d}\n\u{201c}Stay home,\u{201d} Ms Okafor said.";
    let s = text.find("Paris").unwrap();
    let known = [KnownMention { span: s..s + 5, name: "Paris", kind: MentionKind::Place }];
    let found = Attributor::new().attribute(text, &known);
    for q in &found.quotes {
        if q.kind != QuoteKind::Indirect {
            assert_eq!(
                q.speaker.as_ref().map(|s| s.name.as_str()),
                Some("Paris Okafor"),
                "{:?}",
                &text[q.span.clone()]
            );
        }
    }
}

#[test]
fn pronouns_pick_the_fitting_gender() {
    let text = "Mr Hale met Mrs Dorsey at the dock.\n\u{201c}The ferry is safe,\u{201d} she said.\n\u{201c}I disagree,\u{201d} he said.";
    assert_eq!(speaker_of(text, "The ferry is safe,").0.as_deref(), Some("Dorsey"));
    assert_eq!(speaker_of(text, "I disagree,").0.as_deref(), Some("Hale"));
}

#[test]
fn names_inside_the_quote_never_speak_it() {
    let text = "Inspector Lena Moss spoke first.\n\u{201c}Mayor Reilly said nothing to us,\u{201d} she said.";
    assert_eq!(speaker_of(text, "Mayor Reilly said nothing to us,").0.as_deref(), Some("Lena Moss"));
}

#[test]
fn continuation_over_paragraphs_and_coreference() {
    let text = "President Anna Kowal addressed the crowd on Sunday.\n\
                \u{201c}We will not bow,\u{201d} Ms Kowal said.\n\
                \u{201c}Not today, not ever.\u{201d}\n\
                Kowal later said the vote was \u{201c}a turning point\u{201d}.";
    for q in ["We will not bow,", "Not today, not ever.", "a turning point"] {
        assert_eq!(speaker_of(text, q).0.as_deref(), Some("Anna Kowal"), "{q}");
    }
    assert_eq!(speaker_of(text, "Not today, not ever.").1, "continuation");
}

#[test]
fn multi_paragraph_quote_is_one_quote() {
    let text = "Chief Ray Dunn read the statement.\n\
                \u{201c}The first part has no closing mark.\n\
                \u{201c}The second part ends it,\u{201d} Mr Dunn said.";
    let found = Attributor::new().attribute(text, &[]);
    let direct: Vec<_> = found.quotes.iter().filter(|q| q.kind != QuoteKind::Indirect).collect();
    assert_eq!(direct.len(), 1);
    assert!(text[direct[0].span.clone()].starts_with("The first part"));
    assert!(text[direct[0].span.clone()].ends_with("ends it,"));
    assert_eq!(direct[0].speaker.as_ref().map(|s| s.name.as_str()), Some("Ray Dunn"));
}

#[test]
fn stray_mark_does_not_shift_later_pairings() {
    let text = "A stray \u{201d} mark sits here, and 5\" of rain fell.\n\
                \u{201c}Roads are closed,\u{201d} said Officer Jo Park.";
    assert_eq!(speaker_of(text, "Roads are closed,").0.as_deref(), Some("Jo Park"));
}

#[test]
fn role_is_split_from_the_name() {
    let text = "\u{201c}Hold the line,\u{201d} said the newly named port chief Sam Oduya.";
    let found = Attributor::new().attribute(text, &[]);
    let sp = found.quotes[0].speaker.as_ref().expect("speaker");
    assert_eq!(sp.name, "Sam Oduya");
    assert!(sp.role.as_deref().is_some_and(|r| r.contains("port chief")), "{:?}", sp.role);
    assert_eq!(&text[sp.mention.clone()], "Sam Oduya");
}

#[test]
fn an_apposition_is_a_role_but_a_clause_or_an_age_is_not() {
    // (text, the first quote's speaker role)
    #[rustfmt::skip]
    let cases: &[(&str, Option<&str>)] = &[
        ("Tom Reilly, the harbour master, said the ferry would run in June.", Some("the harbour master")),
        ("Tom Reilly, who runs the harbour, said the ferry would run in June.", None),
        ("Tom Reilly, 62, said the ferry would run in June.", None),
        // ... and leaves the title before the name as the role
        ("Captain Ines Roth, who commands the harbour patrol, said the ferry would run in June.", Some("Captain")),
        ("\u{201c}We will rebuild,\u{201d} Ms Ortiz, who has led the town since 2019, said.", None),
        ("\u{201c}We will rebuild,\u{201d} Ana Ortiz, the mayor of Dunmore, said.", Some("the mayor of Dunmore")),
        // after an inverted cue, the apposition closing the sentence or set off by a comma
        ("\u{201c}We will rebuild,\u{201d} said Ana Ortiz, the mayor of Dunmore.", Some("the mayor of Dunmore")),
        ("\u{201c}We will rebuild,\u{201d} said Ana Ortiz, a spokeswoman for the port, adding that help was near.", Some("a spokeswoman for the port")),
        ("The ferry will run in June, said Ana Ortiz, the mayor.", Some("the mayor")),
        // ... but not a phrase running on past ten words, nor a clause
        ("\u{201c}We will rebuild,\u{201d} said Ana Ortiz, the mayor of the small town on the far side of the bay. \u{201c}Soon.\u{201d}", None),
        ("\u{201c}We will rebuild,\u{201d} said Ana Ortiz, the mayor said.", None),
    ];
    for &(text, role) in cases {
        let found = Attributor::new().attribute(text, &[]);
        let sp = found.quotes.first().and_then(|q| q.speaker.as_ref()).unwrap_or_else(|| panic!("{text:?}"));
        assert_eq!(sp.role.as_deref(), role, "{text:?}");
    }
}

#[test]
fn indirect_quotes() {
    let text = "Mayor Tom Reilly said the bridge would reopen in March.\n\
                The repairs will cost more than planned, according to the city engineer.";
    let found = Attributor::new().attribute(text, &[]);
    let ind: Vec<_> = found.quotes.iter().filter(|q| q.kind == QuoteKind::Indirect).collect();
    assert_eq!(ind.len(), 2, "{ind:?}");
    assert_eq!(&text[ind[0].span.clone()], "the bridge would reopen in March");
    assert_eq!(ind[0].speaker.as_ref().map(|s| s.name.as_str()), Some("Tom Reilly"));
    assert_eq!(&text[ind[1].span.clone()], "The repairs will cost more than planned");
    let off = Attributor::builder().indirect(false).build().attribute(text, &[]);
    assert!(off.quotes.is_empty());
}

#[test]
fn known_mentions_give_canonical_names() {
    let text = "\u{201c}We are ready,\u{201d} Kowal said.";
    let s = text.find("Kowal").unwrap();
    let known = [KnownMention { span: s..s + 5, name: "Anna Kowal", kind: MentionKind::Person }];
    let found = Attributor::new().attribute(text, &known);
    assert_eq!(found.quotes[0].speaker.as_ref().map(|s| s.name.as_str()), Some("Anna Kowal"));
}

#[test]
fn extra_cue_verb() {
    let text = "\u{201c}It is over,\u{201d} Reilly opined.";
    assert!(Attributor::new().attribute(text, &[]).quotes[0].speaker.is_none());
    let att = Attributor::builder().cue_verb("opined").build();
    assert_eq!(att.attribute(text, &[]).quotes[0].speaker.as_ref().map(|s| s.name.as_str()), Some("Reilly"));
}

/// Indirect quotes, one line each: text, the reported content (None = no indirect
/// quote), the speaker, the rule.
#[test]
fn indirect_table() {
    #[rustfmt::skip]
    let cases: &[(&str, Option<&str>, &str, &str)] = &[
        // the cue set off by commas inside the sentence: the whole sentence is reported
        ("The new depot, Mayor Tom Reilly said, will open before the winter.", Some("The new depot, Mayor Tom Reilly said, will open before the winter"), "Tom Reilly", "indirect-after"),
        ("Mayor Ines Roth spoke first. The levy, she said Tuesday, would hold until spring.", Some("The levy, she said Tuesday, would hold until spring"), "Ines Roth", "indirect-after"),
        ("Floods, as Piet Laan noted, rarely reach the old town.", Some("Floods, as Piet Laan noted, rarely reach the old town"), "Piet Laan", "indirect-after"),
        // the cue closing the sentence with its circumstances, or inverted with a role
        ("The depot will open in May, Mayor Tom Reilly told reporters on Thursday.", Some("The depot will open in May"), "Tom Reilly", "indirect-after"),
        ("The depot will open in May, city officials said Friday.", Some("The depot will open in May"), "city officials", "indirect-after"),
        ("The depot will open in May, the Daily Courier reported.", Some("The depot will open in May"), "Daily Courier", "indirect-after"),
        ("The depot will open in May, said Tom Reilly, the mayor of Dunmore.", Some("The depot will open in May"), "Tom Reilly", "indirect-after"),
        // a comma after "that"
        ("Mayor Tom Reilly said that, if funds arrive, the depot will open in May.", Some("if funds arrive, the depot will open in May"), "Tom Reilly", "indirect-said"),
        // verbs of position and proposal report content too
        ("Senator Ruth Bell opposes the plan to close the rural clinics.", Some("the plan to close the rural clinics"), "Ruth Bell", "indirect-said"),
        ("Mayor Tom Reilly laid out a plan to rebuild the harbour wall.", Some("a plan to rebuild the harbour wall"), "Tom Reilly", "indirect-said"),
        // a sentence with a quoted title still reports speech outside the marks
        ("Senator Ruth Bell told the \u{201c}Morning Desk\u{201d} show that the clinics would stay open.", Some("the clinics would stay open"), "Ruth Bell", "indirect-said"),
        // a group before a preposition is the subject, not the name after it
        ("A spokesman for the ministry said the port was closed.", Some("the port was closed"), "A spokesman for the ministry", "indirect-said"),
        ("Farmers in Dunmore said the new depot has brought jobs to the valley.", Some("the new depot has brought jobs to the valley"), "Farmers in Dunmore", "indirect-said"),
        ("Mayor Ana Ortiz now says the depot will open in May.", Some("the depot will open in May"), "Ana Ortiz", "indirect-said"),
        // a second verb joined by "and" keeps the sentence's subject
        ("Councillor Vera Lind toured the ward and criticized the lack of street lights.", Some("the lack of street lights"), "Vera Lind", "indirect-said"),
        // an -ly adverb between the subject and the cue
        ("Governor Paul Weir repeatedly mocked the budget office for its late figures.", Some("the budget office for its late figures"), "Paul Weir", "indirect-said"),
        // a cue word after a number or a modifier in -ing or -est is a noun
        ("The paper printed Mayor Ana Ortiz\u{2019}s 2019 state income tax filings in full.", None, "", ""),
        ("The council debated disparaging remarks the mayor had made about the port workers.", None, "", ""),
        ("It is unlikely his latest remarks will end the row over the harbour.", None, "", ""),
        // ... but not a past tense, nor after a pronoun
        ("Mayor Ana Ortiz said the troubling reports were false.", Some("the troubling reports were false"), "Ana Ortiz", "indirect-said"),
        ("Mayor Ana Ortiz spoke first. She plans to open the depot in May.", Some("to open the depot in May"), "Ana Ortiz", "indirect-said"),
        // "according to" closing the sentence, with a source whose modifier is a stop word
        ("The two candidates are level before the debate, according to a new Courier poll.", Some("The two candidates are level before the debate"), "a new Courier poll", "according-to"),
        // ... or set off by commas inside it: the whole sentence is the source's
        ("Rents rose 9 percent, according to the Housing Institute, the steepest rise in a decade.", Some("Rents rose 9 percent, according to the Housing Institute, the steepest rise in a decade"), "Housing Institute", "according-to"),
        ("Rents, according to the Housing Institute, rose 9 percent.", Some("Rents, according to the Housing Institute, rose 9 percent"), "Housing Institute", "according-to"),
        ("According to the Housing Institute, rents rose 9 percent.", Some("rents rose 9 percent"), "Housing Institute", "according-to"),
        // an inverted speaker with a closing prepositional phrase, or a noun phrase
        ("The ferry will run again in June, said Ana Ortiz of the harbour board.", Some("The ferry will run again in June"), "Ana Ortiz", "indirect-after"),
        ("The ferry will run again in June, said a spokesman for the harbour board.", Some("The ferry will run again in June"), "a spokesman", "indirect-after"),
        ("Talks broke down after midnight, said one union source in the room.", Some("Talks broke down after midnight"), "one union source", "indirect-after"),
        // ... but not after a subject, where the phrase is the verb's object, nor a bare noun
        ("Ana Ortiz, the harbour master, noted the rule in her report.", Some("the rule in her report"), "Ana Ortiz", "indirect-said"),
        ("One after another, the mills, including Dunmore Steel, declared bankruptcy.", None, "", ""),
        // a quotation closing the sentence leaves the reported clause before its comma
        ("Mayor Ana Ortiz said the depot would open in May, adding, \u{201c}We are ready.\u{201d}", Some("the depot would open in May"), "Ana Ortiz", "indirect-said"),
        ("Mayor Ana Ortiz said the depot would open in May; \u{201c}come rain or shine.\u{201d}", Some("the depot would open in May"), "Ana Ortiz", "indirect-said"),
        // ... but the cue's circumstances before the comma are no clause
        ("Mayor Ana Ortiz said in a statement to the Courier, \u{201c}We are ready for the winter.\u{201d}", None, "", ""),
        ("Mayor Ana Ortiz said it, \u{201c}We are ready for the winter.\u{201d}", None, "", ""),
        // a group before a preposition speaks, not the name after it
        ("But this week, advisers to Mayor Ana Ortiz say, the depot has fallen behind.", Some("But this week, advisers to Mayor Ana Ortiz say, the depot has fallen behind"), "advisers to Mayor Ana Ortiz", "indirect-after"),
        ("A spokeswoman for Mayor Ana Ortiz said the depot would open in May.", Some("the depot would open in May"), "A spokeswoman for Mayor Ana Ortiz", "indirect-said"),
        // "New" opens a name before a capitalised word, though elsewhere a function word
        ("The New Harbour Courier reported that the depot would open in May.", Some("the depot would open in May"), "New Harbour Courier", "indirect-said"),
        ("New Hampton Mayor Ana Ortiz said the depot would open in May.", Some("the depot would open in May"), "Ana Ortiz", "indirect-said"),
        // a base form after "a"/"an" and one modifier is a noun
        ("Ohio, a swing state crucial to the race, will see a flood of new advertising.", None, "", ""),
        // a phrase opened by a preposition is no subject, nor is a modal verb
        ("After party aides worried about turnout among older voters, the campaign changed its message.", None, "", ""),
        ("Mayor Ana Ortiz spoke first. She believes we must help make up for the lost harvest, \u{201c}whatever it costs.\u{201d}", Some("we must help make up for the lost harvest"), "Ana Ortiz", "indirect-said"),
        // a party tag or a relative clause between the subject and the cue
        ("Rep. Ana Ortiz (D-Ore.), chair of the farm caucus, said the depot would open in May.", Some("the depot would open in May"), "Ana Ortiz", "indirect-said"),
        ("Sen. Tom Reilly (R-Ariz.), who leads the harbour panel, said the levy would hold.", Some("the levy would hold"), "Tom Reilly", "indirect-said"),
        ("The harbour master, who has run the port since 2009, said the ferry would run again in June.", Some("the ferry would run again in June"), "The harbour master", "indirect-said"),
        ("The harbour master, speaking to reporters at the quay, said the ferry would run again in June.", Some("the ferry would run again in June"), "The harbour master", "indirect-said"),
        ("The audit, published on Monday by the harbour board, said the depot was over budget.", Some("the depot was over budget"), "The audit", "indirect-said"),
        // a participle cue after a comma opens a clause of its own
        ("The engineer said the bridge was safe, adding that repairs would start in June.", Some("the bridge was safe"), "The engineer", "indirect-said"),
        // a source's relative clause after "according to" is no content
        ("According to the harbour board, which released the figures on Monday, 40 people were hurt.", Some("40 people were hurt"), "the harbour board", "according-to"),
        // a clause without a subject after the cue says when, not what
        ("\u{201c}It is too early to say,\u{201d} a spokeswoman for the board said when asked about the cost.", None, "", ""),
        // ... and the phrase after the cue, with its auxiliary, is the content's subject,
        // no inverted speaker
        ("Three of the councillors, including Vera Lind, said the levy would hold.", Some("the levy would hold"), "Three of the councillors", "indirect-said"),
        // a prepositional phrase closing the sentence is the cue's circumstances, no content
        ("\u{201c}We are ready,\u{201d} Mayor Ana Ortiz said in a phone interview.", None, "", ""),
        ("\u{201c}We have a deal,\u{201d} Prime Minister Anna Berg said after the meeting.", None, "", ""),
        // a dateline opens the sentence, not its subject
        ("LISBON (Reuters) - Prime Minister Rui Costa left the palace on Tuesday, saying the matter was closed.", Some("the matter was closed"), "Rui Costa", "indirect-said"),
        // a floating quantifier after the subject, and a short aside after a noun phrase
        ("The unions both said the deal was dead.", Some("the deal was dead"), "The unions", "indirect-said"),
        ("Officials all said the port would reopen.", Some("the port would reopen"), "Officials", "indirect-said"),
        ("The protesters, mostly students, said they would return on Saturday.", Some("they would return on Saturday"), "The protesters", "indirect-said"),
        ("The state\u{2019}s campaign chairman, Phil Lovas, said the count was fair.", Some("the count was fair"), "Phil Lovas", "indirect-said"),
        // "according to" opening the sentence: the source runs on to the comma
        ("According to a person familiar with the talks, the sticking point is pensions.", Some("the sticking point is pensions"), "a person familiar with the talks", "according-to"),
        ("According to two officials briefed on the plan, the army will withdraw.", Some("the army will withdraw"), "two officials briefed on the plan", "according-to"),
        // after "told", the hearer ends where the clause visibly starts
        ("Residents told the Herald they would fight the closure in court.", Some("they would fight the closure in court"), "Residents", "indirect-said"),
        ("Ana Reis told her supporters the fight was not over.", Some("the fight was not over"), "Ana Reis", "indirect-said"),
        ("Ana Reis told reporters Lima had lied about the costs.", Some("Lima had lied about the costs"), "Ana Reis", "indirect-said"),
        ("Ana Reis told her aides to find the money by Friday.", Some("to find the money by Friday"), "Ana Reis", "indirect-said"),
        ("Ana Reis told a meeting of Harbour Board members that the port would close.", Some("the port would close"), "Ana Reis", "indirect-said"),
        // "state" before a noun or a name is the adjective, no cue
        ("The levy will not hold, state officials said.", Some("The levy will not hold"), "state officials", "indirect-after"),
        ("Port workers joined the march, state Sen. Ana Ortiz among them.", None, "", ""),
        ("Federal and state inspectors closed the bridge on Monday.", None, "", ""),
    ];
    for (text, want, speaker, rule) in cases {
        let found = Attributor::new().attribute(text, &[]);
        let q = found.quotes.iter().find(|q| q.kind == QuoteKind::Indirect);
        assert_eq!(q.map(|q| &text[q.span.clone()]), *want, "content in {text:?}");
        if let Some(q) = q {
            assert_eq!(q.speaker.as_ref().map(|s| s.name.as_str()), Some(*speaker), "speaker in {text:?}");
            assert_eq!(q.rule.as_str(), *rule, "rule in {text:?}");
        }
    }
}

#[test]
fn a_cue_word_before_be_after_a_modifier_is_a_noun() {
    // (text, the cues of its indirect quotes)
    #[rustfmt::skip]
    let cases: &[(&str, &[&str])] = &[
        // "states" is the subject of "were", not a second cue with "the suing" as its speaker
        ("Ana Ortiz, head of the farm bureau, said the suing states were exaggerating the cost.", &["said"]),
        // after a pronoun the cue is a verb whose content is the "be" clause
        ("Tom Reilly spoke first. The pumps, which he said were new, failed in the flood.", &["said"]),
    ];
    for &(text, cues) in cases {
        let found = Attributor::new().attribute(text, &[]);
        let got: Vec<&str> = found
            .quotes
            .iter()
            .filter(|q| q.kind == QuoteKind::Indirect)
            .filter_map(|q| q.cue.as_ref().map(|c| &text[c.clone()]))
            .collect();
        assert_eq!(got, cues, "{text:?}");
    }
}

#[test]
fn a_group_opening_the_sentence_is_no_person() {
    #[rustfmt::skip]
    let cases: &[(&str, &str)] = &[
        ("Economists said the rise in prices would slow by the summer.", "Economists"),
        ("Officials said the bridge would reopen on Monday.", "Officials"),
        ("The port stayed shut. Residents said the water had reached their doors.", "Residents"),
        ("\u{201c}We have seen nothing like it,\u{201d} Analysts said in a note to clients.", "Analysts"),
    ];
    for &(text, group) in cases {
        let found = Attributor::new().attribute(text, &[]);
        let q = found.quotes.first().unwrap_or_else(|| panic!("no quote in {text:?}"));
        let speaker = q.speaker.as_ref().unwrap_or_else(|| panic!("no speaker in {text:?}"));
        assert_eq!(speaker.name, group, "{text:?}");
        let kind = found.people[speaker.person].kind;
        assert_ne!(kind, MentionKind::Person, "{group} in {text:?}");
    }
    // a name ending like a plural is still a name: "Sanders" is no group word
    let found = Attributor::new().attribute("Sanders said the plan would fail.", &[]);
    let speaker = found.quotes[0].speaker.as_ref().map(|s| found.people[s.person].kind);
    assert_eq!(speaker, Some(MentionKind::Person));
}

#[test]
fn and_inside_an_organisation_name_after_its_of() {
    #[rustfmt::skip]
    let cases: &[(&str, &str)] = &[
        // "and" after an organisation's "of" joins the name
        ("The Department of Health and Social Care said the wards would \u{201c}stay open all winter\u{201d}.", "Department of Health and Social Care"),
        ("The Union of Fishers and Dockers said the strike would \u{201c}go on until Friday\u{201d}.", "Union of Fishers and Dockers"),
        // a title after the "of" is part of the organisation's name, until a possessive
        ("The Ministry of Health and Justice said the wards would \u{201c}stay open\u{201d}.", "Ministry of Health and Justice"),
        ("The Bank of Dunmore's Governor Ana Ortiz said rates would \u{201c}stay where they are\u{201d}.", "Ana Ortiz"),
        // no organisation before the "of": two people, the nearer one speaks
        ("The nephew of Tom Reilly and Ana Ortiz said the house was \u{201c}never for sale\u{201d}.", "Ana Ortiz"),
    ];
    for &(text, want) in cases {
        let found = Attributor::new().attribute(text, &[]);
        let q = found.quotes.iter().find(|q| q.kind == QuoteKind::Partial).unwrap_or_else(|| panic!("{text:?}"));
        assert_eq!(q.speaker.as_ref().map(|s| s.name.as_str()), Some(want), "{text:?}");
    }
}
