//! C `long double` on x86-64: the x87 80-bit extended value (`F80`), its arithmetic and
//! conversions done by the FPU's own instructions (inline assembly, so every result is
//! exactly what GCC's code computes), and exact conversions from and to decimal text.
//!
//! In memory a value takes 16 bytes: a 64-bit significand with an explicit integer bit,
//! then 16 bits of sign and biased exponent, then 6 bytes of padding that nothing reads.
//! Loads and stores here touch the 10 value bytes only, as `fldt`/`fstpt` do.
//!
//! Rounding: the arithmetic follows the FPU's control word (round to nearest, 64-bit
//! precision unless the program changed it with `fesetround`, as in a compiled program);
//! text -> value is correctly rounded to nearest-even, as GCC does for constants.

use serde::{Deserialize, Serialize};
use std::cmp::Ordering;

#[cfg(not(target_arch = "x86_64"))]
compile_error!("long double support is x87 extended precision, x86-64 only");

/// An x87 extended-precision value, laid out as in memory (`repr(C)`: 16 bytes, the
/// significand at offset 0 and sign/exponent at offset 8).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, Serialize, Deserialize)]
#[repr(C)]
pub struct F80 {
    /// Significand, with the explicit integer bit (bit 63) of normal numbers.
    pub mant: u64,
    /// Sign (bit 15) and biased exponent (bits 0-14; 16383 is 2^0, 0x7fff inf/NaN).
    pub se: u16,
}

const BIAS: i64 = 16383;
/// The weight of a subnormal's least significant bit: 2^-16445.
const MIN_LSB: i64 = 1 - BIAS - 63;

/// Marks the whole x87 register stack as clobbered: it is empty when an asm block starts
/// and must be empty when it ends (the blocks below leave it so).
macro_rules! x87 {
    ($($body:tt)*) => {
        core::arch::asm!(
            $($body)*,
            out("st(0)") _, out("st(1)") _, out("st(2)") _, out("st(3)") _,
            out("st(4)") _, out("st(5)") _, out("st(6)") _, out("st(7)") _,
            options(nostack)
        )
    };
}

/// The four arithmetic operations.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Arith {
    Add,
    Sub,
    Mul,
    Div,
}

/// `*d = *a op *b` on values in memory (10 bytes written at `d`, which may be `a` or `b`).
///
/// # Safety
/// `a` and `b` must be readable for 10 bytes, `d` writable for 10 bytes.
#[inline]
pub unsafe fn arith_at(op: Arith, a: *const u8, b: *const u8, d: *mut u8) {
    // st(0) = a, st(1) = b; the result replaces st(0) (the forms with st(0) as the
    // destination have no operand-order ambiguity), is stored and popped, then b.
    match op {
        Arith::Add => x87!(
            "fld tbyte ptr [{b}]",
            "fld tbyte ptr [{a}]",
            "fadd st(0), st(1)",
            "fstp tbyte ptr [{d}]",
            "fstp st(0)",
            a = in(reg) a, b = in(reg) b, d = in(reg) d
        ),
        Arith::Sub => x87!(
            "fld tbyte ptr [{b}]",
            "fld tbyte ptr [{a}]",
            "fsub st(0), st(1)",
            "fstp tbyte ptr [{d}]",
            "fstp st(0)",
            a = in(reg) a, b = in(reg) b, d = in(reg) d
        ),
        Arith::Mul => x87!(
            "fld tbyte ptr [{b}]",
            "fld tbyte ptr [{a}]",
            "fmul st(0), st(1)",
            "fstp tbyte ptr [{d}]",
            "fstp st(0)",
            a = in(reg) a, b = in(reg) b, d = in(reg) d
        ),
        Arith::Div => x87!(
            "fld tbyte ptr [{b}]",
            "fld tbyte ptr [{a}]",
            "fdiv st(0), st(1)",
            "fstp tbyte ptr [{d}]",
            "fstp st(0)",
            a = in(reg) a, b = in(reg) b, d = in(reg) d
        ),
    }
}

/// Compares two values in memory: `None` if either is a NaN.
///
/// # Safety
/// `a` and `b` must be readable for 10 bytes.
#[inline]
pub unsafe fn cmp_at(a: *const u8, b: *const u8) -> Option<Ordering> {
    let (p, z, c): (u8, u8, u8);
    x87!(
        "fld tbyte ptr [{b}]",
        "fld tbyte ptr [{a}]",
        "fucomip st(0), st(1)",
        "fstp st(0)",
        "setp {p}",
        "sete {z}",
        "setb {c}",
        a = in(reg) a, b = in(reg) b,
        p = out(reg_byte) p, z = out(reg_byte) z, c = out(reg_byte) c
    );
    if p != 0 {
        None
    } else if z != 0 {
        Some(Ordering::Equal)
    } else if c != 0 {
        Some(Ordering::Less)
    } else {
        Some(Ordering::Greater)
    }
}

impl F80 {
    pub const ZERO: F80 = F80 { mant: 0, se: 0 };
    pub const ONE: F80 = F80 {
        mant: 1 << 63,
        se: BIAS as u16,
    };
    pub const INFINITY: F80 = F80 {
        mant: 1 << 63,
        se: 0x7fff,
    };
    /// The default quiet NaN (what `__builtin_nanl("")` gives).
    pub const NAN: F80 = F80 {
        mant: 0xc000_0000_0000_0000,
        se: 0x7fff,
    };

    /// Reads the 10 value bytes at `p`.
    ///
    /// # Safety
    /// `p` must be readable for 10 bytes.
    #[inline]
    pub unsafe fn read(p: *const u8) -> F80 {
        F80 {
            mant: std::ptr::read_unaligned(p as *const u64),
            se: std::ptr::read_unaligned(p.add(8) as *const u16),
        }
    }

    /// Writes the 10 value bytes at `p` (the padding after them is left alone).
    ///
    /// # Safety
    /// `p` must be writable for 10 bytes.
    #[inline]
    pub unsafe fn write(self, p: *mut u8) {
        std::ptr::write_unaligned(p as *mut u64, self.mant);
        std::ptr::write_unaligned(p.add(8) as *mut u16, self.se);
    }

    /// The 16 bytes of a `long double` object holding this value (zero padding).
    pub fn to_bytes(self) -> [u8; 16] {
        let mut b = [0u8; 16];
        b[..8].copy_from_slice(&self.mant.to_le_bytes());
        b[8..10].copy_from_slice(&self.se.to_le_bytes());
        b
    }

    fn ptr(&self) -> *const u8 {
        self as *const F80 as *const u8
    }

    pub fn from_u64(v: u64) -> F80 {
        if v == 0 {
            return F80::ZERO;
        }
        let lz = v.leading_zeros();
        F80 {
            mant: v << lz,
            se: (BIAS + 63 - lz as i64) as u16,
        }
    }

    pub fn from_i64(v: i64) -> F80 {
        let mut r = F80::from_u64(v.unsigned_abs());
        if v < 0 {
            r.se |= 0x8000;
        }
        r
    }

    /// Exact (every double is a long double).
    pub fn from_f64(f: f64) -> F80 {
        let mut r = F80::ZERO;
        unsafe {
            x87!(
                "fld qword ptr [{a}]",
                "fstp tbyte ptr [{d}]",
                a = in(reg) &f as *const f64, d = in(reg) &mut r as *mut F80
            )
        };
        r
    }

    pub fn from_f32(f: f32) -> F80 {
        F80::from_f64(f as f64)
    }

    /// Rounded to double as the FPU's `fstp qword` does.
    pub fn to_f64(self) -> f64 {
        let mut r = 0f64;
        unsafe {
            x87!(
                "fld tbyte ptr [{a}]",
                "fstp qword ptr [{d}]",
                a = in(reg) self.ptr(), d = in(reg) &mut r as *mut f64
            )
        };
        r
    }

    /// Rounded to float directly (not through double, which could round twice).
    pub fn to_f32(self) -> f32 {
        let mut r = 0f32;
        unsafe {
            x87!(
                "fld tbyte ptr [{a}]",
                "fstp dword ptr [{d}]",
                a = in(reg) self.ptr(), d = in(reg) &mut r as *mut f32
            )
        };
        r
    }

    /// Truncated toward zero (`fisttp`); out of range or NaN gives i64::MIN, as the FPU.
    pub fn to_i64(self) -> i64 {
        let mut r = 0i64;
        unsafe {
            x87!(
                "fld tbyte ptr [{a}]",
                "fisttp qword ptr [{d}]",
                a = in(reg) self.ptr(), d = in(reg) &mut r as *mut i64
            )
        };
        r
    }

    /// Truncated toward zero; out of range or NaN gives i32::MIN.
    pub fn to_i32(self) -> i32 {
        let mut r = 0i32;
        unsafe {
            x87!(
                "fld tbyte ptr [{a}]",
                "fisttp dword ptr [{d}]",
                a = in(reg) self.ptr(), d = in(reg) &mut r as *mut i32
            )
        };
        r
    }

    /// Truncated toward zero; out of range or NaN gives i16::MIN.
    pub fn to_i16(self) -> i16 {
        let mut r = 0i16;
        unsafe {
            x87!(
                "fld tbyte ptr [{a}]",
                "fisttp word ptr [{d}]",
                a = in(reg) self.ptr(), d = in(reg) &mut r as *mut i16
            )
        };
        r
    }

    /// Truncated toward zero, as GCC converts to unsigned long: values from 2^63 on are
    /// converted after subtracting 2^63.
    pub fn to_u64(self) -> u64 {
        let two63 = F80 {
            mant: 1 << 63,
            se: (BIAS + 63) as u16,
        };
        if self
            .partial_cmp(&two63)
            .is_some_and(|o| o != Ordering::Less)
        {
            (self.sub(two63).to_i64() as u64) ^ (1 << 63)
        } else {
            self.to_i64() as u64
        }
    }

    /// The value converted to an integer kind (truncated toward zero), as value bits
    /// sign- or zero-extended to 64 bits. Out-of-range values give what GCC's code gives
    /// (the FPU's "integer indefinite" of the width GCC stores: 64 bits for long and the
    /// unsigned int kinds, 32 for int and unsigned short, 16 for short and the chars).
    pub fn to_int(self, s: crate::Scalar) -> u64 {
        use crate::Scalar::*;
        match s {
            I64 => self.to_i64() as u64,
            U64 => self.to_u64(),
            U32 => self.to_i64() as u32 as u64,
            I32 => self.to_i32() as i64 as u64,
            U16 => self.to_i32() as u16 as u64,
            I16 => self.to_i16() as i64 as u64,
            I8 => self.to_i16() as i8 as i64 as u64,
            U8 => self.to_i16() as u8 as u64,
            F32 | F64 | F80 => unreachable!("not an integer kind"),
        }
    }

    /// An integer of kind `s` (value bits as the interpreter keeps them); exact.
    pub fn from_int(v: u64, s: crate::Scalar) -> F80 {
        if s.is_signed() {
            F80::from_i64(v as i64)
        } else {
            F80::from_u64(v)
        }
    }

    pub fn neg(self) -> F80 {
        F80 {
            mant: self.mant,
            se: self.se ^ 0x8000,
        }
    }

    pub fn arith(self, op: Arith, o: F80) -> F80 {
        let mut r = F80::ZERO;
        unsafe { arith_at(op, self.ptr(), o.ptr(), &mut r as *mut F80 as *mut u8) };
        r
    }
    #[allow(clippy::should_implement_trait)]
    pub fn add(self, o: F80) -> F80 {
        self.arith(Arith::Add, o)
    }
    #[allow(clippy::should_implement_trait)]
    pub fn sub(self, o: F80) -> F80 {
        self.arith(Arith::Sub, o)
    }
    #[allow(clippy::should_implement_trait)]
    pub fn mul(self, o: F80) -> F80 {
        self.arith(Arith::Mul, o)
    }
    #[allow(clippy::should_implement_trait)]
    pub fn div(self, o: F80) -> F80 {
        self.arith(Arith::Div, o)
    }

    /// IEEE comparison: `None` if either is a NaN; -0 equals +0.
    /// The complex product (`div`: quotient) of `a` and `b` (real and imaginary parts) by
    /// the textbook formulas: for constant folding, and where libgcc's `__mulxc3` and
    /// `__divxc3` (which also handle infinities and scale quotients) are missing.
    pub fn complex_product(a: (F80, F80), b: (F80, F80), div: bool) -> (F80, F80) {
        let ((ar, ai), (br, bi)) = (a, b);
        if div {
            let d = br.mul(br).add(bi.mul(bi));
            (
                ar.mul(br).add(ai.mul(bi)).div(d),
                ai.mul(br).sub(ar.mul(bi)).div(d),
            )
        } else {
            (ar.mul(br).sub(ai.mul(bi)), ar.mul(bi).add(ai.mul(br)))
        }
    }

    pub fn partial_cmp(&self, o: &F80) -> Option<Ordering> {
        unsafe { cmp_at(self.ptr(), o.ptr()) }
    }

    pub fn is_sign_negative(self) -> bool {
        self.se & 0x8000 != 0
    }
    pub fn is_zero(self) -> bool {
        self.partial_cmp(&F80::ZERO) == Some(Ordering::Equal)
    }
    pub fn is_nan(self) -> bool {
        self.partial_cmp(&self).is_none()
    }
    pub fn is_finite(self) -> bool {
        self.se & 0x7fff != 0x7fff
    }

    /// Parses a C floating constant's digits (decimal, or hexadecimal with `0x`), without
    /// its suffix; correctly rounded to nearest-even. `None` if it is not one.
    pub fn parse(text: &str) -> Option<F80> {
        let t = text.trim();
        let (neg, t) = match t.as_bytes().first() {
            Some(b'-') => (true, &t[1..]),
            Some(b'+') => (false, &t[1..]),
            _ => (false, t),
        };
        let r = if let Some(h) = t.strip_prefix("0x").or_else(|| t.strip_prefix("0X")) {
            parse_hex(h)?
        } else {
            parse_dec(t)?
        };
        Some(if neg { r.neg() } else { r })
    }

    /// The shortest decimal that reads back as this value, written as Rust writes an f64
    /// with `{:?}` (`0.1`, `2.0`, `1e20`, `1.5e-7`); `inf`, `-inf`, `nan`, `-nan`.
    pub fn to_shortest(self) -> String {
        let neg = self.is_sign_negative();
        let sign = if neg { "-" } else { "" };
        if !self.is_finite() {
            return if self.mant << 1 == 0 {
                format!("{sign}inf")
            } else {
                format!("{sign}nan")
            };
        }
        let abs = F80 {
            mant: self.mant,
            se: self.se & 0x7fff,
        };
        if abs.mant == 0 {
            return format!("{sign}0.0");
        }
        let (digits, dp) = shortest_digits(abs);
        let s: String = digits.iter().map(|d| (b'0' + d) as char).collect();
        let n = s.len() as i64;
        // value = 0.DIGITS x 10^dp; decimal notation for 1e-4 <= |x| < 1e16, as Rust.
        let body = if dp - 1 < -4 || dp - 1 >= 16 {
            let (first, rest) = s.split_at(1);
            if rest.is_empty() {
                format!("{first}e{}", dp - 1)
            } else {
                format!("{first}.{rest}e{}", dp - 1)
            }
        } else if dp <= 0 {
            format!("0.{}{s}", "0".repeat((-dp) as usize))
        } else if dp >= n {
            format!("{s}{}.0", "0".repeat((dp - n) as usize))
        } else {
            format!("{}.{}", &s[..dp as usize], &s[dp as usize..])
        };
        format!("{sign}{body}")
    }
}

/// Rounds `q * 2^e` (plus a nonzero amount below q's last bit if `sticky`) to the nearest
/// extended value, ties to even; q must have at least 66 bits.
fn round_pack(q: u128, e: i64, sticky: bool) -> F80 {
    debug_assert!(q >> 65 != 0);
    let n = 128 - q.leading_zeros() as i64;
    let top = e + n - 1;
    let mut lsb = (top - 63).max(MIN_LSB);
    let drop = lsb - e;
    let (mut mant, up) = if drop > n {
        (0u128, false)
    } else {
        let mant = if drop >= 128 { 0 } else { q >> drop };
        let rem = if drop >= 128 {
            q
        } else {
            q & ((1u128 << drop) - 1)
        };
        let half = 1u128 << (drop - 1);
        let up = rem > half || (rem == half && (sticky || mant & 1 == 1));
        (mant, up)
    };
    if up {
        mant += 1;
        if mant == 1 << 64 {
            mant = 1 << 63;
            lsb += 1;
        }
    }
    let mant = mant as u64;
    if mant == 0 {
        return F80::ZERO;
    }
    if mant >> 63 == 1 {
        let biased = lsb + 63 + BIAS;
        if biased >= 0x7fff {
            return F80::INFINITY;
        }
        F80 {
            mant,
            se: biased as u16,
        }
    } else {
        F80 { mant, se: 0 }
    }
}

/// Significant digits of a decimal constant that are used exactly (see `from_decimal`).
const MAX_DIGITS: usize = 20000;

/// Decimal digits (values 0-9) and a decimal exponent: the value is DIGITS x 10^exp.
fn from_decimal(digits: &[u8], exp: i64) -> F80 {
    let first = digits.iter().position(|&d| d != 0);
    let Some(first) = first else {
        return F80::ZERO;
    };
    let last = digits.iter().rposition(|&d| d != 0).unwrap();
    // Trailing zeros move into the exponent.
    let exp = exp + (digits.len() - 1 - last) as i64;
    let digits = &digits[first..=last];
    // Digits past the 20000th only matter as "something nonzero follows": every value
    // halfway between two long doubles has fewer digits than that (about 11500 at most).
    let mut exp = exp;
    let mut kept;
    let digits = if digits.len() > MAX_DIGITS {
        exp += (digits.len() - MAX_DIGITS) as i64;
        kept = digits[..MAX_DIGITS].to_vec();
        if digits[MAX_DIGITS..].iter().any(|&d| d != 0) {
            kept.push(1);
            exp -= 1;
        }
        &kept[..]
    } else {
        digits
    };
    let nd = digits.len() as i64;
    // Far outside the range (LDBL_MAX ~ 1.19e4932, the smallest subnormal ~ 3.6e-4951).
    if nd + exp > 4940 {
        return F80::INFINITY;
    }
    if nd + exp < -4970 {
        return F80::ZERO;
    }
    let mut d = Big::default();
    for chunk in digits.chunks(9) {
        let mut v = 0u32;
        for &x in chunk {
            v = v * 10 + x as u32;
        }
        d.mul_small(10u32.pow(chunk.len() as u32));
        d.add_small(v);
    }
    if exp >= 0 {
        d.mul_pow(10, exp as u64);
        let nb = d.bits() as i64;
        if nb <= 68 {
            let q = d.low_u128() << (68 - nb);
            return round_pack(q, -(68 - nb), false);
        }
        let shift = nb - 68;
        let (q, sticky) = d.shr_u128(shift as u64);
        return round_pack(q, shift, sticky);
    }
    let mut b = Big::from_u64(1);
    b.mul_pow(10, (-exp) as u64);
    // Quotient d * 2^k / b with 67 or 68 bits.
    let k = 67 + b.bits() as i64 - d.bits() as i64;
    if k >= 0 {
        d.shl(k as u64);
    } else {
        b.shl((-k) as u64);
    }
    let (q, sticky) = d.div_u128(&b);
    round_pack(q, -k, sticky)
}

fn parse_dec(t: &str) -> Option<F80> {
    let b = t.as_bytes();
    let mut i = 0;
    let mut digits = Vec::new();
    let mut exp: i64 = 0;
    let mut seen = false;
    while i < b.len() && b[i].is_ascii_digit() {
        digits.push(b[i] - b'0');
        i += 1;
        seen = true;
    }
    if i < b.len() && b[i] == b'.' {
        i += 1;
        while i < b.len() && b[i].is_ascii_digit() {
            digits.push(b[i] - b'0');
            exp -= 1;
            i += 1;
            seen = true;
        }
    }
    if !seen {
        return None;
    }
    if i < b.len() && (b[i] == b'e' || b[i] == b'E') {
        let (e, j) = parse_exp(b, i + 1)?;
        exp = exp.saturating_add(e);
        i = j;
    }
    if i != b.len() {
        return None;
    }
    Some(from_decimal(&digits, exp))
}

/// An exponent's optional sign and digits from `b[i..]`: (value, end). Saturates far
/// beyond any range that matters.
fn parse_exp(b: &[u8], mut i: usize) -> Option<(i64, usize)> {
    let neg = match b.get(i) {
        Some(b'-') => {
            i += 1;
            true
        }
        Some(b'+') => {
            i += 1;
            false
        }
        _ => false,
    };
    let start = i;
    let mut v: i64 = 0;
    while i < b.len() && b[i].is_ascii_digit() {
        v = (v * 10 + (b[i] - b'0') as i64).min(1 << 40);
        i += 1;
    }
    if i == start {
        return None;
    }
    Some((if neg { -v } else { v }, i))
}

fn parse_hex(t: &str) -> Option<F80> {
    let b = t.as_bytes();
    let mut i = 0;
    let mut m: u128 = 0;
    let mut exp: i64 = 0;
    let mut sticky = false;
    let mut seen = false;
    let mut frac = false;
    while i < b.len() {
        let c = b[i];
        if c == b'.' && !frac {
            frac = true;
            i += 1;
            continue;
        }
        let Some(d) = (c as char).to_digit(16) else {
            break;
        };
        seen = true;
        if m >> 120 == 0 {
            m = (m << 4) | d as u128;
            if frac {
                exp -= 4;
            }
        } else {
            sticky |= d != 0;
            if !frac {
                exp += 4;
            }
        }
        i += 1;
    }
    if !seen {
        return None;
    }
    if i < b.len() && (b[i] == b'p' || b[i] == b'P') {
        let (e, j) = parse_exp(b, i + 1)?;
        exp = exp.saturating_add(e);
        i = j;
    }
    if i != b.len() {
        return None;
    }
    if m == 0 {
        return Some(F80::ZERO);
    }
    if exp > 20000 {
        return Some(F80::INFINITY);
    }
    if exp < -20000 {
        return Some(F80::ZERO);
    }
    let nb = 128 - m.leading_zeros() as i64;
    if nb < 68 {
        m <<= 68 - nb;
        exp -= 68 - nb;
    }
    Some(round_pack(m, exp, sticky))
}

/// The shortest digits (first digit nonzero) and decimal point position of a positive
/// finite value: value ~ 0.DIGITS x 10^dp, and reading them back gives the value.
fn shortest_digits(x: F80) -> (Vec<u8>, i64) {
    let biased = (x.se & 0x7fff) as i64;
    let e2 = biased.max(1) - BIAS - 63;
    // The exact value as decimal digits: mant * 2^e2.
    let mut n = Big::from_u64(x.mant);
    let mut dp_adj = 0i64;
    if e2 >= 0 {
        n.shl(e2 as u64);
    } else {
        n.mul_pow(5, (-e2) as u64);
        dp_adj = e2;
    }
    let exact = n.to_decimal();
    let dp = exact.len() as i64 + dp_adj;
    let mut exact = exact;
    while exact.last() == Some(&0) {
        exact.pop();
    }
    for p in 1..exact.len() {
        let (digits, dp2) = round_digits(&exact, dp, p);
        // Compared as values: a non-canonical encoding (a pseudo-denormal) reads back
        // canonical.
        let back = from_decimal(&digits, dp2 - digits.len() as i64);
        if back.partial_cmp(&x) == Some(Ordering::Equal) {
            return (digits, dp2);
        }
    }
    (exact, dp)
}

/// `digits` (exact, 0.DIGITS x 10^dp) rounded to `p` digits, ties to even.
fn round_digits(digits: &[u8], dp: i64, p: usize) -> (Vec<u8>, i64) {
    let mut r: Vec<u8> = digits[..p].to_vec();
    let next = digits[p];
    let rest_nonzero = digits[p + 1..].iter().any(|&d| d != 0);
    let up = next > 5 || (next == 5 && (rest_nonzero || r[p - 1] % 2 == 1));
    let mut dp = dp;
    if up {
        let mut i = p;
        loop {
            if i == 0 {
                r.insert(0, 1);
                r.pop();
                dp += 1;
                break;
            }
            i -= 1;
            if r[i] == 9 {
                r[i] = 0;
            } else {
                r[i] += 1;
                break;
            }
        }
    }
    while r.len() > 1 && r.last() == Some(&0) {
        r.pop();
    }
    (r, dp)
}

/// A nonnegative big integer: little-endian 32-bit limbs without trailing zero limbs.
#[derive(Clone, Default, Debug, PartialEq, Eq)]
struct Big(Vec<u32>);

impl Big {
    fn from_u64(v: u64) -> Big {
        let mut b = Big(vec![v as u32, (v >> 32) as u32]);
        b.trim();
        b
    }
    fn trim(&mut self) {
        while self.0.last() == Some(&0) {
            self.0.pop();
        }
    }
    fn bits(&self) -> u64 {
        match self.0.last() {
            None => 0,
            Some(&top) => self.0.len() as u64 * 32 - top.leading_zeros() as u64,
        }
    }
    fn mul_small(&mut self, m: u32) {
        let mut carry = 0u64;
        for l in &mut self.0 {
            let v = *l as u64 * m as u64 + carry;
            *l = v as u32;
            carry = v >> 32;
        }
        if carry != 0 {
            self.0.push(carry as u32);
        }
        self.trim();
    }
    fn add_small(&mut self, a: u32) {
        let mut carry = a as u64;
        for l in &mut self.0 {
            if carry == 0 {
                break;
            }
            let v = *l as u64 + carry;
            *l = v as u32;
            carry = v >> 32;
        }
        if carry != 0 {
            self.0.push(carry as u32);
        }
    }
    /// self *= base^exp (base 5 or 10).
    fn mul_pow(&mut self, base: u32, mut exp: u64) {
        // The largest power of the base that fits in a limb.
        let (chunk, n) = if base == 5 {
            (1_220_703_125u32, 13u64)
        } else {
            (1_000_000_000u32, 9u64)
        };
        while exp >= n {
            self.mul_small(chunk);
            exp -= n;
        }
        self.mul_small(base.pow(exp as u32));
    }
    fn shl(&mut self, n: u64) {
        if self.0.is_empty() {
            return;
        }
        let (limbs, bits) = ((n / 32) as usize, (n % 32) as u32);
        if bits != 0 {
            let mut carry = 0u32;
            for l in &mut self.0 {
                let v = (*l << bits) | carry;
                carry = *l >> (32 - bits);
                *l = v;
            }
            if carry != 0 {
                self.0.push(carry);
            }
        }
        if limbs > 0 {
            self.0.splice(0..0, std::iter::repeat_n(0, limbs));
        }
    }
    /// Bit `i`.
    fn bit(&self, i: u64) -> bool {
        self.0
            .get((i / 32) as usize)
            .is_some_and(|l| (l >> (i % 32)) & 1 == 1)
    }
    fn low_u128(&self) -> u128 {
        let mut v = 0u128;
        for (i, &l) in self.0.iter().take(4).enumerate() {
            v |= (l as u128) << (32 * i);
        }
        v
    }
    /// (self >> n as u128, whether any bit shifted out was 1); the result must fit.
    fn shr_u128(&self, n: u64) -> (u128, bool) {
        let mut v = 0u128;
        let nb = self.bits();
        for i in (n..nb).rev() {
            v = (v << 1) | self.bit(i) as u128;
        }
        let sticky = (0..n).any(|i| self.bit(i));
        (v, sticky)
    }
    fn cmp(&self, o: &Big) -> Ordering {
        self.0
            .len()
            .cmp(&o.0.len())
            .then_with(|| self.0.iter().rev().cmp(o.0.iter().rev()))
    }
    /// self -= o (self >= o).
    fn sub(&mut self, o: &Big) {
        let mut borrow = 0i64;
        for i in 0..self.0.len() {
            let v = self.0[i] as i64 - o.0.get(i).copied().unwrap_or(0) as i64 - borrow;
            if v < 0 {
                self.0[i] = (v + (1 << 32)) as u32;
                borrow = 1;
            } else {
                self.0[i] = v as u32;
                borrow = 0;
            }
        }
        self.trim();
    }
    /// (self / d, remainder != 0) for a quotient below 2^128.
    fn div_u128(&self, d: &Big) -> (u128, bool) {
        let mut r = self.clone();
        let mut q = 0u128;
        let span = self.bits().saturating_sub(d.bits());
        let mut ds = d.clone();
        ds.shl(span);
        for i in (0..=span).rev() {
            if r.cmp(&ds) != Ordering::Less {
                r.sub(&ds);
                q |= 1u128 << i;
            }
            // ds >>= 1
            let mut carry = 0u32;
            for l in ds.0.iter_mut().rev() {
                let v = (*l >> 1) | carry;
                carry = *l << 31;
                *l = v;
            }
            ds.trim();
        }
        (q, !r.0.is_empty())
    }
    /// Decimal digits, most significant first (empty for zero).
    fn to_decimal(&self) -> Vec<u8> {
        let mut n = self.clone();
        let mut chunks = Vec::new();
        while !n.0.is_empty() {
            let mut rem = 0u64;
            for l in n.0.iter_mut().rev() {
                let v = (rem << 32) | *l as u64;
                *l = (v / 1_000_000_000) as u32;
                rem = v % 1_000_000_000;
            }
            n.trim();
            chunks.push(rem as u32);
        }
        let mut out = Vec::new();
        for (i, c) in chunks.iter().rev().enumerate() {
            let s = if i == 0 {
                c.to_string()
            } else {
                format!("{c:09}")
            };
            out.extend(s.bytes().map(|b| b - b'0'));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(mant: u64, se: u16) -> F80 {
        F80 { mant, se }
    }

    #[test]
    fn parse_known_values() {
        assert_eq!(F80::parse("1.0"), Some(F80::ONE));
        assert_eq!(F80::parse("0.1"), Some(f(0xcccc_cccc_cccc_cccd, 0x3ffb)));
        assert_eq!(F80::parse("0"), Some(F80::ZERO));
        assert_eq!(
            F80::parse("1.18973149535723176502126385303097021e+4932"),
            Some(f(u64::MAX, 0x7ffe))
        );
        assert_eq!(
            F80::parse("3.36210314311209350626267781732175260e-4932"),
            Some(f(1 << 63, 1))
        );
        assert_eq!(
            F80::parse("3.64519953188247460252840593361941982e-4951"),
            Some(f(1, 0))
        );
        assert_eq!(
            F80::parse("1.08420217248550443400745280086994171e-19"),
            Some(f(1 << 63, 0x3fff - 63))
        );
        assert_eq!(F80::parse("0x1p-1"), Some(f(1 << 63, 0x3ffe)));
        assert_eq!(
            F80::parse("0x1.8p1"),
            Some(f(0xc000_0000_0000_0000, 0x4000))
        );
        assert_eq!(F80::parse("1e5000"), Some(F80::INFINITY));
        assert_eq!(F80::parse("1e-5000"), Some(F80::ZERO));
        assert_eq!(F80::parse("abc"), None);
        assert_eq!(F80::parse("1e"), None);
        // Long inputs: the digits past the 20000th count only as nonzero or not. Halfway
        // between 1 and the next long double (1 + 2^-64) ties to even; a 1 far behind it
        // rounds up.
        let half = "1.0000000000000000000542101086242752217003726400434970855712890625";
        let zeros = "0".repeat(30000);
        assert_eq!(F80::parse(half).unwrap().mant, 1 << 63);
        assert_eq!(F80::parse(&format!("{half}{zeros}")).unwrap().mant, 1 << 63);
        assert_eq!(
            F80::parse(&format!("{half}{zeros}1")).unwrap().mant,
            (1 << 63) + 1
        );
    }

    #[test]
    fn arithmetic_is_extended() {
        let one = F80::ONE;
        let tiny = F80::parse("1e-19").unwrap();
        assert_ne!(one.add(tiny), one);
        assert_eq!(one.add(tiny).sub(one).to_f64(), 1.0842021724855044e-19);
        let three = F80::from_i64(3);
        assert_eq!(F80::from_i64(7).sub(three).to_i64(), 4);
        assert_eq!(F80::from_i64(7).div(F80::from_i64(2)).to_f64(), 3.5);
        assert_eq!(F80::from_i64(-7).mul(three).to_i64(), -21);
        assert_eq!(three.partial_cmp(&one), Some(Ordering::Greater));
        assert_eq!(one.partial_cmp(&three), Some(Ordering::Less));
        assert_eq!(F80::NAN.partial_cmp(&one), None);
        assert!(F80::ZERO.neg().is_zero());
        assert_eq!(F80::parse("-2.9").unwrap().to_i64(), -2);
        assert_eq!(F80::from_u64(u64::MAX).to_u64(), u64::MAX);
        assert_eq!(F80::from_f64(0.1).to_f64(), 0.1);
        assert_eq!(F80::parse("0.1").unwrap().to_f64(), 0.1);
    }

    #[test]
    fn shortest_round_trips() {
        for (text, want) in [
            ("0.1", "0.1"),
            ("1", "1.0"),
            ("2.5e3", "2500.0"),
            ("1e20", "1e20"),
            ("1.5e-7", "1.5e-7"),
            ("123456789.125", "123456789.125"),
            ("3.14159265358979323846", "3.1415926535897932385"),
            ("1.18973149535723176502e+4932", "1.189731495357231765e4932"),
            ("3.64519953188247460252840593361941982e-4951", "4e-4951"),
        ] {
            assert_eq!(F80::parse(text).unwrap().to_shortest(), want, "{text}");
        }
        let third = F80::ONE.div(F80::from_i64(3));
        assert_eq!(third.to_shortest(), "0.33333333333333333334");
        assert_eq!(F80::INFINITY.neg().to_shortest(), "-inf");
        assert_eq!(F80::ZERO.neg().to_shortest(), "-0.0");
        // Every digit string that comes out reads back.
        let mut x = F80::parse("1.234567e-300").unwrap();
        for _ in 0..200 {
            let s = x.to_shortest();
            assert_eq!(F80::parse(&s), Some(x), "{s}");
            x = x.mul(F80::parse("7.77").unwrap());
        }
    }
}
