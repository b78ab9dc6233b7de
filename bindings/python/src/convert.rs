//! Type conversions between Python objects and the core's Rust types.
//!
//! No offset arithmetic happens here (or anywhere in this crate): spans are
//! converted by the core's `Report::with_offsets`.

use std::cell::RefCell;

use postlint::{ConfigValue, SourceNode, ValueSource};
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyFloat, PyInt, PyList, PyMapping, PyString, PyTuple};
use serde_json::Value;

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

/// A Python config (a mapping, or None) as the value the core's config
/// reader takes, converted by the core (as the JavaScript binding's objects
/// are), so its errors carry the same keys and messages as there and in the
/// CLI: a self-containing or too deep config, a set or another value JSON
/// cannot hold. A Python exception raised on the way (a mapping whose
/// `items()` fails) is raised as it is.
pub fn config_value(config: Option<&Bound<'_, PyAny>>) -> Result<ConfigValue> {
    let Some(config) = config.filter(|c| !c.is_none()) else {
        return Ok(ConfigValue::Null);
    };
    if config.cast::<PyMapping>().is_err() {
        return Err(Error::wrong_type("config", "a dict or None", config));
    }
    let failed = RefCell::new(None);
    let value = ConfigValue::from_source(&Py {
        obj: config.clone(),
        key: false,
        failed: &failed,
    });
    match failed.into_inner() {
        Some(e) => Err(Error::Python(e)),
        None => Ok(value?),
    }
}

/// A Python object as the core's config reader walks it. The first Python
/// exception met is kept in `failed` (the walk cannot return one) and the
/// object reads as `None` meanwhile.
struct Py<'a, 'py> {
    obj: Bound<'py, PyAny>,
    /// `obj` is a dict key that is not a `str`, standing for its member.
    key: bool,
    failed: &'a RefCell<Option<PyErr>>,
}

impl<'py> Py<'_, 'py> {
    fn child(&self, obj: Bound<'py, PyAny>, key: bool) -> Self {
        Py {
            obj,
            key,
            failed: self.failed,
        }
    }

    fn node(&self) -> PyResult<SourceNode<Self>> {
        let obj = &self.obj;
        let type_name = |o: &Bound<'_, PyAny>| {
            o.get_type()
                .name()
                .map(|n| n.to_string())
                .unwrap_or_default()
        };
        Ok(if self.key {
            SourceNode::Unsupported(format!("key of type {}", type_name(obj)))
        } else if obj.is_none() {
            SourceNode::Null
        } else if let Ok(b) = obj.cast::<PyBool>() {
            SourceNode::Bool(b.is_true())
        } else if obj.is_instance_of::<PyInt>() {
            match obj.extract::<i128>() {
                Ok(i) => SourceNode::Int(i),
                // Beyond i128 it is a float, as a JSON parser reads one
                // (one too big for a float is infinite, so null).
                Err(_) => SourceNode::Float(obj.extract::<f64>().unwrap_or(f64::INFINITY)),
            }
        } else if let Ok(f) = obj.cast::<PyFloat>() {
            SourceNode::Float(f.value())
        } else if let Ok(s) = obj.cast::<PyString>() {
            SourceNode::Str(text_of(s).map_err(PyErr::from)?)
        } else if obj.is_instance_of::<PyList>() || obj.is_instance_of::<PyTuple>() {
            let items: PyResult<Vec<_>> =
                obj.try_iter()?.map(|i| Ok(self.child(i?, false))).collect();
            SourceNode::Array(items?)
        } else if let Ok(m) = obj.cast::<PyMapping>() {
            let mut members = Vec::new();
            for item in m.items()?.iter() {
                let (k, v): (Bound<'py, PyAny>, Bound<'py, PyAny>) = item.extract()?;
                members.push(match k.cast::<PyString>() {
                    Ok(k) => (text_of(k).map_err(PyErr::from)?, self.child(v, false)),
                    // A member under a key JSON cannot hold is named by the
                    // key's repr, and is an error there.
                    Err(_) => (k.repr()?.to_string(), self.child(k, true)),
                });
            }
            SourceNode::Object(members)
        } else {
            SourceNode::Unsupported(type_name(obj))
        })
    }
}

impl ValueSource for Py<'_, '_> {
    fn node(&self) -> SourceNode<Self> {
        if self.failed.borrow().is_some() {
            return SourceNode::Null;
        }
        Py::node(self).unwrap_or_else(|e| {
            *self.failed.borrow_mut() = Some(e);
            SourceNode::Null
        })
    }
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
