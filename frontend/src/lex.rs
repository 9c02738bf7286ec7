//! The lexer: C source text into preprocessing tokens (C11 6.4), with line splices removed,
//! comments dropped, and `line_start`/`space_before` flags and 1-based line/column locations.

use crate::diag::Diag;
use crate::source::{FileId, Loc};
use crate::token::{PpKind, PpToken};
use logos::Logos;
use std::borrow::Cow;
use std::cell::RefCell;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::rc::Rc;

/// A small, fast, non-cryptographic hasher (multiply-rotate, in the style of rustc's FxHash),
/// used for the many short-string maps of the lexer and preprocessor.
#[derive(Default, Clone, Copy)]
pub struct FastHasher {
    hash: u64,
}

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FastHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for FastHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.add(u64::from_le_bytes(c.try_into().unwrap()));
        }
        let rest = chunks.remainder();
        let n = rest.len();
        if n > 0 {
            // The 1-7 remaining bytes without a copy (a `memcpy` call into a buffer costs more
            // than hashing a short identifier): two overlapping 4-byte reads, or three bytes.
            let word = if n >= 4 {
                let lo = u32::from_le_bytes(rest[..4].try_into().unwrap()) as u64;
                let hi = u32::from_le_bytes(rest[n - 4..].try_into().unwrap()) as u64;
                lo | (hi << 32)
            } else {
                rest[0] as u64 | (rest[n / 2] as u64) << 8 | (rest[n - 1] as u64) << 16
            };
            self.add(word ^ ((n as u64) << 59));
        }
    }
    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(i as u64);
    }
    #[inline]
    fn write_u32(&mut self, i: u32) {
        self.add(i as u64);
    }
    #[inline]
    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }
    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }
    #[inline]
    fn finish(&self) -> u64 {
        self.hash
    }
}

/// `HashMap` with [`FastHasher`].
pub type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FastHasher>>;

/// Raw token classes recognised by the logos automaton.
#[derive(Logos, Debug, Clone, Copy, PartialEq, Eq)]
#[logos(skip r"[ \t\x0B\x0C\r]+")]
enum Raw {
    #[token("\n")]
    Newline,
    #[regex(r"//[^\n]*")]
    LineComment,
    /// The payload says whether the comment was terminated.
    #[token("/*", block_comment)]
    BlockComment(bool),
    #[regex(r"([A-Za-z_$\x{80}-\x{10FFFF}]|\\u[0-9A-Fa-f]{4}|\\U[0-9A-Fa-f]{8})([A-Za-z0-9_$\x{80}-\x{10FFFF}]|\\u[0-9A-Fa-f]{4}|\\U[0-9A-Fa-f]{8})*")]
    Ident,
    #[regex(r"\.?[0-9]([0-9A-Za-z_.]|[eEpP][+-])*")]
    Number,
    #[regex(r#"(L|u8|u|U)?'([^'\\\n]|\\[^\n])*'"#)]
    Char,
    #[regex(r#"(L|u8|u|U)?'([^'\\\n]|\\[^\n])*\\?"#)]
    CharUnterminated,
    #[regex(r#"(L|u8|u|U)?"([^"\\\n]|\\[^\n])*""#)]
    Str,
    #[regex(r#"(L|u8|u|U)?"([^"\\\n]|\\[^\n])*\\?"#)]
    StrUnterminated,
    #[token("[")]
    #[token("]")]
    #[token("(")]
    #[token(")")]
    #[token("{")]
    #[token("}")]
    #[token(".")]
    #[token("->")]
    #[token("++")]
    #[token("--")]
    #[token("&")]
    #[token("*")]
    #[token("+")]
    #[token("-")]
    #[token("~")]
    #[token("!")]
    #[token("/")]
    #[token("%")]
    #[token("<<")]
    #[token(">>")]
    #[token("<")]
    #[token(">")]
    #[token("<=")]
    #[token(">=")]
    #[token("==")]
    #[token("!=")]
    #[token("^")]
    #[token("|")]
    #[token("&&")]
    #[token("||")]
    #[token("?")]
    #[token(":")]
    #[token(";")]
    #[token("...")]
    #[token("=")]
    #[token("*=")]
    #[token("/=")]
    #[token("%=")]
    #[token("+=")]
    #[token("-=")]
    #[token("<<=")]
    #[token(">>=")]
    #[token("&=")]
    #[token("^=")]
    #[token("|=")]
    #[token(",")]
    #[token("#")]
    #[token("##")]
    Punct,
    #[token("<:")]
    #[token(":>")]
    #[token("<%")]
    #[token("%>")]
    #[token("%:")]
    #[token("%:%:")]
    Digraph,
    /// Any other single character (never a newline).
    #[regex(r"[^\n]", priority = 0)]
    Other,
}

fn block_comment(lex: &mut logos::Lexer<Raw>) -> bool {
    let rem = lex.remainder();
    // Search for `*` (memchr-accelerated) rather than for `*/` (a substring searcher, whose
    // set-up costs more than most comments).
    let b = rem.as_bytes();
    let mut from = 0;
    while let Some(k) = rem[from..].find('*') {
        let i = from + k;
        if b.get(i + 1) == Some(&b'/') {
            lex.bump(i + 2);
            return true;
        }
        from = i + 1;
    }
    lex.bump(rem.len());
    false
}

fn digraph_spelling(s: &str) -> &'static str {
    match s {
        "<:" => "[",
        ":>" => "]",
        "<%" => "{",
        "%>" => "}",
        "%:" => "#",
        _ => "##",
    }
}

/// Removes line splices (backslash-newline). Returns the spliced text and, when anything was
/// removed, the segment table: `(offset in spliced text, offset in original text)` of every
/// stretch of text that was copied unchanged.
fn splice(text: &str) -> (Cow<'_, str>, Vec<(usize, usize)>) {
    let bytes = text.as_bytes();
    // Length of the splice starting with the backslash at `i` (0 if it is not one).
    let splice_len = |i: usize| match (bytes.get(i + 1), bytes.get(i + 2)) {
        (Some(b'\n'), _) => 2,
        (Some(b'\r'), Some(b'\n')) => 3,
        _ => 0,
    };
    // `str::find` with a char pattern is memchr-accelerated.
    let next_splice = |mut from: usize| -> Option<(usize, usize)> {
        while let Some(k) = text[from..].find('\\') {
            let i = from + k;
            let n = splice_len(i);
            if n > 0 {
                return Some((i, n));
            }
            from = i + 1;
        }
        None
    };
    let Some(first) = next_splice(0) else {
        return (Cow::Borrowed(text), Vec::new());
    };
    let mut out = String::with_capacity(text.len());
    let mut segs = vec![(0usize, 0usize)];
    let mut start = 0;
    let mut cur = Some(first);
    while let Some((i, n)) = cur {
        out.push_str(&text[start..i]);
        start = i + n;
        segs.push((out.len(), start));
        cur = next_splice(start);
    }
    out.push_str(&text[start..]);
    (Cow::Owned(out), segs)
}

/// Tracks line and column while lexing the spliced text. Newlines are reported in order
/// (newline tokens and those inside block comments); removed splices count as newlines too.
struct Lines<'a> {
    /// `(offset in spliced text, offset in original text)` of each unchanged stretch; empty
    /// when nothing was spliced.
    segs: &'a [(usize, usize)],
    seg: usize,
    line: u32,
    /// Original-text offset of the start of the current line.
    line_start: usize,
    file: FileId,
}

impl Lines<'_> {
    #[inline]
    fn advance(&mut self, pos: usize) {
        while self.seg + 1 < self.segs.len() && self.segs[self.seg + 1].0 <= pos {
            self.seg += 1;
            self.line += 1;
            self.line_start = self.segs[self.seg].1;
        }
    }

    #[inline]
    fn orig(&self, pos: usize) -> usize {
        match self.segs.get(self.seg) {
            Some(&(c, o)) => o + (pos - c),
            None => pos,
        }
    }

    #[inline]
    fn loc(&mut self, pos: usize) -> Loc {
        self.advance(pos);
        Loc {
            file: self.file,
            line: self.line,
            col: (self.orig(pos) - self.line_start + 1) as u32,
        }
    }

    /// A newline character at `pos` of the spliced text.
    #[inline]
    fn newline(&mut self, pos: usize) {
        self.advance(pos);
        self.line += 1;
        self.line_start = self.orig(pos) + 1;
    }
}

/// True if a character constant or string literal spelling has its closing quote.
pub fn is_terminated_literal(text: &str) -> bool {
    let b = text.as_bytes();
    let Some(q) = b.iter().position(|&c| c == b'\'' || c == b'"') else {
        return false;
    };
    let quote = b[q];
    let mut i = q + 1;
    while i < b.len() {
        match b[i] {
            b'\\' => i += 2,
            c if c == quote => return i == b.len() - 1,
            _ => i += 1,
        }
    }
    false
}

/// Lexes `text` (the contents of file `file`) into preprocessing tokens.
/// Diagnostics: unterminated comments and unterminated character/string literals.
pub fn lex(text: &str, file: FileId) -> (Vec<PpToken>, Vec<Diag>) {
    lex_with(text, file, true, |t| t)
}

/// Every punctuator spelling the lexer produces (digraphs are spelled as their primary form).
const PUNCTS: [&str; 48] = [
    "[", "]", "(", ")", "{", "}", ".", "->", "++", "--", "&", "*", "+", "-", "~", "!", "/", "%",
    "<<", ">>", "<", ">", "<=", ">=", "==", "!=", "^", "|", "&&", "||", "?", ":", ";", "...", "=",
    "*=", "/=", "%=", "+=", "-=", "<<=", ">>=", "&=", "^=", "|=", ",", "#", "##",
];

/// The index of a punctuator spelling in [`PUNCTS`] (a decision tree on the bytes, cheaper
/// than hashing the spelling).
fn punct_index(s: &str) -> Option<usize> {
    Some(match s.as_bytes() {
        b"[" => 0,
        b"]" => 1,
        b"(" => 2,
        b")" => 3,
        b"{" => 4,
        b"}" => 5,
        b"." => 6,
        b"->" => 7,
        b"++" => 8,
        b"--" => 9,
        b"&" => 10,
        b"*" => 11,
        b"+" => 12,
        b"-" => 13,
        b"~" => 14,
        b"!" => 15,
        b"/" => 16,
        b"%" => 17,
        b"<<" => 18,
        b">>" => 19,
        b"<" => 20,
        b">" => 21,
        b"<=" => 22,
        b">=" => 23,
        b"==" => 24,
        b"!=" => 25,
        b"^" => 26,
        b"|" => 27,
        b"&&" => 28,
        b"||" => 29,
        b"?" => 30,
        b":" => 31,
        b";" => 32,
        b"..." => 33,
        b"=" => 34,
        b"*=" => 35,
        b"/=" => 36,
        b"%=" => 37,
        b"+=" => 38,
        b"-=" => 39,
        b"<<=" => 40,
        b">>=" => 41,
        b"&=" => 42,
        b"^=" => 43,
        b"|=" => 44,
        b"," => 45,
        b"#" => 46,
        b"##" => 47,
        _ => return None,
    })
}

/// Token spellings seen so far, shared so that each distinct spelling is allocated once.
struct Spellings {
    map: FastMap<Rc<str>, ()>,
    /// The punctuators' spellings, by [`punct_index`].
    puncts: [Option<Rc<str>>; PUNCTS.len()],
}

impl Default for Spellings {
    fn default() -> Spellings {
        Spellings {
            map: FastMap::default(),
            puncts: std::array::from_fn(|_| None),
        }
    }
}

impl Spellings {
    fn intern(&mut self, s: &str) -> Rc<str> {
        match self.map.get_key_value(s) {
            Some((rc, _)) => rc.clone(),
            None => {
                let rc: Rc<str> = Rc::from(s);
                self.map.insert(rc.clone(), ());
                rc
            }
        }
    }

    fn punct(&mut self, s: &str) -> Rc<str> {
        match punct_index(s) {
            Some(i) => match &self.puncts[i] {
                Some(rc) => rc.clone(),
                None => {
                    let rc = self.intern(s);
                    self.puncts[i] = Some(rc.clone());
                    rc
                }
            },
            None => self.intern(s),
        }
    }
}

thread_local! {
    static SPELLINGS: RefCell<Spellings> = RefCell::new(Spellings::default());
}

/// [`lex`] with each token passed through `wrap`, and optionally without diagnostics for
/// unterminated quotes (the preprocessor reports those itself, only outside skipped groups).
pub(crate) fn lex_with<T>(
    text: &str,
    file: FileId,
    report_quotes: bool,
    mut wrap: impl FnMut(PpToken) -> T,
) -> (Vec<T>, Vec<Diag>) {
    let mut diags = Vec::new();
    // A byte order mark is treated as whitespace.
    let bom = if text.starts_with('\u{FEFF}') { 3 } else { 0 };
    let (clean, mut segs) = splice(&text[bom..]);
    if bom > 0 {
        if segs.is_empty() {
            segs.push((0, 0));
        }
        for s in &mut segs {
            s.1 += bom;
        }
    }
    let mut lines = Lines {
        segs: &segs,
        seg: 0,
        line: 1,
        line_start: 0,
        file,
    };
    let mut toks: Vec<T> = Vec::with_capacity(clean.len() / 6 + 4);
    SPELLINGS.with(|sp| {
        let mut spellings = sp.borrow_mut();
        let mut lexer = Raw::lexer(&clean);
        let mut at_bol = true;
        let mut space = false;
        let mut prev_end = 0usize;
        while let Some(res) = lexer.next() {
            let span = lexer.span();
            if span.start != prev_end {
                space = true;
            }
            prev_end = span.end;
            let kind = match res {
                Ok(Raw::Newline) => {
                    at_bol = true;
                    space = false;
                    lines.newline(span.start);
                    continue;
                }
                Ok(Raw::LineComment) => {
                    space = true;
                    continue;
                }
                Ok(Raw::BlockComment(terminated)) => {
                    if !terminated {
                        let loc = lines.loc(span.start);
                        diags.push(Diag::error(loc, "unterminated /* comment"));
                    }
                    // `str::find` with a char pattern is memchr-accelerated.
                    let body = &clean[span.clone()];
                    let mut from = 0;
                    while let Some(k) = body[from..].find('\n') {
                        lines.newline(span.start + from + k);
                        from += k + 1;
                    }
                    space = true;
                    continue;
                }
                Ok(Raw::Ident) => PpKind::Ident,
                Ok(Raw::Number) => PpKind::Number,
                Ok(Raw::Char) => PpKind::Char,
                Ok(Raw::Str) => PpKind::Str,
                Ok(Raw::CharUnterminated) | Ok(Raw::StrUnterminated) => {
                    let is_char = res == Ok(Raw::CharUnterminated);
                    if report_quotes {
                        let loc = lines.loc(span.start);
                        let msg = if is_char {
                            "missing terminating ' character"
                        } else {
                            "missing terminating '\"' character"
                        };
                        diags.push(Diag::error(loc, msg));
                    }
                    if is_char {
                        PpKind::Char
                    } else {
                        PpKind::Str
                    }
                }
                Ok(Raw::Punct) | Ok(Raw::Digraph) => PpKind::Punct,
                Ok(Raw::Other) | Err(()) => PpKind::Other,
            };
            let slice: &str = clean.get(span.clone()).unwrap_or("\u{FFFD}");
            let spelling: &str = if res == Ok(Raw::Digraph) {
                digraph_spelling(slice)
            } else {
                slice
            };
            let text_rc = if kind == PpKind::Punct {
                spellings.punct(spelling)
            } else {
                spellings.intern(spelling)
            };
            let loc = lines.loc(span.start);
            toks.push(wrap(PpToken {
                kind,
                text: text_rc,
                loc,
                space_before: space,
                line_start: at_bol,
            }));
            at_bol = false;
            space = false;
        }
    });
    (toks, diags)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(s: &str) -> Vec<(PpKind, String)> {
        lex(s, 0)
            .0
            .into_iter()
            .map(|t| (t.kind, t.text.to_string()))
            .collect()
    }
    fn texts(s: &str) -> Vec<String> {
        lex(s, 0)
            .0
            .into_iter()
            .map(|t| t.text.to_string())
            .collect()
    }

    #[test]
    fn basic_tokens() {
        use PpKind::*;
        assert_eq!(
            kinds("int x = 42;"),
            vec![
                (Ident, "int".into()),
                (Ident, "x".into()),
                (Punct, "=".into()),
                (Number, "42".into()),
                (Punct, ";".into())
            ]
        );
        assert_eq!(texts("a$b $c"), vec!["a$b", "$c"]);
        assert_eq!(
            texts("0x1p-3 1e+5 .5 1..2 0xe+1 12ULL"),
            vec!["0x1p-3", "1e+5", ".5", "1..2", "0xe+1", "12ULL"]
        );
        assert_eq!(texts("a+++++b"), vec!["a", "++", "++", "+", "b"]);
        assert_eq!(texts("x...y..z"), vec!["x", "...", "y", ".", ".", "z"]);
        assert_eq!(
            texts("<<= >>= -> ## # %= ^= |= &&"),
            vec!["<<=", ">>=", "->", "##", "#", "%=", "^=", "|=", "&&"]
        );
    }

    #[test]
    fn digraphs() {
        assert_eq!(
            texts("<: :> <% %> %: %:%: %:%"),
            vec!["[", "]", "{", "}", "#", "##", "#", "%"]
        );
    }

    #[test]
    fn literals_with_prefixes() {
        use PpKind::*;
        assert_eq!(
            kinds(r#"L'a' u'b' U'c' u8'd' 'e' L"w" u8"x" u"y" U"z" "q\"r""#),
            vec![
                (Char, "L'a'".into()),
                (Char, "u'b'".into()),
                (Char, "U'c'".into()),
                (Char, "u8'd'".into()),
                (Char, "'e'".into()),
                (Str, "L\"w\"".into()),
                (Str, "u8\"x\"".into()),
                (Str, "u\"y\"".into()),
                (Str, "U\"z\"".into()),
                (Str, "\"q\\\"r\"".into()),
            ]
        );
        assert_eq!(texts(r"'\'' '\\'"), vec![r"'\''", r"'\\'"]);
    }

    #[test]
    fn comments_and_flags() {
        let (t, d) = lex("a/*x\ny*/b // c\n  #define\n", 0);
        assert!(d.is_empty());
        assert_eq!(t.len(), 4);
        assert_eq!(&*t[1].text, "b");
        assert!(t[1].space_before && !t[1].line_start);
        assert_eq!(t[1].loc.line, 2);
        assert_eq!(t[1].loc.col, 4);
        assert!(t[2].line_start && t[2].space_before);
        assert_eq!(
            t[2].loc,
            Loc {
                file: 0,
                line: 3,
                col: 3
            }
        );
        assert!(!t[3].space_before && !t[3].line_start);
    }

    #[test]
    fn unterminated() {
        let (t, d) = lex("a /* never", 0);
        assert_eq!(t.len(), 1);
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].msg, "unterminated /* comment");
        assert_eq!(d[0].loc.col, 3);
        let (t, d) = lex("x = \"abc\ny = 'q\n", 0);
        assert_eq!(d.len(), 2);
        assert_eq!(d[0].msg, "missing terminating '\"' character");
        assert_eq!(d[1].msg, "missing terminating ' character");
        assert_eq!(t.len(), 6);
        assert_eq!(&*t[2].text, "\"abc");
        assert_eq!(t[3].loc.line, 2);
        assert!(!is_terminated_literal("\"abc"));
        assert!(is_terminated_literal("\"abc\""));
        assert!(!is_terminated_literal("'\\'"));
        assert!(is_terminated_literal("u8'\\''"));
    }

    #[test]
    fn splices() {
        let src = "#def\\\nine X 1\\\n2\nin\\\r\nt y; \"ab\\\ncd\"";
        let (t, d) = lex(src, 0);
        assert!(d.is_empty());
        let s: Vec<_> = t.iter().map(|t| t.text.to_string()).collect();
        assert_eq!(
            s,
            vec!["#", "define", "X", "12", "int", "y", ";", "\"abcd\""]
        );
        assert_eq!(
            t[2].loc,
            Loc {
                file: 0,
                line: 2,
                col: 5
            }
        );
        assert_eq!(
            t[3].loc,
            Loc {
                file: 0,
                line: 2,
                col: 7
            }
        );
        assert_eq!(
            t[4].loc,
            Loc {
                file: 0,
                line: 4,
                col: 1
            }
        );
        assert!(t[4].line_start);
        assert_eq!(
            t[5].loc,
            Loc {
                file: 0,
                line: 5,
                col: 3
            }
        );
        // A spliced line comment continues on the next line.
        assert_eq!(texts("a // x \\\n y\nb"), vec!["a", "b"]);
    }

    #[test]
    fn odd_characters() {
        let (t, _) = lex("a @ ` \\ \0 é b\u{FEFF}", 0);
        assert!(t.iter().any(|t| t.kind == PpKind::Other && &*t.text == "@"));
        assert!(t
            .iter()
            .any(|t| t.kind == PpKind::Other && &*t.text == "\\"));
        let (t, _) = lex("\u{FEFF}x", 0);
        assert_eq!(t[0].loc.col, 4);
        // Random bytes never panic.
        let mut seed = 12345u64;
        for _ in 0..200 {
            let mut bytes = Vec::new();
            for _ in 0..200 {
                seed = seed
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                bytes.push((seed >> 33) as u8);
            }
            let s = String::from_utf8_lossy(&bytes);
            let _ = lex(&s, 0);
        }
    }
}
