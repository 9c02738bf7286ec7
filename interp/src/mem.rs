//! Loads and stores of scalars at raw addresses, and conversions between scalar kinds.
//!
//! A long double's "value bits" are the address of its value (see `compile/f80.rs`): a
//! load gives the address it was given, a store copies the 10 value bytes from the
//! address it is given.

use ir::{Scalar, F80};

/// Reads a scalar; integers come back sign- or zero-extended to 64 bits.
///
/// # Safety
/// `p` must point to readable memory of the scalar's size.
#[inline]
pub unsafe fn load(p: *const u8, s: Scalar) -> u64 {
    use std::ptr::read_unaligned as r;
    match s {
        Scalar::I8 => r(p as *const i8) as i64 as u64,
        Scalar::U8 => r(p) as u64,
        Scalar::I16 => r(p as *const i16) as i64 as u64,
        Scalar::U16 => r(p as *const u16) as u64,
        Scalar::I32 => r(p as *const i32) as i64 as u64,
        Scalar::U32 | Scalar::F32 => r(p as *const u32) as u64,
        Scalar::I64 | Scalar::U64 | Scalar::F64 => r(p as *const u64),
        Scalar::F80 => p as u64,
    }
}

/// # Safety
/// `p` must point to writable memory of the scalar's size.
#[inline]
pub unsafe fn store(p: *mut u8, s: Scalar, v: u64) {
    use std::ptr::write_unaligned as w;
    match s {
        Scalar::I8 | Scalar::U8 => w(p, v as u8),
        Scalar::I16 | Scalar::U16 => w(p as *mut u16, v as u16),
        Scalar::I32 | Scalar::U32 | Scalar::F32 => w(p as *mut u32, v as u32),
        Scalar::I64 | Scalar::U64 | Scalar::F64 => w(p as *mut u64, v),
        // (No value at all, 0, is an argument a call without a prototype left out.)
        Scalar::F80 if v == 0 => F80::ZERO.write(p),
        Scalar::F80 => F80::read(v as *const u8).write(p),
    }
}

/// Truncates and re-extends integer bits to the kind's width.
#[inline]
pub fn normalize(v: u64, s: Scalar) -> u64 {
    s.normalize(v)
}

#[inline]
pub fn as_f64(v: u64, s: Scalar) -> f64 {
    match s {
        Scalar::F32 => f32::from_bits(v as u32) as f64,
        Scalar::F64 => f64::from_bits(v),
        Scalar::F80 => unsafe { F80::read(v as *const u8) }.to_f64(),
        s if s.is_signed() => v as i64 as f64,
        _ => v as f64,
    }
}

#[inline]
pub fn from_f64(f: f64, s: Scalar) -> u64 {
    if s == Scalar::F80 {
        unreachable!("a long double value needs storage (compile/f80.rs)");
    }
    s.from_f64(f)
}

/// Converts a scalar value between kinds (not to `_Bool`: see `to_bool`).
#[inline]
pub fn convert(v: u64, from: Scalar, to: Scalar) -> u64 {
    if from.is_float() || to.is_float() {
        if from.is_float() && to.is_float() {
            return from_f64(as_f64(v, from), to);
        }
        if from.is_float() {
            return from_f64(as_f64(v, from), to);
        }
        return match to {
            Scalar::F32 => {
                let f = if from.is_signed() {
                    v as i64 as f32
                } else {
                    v as f32
                };
                f.to_bits() as u64
            }
            _ => as_f64(v, from).to_bits(),
        };
    }
    normalize(v, to)
}

#[inline]
pub fn truthy(v: u64, s: Scalar) -> bool {
    match s {
        Scalar::F32 => f32::from_bits(v as u32) != 0.0,
        Scalar::F64 => f64::from_bits(v) != 0.0,
        Scalar::F80 => !unsafe { F80::read(v as *const u8) }.is_zero(),
        _ => v != 0,
    }
}
