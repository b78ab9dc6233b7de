//! `progress=True`: a tqdm bar over `analyze_many` / `to_pandas`.
//!
//! The drafts are analysed in slices with the GIL released; between slices
//! the bar is advanced and pending signals are checked, so Ctrl-C stops a
//! long run. tqdm is an optional extra.

use pyo3::exceptions::PyImportError;
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict};

use crate::errors::{Error, Result};

/// How many slices a run is cut into (the bar's resolution), and the
/// smallest slice: each slice starts its own threads, tens of microseconds.
const SLICES: usize = 200;
const MIN_SLICE: usize = 1024;

/// The `progress` argument: None or a bool.
pub fn wanted(progress: Option<&Bound<'_, PyAny>>) -> Result<bool> {
    let Some(p) = progress else { return Ok(false) };
    if p.is_none() {
        return Ok(false);
    }
    match p.cast::<PyBool>() {
        Ok(b) => Ok(b.is_true()),
        Err(_) => Err(Error::wrong_type("progress", "a bool", p)),
    }
}

/// Runs `analyse` over `items` slice by slice, showing a tqdm bar.
/// `analyse` is called with the GIL released.
pub fn run<T: Sync, R: Send>(
    py: Python<'_>,
    items: &[T],
    analyse: impl Fn(&[T]) -> Result<Vec<R>> + Sync,
) -> Result<Vec<R>> {
    let tqdm = py.import("tqdm.auto").map_err(|e| {
        let err = PyImportError::new_err(
            "progress=True needs tqdm, an optional extra: install it with \
             `pip install 'postlint[progress]'` (or `pip install tqdm`)",
        );
        err.set_cause(py, Some(e));
        Error::Python(err)
    })?;
    let kwargs = PyDict::new(py);
    kwargs.set_item("total", items.len())?;
    kwargs.set_item("unit", "draft")?;
    kwargs.set_item("desc", "postlint")?;
    kwargs.set_item("unit_scale", true)?;
    let bar = tqdm.getattr("tqdm")?.call((), Some(&kwargs))?;
    let slice = (items.len() / SLICES).max(MIN_SLICE);
    let mut out = Vec::with_capacity(items.len());
    let mut step = || -> Result<()> {
        for part in items.chunks(slice) {
            out.extend(py.detach(|| analyse(part))?);
            bar.call_method1("update", (part.len(),))?;
            py.check_signals()?;
        }
        Ok(())
    };
    let done = step();
    bar.call_method0("close")?;
    done.map(|()| out)
}
