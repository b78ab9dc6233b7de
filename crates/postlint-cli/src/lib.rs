//! The `postlint` command's reusable parts. The binary lives in `main.rs`;
//! this library exists so the `batch` line parser can be fuzzed and tested
//! without spawning a process.

pub mod batch;
