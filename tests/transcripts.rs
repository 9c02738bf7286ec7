//! Golden transcripts: each tests/transcripts/*.repl is fed to a fresh `crepl --echo` and
//! the whole session (inputs, program output, values, diagnostics) is compared with its
//! snapshot in tests/transcripts/snapshots/. Addresses are masked as `0x<addr>`.
//!
//! To accept changed output: `INSTA_UPDATE=always cargo test --test transcripts`, then
//! read the diff of the .snap files before committing.

use std::path::Path;
use std::process::{Command, Stdio};

/// Runs crepl on `input` with stdout and stderr into one file, so the order is exactly
/// what a terminal would show.
pub fn transcript(input: &Path, flags: &[&str]) -> String {
    transcript_env(input, flags, &[])
}

pub fn transcript_env(input: &Path, flags: &[&str], envs: &[(&str, &str)]) -> String {
    // Unique per run: several tests run the same transcripts at once (one per tier).
    static RUN: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let out_path = std::env::temp_dir().join(format!(
        "crepl-transcript-{}-{}-{}.out",
        std::process::id(),
        RUN.fetch_add(1, std::sync::atomic::Ordering::SeqCst),
        input.file_stem().unwrap().to_string_lossy()
    ));
    let out = std::fs::File::create(&out_path).unwrap();
    let status = Command::new(env!("CARGO_BIN_EXE_crepl"))
        .args(["--echo", "--no-color"])
        .args(flags)
        .envs(envs.iter().copied())
        .stdin(std::fs::File::open(input).unwrap())
        .stdout(Stdio::from(out.try_clone().unwrap()))
        .stderr(Stdio::from(out))
        .current_dir(input.parent().unwrap())
        .status()
        .unwrap();
    let text = std::fs::read_to_string(&out_path).unwrap_or_default();
    let _ = std::fs::remove_file(&out_path);
    format!(
        "{}[exit status {}]\n",
        mask_times(&mask(&text)),
        status.code().map_or("signal".into(), |c| c.to_string())
    )
}

/// `session restored (9 inputs replayed, 3 ms)`, `12.5 us` (compile times in `%stats` and
/// `--trace-tiers`): times vary from run to run. Code sizes (`304 B`, `(304 bytes`) are
/// masked too.
fn mask_times(s: &str) -> String {
    s.lines()
        .map(|l| {
            let words: Vec<&str> = l.split(' ').collect();
            let mut out: Vec<&str> = Vec::with_capacity(words.len());
            for (i, w) in words.iter().enumerate() {
                let next = words.get(i + 1).copied().unwrap_or("");
                if (next == "us" || next.starts_with("us)")) && w.parse::<f64>().is_ok() {
                    out.push("<t>");
                } else if (next == "B" || next == "bytes")
                    && w.trim_start_matches('(').parse::<u64>().is_ok()
                {
                    // Code sizes change with every change to code generation.
                    out.push(if w.starts_with('(') { "(<n>" } else { "<n>" });
                } else {
                    out.push(w);
                }
            }
            let masked = out.join(" ");
            if masked != l {
                // Table columns move with the masked widths: collapse the padding.
                masked
                    .split(' ')
                    .filter(|w| !w.is_empty())
                    .collect::<Vec<_>>()
                    .join(" ")
            } else {
                masked
            }
        })
        .map(|l| {
            match (
                l.starts_with("session restored ("),
                l.rfind(", "),
                l.ends_with(" ms)"),
            ) {
                (true, Some(i), true) => format!("{}, <t> ms)", &l[..i]),
                _ => l.to_string(),
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
        + if s.ends_with('\n') { "\n" } else { "" }
}

/// Replaces addresses (`0x` and 6 or more hex digits) with `0x<addr>`.
fn mask(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'0' && b.get(i + 1) == Some(&b'x') {
            let n = b[i + 2..]
                .iter()
                .take_while(|c| c.is_ascii_hexdigit())
                .count();
            if n >= 6 {
                out.push_str("0x<addr>");
                i += 2 + n;
                continue;
            }
        }
        let ch = s[i..].chars().next().unwrap();
        out.push(ch);
        i += ch.len_utf8();
    }
    out
}

fn repl_files(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "repl"))
        .collect();
    files.sort();
    assert!(!files.is_empty());
    files
}

/// Runs every transcript of `dir` with crepl `flags` and `envs`, against `dir/snapshots`.
fn check_dir(dir: &Path, flags: &[&str], envs: &[(&str, &str)]) {
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path(dir.join("snapshots"));
    settings.set_prepend_module_to_snapshot(false);
    settings.bind(|| {
        for f in repl_files(dir) {
            let name = f.file_stem().unwrap().to_string_lossy().into_owned();
            // `// flags: --timeout 1` on the first line passes options to crepl.
            let first = std::fs::read_to_string(&f)
                .unwrap_or_default()
                .lines()
                .next()
                .unwrap_or("")
                .to_string();
            let own: Vec<String> = first
                .strip_prefix("// flags:")
                .map(|l| l.split_whitespace().map(String::from).collect())
                .unwrap_or_default();
            let mut all: Vec<&str> = flags.to_vec();
            all.extend(own.iter().map(String::as_str));
            let got = transcript_env(&f, &all, envs);
            insta::assert_snapshot!(name, got);
        }
    });
}

/// Every transcript, with the spawned executor (the default). The same transcripts must
/// print the same bytes with the executor in crepl's process and over TCP.
#[test]
fn transcripts() {
    check_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/transcripts"),
        &[],
        &[],
    );
}

/// Every transcript again with all code compiled by the baseline JIT: the same bytes.
#[test]
fn transcripts_baseline() {
    check_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/transcripts"),
        &["--tier=baseline"],
        &[],
    );
}

/// And in auto mode with tiny thresholds: functions move up after two calls, loops after
/// five iterations (on-stack replacement), so interpreted and compiled code mix.
#[test]
fn transcripts_auto_eager() {
    check_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/transcripts"),
        &["--tier-threshold=2", "--osr-threshold=5"],
        &[],
    );
}

#[test]
fn transcripts_in_process() {
    check_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/transcripts"),
        &["--in-process"],
        &[],
    );
}

/// The same transcripts with the executor behind TCP on 127.0.0.1 (`crepl-executor
/// --listen`, `crepl --connect`): the same bytes again, program output included.
#[test]
fn transcripts_over_tcp() {
    const KEY: &str = "transcript-test-key";
    let exe = Path::new(env!("CARGO_BIN_EXE_crepl")).with_file_name("crepl-executor");
    let mut listener = Command::new(exe)
        .args(["--listen", "127.0.0.1:0"])
        .env("CREPL_KEY", KEY)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut err = std::io::BufReader::new(listener.stderr.take().unwrap());
    let mut line = String::new();
    std::io::BufRead::read_line(&mut err, &mut line).unwrap();
    let addr = line.trim().rsplit(' ').next().unwrap().to_string();
    std::thread::spawn(move || for _ in std::io::BufRead::lines(err) {});
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/transcripts");
    let r =
        std::panic::catch_unwind(|| check_dir(&dir, &["--connect", &addr], &[("CREPL_KEY", KEY)]));
    let _ = listener.kill();
    let _ = listener.wait();
    if let Err(e) = r {
        std::panic::resume_unwind(e);
    }
}

/// Sessions about the executor process itself (crashes and recovery, interrupts,
/// constructors, destructors and atexit order at exit): spawned executor only.
#[test]
fn executor_transcripts() {
    check_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/executor"),
        &[],
        &[],
    );
}

/// Tiers seen by the user: `%tier`, `%stats`, `--trace-tiers`, mixed-mode execution
/// (recursion alternating tiers, callbacks from the C library into each tier, a function
/// compiled while it is on the stack). Default flags only: these sessions choose tiers
/// themselves.
#[test]
fn tier_transcripts() {
    check_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/tiers"),
        &[],
        &[],
    );
}

/// Crashes, Ctrl-C and timeouts inside compiled code.
#[test]
fn executor_transcripts_baseline() {
    check_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/executor"),
        &["--tier=baseline"],
        &[],
    );
}
