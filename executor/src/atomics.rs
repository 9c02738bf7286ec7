//! Atomic operations for user code (`__atomic_*`, `__sync_*`, `<stdatomic.h>`, `_Atomic`
//! objects): C calls these helpers, which execute the lock-prefixed instructions gcc emits
//! inline (through Rust's atomics), so every tier gets the same lock-free behaviour.
//!
//! The front end (`sema/atomic.rs`) lowers each operation to a call of one of three
//! helpers, with the operation and the object's size as arguments; the codes here and
//! there are one table, `ir::atomic`.

// `with_atomic!` widens every width to u64, including u64 itself.
#![allow(clippy::unnecessary_cast)]

use ir::atomic::{op, Kind};
use std::sync::atomic::{fence, AtomicU16, AtomicU32, AtomicU64, AtomicU8, Ordering::SeqCst};

/// Runs `f` on the atomic of `size` bytes at `p`, its values widened to u64.
macro_rules! with_atomic {
    ($size:expr, $p:expr, |$a:ident, $t:ident| $body:expr) => {
        match $size {
            1 => {
                #[allow(dead_code)]
                type $t = u8;
                // SAFETY: the caller passes the address of an object of this size that
                // C code accesses only atomically while this runs (C11 7.17).
                let $a = unsafe { &*($p as *const AtomicU8) };
                $body
            }
            2 => {
                #[allow(dead_code)]
                type $t = u16;
                // SAFETY: as above.
                let $a = unsafe { &*($p as *const AtomicU16) };
                $body
            }
            4 => {
                #[allow(dead_code)]
                type $t = u32;
                // SAFETY: as above.
                let $a = unsafe { &*($p as *const AtomicU32) };
                $body
            }
            _ => {
                #[allow(dead_code)]
                type $t = u64;
                // SAFETY: as above.
                let $a = unsafe { &*($p as *const AtomicU64) };
                $body
            }
        }
    };
}

/// `__crepl_atomic(op, size, p, a, b)`: one operation on the integer (or pointer) of
/// `size` bytes at `p`. Loads and stores, exchange, compare-exchange (`a` is the address
/// of the expected value, updated on failure; `b` the desired value; returns 1 on
/// success), fetch-op and op-fetch for add, sub, and, or, xor, nand. Every operation is
/// sequentially consistent (stronger than any order a program asks for).
pub extern "C" fn crepl_atomic(code: i32, size: i32, p: usize, a: u64, b: u64) -> u64 {
    match code {
        op::FENCE => {
            fence(SeqCst);
            0
        }
        op::LOAD => with_atomic!(size, p, |x, T| x.load(SeqCst) as u64),
        // Returns the value stored (the value of an assignment).
        op::STORE => with_atomic!(size, p, |x, T| {
            x.store(a as T, SeqCst);
            a
        }),
        op::XCHG => with_atomic!(size, p, |x, T| x.swap(a as T, SeqCst) as u64),
        op::CAS => with_atomic!(size, p, |x, T| {
            let expected = a as *mut T;
            // SAFETY: `a` is the address of the expected value, an object of this size.
            let want = unsafe { expected.read_unaligned() };
            match x.compare_exchange(want, b as T, SeqCst, SeqCst) {
                Ok(_) => 1,
                Err(actual) => {
                    // SAFETY: as above.
                    unsafe { expected.write_unaligned(actual) };
                    0
                }
            }
        }),
        _ => {
            let fetch_first = code & op::NEW == 0;
            let (old, new) = with_atomic!(size, p, |x, T| {
                let v = a as T;
                let old = match code & !op::NEW {
                    op::ADD => x.fetch_add(v, SeqCst),
                    op::SUB => x.fetch_sub(v, SeqCst),
                    op::AND => x.fetch_and(v, SeqCst),
                    op::OR => x.fetch_or(v, SeqCst),
                    op::XOR => x.fetch_xor(v, SeqCst),
                    op::NAND => x.fetch_nand(v, SeqCst),
                    _ => 0,
                };
                let new = match code & !op::NEW {
                    op::ADD => old.wrapping_add(v),
                    op::SUB => old.wrapping_sub(v),
                    op::AND => old & v,
                    op::OR => old | v,
                    op::XOR => old ^ v,
                    op::NAND => !(old & v),
                    _ => 0,
                };
                (old as u64, new as u64)
            });
            if fetch_first {
                old
            } else {
                new
            }
        }
    }
}

/// `__crepl_atomic_rmw(p, kind, binop, v, flags)`: `*p = *p binop v` on an `_Atomic`
/// integer object (compound assignment, `++`, `--`) as one atomic step (a compare-exchange
/// loop), with C's arithmetic for `kind`. Returns the new value, or the old one if
/// `flags` has `op::OLD` (postfix `++`/`--`).
pub extern "C" fn crepl_atomic_rmw(p: usize, kind: i32, binop: i32, v: u64, flags: i32) -> u64 {
    let k = Kind::from_code(kind);
    let step = |old: u64| k.normalize(k.apply(binop, old, v));
    let size = k.size();
    let (old, new) = with_atomic!(size, p, |x, T| {
        let mut cur = x.load(SeqCst);
        loop {
            let old = k.normalize(cur as u64);
            let new = step(old);
            match x.compare_exchange_weak(cur, new as T, SeqCst, SeqCst) {
                Ok(_) => break (old, new),
                Err(c) => cur = c,
            }
        }
    });
    if flags & op::OLD != 0 {
        old
    } else {
        new
    }
}

/// `__crepl_atomic_rmw_float(p, is_double, binop, v, flags)`: the same for `_Atomic float`
/// and `_Atomic double` (the operand comes as a double; the result returns as one).
pub extern "C" fn crepl_atomic_rmw_float(
    p: usize,
    is_double: i32,
    binop: i32,
    v: f64,
    flags: i32,
) -> f64 {
    let apply = |x: f64| match binop {
        op::ADD => x + v,
        op::SUB => x - v,
        op::MUL => x * v,
        _ => x / v,
    };
    let (old, new) = if is_double != 0 {
        // SAFETY: an `_Atomic double` object.
        let x = unsafe { &*(p as *const AtomicU64) };
        let mut cur = x.load(SeqCst);
        loop {
            let new = apply(f64::from_bits(cur));
            match x.compare_exchange_weak(cur, new.to_bits(), SeqCst, SeqCst) {
                Ok(_) => break (f64::from_bits(cur), new),
                Err(c) => cur = c,
            }
        }
    } else {
        // SAFETY: an `_Atomic float` object.
        let x = unsafe { &*(p as *const AtomicU32) };
        let mut cur = x.load(SeqCst);
        loop {
            let new = apply(f32::from_bits(cur) as f64) as f32;
            match x.compare_exchange_weak(cur, new.to_bits(), SeqCst, SeqCst) {
                Ok(_) => break (f32::from_bits(cur) as f64, new as f64),
                Err(c) => cur = c,
            }
        }
    };
    if flags & op::OLD != 0 {
        old
    } else {
        new
    }
}
