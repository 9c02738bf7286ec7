//! Which local variables live in registers.
//!
//! The candidates come with the function (`ir::locals`, computed by the front end): scalar
//! locals whose address is never taken, which can live in a register instead of their
//! frame slot. Integers and pointers get callee-saved registers (r13, r14,
//! and r12 when the function does not return a struct), so calls keep them; float and
//! double get xmm8-xmm15, which calls clobber: they are written to their frame slots
//! before every call and read back after it.
//!
//! The frame slot stays the variable's home whenever the frame is shared with the
//! interpreter: the entries that run in an interpreter frame (start, on-stack replacement)
//! read every register variable from its slot, and top-level code writes them back when it
//! ends (the interpreter reads a unit's result from its frame).
//! The spills around calls write the slot, which is why a candidate overlaps no object
//! that stays in memory.

use crate::FastMap;
use ir::locals::LocalUse;
use ir::{Expr, ExprKind as K, Scalar};

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
    /// (offset, kind, register) of integer variables in caller-saved registers of a
    /// function that calls (r8, r9): written to their slots before every call and read
    /// back after it, like the float ones.
    pub volatile: Vec<(u32, Scalar, u8)>,
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

/// Chooses the register variables from the candidates: `gprs` are the callee-saved
/// registers available, `leaf_gprs` caller-saved ones that come first in a body that calls
/// nothing (see [`LocalUse::leaf`]).
pub(crate) fn allocate(u: &LocalUse, gprs: &[u8], leaf_gprs: &[u8]) -> Regs {
    let mut regs = Regs {
        leaf: u.leaf,
        ..Regs::default()
    };
    // A function that calls, but not inside its loops, may also keep variables in r8 and
    // r9 (after the callee-saved ones): saving them around its few calls costs less than
    // memory in its loops.
    let volatile: &[u8] = if !u.leaf && !u.loop_calls && leaf_gprs.len() >= 2 {
        &leaf_gprs[..2]
    } else {
        &[]
    };
    let order: Vec<u8> = if u.leaf {
        leaf_gprs.iter().chain(gprs).copied().collect()
    } else {
        gprs.iter().chain(volatile).copied().collect()
    };
    let (mut gi, mut xi) = (0usize, 8u8);
    for &(o, s, _) in &u.candidates {
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
            if volatile.contains(&r) {
                regs.volatile.push((o, s, r));
            } else if !leaf_gprs.contains(&r) {
                regs.saved.push(r);
            }
            Home::Gpr(r)
        };
        regs.vars.insert(o, RegVar { home, s });
    }
    regs.list = regs.vars.iter().map(|(o, v)| (*o, *v)).collect();
    regs.list.sort_by_key(|x| x.0);
    regs.frameless = u.only_candidates
        && regs.vars.len() == u.candidates.len()
        && regs.xmms.is_empty()
        && regs.volatile.is_empty();
    regs
}
