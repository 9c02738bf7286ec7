//! Which scalar locals of a function could live in registers: the analysis the compiled
//! tiers' register allocation starts from. The front end runs it when it lowers a
//! function (the tree is in cache then; a compiled tier would walk it cold) and ships the
//! result with the function.
//!
//! A scalar local whose address is never taken is only ever read (`Load`) and written
//! (`Assign`, `OpAssign`, `IncDec`, `PtrOpAssign`) by name. A slot is shared by variables
//! of sibling scopes; it is a candidate only if every use of it has the same scalar kind
//! and no object that stays in memory (an array, a struct, a variable whose address is
//! taken, a call's result slot) overlaps it.

use crate::{Expr, ExprKind as K, Scalar, Stmt, Type, TypeKind, TypeTable};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// The result of [`analyze`].
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct LocalUse {
    /// Candidates for registers: (frame offset, kind, weight: uses, times 8 per loop
    /// nesting level), heaviest first.
    pub candidates: Vec<(u32, Scalar, u64)>,
    /// Nothing but the candidates lives in the frame.
    pub only_candidates: bool,
    /// The body calls nothing, and has nothing that makes compiled code call a helper or
    /// use the registers of calls and copies (struct copies, memset, float-to-integer
    /// conversions, longjmp, setjmp, va_start, bit-field writes).
    pub leaf: bool,
    /// Something inside a loop calls (or copies, converts through a helper...: what makes
    /// `leaf` false): caller-saved registers would be saved and restored there.
    #[serde(default)]
    pub loop_calls: bool,
    /// The functions the body calls directly, once each.
    #[serde(default)]
    pub callees: Vec<crate::FuncId>,
    /// The body calls through a pointer, or does what makes compiled code call a library
    /// routine or a helper (copies, memset, float-to-integer conversions, longjmp, va_*).
    #[serde(default)]
    pub other_calls: bool,
}

/// What one slot's uses allow.
struct Cand {
    s: Scalar,
    ok: bool,
    weight: u64,
}

struct Scan<'a> {
    types: &'a TypeTable,
    cands: HashMap<u32, Cand>,
    /// Byte ranges of the frame that stay in memory.
    pinned: Vec<(u32, u32)>,
    /// Loop nesting, for weights: `for`, `while` and `do` around the code...
    depth: u32,
    /// ...and the loops made of `goto` around it (`regions` containing the statement).
    extra: u32,
    /// Statements visited so far, in order: a statement's position.
    seq: u32,
    /// Loops made of `goto`: (position of the label, position of the jump back); a
    /// computed goto jumps back to the first label before it.
    regions: Vec<(u32, u32)>,
    /// Found on the way, for the regions of the next scan: (label, position), (target,
    /// position) of each goto, positions of computed gotos.
    labels: Vec<(crate::LabelId, u32)>,
    gotos: Vec<(crate::LabelId, u32)>,
    dyn_gotos: Vec<u32>,
    /// No call in the body, and nothing that makes the code call a helper or use r8/r9
    /// (struct copies, memset, float-to-integer conversions, longjmp).
    leaf: bool,
    /// Such a thing inside a loop.
    loop_calls: bool,
    callees: Vec<crate::FuncId>,
    other_calls: bool,
}

/// The kind a register variable of this type would have.
fn reg_kind(t: &Type) -> Option<Scalar> {
    if t.kind == TypeKind::Bool || !(t.is_integer() || t.is_pointer() || t.is_float()) {
        return None;
    }
    t.scalar_kind().filter(|&s| s != Scalar::F80)
}

impl Scan<'_> {
    fn pin(&mut self, off: u32, size: u64) {
        self.pinned.push((
            off,
            off.saturating_add(size.clamp(1, u32::MAX as u64) as u32),
        ));
    }

    fn pin_local(&mut self, lv: &Expr) {
        if let K::Local(o) = lv.kind {
            self.pin(o, self.types.size_of(&lv.ty));
        }
    }

    /// `lv` is read or written by name (if it is a local).
    fn named(&mut self, lv: &Expr) {
        let K::Local(o) = lv.kind else {
            return self.expr(lv);
        };
        let Some(s) = reg_kind(&lv.ty) else {
            return self.pin(o, self.types.size_of(&lv.ty));
        };
        let w = 1u64 << (3 * (self.depth + self.extra).min(6));
        let c = self.cands.entry(o).or_insert(Cand {
            s,
            ok: true,
            weight: 0,
        });
        c.ok &= c.s == s;
        c.weight += w;
    }

    fn expr(&mut self, e: &Expr) {
        match &e.kind {
            // A direct call: which function (see `LocalUse::callees`).
            K::Call(c) => {
                self.calls();
                match c.callee.kind {
                    K::FuncAddr(id) if !self.callees.contains(&id) => self.callees.push(id),
                    K::FuncAddr(_) => {}
                    _ => self.other_calls = true,
                }
            }
            K::VaCopy(..) | K::LongJmp(..) | K::SetJmp(..) | K::VaStart(..) => {
                self.calls();
                self.other_calls = true;
            }
            K::Assign(..) if e.ty.is_aggregate() => {
                self.calls();
                self.other_calls = true;
            }
            K::Cast(x) if x.ty.is_float() && !e.ty.is_float() => {
                self.calls();
                self.other_calls = true;
            }
            K::OpAssign { op_ty, lv, .. } if op_ty.is_float() && !lv.ty.is_float() => {
                self.calls();
                self.other_calls = true;
            }
            // Writing a bit-field uses r10.
            K::Assign(lv, _) | K::OpAssign { lv, .. } | K::IncDec { lv, .. }
                if matches!(lv.kind, K::BitField(..)) =>
            {
                self.calls()
            }
            _ => {}
        }
        match &e.kind {
            // A read of another kind than the variable's (type punning) keeps it in memory.
            K::Load(lv)
                if matches!(lv.kind, K::Local(_)) && reg_kind(&e.ty) != reg_kind(&lv.ty) =>
            {
                self.pin_local(lv)
            }
            K::Load(lv) | K::IncDec { lv, .. } => self.named(lv),
            K::Assign(lv, rhs) | K::OpAssign { lv, rhs, .. } | K::PtrOpAssign { lv, rhs, .. } => {
                self.named(lv);
                self.expr(rhs);
            }
            // Anything else that names a local uses its address.
            K::Local(o) => self.pin(*o, self.types.size_of(&e.ty)),
            K::Int(_) | K::Float(_) | K::LongDouble(_) | K::Global(_) | K::FuncAddr(_) => {}
            // The compiled tiers refuse a function that uses it.
            K::FrameBase => {}
            K::Deref(x)
            | K::Member(x, _)
            | K::BitField(x, ..)
            | K::AddrOf(x)
            | K::Unary(_, x)
            | K::Cast(x)
            | K::VaArg(x)
            | K::Alloca(x)
            | K::SetJmp(x, _) => self.expr(x),
            K::Binary { lhs: a, rhs: b, .. }
            | K::PtrAdd(a, b, _)
            | K::PtrDiff(a, b, _)
            | K::LogAnd(a, b)
            | K::LogOr(a, b)
            | K::Comma(a, b)
            | K::VaCopy(a, b)
            | K::LongJmp(a, b) => {
                self.expr(a);
                self.expr(b);
            }
            K::Cond(c, a, b) => {
                self.expr(c);
                self.expr(a);
                self.expr(b);
            }
            K::Call(c) => {
                if let Some(slot) = c.ret_slot {
                    self.pin(slot, self.types.size_of(&c.fty.ret).max(16));
                }
                self.expr(&c.callee);
                for a in &c.args {
                    self.expr(a);
                }
            }
            K::Seq(s, x) => {
                self.stmt(s);
                self.expr(x);
            }
            K::VaStart(x, slot) => {
                self.pin(*slot, 8);
                self.expr(x);
            }
        }
    }

    /// The code calls (or does what makes compiled code call) here.
    fn calls(&mut self) {
        self.leaf = false;
        if self.depth + self.extra > 0 {
            self.loop_calls = true;
        }
    }

    fn looped(&mut self, f: impl FnOnce(&mut Self)) {
        self.depth += 1;
        f(self);
        self.depth -= 1;
    }

    fn stmt(&mut self, s: &Stmt) {
        let at = self.seq;
        self.seq += 1;
        let outer = self.extra;
        self.extra = self
            .regions
            .iter()
            .filter(|&&(a, b)| a <= at && at <= b)
            .count() as u32;
        match s {
            Stmt::Label(l, _) => self.labels.push((*l, at)),
            Stmt::Goto(l) => self.gotos.push((*l, at)),
            Stmt::GotoDyn(_) => self.dyn_gotos.push(at),
            _ => {}
        }
        self.stmt_inner(s);
        self.extra = outer;
    }

    /// The loops made of `goto` this scan found (see `regions`).
    fn goto_regions(&self) -> Vec<(u32, u32)> {
        let mut r: Vec<(u32, u32)> = self
            .gotos
            .iter()
            .filter_map(|&(l, g)| {
                let &(_, at) = self.labels.iter().find(|x| x.0 == l)?;
                (at <= g).then_some((at, g))
            })
            .collect();
        for &g in &self.dyn_gotos {
            if let Some(first) = self.labels.iter().map(|x| x.1).filter(|&a| a <= g).min() {
                r.push((first, g));
            }
        }
        r
    }

    fn stmt_inner(&mut self, s: &Stmt) {
        match s {
            Stmt::Expr(e) | Stmt::GotoDyn(e) | Stmt::Return(Some(e)) => self.expr(e),
            Stmt::Block(b) => b.stmts.iter().for_each(|s| self.stmt(s)),
            Stmt::If(c, t, e) => {
                self.expr(c);
                self.stmt(t);
                if let Some(e) = e {
                    self.stmt(e);
                }
            }
            Stmt::While(c, b) | Stmt::DoWhile(b, c) => self.looped(|me| {
                me.expr(c);
                me.stmt(b);
            }),
            Stmt::For(init, c, step, b) => {
                if let Some(i) = init {
                    self.stmt(i);
                }
                self.looped(|me| {
                    c.iter().chain(step).for_each(|e| me.expr(e));
                    me.stmt(b);
                });
            }
            Stmt::Switch { cond, body, .. } => {
                self.expr(cond);
                self.stmt(body);
            }
            Stmt::Label(_, s) | Stmt::Scoped(s) => self.stmt(s),
            Stmt::Cleanup(body, cleanup) => {
                self.stmt(body);
                self.stmt(cleanup);
            }
            Stmt::Zero(a, n) => {
                self.calls();
                self.other_calls = true;
                self.object(a, *n)
            }
            Stmt::Copy(d, s, n) => {
                self.calls();
                self.other_calls = true;
                self.object(d, *n);
                self.object(s, *n);
            }
            Stmt::Goto(_) | Stmt::Break | Stmt::Continue | Stmt::Return(None) => {}
        }
    }

    /// An address `n` bytes of memory are accessed at.
    fn object(&mut self, a: &Expr, n: u64) {
        match a.kind {
            K::Local(o) => self.pin(o, n.max(self.types.size_of(&a.ty))),
            _ => self.expr(a),
        }
    }
}

/// Analyzes a body: `params` are (offset, type) of parameters; `keep` are slots that must
/// stay in memory (a unit's result: the interpreter reads it).
pub fn analyze(
    types: &TypeTable,
    body: &Stmt,
    params: &[(u32, &Type)],
    keep: &[(u32, u64)],
) -> LocalUse {
    let run = |regions: Vec<(u32, u32)>| {
        let mut scan = Scan {
            types,
            cands: HashMap::new(),
            pinned: Vec::new(),
            depth: 0,
            extra: 0,
            seq: 0,
            regions,
            labels: Vec::new(),
            gotos: Vec::new(),
            dyn_gotos: Vec::new(),
            leaf: true,
            loop_calls: false,
            callees: Vec::new(),
            other_calls: false,
        };
        for &(o, t) in params {
            let e = Expr::new(K::Local(o), t.clone());
            scan.named(&e);
        }
        for &(o, n) in keep {
            scan.pin(o, n);
        }
        scan.stmt(body);
        scan
    };
    // Loops made of `goto` are found on the first pass (a jump back to a label seen
    // before) and weigh as loops on a second.
    let mut scan = run(Vec::new());
    let regions = scan.goto_regions();
    if !regions.is_empty() {
        scan = run(regions);
    }
    let mut c: Vec<(u32, Scalar, u64)> = scan
        .cands
        .iter()
        .filter(|(&o, c)| {
            let end = o + c.s.size() as u32;
            c.ok && c.weight >= 2 && !scan.pinned.iter().any(|&(a, b)| o < b && a < end)
        })
        .map(|(&o, c)| (o, c.s, c.weight))
        .collect();
    // Heaviest first; ties by offset, so the choice does not depend on hashing.
    c.sort_by(|a, b| b.2.cmp(&a.2).then(a.0.cmp(&b.0)));
    LocalUse {
        only_candidates: scan.pinned.is_empty() && c.len() == scan.cands.len(),
        candidates: c,
        leaf: scan.leaf,
        loop_calls: scan.loop_calls,
        callees: scan.callees,
        other_calls: scan.other_calls,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Block, TypeKind};

    fn long() -> Type {
        Type::new(TypeKind::Long)
    }

    fn set(off: u32) -> Stmt {
        let lv = Expr::new(K::Local(off), long());
        Stmt::Expr(Expr::new(
            K::Assign(Box::new(lv), Box::new(Expr::new(K::Int(1), long()))),
            long(),
        ))
    }

    /// `x` (offset 0) is used once inside a loop made of `goto`, `y` (offset 8) three
    /// times outside it: the loop's variable weighs as a loop's does (8 per use).
    #[test]
    fn goto_loops_weigh_as_loops() {
        let body = Stmt::Block(Block {
            stmts: vec![
                set(8),
                set(8),
                set(8),
                Stmt::Label(7, Box::new(set(0))),
                Stmt::If(Expr::new(K::Int(1), long()), Box::new(Stmt::Goto(7)), None),
            ],
            labels: vec![7],
        });
        let u = analyze(&TypeTable::default(), &body, &[], &[]);
        let weight = |o: u32| u.candidates.iter().find(|c| c.0 == o).map(|c| c.2);
        assert_eq!(weight(0), Some(8));
        assert_eq!(weight(8), Some(3));
        assert_eq!(u.candidates[0].0, 0);
    }
}
