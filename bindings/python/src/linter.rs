//! `Linter` and the functions that run the core: the only code that calls
//! `postlint::Linter::analyze`.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::OnceLock;

use postlint::OffsetUnit;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString, PyTuple, PyType};

use crate::convert::{config_value, extract_text, extract_texts, to_py};
use crate::errors::{guard, Error, Result};
use crate::progress;
use crate::types::{Report, RuleInfo};

/// Texts at least this long (bytes) are analysed with the GIL released even
/// by `analyze`; shorter ones take less time than the release costs.
const DETACH_MIN_BYTES: usize = 4096;

/// The process-wide linter for the default configuration.
pub fn default_linter() -> Result<&'static postlint::Linter> {
    static DEFAULT: OnceLock<postlint::Linter> = OnceLock::new();
    guard(|| DEFAULT.get_or_init(postlint::Linter::default))
}

/// A core linter for a Python config (None → the shared default).
pub fn build(config: Option<&Bound<'_, PyAny>>) -> Result<Option<postlint::Linter>> {
    let value = config_value(config)?;
    if value == postlint::ConfigValue::Null {
        return Ok(None);
    }
    let config = guard(|| postlint::Config::from_value(&value))??;
    Ok(Some(guard(|| postlint::Linter::new(config))??))
}

/// One draft (a reply or not): the core's report with code-point spans.
fn analyze_one(linter: &postlint::Linter, text: &str, reply: bool) -> postlint::Report {
    let ctx = postlint::Context { reply };
    linter
        .analyze_with(text, &ctx)
        .with_offsets(text, OffsetUnit::Chars)
}

/// The `replies` argument: None, or one bool per text.
fn reply_flags(replies: Option<&Bound<'_, PyAny>>, n: usize) -> Result<Vec<bool>> {
    let Some(r) = replies.filter(|r| !r.is_none()) else {
        return Ok(Vec::new());
    };
    let flags: Vec<bool> = r
        .try_iter()
        .and_then(|it| it.map(|x| x?.extract::<bool>()).collect())
        .map_err(|_| Error::wrong_type("replies", "an iterable of bools or None", r))?;
    if flags.len() != n {
        return Err(Error::Value(format!(
            "replies has {} flags for {n} texts",
            flags.len()
        )));
    }
    Ok(flags)
}

/// Validates the `threads` argument: None → all cores, else at least 1.
fn thread_count(threads: Option<&Bound<'_, PyAny>>) -> Result<Option<usize>> {
    let Some(t) = threads else { return Ok(None) };
    if t.is_none() {
        return Ok(None);
    }
    if t.is_instance_of::<pyo3::types::PyBool>() || !t.is_instance_of::<pyo3::types::PyInt>() {
        return Err(Error::wrong_type("threads", "an int or None", t));
    }
    match t.extract::<i64>() {
        Ok(n) if n >= 1 => Ok(Some(n as usize)),
        _ => Err(Error::Value(format!(
            "threads must be at least 1 (or None for all cores), got {t}"
        ))),
    }
}

/// Analyses `texts` in order on up to `threads` threads (None: one per
/// core). Called with the GIL released.
///
/// Threads are started per call with `std::thread::scope` rather than kept
/// in a pool: a persistent pool does not survive `fork()`, and Python's
/// multiprocessing forks on Linux, which would hang a child that calls
/// `analyze_many` after its parent did. Starting two threads costs tens of
/// microseconds, small next to a batch worth parallelising.
fn run_many(
    linter: &postlint::Linter,
    texts: &[(&str, bool)],
    threads: Option<usize>,
) -> Result<Vec<postlint::Report>> {
    par_map(texts, threads, |&(t, reply)| analyze_one(linter, t, reply))
}

/// `items.iter().map(f)` on up to `threads` threads (None: one per core),
/// results in input order; a panic in `f` becomes [`Error::Panic`]. Shared
/// by `analyze_many` and the Polars plugin.
pub fn par_map<T: Sync, R: Send>(
    texts: &[T],
    threads: Option<usize>,
    f: impl Fn(&T) -> R + Sync,
) -> Result<Vec<R>> {
    let cores = || std::thread::available_parallelism().map_or(1, |n| n.get());
    let threads = threads.unwrap_or_else(cores).min(texts.len()).max(1);
    if threads == 1 {
        return guard(|| texts.iter().map(&f).collect());
    }
    // Workers take chunks from a shared counter, so one long draft does not
    // hold up a whole share of the input; chunks are put back in order.
    let chunk = (texts.len() / (threads * 8)).clamp(1, 256);
    let next = AtomicUsize::new(0);
    let work = || {
        let mut done: Vec<(usize, Vec<R>)> = Vec::new();
        loop {
            let start = next.fetch_add(chunk, Ordering::Relaxed);
            if start >= texts.len() {
                return done;
            }
            let end = (start + chunk).min(texts.len());
            let reports = texts[start..end].iter().map(&f).collect();
            done.push((start, reports));
        }
    };
    let mut chunks = std::thread::scope(|scope| -> Result<Vec<_>> {
        let mut handles = Vec::with_capacity(threads - 1);
        for i in 1..threads {
            // If the OS refuses a thread, the ones running (and this one)
            // still finish all the work.
            match std::thread::Builder::new()
                .name(format!("postlint-{i}"))
                .spawn_scoped(scope, work)
            {
                Ok(h) => handles.push(h),
                Err(_) => break,
            }
        }
        // The calling thread works too. Every thread is joined before any
        // panic is reported, so none outlives the call.
        let mine = guard(work);
        let mut chunks = Vec::new();
        let mut panicked = None;
        for h in handles {
            match h.join() {
                Ok(done) => chunks.extend(done),
                Err(payload) => panicked = panicked.or(Some(Error::from_panic(payload))),
            }
        }
        chunks.extend(mine?);
        match panicked {
            Some(e) => Err(e),
            None => Ok(chunks),
        }
    })?;
    chunks.sort_unstable_by_key(|(start, _)| *start);
    Ok(chunks
        .into_iter()
        .flat_map(|(_, reports)| reports)
        .collect())
}

/// Seconds the core takes over `texts` on the calling thread, with no
/// Python conversion timed: the "native" row of bench/bench.py, against
/// which `analyze_many`'s per-draft overhead is measured.
pub fn bench_native(py: Python<'_>, texts: &Bound<'_, PyAny>) -> Result<f64> {
    let (_, strings) = extract_texts(texts)?;
    let linter = default_linter()?;
    py.detach(|| {
        let started = std::time::Instant::now();
        let items: Vec<(&str, bool)> = strings.iter().map(|s| (s.as_str(), false)).collect();
        let reports = run_many(linter, &items, Some(1))?;
        let elapsed = started.elapsed().as_secs_f64();
        drop(reports);
        Ok(elapsed)
    })
}

/// Shared by `analyze` and `Linter.analyze`.
pub fn analyze_py(
    py: Python<'_>,
    linter: &postlint::Linter,
    text: &Bound<'_, PyAny>,
    reply: bool,
) -> Result<Report> {
    let s = extract_text(text, || "text".to_owned())?;
    let inner = if s.len() >= DETACH_MIN_BYTES {
        py.detach(|| guard(|| analyze_one(linter, &s, reply)))?
    } else {
        guard(|| analyze_one(linter, &s, reply))?
    };
    let text = text.cast::<PyString>().map_err(PyErr::from)?;
    Ok(Report::new(text.clone().unbind(), inner))
}

/// Reads every text (GIL held), analyses them with the GIL released, in
/// parallel, and returns the reports in input order.
fn analyze_texts<'py>(
    py: Python<'py>,
    linter: &postlint::Linter,
    texts: &Bound<'py, PyAny>,
    threads: Option<&Bound<'py, PyAny>>,
    replies: Option<&Bound<'py, PyAny>>,
    progress: Option<&Bound<'py, PyAny>>,
) -> Result<(Vec<Bound<'py, PyString>>, Vec<postlint::Report>)> {
    let threads = thread_count(threads)?;
    let show = progress::wanted(progress)?;
    let (objs, strings) = extract_texts(texts)?;
    let replies = reply_flags(replies, strings.len())?;
    let items: Vec<(&str, bool)> = strings
        .iter()
        .enumerate()
        .map(|(i, s)| (s.as_str(), replies.get(i).copied().unwrap_or(false)))
        .collect();
    let reports = if show {
        progress::run(py, &items, |part| run_many(linter, part, threads))?
    } else {
        py.detach(|| run_many(linter, &items, threads))?
    };
    Ok((objs, reports))
}

/// Shared by `analyze_many` and `Linter.analyze_many`.
pub fn analyze_many_py<'py>(
    py: Python<'py>,
    linter: &postlint::Linter,
    texts: &Bound<'py, PyAny>,
    threads: Option<&Bound<'py, PyAny>>,
    replies: Option<&Bound<'py, PyAny>>,
    progress: Option<&Bound<'py, PyAny>>,
) -> Result<Bound<'py, PyList>> {
    let (objs, reports) = analyze_texts(py, linter, texts, threads, replies, progress)?;
    let list = PyList::empty(py);
    for (obj, report) in objs.into_iter().zip(reports) {
        list.append(Bound::new(py, Report::new(obj.unbind(), report))?)?;
    }
    Ok(list)
}

/// Column name → list of values, for `to_pandas`: four scores, four labels
/// (`<dimension>_label`) and one diagnostic count per rule id.
pub fn table_py<'py>(
    py: Python<'py>,
    linter: &postlint::Linter,
    texts: &Bound<'py, PyAny>,
    threads: Option<&Bound<'py, PyAny>>,
    progress: Option<&Bound<'py, PyAny>>,
) -> Result<Bound<'py, PyDict>> {
    let (_, reports) = analyze_texts(py, linter, texts, threads, None, progress)?;
    let rules = postlint::rules();
    let n = reports.len();
    let mut scores: [Vec<f64>; 4] = std::array::from_fn(|_| Vec::with_capacity(n));
    let mut labels: [Vec<bool>; 4] = std::array::from_fn(|_| Vec::with_capacity(n));
    let mut counts = vec![vec![0u32; n]; rules.len()];
    for (row, r) in reports.iter().enumerate() {
        for (i, d) in postlint::Dimension::ALL.into_iter().enumerate() {
            scores[i].push(r.scores.get(d));
            labels[i].push(r.labels.get(d));
        }
        for d in &r.diagnostics {
            if let Some(i) = rules.iter().position(|info| info.id == d.rule) {
                counts[i][row] += 1;
            }
        }
    }
    let table = PyDict::new(py);
    for (d, col) in postlint::Dimension::ALL.into_iter().zip(scores) {
        table.set_item(d.as_str(), col)?;
    }
    for (d, col) in postlint::Dimension::ALL.into_iter().zip(labels) {
        table.set_item(format!("{}_label", d.as_str()), col)?;
    }
    for (info, col) in rules.iter().zip(counts) {
        table.set_item(info.id, col)?;
    }
    Ok(table)
}

/// Lints drafts under one configuration. Build it once and reuse it: the
/// configuration is validated and compiled when it is made.
///
/// `config` is a dict with the keys of postlint's config file (`rules`,
/// `thresholds`, `brands`, `extra_sales_phrases`, `allow`); a bad key or
/// value raises `ConfigError` naming the key.
#[pyclass(module = "postlint", frozen, name = "Linter")]
pub struct Linter {
    inner: postlint::Linter,
}

/// The rule catalogue of `linter`'s config, as Python objects.
pub fn rule_infos(linter: &postlint::Linter) -> Vec<RuleInfo> {
    linter
        .config()
        .rule_catalogue()
        .into_iter()
        .map(RuleInfo::from)
        .collect()
}

impl Linter {
    fn core(&self) -> &postlint::Linter {
        &self.inner
    }
}

#[pymethods]
impl Linter {
    #[new]
    #[pyo3(signature = (config=None))]
    fn new(config: Option<&Bound<'_, PyAny>>) -> PyResult<Self> {
        let inner = match build(config)? {
            Some(linter) => linter,
            None => default_linter()?.clone(),
        };
        Ok(Self { inner })
    }

    /// Reads one draft. See `postlint.analyze`.
    #[pyo3(signature = (text, *, reply=false))]
    fn analyze(&self, py: Python<'_>, text: &Bound<'_, PyAny>, reply: bool) -> PyResult<Report> {
        Ok(analyze_py(py, self.core(), text, reply)?)
    }

    /// Reads many drafts in parallel, GIL released. See `postlint.analyze_many`.
    #[pyo3(signature = (texts, threads=None, *, replies=None, progress=None))]
    fn analyze_many<'py>(
        &self,
        py: Python<'py>,
        texts: &Bound<'py, PyAny>,
        threads: Option<&Bound<'py, PyAny>>,
        replies: Option<&Bound<'py, PyAny>>,
        progress: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyList>> {
        Ok(analyze_many_py(
            py,
            self.core(),
            texts,
            threads,
            replies,
            progress,
        )?)
    }

    /// Column data for `postlint.to_pandas` (private).
    #[pyo3(signature = (texts, threads=None, progress=None))]
    fn _table<'py>(
        &self,
        py: Python<'py>,
        texts: &Bound<'py, PyAny>,
        threads: Option<&Bound<'py, PyAny>>,
        progress: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyDict>> {
        Ok(table_py(py, self.core(), texts, threads, progress)?)
    }

    /// Every rule under this linter's config: built-in ones, then the
    /// config's custom rules, each with the severity it runs at.
    fn rules(&self) -> Vec<RuleInfo> {
        rule_infos(self.core())
    }

    /// The configuration in effect, as a plain dict (defaults filled in).
    #[getter]
    fn config<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let value =
            serde_json::to_value(self.core().config()).map_err(|e| Error::Value(e.to_string()))?;
        to_py(py, &value)
    }

    /// Pickling: the effective configuration as a plain dict, so unpickling
    /// builds the linter once, with `Linter(config)`. The default linter
    /// pickles without arguments and unpickles to the shared default.
    fn __reduce__<'py>(
        slf: &Bound<'py, Self>,
    ) -> PyResult<(Bound<'py, PyType>, Bound<'py, PyTuple>)> {
        let py = slf.py();
        let me = slf.get();
        let args = if me.inner.config() == &postlint::Config::default() {
            PyTuple::empty(py)
        } else {
            PyTuple::new(py, [me.config(py)?])?
        };
        Ok((slf.get_type(), args))
    }

    fn __repr__(&self) -> String {
        if self.inner.config() == &postlint::Config::default() {
            "Linter(<default config>)".to_owned()
        } else {
            let json = serde_json::to_string(self.core().config()).unwrap_or_default();
            format!("Linter({json})")
        }
    }
}
