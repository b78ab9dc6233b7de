//! Python views of the core's report types. They only carry data; every
//! value comes from the core unchanged.

use pyo3::exceptions::PyKeyError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyIterator, PyList, PyString};
use pyo3::IntoPyObjectExt;

use crate::convert::to_py;

/// Short Python-style repr of a string, cut to `max` code points.
fn short_repr(py: Python<'_>, s: &str, max: usize) -> String {
    let cut: String = if s.chars().count() > max {
        let mut t: String = s.chars().take(max).collect();
        t.push('…');
        t
    } else {
        s.to_owned()
    };
    PyString::new(py, &cut)
        .repr()
        .map(|r| r.to_string())
        .unwrap_or(cut)
}

const DIMENSIONS: [&str; 4] = [
    "salesy",
    "personal",
    "conversational",
    "identity_reflecting",
];

/// The position of a dimension name in [`DIMENSIONS`].
fn dimension_index(key: &Bound<'_, PyAny>) -> Option<usize> {
    let key = key.cast::<PyString>().ok()?;
    DIMENSIONS.iter().position(|d| key == *d)
}

/// One value per dimension: attributes and a read-only mapping interface.
macro_rules! per_dimension {
    ($name:ident, $core:ty, $value:ty, $doc:literal) => {
        #[doc = $doc]
        #[pyclass(module = "postlint", frozen, eq)]
        #[derive(Clone, PartialEq)]
        pub struct $name {
            #[pyo3(get)]
            pub salesy: $value,
            #[pyo3(get)]
            pub personal: $value,
            #[pyo3(get)]
            pub conversational: $value,
            #[pyo3(get)]
            pub identity_reflecting: $value,
        }

        impl From<$core> for $name {
            fn from(c: $core) -> Self {
                Self {
                    salesy: c.salesy,
                    personal: c.personal,
                    conversational: c.conversational,
                    identity_reflecting: c.identity_reflecting,
                }
            }
        }

        impl $name {
            fn values_array(&self) -> [$value; 4] {
                [
                    self.salesy,
                    self.personal,
                    self.conversational,
                    self.identity_reflecting,
                ]
            }
        }

        #[pymethods]
        impl $name {
            fn __getitem__(&self, key: &Bound<'_, PyAny>) -> PyResult<$value> {
                if let Some(i) = dimension_index(key) {
                    return Ok(self.values_array()[i]);
                }
                Err(PyKeyError::new_err(key.clone().unbind()))
            }

            fn __contains__(&self, key: &Bound<'_, PyAny>) -> bool {
                dimension_index(key).is_some()
            }

            fn __len__(&self) -> usize {
                4
            }

            fn __iter__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyIterator>> {
                PyList::new(py, DIMENSIONS)?.try_iter()
            }

            /// The four dimension names, in report order.
            fn keys(&self) -> [&'static str; 4] {
                DIMENSIONS
            }

            /// The four values, in report order.
            fn values(&self) -> [$value; 4] {
                self.values_array()
            }

            /// `(name, value)` pairs, in report order.
            fn items(&self) -> Vec<(&'static str, $value)> {
                DIMENSIONS.into_iter().zip(self.values_array()).collect()
            }

            /// The value of `key`, or `default` when it is not a dimension.
            #[pyo3(signature = (key, default=None))]
            fn get<'py>(
                &self,
                key: &Bound<'py, PyAny>,
                default: Option<Bound<'py, PyAny>>,
            ) -> PyResult<Bound<'py, PyAny>> {
                let py = key.py();
                match self.__getitem__(key) {
                    Ok(v) => v.into_bound_py_any(py),
                    Err(_) => Ok(default.unwrap_or_else(|| py.None().into_bound(py))),
                }
            }

            /// A plain dict copy.
            fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
                let d = PyDict::new(py);
                for (k, v) in self.items() {
                    d.set_item(k, v)?;
                }
                Ok(d)
            }

            fn __repr__(&self) -> String {
                let parts: Vec<String> = self
                    .items()
                    .into_iter()
                    .map(|(k, v)| format!("{k}={}", py_literal(v)))
                    .collect();
                format!("{}({})", stringify!($name), parts.join(", "))
            }
        }
    };
}

trait PyLiteral {
    fn literal(&self) -> String;
}
impl PyLiteral for f64 {
    fn literal(&self) -> String {
        // Rust's shortest round-trip float text is what Python's repr shows.
        format!("{self:?}")
    }
}
impl PyLiteral for bool {
    fn literal(&self) -> String {
        if *self { "True" } else { "False" }.to_owned()
    }
}
fn py_literal(v: impl PyLiteral) -> String {
    v.literal()
}

per_dimension!(
    Scores,
    postlint::Scores,
    f64,
    "The four scores, each in [0, 1]: attributes, or a read-only mapping \
     (`scores[\"salesy\"]`, `keys()`, `items()`, `dict(scores)`)."
);
per_dimension!(
    Labels,
    postlint::Labels,
    bool,
    "One bool per dimension (score >= its threshold): attributes, or a \
     read-only mapping like Scores."
);

/// One lint finding. `start`/`end` are Python code-point offsets into the
/// analysed text: `report.text[d.start:d.end]` is the flagged text.
#[pyclass(module = "postlint", frozen, eq, get_all)]
#[derive(Clone, PartialEq)]
pub struct Diagnostic {
    /// Rule id, e.g. `hard-sell`.
    pub rule: String,
    /// `"error"`, `"warning"` or `"info"`.
    pub severity: &'static str,
    /// First code point of the flagged text.
    pub start: usize,
    /// First code point after the flagged text.
    pub end: usize,
    /// Why this is flagged, in one sentence.
    pub message: String,
    /// What to do instead, or None.
    pub suggestion: Option<String>,
    /// A mechanical change that resolves the finding, or None.
    pub fix: Option<Fix>,
}

/// A replacement of `text[start:end]` (code points) by `replacement`:
/// what `Report.apply_fixes` applies.
#[pyclass(module = "postlint", frozen, eq, get_all)]
#[derive(Clone, PartialEq)]
pub struct Fix {
    /// First code point replaced.
    pub start: usize,
    /// First code point after the replaced text.
    pub end: usize,
    /// The text that replaces it.
    pub replacement: String,
}

#[pymethods]
impl Fix {
    fn __repr__(&self, py: Python<'_>) -> String {
        format!(
            "Fix(start={}, end={}, replacement={})",
            self.start,
            self.end,
            short_repr(py, &self.replacement, 60)
        )
    }

    /// A plain dict: `start`, `end`, `replacement`.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("start", self.start)?;
        d.set_item("end", self.end)?;
        d.set_item("replacement", &self.replacement)?;
        Ok(d)
    }
}

impl From<&postlint::Diagnostic> for Diagnostic {
    fn from(d: &postlint::Diagnostic) -> Self {
        Self {
            rule: d.rule.to_string(),
            severity: d.severity.as_str(),
            start: d.span.start,
            end: d.span.end,
            message: d.message.clone(),
            suggestion: d.suggestion.as_deref().map(str::to_owned),
            fix: d.fix.as_ref().map(|f| Fix {
                start: f.span.start,
                end: f.span.end,
                replacement: f.replacement.clone(),
            }),
        }
    }
}

#[pymethods]
impl Diagnostic {
    fn __repr__(&self, py: Python<'_>) -> String {
        let suggestion = match &self.suggestion {
            Some(s) => short_repr(py, s, 60),
            None => "None".to_owned(),
        };
        format!(
            "Diagnostic(rule={}, severity={}, start={}, end={}, message={}, suggestion={})",
            short_repr(py, &self.rule, 40),
            short_repr(py, self.severity, 10),
            self.start,
            self.end,
            short_repr(py, &self.message, 60),
            suggestion
        )
    }

    /// A plain dict with the same keys as the CLI's JSON output.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("rule", &self.rule)?;
        d.set_item("severity", self.severity)?;
        d.set_item("start", self.start)?;
        d.set_item("end", self.end)?;
        d.set_item("message", &self.message)?;
        d.set_item("suggestion", &self.suggestion)?;
        // As in the CLI's JSON: the key is there only with a fix.
        if let Some(fix) = &self.fix {
            d.set_item("fix", fix.to_dict(py)?)?;
        }
        Ok(d)
    }
}

/// One signal that moved a dimension's score; `weight` is its contribution
/// to the dimension's log-odds. Offsets are Python code points.
#[pyclass(module = "postlint", frozen, eq, get_all)]
#[derive(Clone, PartialEq)]
pub struct Evidence {
    /// The dimension moved (`salesy`, `personal`, ...).
    pub dimension: &'static str,
    /// Stable signal name, e.g. `call-to-buy`.
    pub signal: String,
    /// First code point of the signal.
    pub start: usize,
    /// First code point after it.
    pub end: usize,
    /// Contribution to the dimension's log-odds.
    pub weight: f64,
}

impl From<&postlint::Evidence> for Evidence {
    fn from(e: &postlint::Evidence) -> Self {
        Self {
            dimension: e.dimension.as_str(),
            signal: e.signal.to_string(),
            start: e.span.start,
            end: e.span.end,
            weight: e.weight,
        }
    }
}

#[pymethods]
impl Evidence {
    fn __repr__(&self, py: Python<'_>) -> String {
        format!(
            "Evidence(dimension={}, signal={}, start={}, end={}, weight={:?})",
            short_repr(py, self.dimension, 30),
            short_repr(py, &self.signal, 40),
            self.start,
            self.end,
            self.weight
        )
    }

    /// A plain dict.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("dimension", self.dimension)?;
        d.set_item("signal", &self.signal)?;
        d.set_item("start", self.start)?;
        d.set_item("end", self.end)?;
        d.set_item("weight", self.weight)?;
        Ok(d)
    }
}

/// What a rule is: id, dimension, severities, description. Built-in rules
/// and a configuration's own (`custom`) rules alike.
#[pyclass(module = "postlint", frozen, eq, get_all)]
#[derive(Clone, PartialEq)]
pub struct RuleInfo {
    /// Stable id, e.g. `hard-sell`.
    pub id: String,
    /// The dimension the rule speaks to (`None` for a custom rule that names none).
    pub dimension: Option<&'static str>,
    /// Severity unless the config says otherwise.
    pub default_severity: &'static str,
    /// Severity under the linter's config (`None`: the rule is off).
    pub severity: Option<&'static str>,
    /// What the rule catches, in one sentence.
    pub description: String,
    /// True for the configuration's own rules.
    pub custom: bool,
}

impl From<postlint::RuleSummary> for RuleInfo {
    fn from(r: postlint::RuleSummary) -> Self {
        Self {
            id: r.id,
            dimension: r.dimension.map(|d| d.as_str()),
            default_severity: r.default_severity.as_str(),
            severity: r.severity.map(|s| s.as_str()),
            description: r.description,
            custom: r.custom,
        }
    }
}

#[pymethods]
impl RuleInfo {
    fn __repr__(&self, py: Python<'_>) -> String {
        format!(
            "RuleInfo(id={}, dimension={}, severity={}, custom={})",
            short_repr(py, &self.id, 40),
            self.dimension
                .map_or("None".into(), |d| short_repr(py, d, 30)),
            self.severity
                .map_or("None".into(), |s| short_repr(py, s, 10)),
            if self.custom { "True" } else { "False" }
        )
    }

    /// A plain dict.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("id", &self.id)?;
        d.set_item("dimension", self.dimension)?;
        d.set_item("default_severity", self.default_severity)?;
        d.set_item("severity", self.severity)?;
        d.set_item("description", &self.description)?;
        d.set_item("custom", self.custom)?;
        Ok(d)
    }
}

/// The full reading of one draft.
///
/// `text` is the exact Python string analysed (lone surrogates included);
/// every offset is a Python code-point index into it.
#[pyclass(module = "postlint", frozen)]
pub struct Report {
    text: Py<PyString>,
    /// The core's report, spans already in code points.
    inner: postlint::Report,
}

impl Report {
    pub fn new(text: Py<PyString>, inner: postlint::Report) -> Self {
        Self { text, inner }
    }

    pub fn inner(&self) -> &postlint::Report {
        &self.inner
    }
}

#[pymethods]
impl Report {
    /// The analysed text, exactly as given.
    #[getter]
    fn text(&self, py: Python<'_>) -> Py<PyString> {
        self.text.clone_ref(py)
    }

    /// "en", or "other" for a draft mostly in another language (English-only
    /// signals stand down on it).
    #[getter]
    fn language(&self) -> &'static str {
        self.inner.language.as_str()
    }

    /// The four scores in [0, 1].
    #[getter]
    fn scores(&self) -> Scores {
        self.inner.scores.into()
    }

    /// The scores against the configured thresholds.
    #[getter]
    fn labels(&self) -> Labels {
        self.inner.labels.into()
    }

    /// Lint findings, by position then rule id.
    #[getter]
    fn diagnostics(&self) -> Vec<Diagnostic> {
        self.inner
            .diagnostics
            .iter()
            .map(Diagnostic::from)
            .collect()
    }

    /// Everything that moved a score, by position.
    #[getter]
    fn evidence(&self) -> Vec<Evidence> {
        self.inner.evidence.iter().map(Evidence::from).collect()
    }

    /// The draft's length on the configured platform, as a dict
    /// `{"platform", "count", "limit"}`, or None without a platform.
    #[getter]
    fn length<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        let Some(length) = &self.inner.length else {
            return Ok(None);
        };
        let value =
            serde_json::to_value(length).map_err(|e| crate::errors::Error::Value(e.to_string()))?;
        Ok(Some(to_py(py, &value)?))
    }

    /// True when some diagnostic has severity "error".
    fn has_errors(&self) -> bool {
        self.inner.has_errors()
    }

    /// `text` (by default the analysed text) with every fix applied; where
    /// fixes overlap the first by position wins, and a fix that does not
    /// fit `text` is skipped. Lint the result again to see what is left.
    #[pyo3(signature = (text = None))]
    fn apply_fixes(&self, py: Python<'_>, text: Option<&Bound<'_, PyAny>>) -> PyResult<String> {
        let text = match text {
            Some(t) => crate::convert::extract_text(t, || "text".to_owned())?,
            None => crate::convert::text_of(self.text.bind(py))?,
        };
        Ok(crate::errors::guard(|| self.inner.apply_fixes(&text))?)
    }

    /// Plain Python data: `text`, `scores`, `labels`, `diagnostics` and
    /// `evidence`, with the same keys as the CLI's JSON output.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let value = serde_json::to_value(&self.inner)
            .map_err(|e| crate::errors::Error::Value(e.to_string()))?;
        let d = to_py(py, &value)?.cast_into::<PyDict>()?;
        d.set_item("text", self.text.bind(py))?;
        Ok(d)
    }

    fn __eq__(&self, other: &Bound<'_, PyAny>) -> PyResult<bool> {
        let Ok(other) = other.cast::<Report>() else {
            return Ok(false);
        };
        let py = other.py();
        let other = other.get();
        Ok(self.inner == other.inner
            && PyAnyMethods::eq(self.text.bind(py).as_any(), other.text.bind(py))?)
    }

    fn __repr__(&self, py: Python<'_>) -> String {
        let s = &self.inner.scores;
        let l = &self.inner.labels;
        let labels: Vec<&str> = DIMENSIONS
            .into_iter()
            .zip([
                l.salesy,
                l.personal,
                l.conversational,
                l.identity_reflecting,
            ])
            .filter_map(|(d, on)| on.then_some(d))
            .collect();
        let mut rules: Vec<&str> = self
            .inner
            .diagnostics
            .iter()
            .map(|d| d.rule.as_ref())
            .collect();
        rules.dedup();
        let text = crate::convert::text_of(self.text.bind(py)).unwrap_or_default();
        format!(
            "<Report {} salesy={:.2} personal={:.2} conversational={:.2} identity_reflecting={:.2} labels=[{}] diagnostics={} [{}]>",
            short_repr(py, &text, 40),
            s.salesy,
            s.personal,
            s.conversational,
            s.identity_reflecting,
            labels.join(", "),
            self.inner.diagnostics.len(),
            rules.join(", ")
        )
    }

    /// Jupyter's rich display: the draft with each diagnostic highlighted and
    /// the four scores as bars (rendered by `postlint._html`).
    fn _repr_html_(slf: &Bound<'_, Self>) -> PyResult<String> {
        let py = slf.py();
        py.import("postlint._html")?
            .call_method1("render_report", (slf,))?
            .extract()
    }
}
