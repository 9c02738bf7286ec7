//! Nesting guard: turns the token stream into a conservative upper bound on how deeply the
//! syntax tree being built nests, so chains without brackets (`a+a+...`, `- - - x`,
//! `else if` ladders) cannot produce trees deep enough to overflow recursive consumers.
//!
//! Every bracket level counts the tokens that can add a tree level (operators, statement
//! keywords, closed inner brackets); a count is reset only where no expression or statement
//! can span the reset point. The sum over open levels bounds the depth of the tree.

use super::tok::Tok;

/// Maximum nesting bound accepted (see the module comment).
pub const MAX_NESTING: usize = 10_000;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Top,
    /// `(`; `call` if it follows a name or a closing bracket (arguments, parameters).
    Paren {
        call: bool,
    },
    Bracket,
    /// `{`; `list` for initializer lists and struct/union/enum bodies.
    Brace {
        list: bool,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Pending {
    None,
    /// After `;`: reset unless `else` follows.
    Semi,
    /// After a `}`: reset if a new statement or declaration obviously starts.
    Brace,
}

#[derive(Debug)]
struct Level {
    kind: Kind,
    count: usize,
    max: usize,
    pending: Pending,
}

impl Level {
    fn new(kind: Kind) -> Level {
        Level {
            kind,
            count: 0,
            max: 0,
            pending: Pending::None,
        }
    }
}

#[derive(Debug)]
pub struct NestingGuard {
    levels: Vec<Level>,
    sum: usize,
}

impl Default for NestingGuard {
    fn default() -> Self {
        NestingGuard {
            levels: vec![Level::new(Kind::Top)],
            sum: 0,
        }
    }
}

fn is_keyword(t: &Tok) -> bool {
    super::tok::keyword_name(t).is_some()
}

/// True for tokens that can never continue an expression that ended with `}`.
fn starts_anew(t: &Tok) -> bool {
    match t {
        Tok::Else => false,
        Tok::Ident(_)
        | Tok::TypeName(_)
        | Tok::Int(_)
        | Tok::Float(_)
        | Tok::Char(_)
        | Tok::Str(_) => true,
        Tok::LBrace | Tok::RBrace | Tok::Semi => true,
        t => is_keyword(t),
    }
}

/// Tokens that may add a level to the tree.
fn counts(t: &Tok) -> bool {
    use Tok::*;
    match t {
        LParen | RParen | LBracket | RBracket | LBrace | RBrace | Semi | Comma => false,
        If | Else | While | For | Do | Switch | Case | Default | Sizeof | Alignof => true,
        t => super::tok::punct_spelling(t).is_some(),
    }
}

impl NestingGuard {
    fn reset(&mut self) {
        let l = self.levels.last_mut().expect("top level");
        self.sum -= l.count;
        l.max = l.max.max(l.count);
        l.count = 0;
    }

    fn bump(&mut self, n: usize) {
        let l = self.levels.last_mut().expect("top level");
        l.count += n;
        l.max = l.max.max(l.count);
        self.sum += n;
    }

    /// Accounts for the next token; `prev` is the token before it. Returns false when the
    /// bound exceeds [`MAX_NESTING`].
    pub fn token(&mut self, tok: &Tok, prev: Option<&Tok>, stmt_is_decl: bool) -> bool {
        let pending = std::mem::replace(
            &mut self.levels.last_mut().expect("top level").pending,
            Pending::None,
        );
        match pending {
            Pending::Semi if *tok != Tok::Else => self.reset(),
            Pending::Brace if starts_anew(tok) => self.reset(),
            _ => {}
        }
        let cur = self.levels.last().expect("top level").kind;
        match tok {
            Tok::LParen => {
                let call = matches!(
                    prev,
                    Some(Tok::Ident(_) | Tok::TypeName(_) | Tok::RParen | Tok::RBracket)
                );
                self.levels.push(Level::new(Kind::Paren { call }));
            }
            Tok::LBracket => self.levels.push(Level::new(Kind::Bracket)),
            Tok::LBrace => {
                let list = match prev {
                    Some(Tok::Assign) => true,
                    Some(Tok::Comma | Tok::LBrace) => cur == Kind::Brace { list: true },
                    // struct/union/enum bodies: `struct S {`, `enum {`.
                    Some(Tok::Struct | Tok::Union | Tok::Enum) => true,
                    Some(Tok::Ident(_) | Tok::TypeName(_)) => true,
                    _ => false,
                };
                self.levels.push(Level::new(Kind::Brace { list }));
            }
            Tok::RParen | Tok::RBracket | Tok::RBrace if self.levels.len() > 1 => {
                let l = self.levels.pop().expect("level");
                self.sum -= l.count;
                let inner = l.max.max(l.count) + 1;
                self.bump(inner);
                if *tok == Tok::RBrace {
                    self.levels.last_mut().expect("top level").pending = Pending::Brace;
                }
            }
            Tok::Semi => self.levels.last_mut().expect("top level").pending = Pending::Semi,
            Tok::Comma => {
                let resets = match cur {
                    Kind::Paren { call } => call,
                    Kind::Bracket => false,
                    Kind::Brace { list: true } => true,
                    Kind::Brace { list: false } | Kind::Top => stmt_is_decl,
                };
                if resets {
                    self.reset();
                } else {
                    self.bump(1);
                }
            }
            t if counts(t) => self.bump(1),
            _ => {}
        }
        self.sum <= MAX_NESTING
    }
}
