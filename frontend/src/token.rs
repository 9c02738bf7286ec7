//! Preprocessing tokens: what the lexer produces and the preprocessor consumes and emits.

use crate::source::Loc;
use std::rc::Rc;

/// The kind of a preprocessing token (C11 6.4).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PpKind {
    /// Identifier or keyword.
    Ident,
    /// pp-number: `42`, `0x1fUL`, `1.5e+3f`, `1..2` (validated later by the parser's adapter).
    Number,
    /// Character constant with its prefix and quotes: `'a'`, `L'x'`, `u8'c'`.
    Char,
    /// String literal with its prefix and quotes: `"hi\n"`, `L"w"`, `u8"x"`.
    Str,
    /// Punctuator: `+`, `<<=`, `...`, `#`, `##` (digraphs are spelled as their primary form).
    Punct,
    /// Any other single character (a stray `@`, `$` or `\`): an error if it reaches the parser.
    Other,
}

/// A preprocessing token after macro expansion.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PpToken {
    pub kind: PpKind,
    /// The exact spelling.
    pub text: Rc<str>,
    /// Where the token (or, for a token from a macro expansion, the macro's use) is.
    pub loc: Loc,
    /// True if whitespace or a comment came before this token on its line (for `#` stringizing
    /// and for the printed `-E` form).
    pub space_before: bool,
    /// True if this is the first token on its line.
    pub line_start: bool,
}
