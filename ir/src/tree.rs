//! The typed IR tree: expressions and statements after semantic analysis.
//!
//! Conventions every tier relies on:
//! - Every implicit conversion is explicit (`Cast`); both operands of `Binary` have the
//!   node's operand type, already converted.
//! - An lvalue node (`Local`, `Global`, `Deref`, `Member`) evaluates to an address; `Load`
//!   reads a scalar from it. An expression of aggregate type (struct, union, array) also
//!   evaluates to an address (of the object or of a temporary).
//! - Names are resolved: locals are frame offsets, globals and functions are table ids.
//!   Nothing is looked up by name at run time.
//! - Scalars of integer type are kept sign- or zero-extended to 64 bits according to their
//!   type; float values are f32 or f64 bit patterns.
//! - `long double` (x87 80-bit, 16 bytes) does not fit in 64 bits: like an aggregate, an
//!   expression of that type evaluates to the address of its value (an lvalue's own
//!   storage, or a temporary the tier provides), and a call returning one writes it to
//!   `Call::ret_slot`. Every node whose value is a long double has that type.

use crate::types::{FnType, Scalar, Type};
use serde::{Deserialize, Serialize};

/// Index of a global variable (or string literal) in the session's global table.
pub type GlobalId = u32;
/// Index of a function's slot in the executor's function table.
pub type FuncId = u32;
/// A label (user label, `case`, `default`), unique within one function.
pub type LabelId = u32;

/// The value of GNU `&&label`: this plus the label's id. Opaque to the program; only
/// `goto *` inside the same function interprets it.
pub const LABEL_VALUE_BASE: u64 = 0x1abe_1000_0000_0000;

/// The on-stack-replacement key of label `l`: where a loop made of `goto` (plain or
/// computed) continues in compiled code. Loops built with `for`, `while` and `do` are keyed
/// by their statement's address, which never has the top bit set.
pub fn label_osr_key(l: LabelId) -> usize {
    (1usize << 63) | l as usize
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Expr {
    pub kind: ExprKind,
    pub ty: Type,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum UnOp {
    Neg,
    BitNot,
    /// `!x`: int 0 or 1.
    LogNot,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum BinOp {
    Add,
    Sub,
    Mul,
    Div,
    Rem,
    Shl,
    Shr,
    And,
    Or,
    Xor,
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
}

impl BinOp {
    pub fn is_comparison(self) -> bool {
        matches!(
            self,
            BinOp::Eq | BinOp::Ne | BinOp::Lt | BinOp::Le | BinOp::Gt | BinOp::Ge
        )
    }
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub enum ExprKind {
    /// Integer constant of the node's type.
    Int(i64),
    /// Floating constant of the node's type (float or double).
    Float(f64),
    /// Constant of type long double (its exact 80-bit value).
    LongDouble(crate::F80),

    // Lvalues: evaluate to an address.
    /// A local variable at this offset in the current frame.
    Local(u32),
    Global(GlobalId),
    /// `*p`: the pointer's value is the address.
    Deref(Box<Expr>),
    /// Member at a byte offset of an aggregate (lvalue or temporary).
    Member(Box<Expr>, u64),
    /// Bit-field member: the storage unit (an lvalue of the unit's integer type),
    /// bit offset, width. Load/Assign on it extract/insert the bits. A packed field may
    /// continue one byte past an 8-byte unit (`bit + width` ≤ 72: see `bits`).
    BitField(Box<Expr>, u32, u32),

    /// Address of a function's entry (the function designator after decay).
    FuncAddr(FuncId),
    /// Read a scalar from an lvalue.
    Load(Box<Expr>),
    /// The address of an lvalue (also array-to-pointer decay).
    AddrOf(Box<Expr>),
    Unary(UnOp, Box<Expr>),
    /// Operands already converted to `op_ty`; comparisons give int.
    Binary {
        op: BinOp,
        op_ty: Scalar,
        lhs: Box<Expr>,
        rhs: Box<Expr>,
    },
    /// pointer + index * scale (index is a long).
    PtrAdd(Box<Expr>, Box<Expr>, u64),
    /// (a - b) / scale, as long.
    PtrDiff(Box<Expr>, Box<Expr>, u64),
    LogAnd(Box<Expr>, Box<Expr>),
    LogOr(Box<Expr>, Box<Expr>),
    /// `c ? a : b`; `c` is any scalar (tested against zero).
    Cond(Box<Expr>, Box<Expr>, Box<Expr>),
    Comma(Box<Expr>, Box<Expr>),
    /// Convert the operand's value to the node's type (scalars; to void discards).
    Cast(Box<Expr>),
    /// Store into an lvalue; the value is the stored value (for aggregates: the lvalue's
    /// address after a byte copy).
    Assign(Box<Expr>, Box<Expr>),
    /// `lv op= rhs`: load lv, convert to `op_ty`, apply op with rhs (already `op_ty`),
    /// convert back to lv's type, store. Value is the stored value.
    OpAssign {
        op: BinOp,
        op_ty: Scalar,
        lv: Box<Expr>,
        rhs: Box<Expr>,
    },
    /// `p += n` / `p -= n` on a pointer lvalue; rhs is a long.
    PtrOpAssign {
        lv: Box<Expr>,
        rhs: Box<Expr>,
        scale: u64,
        sub: bool,
    },
    /// `++`/`--`: on integers and floats by 1, on pointers by `scale` bytes.
    IncDec {
        lv: Box<Expr>,
        inc: bool,
        post: bool,
        scale: u64,
    },
    Call(Box<Call>),
    /// Run a statement, then evaluate the expression (compound literals, statement
    /// expressions, initialization of temporaries).
    Seq(Box<Stmt>, Box<Expr>),
    /// `va_start(ap)`: the operand is a pointer to the va_list; the number is the frame
    /// slot holding the address of this call's variadic arguments (`Function::va_area`).
    VaStart(Box<Expr>, u32),
    /// `va_arg(ap, T)`: the operand is a pointer to the va_list; the node's type is T.
    VaArg(Box<Expr>),
    /// `va_copy(dst, src)`: pointers to the two va_lists.
    VaCopy(Box<Expr>, Box<Expr>),
    /// `setjmp(env)`: records in `env` where to come back (this frame, and the label of the
    /// statement that contains this call, which runs again after a `longjmp`); value 0,
    /// or the `longjmp` value when coming back.
    SetJmp(Box<Expr>, LabelId),
    /// `longjmp(env, val)`: back to the `setjmp` that filled `env`.
    LongJmp(Box<Expr>, Box<Expr>),
    /// Storage for a variable-length array: the operand is its size in bytes (unsigned
    /// long); the value is its address. It lives until the enclosing `Stmt::Scoped` ends.
    Alloca(Box<Expr>),
    /// The address of the running function's frame (its locals are at fixed offsets from
    /// it): the static chain a nested function (GNU C) reaches the enclosing function's
    /// locals through. Compiled tiers refuse it (their register variables would not be seen
    /// through the frame).
    FrameBase,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Call {
    /// Evaluates to a function address (usually `FuncAddr`).
    pub callee: Expr,
    /// Arguments converted to the parameter types; variadic extras already promoted.
    pub args: Vec<Expr>,
    pub fty: FnType,
    /// For a struct, union or long double result: a frame slot the result is written to.
    pub ret_slot: Option<u32>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub enum Stmt {
    Expr(Expr),
    Block(Block),
    If(Expr, Box<Stmt>, Option<Box<Stmt>>),
    While(Expr, Box<Stmt>),
    DoWhile(Box<Stmt>, Expr),
    For(Option<Box<Stmt>>, Option<Expr>, Option<Expr>, Box<Stmt>),
    /// `cond` is an integer of type long (already promoted and widened). Control goes to
    /// the label of the matching case (ranges inclusive), else to `default`, else past the
    /// body.
    Switch {
        cond: Expr,
        cases: Vec<(i64, i64, LabelId)>,
        default: Option<LabelId>,
        body: Box<Stmt>,
    },
    Label(LabelId, Box<Stmt>),
    Goto(LabelId),
    /// GNU `goto *p`: `p` holds a label's value (`&&label`, `LABEL_VALUE_BASE + id`).
    GotoDyn(Expr),
    Break,
    Continue,
    /// For a struct/union result the expression evaluates to its address and the value is
    /// copied to the caller's result slot.
    Return(Option<Expr>),
    /// Zero `size` bytes at the address the expression evaluates to.
    Zero(Expr, u64),
    /// Copy `size` bytes: (destination address, source address).
    Copy(Expr, Expr, u64),
    /// A block that declares variable-length arrays: their storage is released when
    /// control leaves it, however it leaves.
    Scoped(Box<Stmt>),
    /// `__attribute__((cleanup(f)))`: run the body, then the cleanup (`f(&var)`) however
    /// control leaves the body (falling off its end, break, continue, return, a goto out);
    /// not when a longjmp or a trap unwinds through it (as in gcc).
    Cleanup(Box<Stmt>, Box<Stmt>),
}

/// The first word of a `jmp_buf` that setjmp filled (then the frame and the label of the
/// statement to run again), in every tier.
pub const JMP_MAGIC: u64 = 0x6372_6570_6c6a_6d70;

/// The `LongJmp` value of a non-local goto (from a nested function to a label of an
/// enclosing one): the target runs its labelled statement with no setjmp value pending.
pub const NONLOCAL_GOTO: i32 = i32::MIN;

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct Block {
    pub stmts: Vec<Stmt>,
    /// Every label defined anywhere inside this block (for `goto` and `switch`).
    pub labels: Vec<LabelId>,
}

impl Stmt {
    /// Appends every label defined in this statement (anywhere inside it) to `out`. A
    /// block contributes its precomputed `labels`.
    pub fn collect_labels(&self, out: &mut Vec<LabelId>) {
        match self {
            Stmt::Label(l, inner) => {
                out.push(*l);
                inner.collect_labels(out);
            }
            Stmt::Block(b) => out.extend_from_slice(&b.labels),
            Stmt::If(_, t, e) => {
                t.collect_labels(out);
                if let Some(e) = e {
                    e.collect_labels(out);
                }
            }
            Stmt::While(_, b) | Stmt::DoWhile(b, _) | Stmt::For(_, _, _, b) | Stmt::Scoped(b) => {
                b.collect_labels(out)
            }
            Stmt::Switch { body, .. } => body.collect_labels(out),
            // Labels in the cleanup are not jump targets from outside.
            Stmt::Cleanup(body, _) => body.collect_labels(out),
            Stmt::Expr(_)
            | Stmt::Goto(_)
            | Stmt::GotoDyn(_)
            | Stmt::Break
            | Stmt::Continue
            | Stmt::Return(_)
            | Stmt::Zero(..)
            | Stmt::Copy(..) => {}
        }
    }
}

impl Expr {
    pub fn new(kind: ExprKind, ty: Type) -> Expr {
        Expr { kind, ty }
    }
}
