//! The C parser: preprocessing tokens into a syntax tree (crate::ast), via an adapter that
//! converts literals and keywords and classifies identifiers with the typedef table, and the
//! LALRPOP parser generated from grammar/c.lalrpop.

mod build;
mod literal;
mod nesting;
#[cfg(test)]
mod tests;
mod tok;
mod typedefs;

lalrpop_util::lalrpop_mod!(
    #[allow(clippy::all, unused, dead_code)]
    c
);

pub use nesting::MAX_NESTING;
pub use typedefs::{TdCheckpoint, TypedefTable};

use crate::ast::TranslationUnit;
use crate::diag::Diag;
use crate::source::Loc;
use crate::token::{PpKind, PpToken};
use build::Ctx;
use lalrpop_util::ParseError;
use std::cell::RefCell;
use std::rc::Rc;
use tok::{PErr, Tok};

/// Maximum depth of nested `(`, `[` and `{` (clang's default).
pub const MAX_BRACKET_DEPTH: usize = 256;

/// Parses one translation unit (a file, or one REPL input).
///
/// Declared typedef names go into `typedefs`, whose file scope persists across calls; inner
/// scopes opened during the parse are closed again before returning. On a syntax error the
/// unit is empty and the diagnostics contain one error for it.
pub fn parse(
    tokens: Vec<PpToken>,
    typedefs: &Rc<RefCell<TypedefTable>>,
) -> (TranslationUnit, Vec<Diag>) {
    let depth0 = typedefs.borrow().depth();
    let ctx = Ctx::new(typedefs.clone());
    let mut ad = Adapter::new(tokens, typedefs.clone());
    let res = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        c::UnitParser::new().parse(&ctx, &mut ad)
    }));
    let mut diags = std::mem::take(&mut ad.diags);
    diags.extend(ctx.diags.take());
    let unit = match res {
        Ok(Ok(u)) => *u,
        Ok(Err(e)) => {
            diags.push(ad.syntax_error(e));
            TranslationUnit::default()
        }
        Err(_) => {
            diags.push(Diag::error(ad.last_loc(), "internal error in the parser"));
            TranslationUnit::default()
        }
    };
    let mut td = typedefs.borrow_mut();
    while td.depth() > depth0 {
        td.pop_scope();
    }
    (unit, diags)
}

/// What an open bracket was.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Open {
    Paren,
    Bracket,
    /// A `{` that opened a typedef-table scope.
    Block,
    /// The `{` of a struct/union/enum body: no scope (enumerators belong outside).
    TagBody,
}

/// Where we are after `struct`/`union`/`enum`, to recognise the brace of a tag body.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum TagState {
    None,
    /// After the keyword or its name.
    Pending,
    /// Skipping an `__attribute__((...))` between the keyword and the brace; the paren depth.
    Attr(u32),
}

/// Declaration specifiers without a type specifier so far at the start of a statement
/// (`static`, `const`, `__attribute__((...))`), for implicit int.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum SpecPrefix {
    None,
    /// `kw`: a storage class or qualifier keyword was seen.
    Specs {
        kw: bool,
    },
    /// In an attribute or `_Alignas`, `depth` parentheses deep.
    Attr {
        kw: bool,
        depth: u32,
    },
}

/// One token handed to the parser, remembered for diagnostics.
#[derive(Clone, Debug)]
struct Emitted {
    /// The token without its payload (see [`light`]); the spelling is `text`.
    tok: Tok,
    text: Rc<str>,
    loc: Loc,
    end: Loc,
    /// The first token of a statement or declaration.
    stmt_start: bool,
}

/// Turns preprocessing tokens into parser tokens on demand. Identifiers are classified when
/// the parser asks for them, so typedefs declared by earlier reductions are already known.
struct Adapter {
    toks: std::vec::IntoIter<PpToken>,
    peeked: Option<PpToken>,
    td: Rc<RefCell<TypedefTable>>,
    diags: Vec<Diag>,
    open: Vec<Open>,
    /// The last token closed a struct/union/enum body (what follows is not a new
    /// declaration's start).
    closed_tag_body: bool,
    /// The attribute or `_Alignas` being read stands first in a declaration (nothing but
    /// specifiers without a type before it): `_Alignas(16) x;` is an implicit int.
    attr_first: bool,
    tag: TagState,
    last: Option<Emitted>,
    before_last: Option<Emitted>,
    third_last: Option<Emitted>,
    /// Nesting of `(`/`[` (statement boundaries are only recognised outside them).
    parens: usize,
    at_stmt_start: bool,
    /// The current statement started like a declaration.
    stmt_is_decl: bool,
    /// The current statement is a `return`, `break`, ... statement.
    stmt_kw: Option<&'static str>,
    /// Open blocks (scopes) before the last token was handed out.
    blocks_before_last: usize,
    /// Bounds the depth of the tree being built.
    nesting: nesting::NestingGuard,
    /// A fatal error already returned: stop.
    done: bool,
    /// The token after an `int` the adapter inserted (implicit int).
    pending: Option<(Tok, PpToken)>,
    prefix: SpecPrefix,
}

/// `t` without the payload that would need an allocation to copy (names, string contents):
/// what diagnostics and the nesting guard need to know about earlier tokens.
fn light(t: &Tok) -> Tok {
    match t {
        Tok::Ident(_) => Tok::Ident(String::new()),
        Tok::TypeName(_) => Tok::TypeName(String::new()),
        Tok::Float(f) => Tok::Float(tok::FloatTok {
            value: f.value,
            suffix: f.suffix,
            text: String::new(),
        }),
        Tok::Str(s) => Tok::Str(tok::StrTok {
            units: Vec::new(),
            prefix: s.prefix,
        }),
        t => t.clone(),
    }
}

fn end_of(loc: Loc, text: &str) -> Loc {
    if text.contains('\n') {
        loc
    } else {
        Loc {
            col: loc.col + text.len() as u32,
            ..loc
        }
    }
}

/// True if `t` can only start a declaration.
fn starts_decl(t: &Tok) -> bool {
    use Tok::*;
    matches!(
        t,
        Auto | Char_
            | Const
            | Double
            | Enum
            | Extern
            | Float_
            | Inline
            | Int_
            | Long
            | Register
            | Restrict
            | Short
            | Signed
            | Static
            | Struct
            | Typedef
            | Union
            | Unsigned
            | Void
            | Volatile
            | Alignas
            | Atomic
            | AtomicSpec
            | Bool
            | Complex
            | Noreturn
            | StaticAssert
            | ThreadLocal
            | Attribute
            | Typeof
            | VaList
            | Int128
            | AutoType
            | TypeName(_)
    )
}

impl Adapter {
    fn new(tokens: Vec<PpToken>, td: Rc<RefCell<TypedefTable>>) -> Adapter {
        Adapter {
            toks: tokens.into_iter(),
            peeked: None,
            td,
            diags: Vec::new(),
            open: Vec::new(),
            closed_tag_body: false,
            attr_first: false,
            tag: TagState::None,
            last: None,
            before_last: None,
            third_last: None,
            parens: 0,
            at_stmt_start: true,
            stmt_is_decl: false,
            stmt_kw: None,
            blocks_before_last: 0,
            nesting: nesting::NestingGuard::default(),
            done: false,
            pending: None,
            prefix: SpecPrefix::None,
        }
    }

    /// Implicit int (C89, accepted by GCC with a warning): whether the identifier `name`
    /// about to be handed out starts a declarator whose type specifier is missing, and the
    /// warning to give. The grammar cannot tell (`f(a) { ... }` and the REPL statement
    /// `f(a);` share their first four tokens), so the adapter decides by looking ahead and
    /// inserts an `int` token before the name:
    /// - after storage classes or qualifiers alone (`static x = 3;`, `const f() {...}`),
    ///   in any scope: nothing else can follow them;
    /// - at the start of a file-scope item, a name followed by a parenthesized list and
    ///   then `{` or a declaration (K&R parameters): a call is never followed by either.
    fn implicit_int(&self, name: &str) -> Option<String> {
        let after_specs = self.prefix == SpecPrefix::Specs { kw: true };
        if self.open.is_empty() && (self.at_stmt_start || after_specs) && self.definition_follows()
        {
            return Some("return type defaults to 'int'".into());
        }
        // `static foo y;` is an unknown type name `foo`, not an implicit int.
        let next = self.peeked.iter().chain(self.toks.as_slice()).next();
        let declarator_ends = next.is_some_and(|t| match t.kind {
            PpKind::Punct => matches!(&*t.text, "=" | ";" | "," | "[" | "(" | ":"),
            PpKind::Ident => matches!(tok::keyword(&t.text), Some(Tok::Attribute | Tok::Asm)),
            _ => false,
        });
        if after_specs && declarator_ends {
            return Some(format!("type defaults to 'int' in declaration of '{name}'"));
        }
        None
    }

    /// `static *p;`, `const **q = 0;`: implicit int before a pointer declarator.
    fn implicit_int_pointer(&self) -> Option<String> {
        if self.prefix != (SpecPrefix::Specs { kw: true }) {
            return None;
        }
        let rest = self.peeked.iter().chain(self.toks.as_slice());
        for t in rest {
            match (t.kind, tok::keyword(&t.text)) {
                (PpKind::Punct, _) if &*t.text == "*" => {}
                (PpKind::Ident, Some(Tok::Const | Tok::Volatile | Tok::Restrict)) => {}
                (PpKind::Ident, None) if !self.td.borrow().is_typedef(&t.text) => {
                    return Some(format!(
                        "type defaults to 'int' in declaration of '{}'",
                        t.text
                    ));
                }
                _ => return None,
            }
        }
        None
    }

    /// The tokens after the current one are `( ... )` and then `{` or the start of a
    /// declaration.
    fn definition_follows(&self) -> bool {
        let mut rest = self.peeked.iter().chain(self.toks.as_slice());
        if !rest
            .next()
            .is_some_and(|t| &*t.text == "(" && t.kind == PpKind::Punct)
        {
            return false;
        }
        let mut depth = 1usize;
        for t in rest.by_ref() {
            if t.kind == PpKind::Punct {
                match &*t.text {
                    "(" => depth += 1,
                    ")" => depth -= 1,
                    _ => {}
                }
            }
            if depth == 0 {
                break;
            }
        }
        let Some(next) = rest.next() else {
            return false;
        };
        match next.kind {
            PpKind::Punct => &*next.text == "{",
            PpKind::Ident => match tok::keyword(&next.text) {
                Some(k) => starts_decl(&k),
                None => self.td.borrow().is_typedef(&next.text),
            },
            _ => false,
        }
    }

    /// Follows declaration specifiers that are not type specifiers at a statement start.
    fn note_prefix(&mut self, tok: &Tok) {
        use Tok::*;
        let for_init = matches!(
            (&self.last, &self.before_last),
            (
                Some(Emitted { tok: LParen, .. }),
                Some(Emitted { tok: For, .. })
            )
        );
        // `f(a) register a; { ... }`: K&R parameter declarations start after the `)`.
        let kr_decl =
            self.open.is_empty() && matches!(&self.last, Some(Emitted { tok: RParen, .. }));
        // After a struct, union or enum body the declaration goes on (`struct {...} const
        // p;`, `struct {...} static g;`): not the start of another one.
        let at_start = ((self.parens == 0 && self.at_stmt_start) || for_init || kr_decl)
            && !self.closed_tag_body;
        let kw = match self.prefix {
            SpecPrefix::Specs { kw } | SpecPrefix::Attr { kw, .. } => Some(kw),
            SpecPrefix::None if at_start => Some(false),
            SpecPrefix::None => None,
        };
        self.prefix = match (self.prefix, tok) {
            (SpecPrefix::Attr { kw, depth }, LParen) => SpecPrefix::Attr {
                kw,
                depth: depth + 1,
            },
            // An attribute or `_Alignas` first in a declaration stands where specifiers do
            // (`_Alignas(16) x;`, `__attribute__((noinline)) f(int c) {...}`: implicit int).
            (SpecPrefix::Attr { kw, depth: 1 }, RParen) => SpecPrefix::Specs {
                kw: kw || self.attr_first,
            },
            (SpecPrefix::Attr { kw, depth }, RParen) if depth > 1 => SpecPrefix::Attr {
                kw,
                depth: depth - 1,
            },
            (SpecPrefix::Attr { kw, depth }, _) if depth > 0 => SpecPrefix::Attr { kw, depth },
            (_, Attribute | Alignas) if kw.is_some() => {
                if self.prefix == SpecPrefix::None {
                    // First in the declaration: nothing but `;`, `{` or a block's `}` before.
                    self.attr_first = !self.closed_tag_body
                        && matches!(
                            self.last.as_ref().map(|e| &e.tok),
                            None | Some(Tok::Semi | Tok::LBrace | Tok::RBrace)
                        );
                }
                SpecPrefix::Attr {
                    kw: kw == Some(true),
                    depth: 0,
                }
            }
            (
                _,
                Static | Extern | Typedef | Register | Auto | ThreadLocal | Const | Volatile
                | Restrict | Inline | Noreturn,
            ) if kw.is_some() => SpecPrefix::Specs { kw: true },
            _ => SpecPrefix::None,
        };
    }

    fn next_pp(&mut self) -> Option<PpToken> {
        self.peeked.take().or_else(|| self.toks.next())
    }

    fn peek_pp(&mut self) -> Option<&PpToken> {
        if self.peeked.is_none() {
            self.peeked = self.toks.next();
        }
        self.peeked.as_ref()
    }

    fn last_loc(&self) -> Loc {
        self.last.as_ref().map(|e| e.end).unwrap_or_default()
    }

    /// Converts the next preprocessing token(s) into a parser token.
    fn convert(&mut self) -> Option<Result<(Tok, PpToken), PErr>> {
        loop {
            let t = self.next_pp()?;
            let tok = match t.kind {
                PpKind::Ident => {
                    if &*t.text == "__extension__" {
                        continue;
                    }
                    match tok::keyword(&t.text) {
                        Some(Tok::Atomic) if self.peek_pp().is_some_and(|n| &*n.text == "(") => {
                            Tok::AtomicSpec
                        }
                        Some(k) => k,
                        None if self.td.borrow().is_typedef(&t.text) => {
                            Tok::TypeName(t.text.to_string())
                        }
                        None => Tok::Ident(t.text.to_string()),
                    }
                }
                PpKind::Number => literal::convert_number(&t.text, t.loc, &mut self.diags),
                PpKind::Char => literal::convert_char(&t.text, t.loc, &mut self.diags),
                PpKind::Str => {
                    let mut pieces = vec![t.clone()];
                    while self.peek_pp().is_some_and(|n| n.kind == PpKind::Str) {
                        pieces.push(self.next_pp().expect("peeked"));
                    }
                    let refs: Vec<(&str, Loc)> = pieces.iter().map(|p| (&*p.text, p.loc)).collect();
                    literal::convert_strings(&refs, &mut self.diags)
                }
                PpKind::Punct => match tok::punct(&t.text) {
                    Some(p) => p,
                    None => {
                        return Some(Err(PErr {
                            loc: t.loc,
                            msg: format!("stray '{}' in program", t.text),
                        }))
                    }
                },
                PpKind::Other => {
                    return Some(Err(PErr {
                        loc: t.loc,
                        msg: format!("stray '{}' in program", t.text),
                    }))
                }
            };
            return Some(Ok((tok, t)));
        }
    }

    /// Bookkeeping for a token about to be handed to the parser: brackets, scopes, the
    /// statement-start classification used by diagnostics.
    fn track(&mut self, tok: &Tok, loc: Loc) -> Result<bool, PErr> {
        self.blocks_before_last = self.open.iter().filter(|o| **o == Open::Block).count();
        self.closed_tag_body = false;
        // Tag bodies.
        let mut tag_body = false;
        self.tag = match (self.tag, tok) {
            (TagState::Attr(d), Tok::LParen) => TagState::Attr(d + 1),
            (TagState::Attr(d), Tok::RParen) => {
                if d <= 1 {
                    TagState::Pending
                } else {
                    TagState::Attr(d - 1)
                }
            }
            (TagState::Attr(d), _) => TagState::Attr(d),
            (TagState::Pending, Tok::Ident(_) | Tok::TypeName(_)) => TagState::Pending,
            (TagState::Pending, Tok::Attribute) => TagState::Attr(0),
            (TagState::Pending, Tok::LBrace) => {
                tag_body = true;
                TagState::None
            }
            (_, Tok::Struct | Tok::Union | Tok::Enum) => TagState::Pending,
            _ => TagState::None,
        };
        match tok {
            Tok::LParen | Tok::LBracket | Tok::LBrace => {
                if self.open.len() >= MAX_BRACKET_DEPTH {
                    return Err(PErr {
                        loc,
                        msg: format!(
                            "bracket nesting level exceeded maximum of {MAX_BRACKET_DEPTH}"
                        ),
                    });
                }
                let o = match tok {
                    Tok::LParen => Open::Paren,
                    Tok::LBracket => Open::Bracket,
                    _ if tag_body => Open::TagBody,
                    _ => {
                        self.td.borrow_mut().push_scope();
                        Open::Block
                    }
                };
                if o == Open::Paren || o == Open::Bracket {
                    self.parens += 1;
                }
                self.open.push(o);
            }
            Tok::RParen | Tok::RBracket | Tok::RBrace => {
                if let Some(o) = self.open.pop() {
                    match o {
                        Open::Paren | Open::Bracket => self.parens -= 1,
                        Open::Block => self.td.borrow_mut().pop_scope(),
                        Open::TagBody => self.closed_tag_body = true,
                    }
                }
            }
            _ => {}
        }
        let mut stmt_start = false;
        if self.parens == 0 {
            if self.at_stmt_start {
                self.stmt_is_decl = starts_decl(tok);
                self.stmt_kw = None;
                self.at_stmt_start = false;
                stmt_start = true;
            }
            match tok {
                Tok::Return => self.stmt_kw = Some("expected ';' after return statement"),
                Tok::Break => self.stmt_kw = Some("expected ';' after break statement"),
                Tok::Continue => self.stmt_kw = Some("expected ';' after continue statement"),
                Tok::Goto => self.stmt_kw = Some("expected ';' after goto statement"),
                Tok::Semi | Tok::LBrace | Tok::RBrace => self.at_stmt_start = true,
                _ => {}
            }
        }
        if !self
            .nesting
            .token(tok, self.last.as_ref().map(|e| &e.tok), self.stmt_is_decl)
        {
            return Err(PErr {
                loc,
                msg: format!("expression or statement is nested too deeply (limit {MAX_NESTING})"),
            });
        }
        Ok(stmt_start)
    }

    /// The diagnostic for a syntax error reported by the parser.
    fn syntax_error(&self, e: ParseError<Loc, Tok, PErr>) -> Diag {
        match e {
            ParseError::User { error } => Diag::error(error.loc, error.msg),
            ParseError::UnrecognizedToken {
                token: (loc, tok, _),
                expected,
            } => self.unexpected(Some((&tok, loc)), &expected),
            ParseError::UnrecognizedEof { expected, .. } => self.unexpected(None, &expected),
            ParseError::ExtraToken {
                token: (loc, tok, _),
            } => Diag::error(
                loc,
                format!(
                    "unexpected {}",
                    describe(&tok, self.last.as_ref().map(|e| &*e.text))
                ),
            ),
            ParseError::InvalidToken { location } => Diag::error(location, "invalid token"),
        }
    }

    /// The two tokens emitted before the offending token (or before the end of input).
    fn previous(&self, at_token: bool) -> (Option<&Emitted>, Option<&Emitted>) {
        if at_token {
            (self.before_last.as_ref(), self.third_last.as_ref())
        } else {
            (self.last.as_ref(), self.before_last.as_ref())
        }
    }

    fn unexpected(&self, tok: Option<(&Tok, Loc)>, expected: &[String]) -> Diag {
        let has = |s: &str| expected.iter().any(|e| e == s);
        let (prev, prev2) = self.previous(tok.is_some());
        let after_prev = prev
            .map(|p| p.end)
            .unwrap_or_else(|| tok.map(|t| t.1).unwrap_or_default());
        let at = tok.map(|t| t.1).unwrap_or_else(|| self.last_loc());
        let expr_ok = has("Ident") && has("IntLit");
        // A `}` with no block open (a REPL input or file that closes one too many).
        if let Some((Tok::RBrace, loc)) = tok {
            // (The adapter already closed the block this `}` would close, if any.)
            if self.blocks_before_last == 0 {
                return Diag::error(loc, "extraneous closing brace ('}')");
            }
        }
        // `foo x;`: an identifier where only a type can be, or right after another identifier.
        if let Some((Tok::Ident(name), loc)) = tok {
            if let Some(Emitted {
                tok: Tok::Ident(_),
                text: p,
                loc: ploc,
                stmt_start,
                ..
            }) = prev
            {
                let in_params = prev2.is_some_and(|t| matches!(t.tok, Tok::LParen | Tok::Comma))
                    && !has("\"+\"");
                if *stmt_start || in_params {
                    return Diag::error(*ploc, format!("unknown type name '{p}'"));
                }
            }
            if has("TdName") && !expr_ok {
                return Diag::error(loc, format!("unknown type name '{name}'"));
            }
        }
        // `int add(int v) { ... }` inside a block: a GCC nested function.
        if let (
            Some((Tok::LBrace, loc)),
            Some(Emitted {
                tok: Tok::RParen, ..
            }),
        ) = (tok, prev)
        {
            if self.stmt_is_decl && self.blocks_before_last > 0 {
                return Diag::error(
                    loc,
                    "nested functions (a GCC extension) are not supported: define the function at file scope",
                );
            }
        }
        let semi_msg = || {
            if self.stmt_is_decl {
                let blocks = if tok.is_some() {
                    self.blocks_before_last
                } else {
                    self.open.iter().filter(|o| **o == Open::Block).count()
                };
                if blocks > 0 {
                    "expected ';' at end of declaration"
                } else {
                    "expected ';' after top level declarator"
                }
            } else {
                self.stmt_kw.unwrap_or("expected ';' after expression")
            }
        };
        let closer = if has("\"}\"") && tok.is_none() {
            Some("expected '}'")
        } else if has("\")\"") {
            Some("expected ')'")
        } else if has("\"]\"") {
            Some("expected ']'")
        } else if has("\"}\"") {
            Some("expected '}'")
        } else {
            None
        };
        if has("Ident") && has("\"(\"") && !expr_ok {
            return Diag::error(at, "expected identifier or '('");
        }
        if tok.is_none() {
            let after_stmt =
                prev.is_some_and(|p| matches!(p.tok, Tok::Semi | Tok::LBrace | Tok::RBrace));
            let after_open = prev.is_some_and(|p| {
                matches!(
                    p.tok,
                    Tok::Semi | Tok::LBrace | Tok::RBrace | Tok::LParen | Tok::Comma | Tok::Colon
                ) || matches!(p.tok, Tok::Else | Tok::Do)
            });
            if has("\";\"") && !after_open {
                return Diag::error(after_prev, semi_msg());
            }
            if after_stmt && has("\"}\"") {
                return Diag::error(at, "expected '}'");
            }
            if has("\"if\"") {
                return Diag::error(at, "expected statement");
            }
            if let Some(m) = closer {
                return Diag::error(at, m);
            }
            if expr_ok {
                return Diag::error(at, "expected expression");
            }
        } else {
            if has("\";\"") && !expr_ok {
                return Diag::error(after_prev, semi_msg());
            }
            if expr_ok && !has("\"=\"") {
                return Diag::error(at, "expected expression");
            }
            if let Some(m) = closer {
                return Diag::error(at, m);
            }
            if expr_ok {
                return Diag::error(at, "expected expression");
            }
        }
        if has("Ident") && !expr_ok {
            let m = if has("\"{\"") {
                "expected identifier or '{'"
            } else {
                "expected identifier"
            };
            return Diag::error(at, m);
        }
        if has("\"int\"") && !expr_ok {
            return Diag::error(at, "expected type specifier");
        }
        if expected.len() == 1 {
            return Diag::error(at, format!("expected {}", pretty_expected(&expected[0])));
        }
        let names: Vec<String> = expected
            .iter()
            .take(6)
            .map(|e| pretty_expected(e))
            .collect();
        let what = match tok {
            Some((t, _)) => format!(
                "unexpected {}",
                describe(t, self.last.as_ref().map(|e| &*e.text))
            ),
            None => "unexpected end of input".to_string(),
        };
        if names.is_empty() {
            Diag::error(at, what)
        } else if expected.len() > 6 {
            Diag::error(at, format!("{what}; expected {}, ...", names.join(", ")))
        } else {
            Diag::error(at, format!("{what}; expected {}", names.join(", ")))
        }
    }
}

/// A terminal name from LALRPOP's expected list, for a message.
fn pretty_expected(e: &str) -> String {
    match e {
        "Ident" => "identifier".into(),
        "TdName" => "type name".into(),
        "IntLit" | "FloatLit" | "CharLit" => "constant".into(),
        "StrLit" => "string literal".into(),
        _ => {
            let s = e.trim_matches('"');
            format!("'{s}'")
        }
    }
}

fn describe(t: &Tok, text: Option<&str>) -> String {
    match t {
        Tok::Ident(n) | Tok::TypeName(n) => format!("identifier '{n}'"),
        Tok::Int(_) | Tok::Float(_) | Tok::Char(_) => "constant".into(),
        Tok::Str(_) => "string literal".into(),
        _ => format!("'{}'", text.unwrap_or("?")),
    }
}

impl Iterator for Adapter {
    type Item = Result<(Loc, Tok, Loc), PErr>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        let inserted = self.pending.is_some();
        let (mut tok, mut pp) = match self.pending.take() {
            Some(x) => x,
            None => match self.convert()? {
                Ok(x) => x,
                Err(e) => {
                    self.done = true;
                    return Some(Err(e));
                }
            },
        };
        let implicit = match &tok {
            _ if inserted => None,
            Tok::Ident(name) => self.implicit_int(name),
            Tok::Star => self.implicit_int_pointer(),
            _ => None,
        };
        if let Some(msg) = implicit {
            self.diags.push(Diag::warning(pp.loc, msg));
            let int = PpToken {
                kind: PpKind::Ident,
                text: "int".into(),
                ..pp.clone()
            };
            self.pending = Some((tok, pp));
            (tok, pp) = (Tok::Int_, int);
        }
        self.note_prefix(&tok);
        let stmt_start = match self.track(&tok, pp.loc) {
            Ok(s) => s,
            Err(e) => {
                self.done = true;
                return Some(Err(e));
            }
        };
        let end = end_of(pp.loc, &pp.text);
        let em = Emitted {
            tok: light(&tok),
            text: pp.text,
            loc: pp.loc,
            end,
            stmt_start,
        };
        self.third_last = std::mem::replace(&mut self.before_last, self.last.replace(em));
        Some(Ok((pp.loc, tok, end)))
    }
}
