//! Value printing: `(TYPE) VALUE` as clang-repl prints it, read from runtime memory.

use interp::Image;
use ir::{Type, TypeKind};

/// Most characters of a string printed; longer ones end in `...`.
const MAX_STRING: usize = 1000;
/// Most array elements printed.
const MAX_ELEMS: u64 = 100;

/// Formats the value of type `ty` stored at `p` (for arrays, structs and functions: the
/// object itself; for a function designator, `p` holds its address).
pub fn format_value(image: &Image, ty: &Type, p: *const u8) -> String {
    let tname = image.types.type_name(ty);
    if ty.is_void() {
        return String::new();
    }
    if let TypeKind::Function(_) = &ty.kind {
        let addr = unsafe { std::ptr::read_unaligned(p as *const u64) } as usize;
        let name = image
            .entries
            .get(&addr)
            .map(|id| image.slots[*id as usize].name.clone())
            .or_else(|| {
                image
                    .slots
                    .iter()
                    .find(|s| s.entry == addr && addr != 0)
                    .map(|s| s.name.clone())
            });
        return format!("({tname}) {}", name.unwrap_or_else(|| format!("{addr:#x}")));
    }
    // Aggregates are stored as their address.
    let obj = if ty.is_aggregate() {
        unsafe { std::ptr::read_unaligned(p as *const u64) as *const u8 }
    } else {
        p
    };
    format!("({tname}) {}", value(image, ty, obj))
}

fn value(image: &Image, ty: &Type, p: *const u8) -> String {
    unsafe {
        use std::ptr::read_unaligned as rd;
        match &ty.kind {
            TypeKind::Bool => {
                if rd(p) != 0 {
                    "true".into()
                } else {
                    "false".into()
                }
            }
            TypeKind::Char | TypeKind::SChar | TypeKind::UChar => char_lit(rd(p)),
            TypeKind::Short => rd(p as *const i16).to_string(),
            TypeKind::UShort => rd(p as *const u16).to_string(),
            TypeKind::Int => rd(p as *const i32).to_string(),
            TypeKind::UInt => rd(p as *const u32).to_string(),
            TypeKind::Long | TypeKind::LongLong => rd(p as *const i64).to_string(),
            TypeKind::ULong | TypeKind::ULongLong => rd(p as *const u64).to_string(),
            TypeKind::Float => float(
                rd(p as *const f32) as f64,
                &format!("{:?}", rd(p as *const f32)),
                "f",
            ),
            TypeKind::Double => float(
                rd(p as *const f64),
                &format!("{:?}", rd(p as *const f64)),
                "",
            ),
            TypeKind::LongDouble => {
                let v = ir::F80::read(p);
                let s = v.to_shortest();
                if v.is_finite() {
                    s + "L"
                } else {
                    s
                }
            }
            TypeKind::Enum(id, unsigned) => {
                let v = if *unsigned {
                    rd(p as *const u32) as i64
                } else {
                    rd(p as *const i32) as i64
                };
                let e = &image.types.enums[*id as usize];
                match e.items.iter().find(|(_, x)| *x == v) {
                    Some((n, _)) => n.clone(),
                    None => v.to_string(),
                }
            }
            TypeKind::Pointer(to) => {
                let a = rd(p as *const u64);
                if a == 0 {
                    return "NULL".into();
                }
                if to.is_char_like() {
                    return c_string(a as *const u8, None);
                }
                format!("{a:#x}")
            }
            TypeKind::Array(elem, n) => {
                let n = n.unwrap_or(0);
                if elem.is_char_like() {
                    return c_string(p, Some(n as usize));
                }
                let es = image.types.size_of(elem);
                let mut parts = Vec::new();
                for i in 0..n.min(MAX_ELEMS) {
                    parts.push(value(image, elem, p.add((i * es) as usize)));
                }
                if n > MAX_ELEMS {
                    parts.push("...".into());
                }
                if parts.is_empty() {
                    "{}".into()
                } else {
                    format!("{{ {} }}", parts.join(", "))
                }
            }
            TypeKind::Struct(id) | TypeKind::Union(id) => {
                let r = image.types.record(*id);
                // `__int128` (a record of two words, `sema/int128.rs`): in decimal.
                if r.tag.is_none() {
                    let v = rd(p as *const u128);
                    match r.typedef_name.as_deref() {
                        Some("__int128") => return (v as i128).to_string(),
                        Some("unsigned __int128") => return v.to_string(),
                        // `_Complex` (sema/complex.rs): `re + imi`.
                        Some("_Complex double") => {
                            let (re, im) = (rd(p as *const f64), rd(p.add(8) as *const f64));
                            let re = float(re, &format!("{re:?}"), "");
                            let im = float(im, &format!("{im:?}"), "");
                            return complex_text(&re, &im);
                        }
                        Some("_Complex long double") => {
                            let ld = Type::new(TypeKind::LongDouble);
                            let re = value(image, &ld, p);
                            let im = value(image, &ld, p.add(16));
                            return complex_text(&re, &im);
                        }
                        Some("_Complex float") => {
                            let (re, im) = (rd(p as *const f32), rd(p.add(4) as *const f32));
                            let re = float(re as f64, &format!("{re:?}"), "f");
                            let im = float(im as f64, &format!("{im:?}"), "f");
                            return complex_text(&re, &im);
                        }
                        _ => {}
                    }
                }
                let Some(l) = &r.layout else {
                    return "<incomplete>".into();
                };
                let mut parts = Vec::new();
                for f in &l.fields {
                    let fp = p.add(f.offset as usize);
                    let v = match f.bits {
                        Some((bit, width)) => {
                            let unit = image.types.size_of(&f.ty) as usize;
                            let n = ir::bits::span_bytes(unit, bit, width);
                            let raw = ir::bits::read_le(std::slice::from_raw_parts(fp, n), n);
                            let v = ir::bits::get(raw, bit, width, f.ty.is_signed());
                            if f.ty.is_signed() {
                                (v as i64).to_string()
                            } else {
                                v.to_string()
                            }
                        }
                        None => value(image, &f.ty, fp),
                    };
                    match &f.name {
                        Some(n) => parts.push(format!(".{n} = {v}")),
                        None if f.bits.is_none() => parts.push(v),
                        None => {}
                    }
                }
                if parts.is_empty() {
                    "{}".into()
                } else {
                    format!("{{ {} }}", parts.join(", "))
                }
            }
            TypeKind::Function(_) => "<function>".into(),
            TypeKind::Vla(..) => "<variable length array>".into(),
            TypeKind::VaList => "<va_list>".into(),
            TypeKind::Void => String::new(),
        }
    }
}

/// A floating value: the shortest decimal that reads back (`debug` is Rust's `{:?}`),
/// with the type's suffix; infinities and NaNs as printf spells them (`inf`, `-nan`).
/// `re + imi`, or `re - |im|i`.
fn complex_text(re: &str, im: &str) -> String {
    match im.strip_prefix('-') {
        Some(abs) => format!("{re} - {abs}i"),
        None => format!("{re} + {im}i"),
    }
}

fn float(v: f64, debug: &str, suffix: &str) -> String {
    if v.is_nan() {
        return if v.is_sign_negative() {
            "-nan".into()
        } else {
            "nan".into()
        };
    }
    if v.is_infinite() {
        return if v < 0.0 { "-inf".into() } else { "inf".into() };
    }
    format!("{debug}{suffix}")
}

/// A C character constant: `'a'`, `'\n'`, `'\xc8'`.
pub fn char_lit(b: u8) -> String {
    match b {
        b'\'' => "'\\''".into(),
        b'"' => "'\"'".into(),
        _ => format!("'{}'", escape(b, b'\'')),
    }
}

fn escape(b: u8, quote: u8) -> String {
    match b {
        b'\n' => "\\n".into(),
        b'\t' => "\\t".into(),
        b'\r' => "\\r".into(),
        0 => "\\0".into(),
        7 => "\\a".into(),
        8 => "\\b".into(),
        12 => "\\f".into(),
        11 => "\\v".into(),
        b'\\' => "\\\\".into(),
        _ if b == quote => format!("\\{}", b as char),
        0x20..=0x7e => (b as char).to_string(),
        _ => format!("\\x{b:02x}"),
    }
}

/// A string in double quotes with C escapes (valid UTF-8 text is shown as is), up to its NUL, as C string functions see it
/// (a char array stops at its end if it has no NUL; bytes after a NUL, often stale buffer
/// contents, are not shown). Stops after [`MAX_STRING`] characters with `...`.
unsafe fn c_string(p: *const u8, limit: Option<usize>) -> String {
    let mut s = String::from("\"");
    let max = limit.unwrap_or(usize::MAX);
    let mut i = 0;
    let mut prev_hex = false;
    while i < max {
        let b = *p.add(i);
        if b == 0 {
            break;
        }
        if i >= MAX_STRING {
            s.push_str("...");
            break;
        }
        // Text in UTF-8 (names, accents, symbols) prints as itself; stray bytes as \x.
        if b >= 0x80 {
            let len = match b {
                0xc2..=0xdf => 2,
                0xe0..=0xef => 3,
                0xf0..=0xf4 => 4,
                _ => 0,
            };
            if len > 0 && i + len <= max {
                let bytes = std::slice::from_raw_parts(p.add(i), len);
                if let Ok(ch) = std::str::from_utf8(bytes) {
                    if !ch.chars().any(|c| c.is_control()) {
                        s.push_str(ch);
                        prev_hex = false;
                        i += len;
                        continue;
                    }
                }
            }
        }
        let e = escape(b, b'"');
        // A hex escape followed by a hex digit would read as one escape.
        if prev_hex && b.is_ascii_hexdigit() {
            s.push_str("\"\"");
        }
        prev_hex = e.starts_with("\\x");
        s.push_str(&e);
        i += 1;
    }
    s.push('"');
    s
}
