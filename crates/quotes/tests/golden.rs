//! Golden tests: two articles written for copydesk in the style of wire news
//! copy, with every quote and its speaker as a table.

use copydesk_quotes::{Attributor, QuoteKind};

const HARBOR: &str = "Dockworkers walked off the job at the port of Valdera on Tuesday as a pay dispute spilled into the streets - but the harbor master insisted the port would stay open.

Harbor master Ines Calloway has said the strike was illegal and urged workers to return in a statement read outside the terminal. She said: \"The port is open. Ships will be unloaded. We need every crew back by morning.\"

Ms Calloway confronted the union's regional secretary - Mateo Brandt, who led the walkout - at the main gate, as shown in footage on local television. \"You are putting every family in this town at risk, and I will not allow it,\" Ms Calloway said.

Before the meeting, Mr Brandt told reporters at the gate: \"Nobody goes back until the offer is on paper; our members cannot live on promises.\" Mr Brandt said that \"for now\" he accepts Ms Calloway as the port's authority.

\"Every crane stops at noon,\" said the newly elected shop steward Lucia Ferrante. \"We're not asking for charity.\"

Calloway said the dispute had been \"damaging for a port that wants stability.\" She called the strike \"a gamble with other people's wages.\"";

const FLOODS: &str = "Rescue teams searched flooded villages in the Ardent valley on Sunday after two days of rain, and the region's governor called it \"the worst flood in living memory\".

Governor Paolo Renzi told reporters that he had \"immediately\" asked the capital for help. \"We need boats, not speeches,\" he added. \"Every hour counts for the families still on their roofs.\"

The national weather office warned that more rain was coming. Renzi said the army would arrive by Monday.

Elena Voss, a hydrologist at the Ardent River Trust, called the defences \"outdated and underfunded\". \"We warned about this for ten years,\" she said.

Mr Renzi praised the volunteers who \"worked through the night without rest.\"";

fn table(text: &str) -> Vec<(String, &'static str, Option<String>)> {
    Attributor::new()
        .attribute(text, &[])
        .quotes
        .into_iter()
        .filter(|q| q.kind != QuoteKind::Indirect)
        .map(|q| (text[q.span].to_string(), q.kind.as_str(), q.speaker.map(|s| s.name)))
        .collect()
}

fn check(text: &str, want: &[(&str, &str, Option<&str>)]) {
    let got = table(text);
    let got: Vec<(&str, &str, Option<&str>)> = got.iter().map(|(t, k, s)| (t.as_str(), *k, s.as_deref())).collect();
    assert_eq!(got, want);
}

#[test]
fn golden_harbor_strike() {
    check(
        HARBOR,
        &[
            (
                "The port is open. Ships will be unloaded. We need every crew back by morning.",
                "direct",
                Some("Ines Calloway"),
            ),
            (
                "You are putting every family in this town at risk, and I will not allow it,",
                "direct",
                Some("Ines Calloway"),
            ),
            (
                "Nobody goes back until the offer is on paper; our members cannot live on promises.",
                "direct",
                Some("Mateo Brandt"),
            ),
            ("for now", "partial", Some("Mateo Brandt")),
            ("Every crane stops at noon,", "direct", Some("Lucia Ferrante")),
            ("We're not asking for charity.", "direct", Some("Lucia Ferrante")),
            ("damaging for a port that wants stability.", "partial", Some("Ines Calloway")),
            ("a gamble with other people's wages.", "partial", Some("Ines Calloway")),
        ],
    );
}

#[test]
fn golden_valley_floods() {
    check(
        FLOODS,
        &[
            ("the worst flood in living memory", "partial", Some("the region's governor")),
            ("immediately", "partial", Some("Paolo Renzi")),
            ("We need boats, not speeches,", "direct", Some("Paolo Renzi")),
            ("Every hour counts for the families still on their roofs.", "direct", Some("Paolo Renzi")),
            ("outdated and underfunded", "partial", Some("Elena Voss")),
            ("We warned about this for ten years,", "direct", Some("Elena Voss")),
            ("worked through the night without rest.", "partial", Some("Paolo Renzi")),
        ],
    );
}
