//! Atomic operations: the codes the front end passes to the executor's helpers
//! (`executor/src/atomics.rs`), defined once, and C's integer arithmetic for `_Atomic`
//! compound assignments done in a compare-exchange loop.

/// Operation codes of `__crepl_atomic` and `__crepl_atomic_rmw*`.
pub mod op {
    pub const LOAD: i32 = 1;
    pub const STORE: i32 = 2;
    pub const XCHG: i32 = 3;
    pub const CAS: i32 = 4;
    pub const FENCE: i32 = 5;
    pub const ADD: i32 = 16;
    pub const SUB: i32 = 17;
    pub const AND: i32 = 18;
    pub const OR: i32 = 19;
    pub const XOR: i32 = 20;
    pub const NAND: i32 = 21;
    pub const MUL: i32 = 22;
    pub const DIV: i32 = 23;
    pub const REM: i32 = 24;
    pub const SHL: i32 = 25;
    pub const SHR: i32 = 26;
    /// With a fetch operation: return the new value (`__atomic_add_fetch`), not the old.
    pub const NEW: i32 = 256;
    /// Flag of the read-modify-write helpers: return the old value (postfix `++`).
    pub const OLD: i32 = 1;
}

/// An integer type of an `_Atomic` object: its size in bytes and signedness, encoded for
/// the helper as `size * 2 + signed`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Kind {
    pub size: u8,
    pub signed: bool,
}

impl Kind {
    pub fn code(self) -> i32 {
        self.size as i32 * 2 + self.signed as i32
    }

    pub fn from_code(c: i32) -> Kind {
        Kind {
            size: ((c >> 1) as u8).clamp(1, 8),
            signed: c & 1 != 0,
        }
    }

    pub fn size(self) -> i32 {
        self.size as i32
    }

    /// The value as C holds it: truncated to the size, sign- or zero-extended to 64 bits.
    pub fn normalize(self, v: u64) -> u64 {
        let bits = self.size as u32 * 8;
        if bits >= 64 {
            return v;
        }
        let shift = 64 - bits;
        if self.signed {
            (((v << shift) as i64) >> shift) as u64
        } else {
            (v << shift) >> shift
        }
    }

    /// `a op b` in this type (operands already normalized). Division by zero leaves `a`
    /// (undefined behaviour in C; the helper must not trap).
    pub fn apply(self, binop: i32, a: u64, b: u64) -> u64 {
        let bits = self.size as u64 * 8;
        match binop {
            op::ADD => a.wrapping_add(b),
            op::SUB => a.wrapping_sub(b),
            op::MUL => a.wrapping_mul(b),
            op::AND => a & b,
            op::OR => a | b,
            op::XOR => a ^ b,
            op::SHL => a.wrapping_shl((b % bits.max(1)) as u32),
            op::SHR if self.signed => ((a as i64).wrapping_shr((b % bits.max(1)) as u32)) as u64,
            op::SHR => a.wrapping_shr((b % bits.max(1)) as u32),
            op::DIV | op::REM if b == 0 => a,
            op::DIV if self.signed => (a as i64).wrapping_div(b as i64) as u64,
            op::DIV => a / b,
            op::REM if self.signed => (a as i64).wrapping_rem(b as i64) as u64,
            op::REM => a % b,
            _ => a,
        }
    }
}
