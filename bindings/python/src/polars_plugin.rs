//! The Polars expression plugin: `pl.col("text").postlint.scores()` and
//! `.analyze()` (registered by `python/postlint/polars.py`).
//!
//! Polars loads this extension module as a plugin library and calls the
//! `_polars_plugin_*` functions below through its plugin ABI (version 0.1 of
//! `polars-ffi`): columns arrive and leave over the Arrow C data interface,
//! so no Python object is touched and the GIL is not needed. This is the
//! contract `pyo3-polars`'s `#[polars_expr]` macro generates, written out
//! for two expressions so the module keeps one pyo3 version and the wheel
//! does not compile Polars' query engine.
//!
//! Each call builds (or reuses) one linter for its `config` and analyses the
//! column on up to one thread per core, or on the calling thread when Polars
//! says it already runs calls in parallel. Nulls in give nulls out. Offsets
//! are code points, as everywhere in Python. Errors and panics never cross
//! the boundary: they are stored for Polars' `_polars_plugin_get_last_error_message`.

use std::cell::RefCell;
use std::ffi::{c_char, CString};
use std::sync::{Arc, Mutex, OnceLock};

use polars_arrow::array::ListArray;
use polars_arrow::bitmap::Bitmap;
use polars_arrow::ffi::{export_field_to_c, import_field_from_c, ArrowSchema};
use polars_arrow::offset::{Offsets, OffsetsBuffer};
use polars_core::prelude::*;
use polars_ffi::version_0::{export_series, import_series_buffer, CallerContext, SeriesExport};
use postlint::{Dimension, OffsetUnit};
use serde::Deserialize;

use crate::errors::{guard, Error};
use crate::linter::par_map;

/// The plugin's keyword arguments: the config as canonical JSON (made by
/// `postlint.Linter(config).config` on the Python side), or None.
#[derive(Deserialize)]
struct Kwargs {
    config: Option<String>,
}

thread_local! {
    static LAST_ERROR: RefCell<CString> = RefCell::new(CString::default());
}

fn set_last_error(msg: &str) {
    let msg = CString::new(msg.replace('\0', " ")).unwrap_or_default();
    LAST_ERROR.with(|prev| *prev.borrow_mut() = msg);
}

fn polars_error(e: impl std::fmt::Display) -> PolarsError {
    PolarsError::ComputeError(format!("postlint: {e}").into())
}

/// The plugin ABI version this library speaks, `major << 16 | minor`.
#[no_mangle]
pub extern "C" fn _polars_plugin_get_version() -> u32 {
    let (major, minor) = polars_ffi::get_version();
    (u32::from(major) << 16) + u32::from(minor)
}

/// The message of this thread's last failed call.
#[no_mangle]
pub extern "C" fn _polars_plugin_get_last_error_message() -> *const c_char {
    LAST_ERROR.with(|prev| prev.borrow().as_ptr())
}

/// The linter for `kwargs`. Polars may call once per chunk of a column; the
/// last configuration's linter is kept, so it is built once per query.
fn linter_for(kwargs: &[u8]) -> PolarsResult<Arc<postlint::Linter>> {
    static DEFAULT: OnceLock<Arc<postlint::Linter>> = OnceLock::new();
    static LAST: Mutex<Option<(String, Arc<postlint::Linter>)>> = Mutex::new(None);
    let kwargs: Kwargs = if kwargs.is_empty() {
        Kwargs { config: None }
    } else {
        serde_pickle::from_slice(kwargs, Default::default())
            .map_err(|e| polars_error(format!("could not read the plugin's kwargs: {e}")))?
    };
    let Some(json) = kwargs.config else {
        return Ok(DEFAULT
            .get_or_init(|| Arc::new(postlint::Linter::default()))
            .clone());
    };
    let mut last = LAST.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    if let Some((key, linter)) = last.as_ref() {
        if *key == json {
            return Ok(linter.clone());
        }
    }
    let config = postlint::Config::from_json(&json).map_err(polars_error)?;
    let linter = Arc::new(postlint::Linter::new(config).map_err(polars_error)?);
    *last = Some((json, linter.clone()));
    Ok(linter)
}

/// The texts of the first input (a String column); None for a null.
fn texts(inputs: &[Series]) -> PolarsResult<(PlSmallStr, Vec<Option<&str>>)> {
    let Some(input) = inputs.first() else {
        return Err(polars_error("expected one input column"));
    };
    if input.dtype() != &DataType::String {
        return Err(polars_error(format!(
            "expected a String column, got {} ({})",
            input.dtype(),
            input.name()
        )));
    }
    Ok((input.name().clone(), input.str()?.iter().collect()))
}

/// Runs `f` over the texts: in parallel unless Polars already is.
fn map_texts<R: Send>(
    texts: &[Option<&str>],
    context: &CallerContext,
    f: impl Fn(&str) -> R + Sync,
) -> PolarsResult<Vec<Option<R>>> {
    let threads = context.parallel().then_some(1);
    par_map(texts, threads, |t| t.map(&f)).map_err(|e| match e {
        Error::Panic(msg) => {
            polars_error(format!("internal error (a bug, please report it): {msg}"))
        }
        other => polars_error(format!("{other:?}")),
    })
}

/// The outer validity for `rows`: None when no row is null.
fn validity<T>(rows: &[Option<T>]) -> Option<Bitmap> {
    rows.iter()
        .any(Option::is_none)
        .then(|| rows.iter().map(Option::is_some).collect())
}

fn score_fields() -> Vec<Field> {
    Dimension::ALL
        .iter()
        .map(|d| Field::new(d.as_str().into(), DataType::Float64))
        .collect()
}

fn diagnostic_dtype() -> DataType {
    DataType::List(Box::new(DataType::Struct(vec![
        Field::new("rule".into(), DataType::String),
        Field::new("severity".into(), DataType::String),
        Field::new("start".into(), DataType::Int64),
        Field::new("end".into(), DataType::Int64),
        Field::new("message".into(), DataType::String),
        Field::new("suggestion".into(), DataType::String),
    ])))
}

fn analyze_fields() -> Vec<Field> {
    let mut fields = score_fields();
    for d in Dimension::ALL {
        fields.push(Field::new(
            format!("{}_label", d.as_str()).into(),
            DataType::Boolean,
        ));
    }
    fields.push(Field::new("diagnostics".into(), diagnostic_dtype()));
    fields
}

fn struct_series(
    name: PlSmallStr,
    len: usize,
    fields: &[Series],
    outer: Option<Bitmap>,
) -> PolarsResult<Series> {
    Ok(StructChunked::from_series(name, len, fields.iter())?
        .with_outer_validity(outer)
        .into_series())
}

fn scores(inputs: &[Series], kwargs: &[u8], context: &CallerContext) -> PolarsResult<Series> {
    let linter = linter_for(kwargs)?;
    let (name, texts) = texts(inputs)?;
    let rows = map_texts(&texts, context, |t| {
        let s = linter.analyze(t).scores;
        Dimension::ALL.map(|d| s.get(d))
    })?;
    let fields: Vec<Series> = Dimension::ALL
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let values = rows.iter().map(|r| r.map_or(0.0, |s| s[i])).collect();
            Float64Chunked::from_vec(d.as_str().into(), values).into_series()
        })
        .collect();
    struct_series(name, texts.len(), &fields, validity(&rows))
}

fn analyze(inputs: &[Series], kwargs: &[u8], context: &CallerContext) -> PolarsResult<Series> {
    let linter = linter_for(kwargs)?;
    let (name, texts) = texts(inputs)?;
    let reports = map_texts(&texts, context, |t| {
        linter.analyze(t).with_offsets(t, OffsetUnit::Chars)
    })?;
    let mut fields = Vec::with_capacity(9);
    for d in Dimension::ALL {
        let values = reports
            .iter()
            .map(|r| r.as_ref().map_or(0.0, |r| r.scores.get(d)));
        fields.push(Float64Chunked::from_vec(d.as_str().into(), values.collect()).into_series());
    }
    for d in Dimension::ALL {
        let values = reports
            .iter()
            .map(|r| r.as_ref().is_some_and(|r| r.labels.get(d)));
        let name = format!("{}_label", d.as_str());
        fields.push(BooleanChunked::from_iter_values(name.into(), values).into_series());
    }
    fields.push(diagnostics(&reports)?);
    struct_series(name, texts.len(), &fields, validity(&reports))
}

/// `diagnostics`: list[struct{rule, severity, start, end, message, suggestion}].
fn diagnostics(reports: &[Option<postlint::Report>]) -> PolarsResult<Series> {
    let all = || reports.iter().flatten().flat_map(|r| r.diagnostics.iter());
    let total = all().count();
    let inner = [
        StringChunked::from_iter_values("rule".into(), all().map(|d| d.rule.as_ref()))
            .into_series(),
        StringChunked::from_iter_values("severity".into(), all().map(|d| d.severity.as_str()))
            .into_series(),
        Int64Chunked::from_iter_values("start".into(), all().map(|d| d.span.start as i64))
            .into_series(),
        Int64Chunked::from_iter_values("end".into(), all().map(|d| d.span.end as i64))
            .into_series(),
        StringChunked::from_iter_values("message".into(), all().map(|d| d.message.as_str()))
            .into_series(),
        StringChunked::from_iter_options(
            "suggestion".into(),
            all().map(|d| d.suggestion.as_deref()),
        )
        .into_series(),
    ];
    let inner = StructChunked::from_series("".into(), total, inner.iter())?
        .into_series()
        .rechunk();
    let values = inner.to_arrow(0, CompatLevel::newest());
    let lengths = reports
        .iter()
        .map(|r| r.as_ref().map_or(0, |r| r.diagnostics.len()));
    let offsets: OffsetsBuffer<i64> = Offsets::<i64>::try_from_lengths(lengths)?.into();
    let dtype = ListArray::<i64>::default_datatype(values.dtype().clone());
    let list = ListArray::<i64>::try_new(dtype, offsets, values, validity(reports))?;
    Series::from_arrow("diagnostics".into(), list.boxed())
}

/// One expression's two entry points: the function and its output field.
type Compute = fn(&[Series], &[u8], &CallerContext) -> PolarsResult<Series>;

/// # Safety
/// Called by Polars with the plugin ABI's pointers: `inputs` holds `len`
/// exported series, `kwargs` `kwargs_len` bytes, `out` and `context` are
/// valid for writes and reads.
unsafe fn call(
    compute: Compute,
    inputs: *mut SeriesExport,
    len: usize,
    kwargs: *const u8,
    kwargs_len: usize,
    out: *mut SeriesExport,
    context: *mut CallerContext,
) {
    let run = || -> PolarsResult<SeriesExport> {
        // SAFETY: the plugin ABI's contract, see above.
        let (series, kwargs, context) = unsafe {
            (
                import_series_buffer(inputs, len)?,
                std::slice::from_raw_parts(kwargs, kwargs_len),
                *context,
            )
        };
        let result = compute(&series, kwargs, &context)?;
        Ok(export_series(&result))
    };
    match guard(run) {
        // SAFETY: `out` is valid for a write (the plugin ABI's contract).
        Ok(Ok(export)) => unsafe { *out = export },
        Ok(Err(e)) => set_last_error(&e.to_string()),
        Err(Error::Panic(msg)) => set_last_error(&format!(
            "postlint hit an internal error (this is a bug, please report it): {msg}"
        )),
        Err(e) => set_last_error(&format!("{e:?}")),
    }
}

/// # Safety
/// Called by Polars: `fields` holds `len` schemas, `out` is valid for a write.
unsafe fn field(
    fields: *mut ArrowSchema,
    len: usize,
    out: *mut ArrowSchema,
    struct_fields: Vec<Field>,
) {
    let run = || -> PolarsResult<ArrowSchema> {
        // SAFETY: the plugin ABI's contract, see above.
        let inputs = unsafe { std::slice::from_raw_parts(fields, len) };
        let Some(first) = inputs.first() else {
            return Err(polars_error("expected one input column"));
        };
        // SAFETY: Polars exported this schema.
        let input = unsafe { import_field_from_c(first)? };
        let output = Field::new(input.name.clone(), DataType::Struct(struct_fields));
        Ok(export_field_to_c(&output.to_arrow(CompatLevel::newest())))
    };
    match guard(run) {
        // SAFETY: `out` is valid for a write (the plugin ABI's contract).
        Ok(Ok(schema)) => unsafe { *out = schema },
        Ok(Err(e)) => set_last_error(&e.to_string()),
        Err(e) => set_last_error(&format!("{e:?}")),
    }
}

/// One expression's two entry points, as Polars looks them up by name:
/// `_polars_plugin_<name>` computes, `_polars_plugin_field_<name>` gives the
/// output field.
macro_rules! expression {
    ($doc:literal, $call:ident, $field:ident, $compute:ident, $fields:ident) => {
        #[doc = $doc]
        ///
        /// # Safety
        /// Called by Polars through the plugin ABI.
        #[no_mangle]
        pub unsafe extern "C" fn $call(
            inputs: *mut SeriesExport,
            len: usize,
            kwargs: *const u8,
            kwargs_len: usize,
            out: *mut SeriesExport,
            context: *mut CallerContext,
        ) {
            unsafe { call($compute, inputs, len, kwargs, kwargs_len, out, context) }
        }

        /// The output field of the expression above.
        ///
        /// # Safety
        /// Called by Polars through the plugin ABI.
        #[no_mangle]
        pub unsafe extern "C" fn $field(
            fields: *mut ArrowSchema,
            len: usize,
            out: *mut ArrowSchema,
            _kwargs: *const u8,
            _kwargs_len: usize,
        ) {
            unsafe { field(fields, len, out, $fields()) }
        }
    };
}

expression!(
    "`pl.col(...).postlint.scores()`.",
    _polars_plugin_scores,
    _polars_plugin_field_scores,
    scores,
    score_fields
);
expression!(
    "`pl.col(...).postlint.analyze()`.",
    _polars_plugin_analyze,
    _polars_plugin_field_analyze,
    analyze,
    analyze_fields
);
