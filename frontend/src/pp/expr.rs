//! `#if` expressions: a macro-expanded token line into true/false, evaluated in
//! intmax_t/uintmax_t arithmetic (C11 6.10.1) with C's unsigned conversions.

use super::Tok;
use crate::source::Loc;
use crate::token::PpKind;

type Error = (Loc, String);

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Val {
    v: u64,
    unsigned: bool,
}

impl Val {
    fn signed(v: i64) -> Val {
        Val {
            v: v as u64,
            unsigned: false,
        }
    }
    fn is_true(self) -> bool {
        self.v != 0
    }
}

const MAX_DEPTH: u32 = 1000;

/// Evaluates the (already macro-expanded) tokens of an `#if` line.
pub(super) fn eval(toks: &[Tok], directive_loc: Loc) -> Result<bool, Error> {
    let end_loc = toks.last().map_or(directive_loc, |t| t.loc);
    let mut p = Parser {
        toks,
        pos: 0,
        end_loc,
        depth: 0,
    };
    let v = p.comma(true)?;
    if let Some(t) = p.peek() {
        let msg = if t.is_punct(")") {
            "unexpected ')' in preprocessor expression"
        } else {
            "token is not a valid binary operator in a preprocessor subexpression"
        };
        return Err((t.loc, msg.into()));
    }
    Ok(v.is_true())
}

struct Parser<'a> {
    toks: &'a [Tok],
    pos: usize,
    end_loc: Loc,
    depth: u32,
}

fn binary_prec(t: &Tok) -> Option<u8> {
    if t.kind != PpKind::Punct {
        return None;
    }
    Some(match &*t.text {
        "||" => 1,
        "&&" => 2,
        "|" => 3,
        "^" => 4,
        "&" => 5,
        "==" | "!=" => 6,
        "<" | ">" | "<=" | ">=" => 7,
        "<<" | ">>" => 8,
        "+" | "-" => 9,
        "*" | "/" | "%" => 10,
        _ => return None,
    })
}

impl<'a> Parser<'a> {
    fn peek(&self) -> Option<&'a Tok> {
        self.toks.get(self.pos)
    }

    fn eat(&mut self, p: &str) -> bool {
        if self.peek().is_some_and(|t| t.is_punct(p)) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    fn enter(&mut self) -> Result<(), Error> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            let loc = self.peek().map_or(self.end_loc, |t| t.loc);
            return Err((loc, "preprocessor expression nested too deeply".into()));
        }
        Ok(())
    }

    /// expression: conditional (',' conditional)*
    fn comma(&mut self, ev: bool) -> Result<Val, Error> {
        let mut v = self.cond(ev)?;
        while self.eat(",") {
            v = self.cond(ev)?;
        }
        Ok(v)
    }

    /// conditional: binary ('?' expression ':' conditional)?
    fn cond(&mut self, ev: bool) -> Result<Val, Error> {
        self.enter()?;
        let c = self.binary(0, ev)?;
        let r = if self.eat("?") {
            let a = self.comma(ev && c.is_true())?;
            if !self.eat(":") {
                let loc = self.peek().map_or(self.end_loc, |t| t.loc);
                return Err((loc, "expected ':' in preprocessor expression".into()));
            }
            let b = self.cond(ev && !c.is_true())?;
            let unsigned = a.unsigned || b.unsigned;
            let v = if c.is_true() { a.v } else { b.v };
            Val { v, unsigned }
        } else {
            c
        };
        self.depth -= 1;
        Ok(r)
    }

    /// Precedence climbing over the binary operators with precedence > `min`.
    fn binary(&mut self, min: u8, ev: bool) -> Result<Val, Error> {
        let mut lhs = self.unary(ev)?;
        while let Some(op) = self.peek() {
            let Some(prec) = binary_prec(op) else { break };
            if prec <= min {
                break;
            }
            self.pos += 1;
            let op_s: &str = &op.text;
            let rhs_ev = match op_s {
                "&&" => ev && lhs.is_true(),
                "||" => ev && !lhs.is_true(),
                _ => ev,
            };
            let rhs = self.binary(prec, rhs_ev)?;
            lhs = apply(op, lhs, rhs, ev)?;
        }
        Ok(lhs)
    }

    fn unary(&mut self, ev: bool) -> Result<Val, Error> {
        let Some(t) = self.peek() else {
            return Err((self.end_loc, "expected value in expression".into()));
        };
        if t.kind == PpKind::Punct {
            let op: &str = &t.text;
            if matches!(op, "+" | "-" | "~" | "!") {
                self.pos += 1;
                self.enter()?;
                let v = self.unary(ev)?;
                self.depth -= 1;
                return Ok(match op {
                    "+" => v,
                    "-" => Val {
                        v: v.v.wrapping_neg(),
                        unsigned: v.unsigned,
                    },
                    "~" => Val {
                        v: !v.v,
                        unsigned: v.unsigned,
                    },
                    _ => Val::signed((!v.is_true()) as i64),
                });
            }
            if op == "(" {
                self.pos += 1;
                self.enter()?;
                let v = self.comma(ev)?;
                self.depth -= 1;
                if !self.eat(")") {
                    let loc = self.peek().map_or(self.end_loc, |t| t.loc);
                    return Err((loc, "expected ')' in preprocessor expression".into()));
                }
                return Ok(v);
            }
        }
        self.pos += 1;
        match t.kind {
            PpKind::Number => parse_int(&t.text).map_err(|m| (t.loc, m)),
            PpKind::Char => char_value(&t.text).map_err(|m| (t.loc, m)),
            // Identifiers left after macro expansion (and keywords) are 0.
            PpKind::Ident => Ok(Val::signed(0)),
            PpKind::Str => Err((
                t.loc,
                "invalid token at start of a preprocessor expression".into(),
            )),
            _ => {
                if t.is_punct(")") || binary_prec(t).is_some() || t.is_punct(",") || t.is_punct(":")
                {
                    Err((t.loc, "expected value in expression".into()))
                } else {
                    Err((
                        t.loc,
                        "invalid token at start of a preprocessor expression".into(),
                    ))
                }
            }
        }
    }
}

fn apply(op: &Tok, a: Val, b: Val, ev: bool) -> Result<Val, Error> {
    let unsigned = a.unsigned || b.unsigned;
    let bool_val = |x: bool| Val::signed(x as i64);
    let (x, y) = (a.v, b.v);
    let (sx, sy) = (x as i64, y as i64);
    Ok(match &*op.text {
        "||" => bool_val(a.is_true() || b.is_true()),
        "&&" => bool_val(a.is_true() && b.is_true()),
        "|" => Val { v: x | y, unsigned },
        "^" => Val { v: x ^ y, unsigned },
        "&" => Val { v: x & y, unsigned },
        "==" => bool_val(x == y),
        "!=" => bool_val(x != y),
        "<" => bool_val(if unsigned { x < y } else { sx < sy }),
        ">" => bool_val(if unsigned { x > y } else { sx > sy }),
        "<=" => bool_val(if unsigned { x <= y } else { sx <= sy }),
        ">=" => bool_val(if unsigned { x >= y } else { sx >= sy }),
        "<<" | ">>" => {
            // The result has the type of the left operand; a negative count shifts the other way.
            let left = op.text.starts_with('<');
            let (left, count) = if !b.unsigned && sy < 0 {
                (!left, sy.unsigned_abs())
            } else {
                (left, y)
            };
            let v = if count >= 64 {
                if left || a.unsigned || sx >= 0 {
                    0
                } else {
                    u64::MAX
                }
            } else if left {
                x << count
            } else if a.unsigned {
                x >> count
            } else {
                (sx >> count) as u64
            };
            Val {
                v,
                unsigned: a.unsigned,
            }
        }
        "+" => Val {
            v: x.wrapping_add(y),
            unsigned,
        },
        "-" => Val {
            v: x.wrapping_sub(y),
            unsigned,
        },
        "*" => Val {
            v: x.wrapping_mul(y),
            unsigned,
        },
        "/" | "%" => {
            let div = &*op.text == "/";
            if y == 0 {
                if ev {
                    let msg = if div {
                        "division by zero in preprocessor expression"
                    } else {
                        "remainder by zero in preprocessor expression"
                    };
                    return Err((op.loc, msg.into()));
                }
                return Ok(Val { v: 0, unsigned });
            }
            let v = match (unsigned, div) {
                (true, true) => x / y,
                (true, false) => x % y,
                (false, true) => sx.wrapping_div(sy) as u64,
                (false, false) => sx.wrapping_rem(sy) as u64,
            };
            Val { v, unsigned }
        }
        _ => unreachable!("not a binary operator"),
    })
}

/// An integer constant (C11 6.4.4.1, plus GNU binary constants).
fn parse_int(s: &str) -> Result<Val, String> {
    let b = s.as_bytes();
    let (radix, start) = if b.len() > 2 && b[0] == b'0' && (b[1] | 0x20) == b'x' {
        (16, 2)
    } else if b.len() > 2 && b[0] == b'0' && (b[1] | 0x20) == b'b' {
        (2, 2)
    } else if b[0] == b'0' {
        (8, 0)
    } else {
        (10, 0)
    };
    let is_float = if radix == 16 {
        s.contains('.') || s.contains(['p', 'P'])
    } else {
        s.contains('.') || (radix != 2 && s[start..].contains(['e', 'E']))
    };
    if is_float {
        return Err("floating point literal in preprocessor expression".into());
    }
    // Digits run up to the first character that cannot be a digit of this radix.
    let digits_end = start
        + b[start..]
            .iter()
            .position(|c| !(c.is_ascii_digit() || (radix == 16 && c.is_ascii_hexdigit())))
            .unwrap_or(b.len() - start);
    let digits = &s[start..digits_end];
    let suffix = &s[digits_end..];
    if digits.is_empty() && radix != 8 {
        return Err(format!(
            "invalid suffix '{}' on integer constant",
            &s[start.min(s.len())..]
        ));
    }
    let lower = suffix.to_ascii_lowercase();
    let valid_suffix = matches!(
        lower.as_str(),
        "" | "u" | "l" | "ul" | "lu" | "ll" | "ull" | "llu"
    ) && !suffix.contains("lL")
        && !suffix.contains("Ll");
    if !valid_suffix {
        return Err(format!("invalid suffix '{suffix}' on integer constant"));
    }
    let mut v: u64 = 0;
    for c in digits.bytes() {
        let d = (c as char).to_digit(16).unwrap() as u64;
        if d >= radix {
            let kind = match radix {
                8 => "octal",
                2 => "binary",
                _ => "decimal",
            };
            return Err(format!("invalid digit '{}' in {kind} constant", c as char));
        }
        v = v
            .checked_mul(radix)
            .and_then(|v| v.checked_add(d))
            .ok_or_else(|| {
                "integer literal is too large to be represented in any integer type".to_string()
            })?;
    }
    let unsigned = lower.contains('u') || v > i64::MAX as u64;
    Ok(Val { v, unsigned })
}

/// The value of a character constant in `#if` (plain char is signed on x86-64).
fn char_value(s: &str) -> Result<Val, String> {
    let (prefix, body) = match s.find('\'') {
        Some(q) => (&s[..q], &s[q + 1..]),
        None => return Err("invalid character constant".into()),
    };
    let Some(body) = body.strip_suffix('\'') else {
        return Err("missing terminating ' character".into());
    };
    let mut chars: Vec<u32> = Vec::new();
    let b = body.as_bytes();
    let mut i = 0;
    let wide = !prefix.is_empty() && prefix != "u8";
    while i < b.len() {
        if b[i] != b'\\' {
            if wide {
                let c = body[i..].chars().next().unwrap();
                chars.push(c as u32);
                i += c.len_utf8();
            } else {
                chars.push(b[i] as u32);
                i += 1;
            }
            continue;
        }
        i += 1;
        let Some(&e) = b.get(i) else {
            return Err("invalid escape sequence".into());
        };
        i += 1;
        let v = match e {
            b'n' => 10,
            b't' => 9,
            b'r' => 13,
            b'a' => 7,
            b'b' => 8,
            b'f' => 12,
            b'v' => 11,
            b'e' | b'E' => 27,
            b'\\' | b'\'' | b'"' | b'?' => e as u32,
            b'0'..=b'7' => {
                let mut v = (e - b'0') as u32;
                let mut n = 1;
                while n < 3 && i < b.len() && (b'0'..=b'7').contains(&b[i]) {
                    v = v * 8 + (b[i] - b'0') as u32;
                    i += 1;
                    n += 1;
                }
                v
            }
            b'x' => {
                let mut v: u32 = 0;
                let st = i;
                while i < b.len() && b[i].is_ascii_hexdigit() {
                    v = v
                        .wrapping_mul(16)
                        .wrapping_add((b[i] as char).to_digit(16).unwrap());
                    i += 1;
                }
                if i == st {
                    return Err("\\x used with no following hex digits".into());
                }
                v
            }
            b'u' | b'U' => {
                let n = if e == b'u' { 4 } else { 8 };
                let hex = body
                    .get(i..i + n)
                    .filter(|h| h.bytes().all(|c| c.is_ascii_hexdigit()));
                let Some(hex) = hex else {
                    return Err("incomplete universal character name".into());
                };
                i += n;
                let cp = u32::from_str_radix(hex, 16).unwrap();
                if wide {
                    cp
                } else {
                    // Encoded as UTF-8 in a plain character constant.
                    let mut buf = [0u8; 4];
                    let enc = char::from_u32(cp)
                        .unwrap_or('\u{FFFD}')
                        .encode_utf8(&mut buf);
                    for &byte in &enc.as_bytes()[..enc.len() - 1] {
                        chars.push(byte as u32);
                    }
                    enc.as_bytes()[enc.len() - 1] as u32
                }
            }
            _ => e as u32,
        };
        chars.push(v);
    }
    if chars.is_empty() {
        return Err("empty character constant".into());
    }
    Ok(match prefix {
        "" => {
            if chars.len() == 1 {
                Val::signed(chars[0] as u8 as i8 as i64)
            } else {
                // GCC: multi-character constants are big-endian packed into an int.
                let mut v: u32 = 0;
                for c in &chars {
                    v = (v << 8) | (*c & 0xff);
                }
                Val::signed(v as i32 as i64)
            }
        }
        "u8" => Val {
            v: (chars[chars.len() - 1] & 0xff) as u64,
            unsigned: true,
        },
        "u" => Val {
            v: (chars[chars.len() - 1] & 0xffff) as u64,
            unsigned: true,
        },
        "U" => Val {
            v: chars[chars.len() - 1] as u64,
            unsigned: true,
        },
        _ => Val::signed(chars[chars.len() - 1] as i32 as i64),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn integers() {
        assert_eq!(
            parse_int("42"),
            Ok(Val {
                v: 42,
                unsigned: false
            })
        );
        assert_eq!(
            parse_int("0x1fUL"),
            Ok(Val {
                v: 31,
                unsigned: true
            })
        );
        assert_eq!(
            parse_int("0777"),
            Ok(Val {
                v: 511,
                unsigned: false
            })
        );
        assert_eq!(
            parse_int("0"),
            Ok(Val {
                v: 0,
                unsigned: false
            })
        );
        assert_eq!(
            parse_int("0b101"),
            Ok(Val {
                v: 5,
                unsigned: false
            })
        );
        assert_eq!(
            parse_int("18446744073709551615"),
            Ok(Val {
                v: u64::MAX,
                unsigned: true
            })
        );
        assert!(parse_int("18446744073709551616")
            .unwrap_err()
            .contains("too large"));
        assert!(parse_int("1.5").unwrap_err().contains("floating"));
        assert!(parse_int("1e5").unwrap_err().contains("floating"));
        assert!(parse_int("089").unwrap_err().contains("octal"));
        assert!(parse_int("12abc").unwrap_err().contains("suffix"));
        assert!(parse_int("1lL").is_err());
        assert_eq!(
            parse_int("1LLU"),
            Ok(Val {
                v: 1,
                unsigned: true
            })
        );
    }

    #[test]
    fn chars() {
        assert_eq!(char_value("'a'"), Ok(Val::signed(97)));
        assert_eq!(char_value("'\\377'"), Ok(Val::signed(-1)));
        assert_eq!(char_value("'\\xff'"), Ok(Val::signed(-1)));
        assert_eq!(char_value("'\\n'"), Ok(Val::signed(10)));
        assert_eq!(char_value("'ab'"), Ok(Val::signed(0x6162)));
        assert_eq!(char_value("L'\\xff'"), Ok(Val::signed(255)));
        assert_eq!(
            char_value("u'x'"),
            Ok(Val {
                v: 120,
                unsigned: true
            })
        );
        assert!(char_value("''").is_err());
    }
}
