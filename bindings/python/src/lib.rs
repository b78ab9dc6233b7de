//! `postlint._postlint`: the Rust half of the `postlint` Python package.
//!
//! This crate only converts types and delegates to the `postlint` core crate:
//! no scoring, rule or offset logic lives here. Errors become Python
//! exceptions in one place (`errors.rs`); spans are converted to Python
//! code-point offsets by the core's `Report::with_offsets`.

mod convert;
mod errors;
mod linter;
#[cfg(feature = "polars")]
mod polars_plugin;
mod progress;
mod types;

use pyo3::prelude::*;
use pyo3::types::PyList;

use crate::errors::{guard, Error};
use crate::linter::{analyze_many_py, analyze_py, build, default_linter};
use crate::types::Report;

/// Reads one draft and returns its Report.
///
/// `text` must be a str. A lone surrogate (e.g. "\ud800") is read as one
/// U+FFFD, so offsets stay aligned with `text`; `Report.text` is the original
/// string. `config` is a config dict (see `Linter`); to reuse one config,
/// build a `Linter` once instead. `reply=True` says the draft answers
/// someone (a reply or comment): it is read as conversation.
#[pyfunction]
#[pyo3(signature = (text, *, config=None, reply=false))]
fn analyze(
    py: Python<'_>,
    text: &Bound<'_, PyAny>,
    config: Option<&Bound<'_, PyAny>>,
    reply: bool,
) -> PyResult<Report> {
    let custom = build(config)?;
    let linter = match &custom {
        Some(linter) => linter,
        None => default_linter()?,
    };
    Ok(analyze_py(py, linter, text, reply)?)
}

/// Reads many drafts and returns their Reports, in input order.
///
/// `texts` is any iterable of str (list, tuple, generator, pandas Series).
/// The GIL is released while the drafts are analysed on `threads` threads
/// (None: one per core). `replies`, when given, holds one bool per text
/// (True: that draft is a reply or comment). `progress=True` shows a tqdm bar.
#[pyfunction]
#[pyo3(signature = (texts, *, config=None, threads=None, replies=None, progress=None))]
fn analyze_many<'py>(
    py: Python<'py>,
    texts: &Bound<'py, PyAny>,
    config: Option<&Bound<'py, PyAny>>,
    threads: Option<&Bound<'py, PyAny>>,
    replies: Option<&Bound<'py, PyAny>>,
    progress: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyList>> {
    let custom = build(config)?;
    let linter = match &custom {
        Some(linter) => linter,
        None => default_linter()?,
    };
    Ok(analyze_many_py(
        py, linter, texts, threads, replies, progress,
    )?)
}

/// The draft's tokens, in order: dicts with `kind` (snake_case: "word",
/// "url", "mention", "hashtag", "emoji", "line_break", ...), `start` and `end`
/// (code-point offsets into `text`) and `text`.
#[pyfunction]
fn tokenize<'py>(py: Python<'py>, text: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    let s = crate::convert::extract_text(text, || "text".to_owned())?;
    let value = guard(|| {
        serde_json::to_value(postlint::tokens_in(&s, postlint::OffsetUnit::Chars))
            .map_err(|e| Error::Value(e.to_string()))
    })??;
    crate::convert::to_py(py, &value)
}

/// Every built-in rule, in catalogue order, at its default severity.
/// `Linter.rules()` lists a configured linter's rules, custom ones included.
#[pyfunction]
fn rules() -> PyResult<Vec<types::RuleInfo>> {
    Ok(linter::rule_infos(default_linter()?))
}

/// For bench/bench.py: seconds the core alone takes over `texts` (default
/// config, one thread), without the conversions to and from Python.
#[pyfunction]
fn _bench_native(py: Python<'_>, texts: &Bound<'_, PyAny>) -> PyResult<f64> {
    Ok(linter::bench_native(py, texts)?)
}

/// Panics inside the binding's panic guard, for the tests that check a Rust
/// panic reaches Python as `postlint.InternalError`, not as a crash.
#[pyfunction]
fn _panic_for_tests(py: Python<'_>) -> PyResult<()> {
    let r: Result<(), Error> = py.detach(|| guard(|| panic!("deliberate panic for tests")));
    Ok(r?)
}

#[pymodule]
fn _postlint(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add_function(wrap_pyfunction!(analyze, m)?)?;
    m.add_function(wrap_pyfunction!(analyze_many, m)?)?;
    m.add_function(wrap_pyfunction!(rules, m)?)?;
    m.add_function(wrap_pyfunction!(tokenize, m)?)?;
    m.add_function(wrap_pyfunction!(_panic_for_tests, m)?)?;
    m.add_function(wrap_pyfunction!(_bench_native, m)?)?;
    m.add_class::<linter::Linter>()?;
    m.add_class::<Report>()?;
    m.add_class::<types::Scores>()?;
    m.add_class::<types::Labels>()?;
    m.add_class::<types::Diagnostic>()?;
    m.add_class::<types::Fix>()?;
    m.add_class::<types::Evidence>()?;
    m.add_class::<types::RuleInfo>()?;
    let config_error = py.get_type::<errors::ConfigError>();
    config_error.setattr("key", py.None())?;
    m.add("ConfigError", config_error)?;
    m.add("InternalError", py.get_type::<errors::InternalError>())?;
    Ok(())
}
