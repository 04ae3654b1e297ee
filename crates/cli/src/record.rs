//! Reading one JSONL input record: only the id and text fields.
//!
//! A scraped corpus often carries more than the story in each record (HTML,
//! titles, URLs, metadata). Parsing the whole line into a `serde_json::Value`
//! builds a map and a string for every field only to throw them away; this
//! reader keeps the two fields the batch needs and skips the rest in place
//! (`IgnoredAny`), which also makes it cheaper on lines that hold nothing else.

use std::fmt;

use serde::de::{self, DeserializeSeed, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_json::Value;

/// What a line holds, once parsed as JSON.
#[derive(Debug, PartialEq)]
pub enum Record {
    /// A JSON value other than an object.
    NotObject,
    /// An object: its id field (if present) and what its text field holds.
    Object { id: Option<Value>, text: Text },
}

/// The text field of an object.
#[derive(Debug, PartialEq)]
pub enum Text {
    /// A string: the article.
    Str(String),
    /// Absent.
    Missing,
    /// Present but not a string; the JSON type, for the error message.
    Wrong(&'static str),
}

/// Parses one line. An error means the line is not JSON (or has trailing
/// characters after the value).
pub fn parse(bytes: &[u8], id_field: &str, text_field: &str) -> Result<Record, serde_json::Error> {
    let mut de = serde_json::Deserializer::from_slice(bytes);
    let record = RecordSeed { id_field, text_field }.deserialize(&mut de)?;
    de.end()?;
    Ok(record)
}

#[derive(Clone, Copy)]
struct RecordSeed<'f> {
    id_field: &'f str,
    text_field: &'f str,
}

impl<'de> DeserializeSeed<'de> for RecordSeed<'_> {
    type Value = Record;

    fn deserialize<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<Record, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for RecordSeed<'_> {
    type Value = Record;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Record, A::Error> {
        let (mut id, mut text) = (None, Text::Missing);
        // As with a JSON object read into a map, a repeated key's last value wins.
        while let Some(key) = map.next_key_seed(KeySeed(self))? {
            match key {
                Key::Id => id = Some(map.next_value::<Value>()?),
                Key::Text => text = map.next_value_seed(TextSeed)?,
                Key::Other => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        let id = id.filter(|v| !v.is_null());
        Ok(Record::Object { id, text })
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Record, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(Record::NotObject)
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Record, E> {
        Ok(Record::NotObject)
    }

    fn visit_i64<E: de::Error>(self, _: i64) -> Result<Record, E> {
        Ok(Record::NotObject)
    }

    fn visit_u64<E: de::Error>(self, _: u64) -> Result<Record, E> {
        Ok(Record::NotObject)
    }

    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Record, E> {
        Ok(Record::NotObject)
    }

    fn visit_str<E: de::Error>(self, _: &str) -> Result<Record, E> {
        Ok(Record::NotObject)
    }

    fn visit_unit<E: de::Error>(self) -> Result<Record, E> {
        Ok(Record::NotObject)
    }
}

enum Key {
    Id,
    Text,
    Other,
}

/// Reads a key and says which field it names, without keeping it.
struct KeySeed<'f>(RecordSeed<'f>);

impl<'de> DeserializeSeed<'de> for KeySeed<'_> {
    type Value = Key;

    fn deserialize<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<Key, D::Error> {
        deserializer.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for KeySeed<'_> {
    type Value = Key;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a field name")
    }

    fn visit_str<E: de::Error>(self, key: &str) -> Result<Key, E> {
        Ok(if key == self.0.text_field {
            Key::Text
        } else if key == self.0.id_field {
            Key::Id
        } else {
            Key::Other
        })
    }
}

/// Reads the text field: the string, or the name of the type it has instead.
struct TextSeed;

impl<'de> DeserializeSeed<'de> for TextSeed {
    type Value = Text;

    fn deserialize<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<Text, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for TextSeed {
    type Value = Text;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("the article's text")
    }

    fn visit_str<E: de::Error>(self, s: &str) -> Result<Text, E> {
        Ok(Text::Str(s.to_owned()))
    }

    fn visit_string<E: de::Error>(self, s: String) -> Result<Text, E> {
        Ok(Text::Str(s))
    }

    fn visit_unit<E: de::Error>(self) -> Result<Text, E> {
        Ok(Text::Wrong("null"))
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Text, E> {
        Ok(Text::Wrong("a boolean"))
    }

    fn visit_i64<E: de::Error>(self, _: i64) -> Result<Text, E> {
        Ok(Text::Wrong("a number"))
    }

    fn visit_u64<E: de::Error>(self, _: u64) -> Result<Text, E> {
        Ok(Text::Wrong("a number"))
    }

    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Text, E> {
        Ok(Text::Wrong("a number"))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Text, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(Text::Wrong("an array"))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Text, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(Text::Wrong("an object"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn obj(id: Option<Value>, text: Text) -> Record {
        Record::Object { id, text }
    }

    fn s(t: &str) -> Text {
        Text::Str(t.to_string())
    }

    #[test]
    fn records() {
        #[rustfmt::skip]
        let cases: &[(&str, Result<Record, ()>)] = &[
            (r#"{"id": 7, "text": "Story."}"#,                    Ok(obj(Some(json!(7)), s("Story.")))),
            (r#"{"text": "a\nb \u00e9", "id": "x"}"#,             Ok(obj(Some(json!("x")), s("a\nb é")))),
            (r#"{"text": "Story."}"#,                             Ok(obj(None, s("Story.")))),
            (r#"{"id": null, "text": "Story."}"#,                 Ok(obj(None, s("Story.")))),
            (r#"{"id": {"a": [1]}, "text": "S"}"#,                Ok(obj(Some(json!({"a": [1]})), s("S")))),
            (r#"{"html": "<p>x</p>", "meta": {"t": [1, {"u": null}]}, "text": "S"}"#, Ok(obj(None, s("S")))),
            (r#"{"text": "first", "text": "last"}"#,              Ok(obj(None, s("last")))),
            (r#"{"id": 1}"#,                                      Ok(obj(Some(json!(1)), Text::Missing))),
            (r#"{"text": 42}"#,                                   Ok(obj(None, Text::Wrong("a number")))),
            (r#"{"text": null}"#,                                 Ok(obj(None, Text::Wrong("null")))),
            (r#"{"text": ["a"]}"#,                                Ok(obj(None, Text::Wrong("an array")))),
            (r#"{"text": {"body": "a"}}"#,                        Ok(obj(None, Text::Wrong("an object")))),
            (r#"{"text": true}"#,                                 Ok(obj(None, Text::Wrong("a boolean")))),
            (r#"[1, 2, 3]"#,                                      Ok(Record::NotObject)),
            (r#""just a string""#,                                Ok(Record::NotObject)),
            (r#"null"#,                                           Ok(Record::NotObject)),
            (r#"{"id": 1, "text": "#,                             Err(())),
            (r#"{"text": "a"} trailing"#,                         Err(())),
            (r#"{"text": "a",}"#,                                 Err(())),
            (r#"{"text": "bad \x escape"}"#,                      Err(())),
        ];
        for (line, want) in cases {
            let got = parse(line.as_bytes(), "id", "text").map_err(|_| ());
            assert_eq!(&got, want, "{line}");
        }
    }

    #[test]
    fn field_names_are_settings() {
        let got = parse(br#"{"key": "k1", "body": "Story.", "text": "not this"}"#, "key", "body").unwrap();
        assert_eq!(got, obj(Some(json!("k1")), s("Story.")));
    }
}
