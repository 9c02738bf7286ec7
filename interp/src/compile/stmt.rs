//! Statements -> closures; `goto` and `switch` jump by seeking a label inside nested blocks.

use super::expr::{compile_cond, compile_expr, place};
use super::{Ex, Flow, NO_SEEK};
use crate::tier::OsrSite;
use ir::{LabelId, Stmt};

/// What a loop does with its body's flow: go on (`None`), or leave with this flow
/// (`break` ends the loop normally; return and goto propagate).
#[inline]
fn leaves_loop(f: Flow) -> Option<Flow> {
    match f {
        Flow::Normal | Flow::Continue => None,
        Flow::Break => Some(Flow::Normal),
        f => Some(f),
    }
}

/// The on-stack-replacement site of the loop statement `s`.
fn osr_site(it: &crate::Interp, s: &Stmt) -> OsrSite {
    let (func, rt) = it.compiling.get();
    OsrSite {
        key: s as *const Stmt as usize,
        func,
        rt,
    }
}

/// A running loop's iterations, counted in a local (a register) and added to the
/// function's count when the loop ends, however it ends, or when it moves up.
struct Iterations<'a> {
    site: &'a OsrSite,
    n: u64,
    /// The iteration at which the function reaches the on-stack-replacement threshold.
    at: u64,
}

impl<'a> Iterations<'a> {
    #[inline]
    fn start(it: &crate::Interp, site: &'a OsrSite) -> Iterations<'a> {
        let done = unsafe { (*site.rt).loops };
        let at = match it.osr_at().checked_sub(done) {
            Some(left) if left > 0 => left,
            _ => u64::MAX,
        };
        Iterations { site, n: 0, at }
    }

    /// Counts one iteration; past the threshold, continues the function in compiled code.
    /// `Some(flow)`: the function returned there.
    #[inline]
    fn tick(&mut self, it: &mut crate::Interp, fp: *mut u8) -> Option<Flow> {
        self.tick_to(it, fp, self.site.key)
    }

    /// Counts a back-edge to the on-stack-replacement entry `key` (a loop's, a label's).
    #[inline]
    fn tick_to(&mut self, it: &mut crate::Interp, fp: *mut u8, key: usize) -> Option<Flow> {
        self.n += 1;
        if self.n == self.at {
            return self.move_up(it, fp, key);
        }
        None
    }

    #[cold]
    fn move_up(&mut self, it: &mut crate::Interp, fp: *mut u8, key: usize) -> Option<Flow> {
        self.at = u64::MAX;
        // The compiled code counts this back-edge itself.
        self.n -= 1;
        self.flush();
        let total = unsafe { (*self.site.rt).loops } + 1;
        let site = OsrSite {
            key,
            func: self.site.func,
            rt: self.site.rt,
        };
        if let Some(v) = it.osr(&site, fp, total) {
            it.ret = v;
            return Some(Flow::Return);
        }
        self.n = 1;
        None
    }

    fn flush(&mut self) {
        unsafe { (*self.site.rt).loops += self.n };
        self.n = 0;
    }
}

impl Drop for Iterations<'_> {
    fn drop(&mut self) {
        self.flush();
    }
}

/// Labels a statement defines (anywhere inside it), computed once at compile time.
fn labels_in(s: &Stmt) -> Vec<LabelId> {
    let mut v = Vec::new();
    s.collect_labels(&mut v);
    v
}

/// `for (...; i < n; i++)` with `i` an int or long local and `n` a constant or a local of
/// the same kind: the test and the increment are done inline instead of through two
/// closures, which is a third of the work of a tight loop's iteration.
fn counted_loop(
    it: &crate::Interp,
    site: OsrSite,
    init: Option<&Stmt>,
    c: Option<&ir::Expr>,
    step: Option<&ir::Expr>,
    body: &Stmt,
) -> Option<Ex> {
    use ir::{BinOp, ExprKind as K, Scalar};
    let (c, step) = (c?, step?);
    let K::Binary {
        op,
        op_ty,
        lhs,
        rhs,
    } = &c.kind
    else {
        return None;
    };
    if !matches!(op, BinOp::Lt | BinOp::Le | BinOp::Ne)
        || !matches!(op_ty, Scalar::I32 | Scalar::I64)
    {
        return None;
    }
    let K::Load(lv) = &lhs.kind else { return None };
    let K::Local(var) = lv.kind else { return None };
    if super::sk(&lhs.ty) != *op_ty {
        return None;
    }
    enum Limit {
        Const(i64),
        Local(usize),
    }
    let limit = match &rhs.kind {
        K::Int(v) => Limit::Const(*v),
        K::Load(l) => match l.kind {
            K::Local(o) if super::sk(&rhs.ty) == *op_ty => Limit::Local(o as usize),
            _ => return None,
        },
        _ => return None,
    };
    let K::IncDec {
        lv: slv,
        inc: true,
        scale: 1,
        ..
    } = &step.kind
    else {
        return None;
    };
    if !matches!(slv.kind, K::Local(o) if o == var) || super::sk(&slv.ty) != *op_ty {
        return None;
    }
    let (op, wide, var) = (*op, *op_ty == Scalar::I64, var as usize);
    let init = init.map(|s| compile_stmt(it, s));
    let body = compile_stmt(it, body);
    Some(Box::new(move |it, fp, seek| {
        let mut seek = seek;
        let mut iters = Iterations::start(it, &site);
        if seek == NO_SEEK {
            if let Some(init) = &init {
                let f = init(it, fp, NO_SEEK);
                if f != Flow::Normal {
                    return f;
                }
            }
        }
        let read = |fp: *mut u8, o: usize| unsafe {
            if wide {
                std::ptr::read_unaligned(fp.add(o) as *const i64)
            } else {
                std::ptr::read_unaligned(fp.add(o) as *const i32) as i64
            }
        };
        loop {
            if seek == NO_SEEK {
                let i = read(fp, var);
                let n = match limit {
                    Limit::Const(k) => k,
                    Limit::Local(o) => read(fp, o),
                };
                let go = match op {
                    BinOp::Lt => i < n,
                    BinOp::Le => i <= n,
                    _ => i != n,
                };
                if !go {
                    return Flow::Normal;
                }
            }
            if let Some(f) = leaves_loop(body(it, fp, seek)) {
                return f;
            }
            seek = NO_SEEK;
            if let Some(f) = iters.tick(it, fp) {
                return f;
            }
            it.poll();
            unsafe {
                if wide {
                    let p = fp.add(var) as *mut i64;
                    std::ptr::write_unaligned(p, std::ptr::read_unaligned(p).wrapping_add(1));
                } else {
                    let p = fp.add(var) as *mut i32;
                    std::ptr::write_unaligned(p, std::ptr::read_unaligned(p).wrapping_add(1));
                }
            }
        }
    }))
}

pub(crate) fn compile_stmt(it: &crate::Interp, s: &Stmt) -> Ex {
    match s {
        Stmt::Expr(e) => {
            let f = compile_expr(it, e);
            Box::new(move |it, fp, _| {
                f(it, fp);
                Flow::Normal
            })
        }
        Stmt::Block(b) => {
            let mut stmts: Vec<Ex> = b.stmts.iter().map(|s| compile_stmt(it, s)).collect();
            if b.labels.is_empty() && stmts.len() <= 1 {
                // `{ s }` is `s` (a label inside would be in `labels`).
                return stmts
                    .pop()
                    .unwrap_or_else(|| Box::new(|_, _, _| Flow::Normal));
            }
            if b.labels.is_empty() {
                // No jumps into this block: the common, fast case.
                return Box::new(move |it, fp, _| {
                    for s in &stmts {
                        let f = s(it, fp, NO_SEEK);
                        if f != Flow::Normal {
                            return f;
                        }
                    }
                    Flow::Normal
                });
            }
            let labels: Vec<Vec<LabelId>> = b.stmts.iter().map(labels_in).collect();
            labelled_block::<false>(stmts, labels, Some(osr_site(it, s)))
        }
        Stmt::If(c, t, e) => {
            let c = compile_cond(it, c);
            let tl = labels_in(t);
            let t = compile_stmt(it, t);
            let e = e.as_ref().map(|e| compile_stmt(it, e));
            Box::new(move |it, fp, seek| {
                if seek != NO_SEEK {
                    if tl.contains(&seek) {
                        return t(it, fp, seek);
                    }
                    return match &e {
                        Some(e) => e(it, fp, seek),
                        None => Flow::Normal,
                    };
                }
                if c(it, fp) {
                    t(it, fp, NO_SEEK)
                } else if let Some(e) = &e {
                    e(it, fp, NO_SEEK)
                } else {
                    Flow::Normal
                }
            })
        }
        Stmt::While(c, body) => {
            let site = osr_site(it, s);
            let c = compile_cond(it, c);
            let body = compile_stmt(it, body);
            Box::new(move |it, fp, seek| {
                let mut seek = seek;
                let mut iters = Iterations::start(it, &site);
                loop {
                    if seek == NO_SEEK && !c(it, fp) {
                        return Flow::Normal;
                    }
                    if let Some(f) = leaves_loop(body(it, fp, seek)) {
                        return f;
                    }
                    seek = NO_SEEK;
                    if let Some(f) = iters.tick(it, fp) {
                        return f;
                    }
                    it.poll();
                }
            })
        }
        Stmt::DoWhile(body, c) => {
            let site = osr_site(it, s);
            let c = compile_cond(it, c);
            let body = compile_stmt(it, body);
            Box::new(move |it, fp, seek| {
                let mut seek = seek;
                let mut iters = Iterations::start(it, &site);
                loop {
                    if let Some(f) = leaves_loop(body(it, fp, seek)) {
                        return f;
                    }
                    seek = NO_SEEK;
                    if let Some(f) = iters.tick(it, fp) {
                        return f;
                    }
                    it.poll();
                    if !c(it, fp) {
                        return Flow::Normal;
                    }
                }
            })
        }
        Stmt::For(init, c, step, body) => {
            if let Some(fast) = counted_loop(
                it,
                osr_site(it, s),
                init.as_deref(),
                c.as_ref(),
                step.as_ref(),
                body,
            ) {
                return fast;
            }
            let site = osr_site(it, s);
            let init = init.as_ref().map(|s| compile_stmt(it, s));
            let c = c.as_ref().map(|c| compile_cond(it, c));
            let step = step.as_ref().map(|e| compile_expr(it, e));
            let body = compile_stmt(it, body);
            Box::new(move |it, fp, seek| {
                let mut seek = seek;
                let mut iters = Iterations::start(it, &site);
                if seek == NO_SEEK {
                    if let Some(init) = &init {
                        let f = init(it, fp, NO_SEEK);
                        if f != Flow::Normal {
                            return f;
                        }
                    }
                }
                loop {
                    if seek == NO_SEEK {
                        if let Some(c) = &c {
                            if !c(it, fp) {
                                return Flow::Normal;
                            }
                        }
                    }
                    if let Some(f) = leaves_loop(body(it, fp, seek)) {
                        return f;
                    }
                    seek = NO_SEEK;
                    if let Some(f) = iters.tick(it, fp) {
                        return f;
                    }
                    it.poll();
                    if let Some(step) = &step {
                        step(it, fp);
                    }
                }
            })
        }
        Stmt::Switch {
            cond,
            cases,
            default,
            body,
        } => {
            let cv = compile_expr(it, cond);
            let body = compile_stmt(it, body);
            let default = *default;
            // Small switches scan; larger ones with single values use a sorted table.
            let mut table: Vec<(i64, i64, LabelId)> = cases.clone();
            table.sort_by_key(|c| c.0);
            Box::new(move |it, fp, seek| {
                let target = if seek != NO_SEEK {
                    seek
                } else {
                    let v = cv(it, fp) as i64;
                    let i = table.partition_point(|c| c.1 < v);
                    match table.get(i) {
                        Some(&(lo, hi, l)) if lo <= v && v <= hi => l,
                        _ => match default {
                            Some(l) => l,
                            None => return Flow::Normal,
                        },
                    }
                };
                match body(it, fp, target) {
                    Flow::Break => Flow::Normal,
                    f => f,
                }
            })
        }
        Stmt::Label(l, inner) => {
            let l = *l;
            let inner = compile_stmt(it, inner);
            Box::new(move |it, fp, seek| inner(it, fp, if seek == l { NO_SEEK } else { seek }))
        }
        // A goto may close a loop: it polls for Ctrl-C as back-edges do.
        Stmt::Goto(l) => {
            let l = *l;
            Box::new(move |it, _, _| {
                it.poll();
                Flow::Goto(l)
            })
        }
        Stmt::GotoDyn(e) => {
            let v = compile_expr(it, e);
            Box::new(move |it, fp, _| {
                it.poll();
                let x = v(it, fp).wrapping_sub(ir::LABEL_VALUE_BASE);
                // Not a label value: a label id no block has, reported by the function.
                Flow::Goto(if x < u32::MAX as u64 {
                    x as LabelId
                } else {
                    LabelId::MAX - 1
                })
            })
        }
        Stmt::Break => Box::new(|_, _, _| Flow::Break),
        Stmt::Continue => Box::new(|_, _, _| Flow::Continue),
        Stmt::Return(None) => Box::new(|_, _, _| Flow::Return),
        Stmt::Return(Some(e)) => {
            let v = compile_expr(it, e);
            if e.ty.is_aggregate() || e.ty.kind == ir::TypeKind::LongDouble {
                let size = it.image.types.size_of(&e.ty) as usize;
                Box::new(move |it, fp, _| {
                    let src = v(it, fp);
                    if !it.ret_ptr.is_null() {
                        unsafe { std::ptr::copy(src as *const u8, it.ret_ptr, size) };
                    }
                    Flow::Return
                })
            } else {
                Box::new(move |it, fp, _| {
                    it.ret = v(it, fp);
                    Flow::Return
                })
            }
        }
        Stmt::Cleanup(body, cleanup) => {
            let body = compile_stmt(it, body);
            let cleanup = compile_stmt(it, cleanup);
            Box::new(move |it, fp, seek| {
                let f = body(it, fp, seek);
                // A `return` left its value in `ret`: the cleanup's own calls must not
                // lose it.
                let ret = it.ret;
                cleanup(it, fp, NO_SEEK);
                it.ret = ret;
                f
            })
        }
        Stmt::Scoped(inner) => {
            let inner = match &**inner {
                Stmt::Block(b) if !b.labels.is_empty() => compile_vla_block(it, b),
                s => compile_stmt(it, s),
            };
            Box::new(move |it, fp, seek| {
                let saved = it.sp;
                let f = inner(it, fp, seek);
                it.sp = saved;
                f
            })
        }
        Stmt::Zero(a, n) => {
            let n = *n as usize;
            let a = place(it, a).ev();
            Box::new(move |it, fp, _| {
                unsafe { std::ptr::write_bytes(a(it, fp) as *mut u8, 0, n) };
                Flow::Normal
            })
        }
        Stmt::Copy(d, s, n) => {
            let n = *n as usize;
            let (d, s) = (place(it, d).ev(), compile_expr(it, s));
            Box::new(move |it, fp, _| {
                let src = s(it, fp);
                unsafe { std::ptr::copy(src as *const u8, d(it, fp) as *mut u8, n) };
                Flow::Normal
            })
        }
    }
}

/// A block that declares variable-length arrays and has labels: a jump back to a label
/// before a declaration ends the array's lifetime (C11 6.2.4p7), so the interpreter stack
/// goes back to where it was when that label's statement ran (else a loop made of `goto`
/// around a VLA grows the stack on every iteration).
fn compile_vla_block(it: &crate::Interp, b: &ir::Block) -> Ex {
    let stmts: Vec<Ex> = b.stmts.iter().map(|s| compile_stmt(it, s)).collect();
    let labels: Vec<Vec<LabelId>> = b.stmts.iter().map(labels_in).collect();
    labelled_block::<true>(stmts, labels, None)
}

/// A block with labels inside: runs its statements from the one a `goto` (or `seek`)
/// names. `VLA`: the block frees variable-length arrays a jump back skips over.
///
/// A jump back (to this statement or an earlier one) closes a loop: it counts as a loop's
/// back-edge, and past the threshold the function continues in compiled code from the
/// label (`site`: the function's counters; its key is unused, each label has its own).
fn labelled_block<const VLA: bool>(
    stmts: Vec<Ex>,
    labels: Vec<Vec<LabelId>>,
    site: Option<OsrSite>,
) -> Ex {
    let find = move |l: LabelId| labels.iter().position(|v| v.contains(&l));
    Box::new(move |it, fp, seek| {
        // Made at the first jump back: a block run without one (a `switch` body, each
        // time the switch runs) costs nothing here.
        let mut iters: Option<Iterations> = None;
        let mut seek = seek;
        let mut i = if seek == NO_SEEK {
            0
        } else {
            match find(seek) {
                Some(i) => i,
                None => return Flow::Goto(seek),
            }
        };
        // The stack pointer when each statement last started.
        let mut marks = if VLA {
            vec![usize::MAX; stmts.len()]
        } else {
            Vec::new()
        };
        while i < stmts.len() {
            if VLA {
                marks[i] = it.sp;
            }
            let f = stmts[i](it, fp, seek);
            seek = NO_SEEK;
            match f {
                Flow::Normal => i += 1,
                Flow::Goto(l) => match find(l) {
                    Some(j) => {
                        if let (true, Some(s)) = (j <= i, site.as_ref()) {
                            let n = iters.get_or_insert_with(|| Iterations::start(it, s));
                            if let Some(f) = n.tick_to(it, fp, ir::label_osr_key(l)) {
                                return f;
                            }
                        }
                        if VLA && marks[j] != usize::MAX {
                            it.sp = marks[j];
                        }
                        i = j;
                        seek = l;
                    }
                    None => return f,
                },
                _ => return f,
            }
        }
        Flow::Normal
    })
}
