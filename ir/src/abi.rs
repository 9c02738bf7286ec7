//! System V x86-64 classification of arguments and results (the parts C needs: INTEGER,
//! SSE and MEMORY; long double, X87, is left to the caller), shared by the compiled tiers'
//! calls and the interpreter's `va_arg`.

use crate::{Type, TypeKind, TypeTable};

/// Values of this type travel as x87 values (long double), which `classify` leaves out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct X87;

/// The class of one eightbyte of a value passed in registers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cls {
    Int,
    Sse,
}

/// How a value travels.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Pass {
    /// A scalar in a general register (integers, pointers, arrays and va_lists as
    /// pointers).
    Int,
    /// A float or double in an XMM register.
    Sse,
    /// A struct or union in one or two registers: (class, bytes) per eightbyte.
    Regs(Vec<(Cls, u32)>),
    /// A struct or union in memory (on the stack, or through the hidden result pointer).
    Memory(u32),
}

/// Appends (offset, size, is_float) for every scalar inside `t` at `base`; Err for long
/// double, `false` for unaligned members.
fn flatten(
    types: &TypeTable,
    t: &Type,
    base: u64,
    out: &mut Vec<(u64, u64, bool)>,
) -> Result<bool, X87> {
    match &t.kind {
        TypeKind::LongDouble => Err(X87),
        TypeKind::Struct(id) | TypeKind::Union(id) => {
            let Some(l) = &types.record(*id).layout else {
                return Ok(false);
            };
            for f in &l.fields {
                if let Some((b, w)) = f.bits {
                    if w > 0 {
                        let us = types.size_of(&f.ty);
                        let span = crate::bits::span_bytes(us as usize, b, w) as u64;
                        out.push((base + f.offset, us, false));
                        if span > us {
                            out.push((base + f.offset + us, span - us, false));
                        }
                    }
                    continue;
                }
                let a = types.align_of(&f.ty);
                if a > 0 && (base + f.offset) % a != 0 {
                    return Ok(false);
                }
                if !flatten(types, &f.ty, base + f.offset, out)? {
                    return Ok(false);
                }
            }
            Ok(true)
        }
        TypeKind::Array(e, n) => {
            let es = types.size_of(e);
            for i in 0..n.unwrap_or(0) {
                if !flatten(types, e, base + i * es, out)? {
                    return Ok(false);
                }
            }
            Ok(true)
        }
        TypeKind::Float => {
            out.push((base, 4, true));
            Ok(true)
        }
        TypeKind::Double => {
            out.push((base, 8, true));
            Ok(true)
        }
        _ => {
            out.push((base, types.size_of(t), false));
            Ok(true)
        }
    }
}

/// Classifies a parameter, argument or result type.
pub fn classify(types: &TypeTable, t: &Type) -> Result<Pass, X87> {
    match &t.kind {
        TypeKind::LongDouble => Err(X87),
        TypeKind::Float | TypeKind::Double => Ok(Pass::Sse),
        TypeKind::Struct(_) | TypeKind::Union(_) => {
            let size = types.size_of(t);
            if size > 16 {
                let mut v = Vec::new();
                flatten(types, t, 0, &mut v)?;
                return Ok(Pass::Memory(size as u32));
            }
            if size == 0 {
                return Ok(Pass::Regs(Vec::new()));
            }
            let mut v = Vec::new();
            if !flatten(types, t, 0, &mut v)? {
                return Ok(Pass::Memory(size as u32));
            }
            let n = size.div_ceil(8);
            let mut out = Vec::new();
            for i in 0..n {
                let (lo, hi) = (i * 8, i * 8 + 8);
                let mut cls = Cls::Sse;
                for &(o, s, fl) in &v {
                    if o < hi && o + s > lo && !fl {
                        cls = Cls::Int;
                    }
                }
                out.push((cls, (size - lo).min(8) as u32));
            }
            Ok(Pass::Regs(out))
        }
        _ => Ok(Pass::Int),
    }
}
