//! Decoding one JSON Lines record straight into an article's fields.
//!
//! Most records are flat objects of strings: those are decoded by a small
//! scanner that finds the ends of strings with `memchr` and copies the text
//! between escapes in one piece. Anything else (numbers, booleans, nested
//! values, raw control characters, malformed JSON) goes to serde_json, which
//! decodes the same records to the same fields and words every error
//! message. Both apply each key and value through [`ParsedRecord::set`].

use serde::de::DeserializeSeed;
use serde_json::{Map, Value};

use super::{Column, FieldMap};

/// A JSON Lines record read straight into the article's fields (no
/// intermediate map): the known fields by the [`FieldMap`], the rest kept as
/// extra fields in input order.
#[derive(Debug, Default, PartialEq)]
pub(super) struct ParsedRecord {
    pub(super) id: Option<String>,
    pub(super) source: Option<String>,
    pub(super) published: Option<String>,
    pub(super) title: Option<String>,
    pub(super) text: Option<String>,
    pub(super) url: Option<String>,
    pub(super) extra: Map<String, Value>,
}

/// Decodes one record; the error is the problem as reported to the user.
pub(super) fn parse_record(line: &str, fields: &FieldMap) -> Result<ParsedRecord, String> {
    if let Some(record) = flat_record(line, fields) {
        return Ok(record);
    }
    let mut de = serde_json::Deserializer::from_str(line);
    RecordSeed { fields }
        .deserialize(&mut de)
        .and_then(|parsed| de.end().map(|()| parsed))
        .map_err(|e| {
            let message = e.to_string();
            match e.classify() {
                serde_json::error::Category::Data if message.starts_with("field '") => {
                    // Our own message; drop serde_json's position suffix.
                    message
                        .split(" at line ")
                        .next()
                        .unwrap_or(&message)
                        .to_string()
                }
                serde_json::error::Category::Data => "expected a JSON object".to_string(),
                _ => format!("not valid JSON: {message}"),
            }
        })
}

/// Which article field a key of the record holds: one of the known
/// columns, or an extra field kept under its key.
enum Slot {
    Known(Column),
    Extra(String),
}

impl Slot {
    fn of(key: &str, fields: &FieldMap) -> Slot {
        match Column::of(key, fields) {
            Column::Extra => Slot::Extra(key.to_string()),
            known => Slot::Known(known),
        }
    }
}

impl ParsedRecord {
    /// Stores the value of one key (a later repeat of a key wins); the
    /// error says which field has a value of the wrong type.
    fn set(&mut self, slot: Slot, value: Value, fields: &FieldMap) -> Result<(), String> {
        let (target, name) = match slot {
            Slot::Extra(key) => {
                self.extra.insert(key, value);
                return Ok(());
            }
            Slot::Known(Column::Text) => {
                self.text = match value {
                    Value::Null => Some(String::new()),
                    Value::String(body) => Some(body),
                    _ => return Err(format!("field '{}' is not a string", fields.text)),
                };
                return Ok(());
            }
            Slot::Known(Column::Id) => (&mut self.id, &fields.id),
            Slot::Known(Column::Source) => (&mut self.source, &fields.source),
            Slot::Known(Column::Published) => (&mut self.published, &fields.published),
            Slot::Known(Column::Title) => (&mut self.title, &fields.title),
            Slot::Known(Column::Url) => (&mut self.url, &fields.url),
            Slot::Known(Column::Extra) => unreachable!("Slot::of keeps extras' keys"),
        };
        *target = match value {
            Value::Null => None,
            Value::String(s) => Some(s),
            Value::Number(n) => Some(n.to_string()),
            Value::Bool(b) => Some(b.to_string()),
            _ => return Err(format!("field '{name}' is not a string")),
        };
        Ok(())
    }
}

/// Decodes a record that is one flat object whose values are strings or
/// `null`, with no raw control character inside it; `None` for anything
/// else, which serde_json then decodes (or rejects).
fn flat_record(line: &str, fields: &FieldMap) -> Option<ParsedRecord> {
    let json_space = |c: char| matches!(c, ' ' | '\t' | '\n' | '\r');
    let body = line.trim_matches(json_space);
    if has_control_byte(body.as_bytes()) {
        return None;
    }
    let mut scan = Flat { text: body, at: 0 };
    let mut record = ParsedRecord::default();
    scan.eat(b'{')?;
    scan.skip_spaces();
    if scan.eat(b'}').is_none() {
        loop {
            let key = scan.string()?;
            scan.skip_spaces();
            scan.eat(b':')?;
            scan.skip_spaces();
            let value = match scan.peek()? {
                b'"' => Value::String(scan.string()?),
                b'n' => {
                    scan.literal("null")?;
                    Value::Null
                }
                _ => return None,
            };
            record.set(Slot::of(&key, fields), value, fields).ok()?;
            scan.skip_spaces();
            if scan.eat(b',').is_some() {
                scan.skip_spaces();
            } else {
                scan.eat(b'}')?;
                break;
            }
        }
    }
    (scan.at == body.len()).then_some(record)
}

/// Whether `bytes` holds a byte below 0x20 (JSON allows none inside strings;
/// between tokens the scanner accepts only spaces). Checked 32 bytes at a
/// time, a loop the compiler vectorizes.
fn has_control_byte(bytes: &[u8]) -> bool {
    bytes
        .chunks(32)
        .any(|chunk| chunk.iter().fold(false, |any, &b| any | (b < 0x20)))
}

/// A position in the text of a flat record.
struct Flat<'a> {
    text: &'a str,
    at: usize,
}

impl Flat<'_> {
    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.at).copied()
    }

    fn eat(&mut self, byte: u8) -> Option<()> {
        (self.peek()? == byte).then(|| self.at += 1)
    }

    fn skip_spaces(&mut self) {
        while self.peek() == Some(b' ') {
            self.at += 1;
        }
    }

    fn literal(&mut self, word: &str) -> Option<()> {
        self.text[self.at..].starts_with(word).then(|| {
            self.at += word.len();
        })
    }

    /// A string from its opening quote, escapes decoded. Text between
    /// escapes is copied in one piece: it ends at an ASCII quote or
    /// backslash, so on a character boundary.
    fn string(&mut self) -> Option<String> {
        self.eat(b'"')?;
        let bytes = self.text.as_bytes();
        let mut out = String::new();
        loop {
            let run = memchr::memchr2(b'"', b'\\', &bytes[self.at..])?;
            let piece = &self.text[self.at..self.at + run];
            self.at += run;
            if bytes[self.at] == b'"' {
                self.at += 1;
                if out.is_empty() {
                    return Some(piece.to_string());
                }
                out.push_str(piece);
                return Some(out);
            }
            if out.is_empty() {
                // Escapes ahead: room for the rest of the line at most.
                out.reserve(run + (bytes.len() - self.at));
            }
            out.push_str(piece);
            out.push(self.escape()?);
        }
    }

    /// The character of the escape at the backslash under the cursor.
    fn escape(&mut self) -> Option<char> {
        let bytes = self.text.as_bytes();
        let c = match *bytes.get(self.at + 1)? {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => {
                let unit = self.hex4(self.at + 2)?;
                self.at += 6;
                return match unit {
                    0xd800..=0xdbff => {
                        // A leading surrogate needs its trailing half.
                        if bytes.get(self.at..self.at + 2) != Some(b"\\u") {
                            return None;
                        }
                        let low = self.hex4(self.at + 2)?;
                        if !(0xdc00..=0xdfff).contains(&low) {
                            return None;
                        }
                        self.at += 6;
                        char::from_u32(0x10000 + ((unit - 0xd800) << 10) + (low - 0xdc00))
                    }
                    _ => char::from_u32(unit),
                };
            }
            _ => return None,
        };
        self.at += 2;
        Some(c)
    }

    /// Four hexadecimal digits at `at`.
    fn hex4(&self, at: usize) -> Option<u32> {
        let digits = self.text.get(at..at + 4)?;
        if !digits.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        u32::from_str_radix(digits, 16).ok()
    }
}

struct RecordSeed<'f> {
    fields: &'f FieldMap,
}

impl<'de> DeserializeSeed<'de> for RecordSeed<'_> {
    type Value = ParsedRecord;

    fn deserialize<D: serde::Deserializer<'de>>(
        self,
        deserializer: D,
    ) -> Result<ParsedRecord, D::Error> {
        deserializer.deserialize_map(self)
    }
}

impl<'de> serde::de::Visitor<'de> for RecordSeed<'_> {
    type Value = ParsedRecord;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a JSON object")
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<ParsedRecord, A::Error> {
        use serde::de::Error as _;
        let fields = self.fields;
        let mut record = ParsedRecord::default();
        while let Some(slot) = map.next_key_seed(KeySeed { fields })? {
            let value: Value = map.next_value()?;
            record.set(slot, value, fields).map_err(A::Error::custom)?;
        }
        Ok(record)
    }
}

/// Reads a key and tells which field it is, without allocating for known
/// fields.
struct KeySeed<'f> {
    fields: &'f FieldMap,
}

impl<'de> DeserializeSeed<'de> for KeySeed<'_> {
    type Value = Slot;

    fn deserialize<D: serde::Deserializer<'de>>(self, deserializer: D) -> Result<Slot, D::Error> {
        deserializer.deserialize_str(self)
    }
}

impl serde::de::Visitor<'_> for KeySeed<'_> {
    type Value = Slot;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a field name")
    }

    fn visit_str<E: serde::de::Error>(self, key: &str) -> Result<Slot, E> {
        Ok(Slot::of(key, self.fields))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The serde_json decoding alone, the reference for the flat scanner.
    fn by_serde(line: &str, fields: &FieldMap) -> Result<ParsedRecord, String> {
        let mut de = serde_json::Deserializer::from_str(line);
        RecordSeed { fields }
            .deserialize(&mut de)
            .and_then(|parsed| de.end().map(|()| parsed))
            .map_err(|e| e.to_string())
    }

    #[test]
    fn flat_records_decode_as_serde_json_decodes_them() {
        let fields = FieldMap::default();
        let flat = [
            r#"{"id": "a1", "source": "AFP", "title": "T", "text": "Body", "url": "u"}"#,
            "{\"text\":\"line\\nbreak \\\"quoted\\\" back\\\\slash \\/ \\b\\f\\r\\t\"}\n",
            r#"  {"text" : "caf\u00e9 \u2019 \uD83D\uDE00 \u0041"  ,  "lang": "en"}  "#,
            r#"{"text": "curly ’quotes’ — and é raw", "extra": null}"#,
            r#"{"text": null, "id": null, "title": ""}"#,
            r#"{"text": "first", "text": "second", "x": "1", "y": "2", "x": "3"}"#,
            r#"{"te\u0078t": "escaped key"}"#,
            r#"{}"#,
            r#"{"id": "only"}"#,
            "{\"text\": \"tab\\tinside\"}\r\n",
        ];
        for line in flat {
            let got = flat_record(line, &fields);
            assert!(got.is_some(), "the flat scanner declined {line:?}");
            assert_eq!(got.map(Ok), Some(by_serde(line, &fields)), "{line:?}");
        }
    }

    #[test]
    fn everything_else_is_left_to_serde_json() {
        let fields = FieldMap::default();
        let other = [
            r#"{"id": 7, "text": "number"}"#,
            r#"{"text": "x", "tags": ["a"]}"#,
            r#"{"text": "x", "meta": {"a": "b"}}"#,
            r#"{"text": true}"#,
            "{\"text\": \"raw\ttab\"}",
            "{\"text\":\t\"tab between tokens\"}",
            r#"{"text": "lone \uD83D surrogate"}"#,
            r#"{"text": "lone \uDE00 trailing"}"#,
            r#"{"text": "bad \x escape"}"#,
            r#"{"text": "bad \u12G4 hex"}"#,
            r#"{"text": "unterminated}"#,
            r#"{"text": "x",}"#,
            r#"{"text": "x"} trailing"#,
            r#"{"text": "x" "id": "y"}"#,
            r#"["text", "x"]"#,
            r#"{"text": nul}"#,
            "",
            "not json",
        ];
        for line in other {
            assert_eq!(flat_record(line, &fields), None, "{line:?}");
        }
    }

    #[test]
    fn control_bytes_are_found_in_any_chunk() {
        for at in [0, 1, 31, 32, 33, 63, 64, 100] {
            let mut bytes = vec![b'a'; 101];
            assert!(!has_control_byte(&bytes));
            bytes[at] = 0x1f;
            assert!(has_control_byte(&bytes), "at {at}");
        }
    }
}
