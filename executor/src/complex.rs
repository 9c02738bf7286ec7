//! `_Complex` arithmetic for user code: the front end (`sema/complex.rs`) lowers complex
//! operations to calls of these helpers, which take and return the values as the System V
//! ABI passes `double _Complex` (two SSE registers) and `float _Complex` (one). Products and
//! quotients are libgcc's `__muldc3`, `__divdc3`, `__mulsc3`, `__divsc3`, `__mulxc3`,
//! `__divxc3`, which gcc -O0 code calls too, so results are bit for bit gcc's.
//!
//! `long double _Complex` travels as crepl's tiers pass a 32-byte record: in memory, and
//! returned through a hidden pointer. The ABI returns it in st0 and st1 instead, so a call of
//! a library function that returns one goes through [`cplxl_call`], which reads them.

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

/// `long double _Complex`: two x87 values of 16 bytes each.
#[repr(C, align(16))]
#[derive(Clone, Copy, Default)]
pub struct C80 {
    re: [u8; 16],
    im: [u8; 16],
}

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

pub extern "C" fn cplxl_op(op: i32, a: C80, b: C80) -> C80 {
    static MULX: OnceLock<usize> = OnceLock::new();
    static DIVX: OnceLock<usize> = OnceLock::new();
    let mut out = C80::default();
    let arith = match op {
        ADD => ir::f80::Arith::Add,
        SUB => ir::f80::Arith::Sub,
        MUL | DIV => {
            let f = if op == DIV {
                libgcc(c"__divxc3", &DIVX)
            } else {
                libgcc(c"__mulxc3", &MULX)
            };
            if f != 0 {
                // SAFETY: __mulxc3/__divxc3 take four long doubles, in memory in the order
                // of a's and b's parts, and return the result in st0, st1.
                unsafe { call_x87_pair(f, &[a, b], &mut out) };
                return out;
            }
            // Without libgcc: the textbook formulas.
            return textbook(op == DIV, a, b);
        }
        _ => return a,
    };
    // SAFETY: the operands are 16-byte x87 values inside `a`, `b` and `out`.
    unsafe {
        ir::f80::arith_at(arith, a.re.as_ptr(), b.re.as_ptr(), out.re.as_mut_ptr());
        ir::f80::arith_at(arith, a.im.as_ptr(), b.im.as_ptr(), out.im.as_mut_ptr());
    }
    out
}

fn textbook(div: bool, a: C80, b: C80) -> C80 {
    use ir::F80;
    // SAFETY: each part is a 16-byte x87 value.
    let rd = |x: &[u8; 16]| unsafe { F80::read(x.as_ptr()) };
    let (re, im) = F80::complex_product((rd(&a.re), rd(&a.im)), (rd(&b.re), rd(&b.im)), div);
    C80 {
        re: re.to_bytes(),
        im: im.to_bytes(),
    }
}

pub extern "C" fn cplxl_cmp(op: i32, a: C80, b: C80) -> i32 {
    // SAFETY: the operands are 16-byte x87 values inside `a` and `b`.
    let eq = unsafe {
        ir::f80::cmp_at(a.re.as_ptr(), b.re.as_ptr()) == Some(std::cmp::Ordering::Equal)
            && ir::f80::cmp_at(a.im.as_ptr(), b.im.as_ptr()) == Some(std::cmp::Ordering::Equal)
    };
    (if op == EQ { eq } else { !eq }) as i32
}

/// Calls `f`, a function of one or two `long double _Complex` parameters (`nargs`) that
/// returns one: a library function (`csqrtl`, `cpowl`...) returns it in st0, st1 as the ABI
/// says; a function of the session returns it as crepl's tiers return a 32-byte record.
pub extern "C" fn cplxl_call(f: usize, nargs: i32, a: C80, b: C80) -> C80 {
    if interp::is_session_function(f) {
        // SAFETY: the front end calls this helper only for functions of these types.
        unsafe {
            return if nargs == 2 {
                std::mem::transmute::<usize, extern "C" fn(C80, C80) -> C80>(f)(a, b)
            } else {
                std::mem::transmute::<usize, extern "C" fn(C80) -> C80>(f)(a)
            };
        }
    }
    let mut out = C80::default();
    // SAFETY: `f` is a library function of this type (a second argument it does not take
    // lies unread above the first).
    unsafe { call_x87_pair(f, &[a, b], &mut out) };
    out
}

/// Calls `f` with the 64 bytes of `args` as its stack arguments and stores the pair of x87
/// values it returns (st0: real part, st1: imaginary part) in `out`.
///
/// # Safety
/// `f` must be a function that takes its arguments in memory (long doubles or
/// `long double _Complex` values, whose bytes `args` holds in order) and returns a
/// `long double _Complex`.
unsafe fn call_x87_pair(f: usize, args: &[C80; 2], out: &mut C80) {
    // SAFETY: per the caller's contract; the block keeps rsp 16-byte aligned at the call
    // (r12 holds the original rsp, callee-saved, so it survives the call), copies the
    // arguments below it, and pops both x87 results, leaving the x87 stack empty.
    unsafe {
        core::arch::asm!(
            "mov r12, rsp",
            "and rsp, -16",
            "sub rsp, 64",
            "mov rax, [r14]", "mov [rsp], rax",
            "mov rax, [r14 + 8]", "mov [rsp + 8], rax",
            "mov rax, [r14 + 16]", "mov [rsp + 16], rax",
            "mov rax, [r14 + 24]", "mov [rsp + 24], rax",
            "mov rax, [r14 + 32]", "mov [rsp + 32], rax",
            "mov rax, [r14 + 40]", "mov [rsp + 40], rax",
            "mov rax, [r14 + 48]", "mov [rsp + 48], rax",
            "mov rax, [r14 + 56]", "mov [rsp + 56], rax",
            "call r15",
            "fstp tbyte ptr [r13]",
            "fstp tbyte ptr [r13 + 16]",
            "mov rsp, r12",
            in("r13") out as *mut C80,
            in("r14") args.as_ptr(),
            in("r15") f,
            out("r12") _,
            clobber_abi("C"),
        );
    }
}
