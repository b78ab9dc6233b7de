//! `postlint batch` and `postlint tokens`: JSONL in, JSONL out, exactly one
//! output line per input line, in order; a bad line (blank, not JSON, no
//! string `text`, invalid UTF-8) becomes an error object in its place, so
//! output line N always answers input line N. A last line without a trailing
//! newline is a line; an empty input gives no output.

use std::io::{BufRead, BufReader, Read, Write};

use postlint::{
    Context, Diagnostic, Evidence, Labels, Language, Length, Linter, OffsetUnit, Scores, TokenView,
};
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use serde_json::Value;

/// An id, echoed as the input wrote it: through a `Value`, a number such as
/// `1.5555555555555555e87` or `123456789012345678901234` came back altered.
type Id = Box<RawValue>;

#[derive(Serialize)]
struct Line<'a> {
    id: &'a RawValue,
    scores: Scores,
    labels: Labels,
    language: Language,
    diagnostics: Vec<Diagnostic>,
    #[serde(skip_serializing_if = "Option::is_none")]
    evidence: Option<Vec<Evidence>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    length: Option<Length>,
}

#[derive(Serialize)]
struct TokensLine<'a> {
    id: &'a RawValue,
    tokens: Vec<TokenView<'a>>,
}

#[derive(Serialize)]
struct Failure<'a> {
    id: &'a RawValue,
    line: usize,
    error: String,
}

/// Lints every line; returns how many lines failed.
pub fn run(
    linter: &Linter,
    input: impl Read,
    out: &mut impl Write,
    unit: OffsetUnit,
    explain: bool,
) -> std::io::Result<usize> {
    run_with(linter, input, out, unit, explain, |_| {})
}

/// [`run`], calling `on_line` with the number of lines done after each line
/// (for a progress display).
pub fn run_with(
    linter: &Linter,
    input: impl Read,
    out: &mut impl Write,
    unit: OffsetUnit,
    explain: bool,
    on_line: impl FnMut(usize),
) -> std::io::Result<usize> {
    for_each_line(
        input,
        out,
        |id, text, ctx, out| {
            let report = linter.analyze_with(text, ctx).with_offsets(text, unit);
            let line = Line {
                id,
                scores: report.scores,
                labels: report.labels,
                language: report.language,
                diagnostics: report.diagnostics,
                evidence: explain.then_some(report.evidence),
                length: report.length,
            };
            serde_json::to_writer(out, &line).map_err(std::io::Error::from)
        },
        on_line,
    )
}

/// `postlint tokens`: each line's tokens, offsets in `unit`; returns how
/// many lines failed.
pub fn tokens(input: impl Read, out: &mut impl Write, unit: OffsetUnit) -> std::io::Result<usize> {
    for_each_line(
        input,
        out,
        |id, text, _ctx, out| {
            let line = TokensLine {
                id,
                tokens: postlint::tokens_in(text, unit),
            };
            serde_json::to_writer(out, &line).map_err(std::io::Error::from)
        },
        |_| {},
    )
}

/// Reads JSONL `{"id", "text"}` lines and writes one line per input line:
/// `answer`'s JSON for a good line, an `{"id", "line", "error"}` object for a
/// bad one; `on_line` hears how many lines are done after each. Returns how
/// many lines failed.
fn for_each_line<W: Write>(
    input: impl Read,
    out: &mut W,
    mut answer: impl FnMut(
        &RawValue,
        &str,
        &Context,
        &mut std::io::BufWriter<&mut W>,
    ) -> std::io::Result<()>,
    mut on_line: impl FnMut(usize),
) -> std::io::Result<usize> {
    let mut reader = BufReader::with_capacity(1 << 16, input);
    let mut out = std::io::BufWriter::with_capacity(1 << 16, out);
    let mut buf = Vec::new();
    let mut line_no = 0;
    let mut failed = 0;
    loop {
        buf.clear();
        if reader.read_until(b'\n', &mut buf)? == 0 {
            break;
        }
        line_no += 1;
        match parse(&buf) {
            Ok((id, text, reply)) => answer(&id, &text, &Context { reply }, &mut out)?,
            Err((id, error)) => {
                failed += 1;
                // Not eprintln!: that panics when stderr is a closed pipe.
                let _ = writeln!(std::io::stderr(), "postlint: line {line_no}: {error}");
                let f = Failure {
                    id: &id,
                    line: line_no,
                    error,
                };
                serde_json::to_writer(&mut out, &f)?;
            }
        }
        out.write_all(b"\n")?;
        on_line(line_no);
    }
    out.flush()?;
    Ok(failed)
}

/// The `id` of a JSON object line as written. With a duplicated key the
/// last one counts, as in the parsed line (re-printing a parsed number
/// instead would change it: 1.5555555555555555e87 comes back ...58e87).
struct RawId<'a> {
    id: Option<&'a RawValue>,
}

impl<'de> Deserialize<'de> for RawId<'de> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Fields;
        impl<'de> serde::de::Visitor<'de> for Fields {
            type Value = RawId<'de>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a JSON object")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<RawId<'de>, A::Error> {
                let mut id = None;
                while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
                    if key == "id" {
                        id = Some(map.next_value::<&'de RawValue>()?);
                    } else {
                        map.next_value::<serde::de::IgnoredAny>()?;
                    }
                }
                Ok(RawId { id })
            }
        }
        d.deserialize_map(Fields)
    }
}

/// The JSON `null`.
fn null_id() -> Id {
    RawValue::from_string("null".to_owned()).expect("null is JSON")
}

/// The `id` of `line` exactly as written, or `fallback` (the id as parsed)
/// when the line cannot be read for it.
fn id_of(line: &str, fallback: &Value) -> Id {
    match serde_json::from_str::<RawId>(line) {
        Ok(RawId { id: Some(raw) }) => raw.to_owned(),
        _ => serde_json::value::to_raw_value(fallback).unwrap_or_else(|_| null_id()),
    }
}

/// The id, text and reply flag (an optional boolean `"reply"`) of one line,
/// or the id (null when unknown) and an error.
fn parse(raw: &[u8]) -> Result<(Id, String, bool), (Id, String)> {
    let trimmed = raw.strip_suffix(b"\n").unwrap_or(raw);
    let trimmed = trimmed.strip_suffix(b"\r").unwrap_or(trimmed);
    if trimmed.iter().all(u8::is_ascii_whitespace) {
        return Err((null_id(), "empty line".to_owned()));
    }
    let line = match std::str::from_utf8(trimmed) {
        Ok(s) => s,
        Err(e) => {
            // Still try to recover the id for the error line.
            let lossy = String::from_utf8_lossy(trimmed);
            let id = serde_json::from_str::<Value>(&lossy)
                .ok()
                .and_then(|v| v.get("id").cloned())
                .unwrap_or(Value::Null);
            let id = if id.is_null() {
                null_id()
            } else {
                id_of(&lossy, &id)
            };
            return Err((id, format!("invalid UTF-8 at byte {}", e.valid_up_to())));
        }
    };
    let value: Value =
        serde_json::from_str(line).map_err(|e| (null_id(), format!("invalid JSON: {e}")))?;
    let Value::Object(mut obj) = value else {
        return Err((
            null_id(),
            "expected a JSON object with a \"text\" field".to_owned(),
        ));
    };
    let id = id_of(line, obj.get("id").unwrap_or(&Value::Null));
    let reply = match obj.get("reply") {
        None | Some(Value::Null) => false,
        Some(Value::Bool(b)) => *b,
        Some(other) => {
            return Err((
                id,
                format!("\"reply\" must be a boolean, not {}", kind(other)),
            ))
        }
    };
    match obj.remove("text") {
        Some(Value::String(text)) => Ok((id, text, reply)),
        Some(other) => Err((
            id,
            format!("\"text\" must be a string, not {}", kind(&other)),
        )),
        None => Err((id, "missing \"text\" field".to_owned())),
    }
}

fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}
