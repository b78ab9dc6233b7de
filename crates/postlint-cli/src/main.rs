//! `postlint`: lint social-media drafts from the terminal.

mod eval;
mod human;
mod progress;

use std::io::{IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use postlint::{Config, Linter, OffsetUnit, Platform};
use postlint_cli::batch;

/// Exit code for usage, configuration and I/O errors.
pub(crate) const EXIT_USAGE: u8 = 2;

#[derive(Parser)]
#[command(
    name = "postlint",
    version,
    about = "Lint a social-media draft: how salesy, personal, conversational and identity-reflecting it reads."
)]
struct Cli {
    /// TOML config file; defaults to ./postlint.toml when present.
    #[arg(long, global = true, value_name = "FILE")]
    config: Option<PathBuf>,
    /// The platform the drafts are for (x, bluesky, threads, mastodon,
    /// linkedin, instagram, facebook): reports gain `length` and the
    /// `too-long` rule applies. Overrides the config's `platform`.
    #[arg(long, global = true, value_name = "NAME", value_parser = parse_platform)]
    platform: Option<Platform>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Lint one draft and print a report. Exit 1 when an error-severity rule fires.
    Check {
        /// Draft file, or - (the default) for standard input.
        #[arg(default_value = "-")]
        file: String,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Human)]
        format: Format,
        /// Also list, per dimension, the evidence that moved each score.
        #[arg(long)]
        explain: bool,
        /// Apply every fix (non-overlapping ones, in one pass) and rewrite
        /// FILE; with - the fixed draft goes to standard output and the
        /// report to standard error. The report is of what is left.
        #[arg(long)]
        fix: bool,
    },
    /// Lint JSONL drafts ({"id", "text"} per line) into JSONL reports:
    /// exactly one output line per input line, in order; a bad or blank line
    /// gets an {"id", "line", "error"} line. Exit 1 if any line failed.
    Batch {
        /// JSONL file, or - (the default) for standard input.
        #[arg(default_value = "-")]
        file: String,
        /// Unit of the start/end offsets in the output.
        #[arg(long, value_enum, default_value_t = Offsets::Bytes)]
        offsets: Offsets,
        /// Add each draft's evidence to its output line.
        #[arg(long)]
        explain: bool,
        /// Show a progress line (lines done, rate) on stderr. The default
        /// is to show it only when stderr is a terminal.
        #[arg(long, overrides_with = "no_progress")]
        progress: bool,
        /// Never show the progress line.
        #[arg(long, overrides_with = "progress")]
        no_progress: bool,
    },
    /// Tokenize JSONL drafts ({"id", "text"} per line) into JSONL
    /// {"id", "tokens": [{"kind", "start", "end", "text"}]} lines, with the
    /// same one-line-per-line and error-line rules as `batch`.
    Tokens {
        /// JSONL file, or - (the default) for standard input.
        #[arg(default_value = "-")]
        file: String,
        /// Unit of the start/end offsets in the output.
        #[arg(long, value_enum, default_value_t = Offsets::Bytes)]
        offsets: Offsets,
    },
    /// Measure scores and rules against labelled JSONL data.
    Eval {
        /// Labelled files: the dev-corpus format, or {"text", "label"} files
        /// with spam/ham, tweet-act, corporate-messaging or person/brand labels.
        #[arg(required_unless_present = "cv")]
        files: Vec<PathBuf>,
        /// Print one JSON object instead of tables.
        #[arg(long)]
        json: bool,
        /// Held-out measurement instead: leave each writer of the corpora and
        /// each external set out of training in turn, and measure it with
        /// the model fitted on the rest.
        #[arg(long, conflicts_with = "files")]
        cv: bool,
        /// The shared data folder (with corpus/ and data/), for --cv.
        #[arg(long, default_value = "../shared")]
        data: PathBuf,
        /// Training settings for --cv other than the defaults `postlint
        /// train` uses, as `key=value` (l2, external_rows, l2_words,
        /// max_words, min_word_drafts, balance, offsets, soft (weight of
        /// disagreed cells as targets of 0.5), writers (evening out
        /// writers' row counts), l2_zero (times l2 on weights whose prior
        /// is 0; inf keeps them at 0); calibrate=1 for per-dimension
        /// temperatures, keep_sign=1 to keep non-zero priors' signs), to
        /// compare settings held out.
        #[arg(long = "set", value_name = "KEY=VALUE")]
        settings: Vec<String>,
        /// With --cv, also write every held-out draft to FILE as a JSONL
        /// line: its writer or set, text, labels, and the held-out model's
        /// scores, rules and evidence (to read a writer's misses).
        #[arg(long, value_name = "FILE")]
        drafts: Option<PathBuf>,
    },
    /// Fit the model's weights on the labelled data and write the model file
    /// the library compiles in (the same data gives the same file, byte for
    /// byte).
    Train {
        /// The shared data folder (with corpus/ and data/).
        #[arg(long, default_value = "../shared")]
        data: PathBuf,
        /// Where to write the model (default: standard output).
        #[arg(long)]
        out: Option<PathBuf>,
        /// Write nothing; exit 1 unless this file already holds exactly the
        /// model the data gives.
        #[arg(long, conflicts_with = "out")]
        check: Option<PathBuf>,
    },
    /// List every rule with its id, severity, dimension and description,
    /// the config's custom rules included.
    Rules {
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Human)]
        format: Format,
    },
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
enum Format {
    Human,
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
enum Offsets {
    Bytes,
    Chars,
    Utf16,
}

impl From<Offsets> for OffsetUnit {
    fn from(o: Offsets) -> Self {
        match o {
            Offsets::Bytes => OffsetUnit::Bytes,
            Offsets::Chars => OffsetUnit::Chars,
            Offsets::Utf16 => OffsetUnit::Utf16,
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => ExitCode::from(code),
        Err(msg) => {
            eprintln!("postlint: {msg}");
            ExitCode::from(EXIT_USAGE)
        }
    }
}

fn parse_platform(name: &str) -> Result<Platform, String> {
    Platform::parse(name).ok_or_else(|| {
        let names: Vec<_> = Platform::ALL.iter().map(|p| p.as_str()).collect();
        format!("unknown platform; known ones are: {}", names.join(", "))
    })
}

fn run(cli: Cli) -> Result<u8, String> {
    let linter = load_linter(cli.config.as_deref(), cli.platform)?;
    let mut stdout = std::io::stdout().lock();
    let result = match cli.command {
        Command::Check {
            file,
            format,
            explain,
            fix,
        } => {
            let bytes = read_input(&file)?;
            let mut text = String::from_utf8(bytes)
                .map_err(|e| format!("{}: not valid UTF-8 ({e})", display_name(&file)))?;
            let mut report = linter.analyze(&text);
            // With `--fix -` the fixed draft owns standard output.
            let mut stderr = std::io::stderr().lock();
            let (out, is_terminal): (&mut dyn Write, bool) = if fix && file == "-" {
                (&mut stderr, std::io::stderr().is_terminal())
            } else {
                (&mut stdout, std::io::stdout().is_terminal())
            };
            if fix {
                let fixed = report.apply_fixes(&text);
                if file == "-" {
                    std::io::stdout()
                        .lock()
                        .write_all(fixed.as_bytes())
                        .and_then(|()| std::io::stdout().lock().flush())
                        .map_err(|e| format!("stdout: {e}"))?;
                } else if fixed != text {
                    std::fs::write(&file, &fixed).map_err(|e| format!("{file}: {e}"))?;
                }
                report = linter.analyze(&fixed);
                text = fixed;
            }
            match format {
                Format::Json => {
                    serde_json::to_writer(&mut *out, &report).map_err(|e| e.to_string())?;
                    writeln!(out).map_err(|e| e.to_string())?;
                }
                Format::Human => {
                    let color =
                        is_terminal && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
                    let rendered = human::render(&text, &report, &linter, explain, color);
                    out.write_all(rendered.as_bytes())
                        .map_err(|e| e.to_string())?;
                }
            }
            Ok(u8::from(report.has_errors()))
        }
        Command::Batch {
            file,
            offsets,
            explain,
            progress,
            no_progress,
        } => {
            let input = open_input(&file)?;
            let show = if progress || no_progress {
                progress
            } else {
                std::io::stderr().is_terminal()
            };
            let mut bar = show.then(progress::Progress::new);
            let on_line = |n| {
                if let Some(bar) = bar.as_mut() {
                    bar.tick(n);
                }
            };
            let failed = batch::run_with(
                &linter,
                input,
                &mut stdout,
                offsets.into(),
                explain,
                on_line,
            )
            .map_err(|e| format!("{}: {e}", display_name(&file)))?;
            if let Some(bar) = &bar {
                bar.finish();
            }
            Ok(u8::from(failed > 0))
        }
        Command::Tokens { file, offsets } => {
            let input = open_input(&file)?;
            let failed = batch::tokens(input, &mut stdout, offsets.into())
                .map_err(|e| format!("{}: {e}", display_name(&file)))?;
            Ok(u8::from(failed > 0))
        }
        Command::Eval {
            files,
            json,
            cv,
            data,
            settings,
            drafts,
        } => {
            if drafts.is_some() && !cv {
                return Err("--drafts writes held-out drafts: it needs --cv".into());
            }
            let out = if cv {
                eval::cross_validate(&data, json, &settings, drafts.as_deref())?
            } else {
                eval::run(&linter, &files, json)?
            };
            stdout
                .write_all(out.as_bytes())
                .map_err(|e| e.to_string())?;
            Ok(0)
        }
        Command::Train { data, out, check } => {
            let examples = postlint::train::load(&data)?;
            let model = postlint::train::train(&examples, postlint::train::Options::default());
            if let Some(path) = check {
                let have = std::fs::read_to_string(&path)
                    .map_err(|e| format!("{}: {e}", path.display()))?;
                if have != model {
                    let _ = writeln!(
                        std::io::stderr(),
                        "postlint: {} differs from the model the data gives; run postlint train --out {}",
                        path.display(),
                        path.display()
                    );
                    return Ok(1);
                }
            } else if let Some(path) = out {
                std::fs::write(&path, &model).map_err(|e| format!("{}: {e}", path.display()))?;
            } else {
                stdout
                    .write_all(model.as_bytes())
                    .map_err(|e| e.to_string())?;
            }
            Ok(0)
        }
        Command::Rules { format } => {
            let out = match format {
                Format::Json => {
                    serde_json::to_string_pretty(&linter.config().rule_catalogue())
                        .map_err(|e| e.to_string())?
                        + "\n"
                }
                Format::Human => human::rules_table(&linter.config().rule_catalogue()),
            };
            stdout
                .write_all(out.as_bytes())
                .map_err(|e| e.to_string())?;
            Ok(0)
        }
    };
    stdout.flush().map_err(|e| e.to_string())?;
    result
}

/// A JSONL input: a file, or standard input for `-`.
fn open_input(file: &str) -> Result<Box<dyn Read>, String> {
    Ok(if file == "-" {
        Box::new(std::io::stdin().lock())
    } else {
        Box::new(std::fs::File::open(file).map_err(|e| format!("{file}: {e}"))?)
    })
}

fn load_linter(path: Option<&Path>, platform: Option<Platform>) -> Result<Linter, String> {
    let default = Path::new("postlint.toml");
    let path = match path {
        Some(p) => Some(p),
        None if default.is_file() => Some(default),
        None => None,
    };
    let mut config = match path {
        Some(p) => {
            let src = std::fs::read_to_string(p).map_err(|e| format!("{}: {e}", p.display()))?;
            Config::from_toml(&src).map_err(|e| format!("{}: {e}", p.display()))?
        }
        None => Config::default(),
    };
    if platform.is_some() {
        config.platform = platform;
    }
    Linter::new(config).map_err(|e| e.to_string())
}

/// How error messages name an input file: `-` is standard input.
fn display_name(file: &str) -> &str {
    if file == "-" {
        "stdin"
    } else {
        file
    }
}

fn read_input(file: &str) -> Result<Vec<u8>, String> {
    let mut buf = Vec::new();
    if file == "-" {
        std::io::stdin()
            .read_to_end(&mut buf)
            .map_err(|e| format!("stdin: {e}"))?;
    } else {
        buf = std::fs::read(file).map_err(|e| format!("{file}: {e}"))?;
    }
    Ok(buf)
}
