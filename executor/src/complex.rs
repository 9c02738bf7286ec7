//! `_Complex` arithmetic for user code: the front end (`sema/complex.rs`) lowers complex
//! operations to calls of these helpers, which take and return the values as the System V
//! ABI passes `double _Complex` (two SSE registers) and `float _Complex` (one). Products and
//! quotients are libgcc's `__muldc3`, `__divdc3`, `__mulsc3`, `__divsc3`, which gcc -O0 code
//! calls too, so results are bit for bit gcc's.

use std::sync::OnceLock;

#[repr(C)]
#[derive(Clone, Copy)]
pub struct C64 {
    re: f64,
    im: f64,
}

#[repr(C)]
#[derive(Clone, Copy)]
pub struct C32 {
    re: f32,
    im: f32,
}

// Operation codes: frontend/src/sema/complex.rs, `op`.
const ADD: i32 = 1;
const SUB: i32 = 2;
const MUL: i32 = 3;
const DIV: i32 = 4;
const EQ: i32 = 5;

type Mul64 = extern "C" fn(f64, f64, f64, f64) -> C64;
type Mul32 = extern "C" fn(f32, f32, f32, f32) -> C32;

/// A libgcc function, looked up once (the executor links libgcc_s).
fn libgcc(name: &'static std::ffi::CStr, cell: &'static OnceLock<usize>) -> usize {
    // SAFETY: dlsym with a valid name; the result is checked before use.
    *cell.get_or_init(|| unsafe { libc::dlsym(libc::RTLD_DEFAULT, name.as_ptr()) as usize })
}

fn mul64(a: C64, b: C64, div: bool) -> C64 {
    static MUL: OnceLock<usize> = OnceLock::new();
    static DIVF: OnceLock<usize> = OnceLock::new();
    let f = if div {
        libgcc(c"__divdc3", &DIVF)
    } else {
        libgcc(c"__muldc3", &MUL)
    };
    if f == 0 {
        // Without libgcc: the textbook formulas.
        return if div {
            let d = b.re * b.re + b.im * b.im;
            C64 {
                re: (a.re * b.re + a.im * b.im) / d,
                im: (a.im * b.re - a.re * b.im) / d,
            }
        } else {
            C64 {
                re: a.re * b.re - a.im * b.im,
                im: a.re * b.im + a.im * b.re,
            }
        };
    }
    // SAFETY: libgcc's __muldc3/__divdc3 have this signature.
    let f: Mul64 = unsafe { std::mem::transmute(f) };
    f(a.re, a.im, b.re, b.im)
}

fn mul32(a: C32, b: C32, div: bool) -> C32 {
    static MUL: OnceLock<usize> = OnceLock::new();
    static DIVF: OnceLock<usize> = OnceLock::new();
    let f = if div {
        libgcc(c"__divsc3", &DIVF)
    } else {
        libgcc(c"__mulsc3", &MUL)
    };
    if f == 0 {
        let r = mul64(
            C64 {
                re: a.re as f64,
                im: a.im as f64,
            },
            C64 {
                re: b.re as f64,
                im: b.im as f64,
            },
            div,
        );
        return C32 {
            re: r.re as f32,
            im: r.im as f32,
        };
    }
    // SAFETY: libgcc's __mulsc3/__divsc3 have this signature.
    let f: Mul32 = unsafe { std::mem::transmute(f) };
    f(a.re, a.im, b.re, b.im)
}

pub extern "C" fn cplx_op(op: i32, a: C64, b: C64, _double: i32) -> C64 {
    match op {
        ADD => C64 {
            re: a.re + b.re,
            im: a.im + b.im,
        },
        SUB => C64 {
            re: a.re - b.re,
            im: a.im - b.im,
        },
        MUL => mul64(a, b, false),
        DIV => mul64(a, b, true),
        _ => a,
    }
}

pub extern "C" fn cplxf_op(op: i32, a: C32, b: C32, _double: i32) -> C32 {
    match op {
        ADD => C32 {
            re: a.re + b.re,
            im: a.im + b.im,
        },
        SUB => C32 {
            re: a.re - b.re,
            im: a.im - b.im,
        },
        MUL => mul32(a, b, false),
        DIV => mul32(a, b, true),
        _ => a,
    }
}

pub extern "C" fn cplx_cmp(op: i32, a: C64, b: C64, _double: i32) -> i32 {
    let eq = a.re == b.re && a.im == b.im;
    (if op == EQ { eq } else { !eq }) as i32
}

pub extern "C" fn cplxf_cmp(op: i32, a: C32, b: C32, _double: i32) -> i32 {
    let eq = a.re == b.re && a.im == b.im;
    (if op == EQ { eq } else { !eq }) as i32
}

pub extern "C" fn cplx_make(re: f64, im: f64, _double: i32) -> C64 {
    C64 { re, im }
}

pub extern "C" fn cplxf_make(re: f64, im: f64, _double: i32) -> C32 {
    C32 {
        re: re as f32,
        im: im as f32,
    }
}

pub extern "C" fn cplx_part(z: C64, imag: i32, _double: i32) -> f64 {
    if imag != 0 {
        z.im
    } else {
        z.re
    }
}

pub extern "C" fn cplxf_part(z: C32, imag: i32, _double: i32) -> f64 {
    (if imag != 0 { z.im } else { z.re }) as f64
}
