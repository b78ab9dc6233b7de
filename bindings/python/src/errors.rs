//! The one place where failures become Python exceptions.
//!
//! Everything in this crate that can fail returns [`Error`]; the single
//! `From<Error> for PyErr` below decides which exception Python sees.

use std::any::Any;

use pyo3::exceptions::{PyRuntimeError, PyTypeError, PyValueError};
use pyo3::prelude::*;

pyo3::create_exception!(
    postlint,
    ConfigError,
    PyValueError,
    "A configuration that cannot be used. `.key` names the offending key \
     (dotted, e.g. `thresholds.salesy`, or `brands[0]`), or is None when the \
     problem is not about one key."
);

pyo3::create_exception!(
    postlint,
    InternalError,
    PyRuntimeError,
    "A bug inside postlint (a Rust panic caught at the binding's boundary). \
     The interpreter is unaffected; please report the input that caused it."
);

/// A failure on the way between Python and the core.
#[derive(Debug)]
pub enum Error {
    /// The core rejected the configuration.
    Config(postlint::ConfigError),
    /// An argument had the wrong Python type. `what` names the argument
    /// (e.g. `text`, `texts[3]`), `expected` what it should be.
    Type {
        what: String,
        expected: &'static str,
        got: String,
    },
    /// An argument had the right type but an unusable value.
    Value(String),
    /// The core panicked; the payload's message.
    Panic(String),
    /// A Python exception raised while talking to Python (iteration, ...).
    Python(PyErr),
}

impl Error {
    /// A type error for `obj` used as `what`.
    pub fn wrong_type(
        what: impl Into<String>,
        expected: &'static str,
        obj: &Bound<'_, PyAny>,
    ) -> Self {
        let got = obj
            .get_type()
            .name()
            .map(|n| n.to_string())
            .unwrap_or_else(|_| "<unknown type>".to_owned());
        Error::Type {
            what: what.into(),
            expected,
            got,
        }
    }

    /// Turns a panic payload into an [`Error::Panic`].
    pub fn from_panic(payload: Box<dyn Any + Send>) -> Self {
        let msg = if let Some(s) = payload.downcast_ref::<&str>() {
            (*s).to_owned()
        } else if let Some(s) = payload.downcast_ref::<String>() {
            s.clone()
        } else {
            "unknown panic".to_owned()
        };
        Error::Panic(msg)
    }
}

impl From<PyErr> for Error {
    fn from(e: PyErr) -> Self {
        Error::Python(e)
    }
}

impl From<postlint::ConfigError> for Error {
    fn from(e: postlint::ConfigError) -> Self {
        Error::Config(e)
    }
}

impl From<Error> for PyErr {
    fn from(e: Error) -> PyErr {
        match e {
            Error::Config(e) => {
                let key = e.key().map(str::to_owned);
                let err = ConfigError::new_err(e.to_string());
                Python::attach(|py| {
                    // Best effort: an exception instance always takes attributes.
                    let _ = err.value(py).setattr("key", key);
                });
                err
            }
            Error::Type {
                what,
                expected,
                got,
            } => PyTypeError::new_err(format!("{what} must be {expected}, not {got}")),
            Error::Value(msg) => PyValueError::new_err(msg),
            Error::Panic(msg) => InternalError::new_err(format!(
                "postlint hit an internal error (this is a bug, please report it): {msg}"
            )),
            Error::Python(e) => e,
        }
    }
}

/// Runs `f`, turning a panic into [`Error::Panic`] instead of letting it
/// unwind into pyo3 (which would raise a `BaseException` subclass that
/// `except Exception` does not catch).
pub fn guard<T>(f: impl FnOnce() -> T) -> Result<T, Error> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)).map_err(Error::from_panic)
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
