//! Literal conversion: pp-number, character-constant and string-literal spellings into the
//! values the parser's tokens carry (C11 6.4.4, 6.4.5), with clang-style diagnostics.

use super::tok::{CharTok, FloatTok, IntTok, StrTok, Tok};
use crate::ast::CharPrefix;
use crate::diag::Diag;
use crate::source::Loc;

/// The element type a literal's characters are encoded into.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Elem {
    /// Bytes (plain and u8): non-ASCII characters and `\u` names become UTF-8.
    Byte,
    /// UTF-16 code units (`u`).
    U16,
    /// Code points (`U` and `L`).
    U32,
}

impl Elem {
    fn of(p: CharPrefix) -> Elem {
        match p {
            CharPrefix::None | CharPrefix::Utf8 => Elem::Byte,
            CharPrefix::Utf16 => Elem::U16,
            CharPrefix::Wide | CharPrefix::Utf32 => Elem::U32,
        }
    }
    fn max(self) -> u64 {
        match self {
            Elem::Byte => 0xff,
            Elem::U16 => 0xffff,
            Elem::U32 => 0xffff_ffff,
        }
    }
}

fn loc_at(loc: Loc, off: usize) -> Loc {
    Loc {
        col: loc.col + off as u32,
        ..loc
    }
}

/// Converts a pp-number into an integer or floating constant token. Problems are reported
/// into `diags`; a token is always produced.
pub fn convert_number(text: &str, loc: Loc, diags: &mut Vec<Diag>) -> Tok {
    // GNU imaginary constants: an `i` or `j` among the suffix letters (`2.0i`, `1.0fi`).
    if let Some(at) = text.rfind(['i', 'j', 'I', 'J']) {
        let mut real = text.to_string();
        real.remove(at);
        let value = match convert_number(&real, loc, diags) {
            Tok::Int(v) => FloatTok {
                value: v.value as f64,
                suffix: None,
                text: real,
            },
            Tok::Float(f) => f,
            other => return other,
        };
        return Tok::ImagNum(value);
    }
    let b = text.as_bytes();
    let is_hex = b.len() >= 2 && b[0] == b'0' && (b[1] == b'x' || b[1] == b'X');
    let is_bin = b.len() >= 2 && b[0] == b'0' && (b[1] == b'b' || b[1] == b'B');
    let is_float = if is_hex {
        text.contains(['.', 'p', 'P'])
    } else if is_bin {
        false
    } else {
        text.contains(['.', 'e', 'E'])
    };
    if is_float {
        if is_hex {
            hex_float(text, loc, diags)
        } else {
            dec_float(text, loc, diags)
        }
    } else {
        integer(text, loc, diags, is_hex, is_bin)
    }
}

fn zero_int() -> Tok {
    Tok::Int(IntTok {
        value: 0,
        unsigned: false,
        longs: 0,
        decimal: true,
    })
}

fn integer(text: &str, loc: Loc, diags: &mut Vec<Diag>, is_hex: bool, is_bin: bool) -> Tok {
    let (base, start) = if is_hex {
        (16, 2)
    } else if is_bin {
        (2, 2)
    } else if text.starts_with('0') {
        (8, 1)
    } else {
        (10, 0)
    };
    let b = text.as_bytes();
    let mut end = start;
    // Octal constants are scanned with decimal digits so `09` gets a precise message.
    let scan_base = if base == 8 { 10 } else { base };
    while end < b.len() && (b[end] as char).is_digit(scan_base) {
        end += 1;
    }
    if (is_hex || is_bin) && end == start {
        diags.push(Diag::error(
            loc,
            format!("invalid suffix '{}' on integer constant", &text[1..]),
        ));
        return zero_int();
    }
    let digits = &text[start..end];
    if base == 8 {
        if let Some((i, c)) = digits.char_indices().find(|(_, c)| *c == '8' || *c == '9') {
            diags.push(Diag::error(
                loc_at(loc, start + i),
                format!("invalid digit '{c}' in octal constant"),
            ));
            return zero_int();
        }
    }
    let mut value: u128 = 0;
    let mut overflow = false;
    for c in digits.chars() {
        let d = c.to_digit(base).unwrap_or(0) as u128;
        match value
            .checked_mul(base as u128)
            .and_then(|v| v.checked_add(d))
        {
            Some(v) => value = v,
            None => overflow = true,
        }
    }
    let suffix = &text[end..];
    let Some((unsigned, longs)) = int_suffix(suffix) else {
        diags.push(Diag::error(
            loc_at(loc, end),
            format!("invalid suffix '{suffix}' on integer constant"),
        ));
        return zero_int();
    };
    if overflow || value > u64::MAX as u128 {
        diags.push(Diag::error(
            loc,
            "integer literal is too large to be represented in any integer type",
        ));
        if overflow {
            value = u128::MAX;
        }
    }
    Tok::Int(IntTok {
        value,
        unsigned,
        longs,
        decimal: base == 10,
    })
}

/// Parses an integer suffix: `u` and `l`/`ll` (same case) in any order.
fn int_suffix(s: &str) -> Option<(bool, u8)> {
    let mut unsigned = false;
    let mut longs = 0u8;
    let mut rest = s;
    while !rest.is_empty() {
        if !unsigned && (rest.starts_with('u') || rest.starts_with('U')) {
            unsigned = true;
            rest = &rest[1..];
        } else if longs == 0 && (rest.starts_with("ll") || rest.starts_with("LL")) {
            longs = 2;
            rest = &rest[2..];
        } else if longs == 0 && (rest.starts_with('l') || rest.starts_with('L')) {
            longs = 1;
            rest = &rest[1..];
        } else {
            return None;
        }
    }
    Some((unsigned, longs))
}

fn float_suffix(s: &str, text: &str, off: usize, loc: Loc, diags: &mut Vec<Diag>) -> Option<char> {
    match s {
        "" => None,
        "f" | "F" => Some('f'),
        "l" | "L" => Some('l'),
        _ => {
            diags.push(Diag::error(
                loc_at(loc, off),
                format!("invalid suffix '{s}' on floating constant"),
            ));
            let _ = text;
            None
        }
    }
}

fn float_tok(value: f64, suffix: Option<char>, text: &str) -> Tok {
    Tok::Float(FloatTok {
        value,
        suffix,
        text: text.to_string(),
    })
}

fn dec_float(text: &str, loc: Loc, diags: &mut Vec<Diag>) -> Tok {
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() && (b[i].is_ascii_digit() || b[i] == b'.') {
        i += 1;
    }
    let mant = &text[..i];
    if mant.matches('.').count() > 1 || mant == "." {
        diags.push(Diag::error(
            loc,
            format!("invalid floating constant '{text}'"),
        ));
        return float_tok(0.0, None, text);
    }
    let mut num = mant.to_string();
    if i < b.len() && (b[i] == b'e' || b[i] == b'E') {
        let e = i;
        i += 1;
        if i < b.len() && (b[i] == b'+' || b[i] == b'-') {
            i += 1;
        }
        let ds = i;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        if ds == i {
            diags.push(Diag::error(loc_at(loc, e), "exponent has no digits"));
            return float_tok(0.0, None, text);
        }
        num.push('e');
        num.push_str(&text[e + 1..i]);
    }
    let suffix = float_suffix(&text[i..], text, i, loc, diags);
    // Rust's parser wants digits on both sides of the point.
    if num.starts_with('.') {
        num.insert(0, '0');
    }
    let num = num.replace(".e", ".0e");
    let num = if num.ends_with('.') {
        format!("{num}0")
    } else {
        num
    };
    let value = num.parse::<f64>().unwrap_or(0.0);
    float_tok(value, suffix, text)
}

fn hex_float(text: &str, loc: Loc, diags: &mut Vec<Diag>) -> Tok {
    let b = text.as_bytes();
    let mut i = 2;
    let mut mant: u128 = 0;
    let mut exp: i64 = 0;
    let mut seen_point = false;
    let mut any_digit = false;
    let mut sticky = false;
    while i < b.len() {
        let c = b[i];
        if c == b'.' {
            if seen_point {
                break;
            }
            seen_point = true;
        } else if let Some(d) = (c as char).to_digit(16) {
            any_digit = true;
            if mant >> 120 == 0 {
                mant = mant * 16 + d as u128;
                if seen_point {
                    exp -= 4;
                }
            } else {
                // Too many digits to keep: remember that some bits were dropped.
                sticky |= d != 0;
                if !seen_point {
                    exp += 4;
                }
            }
        } else {
            break;
        }
        i += 1;
    }
    if !any_digit {
        diags.push(Diag::error(
            loc,
            format!("invalid floating constant '{text}'"),
        ));
        return float_tok(0.0, None, text);
    }
    if i >= b.len() || (b[i] != b'p' && b[i] != b'P') {
        diags.push(Diag::error(
            loc_at(loc, i),
            "hexadecimal floating constant requires an exponent",
        ));
        return float_tok(0.0, None, text);
    }
    let p = i;
    i += 1;
    let mut neg = false;
    if i < b.len() && (b[i] == b'+' || b[i] == b'-') {
        neg = b[i] == b'-';
        i += 1;
    }
    let ds = i;
    let mut e: i64 = 0;
    while i < b.len() && b[i].is_ascii_digit() {
        e = (e * 10 + (b[i] - b'0') as i64).min(100_000);
        i += 1;
    }
    if ds == i {
        diags.push(Diag::error(loc_at(loc, p), "exponent has no digits"));
        return float_tok(0.0, None, text);
    }
    exp += if neg { -e } else { e };
    let suffix = float_suffix(&text[i..], text, i, loc, diags);
    if sticky {
        mant |= 1;
    }
    float_tok(scale2(mant, exp), suffix, text)
}

/// `mant * 2^exp` with a single rounding where possible.
fn scale2(mant: u128, exp: i64) -> f64 {
    if mant == 0 {
        return 0.0;
    }
    // Normalise so the conversion u128 -> f64 is the only rounding for normal results.
    let mut v = mant as f64;
    let mut e = exp;
    while e > 0 {
        let s = e.min(1000);
        v *= 2f64.powi(s as i32);
        e -= s;
        if v.is_infinite() {
            return v;
        }
    }
    while e < 0 {
        let s = (-e).min(1000);
        v /= 2f64.powi(s as i32);
        e += s;
        if v == 0.0 {
            return v;
        }
    }
    v
}

/// Splits a character-constant or string-literal spelling into prefix and the text between
/// the quotes.
fn split_prefix(text: &str, quote: char) -> (CharPrefix, &str) {
    let q = text.find(quote).unwrap_or(0);
    let prefix = match &text[..q] {
        "L" => CharPrefix::Wide,
        "u" => CharPrefix::Utf16,
        "U" => CharPrefix::Utf32,
        "u8" => CharPrefix::Utf8,
        _ => CharPrefix::None,
    };
    let body = &text[q + 1..];
    let body = body.strip_suffix(quote).unwrap_or(body);
    (prefix, body)
}

fn push_cp(out: &mut Vec<u32>, cp: u32, elem: Elem) {
    match elem {
        // A byte of the source that is not UTF-8 (`source::decode_source`).
        Elem::Byte if cp & !0xff == crate::source::RAW_BYTE => out.push(cp & 0xff),
        Elem::Byte => {
            let mut buf = [0u8; 4];
            match char::from_u32(cp) {
                Some(c) => out.extend(c.encode_utf8(&mut buf).bytes().map(|b| b as u32)),
                None => out.push(cp & 0xff),
            }
        }
        Elem::U16 => {
            let mut buf = [0u16; 2];
            match char::from_u32(cp) {
                Some(c) => out.extend(c.encode_utf16(&mut buf).iter().map(|u| *u as u32)),
                None => out.push(cp & 0xffff),
            }
        }
        Elem::U32 => out.push(cp),
    }
}

/// Decodes the text between the quotes into code units of `elem`, processing escapes.
/// `body_off` is the column offset of `body` within the token at `loc`.
fn decode(body: &str, elem: Elem, loc: Loc, body_off: usize, diags: &mut Vec<Diag>) -> Vec<u32> {
    let mut out = Vec::with_capacity(body.len());
    let mut it = body.char_indices().peekable();
    while let Some((pos, c)) = it.next() {
        if c != '\\' {
            push_cp(&mut out, c as u32, elem);
            continue;
        }
        let eloc = loc_at(loc, body_off + pos);
        let Some((_, e)) = it.next() else {
            out.push('\\' as u32);
            break;
        };
        let simple = match e {
            'a' => Some(7),
            'b' => Some(8),
            'f' => Some(12),
            'n' => Some(10),
            'r' => Some(13),
            't' => Some(9),
            'v' => Some(11),
            'e' | 'E' => Some(27),
            '\\' | '\'' | '"' | '?' => Some(e as u32),
            _ => None,
        };
        if let Some(v) = simple {
            out.push(v);
            continue;
        }
        match e {
            '0'..='7' => {
                let mut v = e.to_digit(8).unwrap();
                for _ in 0..2 {
                    match it.peek() {
                        Some(&(_, d)) if d.is_digit(8) => {
                            v = v * 8 + d.to_digit(8).unwrap();
                            it.next();
                        }
                        _ => break,
                    }
                }
                if v as u64 > elem.max() {
                    diags.push(Diag::error(eloc, "octal escape sequence out of range"));
                }
                out.push(v & elem.max() as u32);
            }
            'x' => {
                let mut v: u64 = 0;
                let mut n = 0;
                while let Some(&(_, d)) = it.peek() {
                    let Some(dv) = d.to_digit(16) else { break };
                    v = (v << 4 | dv as u64).min(u64::MAX >> 4);
                    n += 1;
                    it.next();
                }
                if n == 0 {
                    diags.push(Diag::error(eloc, "\\x used with no following hex digits"));
                } else if v > elem.max() {
                    diags.push(Diag::error(eloc, "hex escape sequence out of range"));
                }
                out.push((v & elem.max()) as u32);
            }
            'u' | 'U' => {
                let want = if e == 'u' { 4 } else { 8 };
                let mut v: u32 = 0;
                let mut n = 0;
                while n < want {
                    match it.peek() {
                        Some(&(_, d)) if d.is_ascii_hexdigit() => {
                            v = v << 4 | d.to_digit(16).unwrap();
                            n += 1;
                            it.next();
                        }
                        _ => break,
                    }
                }
                if n < want {
                    diags.push(Diag::error(eloc, "incomplete universal character name"));
                } else if v > 0x10ffff || (0xd800..0xe000).contains(&v) {
                    diags.push(Diag::error(eloc, "invalid universal character"));
                } else {
                    push_cp(&mut out, v, elem);
                }
            }
            _ => {
                diags.push(Diag::warning(
                    eloc,
                    format!("unknown escape sequence '\\{e}'"),
                ));
                push_cp(&mut out, e as u32, elem);
            }
        }
    }
    out
}

/// Converts a character constant (`'a'`, `L'\n'`, `'ab'`) into its value.
pub fn convert_char(text: &str, loc: Loc, diags: &mut Vec<Diag>) -> Tok {
    let (prefix, body) = split_prefix(text, '\'');
    let off = text.len() - body.len() - 1;
    let elem = Elem::of(prefix);
    let units = decode(body, elem, loc, off, diags);
    if units.is_empty() {
        diags.push(Diag::error(loc, "empty character constant"));
        return Tok::Char(CharTok { value: 0, prefix });
    }
    let value = match prefix {
        CharPrefix::None => {
            if units.len() == 1 {
                units[0] as u8 as i8 as i64
            } else {
                // GCC: each byte shifted in; the result is an int.
                if units.len() > 4 {
                    diags.push(Diag::warning(
                        loc,
                        "character constant too long for its type",
                    ));
                } else {
                    diags.push(Diag::warning(loc, "multi-character character constant"));
                }
                let mut v: u32 = 0;
                for u in &units {
                    v = v.wrapping_shl(8) | (u & 0xff);
                }
                v as i32 as i64
            }
        }
        _ => {
            if units.len() > 1 {
                if prefix == CharPrefix::Utf16
                    && units.len() == 2
                    && (0xd800..0xdc00).contains(&units[0])
                {
                    diags.push(Diag::error(
                        loc,
                        "character too large for enclosing character literal type",
                    ));
                } else if prefix == CharPrefix::Utf8 {
                    diags.push(Diag::error(
                        loc,
                        "character too large for enclosing character literal type",
                    ));
                } else {
                    diags.push(Diag::warning(
                        loc,
                        "extraneous characters in character constant ignored",
                    ));
                }
            }
            match prefix {
                CharPrefix::Wide => units[0] as i32 as i64,
                _ => units[0] as i64,
            }
        }
    };
    Tok::Char(CharTok { value, prefix })
}

/// Concatenates adjacent string literals (C11 6.4.5p5) and converts them to code units.
pub fn convert_strings(pieces: &[(&str, Loc)], diags: &mut Vec<Diag>) -> Tok {
    let mut prefix = CharPrefix::None;
    for (text, loc) in pieces {
        let (p, _) = split_prefix(text, '"');
        if p != CharPrefix::None {
            if prefix == CharPrefix::None {
                prefix = p;
            } else if prefix != p {
                diags.push(Diag::error(
                    *loc,
                    "unsupported non-standard concatenation of string literals",
                ));
            }
        }
    }
    let elem = Elem::of(prefix);
    let mut units = Vec::new();
    for (text, loc) in pieces {
        let (_, body) = split_prefix(text, '"');
        let off = text.len() - body.len() - 1;
        units.extend(decode(body, elem, *loc, off, diags));
    }
    Tok::Str(StrTok { units, prefix })
}
