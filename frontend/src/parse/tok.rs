//! Parser tokens: what the adapter turns preprocessing tokens into and the LALRPOP grammar
//! (grammar/c.lalrpop) consumes — keywords, names, converted literals and punctuators.

use crate::ast::CharPrefix;
use crate::source::Loc;

/// A converted integer constant.
#[derive(Clone, Debug, PartialEq)]
pub struct IntTok {
    pub value: u128,
    pub unsigned: bool,
    pub longs: u8,
    pub decimal: bool,
}

/// A converted floating constant.
#[derive(Clone, Debug, PartialEq)]
pub struct FloatTok {
    pub value: f64,
    pub suffix: Option<char>,
    pub text: String,
}

/// A converted character constant.
#[derive(Clone, Debug, PartialEq)]
pub struct CharTok {
    pub value: i64,
    pub prefix: CharPrefix,
}

/// Adjacent string literals after concatenation: code units without the terminating zero.
#[derive(Clone, Debug, PartialEq)]
pub struct StrTok {
    pub units: Vec<u32>,
    pub prefix: CharPrefix,
}

/// A parse error raised by the adapter (fatal) or by a grammar action.
#[derive(Clone, Debug, PartialEq)]
pub struct PErr {
    pub loc: Loc,
    pub msg: String,
}

macro_rules! keywords {
    ($( $var:ident = $($spelling:literal)|+ ;)*) => {
        /// A parser token. Keywords with GNU alternative spellings are folded into one variant.
        #[derive(Clone, Debug, PartialEq)]
        pub enum Tok {
            $( $var, )*
            Ident(String),
            /// An identifier that currently names a typedef.
            TypeName(String),
            Int(IntTok),
            Float(FloatTok),
            /// A GNU imaginary constant (`2.0i`): its value and whether it is float.
            ImagNum(FloatTok),
            Char(CharTok),
            /// Adjacent string literals, concatenated.
            Str(StrTok),
            /// `_Atomic` immediately followed by `(`: the type specifier `_Atomic(type-name)`.
            AtomicSpec,
            // Punctuators.
            LBracket, RBracket, LParen, RParen, LBrace, RBrace, Dot, Arrow, PlusPlus,
            MinusMinus, Amp, Star, Plus, Minus, Tilde, Bang, Slash, Percent, Shl, Shr, Lt, Gt,
            Le, Ge, EqEq, Ne, Caret, Pipe, AmpAmp, PipePipe, Question, Colon, Semi, Ellipsis,
            Assign, StarEq, SlashEq, PercentEq, PlusEq, MinusEq, ShlEq, ShrEq, AmpEq, CaretEq,
            PipeEq, Comma,
        }

        /// The main spelling of a keyword token.
        pub fn keyword_name(t: &Tok) -> Option<&'static str> {
            Some(match t {
                $( Tok::$var => [$($spelling),+][0], )*
                Tok::AtomicSpec => "_Atomic",
                _ => return None,
            })
        }

        /// The keyword spelled `s`, if any.
        pub fn keyword(s: &str) -> Option<Tok> {
            Some(match s {
                $( $($spelling)|+ => Tok::$var, )*
                _ => return None,
            })
        }
    };
}

keywords! {
    Auto = "auto";
    Break = "break";
    Case = "case";
    Char_ = "char";
    Const = "const" | "__const" | "__const__";
    Continue = "continue";
    Default = "default";
    Do = "do";
    Double = "double";
    Else = "else";
    Enum = "enum";
    Extern = "extern";
    Float_ = "float";
    For = "for";
    Goto = "goto";
    If = "if";
    Inline = "inline" | "__inline" | "__inline__";
    Int_ = "int";
    Long = "long";
    Register = "register";
    Restrict = "restrict" | "__restrict" | "__restrict__";
    Return = "return";
    Short = "short";
    Signed = "signed" | "__signed" | "__signed__";
    Sizeof = "sizeof";
    Static = "static";
    Struct = "struct";
    Switch = "switch";
    Typedef = "typedef";
    Union = "union";
    Unsigned = "unsigned";
    Void = "void";
    Volatile = "volatile" | "__volatile" | "__volatile__";
    While = "while";
    Alignas = "_Alignas";
    Alignof = "_Alignof" | "__alignof" | "__alignof__";
    Atomic = "_Atomic";
    Bool = "_Bool";
    Complex = "_Complex" | "__complex__" | "__complex";
    Generic = "_Generic";
    Noreturn = "_Noreturn";
    StaticAssert = "_Static_assert";
    ThreadLocal = "_Thread_local" | "__thread";
    Attribute = "__attribute__" | "__attribute";
    Asm = "asm" | "__asm" | "__asm__";
    Typeof = "typeof" | "__typeof" | "__typeof__";
    VaList = "__builtin_va_list";
    VaArg = "__builtin_va_arg";
    Offsetof = "__builtin_offsetof";
    TypesCompatible = "__builtin_types_compatible_p";
    Int128 = "__int128" | "__int128_t" | "__uint128_t";
    AutoType = "__auto_type";
    LocalLabel = "__label__";
    Real = "__real__" | "__real";
    Imag = "__imag__" | "__imag";
    // `#pragma pack(...)`, turned into tokens by the preprocessor: `__crepl_pragma_pack(N)`.
    PragmaPack = "__crepl_pragma_pack";
}

/// The punctuator spelled `s`, if any.
pub fn punct(s: &str) -> Option<Tok> {
    use Tok::*;
    Some(match s {
        "[" => LBracket,
        "]" => RBracket,
        "(" => LParen,
        ")" => RParen,
        "{" => LBrace,
        "}" => RBrace,
        "." => Dot,
        "->" => Arrow,
        "++" => PlusPlus,
        "--" => MinusMinus,
        "&" => Amp,
        "*" => Star,
        "+" => Plus,
        "-" => Minus,
        "~" => Tilde,
        "!" => Bang,
        "/" => Slash,
        "%" => Percent,
        "<<" => Shl,
        ">>" => Shr,
        "<" => Lt,
        ">" => Gt,
        "<=" => Le,
        ">=" => Ge,
        "==" => EqEq,
        "!=" => Ne,
        "^" => Caret,
        "|" => Pipe,
        "&&" => AmpAmp,
        "||" => PipePipe,
        "?" => Question,
        ":" => Colon,
        ";" => Semi,
        "..." => Ellipsis,
        "=" => Assign,
        "*=" => StarEq,
        "/=" => SlashEq,
        "%=" => PercentEq,
        "+=" => PlusEq,
        "-=" => MinusEq,
        "<<=" => ShlEq,
        ">>=" => ShrEq,
        "&=" => AmpEq,
        "^=" => CaretEq,
        "|=" => PipeEq,
        "," => Comma,
        // Digraphs, in case they arrive unconverted.
        "<:" => LBracket,
        ":>" => RBracket,
        "<%" => LBrace,
        "%>" => RBrace,
        _ => return None,
    })
}

/// The spelling of a punctuator token.
pub fn punct_spelling(t: &Tok) -> Option<&'static str> {
    use Tok::*;
    Some(match t {
        LBracket => "[",
        RBracket => "]",
        LParen => "(",
        RParen => ")",
        LBrace => "{",
        RBrace => "}",
        Dot => ".",
        Arrow => "->",
        PlusPlus => "++",
        MinusMinus => "--",
        Amp => "&",
        Star => "*",
        Plus => "+",
        Minus => "-",
        Tilde => "~",
        Bang => "!",
        Slash => "/",
        Percent => "%",
        Shl => "<<",
        Shr => ">>",
        Lt => "<",
        Gt => ">",
        Le => "<=",
        Ge => ">=",
        EqEq => "==",
        Ne => "!=",
        Caret => "^",
        Pipe => "|",
        AmpAmp => "&&",
        PipePipe => "||",
        Question => "?",
        Colon => ":",
        Semi => ";",
        Ellipsis => "...",
        Assign => "=",
        StarEq => "*=",
        SlashEq => "/=",
        PercentEq => "%=",
        PlusEq => "+=",
        MinusEq => "-=",
        ShlEq => "<<=",
        ShrEq => ">>=",
        AmpEq => "&=",
        CaretEq => "^=",
        PipeEq => "|=",
        Comma => ",",
        _ => return None,
    })
}
