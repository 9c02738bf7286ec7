//! `__int128` arithmetic for user code: the front end (`sema/int128.rs`) lowers each
//! operation on a 128-bit value to a call of these helpers, which take and return the
//! values as the System V ABI passes `__int128` (two integer registers), computing with
//! Rust's `i128`/`u128` as gcc's code does (wrapping; division by zero is the program's
//! undefined behaviour and gives 0 here rather than a trap).
#![allow(improper_ctypes_definitions)]

// Operation codes: frontend/src/sema/int128.rs, `op`.
const ADD: i32 = 1;
const SUB: i32 = 2;
const MUL: i32 = 3;
const DIV: i32 = 4;
const REM: i32 = 5;
const AND: i32 = 6;
const OR: i32 = 7;
const XOR: i32 = 8;
const SHL: i32 = 9;
const SHR: i32 = 10;
const LT: i32 = 20;
const GT: i32 = 21;
const LE: i32 = 22;
const GE: i32 = 23;
const EQ: i32 = 24;
const NE: i32 = 25;

/// `__crepl_i128_op(op, a, b, unsigned)`.
pub extern "C" fn crepl_i128_op(op: i32, a: i128, b: i128, unsigned: i32) -> i128 {
    let (ua, ub) = (a as u128, b as u128);
    let sh = (ub & 127) as u32;
    match op {
        ADD => a.wrapping_add(b),
        SUB => a.wrapping_sub(b),
        MUL => a.wrapping_mul(b),
        DIV if b == 0 => 0,
        REM if b == 0 => 0,
        DIV if unsigned != 0 => (ua / ub) as i128,
        DIV => a.wrapping_div(b),
        REM if unsigned != 0 => (ua % ub) as i128,
        REM => a.wrapping_rem(b),
        AND => a & b,
        OR => a | b,
        XOR => a ^ b,
        SHL => a.wrapping_shl(sh),
        SHR if unsigned != 0 => (ua >> sh) as i128,
        SHR => a >> sh,
        _ => 0,
    }
}

/// `__crepl_i128_cmp(op, a, b, unsigned)`: 1 or 0.
pub extern "C" fn crepl_i128_cmp(op: i32, a: i128, b: i128, unsigned: i32) -> i32 {
    let ord = if unsigned != 0 {
        (a as u128).cmp(&(b as u128))
    } else {
        a.cmp(&b)
    };
    use std::cmp::Ordering::*;
    (match op {
        LT => ord == Less,
        GT => ord == Greater,
        LE => ord != Greater,
        GE => ord != Less,
        EQ => ord == Equal,
        NE => ord != Equal,
        _ => false,
    }) as i32
}

/// `__crepl_i128_from(v, signed)`: a 64-bit integer (sign- or zero-extended) as 128 bits.
pub extern "C" fn crepl_i128_from(v: u64, signed: i32) -> i128 {
    if signed != 0 {
        v as i64 as i128
    } else {
        v as i128
    }
}

/// `__crepl_i128_from_f64(v, unsigned)`: truncated toward zero (saturating where C's
/// conversion is undefined).
pub extern "C" fn crepl_i128_from_f64(v: f64, unsigned: i32) -> i128 {
    if unsigned != 0 {
        v as u128 as i128
    } else {
        v as i128
    }
}

/// `__crepl_i128_to(a)`: the low 64 bits (the C conversion to a narrower integer).
pub extern "C" fn crepl_i128_to(a: i128) -> u64 {
    a as u64
}

/// `__crepl_i128_to_f64(a, unsigned)`.
pub extern "C" fn crepl_i128_to_f64(a: i128, unsigned: i32) -> f64 {
    if unsigned != 0 {
        a as u128 as f64
    } else {
        a as f64
    }
}
