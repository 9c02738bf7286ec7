//! Which local variables live in registers.
//!
//! A scalar local whose address is never taken is only ever read (`Load`) and written
//! (`Assign`, `OpAssign`, `IncDec`, `PtrOpAssign`) by name, so it can live in a register
//! instead of its frame slot. Integers and pointers get callee-saved registers (r13, r14,
//! and r12 when the function does not return a struct), so calls keep them; float and
//! double get xmm8-xmm15, which calls clobber: they are written to their frame slots
//! before every call and read back after it.
//!
//! The frame slot stays the variable's home whenever the frame is shared with the
//! interpreter: the entries that run in an interpreter frame (start, on-stack replacement)
//! read every register variable from its slot, and top-level code writes them back when it
//! ends (the interpreter reads a unit's result from its frame).
//!
//! A slot is shared by variables of sibling scopes. A variable is kept in a register only
//! if every use of its slot is of the same scalar kind and no object that stays in memory
//! (an array, a struct, a variable whose address is taken, a call's result slot) overlaps
//! it: the spills around calls write the slot.

use crate::FastMap;
use ir::{Expr, ExprKind as K, Scalar, Stmt, Type, TypeKind, TypeTable};

/// Where a register variable lives.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Home {
    /// A callee-saved general register.
    Gpr(u8),
    /// xmm8-xmm15 (the number).
    Xmm(u8),
}

#[derive(Clone, Copy, Debug)]
pub(crate) struct RegVar {
    pub home: Home,
    pub s: Scalar,
}

/// The register variables of one function or unit, by frame offset.
#[derive(Default)]
pub(crate) struct Regs {
    pub vars: FastMap<u32, RegVar>,
    /// Callee-saved registers taken, in the order the prologue pushes them.
    pub saved: Vec<u8>,
    /// (offset, kind, xmm) of the float variables, spilled around calls.
    pub xmms: Vec<(u32, Scalar, u8)>,
    /// The variables, by offset.
    list: Vec<(u32, RegVar)>,
    /// Nothing is in the frame: every local is a register variable and nothing spills.
    pub frameless: bool,
    /// The body calls nothing (no calls, no copies or conversions that call helpers).
    pub leaf: bool,
}

impl Regs {
    /// The variables by offset.
    pub fn sorted(&self) -> Vec<(u32, RegVar)> {
        self.list.clone()
    }

    pub fn get(&self, e: &Expr) -> Option<RegVar> {
        match e.kind {
            K::Local(o) if !self.vars.is_empty() => self.vars.get(&o).copied(),
            _ => None,
        }
    }
}

/// What one slot's uses allow.
struct Cand {
    s: Scalar,
    ok: bool,
    weight: u64,
}

struct Scan<'a> {
    types: &'a TypeTable,
    cands: FastMap<u32, Cand>,
    /// Byte ranges of the frame that stay in memory.
    pinned: Vec<(u32, u32)>,
    /// Loop nesting, for weights.
    depth: u32,
    /// No call in the body, and nothing that makes the code call a helper or use r8/r9
    /// (struct copies, memset, float-to-integer conversions, longjmp).
    leaf: bool,
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
        let w = 1u64 << (3 * self.depth.min(6));
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
            K::Call(_) | K::VaCopy(..) | K::LongJmp(..) | K::SetJmp(..) | K::VaStart(..) => {
                self.leaf = false
            }
            K::Assign(..) if e.ty.is_aggregate() => self.leaf = false,
            K::Cast(x) if x.ty.is_float() && !e.ty.is_float() => self.leaf = false,
            K::OpAssign { op_ty, lv, .. } if op_ty.is_float() && !lv.ty.is_float() => {
                self.leaf = false
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

    fn looped(&mut self, f: impl FnOnce(&mut Self)) {
        self.depth += 1;
        f(self);
        self.depth -= 1;
    }

    fn stmt(&mut self, s: &Stmt) {
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
            Stmt::Zero(a, n) => {
                self.leaf = false;
                self.object(a, *n)
            }
            Stmt::Copy(d, s, n) => {
                self.leaf = false;
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

/// Chooses the register variables of a body. `params` are (offset, type) of parameters;
/// `keep` are slots that must stay in memory (a unit's result); `gprs` the callee-saved
/// registers available, `leaf_gprs` caller-saved ones that come first in a body that
/// calls nothing (see [`Regs::leaf`]).
pub(crate) fn allocate(
    types: &TypeTable,
    body: &Stmt,
    params: &[(u32, &Type)],
    keep: &[(u32, u64)],
    gprs: &[u8],
    leaf_gprs: &[u8],
) -> Regs {
    let mut scan = Scan {
        types,
        cands: FastMap::default(),
        pinned: Vec::new(),
        depth: 0,
        leaf: true,
    };
    for &(o, t) in params {
        let e = Expr::new(K::Local(o), t.clone());
        scan.named(&e);
    }
    for &(o, n) in keep {
        scan.pin(o, n);
    }
    scan.stmt(body);
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
    let mut regs = Regs {
        leaf: scan.leaf,
        ..Regs::default()
    };
    let every = c.len() == scan.cands.len();
    let order: Vec<u8> = if scan.leaf {
        leaf_gprs.iter().chain(gprs).copied().collect()
    } else {
        gprs.to_vec()
    };
    let (mut gi, mut xi) = (0usize, 8u8);
    for (o, s, _) in c {
        let home = if s.is_float() {
            if xi > 15 {
                continue;
            }
            xi += 1;
            regs.xmms.push((o, s, xi - 1));
            Home::Xmm(xi - 1)
        } else {
            let Some(&r) = order.get(gi) else {
                continue;
            };
            gi += 1;
            if !leaf_gprs.contains(&r) {
                regs.saved.push(r);
            }
            Home::Gpr(r)
        };
        regs.vars.insert(o, RegVar { home, s });
    }
    regs.list = regs.vars.iter().map(|(o, v)| (*o, *v)).collect();
    regs.list.sort_by_key(|x| x.0);
    regs.frameless = scan.pinned.is_empty()
        && every
        && regs.vars.len() == scan.cands.len()
        && regs.xmms.is_empty();
    regs
}
