//! Differential tests: every C program in tests/programs/ must print the same stdout and
//! exit with the same status under crepl as compiled by the system C compiler.
//!
//! Each program runs in every tier: forced to the interpreter, forced to the baseline JIT,
//! and in auto mode with thresholds so low that functions move up after a few calls or
//! loop iterations (mixed-mode execution, on-stack replacement). Set
//! `CREPL_PROGRAMS=name1,name2` to run only some programs, `CREPL_TIERS=baseline,...` to
//! run only some tiers.
//!
//! Programs named `threads_*` run `CREPL_THREAD_RUNS` times (default 5) in each tier.
//!
//! A directory in tests/programs/ is one program of several translation units: its `.c`
//! files, in name order, built together by `cc` and given to crepl together.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

/// Extra crepl options per tier; every program runs once per entry.
const TIERS: &[(&str, &[&str])] = &[
    ("interp", &["--tier=interp"]),
    ("baseline", &["--tier=baseline"]),
    (
        "auto-eager",
        &["--tier=auto", "--tier-threshold=3", "--osr-threshold=7"],
    ),
];

fn tiers() -> Vec<(&'static str, &'static [&'static str])> {
    let only = std::env::var("CREPL_TIERS").unwrap_or_default();
    TIERS
        .iter()
        .filter(|t| only.is_empty() || only.split(',').any(|o| o == t.0))
        .copied()
        .collect()
}

struct Outcome {
    stdout: Vec<u8>,
    status: Option<i32>,
}

fn run(mut cmd: Command) -> Outcome {
    let out = cmd
        .stdin(Stdio::null())
        .stderr(Stdio::piped())
        .output()
        .expect("cannot run");
    Outcome {
        stdout: out.stdout,
        status: out.status.code(),
    }
}

fn programs() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/programs");
    let only: Option<Vec<String>> = std::env::var("CREPL_PROGRAMS")
        .ok()
        .filter(|s| !s.is_empty())
        .map(|s| s.split(',').map(String::from).collect());
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "c") || p.is_dir())
        .filter(|p| {
            only.as_ref()
                .is_none_or(|o| o.iter().any(|n| p.file_stem().unwrap() == n.as_str()))
        })
        .collect();
    v.sort();
    v
}

/// The source files of a program: the file itself, or a directory's `.c` files.
fn sources(p: &Path) -> Vec<PathBuf> {
    if !p.is_dir() {
        return vec![p.to_path_buf()];
    }
    let mut v: Vec<PathBuf> = std::fs::read_dir(p)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "c"))
        .collect();
    v.sort();
    v
}

#[test]
fn programs_match_cc() {
    let progs = programs();
    assert!(!progs.is_empty());
    let tmp = std::env::temp_dir().join(format!("crepl-programs-{}", std::process::id()));
    std::fs::create_dir_all(&tmp).unwrap();
    let failures = Mutex::new(Vec::new());
    let next = AtomicUsize::new(0);
    let threads = std::thread::available_parallelism()
        .map_or(2, |n| n.get())
        .min(4);
    std::thread::scope(|sc| {
        for _ in 0..threads {
            sc.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::SeqCst);
                let Some(p) = progs.get(i) else { break };
                let name = p.file_stem().unwrap().to_string_lossy().into_owned();
                let exe = tmp.join(&name);
                let sources = sources(p);
                let cc = Command::new("cc")
                    .args(["-std=gnu11", "-O0", "-w", "-pthread", "-o"])
                    .arg(&exe)
                    .args(&sources)
                    .args(["-lm", "-latomic"])
                    .output()
                    .expect("cc is needed for the differential tests");
                if !cc.status.success() {
                    failures.lock().unwrap().push(format!("{name}: cc failed:\n{}", String::from_utf8_lossy(&cc.stderr)));
                    continue;
                }
                let want = run(Command::new(&exe));
                // Programs with threads run several times in each tier, to catch races
                // (`CREPL_THREAD_RUNS`, default 5).
                let runs = if name.starts_with("threads_") {
                    std::env::var("CREPL_THREAD_RUNS").ok().and_then(|v| v.parse().ok()).unwrap_or(5)
                } else {
                    1
                };
                for (tier, flags) in tiers().into_iter().flat_map(|t| std::iter::repeat_n(t, runs)) {
                    let mut c = Command::new(env!("CARGO_BIN_EXE_crepl"));
                    c.args(flags).args(&sources);
                    let got = run(c);
                    if got.stdout != want.stdout || got.status != want.status {
                        let (w, g) = (String::from_utf8_lossy(&want.stdout), String::from_utf8_lossy(&got.stdout));
                        let first = w.lines().zip(g.lines()).position(|(a, b)| a != b);
                        failures.lock().unwrap().push(format!(
                            "{name} [{tier}]: status cc={:?} crepl={:?}; first differing line {:?}\n  cc:    {:?}\n  crepl: {:?}",
                            want.status,
                            got.status,
                            first,
                            first.and_then(|i| w.lines().nth(i)),
                            first.and_then(|i| g.lines().nth(i)),
                        ));
                    }
                }
            });
        }
    });
    let _ = std::fs::remove_dir_all(&tmp);
    let f = failures.into_inner().unwrap();
    assert!(
        f.is_empty(),
        "{} of {} programs differ:\n{}",
        f.len(),
        progs.len(),
        f.join("\n")
    );
}
