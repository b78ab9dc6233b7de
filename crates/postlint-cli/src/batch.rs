//! `postlint batch`: JSONL in, JSONL out, exactly one output line per input
//! line, in order; a bad line (blank, not JSON, no string `text`, invalid
//! UTF-8) becomes an error object in its place, so output line N always
//! answers input line N. A last line without a trailing newline is a line;
//! an empty input gives no output.

use std::io::{BufRead, BufReader, Read, Write};

use postlint::{Diagnostic, Evidence, Labels, Linter, OffsetUnit, Scores};
use serde::Serialize;
use serde_json::Value;

#[derive(Serialize)]
struct Line<'a> {
    id: &'a Value,
    scores: Scores,
    labels: Labels,
    diagnostics: Vec<Diagnostic>,
    #[serde(skip_serializing_if = "Option::is_none")]
    evidence: Option<Vec<Evidence>>,
}

#[derive(Serialize)]
struct Failure<'a> {
    id: &'a Value,
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
            Ok((id, text)) => {
                let report = linter.analyze(&text).with_offsets(&text, unit);
                let line = Line {
                    id: &id,
                    scores: report.scores,
                    labels: report.labels,
                    diagnostics: report.diagnostics,
                    evidence: explain.then_some(report.evidence),
                };
                serde_json::to_writer(&mut out, &line)?;
            }
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
    }
    out.flush()?;
    Ok(failed)
}

/// The id and text of one line, or the id (null when unknown) and an error.
fn parse(raw: &[u8]) -> Result<(Value, String), (Value, String)> {
    let trimmed = raw.strip_suffix(b"\n").unwrap_or(raw);
    let trimmed = trimmed.strip_suffix(b"\r").unwrap_or(trimmed);
    if trimmed.iter().all(u8::is_ascii_whitespace) {
        return Err((Value::Null, "empty line".to_owned()));
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
            return Err((id, format!("invalid UTF-8 at byte {}", e.valid_up_to())));
        }
    };
    let value: Value =
        serde_json::from_str(line).map_err(|e| (Value::Null, format!("invalid JSON: {e}")))?;
    let Value::Object(mut obj) = value else {
        return Err((
            Value::Null,
            "expected a JSON object with a \"text\" field".to_owned(),
        ));
    };
    let id = obj.remove("id").unwrap_or(Value::Null);
    match obj.remove("text") {
        Some(Value::String(text)) => Ok((id, text)),
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
