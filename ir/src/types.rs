//! C types as the executor sees them: canonical (typedefs resolved), with System V x86-64
//! (LP64) sizes and alignments, and the printed spelling clang-repl uses.

use serde::{Deserialize, Serialize};

/// Index of a struct/union in the session's record table (grows across inputs).
pub type RecordId = u32;
/// Index of an enum in the session's enum table.
pub type EnumId = u32;

#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Type {
    pub kind: TypeKind,
    pub is_const: bool,
    pub is_volatile: bool,
    /// `_Atomic`: stores and read-modify-writes of such an object are atomic.
    #[serde(default)]
    pub is_atomic: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum TypeKind {
    Void,
    Bool,
    Char,
    SChar,
    UChar,
    Short,
    UShort,
    Int,
    UInt,
    Long,
    ULong,
    LongLong,
    ULongLong,
    Float,
    Double,
    LongDouble,
    Pointer(Box<Type>),
    /// Element type and length (`None`: incomplete, `int a[]`).
    Array(Box<Type>, Option<u64>),
    /// A variable-length array: element type and the frame slot that holds its length
    /// (an unsigned long, computed when the declaration runs). Its size is known only then.
    Vla(Box<Type>, u32),
    Function(Box<FnType>),
    Struct(RecordId),
    Union(RecordId),
    /// An enum; `true` if unsigned (GCC: no enumerator is negative, so the compatible
    /// integer type is unsigned int), else int.
    Enum(EnumId, bool),
    /// `__builtin_va_list`: the System V `struct __va_list_tag[1]`.
    VaList,
}

#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct FnType {
    pub ret: Type,
    pub params: Vec<Type>,
    pub variadic: bool,
    /// `int f()`: no prototype; calls are not checked and arguments are promoted.
    pub unprototyped: bool,
}

impl Type {
    pub const fn new(kind: TypeKind) -> Type {
        Type {
            kind,
            is_const: false,
            is_volatile: false,
            is_atomic: false,
        }
    }
    pub const fn int() -> Type {
        Type::new(TypeKind::Int)
    }
    pub const fn void() -> Type {
        Type::new(TypeKind::Void)
    }
    pub fn ptr_to(t: Type) -> Type {
        Type::new(TypeKind::Pointer(Box::new(t)))
    }
    pub fn unqual(&self) -> Type {
        Type {
            kind: self.kind.clone(),
            is_const: false,
            is_volatile: false,
            is_atomic: false,
        }
    }
    pub fn with_const(mut self, c: bool) -> Type {
        self.is_const |= c;
        self
    }

    pub fn is_integer(&self) -> bool {
        use TypeKind::*;
        matches!(
            self.kind,
            Bool | Char
                | SChar
                | UChar
                | Short
                | UShort
                | Int
                | UInt
                | Long
                | ULong
                | LongLong
                | ULongLong
                | Enum(..)
        )
    }
    pub fn is_float(&self) -> bool {
        matches!(
            self.kind,
            TypeKind::Float | TypeKind::Double | TypeKind::LongDouble
        )
    }
    pub fn is_arith(&self) -> bool {
        self.is_integer() || self.is_float()
    }
    pub fn is_pointer(&self) -> bool {
        matches!(self.kind, TypeKind::Pointer(_))
    }
    pub fn is_scalar(&self) -> bool {
        self.is_arith() || self.is_pointer()
    }
    pub fn is_void(&self) -> bool {
        matches!(self.kind, TypeKind::Void)
    }
    pub fn is_array(&self) -> bool {
        matches!(self.kind, TypeKind::Array(..) | TypeKind::Vla(..))
    }

    /// True if this type or an array inside it has a run-time length.
    pub fn has_vla(&self) -> bool {
        match &self.kind {
            TypeKind::Vla(..) => true,
            TypeKind::Array(e, _) => e.has_vla(),
            _ => false,
        }
    }
    pub fn is_function(&self) -> bool {
        matches!(self.kind, TypeKind::Function(_))
    }
    pub fn is_record(&self) -> bool {
        matches!(self.kind, TypeKind::Struct(_) | TypeKind::Union(_))
    }
    /// Struct, union, array or va_list: values live in memory and are handled by address.
    pub fn is_aggregate(&self) -> bool {
        matches!(
            self.kind,
            TypeKind::Struct(_)
                | TypeKind::Union(_)
                | TypeKind::Array(..)
                | TypeKind::Vla(..)
                | TypeKind::VaList
        )
    }
    pub fn is_signed(&self) -> bool {
        use TypeKind::*;
        matches!(
            self.kind,
            Char | SChar | Short | Int | Long | LongLong | Enum(_, false)
        )
    }
    pub fn pointee(&self) -> Option<&Type> {
        match &self.kind {
            TypeKind::Pointer(t) => Some(t),
            _ => None,
        }
    }
    pub fn elem(&self) -> Option<&Type> {
        match &self.kind {
            TypeKind::Array(t, _) | TypeKind::Vla(t, _) => Some(t),
            _ => None,
        }
    }
    pub fn fn_type(&self) -> Option<&FnType> {
        match &self.kind {
            TypeKind::Function(f) => Some(f),
            _ => None,
        }
    }
    /// The type of a character of this char-ish type, if any (for string-like printing).
    pub fn is_char_like(&self) -> bool {
        matches!(
            self.kind,
            TypeKind::Char | TypeKind::SChar | TypeKind::UChar
        )
    }

    /// How the interpreter and the call machinery move a value of this type.
    pub fn scalar_kind(&self) -> Option<Scalar> {
        use TypeKind::*;
        Some(match self.kind {
            Bool => Scalar::U8,
            Char | SChar => Scalar::I8,
            UChar => Scalar::U8,
            Short => Scalar::I16,
            UShort => Scalar::U16,
            Int | Enum(_, false) => Scalar::I32,
            Enum(_, true) => Scalar::U32,
            UInt => Scalar::U32,
            Long | LongLong => Scalar::I64,
            ULong | ULongLong | Pointer(_) => Scalar::U64,
            Float => Scalar::F32,
            Double => Scalar::F64,
            LongDouble => Scalar::F80,
            _ => return None,
        })
    }
}

/// Machine representation of a scalar value.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Scalar {
    I8,
    U8,
    I16,
    U16,
    I32,
    U32,
    I64,
    U64,
    F32,
    F64,
    /// x87 80-bit extended, stored in 16 bytes.
    F80,
}

impl Scalar {
    pub fn size(self) -> u64 {
        match self {
            Scalar::I8 | Scalar::U8 => 1,
            Scalar::I16 | Scalar::U16 => 2,
            Scalar::I32 | Scalar::U32 | Scalar::F32 => 4,
            Scalar::I64 | Scalar::U64 | Scalar::F64 => 8,
            Scalar::F80 => 16,
        }
    }
    pub fn is_float(self) -> bool {
        matches!(self, Scalar::F32 | Scalar::F64 | Scalar::F80)
    }
    pub fn is_signed(self) -> bool {
        matches!(self, Scalar::I8 | Scalar::I16 | Scalar::I32 | Scalar::I64)
    }

    /// Integer bits truncated to this kind's width and re-extended by its signedness: how
    /// every tier keeps integer values in 64 bits.
    #[inline]
    pub fn normalize(self, v: u64) -> u64 {
        match self {
            Scalar::I8 => v as i8 as i64 as u64,
            Scalar::U8 => v as u8 as u64,
            Scalar::I16 => v as i16 as i64 as u64,
            Scalar::U16 => v as u16 as u64,
            Scalar::I32 => v as i32 as i64 as u64,
            Scalar::U32 => v as u32 as u64,
            _ => v,
        }
    }

    /// The value bits of a double converted to this kind (not long double, whose value
    /// does not fit in 64 bits). Out-of-range conversions to integers, undefined in C,
    /// saturate to the 64-bit range, then wrap to the kind's width: every tier gives
    /// these same bits.
    #[inline]
    pub fn from_f64(self, f: f64) -> u64 {
        match self {
            Scalar::F32 => (f as f32).to_bits() as u64,
            Scalar::F64 => f.to_bits(),
            Scalar::F80 => panic!("a long double value needs storage"),
            Scalar::U64 if f >= 9223372036854775808.0 => f as u64,
            s => s.normalize(f as i64 as u64),
        }
    }
}

/// One member of a struct or union, with its ABI offset.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Field {
    /// `None` for an anonymous struct/union member or an unnamed bit-field.
    pub name: Option<String>,
    pub ty: Type,
    pub offset: u64,
    /// Bit-field: (bit offset within the storage unit at `offset`, width).
    pub bits: Option<(u32, u32)>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Record {
    pub is_union: bool,
    /// The tag (`struct P` -> "P").
    pub tag: Option<String>,
    /// For an anonymous record, the first typedef that names it (`typedef struct {..} Person`).
    pub typedef_name: Option<String>,
    /// `None` while incomplete.
    pub layout: Option<RecordLayout>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RecordLayout {
    pub fields: Vec<Field>,
    pub size: u64,
    pub align: u64,
    /// Has a flexible array member.
    pub flexible: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EnumDef {
    pub tag: Option<String>,
    pub typedef_name: Option<String>,
    pub items: Vec<(String, i64)>,
}

/// The session's struct/union and enum definitions, shared by both processes (the front end
/// sends additions with each module).
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct TypeTable {
    pub records: Vec<Record>,
    pub enums: Vec<EnumDef>,
}

impl TypeTable {
    /// Size in bytes. Incomplete types and functions have size 0 here; sema rejects their use.
    pub fn size_of(&self, t: &Type) -> u64 {
        use TypeKind::*;
        match &t.kind {
            Void | Function(_) => 1,
            Bool | Char | SChar | UChar => 1,
            Short | UShort => 2,
            Int | UInt | Float | Enum(..) => 4,
            Long | ULong | LongLong | ULongLong | Double | Pointer(_) => 8,
            LongDouble => 16,
            VaList => 24,
            Array(e, n) => self.size_of(e) * n.unwrap_or(0),
            // Known only at run time (sema computes it from the length slot).
            Vla(..) => 0,
            Struct(id) | Union(id) => self
                .records
                .get(*id as usize)
                .and_then(|r| r.layout.as_ref())
                .map_or(0, |l| l.size),
        }
    }

    pub fn align_of(&self, t: &Type) -> u64 {
        use TypeKind::*;
        match &t.kind {
            Void | Function(_) => 1,
            Array(e, _) | Vla(e, _) => self.align_of(e),
            Struct(id) | Union(id) => self
                .records
                .get(*id as usize)
                .and_then(|r| r.layout.as_ref())
                .map_or(1, |l| l.align),
            VaList => 8,
            _ => self.size_of(t),
        }
    }

    pub fn is_complete(&self, t: &Type) -> bool {
        match &t.kind {
            TypeKind::Void => false,
            TypeKind::Array(e, n) => n.is_some() && self.is_complete(e),
            TypeKind::Struct(id) | TypeKind::Union(id) => self
                .records
                .get(*id as usize)
                .is_some_and(|r| r.layout.is_some()),
            _ => true,
        }
    }

    pub fn record(&self, id: RecordId) -> &Record {
        &self.records[id as usize]
    }

    /// The type as clang prints it: `int`, `const char *`, `int[3]`, `int (*)(int)`,
    /// `struct P`, `Person` (anonymous struct named by a typedef).
    pub fn type_name(&self, t: &Type) -> String {
        self.declare(t, "")
    }

    /// Writes a declaration of `name` with type `t` (C declarator syntax); with an empty
    /// name, the type name.
    pub fn declare(&self, t: &Type, name: &str) -> String {
        let mut inner = name.to_string();
        let mut cur = t;
        // Walk derived types from the outside in, wrapping the declarator as C requires.
        loop {
            match &cur.kind {
                TypeKind::Pointer(p) => {
                    let q = quals(cur);
                    let star = if q.is_empty() {
                        format!("*{inner}")
                    } else if inner.is_empty() || inner.starts_with('[') || inner.starts_with('(') {
                        format!("*{q}{inner}")
                    } else {
                        format!("*{q} {inner}")
                    };
                    inner = if matches!(
                        p.kind,
                        TypeKind::Array(..) | TypeKind::Vla(..) | TypeKind::Function(_)
                    ) {
                        format!("({star})")
                    } else {
                        star
                    };
                    cur = p;
                }
                TypeKind::Array(e, n) => {
                    let dim = n.map(|n| n.to_string()).unwrap_or_default();
                    inner = format!("{inner}[{dim}]");
                    cur = e;
                }
                TypeKind::Vla(e, _) => {
                    inner = format!("{inner}[*]");
                    cur = e;
                }
                TypeKind::Function(f) => {
                    let mut ps: Vec<String> = f.params.iter().map(|p| self.type_name(p)).collect();
                    if f.variadic {
                        ps.push("...".into());
                    }
                    if ps.is_empty() && !f.unprototyped {
                        ps.push("void".into());
                    }
                    inner = format!("{inner}({})", ps.join(", "));
                    cur = &f.ret;
                }
                _ => {
                    let mut base = self.base_name(cur);
                    if cur.is_atomic {
                        // As clang prints it.
                        base = format!("_Atomic({base})");
                    }
                    let q = quals(cur);
                    let base = if q.is_empty() {
                        base
                    } else {
                        format!("{q} {base}")
                    };
                    if inner.is_empty() {
                        return base;
                    }
                    let sep = if inner.starts_with('*')
                        || inner.starts_with('(') && !inner.starts_with("()")
                    {
                        " "
                    } else if inner.starts_with('[') || inner.starts_with('(') {
                        ""
                    } else {
                        " "
                    };
                    return format!("{base}{sep}{inner}");
                }
            }
        }
    }

    fn base_name(&self, t: &Type) -> String {
        use TypeKind::*;
        match &t.kind {
            Void => "void".into(),
            Bool => "_Bool".into(),
            Char => "char".into(),
            SChar => "signed char".into(),
            UChar => "unsigned char".into(),
            Short => "short".into(),
            UShort => "unsigned short".into(),
            Int => "int".into(),
            UInt => "unsigned int".into(),
            Long => "long".into(),
            ULong => "unsigned long".into(),
            LongLong => "long long".into(),
            ULongLong => "unsigned long long".into(),
            Float => "float".into(),
            Double => "double".into(),
            LongDouble => "long double".into(),
            VaList => "__builtin_va_list".into(),
            Struct(id) | Union(id) => {
                let r = &self.records[*id as usize];
                let kw = if r.is_union { "union" } else { "struct" };
                match (&r.tag, &r.typedef_name) {
                    (Some(tag), _) => format!("{kw} {tag}"),
                    (None, Some(td)) => td.clone(),
                    (None, None) => format!("{kw} (unnamed)"),
                }
            }
            Enum(id, _) => {
                let e = &self.enums[*id as usize];
                match (&e.tag, &e.typedef_name) {
                    (Some(tag), _) => format!("enum {tag}"),
                    (None, Some(td)) => td.clone(),
                    (None, None) => "enum (unnamed)".into(),
                }
            }
            Pointer(_) | Array(..) | Vla(..) | Function(_) => {
                unreachable!("derived types are handled by declare")
            }
        }
    }
}

fn quals(t: &Type) -> &'static str {
    match (t.is_const, t.is_volatile) {
        (true, true) => "const volatile",
        (true, false) => "const",
        (false, true) => "volatile",
        (false, false) => "",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(k: TypeKind) -> Type {
        Type::new(k)
    }

    #[test]
    fn type_names() {
        let tt = TypeTable::default();
        let int = Type::int();
        assert_eq!(tt.type_name(&int), "int");
        assert_eq!(
            tt.type_name(&Type::ptr_to(Type::new(TypeKind::Char).with_const(true))),
            "const char *"
        );
        assert_eq!(
            tt.type_name(&t(TypeKind::Array(Box::new(int.clone()), Some(3)))),
            "int[3]"
        );
        let f = t(TypeKind::Function(Box::new(FnType {
            ret: int.clone(),
            params: vec![int.clone()],
            variadic: false,
            unprototyped: false,
        })));
        assert_eq!(tt.type_name(&Type::ptr_to(f.clone())), "int (*)(int)");
        assert_eq!(tt.type_name(&f), "int (int)");
        let pa = Type::ptr_to(t(TypeKind::Array(Box::new(int.clone()), Some(4))));
        assert_eq!(tt.type_name(&pa), "int (*)[4]");
        let a2 = t(TypeKind::Array(
            Box::new(t(TypeKind::Array(Box::new(int.clone()), Some(2)))),
            Some(3),
        ));
        assert_eq!(tt.type_name(&a2), "int[3][2]");
        let cp = Type {
            kind: TypeKind::Pointer(Box::new(int.clone())),
            is_const: true,
            is_volatile: false,
            is_atomic: false,
        };
        assert_eq!(tt.type_name(&cp), "int *const");
        assert_eq!(tt.declare(&cp, "p"), "int *const p");
        assert_eq!(tt.declare(&a2, "m"), "int m[3][2]");
        assert_eq!(tt.declare(&f, "sq"), "int sq(int)");
    }
}
