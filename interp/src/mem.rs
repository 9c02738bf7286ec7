//! Loads and stores of scalars at raw addresses, and conversions between scalar kinds.

use ir::Scalar;

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
        Scalar::F80 => f80_to_f64(p).to_bits(),
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
        Scalar::F80 => f64_to_f80(p, f64::from_bits(v)),
    }
}

/// Truncates and re-extends integer bits to the kind's width.
#[inline]
pub fn normalize(v: u64, s: Scalar) -> u64 {
    match s {
        Scalar::I8 => v as i8 as i64 as u64,
        Scalar::U8 => v as u8 as u64,
        Scalar::I16 => v as i16 as i64 as u64,
        Scalar::U16 => v as u16 as u64,
        Scalar::I32 => v as i32 as i64 as u64,
        Scalar::U32 => v as u32 as u64,
        _ => v,
    }
}

#[inline]
pub fn as_f64(v: u64, s: Scalar) -> f64 {
    match s {
        Scalar::F32 => f32::from_bits(v as u32) as f64,
        Scalar::F64 | Scalar::F80 => f64::from_bits(v),
        s if s.is_signed() => v as i64 as f64,
        _ => v as f64,
    }
}

#[inline]
pub fn from_f64(f: f64, s: Scalar) -> u64 {
    match s {
        Scalar::F32 => (f as f32).to_bits() as u64,
        Scalar::F64 | Scalar::F80 => f.to_bits(),
        Scalar::U64 => {
            if f >= 9223372036854775808.0 {
                f as u64
            } else {
                f as i64 as u64
            }
        }
        s => normalize(f as i64 as u64, s),
    }
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
        Scalar::F64 | Scalar::F80 => f64::from_bits(v) != 0.0,
        _ => v != 0,
    }
}

unsafe fn f80_to_f64(p: *const u8) -> f64 {
    let mant = std::ptr::read_unaligned(p as *const u64);
    let se = std::ptr::read_unaligned(p.add(8) as *const u16);
    let sign = if se & 0x8000 != 0 { -1.0 } else { 1.0 };
    let exp = (se & 0x7fff) as i32;
    if exp == 0 && mant == 0 {
        return 0.0 * sign;
    }
    if exp == 0x7fff {
        return if mant << 1 == 0 {
            sign * f64::INFINITY
        } else {
            f64::NAN
        };
    }
    sign * (mant as f64) * 2f64.powi(exp - 16383 - 63)
}

unsafe fn f64_to_f80(p: *mut u8, f: f64) {
    let bits = f.to_bits();
    let sign = ((bits >> 63) as u16) << 15;
    let exp = ((bits >> 52) & 0x7ff) as i32;
    let frac = bits & ((1u64 << 52) - 1);
    let (e, m) = if exp == 0 && frac == 0 {
        (0u16, 0u64)
    } else if exp == 0x7ff {
        (0x7fff, (1u64 << 63) | (frac << 11))
    } else if exp == 0 {
        // Subnormal double: normalize.
        let lz = frac.leading_zeros() - 11;
        let m = frac << (11 + lz + 1 - 1);
        ((15361 - lz as i32 - 1 + 1) as u16, m | (1 << 63))
    } else {
        ((exp - 1023 + 16383) as u16, (1u64 << 63) | (frac << 11))
    };
    std::ptr::write_unaligned(p as *mut u64, m);
    std::ptr::write_unaligned(p.add(8) as *mut u16, sign | e);
}
