//! Command-line options, accepted as a C compiler spells them (`-I dir`, `-DNAME=1`,
//! `-std=c11`, `-lm`) plus crepl's own long options.

use clap::Parser;
use std::process::ExitCode;

#[derive(Parser, Debug, Clone, Default)]
#[command(
    name = "crepl",
    version,
    about = "An interactive C interpreter and script runner",
    long_about = "crepl runs C interactively or as a script.\n\n\
        crepl                 start the REPL (line editing on a terminal; reads inputs from stdin otherwise)\n\
        crepl -e 'CODE'       run CODE as one REPL input and exit\n\
        crepl FILE.c [ARGS]   run a program like `tcc -run`: main(argc, argv), exit status from main\n\n\
        In the REPL, type declarations, function definitions and statements; an expression with no\n\
        trailing ';' prints its value as `(TYPE) VALUE`. Meta-commands: %help, %quit, %undo [N], %lib PATH.\n\n\
        Accepted and ignored, as cc has them: -O<level>, -g, -W<warning>, -f<flag>, -m<flag>, -pthread, -pedantic.",
    trailing_var_arg = true
)]
pub struct Opts {
    /// Add DIR to the #include search path (before the system directories).
    #[arg(short = 'I', value_name = "DIR")]
    pub include: Vec<String>,
    /// Define a macro: NAME or NAME=VALUE.
    #[arg(short = 'D', value_name = "NAME[=VAL]")]
    pub define: Vec<String>,
    /// Undefine a predefined macro.
    #[arg(short = 'U', value_name = "NAME")]
    pub undef: Vec<String>,
    /// Load the shared library libNAME.so.
    #[arg(short = 'l', value_name = "NAME")]
    pub libs: Vec<String>,
    /// Add DIR to the library search path for -l.
    #[arg(short = 'L', value_name = "DIR")]
    pub lib_dirs: Vec<String>,
    /// Suppress warnings.
    #[arg(short = 'w')]
    pub no_warnings: bool,
    /// Language standard (c99, c11, gnu11, ...): accepted; crepl implements C11 with GNU extensions.
    #[arg(long = "std", value_name = "STD")]
    pub std: Option<String>,
    /// Run CODE as one input and exit (may be repeated).
    #[arg(short = 'e', value_name = "CODE")]
    pub exprs: Vec<String>,
    /// Run user code inside the crepl process instead of a separate executor process (for
    /// debugging; a crash of user code then ends crepl).
    #[arg(long = "in-process")]
    pub in_process: bool,
    /// Run user code on a remote executor (`crepl-executor --listen HOST:PORT`).
    #[arg(long = "connect", value_name = "HOST:PORT")]
    pub connect: Option<String>,
    /// The shared key for --connect (default: $CREPL_KEY, else ~/.local/share/crepl/executor.key).
    #[arg(long = "key-file", value_name = "PATH")]
    pub key_file: Option<String>,
    /// After the executor crashes, start an empty session instead of restoring the old one.
    #[arg(long = "no-restore")]
    pub no_restore: bool,
    /// Stop an input that runs longer than SECS (the session is kept).
    #[arg(long = "timeout", value_name = "SECS")]
    pub timeout: Option<f64>,
    /// Cap the memory user code may allocate (e.g. 512M, 2G): beyond it malloc returns NULL.
    #[arg(long = "memory-limit", value_name = "SIZE", value_parser = parse_size)]
    pub memory_limit: Option<u64>,
    /// Never colour diagnostics.
    #[arg(long = "no-color")]
    pub no_color: bool,
    /// When reading inputs from a pipe or file, echo each one after a prompt, as a terminal
    /// session would show it (for transcripts: `crepl --echo < session.repl 2>&1`).
    #[arg(long = "echo")]
    pub echo: bool,
    /// Which tier runs the code: interp, baseline, opt (the baseline tier until the
    /// optimizing tier exists), or auto (interpret, compile what is hot).
    #[arg(long = "tier", value_name = "TIER", default_value = "auto", value_parser = parse_tier)]
    pub tier: ir::protocol::TierName,
    /// In auto mode, compile a function after it was called N times.
    #[arg(long = "tier-threshold", value_name = "N", default_value_t = ir::protocol::TierPolicy::DEFAULT_CALLS)]
    pub tier_threshold: u64,
    /// In auto mode, compile a function whose loops ran N iterations, in the middle of the
    /// loop that is running (on-stack replacement).
    #[arg(long = "osr-threshold", value_name = "N", default_value_t = ir::protocol::TierPolicy::DEFAULT_LOOPS)]
    pub osr_threshold: u64,
    /// Print each change of tier on stderr as it happens.
    #[arg(long = "trace-tiers")]
    pub trace_tiers: bool,
    /// The program to run, then its arguments.
    #[arg(value_name = "FILE.c [ARGS]", num_args = 0..)]
    pub rest: Vec<String>,
    #[arg(skip)]
    pub file: Option<String>,
    /// All source files of a multi-file program (`crepl a.c b.c -- args`).
    #[arg(skip)]
    pub files: Vec<String>,
    #[arg(skip)]
    pub args: Vec<String>,
}

fn parse_tier(s: &str) -> Result<ir::protocol::TierName, String> {
    ir::protocol::TierName::parse(s)
        .ok_or_else(|| format!("unknown tier '{s}' (interp, baseline, opt or auto)"))
}

impl Opts {
    /// The tier policy the executor gets (on start and after every restart).
    pub fn tier_policy(&self) -> ir::protocol::TierPolicy {
        ir::protocol::TierPolicy {
            mode: self.tier,
            call_threshold: self.tier_threshold,
            osr_threshold: self.osr_threshold.max(1),
            trace: self.trace_tiers,
        }
    }
}

/// Parses argv. Compiler flags with no meaning for crepl are dropped first; `-std=` is
/// turned into `--std=` (clap has no multi-letter short options).
pub fn parse(argv: Vec<String>) -> Result<Opts, ExitCode> {
    let mut norm = Vec::with_capacity(argv.len());
    let mut it = argv.into_iter();
    norm.extend(it.next());
    let mut after_file = false;
    for a in it.by_ref() {
        if after_file {
            norm.push(a);
            continue;
        }
        if a == "--" {
            norm.push(a);
            after_file = true;
            continue;
        }
        if let Some(v) = a.strip_prefix("-std=") {
            norm.push(format!("--std={v}"));
            continue;
        }
        let ignored = (a.starts_with("-O")
            || a.starts_with("-g")
            || a.starts_with("-f")
            || a.starts_with("-m"))
            || (a.starts_with("-W") && a.len() > 2)
            || a == "-pthread"
            || a == "-pedantic"
            || a == "-ansi"
            || a == "-pipe"
            || a == "-c";
        if ignored {
            continue;
        }
        if !a.starts_with('-') && a.ends_with(".c") {
            // The program's files and arguments follow: leave them alone.
            after_file = true;
        }
        norm.push(a);
    }
    let mut o = match Opts::try_parse_from(norm) {
        Ok(o) => o,
        Err(e) => {
            let _ = e.print();
            return Err(if e.use_stderr() {
                ExitCode::from(2)
            } else {
                ExitCode::SUCCESS
            });
        }
    };
    let mut rest = std::mem::take(&mut o.rest);
    if rest.first().is_some_and(|s| s == "--") {
        rest.remove(0);
    }
    // Leading .c files are the program's sources (`crepl a.c b.c -- args`); the rest,
    // after an optional `--`, are its arguments. argv[0] is the first source.
    let n = rest
        .iter()
        .take_while(|a| a.ends_with(".c") && !a.starts_with('-'))
        .count()
        .max(rest.len().min(1));
    if n > 0 {
        o.files = rest[..n].to_vec();
        o.file = Some(rest[0].clone());
        let mut args = vec![rest[0].clone()];
        let tail = &rest[n..];
        let tail = if tail.first().is_some_and(|s| s == "--") {
            &tail[1..]
        } else {
            tail
        };
        args.extend(tail.iter().cloned());
        o.args = args;
    }
    Ok(o)
}

/// `512M`, `2G`, `100000K`, `4096`.
fn parse_size(s: &str) -> Result<u64, String> {
    let t = s.trim();
    let (num, mul) = match t.chars().last().map(|c| c.to_ascii_uppercase()) {
        Some('K') => (&t[..t.len() - 1], 1u64 << 10),
        Some('M') => (&t[..t.len() - 1], 1 << 20),
        Some('G') => (&t[..t.len() - 1], 1 << 30),
        Some('T') => (&t[..t.len() - 1], 1 << 40),
        _ => (t, 1),
    };
    let n: f64 = num
        .parse()
        .map_err(|_| format!("'{s}' is not a size (use e.g. 512M or 2G)"))?;
    if n < 0.0 {
        return Err(format!("'{s}' is not a size"));
    }
    Ok((n * mul as f64) as u64)
}

impl Opts {
    pub fn pp_options(&self) -> frontend::pp::PpOptions {
        frontend::pp::PpOptions {
            include_dirs: self.include.iter().map(Into::into).collect(),
            defines: self
                .define
                .iter()
                .map(|d| match d.split_once('=') {
                    Some((n, v)) => (n.to_string(), Some(v.to_string())),
                    None => (d.clone(), None),
                })
                .collect(),
            undefs: self.undef.clone(),
        }
    }
}
