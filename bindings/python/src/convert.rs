//! Type conversions between Python objects and the core's Rust types.
//!
//! No offset arithmetic happens here (or anywhere in this crate): spans are
//! converted by the core's `Report::with_offsets`.

use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyFloat, PyInt, PyList, PyMapping, PyString, PyTuple};
use serde_json::{Map, Number, Value};

use crate::errors::{Error, Result};

/// The text of a Python `str` as a Rust `String` with exactly one `char` per
/// Python code point.
///
/// A lone surrogate (`"\ud800"`, which has no UTF-8 form) becomes one U+FFFD
/// REPLACEMENT CHARACTER, so code-point offsets computed on the result index
/// the original Python string unchanged. (pyo3's `to_string_lossy` would give
/// three U+FFFD per surrogate, shifting every later offset.)
pub fn text_of(s: &Bound<'_, PyString>) -> Result<String> {
    match s.to_cow() {
        Ok(cow) => Ok(cow.into_owned()),
        Err(_) => {
            // Only lone surrogates make the strict encoding fail. Encode them
            // as the 3-byte sequences "surrogatepass" produces, then replace
            // each such sequence by one U+FFFD.
            let bytes = s.call_method1("encode", ("utf-8", "surrogatepass"))?;
            let bytes = bytes.cast::<pyo3::types::PyBytes>().map_err(PyErr::from)?;
            Ok(decode_surrogatepass(bytes.as_bytes()))
        }
    }
}

/// Decodes UTF-8 in which surrogate code points may appear encoded as three
/// bytes (`ED A0..BF 80..BF`), replacing each one with a single U+FFFD.
pub fn decode_surrogatepass(mut bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len());
    loop {
        match std::str::from_utf8(bytes) {
            Ok(s) => {
                out.push_str(s);
                return out;
            }
            Err(e) => {
                let (valid, rest) = bytes.split_at(e.valid_up_to());
                out.push_str(std::str::from_utf8(valid).unwrap_or_default());
                out.push('\u{FFFD}');
                let surrogate = rest.len() >= 3
                    && rest[0] == 0xED
                    && (0xA0..=0xBF).contains(&rest[1])
                    && (0x80..=0xBF).contains(&rest[2]);
                let skip = if surrogate {
                    3
                } else {
                    e.error_len().unwrap_or(rest.len()).max(1)
                };
                bytes = &rest[skip.min(rest.len())..];
            }
        }
    }
}

/// The text argument `what` (e.g. `text`, `texts[3]`): must be a `str`.
pub fn extract_text(obj: &Bound<'_, PyAny>, what: impl FnOnce() -> String) -> Result<String> {
    match obj.cast::<PyString>() {
        Ok(s) => text_of(s),
        Err(_) => Err(Error::wrong_type(what(), "str", obj)),
    }
}

/// Every item of an iterable of `str`, both as the original Python objects
/// (kept for `Report.text`) and as Rust strings.
pub fn extract_texts<'py>(
    texts: &Bound<'py, PyAny>,
) -> Result<(Vec<Bound<'py, PyString>>, Vec<String>)> {
    if texts.is_instance_of::<PyString>() {
        // Iterating a str would lint each character: almost surely a mistake.
        return Err(Error::wrong_type(
            "texts",
            "an iterable of str (for one text use analyze())",
            texts,
        ));
    }
    let iter = texts
        .try_iter()
        .map_err(|_| Error::wrong_type("texts", "an iterable of str", texts))?;
    let hint = texts.len().unwrap_or(0);
    let mut objs = Vec::with_capacity(hint);
    let mut strings = Vec::with_capacity(hint);
    for (i, item) in iter.enumerate() {
        let item = item?;
        let s = extract_text(&item, || format!("texts[{i}]"))?;
        objs.push(item.cast_into::<PyString>().map_err(PyErr::from)?);
        strings.push(s);
    }
    Ok((objs, strings))
}

/// A Python config (a mapping, or None) as the JSON value the core reads.
///
/// Values that JSON cannot hold (sets, NaN, non-str keys, ...) are reported
/// as [`postlint::ConfigError`]s naming their key, like the core's own.
pub fn config_value(config: Option<&Bound<'_, PyAny>>) -> Result<Value> {
    let Some(config) = config else {
        return Ok(Value::Null);
    };
    if config.is_none() {
        return Ok(Value::Null);
    }
    if config.cast::<PyMapping>().is_err() {
        return Err(Error::wrong_type("config", "a dict or None", config));
    }
    to_json(config, "", 0)
}

/// How deep a config may nest. A real one is three levels deep; the limit
/// stops a self-containing list (`l.append(l)`) or a hostile nesting from
/// overflowing the stack, which would kill the Python process.
const MAX_DEPTH: usize = 32;

fn join_key(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_owned()
    } else {
        format!("{path}.{key}")
    }
}

fn to_json(obj: &Bound<'_, PyAny>, path: &str, depth: usize) -> Result<Value> {
    let here = || {
        if path.is_empty() {
            "config".to_owned()
        } else {
            path.to_owned()
        }
    };
    if depth > MAX_DEPTH {
        return Err(Error::config_key(
            here(),
            format!("nested more than {MAX_DEPTH} levels deep (does it contain itself?)"),
        ));
    }
    if obj.is_none() {
        return Ok(Value::Null);
    }
    if let Ok(b) = obj.cast::<PyBool>() {
        return Ok(Value::Bool(b.is_true()));
    }
    if obj.is_instance_of::<PyInt>() {
        if let Ok(i) = obj.extract::<i64>() {
            return Ok(Value::from(i));
        }
        if let Ok(u) = obj.extract::<u64>() {
            return Ok(Value::from(u));
        }
        return Err(Error::config_key(here(), "integer out of range"));
    }
    if let Ok(f) = obj.cast::<PyFloat>() {
        return Number::from_f64(f.value())
            .map(Value::Number)
            .ok_or_else(|| Error::config_key(here(), "must be a finite number"));
    }
    if let Ok(s) = obj.cast::<PyString>() {
        return Ok(Value::String(text_of(s)?));
    }
    if obj.is_instance_of::<PyList>() || obj.is_instance_of::<PyTuple>() {
        let mut items = Vec::new();
        for (i, item) in obj.try_iter()?.enumerate() {
            items.push(to_json(&item?, &format!("{path}[{i}]"), depth + 1)?);
        }
        return Ok(Value::Array(items));
    }
    if let Ok(m) = obj.cast::<PyMapping>() {
        let mut map = Map::new();
        for item in m.items()?.iter() {
            let (k, v): (Bound<'_, PyAny>, Bound<'_, PyAny>) = item.extract()?;
            let Ok(k) = k.cast::<PyString>() else {
                let shown = k.repr().map(|r| r.to_string()).unwrap_or_default();
                return Err(Error::config_key(
                    join_key(path, &shown),
                    "keys must be str",
                ));
            };
            let k = text_of(k)?;
            let v = to_json(&v, &join_key(path, &k), depth + 1)?;
            map.insert(k, v);
        }
        return Ok(Value::Object(map));
    }
    let got = obj
        .get_type()
        .name()
        .map(|n| n.to_string())
        .unwrap_or_default();
    Err(Error::config_key(
        here(),
        format!("unsupported value of type {got} (use str, int, float, bool, list or dict)"),
    ))
}

/// A JSON value as plain Python objects (dict, list, str, int, float, bool, None).
pub fn to_py<'py>(py: Python<'py>, value: &Value) -> PyResult<Bound<'py, PyAny>> {
    Ok(match value {
        Value::Null => py.None().into_bound(py),
        Value::Bool(b) => PyBool::new(py, *b).to_owned().into_any(),
        Value::Number(n) => {
            if let Some(i) = n.as_i64() {
                i.into_pyobject(py)?.into_any()
            } else if let Some(u) = n.as_u64() {
                u.into_pyobject(py)?.into_any()
            } else {
                PyFloat::new(py, n.as_f64().unwrap_or(f64::NAN)).into_any()
            }
        }
        Value::String(s) => PyString::new(py, s).into_any(),
        Value::Array(items) => {
            let list = PyList::empty(py);
            for item in items {
                list.append(to_py(py, item)?)?;
            }
            list.into_any()
        }
        Value::Object(map) => {
            let dict = PyDict::new(py);
            for (k, v) in map {
                dict.set_item(k, to_py(py, v)?)?;
            }
            dict.into_any()
        }
    })
}

#[cfg(test)]
mod tests {
    use super::decode_surrogatepass;

    #[test]
    fn one_replacement_per_surrogate() {
        // "a" + U+D800 + "é" + U+DFFF, as Python's surrogatepass encodes it.
        let bytes = b"a\xed\xa0\x80\xc3\xa9\xed\xbf\xbf";
        let s = decode_surrogatepass(bytes);
        assert_eq!(s, "a\u{FFFD}é\u{FFFD}");
        assert_eq!(s.chars().count(), 4);
    }

    #[test]
    fn valid_utf8_is_unchanged() {
        let text = "plain 👍🏽 text 🇫🇷";
        assert_eq!(decode_surrogatepass(text.as_bytes()), text);
    }

    #[test]
    fn other_garbage_still_terminates() {
        assert_eq!(
            decode_surrogatepass(b"\xff\xed\xa0"),
            "\u{FFFD}\u{FFFD}\u{FFFD}"
        );
    }
}
