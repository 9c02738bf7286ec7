//! The C preprocessor (C11 6.10 plus the GNU extensions glibc needs): the preprocessing tokens
//! of one REPL input or file, and everything it includes, into the macro-expanded token stream.
//! Macros persist across inputs and can be rolled back to a checkpoint.

mod expr;
mod macros;
mod predef;
#[cfg(test)]
mod tests;

use crate::diag::Diag;
use crate::headers::builtin_header;
use crate::lex::{is_terminated_literal, lex_with, FastMap};
use crate::source::{FileId, Loc, SourceMap};
use crate::token::{PpKind, PpToken};
use macros::{HideSets, Macro};
use std::path::{Path, PathBuf};
use std::rc::Rc;
use std::time::SystemTime;

/// Command-line options of the preprocessor.
#[derive(Clone, Debug, Default)]
pub struct PpOptions {
    /// `-I` directories, searched in order before the system directories.
    pub include_dirs: Vec<PathBuf>,
    /// `-D NAME[=VALUE]` (no value means `1`); `NAME` may be `f(x)` for a function-like macro.
    pub defines: Vec<(String, Option<String>)>,
    /// `-U NAME`, applied after the defines.
    pub undefs: Vec<String>,
}

/// A position in the preprocessor's undo log (see [`Preprocessor::checkpoint`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct PpCheckpoint(usize);

/// Token flag: whitespace before the token.
const SPACE: u8 = 1;
/// Token flag: first token on its line.
const BOL: u8 = 2;
/// Token flag: a placemarker (C11 6.10.3.3), only during substitution.
const PLACEMARKER: u8 = 4;

/// The preprocessor's own token: a preprocessing token plus flags and a hide set.
#[derive(Clone, Debug)]
struct Tok {
    kind: PpKind,
    flags: u8,
    /// Hide set (an index into [`HideSets`]; 0 is the empty set).
    hs: u32,
    text: Rc<str>,
    loc: Loc,
}

impl Tok {
    fn new(kind: PpKind, text: impl Into<Rc<str>>, loc: Loc, flags: u8) -> Tok {
        Tok {
            kind,
            flags,
            hs: 0,
            text: text.into(),
            loc,
        }
    }
    fn from_pp(t: PpToken) -> Tok {
        let flags = (t.space_before as u8 * SPACE) | (t.line_start as u8 * BOL);
        Tok {
            kind: t.kind,
            flags,
            hs: 0,
            text: t.text,
            loc: t.loc,
        }
    }
    fn is_punct(&self, s: &str) -> bool {
        self.kind == PpKind::Punct && &*self.text == s
    }
    fn is_ident(&self, s: &str) -> bool {
        self.kind == PpKind::Ident && &*self.text == s
    }
    fn bol(&self) -> bool {
        self.flags & BOL != 0
    }
}

/// A lexed file, cached per path for the whole session.
#[derive(Debug)]
struct FileEntry {
    /// The path it was found at (`<crepl>/stddef.h` for crepl's own headers, the
    /// [`SourceFile`](crate::source::SourceFile) name for a REPL input).
    path: PathBuf,
    /// True for crepl's embedded headers.
    builtin: bool,
    file: FileId,
    toks: Vec<Tok>,
    /// The include guard macro if the whole file is wrapped in `#ifndef X ... #endif`.
    guard: Option<Rc<str>>,
    /// Lexer errors (unterminated comments), reported whenever the file is entered.
    lex_diags: Vec<Diag>,
    /// Modification time and size, to notice changes to user headers between inputs.
    stamp: Option<(SystemTime, u64)>,
}

/// One entry of the include stack.
struct Frame {
    entry: Rc<FileEntry>,
    pos: usize,
    /// Index of the search directory the file was found in (for `#include_next`).
    dir: Option<usize>,
    /// Depth of the conditional stack when the file was entered.
    cond_base: usize,
    /// `#line`: presumed line = physical line + line_delta.
    line_delta: i64,
    presumed_name: Option<Rc<str>>,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum CondState {
    /// The current group is being processed.
    Active,
    /// No group has been taken yet.
    Searching,
    /// A group was taken (or the whole conditional is inside a skipped group).
    Done,
}

struct Cond {
    loc: Loc,
    state: CondState,
    seen_else: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum SearchDir {
    Path(PathBuf),
    Builtin,
}

enum Undo {
    Macro(Rc<str>, Option<Rc<Macro>>),
    Once(PathBuf),
}

/// Maximum `#include` depth.
const MAX_INCLUDE_DEPTH: usize = 200;
/// Pseudo file id of predefined and command-line macros.
const BUILTIN_FILE: FileId = u32::MAX;
/// Directory prefix of crepl's own headers in diagnostics.
const BUILTIN_DIR: &str = "<crepl>";

/// The preprocessor; one lives for the whole REPL session.
pub struct Preprocessor {
    macros: FastMap<Rc<str>, Rc<Macro>>,
    undo: Vec<Undo>,
    once: FastMap<PathBuf, ()>,
    file_cache: FastMap<PathBuf, Rc<FileEntry>>,
    /// Existence of files in system directories (they do not change during a session).
    exists_cache: FastMap<PathBuf, bool>,
    dirs: Vec<SearchDir>,
    next_macro_id: u32,
    counter: u64,
    /// Diagnostics from `new` (bad `-D` options), reported by the first `run`.
    pending_diags: Vec<Diag>,
    date: Rc<str>,
    time: Rc<str>,
    /// Definitions saved by `#pragma push_macro`, per name.
    pushed: FastMap<Rc<str>, Vec<Option<Rc<Macro>>>>,
}

impl Preprocessor {
    pub fn new(opts: PpOptions) -> Preprocessor {
        let mut dirs: Vec<SearchDir> = opts
            .include_dirs
            .iter()
            .map(|d| SearchDir::Path(d.clone()))
            .collect();
        dirs.push(SearchDir::Builtin);
        for d in [
            "/usr/local/include",
            "/usr/include/x86_64-linux-gnu",
            "/usr/include",
        ] {
            dirs.push(SearchDir::Path(PathBuf::from(d)));
        }
        let (date, time) = date_time(SystemTime::now());
        let mut pp = Preprocessor {
            macros: FastMap::default(),
            undo: Vec::new(),
            once: FastMap::default(),
            file_cache: FastMap::default(),
            exists_cache: FastMap::default(),
            dirs,
            next_macro_id: 1,
            counter: 0,
            pending_diags: Vec::new(),
            date: format!("\"{date}\"").into(),
            time: format!("\"{time}\"").into(),
            pushed: FastMap::default(),
        };
        macros::define_builtins(&mut pp);
        let mut text = String::from(predef::PREDEFINED);
        for (name, val) in &opts.defines {
            let name = name.replacen('=', " ", 1);
            match val {
                Some(v) => text.push_str(&format!("#define {name} {v}\n")),
                None if name.contains(' ') => text.push_str(&format!("#define {name}\n")),
                None => text.push_str(&format!("#define {name} 1\n")),
            }
        }
        for name in &opts.undefs {
            text.push_str(&format!("#undef {name}\n"));
        }
        let mut sm = SourceMap::default();
        let (toks, _) = lex_with(&text, BUILTIN_FILE, false, Tok::from_pp);
        let entry = FileEntry {
            path: PathBuf::from("<built-in>"),
            builtin: true,
            file: BUILTIN_FILE,
            toks,
            guard: None,
            lex_diags: Vec::new(),
            stamp: None,
        };
        let (_, diags) = Run::new(&mut pp, &mut sm, entry).run();
        pp.pending_diags = diags;
        // Predefined macros are not undoable.
        pp.undo.clear();
        pp
    }

    /// Preprocesses one REPL input or one whole file already added to `sm` as `file`.
    /// Returns the expanded tokens (no directives, no newlines) and the diagnostics.
    pub fn run(&mut self, sm: &mut SourceMap, file: FileId) -> (Vec<PpToken>, Vec<Diag>) {
        let f = sm.file(file);
        let text = f.text.clone();
        let name = f.name.clone();
        let (toks, lex_diags) = lex_with(&text, file, false, Tok::from_pp);
        let entry = FileEntry {
            path: PathBuf::from(name),
            builtin: false,
            file,
            toks,
            guard: None,
            lex_diags,
            stamp: None,
        };
        let pending = std::mem::take(&mut self.pending_diags);
        let (out, mut diags) = Run::new(self, sm, entry).run();
        if !pending.is_empty() {
            diags.splice(0..0, pending);
        }
        (out, diags)
    }

    /// The current position in the undo log.
    pub fn checkpoint(&self) -> PpCheckpoint {
        PpCheckpoint(self.undo.len())
    }

    /// Undoes every macro definition, undefinition and `#pragma once` made since `cp`.
    pub fn rollback(&mut self, cp: PpCheckpoint) {
        while self.undo.len() > cp.0 {
            match self.undo.pop().unwrap() {
                Undo::Macro(name, Some(old)) => {
                    self.macros.insert(name, old);
                }
                Undo::Macro(name, None) => {
                    self.macros.remove(&name);
                }
                Undo::Once(path) => {
                    self.once.remove(&path);
                }
            }
        }
    }

    pub fn is_defined(&self, name: &str) -> bool {
        self.macros.contains_key(name)
    }

    /// Defines (`Some`) or undefines (`None`) `name`, recording the change in the undo log.
    fn set_macro(&mut self, name: Rc<str>, m: Option<Rc<Macro>>) {
        let old = match m {
            Some(m) => self.macros.insert(name.clone(), m),
            None => self.macros.remove(&name),
        };
        self.undo.push(Undo::Macro(name, old));
    }

    fn is_system_path(path: &Path) -> bool {
        path.starts_with("/usr/include") || path.starts_with("/usr/local/include")
    }

    fn file_exists(&mut self, path: &Path) -> bool {
        if Self::is_system_path(path) {
            if self.file_cache.contains_key(path) {
                return true;
            }
            if let Some(&e) = self.exists_cache.get(path) {
                return e;
            }
            let e = std::fs::metadata(path)
                .map(|m| m.is_file())
                .unwrap_or(false);
            self.exists_cache.insert(path.to_path_buf(), e);
            e
        } else {
            std::fs::metadata(path)
                .map(|m| m.is_file())
                .unwrap_or(false)
        }
    }
}

/// Helper for tests and tools: preprocesses `text` as a fresh REPL input with a fresh
/// preprocessor and joins the output token spellings with single spaces.
pub fn preprocess_str(text: &str) -> (String, Vec<Diag>) {
    let mut pp = Preprocessor::new(PpOptions::default());
    let mut sm = SourceMap::default();
    let f = sm.add("input_line_1", text);
    let (toks, diags) = pp.run(&mut sm, f);
    (join_tokens(&toks), diags)
}

/// Joins token spellings with single spaces.
pub fn join_tokens(toks: &[PpToken]) -> String {
    let mut s = String::new();
    for (i, t) in toks.iter().enumerate() {
        if i > 0 {
            s.push(' ');
        }
        s.push_str(&t.text);
    }
    s
}

/// `__DATE__` and `__TIME__` (UTC) for `now`: ("Mmm dd yyyy", "hh:mm:ss").
fn date_time(now: SystemTime) -> (String, String) {
    let secs = now
        .duration_since(SystemTime::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    let days = (secs / 86400) as i64;
    let rem = secs % 86400;
    // Civil date from days since 1970-01-01 (proleptic Gregorian calendar).
    let z = days + 719468;
    let era = z.div_euclid(146097);
    let doe = z - era * 146097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + (m <= 2) as i64;
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    (
        format!("{} {:>2} {}", MONTHS[(m - 1) as usize], d, y),
        format!("{:02}:{:02}:{:02}", rem / 3600, rem / 60 % 60, rem % 60),
    )
}

/// Finds the include guard of a file: `#ifndef X` (or `#if !defined X`) as the first tokens and
/// its matching `#endif` as the last line.
fn detect_guard(toks: &[Tok]) -> Option<Rc<str>> {
    let line_end = |start: usize| {
        let mut e = start + 1;
        while e < toks.len() && !toks[e].bol() {
            e += 1;
        }
        e
    };
    if toks.len() < 3 || !toks[0].is_punct("#") {
        return None;
    }
    let end = line_end(0);
    let line = &toks[1..end];
    let guard = match line {
        [d, name] if d.is_ident("ifndef") && name.kind == PpKind::Ident => name.text.clone(),
        [d, not, def, name] if d.is_ident("if") && not.is_punct("!") && def.is_ident("defined") => {
            name.text.clone()
        }
        [d, not, def, l, name, r]
            if d.is_ident("if")
                && not.is_punct("!")
                && def.is_ident("defined")
                && l.is_punct("(")
                && r.is_punct(")") =>
        {
            name.text.clone()
        }
        _ => return None,
    };
    let mut depth = 1usize;
    let mut i = end;
    while i < toks.len() {
        let e = line_end(i);
        if toks[i].is_punct("#") && toks[i].bol() && i + 1 < e {
            let d = &*toks[i + 1].text;
            match d {
                "if" | "ifdef" | "ifndef" => depth += 1,
                "else" | "elif" | "elifdef" | "elifndef" if depth == 1 => return None,
                "endif" => {
                    depth -= 1;
                    if depth == 0 {
                        return if e == toks.len() { Some(guard) } else { None };
                    }
                }
                _ => {}
            }
        }
        i = e;
    }
    None
}

/// Expansion context: where tokens come from.
struct Ctx {
    /// Tokens to read before anything else, in reverse order (the next one is last).
    pending: Vec<Tok>,
    /// When `pending` is empty, continue with the current file.
    file: bool,
    /// Inside `#if`: `defined` and `__has_include` are operators.
    in_if: bool,
    /// Spacing flags of a macro name whose expansion was empty, for the next token.
    carry: u8,
}

/// The state of one call of [`Preprocessor::run`].
struct Run<'a> {
    pp: &'a mut Preprocessor,
    sm: &'a mut SourceMap,
    frames: Vec<Frame>,
    conds: Vec<Cond>,
    skipping: bool,
    diags: Vec<Diag>,
    hs: HideSets,
    /// Nesting depth of argument pre-expansion and `#if` evaluation.
    depth: u32,
    /// Tokens produced by macro substitution so far (to stop runaway expansions).
    budget: u64,
    budget_reported: bool,
    depth_reported: bool,
    /// Spare token vectors (see `take_vec`).
    pool: Vec<Vec<Tok>>,
    /// Tokens a directive puts into the output where it stood (`#pragma pack`).
    injected: Vec<Tok>,
}

impl<'a> Run<'a> {
    fn new(pp: &'a mut Preprocessor, sm: &'a mut SourceMap, entry: FileEntry) -> Run<'a> {
        let diags = entry.lex_diags.clone();
        let frame = Frame {
            entry: Rc::new(entry),
            pos: 0,
            dir: None,
            cond_base: 0,
            line_delta: 0,
            presumed_name: None,
        };
        Run {
            pp,
            sm,
            frames: vec![frame],
            conds: Vec::new(),
            skipping: false,
            diags,
            hs: HideSets::new(),
            depth: 0,
            budget: 0,
            budget_reported: false,
            depth_reported: false,
            pool: Vec::new(),
            injected: Vec::new(),
        }
    }

    fn error(&mut self, loc: Loc, msg: impl Into<String>) {
        self.diags.push(Diag::error(loc, msg));
    }

    fn warning(&mut self, loc: Loc, msg: impl Into<String>) {
        self.diags.push(Diag::warning(loc, msg));
    }

    fn run(mut self) -> (Vec<PpToken>, Vec<Diag>) {
        let mut ctx = Ctx {
            pending: Vec::new(),
            file: true,
            in_if: false,
            carry: 0,
        };
        let mut out: Vec<Tok> = Vec::new();
        loop {
            let next = self.next(&mut ctx);
            if !self.injected.is_empty() {
                out.append(&mut self.injected);
            }
            match next {
                Some(t) => {
                    if t.kind == PpKind::Ident && self.expand_ident(&t, &mut ctx, &mut out) {
                        continue;
                    }
                    out.push(t);
                }
                None => {
                    if !self.end_of_file() {
                        break;
                    }
                }
            }
        }
        let mut res = Vec::with_capacity(out.len());
        for t in out {
            if matches!(t.kind, PpKind::Str | PpKind::Char) && !is_terminated_literal(&t.text) {
                let msg = if t.kind == PpKind::Char {
                    "missing terminating ' character"
                } else {
                    "missing terminating '\"' character"
                };
                self.error(t.loc, msg);
            }
            res.push(PpToken {
                kind: t.kind,
                text: t.text,
                loc: t.loc,
                space_before: t.flags & SPACE != 0,
                line_start: t.flags & BOL != 0,
            });
        }
        (res, self.diags)
    }

    /// Leaves the current file at its end. Returns false when it was the main file.
    fn end_of_file(&mut self) -> bool {
        let Some(fr) = self.frames.pop() else {
            return false;
        };
        while self.conds.len() > fr.cond_base {
            let c = self.conds.pop().unwrap();
            self.diags
                .push(Diag::error(c.loc, "unterminated conditional directive"));
        }
        self.update_skipping();
        !self.frames.is_empty()
    }

    fn update_skipping(&mut self) {
        self.skipping = self
            .conds
            .last()
            .is_some_and(|c| c.state != CondState::Active);
    }

    /// The next token: from `ctx.pending`, else (for the file context) from the current file,
    /// processing directives and skipping false groups. `None` at the end of the current file.
    fn next(&mut self, ctx: &mut Ctx) -> Option<Tok> {
        let t = self.next_raw(ctx);
        if ctx.carry != 0 {
            if let Some(mut t) = t {
                t.flags |= std::mem::take(&mut ctx.carry);
                return Some(t);
            }
        }
        t
    }

    fn next_raw(&mut self, ctx: &mut Ctx) -> Option<Tok> {
        if let Some(t) = ctx.pending.pop() {
            return Some(t);
        }
        if !ctx.file {
            return None;
        }
        loop {
            let fr = self.frames.last_mut()?;
            let toks = &fr.entry.toks;
            let t = toks.get(fr.pos)?;
            if t.flags & BOL != 0 && t.kind == PpKind::Punct && &*t.text == "#" {
                let start = fr.pos;
                let mut end = start + 1;
                while end < toks.len() && toks[end].flags & BOL == 0 {
                    end += 1;
                }
                fr.pos = end;
                let entry = fr.entry.clone();
                self.directive(&entry.toks[start], &entry.toks[start + 1..end]);
                continue;
            }
            if self.skipping {
                let mut p = fr.pos + 1;
                while p < toks.len() && !(toks[p].flags & BOL != 0 && toks[p].is_punct("#")) {
                    p += 1;
                }
                fr.pos = p;
                continue;
            }
            let t = t.clone();
            fr.pos += 1;
            return Some(t);
        }
    }

    /// Handles the directive `hash line...` (`line` excludes the `#`).
    fn directive(&mut self, hash: &Tok, line: &[Tok]) {
        let Some(name) = line.first() else { return }; // null directive
        let args = &line[1..];
        if name.kind != PpKind::Ident {
            if self.skipping {
                return;
            }
            if name.kind == PpKind::Number {
                // GNU line marker: # 33 "file" flags...
                self.line_directive(hash, line);
                return;
            }
            self.error(name.loc, "invalid preprocessing directive");
            return;
        }
        match &*name.text {
            "if" => {
                let active = !self.skipping && self.eval_if(name, args);
                self.push_cond(hash.loc, active);
            }
            "ifdef" | "ifndef" => {
                let active = !self.skipping && {
                    let def = self.check_defined_arg(name, args);
                    def == (&*name.text == "ifdef")
                };
                self.push_cond(hash.loc, active);
            }
            "elif" | "elifdef" | "elifndef" | "else" => self.else_directive(name, args),
            "endif" => {
                let base = self.frames.last().map_or(0, |f| f.cond_base);
                if self.conds.len() <= base {
                    self.error(name.loc, "#endif without #if");
                    return;
                }
                self.conds.pop();
                let was_skipping = self.skipping;
                self.update_skipping();
                if !was_skipping {
                    self.extra_tokens(args, "endif");
                }
            }
            _ if self.skipping => {}
            "define" => self.define_directive(name, args),
            "undef" => {
                let Some(n) = self.macro_name(name, args) else {
                    return;
                };
                if self.pp.macros.contains_key(&*n.text) {
                    self.pp.set_macro(n.text.clone(), None);
                }
                self.extra_tokens(&args[1..], "undef");
            }
            "include" | "import" | "include_next" => self.include_directive(
                name,
                args,
                &*name.text == "include_next",
                &*name.text == "import",
            ),
            "line" => self.line_directive(name, args),
            "error" | "warning" => {
                let text = spell_line(args);
                let msg = format!("#{} {}", name.text, text).trim_end().to_string();
                if &*name.text == "error" {
                    self.error(name.loc, msg);
                } else {
                    self.warning(name.loc, msg);
                }
            }
            "pragma" => {
                if args.len() == 1 && args[0].is_ident("once") {
                    let path = self.frames.last().unwrap().entry.path.clone();
                    if self.pp.once.insert(path.clone(), ()).is_none() {
                        self.pp.undo.push(Undo::Once(path));
                    }
                }
                // `#pragma pack(...)` changes struct layout: it becomes tokens the parser
                // sees where the directive stood (`__crepl_pragma_pack(N)`, see ast.rs).
                if !args.is_empty() && args[0].is_ident("pack") {
                    let words: Vec<&str> = args
                        .iter()
                        .skip(2)
                        .take_while(|t| !t.is_punct(")"))
                        .filter(|t| !t.is_punct(","))
                        .map(|t| &*t.text)
                        .collect();
                    let toks = pack_tokens(&words, name.loc);
                    self.injected.extend(toks);
                }
                // `#pragma push_macro("X")` / `pop_macro("X")` save and restore a definition.
                if args.len() == 4
                    && (args[0].is_ident("push_macro") || args[0].is_ident("pop_macro"))
                {
                    let lit = &*args[2].text;
                    if lit.len() >= 2 && lit.starts_with('"') && lit.ends_with('"') {
                        let mname: Rc<str> = Rc::from(&lit[1..lit.len() - 1]);
                        if args[0].is_ident("push_macro") {
                            let cur = self.pp.macros.get(&mname).cloned();
                            self.pp.pushed.entry(mname).or_default().push(cur);
                        } else if let Some(saved) =
                            self.pp.pushed.get_mut(&mname).and_then(|v| v.pop())
                        {
                            self.pp.set_macro(mname, saved);
                        }
                    }
                }
                // Every other pragma is ignored.
            }
            "ident" | "sccs" | "assert" | "unassert" => {}
            _ => self.error(name.loc, "invalid preprocessing directive"),
        }
    }

    fn push_cond(&mut self, loc: Loc, active: bool) {
        let state = if self.skipping {
            CondState::Done
        } else if active {
            CondState::Active
        } else {
            CondState::Searching
        };
        self.conds.push(Cond {
            loc,
            state,
            seen_else: false,
        });
        self.update_skipping();
    }

    fn else_directive(&mut self, name: &Tok, args: &[Tok]) {
        let kind: &str = &name.text;
        let base = self.frames.last().map_or(0, |f| f.cond_base);
        if self.conds.len() <= base {
            self.error(name.loc, format!("#{kind} without #if"));
            return;
        }
        let c = self.conds.last_mut().unwrap();
        if c.seen_else {
            let msg = format!("#{kind} after #else");
            self.error(name.loc, msg);
            return;
        }
        let state = c.state;
        if kind == "else" {
            c.seen_else = true;
        }
        let new = match state {
            CondState::Active | CondState::Done => CondState::Done,
            CondState::Searching => {
                // Evaluate in the context of the enclosing group, which is active.
                self.skipping = false;
                let take = match kind {
                    "else" => {
                        self.extra_tokens(args, "else");
                        true
                    }
                    "elif" => self.eval_if(name, args),
                    _ => self.check_defined_arg(name, args) == (kind == "elifdef"),
                };
                if take {
                    CondState::Active
                } else {
                    CondState::Searching
                }
            }
        };
        self.conds.last_mut().unwrap().state = new;
        self.update_skipping();
    }

    fn extra_tokens(&mut self, args: &[Tok], directive: &str) {
        if let Some(t) = args.first() {
            self.warning(
                t.loc,
                format!("extra tokens at end of #{directive} directive"),
            );
        }
    }

    /// The macro name operand of `#ifdef`, `#undef`, ...; reports a missing or bad name.
    fn macro_name<'t>(&mut self, directive: &Tok, args: &'t [Tok]) -> Option<&'t Tok> {
        match args.first() {
            None => {
                self.error(directive.loc, "macro name missing");
                None
            }
            Some(t) if t.kind != PpKind::Ident => {
                self.error(t.loc, "macro name must be an identifier");
                None
            }
            Some(t) => Some(t),
        }
    }

    fn check_defined_arg(&mut self, directive: &Tok, args: &[Tok]) -> bool {
        let Some(n) = self.macro_name(directive, args) else {
            return false;
        };
        let def = self.pp.macros.contains_key(&*n.text);
        let d = directive.text.clone();
        self.extra_tokens(&args[1..], &d);
        def
    }

    fn eval_if(&mut self, directive: &Tok, args: &[Tok]) -> bool {
        if args.is_empty() {
            self.error(
                directive.loc,
                format!("#{} with no expression", directive.text),
            );
            return false;
        }
        let toks = self.expand_list(args, true);
        match expr::eval(&toks, directive.loc) {
            Ok(v) => v,
            Err((loc, msg)) => {
                self.error(loc, msg);
                false
            }
        }
    }

    /// `#line N "name"` and GNU line markers `# N "name" flags`.
    fn line_directive(&mut self, directive: &Tok, args: &[Tok]) {
        let is_marker = directive.kind == PpKind::Number;
        let toks = if is_marker {
            args.to_vec()
        } else {
            self.expand_list(args, false)
        };
        let Some(num) = toks.first() else {
            self.error(
                directive.loc,
                "#line directive requires a positive integer argument",
            );
            return;
        };
        let n: Option<i64> =
            if num.kind == PpKind::Number && num.text.bytes().all(|b| b.is_ascii_digit()) {
                num.text.parse().ok()
            } else {
                None
            };
        let Some(n) = n else {
            self.error(
                num.loc,
                "#line directive requires a positive integer argument",
            );
            return;
        };
        let mut name = None;
        if let Some(s) = toks.get(1) {
            if s.kind == PpKind::Str
                && s.text.starts_with('"')
                && s.text.len() >= 2
                && is_terminated_literal(&s.text)
            {
                name = Some(Rc::<str>::from(&s.text[1..s.text.len() - 1]));
            } else if !is_marker {
                self.error(s.loc, "invalid filename for #line directive");
                return;
            }
        }
        let last_line = args.last().map_or(directive.loc.line, |t| t.loc.line);
        let fr = self.frames.last_mut().unwrap();
        fr.line_delta = n - (last_line as i64 + 1);
        if name.is_some() {
            fr.presumed_name = name;
        }
    }

    // ----- #include -----

    fn include_directive(&mut self, directive: &Tok, args: &[Tok], next: bool, import: bool) {
        let parsed = match parse_header_name(args) {
            Some(p) => Some(p),
            None if !args.is_empty() => {
                let toks = self.expand_list(args, false);
                parse_header_name(&toks)
            }
            None => None,
        };
        let Some((name, angled)) = parsed else {
            let loc = args.first().map_or(directive.loc, |t| t.loc);
            self.error(loc, "expected \"FILENAME\" or <FILENAME>");
            return;
        };
        let loc = args.first().map_or(directive.loc, |t| t.loc);
        if name.is_empty() {
            self.error(loc, "empty filename");
            return;
        }
        let Some((path, dir)) = self.resolve_include(&name, angled, next) else {
            self.error(loc, format!("'{name}' file not found"));
            return;
        };
        if self.frames.len() > MAX_INCLUDE_DEPTH {
            self.error(loc, "#include nested too deeply");
            return;
        }
        let Some(entry) = self.load(&path) else {
            self.error(loc, format!("'{name}' file not found"));
            return;
        };
        if self.pp.once.contains_key(&entry.path) {
            return;
        }
        if let Some(g) = &entry.guard {
            if self.pp.macros.contains_key(g) {
                return;
            }
        }
        if import {
            let p = entry.path.clone();
            if self.pp.once.insert(p.clone(), ()).is_none() {
                self.pp.undo.push(Undo::Once(p));
            }
        }
        self.diags.extend(entry.lex_diags.iter().cloned());
        self.frames.push(Frame {
            entry,
            pos: 0,
            dir,
            cond_base: self.conds.len(),
            line_delta: 0,
            presumed_name: None,
        });
    }

    /// Finds a header: its path (`<crepl>/name` for a builtin header) and the index of the
    /// search directory it was found in (`None` for the includer's directory).
    fn resolve_include(
        &mut self,
        name: &str,
        angled: bool,
        next: bool,
    ) -> Option<(PathBuf, Option<usize>)> {
        let fr = self.frames.last().unwrap();
        let start = if next { fr.dir.map_or(0, |d| d + 1) } else { 0 };
        let is_abs = Path::new(name).is_absolute();
        if is_abs {
            let p = PathBuf::from(name);
            return self.pp.file_exists(&p).then_some((p, None));
        }
        if !angled && !next && !fr.entry.builtin {
            let dir = fr.entry.path.parent().unwrap_or(Path::new(""));
            let p = dir.join(name);
            if self.pp.file_exists(&p) {
                return Some((p, None));
            }
        }
        for i in start..self.pp.dirs.len() {
            match &self.pp.dirs[i] {
                SearchDir::Builtin => {
                    if builtin_header(name).is_some() {
                        return Some((Path::new(BUILTIN_DIR).join(name), Some(i)));
                    }
                }
                SearchDir::Path(d) => {
                    let p = d.join(name);
                    if self.pp.file_exists(&p) {
                        return Some((p, Some(i)));
                    }
                }
            }
        }
        None
    }

    /// Reads and lexes a file (or returns the cached copy).
    fn load(&mut self, path: &Path) -> Option<Rc<FileEntry>> {
        let builtin_name = path.strip_prefix(BUILTIN_DIR).ok().and_then(|p| p.to_str());
        let system = builtin_name.is_some() || Preprocessor::is_system_path(path);
        let mut stamp = None;
        if !system {
            let meta = std::fs::metadata(path).ok()?;
            stamp = meta.modified().ok().map(|m| (m, meta.len()));
        }
        if let Some(e) = self.pp.file_cache.get(path) {
            if system || (stamp.is_some() && e.stamp == stamp) {
                return Some(e.clone());
            }
        }
        let text: Rc<str> = match builtin_name {
            Some(n) => Rc::from(builtin_header(n)?),
            None => {
                let bytes = std::fs::read(path).ok()?;
                Rc::from(crate::source::decode_source(bytes))
            }
        };
        let file = self
            .sm
            .add(path.to_string_lossy().into_owned(), text.clone());
        let (toks, lex_diags) = lex_with(&text, file, false, Tok::from_pp);
        let guard = detect_guard(&toks);
        let entry = Rc::new(FileEntry {
            path: path.to_path_buf(),
            builtin: builtin_name.is_some(),
            file,
            toks,
            guard,
            lex_diags,
            stamp,
        });
        self.pp.file_cache.insert(path.to_path_buf(), entry.clone());
        Some(entry)
    }

    /// `__has_include` / `__has_include_next`.
    fn has_include(&mut self, name: &str, angled: bool, next: bool) -> bool {
        !name.is_empty() && self.resolve_include(name, angled, next).is_some()
    }

    /// Presumed line and file name for `__LINE__`/`__FILE__` at `loc`.
    fn presumed(&self, loc: Loc) -> (i64, String) {
        let fr = self.frames.last().unwrap();
        let line = if loc.file == fr.entry.file {
            loc.line as i64 + fr.line_delta
        } else {
            loc.line as i64
        };
        let name = match &fr.presumed_name {
            Some(n) => n.to_string(),
            None if fr.entry.file == BUILTIN_FILE => "<built-in>".to_string(),
            None => fr.entry.path.to_string_lossy().into_owned(),
        };
        (line, name)
    }
}

/// Spells a directive's tokens as text, with single spaces where there was whitespace.
fn spell_line(toks: &[Tok]) -> String {
    let mut s = String::new();
    for (i, t) in toks.iter().enumerate() {
        if i > 0 && t.flags & (SPACE | BOL) != 0 {
            s.push(' ');
        }
        s.push_str(&t.text);
    }
    s
}

/// Parses `"name"` or `< name >` at the start of `toks`: (name, angled).
fn parse_header_name(toks: &[Tok]) -> Option<(String, bool)> {
    let first = toks.first()?;
    if first.kind == PpKind::Str && first.text.starts_with('"') {
        if !is_terminated_literal(&first.text) || first.text.len() < 2 {
            return None;
        }
        return Some((first.text[1..first.text.len() - 1].to_string(), false));
    }
    if first.is_punct("<") {
        let mut name = String::new();
        for (i, t) in toks[1..].iter().enumerate() {
            if t.is_punct(">") {
                return Some((name, true));
            }
            if i > 0 && t.flags & SPACE != 0 {
                name.push(' ');
            }
            name.push_str(&t.text);
        }
    }
    None
}

/// Escapes a string for use inside a string literal.
fn escape_str(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    for c in s.chars() {
        if c == '"' || c == '\\' {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// `#pragma pack(WORDS)` (or `_Pragma("pack(WORDS)")`) as the tokens the parser takes:
/// `__crepl_pragma_pack(N)` per change (see ast.rs).
fn pack_tokens(words: &[&str], loc: Loc) -> Vec<Tok> {
    let mut codes = Vec::new();
    for w in words {
        match *w {
            "push" => codes.push(crate::ast::PACK_PUSH),
            "pop" => codes.push(crate::ast::PACK_POP),
            n => {
                if let Ok(v) = n.parse::<u32>() {
                    codes.push(v.min(999));
                }
            }
        }
    }
    if words.is_empty() {
        codes.push(0);
    }
    let mut out = Vec::new();
    for c in codes {
        for (kind, text) in [
            (PpKind::Ident, "__crepl_pragma_pack".to_string()),
            (PpKind::Punct, "(".into()),
            (PpKind::Number, c.to_string()),
            (PpKind::Punct, ")".into()),
        ] {
            out.push(Tok::new(kind, text, loc, SPACE));
        }
    }
    out
}

/// The pack tokens for a `_Pragma` string's text, if it is a `pack` pragma.
fn pragma_text_pack(text: &str, loc: Loc) -> Option<Vec<Tok>> {
    let words: Vec<&str> = text
        .split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .filter(|w| !w.is_empty())
        .collect();
    if words.first() != Some(&"pack") {
        return None;
    }
    Some(pack_tokens(&words[1..], loc))
}
