//! Macros: `#define` lines into macro definitions, and macro invocations into their
//! replacement (argument collection, `#`, `##`, `__VA_ARGS__`/`__VA_OPT__`, rescanning with
//! Prosser-style hide sets, builtin macros such as `__LINE__` and `__has_include`).

use super::{
    escape_str, parse_header_name, Ctx, Preprocessor, Run, Tok, BOL, BUILTIN_FILE, PLACEMARKER,
    SPACE,
};
use crate::diag::Diag;
use crate::lex::{lex_with, FastMap};
use crate::source::Loc;
use crate::token::PpKind;
use std::rc::Rc;

/// Collected macro arguments: all their tokens, each argument's range, the closing `)`.
type CollectedArgs = (Vec<Tok>, Vec<(usize, usize)>, Tok);

/// The macro-expanded form of an argument, computed when first needed.
pub(super) enum Exp {
    Todo,
    /// The argument contains nothing to expand.
    Same,
    Done(Vec<Tok>),
}

/// Builtin macros whose expansion is computed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Builtin {
    File,
    Line,
    Counter,
    Date,
    Time,
    IncludeLevel,
    BaseFile,
    HasInclude,
    HasIncludeNext,
    HasAttribute,
    HasBuiltinFn,
    /// `__has_feature`, `__has_extension`, `__has_c_attribute`, `__has_cpp_attribute`: always 0.
    HasNothing,
}

/// One element of a macro's replacement list, analysed at definition time.
#[derive(Clone, Debug)]
pub(super) enum Item {
    Tok(Tok),
    /// A parameter; `flags` are the spacing flags of its occurrence.
    Param {
        idx: usize,
        flags: u8,
    },
    /// `# param`.
    Str {
        idx: usize,
        flags: u8,
    },
    /// `##`.
    Paste,
    /// GNU `, ## __VA_ARGS__`: the comma disappears when the variable argument is empty.
    CommaVa {
        comma: Tok,
        idx: usize,
    },
    /// `__VA_OPT__( ... )`.
    VaOpt {
        items: Vec<Item>,
        flags: u8,
    },
}

#[derive(Debug)]
pub(super) struct Macro {
    /// Unique per definition; what hide sets contain.
    pub id: u32,
    pub func: bool,
    pub params: Vec<Rc<str>>,
    pub variadic: bool,
    pub body: Vec<Item>,
    /// The replacement list's tokens (for redefinition checks).
    pub raw: Vec<Tok>,
    pub builtin: Option<Builtin>,
    pub loc: Loc,
}

impl Macro {
    fn same_definition(&self, other: &Macro) -> bool {
        self.func == other.func
            && self.variadic == other.variadic
            && self.params == other.params
            && self.raw.len() == other.raw.len()
            && self
                .raw
                .iter()
                .zip(&other.raw)
                .enumerate()
                .all(|(i, (a, b))| {
                    a.text == b.text && (i == 0 || (a.flags & SPACE != 0) == (b.flags & SPACE != 0))
                })
    }
}

/// Interned hide sets: sorted lists of macro ids; id 0 is the empty set.
pub(super) struct HideSets {
    sets: Vec<Rc<[u32]>>,
    index: FastMap<Rc<[u32]>, u32>,
    unions: FastMap<(u32, u32), u32>,
    inters: FastMap<(u32, u32), u32>,
    singles: FastMap<u32, u32>,
}

impl HideSets {
    pub fn new() -> HideSets {
        let empty: Rc<[u32]> = Rc::from(Vec::new());
        let mut index = FastMap::default();
        index.insert(empty.clone(), 0);
        HideSets {
            sets: vec![empty],
            index,
            unions: FastMap::default(),
            inters: FastMap::default(),
            singles: FastMap::default(),
        }
    }

    fn intern(&mut self, v: Vec<u32>) -> u32 {
        if let Some(&i) = self.index.get(&v[..]) {
            return i;
        }
        let rc: Rc<[u32]> = Rc::from(v);
        let i = self.sets.len() as u32;
        self.sets.push(rc.clone());
        self.index.insert(rc, i);
        i
    }

    pub fn contains(&self, hs: u32, id: u32) -> bool {
        hs != 0 && self.sets[hs as usize].binary_search(&id).is_ok()
    }

    pub fn single(&mut self, id: u32) -> u32 {
        if let Some(&s) = self.singles.get(&id) {
            return s;
        }
        let s = self.intern(vec![id]);
        self.singles.insert(id, s);
        s
    }

    pub fn union(&mut self, a: u32, b: u32) -> u32 {
        if a == b || b == 0 {
            return a;
        }
        if a == 0 {
            return b;
        }
        let key = if a < b { (a, b) } else { (b, a) };
        if let Some(&u) = self.unions.get(&key) {
            return u;
        }
        let (x, y) = (&self.sets[a as usize], &self.sets[b as usize]);
        let mut v = Vec::with_capacity(x.len() + y.len());
        let (mut i, mut j) = (0, 0);
        while i < x.len() || j < y.len() {
            if j == y.len() || (i < x.len() && x[i] < y[j]) {
                v.push(x[i]);
                i += 1;
            } else if i == x.len() || y[j] < x[i] {
                v.push(y[j]);
                j += 1;
            } else {
                v.push(x[i]);
                i += 1;
                j += 1;
            }
        }
        let u = self.intern(v);
        self.unions.insert(key, u);
        u
    }

    pub fn intersect(&mut self, a: u32, b: u32) -> u32 {
        if a == b {
            return a;
        }
        if a == 0 || b == 0 {
            return 0;
        }
        let key = if a < b { (a, b) } else { (b, a) };
        if let Some(&u) = self.inters.get(&key) {
            return u;
        }
        let y = self.sets[b as usize].clone();
        let v: Vec<u32> = self.sets[a as usize]
            .iter()
            .copied()
            .filter(|x| y.binary_search(x).is_ok())
            .collect();
        let u = self.intern(v);
        self.inters.insert(key, u);
        u
    }
}

/// Installs the builtin macros (`__FILE__`, `__has_include`, ...).
pub(super) fn define_builtins(pp: &mut Preprocessor) {
    let list = [
        ("__FILE__", Builtin::File),
        ("__LINE__", Builtin::Line),
        ("__COUNTER__", Builtin::Counter),
        ("__DATE__", Builtin::Date),
        ("__TIME__", Builtin::Time),
        ("__INCLUDE_LEVEL__", Builtin::IncludeLevel),
        ("__BASE_FILE__", Builtin::BaseFile),
        ("__has_include", Builtin::HasInclude),
        ("__has_include_next", Builtin::HasIncludeNext),
        ("__has_attribute", Builtin::HasAttribute),
        ("__has_builtin", Builtin::HasBuiltinFn),
        ("__has_feature", Builtin::HasNothing),
        ("__has_extension", Builtin::HasNothing),
        ("__has_c_attribute", Builtin::HasNothing),
        ("__has_cpp_attribute", Builtin::HasNothing),
    ];
    for (name, b) in list {
        let id = pp.next_macro_id;
        pp.next_macro_id += 1;
        let m = Macro {
            id,
            func: false,
            params: Vec::new(),
            variadic: false,
            body: Vec::new(),
            raw: Vec::new(),
            builtin: Some(b),
            loc: Loc {
                file: BUILTIN_FILE,
                line: 0,
                col: 0,
            },
        };
        pp.macros.insert(Rc::from(name), Rc::new(m));
    }
}

const HAS_ATTRIBUTE: &[&str] = &[
    "aligned",
    "packed",
    "unused",
    "noreturn",
    "constructor",
    "destructor",
    "format",
    "visibility",
    "deprecated",
    "always_inline",
    "noinline",
    "const",
    "pure",
    "nonnull",
    "warn_unused_result",
    "malloc",
];

/// Tokens produced by substitution in one run before the preprocessor gives up.
const MAX_EXPANSION_TOKENS: u64 = 10_000_000;
/// Nesting limit of argument pre-expansion (each level is a few stack frames).
const MAX_DEPTH: u32 = 200;

impl Run<'_> {
    // ----- #define -----

    pub(super) fn define_directive(&mut self, directive: &super::Tok, args: &[Tok]) {
        let Some(name) = self.macro_name(directive, args) else {
            return;
        };
        if &*name.text == "defined" {
            self.error(name.loc, "'defined' cannot be used as a macro name");
            return;
        }
        let name = name.clone();
        let mut i = 1;
        let mut params: Vec<Rc<str>> = Vec::new();
        let mut variadic = false;
        let func = args
            .get(1)
            .is_some_and(|t| t.is_punct("(") && t.flags & SPACE == 0);
        if func {
            i = 2;
            if args.get(i).is_some_and(|t| t.is_punct(")")) {
                i += 1;
            } else {
                loop {
                    let Some(t) = args.get(i) else {
                        self.error(args[i - 1].loc, "missing ')' in macro parameter list");
                        return;
                    };
                    if t.is_punct("...") {
                        variadic = true;
                        params.push(Rc::from("__VA_ARGS__"));
                        i += 1;
                    } else if t.kind == PpKind::Ident {
                        if &*t.text == "__VA_ARGS__" {
                            self.error(t.loc, "__VA_ARGS__ can only appear in the expansion of a C99 variadic macro");
                            return;
                        }
                        if params.contains(&t.text) {
                            self.error(
                                t.loc,
                                format!("duplicate macro parameter name '{}'", t.text),
                            );
                            return;
                        }
                        params.push(t.text.clone());
                        i += 1;
                        if args.get(i).is_some_and(|t| t.is_punct("...")) {
                            variadic = true;
                            i += 1;
                        }
                    } else {
                        self.error(t.loc, "invalid token in macro parameter list");
                        return;
                    }
                    match args.get(i) {
                        Some(t) if t.is_punct(")") => {
                            i += 1;
                            break;
                        }
                        Some(t) if t.is_punct(",") && !variadic => i += 1,
                        Some(t) => {
                            let msg = if variadic {
                                "missing ')' in macro parameter list"
                            } else {
                                "expected comma in macro parameter list"
                            };
                            self.error(t.loc, msg);
                            return;
                        }
                        None => {
                            self.error(args[i - 1].loc, "missing ')' in macro parameter list");
                            return;
                        }
                    }
                }
            }
        }
        let mut raw: Vec<Tok> = args[i..].to_vec();
        for (k, t) in raw.iter_mut().enumerate() {
            t.flags &= !BOL;
            if k == 0 {
                t.flags &= !SPACE;
            }
        }
        let body = match self.analyse_body(&raw, func, &params, variadic) {
            Ok(b) => b,
            Err((loc, msg)) => {
                self.error(loc, msg);
                return;
            }
        };
        let id = self.pp.next_macro_id;
        self.pp.next_macro_id += 1;
        let m = Macro {
            id,
            func,
            params,
            variadic,
            body,
            raw,
            builtin: None,
            loc: name.loc,
        };
        if let Some(old) = self.pp.macros.get(&*name.text) {
            if old.builtin.is_some() {
                self.warning(
                    name.loc,
                    format!("redefining builtin macro '{}'", name.text),
                );
            } else if !old.same_definition(&m) {
                let old_loc = old.loc;
                self.warning(name.loc, format!("'{}' macro redefined", name.text));
                if old_loc.file != BUILTIN_FILE {
                    self.diags
                        .push(Diag::note(old_loc, "previous definition is here"));
                }
            } else {
                return; // identical redefinition: nothing changes
            }
        }
        self.pp.set_macro(name.text.clone(), Some(Rc::new(m)));
    }

    /// Turns a replacement list into [`Item`]s, checking `#` and `##`.
    fn analyse_body(
        &self,
        raw: &[Tok],
        func: bool,
        params: &[Rc<str>],
        variadic: bool,
    ) -> Result<Vec<Item>, (Loc, String)> {
        let param_idx = |t: &Tok| -> Option<usize> {
            if t.kind != PpKind::Ident {
                return None;
            }
            params.iter().position(|p| **p == *t.text)
        };
        let va_idx = if variadic {
            Some(params.len() - 1)
        } else {
            None
        };
        let mut items: Vec<Item> = Vec::with_capacity(raw.len());
        let mut i = 0;
        while i < raw.len() {
            let t = &raw[i];
            if t.is_punct("##") {
                if items.is_empty() || i + 1 == raw.len() {
                    return Err((
                        t.loc,
                        "'##' cannot appear at either end of macro expansion".into(),
                    ));
                }
                // GNU comma swallowing: `, ## __VA_ARGS__`.
                if let (Some(va), Some(Item::Tok(c))) = (va_idx, items.last()) {
                    if c.is_punct(",") && param_idx(&raw[i + 1]) == Some(va) {
                        let comma = c.clone();
                        items.pop();
                        items.push(Item::CommaVa { comma, idx: va });
                        i += 2;
                        continue;
                    }
                }
                items.push(Item::Paste);
                i += 1;
                continue;
            }
            if func && t.is_punct("#") {
                let operand = raw.get(i + 1);
                match operand.and_then(param_idx) {
                    Some(idx) => {
                        items.push(Item::Str {
                            idx,
                            flags: t.flags,
                        });
                        i += 2;
                        continue;
                    }
                    None => {
                        return Err((t.loc, "'#' is not followed by a macro parameter".into()));
                    }
                }
            }
            if variadic && t.is_ident("__VA_OPT__") {
                if !raw.get(i + 1).is_some_and(|t| t.is_punct("(")) {
                    return Err((t.loc, "missing '(' following __VA_OPT__".into()));
                }
                let mut depth = 0;
                let mut j = i + 1;
                loop {
                    let Some(u) = raw.get(j) else {
                        return Err((t.loc, "unterminated __VA_OPT__".into()));
                    };
                    if u.is_punct("(") {
                        depth += 1;
                    } else if u.is_punct(")") {
                        depth -= 1;
                        if depth == 0 {
                            break;
                        }
                    }
                    j += 1;
                }
                if raw[i + 2..j].iter().any(|u| u.is_ident("__VA_OPT__")) {
                    return Err((t.loc, "__VA_OPT__ cannot be nested".into()));
                }
                let mut inner: Vec<Tok> = raw[i + 2..j].to_vec();
                if let Some(f) = inner.first_mut() {
                    f.flags &= !SPACE;
                }
                let inner_items = if inner.is_empty() {
                    Vec::new()
                } else {
                    self.analyse_body(&inner, func, params, variadic)?
                };
                items.push(Item::VaOpt {
                    items: inner_items,
                    flags: t.flags,
                });
                i = j + 1;
                continue;
            }
            if t.is_ident("__VA_ARGS__") && !variadic {
                return Err((
                    t.loc,
                    "__VA_ARGS__ can only appear in the expansion of a C99 variadic macro".into(),
                ));
            }
            if func {
                if let Some(idx) = param_idx(t) {
                    items.push(Item::Param {
                        idx,
                        flags: t.flags,
                    });
                    i += 1;
                    continue;
                }
            }
            items.push(Item::Tok(t.clone()));
            i += 1;
        }
        Ok(items)
    }

    // ----- expansion -----

    /// An empty token vector, reusing an earlier allocation when possible.
    fn take_vec(&mut self) -> Vec<Tok> {
        self.pool.pop().unwrap_or_default()
    }

    /// Returns a vector to the pool for [`Run::take_vec`].
    fn give_vec(&mut self, mut v: Vec<Tok>) {
        if self.pool.len() < 64 && v.capacity() <= 4096 {
            v.clear();
            self.pool.push(v);
        }
    }

    /// Fully macro-expands a list of tokens on its own (macro arguments, `#if` lines).
    pub(super) fn expand_list(&mut self, toks: &[Tok], in_if: bool) -> Vec<Tok> {
        if !toks
            .iter()
            .any(|t| t.kind == PpKind::Ident && self.may_expand(t, in_if))
        {
            return toks.to_vec();
        }
        if self.depth >= MAX_DEPTH {
            if !self.depth_reported {
                self.depth_reported = true;
                let loc = toks[0].loc;
                self.error(loc, "macro expansion nested too deeply");
            }
            return toks.to_vec();
        }
        self.depth += 1;
        let mut pending = self.take_vec();
        pending.extend(toks.iter().rev().cloned());
        let mut ctx = Ctx {
            pending,
            file: false,
            in_if,
            carry: 0,
        };
        let mut out = self.take_vec();
        while let Some(t) = self.next(&mut ctx) {
            if t.kind == PpKind::Ident && self.expand_ident(&t, &mut ctx, &mut out) {
                continue;
            }
            out.push(t);
        }
        self.depth -= 1;
        self.give_vec(ctx.pending);
        out
    }

    fn may_expand(&self, t: &Tok, in_if: bool) -> bool {
        match self.pp.macros.get(&*t.text) {
            Some(m) => !self.hs.contains(t.hs, m.id),
            None => (in_if && &*t.text == "defined") || &*t.text == "_Pragma",
        }
    }

    /// If the identifier `t` starts a macro invocation (or an operator such as `defined` in
    /// `#if` or `_Pragma`), consumes it: the replacement goes to `ctx.pending` for rescanning or
    /// directly to `out`. Returns false if `t` is an ordinary token.
    pub(super) fn expand_ident(&mut self, t: &Tok, ctx: &mut Ctx, out: &mut Vec<Tok>) -> bool {
        let Some(m) = self.pp.macros.get(&*t.text) else {
            if ctx.in_if && &*t.text == "defined" {
                let v = self.defined_operator(t, ctx);
                out.push(number_tok(v as u64, t));
                return true;
            }
            if &*t.text == "_Pragma" {
                return self.pragma_operator(t, ctx, out);
            }
            return false;
        };
        if self.hs.contains(t.hs, m.id) {
            return false;
        }
        let m = m.clone();
        if let Some(b) = m.builtin {
            return self.expand_builtin(b, t, ctx, out);
        }
        if self.budget > MAX_EXPANSION_TOKENS {
            if !self.budget_reported {
                self.budget_reported = true;
                self.error(t.loc, "macro expansion produces too many tokens");
            }
            return false;
        }
        let mut result: Vec<Tok>;
        let exp_hs;
        if !m.func {
            result = self.take_vec();
            self.subst(&m, &m.body, &[], &mut Vec::new(), false, t, &mut result);
            let single = self.hs.single(m.id);
            exp_hs = self.hs.union(t.hs, single);
        } else {
            // A function-like macro name is an invocation only when followed by `(`.
            let Some(n) = self.next(ctx) else {
                return false;
            };
            if !n.is_punct("(") {
                ctx.pending.push(n);
                return false;
            }
            let Some((arg_toks, bounds, rparen)) = self.collect_args(ctx, t, &m) else {
                return true;
            };
            let mut args: Vec<&[Tok]> = bounds.iter().map(|&(a, b)| &arg_toks[a..b]).collect();
            let np = m.params.len();
            if np == 0 && args.len() == 1 && args[0].is_empty() {
                args.clear();
            }
            // GNU: the variable arguments may be omitted entirely; then (or when the macro has only
            // variable arguments and they are empty) `, ## __VA_ARGS__` drops the comma.
            let mut va_elided = m.variadic && np == 1 && args.len() == 1 && args[0].is_empty();
            if m.variadic && args.len() == np - 1 {
                args.push(&[]);
                va_elided = true;
            }
            if args.len() != np {
                if args.len() < np {
                    let msg = format!(
                        "macro '{}' requires {} argument{}, but only {} given",
                        t.text,
                        np,
                        if np == 1 { "" } else { "s" },
                        args.len()
                    );
                    self.error(t.loc, msg);
                } else {
                    let msg = format!(
                        "macro '{}' passed {} arguments, but takes just {}",
                        t.text,
                        args.len(),
                        np
                    );
                    self.error(t.loc, msg);
                }
                return false; // like GCC: the name stays, the arguments are dropped
            }
            let mut expanded: Vec<Exp> = (0..np).map(|_| Exp::Todo).collect();
            result = self.take_vec();
            self.subst(&m, &m.body, &args, &mut expanded, va_elided, t, &mut result);
            drop(args);
            self.give_vec(arg_toks);
            for e in expanded {
                if let Exp::Done(v) = e {
                    self.give_vec(v);
                }
            }
            let inter = self.hs.intersect(t.hs, rparen.hs);
            let single = self.hs.single(m.id);
            exp_hs = self.hs.union(inter, single);
        }
        self.budget += result.len() as u64;
        // Drop placemarkers, paint the hide set, give the first token the name's spacing.
        result.retain(|r| r.flags & PLACEMARKER == 0);
        let (mut last_in, mut last_out) = (u32::MAX, 0);
        for r in result.iter_mut() {
            if r.hs != last_in {
                last_in = r.hs;
                last_out = self.hs.union(r.hs, exp_hs);
            }
            r.hs = last_out;
            r.flags &= !BOL;
        }
        if let Some(first) = result.first_mut() {
            first.flags = (first.flags & !(SPACE | BOL)) | (t.flags & (SPACE | BOL));
        } else {
            // An empty expansion: whatever follows takes over the name's spacing.
            ctx.carry |= t.flags & (SPACE | BOL);
        }
        ctx.pending.extend(result.drain(..).rev());
        self.give_vec(result);
        true
    }

    /// Reads the arguments of a function-like macro invocation after its `(`: all argument
    /// tokens in one vector, the range of each argument, and the closing `)`. `None` (with a
    /// diagnostic) if the input ended first.
    fn collect_args(&mut self, ctx: &mut Ctx, name: &Tok, m: &Macro) -> Option<CollectedArgs> {
        let np = m.params.len();
        let mut toks: Vec<Tok> = self.take_vec();
        let mut bounds: Vec<(usize, usize)> = Vec::with_capacity(np.max(1));
        let mut start = 0;
        let mut depth = 0usize;
        loop {
            let Some(mut t) = self.next(ctx) else {
                self.error(name.loc, "unterminated function-like macro invocation");
                return None;
            };
            if t.kind == PpKind::Punct && t.text.len() == 1 {
                match t.text.as_bytes()[0] {
                    b'(' => depth += 1,
                    b')' => {
                        if depth == 0 {
                            bounds.push((start, toks.len()));
                            return Some((toks, bounds, t));
                        }
                        depth -= 1;
                    }
                    b',' if depth == 0 && !(m.variadic && bounds.len() + 1 == np) => {
                        bounds.push((start, toks.len()));
                        start = toks.len();
                        continue;
                    }
                    _ => {}
                }
            }
            if t.flags & BOL != 0 {
                t.flags = (t.flags & !BOL) | SPACE;
            }
            toks.push(t);
        }
    }

    /// Substitutes arguments into `items` (C11 6.10.3.1-3), appending to `out`.
    #[allow(clippy::too_many_arguments)]
    fn subst(
        &mut self,
        m: &Macro,
        items: &[Item],
        args: &[&[Tok]],
        expanded: &mut Vec<Exp>,
        va_elided: bool,
        name: &Tok,
        out: &mut Vec<Tok>,
    ) {
        let mut i = 0;
        while i < items.len() {
            match &items[i] {
                Item::Tok(t) => {
                    let mut t = t.clone();
                    t.loc = name.loc;
                    out.push(t);
                }
                Item::Param { idx, flags } => {
                    if matches!(items.get(i + 1), Some(Item::Paste)) {
                        push_arg(out, args[*idx], *flags, name.loc);
                    } else {
                        if matches!(expanded[*idx], Exp::Todo) {
                            let a = args[*idx];
                            expanded[*idx] = if a
                                .iter()
                                .any(|t| t.kind == PpKind::Ident && self.may_expand(t, false))
                            {
                                Exp::Done(self.expand_list(a, false))
                            } else {
                                Exp::Same
                            };
                        }
                        let e = match &expanded[*idx] {
                            Exp::Done(e) => e,
                            _ => args[*idx],
                        };
                        let start = out.len();
                        out.extend(e.iter().cloned());
                        if let Some(f) = out.get_mut(start) {
                            f.flags = (f.flags & !(SPACE | BOL)) | (*flags & SPACE);
                        }
                    }
                }
                Item::Str { idx, flags } => out.push(stringize(args[*idx], name.loc, *flags)),
                Item::Paste => {
                    i += 1;
                    let rhs: Vec<Tok> = match items.get(i) {
                        Some(Item::Param { idx, flags }) => {
                            let mut v = Vec::new();
                            push_arg(&mut v, args[*idx], *flags, name.loc);
                            v
                        }
                        Some(Item::Str { idx, flags }) => {
                            vec![stringize(args[*idx], name.loc, *flags)]
                        }
                        Some(Item::Tok(t)) => {
                            let mut t = t.clone();
                            t.loc = name.loc;
                            vec![t]
                        }
                        Some(Item::VaOpt { .. }) | Some(Item::CommaVa { .. }) => {
                            let mut v = Vec::new();
                            self.subst(
                                m,
                                &items[i..i + 1],
                                args,
                                expanded,
                                va_elided,
                                name,
                                &mut v,
                            );
                            if v.is_empty() {
                                v.push(placemarker(name.loc));
                            }
                            v
                        }
                        Some(Item::Paste) | None => Vec::new(),
                    };
                    let lhs = out.pop().unwrap_or_else(|| placemarker(name.loc));
                    let mut rhs = rhs.into_iter();
                    match rhs.next() {
                        None => out.push(lhs),
                        Some(r) => {
                            let pasted = self.paste(lhs, r);
                            out.extend(pasted);
                        }
                    }
                    out.extend(rhs);
                }
                Item::CommaVa { comma, idx } => {
                    if !(va_elided && args[*idx].is_empty()) {
                        let mut c = comma.clone();
                        c.loc = name.loc;
                        out.push(c);
                        if let Some(first) = args[*idx].first() {
                            push_arg(out, args[*idx], first.flags & SPACE, name.loc);
                        }
                    }
                }
                Item::VaOpt {
                    items: inner,
                    flags,
                } => {
                    let va = m.params.len() - 1;
                    if args.get(va).is_some_and(|a| !a.is_empty()) {
                        let start = out.len();
                        self.subst(m, inner, args, expanded, va_elided, name, out);
                        if let Some(f) = out.get_mut(start) {
                            f.flags = (f.flags & !(SPACE | BOL)) | (*flags & SPACE);
                        }
                        if out.len() == start {
                            out.push(placemarker(name.loc));
                        }
                    } else {
                        out.push(placemarker(name.loc));
                    }
                }
            }
            i += 1;
        }
    }

    /// `lhs ## rhs`: the concatenated spelling re-lexed as one token.
    fn paste(&mut self, lhs: Tok, rhs: Tok) -> Vec<Tok> {
        if lhs.flags & PLACEMARKER != 0 {
            let mut r = rhs;
            r.flags = (r.flags & PLACEMARKER) | (lhs.flags & SPACE);
            return vec![r];
        }
        if rhs.flags & PLACEMARKER != 0 {
            return vec![lhs];
        }
        let text = format!("{}{}", lhs.text, rhs.text);
        let (toks, diags) = lex_with(&text, lhs.loc.file, false, |t| t);
        let complete = |t: &crate::token::PpToken| {
            !matches!(t.kind, PpKind::Str | PpKind::Char)
                || crate::lex::is_terminated_literal(&t.text)
        };
        if diags.is_empty()
            && toks.len() == 1
            && toks[0].text.len() == text.len()
            && complete(&toks[0])
        {
            let t = &toks[0];
            return vec![Tok {
                kind: t.kind,
                flags: lhs.flags & SPACE,
                hs: 0,
                text: t.text.clone(),
                loc: lhs.loc,
            }];
        }
        self.error(
            lhs.loc,
            format!("pasting formed '{text}', an invalid preprocessing token"),
        );
        vec![lhs, rhs]
    }

    // ----- operators and builtins -----

    /// `defined X` / `defined ( X )` in `#if`.
    fn defined_operator(&mut self, t: &Tok, ctx: &mut Ctx) -> bool {
        let Some(n) = self.next(ctx) else {
            self.error(t.loc, "macro name missing");
            return false;
        };
        let (name, paren) = if n.is_punct("(") {
            match self.next(ctx) {
                Some(x) => (x, true),
                None => {
                    self.error(n.loc, "macro name missing");
                    return false;
                }
            }
        } else {
            (n, false)
        };
        if name.kind != PpKind::Ident {
            self.error(name.loc, "macro name must be an identifier");
            return false;
        }
        if paren {
            match self.next(ctx) {
                Some(r) if r.is_punct(")") => {}
                Some(r) => {
                    self.error(r.loc, "missing ')' after 'defined'");
                    ctx.pending.push(r);
                }
                None => self.error(name.loc, "missing ')' after 'defined'"),
            }
        }
        self.pp.macros.contains_key(&*name.text)
    }

    /// `_Pragma ( string-literal )`: consumed; `pack` pragmas take effect as `#pragma pack`
    /// does, others are ignored.
    fn pragma_operator(&mut self, t: &Tok, ctx: &mut Ctx, out: &mut Vec<Tok>) -> bool {
        let Some(l) = self.next(ctx) else {
            return false;
        };
        if !l.is_punct("(") {
            ctx.pending.push(l);
            return false;
        }
        let s = self.next(ctx);
        let r = self.next(ctx);
        match (&s, &r) {
            (Some(s), Some(r)) if s.kind == PpKind::Str && r.is_punct(")") => {
                let body = s.text.trim_start_matches(['L', 'u', 'U', '8']);
                let body = body
                    .strip_prefix('"')
                    .and_then(|b| b.strip_suffix('"'))
                    .unwrap_or(body);
                let body = body.replace("\\\"", "\"").replace("\\\\", "\\");
                if let Some(toks) = super::pragma_text_pack(&body, t.loc) {
                    out.extend(toks);
                }
            }
            _ => {
                self.error(t.loc, "_Pragma takes a parenthesized string literal");
                if let Some(r) = r {
                    if !r.is_punct(")") {
                        ctx.pending.push(r);
                    }
                }
            }
        }
        true
    }

    fn expand_builtin(&mut self, b: Builtin, t: &Tok, ctx: &mut Ctx, out: &mut Vec<Tok>) -> bool {
        let tok = match b {
            Builtin::File => {
                let (_, name) = self.presumed(t.loc);
                str_tok(format!("\"{}\"", escape_str(&name)), t)
            }
            Builtin::BaseFile => {
                let name = self.frames[0].entry.path.to_string_lossy().into_owned();
                str_tok(format!("\"{}\"", escape_str(&name)), t)
            }
            Builtin::Line => {
                let (line, _) = self.presumed(t.loc);
                number_tok(line.max(0) as u64, t)
            }
            Builtin::Counter => {
                let c = self.pp.counter;
                self.pp.counter += 1;
                number_tok(c, t)
            }
            Builtin::IncludeLevel => number_tok(self.frames.len().saturating_sub(1) as u64, t),
            Builtin::Date => str_tok(self.pp.date.to_string(), t),
            Builtin::Time => str_tok(self.pp.time.to_string(), t),
            Builtin::HasInclude | Builtin::HasIncludeNext => {
                let v = self.has_include_operator(t, ctx, b == Builtin::HasIncludeNext);
                number_tok(v as u64, t)
            }
            Builtin::HasAttribute | Builtin::HasBuiltinFn | Builtin::HasNothing => {
                let Some(name) = self.feature_operand(t, ctx) else {
                    return true;
                };
                let v = match b {
                    Builtin::HasAttribute => {
                        let n = name.strip_prefix("gnu::").unwrap_or(&name);
                        let n = n
                            .strip_prefix("__")
                            .and_then(|n| n.strip_suffix("__"))
                            .unwrap_or(n);
                        HAS_ATTRIBUTE.contains(&n)
                    }
                    Builtin::HasBuiltinFn => crate::builtins::has_builtin(&name),
                    _ => false,
                };
                number_tok(v as u64, t)
            }
        };
        out.push(tok);
        true
    }

    /// The parenthesized operand of `__has_attribute` and friends: an identifier, possibly
    /// scoped (`gnu::packed`).
    fn feature_operand(&mut self, t: &Tok, ctx: &mut Ctx) -> Option<String> {
        let msg = format!(
            "builtin feature check macro '{}' requires a parenthesized identifier",
            t.text
        );
        match self.next(ctx) {
            Some(l) if l.is_punct("(") => {}
            other => {
                if let Some(o) = other {
                    ctx.pending.push(o);
                }
                self.error(t.loc, msg);
                return None;
            }
        }
        let mut name = String::new();
        loop {
            match self.next(ctx) {
                Some(r) if r.is_punct(")") => break,
                Some(x) if x.kind == PpKind::Ident || x.is_punct("::") || x.is_punct(":") => {
                    name.push_str(&x.text)
                }
                Some(x) => {
                    self.error(x.loc, msg);
                    self.skip_to_rparen(ctx);
                    return None;
                }
                None => {
                    self.error(t.loc, msg);
                    return None;
                }
            }
        }
        if name.is_empty() {
            self.error(t.loc, msg);
            return None;
        }
        Some(name)
    }

    fn skip_to_rparen(&mut self, ctx: &mut Ctx) {
        let mut depth = 0;
        while let Some(x) = self.next(ctx) {
            if x.is_punct("(") {
                depth += 1;
            } else if x.is_punct(")") {
                if depth == 0 {
                    return;
                }
                depth -= 1;
            }
        }
    }

    /// `__has_include ( "name" )` / `( <name> )`, also with a macro-expanded operand.
    fn has_include_operator(&mut self, t: &Tok, ctx: &mut Ctx, next: bool) -> bool {
        match self.next(ctx) {
            Some(l) if l.is_punct("(") => {}
            other => {
                if let Some(o) = other {
                    ctx.pending.push(o);
                }
                self.error(t.loc, format!("missing '(' after '{}'", t.text));
                return false;
            }
        }
        let mut toks = Vec::new();
        let mut depth = 0;
        loop {
            match self.next(ctx) {
                Some(r) if r.is_punct(")") && depth == 0 => break,
                Some(x) => {
                    if x.is_punct("(") {
                        depth += 1;
                    } else if x.is_punct(")") {
                        depth -= 1;
                    }
                    toks.push(x);
                }
                None => {
                    self.error(t.loc, format!("missing ')' after '{}'", t.text));
                    return false;
                }
            }
        }
        let parsed = match parse_header_name(&toks) {
            Some(p) => Some(p),
            None => {
                let e = self.expand_list(&toks, false);
                parse_header_name(&e)
            }
        };
        match parsed {
            Some((name, angled)) => self.has_include(&name, angled, next),
            None => {
                self.error(t.loc, "expected \"FILENAME\" or <FILENAME>");
                false
            }
        }
    }
}

fn placemarker(loc: Loc) -> Tok {
    Tok {
        kind: PpKind::Other,
        flags: PLACEMARKER,
        hs: 0,
        text: Rc::from(""),
        loc,
    }
}

/// Appends an unexpanded argument (a placemarker if it is empty); its first token takes the
/// spacing of the parameter's occurrence.
fn push_arg(out: &mut Vec<Tok>, arg: &[Tok], flags: u8, _loc: Loc) {
    if arg.is_empty() {
        let mut p = placemarker(_loc);
        p.flags |= flags & SPACE;
        out.push(p);
        return;
    }
    let start = out.len();
    out.extend(arg.iter().cloned());
    out[start].flags = (out[start].flags & !(SPACE | BOL)) | (flags & SPACE);
}

/// `# arg`: the argument's spelling as a string literal (C11 6.10.3.2).
fn stringize(arg: &[Tok], loc: Loc, flags: u8) -> Tok {
    let mut s = String::with_capacity(2 + arg.iter().map(|t| t.text.len() + 1).sum::<usize>());
    s.push('"');
    for (i, t) in arg.iter().enumerate() {
        if i > 0 && t.flags & (SPACE | BOL) != 0 {
            s.push(' ');
        }
        if matches!(t.kind, PpKind::Str | PpKind::Char) {
            s.push_str(&escape_str(&t.text));
        } else {
            s.push_str(&t.text);
        }
    }
    s.push('"');
    Tok {
        kind: PpKind::Str,
        flags: flags & SPACE,
        hs: 0,
        text: Rc::from(s),
        loc,
    }
}

fn number_tok(v: u64, at: &Tok) -> Tok {
    Tok {
        kind: PpKind::Number,
        flags: at.flags & (SPACE | BOL),
        hs: 0,
        text: Rc::from(v.to_string()),
        loc: at.loc,
    }
}

fn str_tok(s: String, at: &Tok) -> Tok {
    Tok {
        kind: PpKind::Str,
        flags: at.flags & (SPACE | BOL),
        hs: 0,
        text: Rc::from(s),
        loc: at.loc,
    }
}
