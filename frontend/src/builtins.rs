//! GCC's builtins as crepl knows them: the C library functions GCC treats as builtins (one
//! table of prototypes, with the header that declares each), and the names `__has_builtin`
//! answers yes for.
//!
//! Sema consults the table when `__builtin_X` is called and `X` is not declared (the call
//! goes to the library's `X`), and for a call to an undeclared library function in a
//! script, which gets the function's real prototype (with GCC's warning) instead of
//! `int f()`, so `p = malloc(n)` does not lose the upper half of the pointer.

use ir::{FnType, Type, TypeKind};
use std::collections::HashMap;
use std::sync::OnceLock;

/// The C library functions GCC knows as builtins, by the header that declares them (`""`:
/// reachable only as `__builtin_X`). In a prototype, `T` stands for `double`, `float` and
/// `long double`: the line declares `name`, `namef` and `namel`. `= sym` names the symbol
/// when it differs from the name (glibc's headers redirect the scanf family the same way).
/// `FILE *` is the stream type (GCC's builtins have it too); `va_list` the System V list.
const LIBRARY: &[(&str, &[&str])] = &[
    (
        "stdlib.h",
        &[
            "void abort(void)",
            "void exit(int)",
            "void _Exit(int)",
            "int abs(int)",
            "long labs(long)",
            "long long llabs(long long)",
            "void *malloc(size_t)",
            "void *calloc(size_t, size_t)",
            "void *realloc(void *, size_t)",
            "void free(void *)",
            "void *aligned_alloc(size_t, size_t)",
            "int posix_memalign(void **, size_t, size_t)",
        ],
    ),
    ("unistd.h", &["void _exit(int)"]),
    ("inttypes.h", &["intmax_t imaxabs(intmax_t)"]),
    (
        "stdio.h",
        &[
            "int printf(const char *, ...)",
            "int fprintf(FILE *, const char *, ...)",
            "int sprintf(char *, const char *, ...)",
            "int snprintf(char *, size_t, const char *, ...)",
            "int vprintf(const char *, va_list)",
            "int vfprintf(FILE *, const char *, va_list)",
            "int vsprintf(char *, const char *, va_list)",
            "int vsnprintf(char *, size_t, const char *, va_list)",
            "int scanf(const char *, ...) = __isoc99_scanf",
            "int fscanf(FILE *, const char *, ...) = __isoc99_fscanf",
            "int sscanf(const char *, const char *, ...) = __isoc99_sscanf",
            "int vscanf(const char *, va_list) = __isoc99_vscanf",
            "int vfscanf(FILE *, const char *, va_list) = __isoc99_vfscanf",
            "int vsscanf(const char *, const char *, va_list) = __isoc99_vsscanf",
            "int puts(const char *)",
            "int putchar(int)",
            "int fputs(const char *, FILE *)",
            "int fputc(int, FILE *)",
            "int putc(int, FILE *)",
            "size_t fwrite(const void *, size_t, size_t, FILE *)",
            "int putchar_unlocked(int)",
            "int putc_unlocked(int, FILE *)",
            "int fputc_unlocked(int, FILE *)",
            "int fputs_unlocked(const char *, FILE *)",
            "size_t fwrite_unlocked(const void *, size_t, size_t, FILE *)",
        ],
    ),
    (
        "string.h",
        &[
            "void *memchr(const void *, int, size_t)",
            "int memcmp(const void *, const void *, size_t)",
            "void *memcpy(void *, const void *, size_t)",
            "void *memmove(void *, const void *, size_t)",
            "void *memset(void *, int, size_t)",
            "void *mempcpy(void *, const void *, size_t)",
            "char *strcat(char *, const char *)",
            "char *strchr(const char *, int)",
            "int strcmp(const char *, const char *)",
            "char *strcpy(char *, const char *)",
            "size_t strcspn(const char *, const char *)",
            "size_t strlen(const char *)",
            "char *strncat(char *, const char *, size_t)",
            "int strncmp(const char *, const char *, size_t)",
            "char *strncpy(char *, const char *, size_t)",
            "char *strpbrk(const char *, const char *)",
            "char *strrchr(const char *, int)",
            "size_t strspn(const char *, const char *)",
            "char *strstr(const char *, const char *)",
            "char *strdup(const char *)",
            "char *strndup(const char *, size_t)",
            "size_t strnlen(const char *, size_t)",
            "char *stpcpy(char *, const char *)",
            "char *stpncpy(char *, const char *, size_t)",
            "int ffsl(long)",
            "int ffsll(long long)",
        ],
    ),
    (
        "strings.h",
        &[
            "char *index(const char *, int)",
            "char *rindex(const char *, int)",
            "void bzero(void *, size_t)",
            "int bcmp(const void *, const void *, size_t)",
            "void bcopy(const void *, void *, size_t)",
            "int ffs(int)",
            "int strcasecmp(const char *, const char *)",
            "int strncasecmp(const char *, const char *, size_t)",
        ],
    ),
    (
        "ctype.h",
        &[
            "int isalnum(int)",
            "int isalpha(int)",
            "int isascii(int)",
            "int isblank(int)",
            "int iscntrl(int)",
            "int isdigit(int)",
            "int isgraph(int)",
            "int islower(int)",
            "int isprint(int)",
            "int ispunct(int)",
            "int isspace(int)",
            "int isupper(int)",
            "int isxdigit(int)",
            "int toascii(int)",
            "int tolower(int)",
            "int toupper(int)",
        ],
    ),
    (
        "wctype.h",
        &[
            "int iswalnum(wint_t)",
            "int iswalpha(wint_t)",
            "int iswblank(wint_t)",
            "int iswcntrl(wint_t)",
            "int iswdigit(wint_t)",
            "int iswgraph(wint_t)",
            "int iswlower(wint_t)",
            "int iswprint(wint_t)",
            "int iswpunct(wint_t)",
            "int iswspace(wint_t)",
            "int iswupper(wint_t)",
            "int iswxdigit(wint_t)",
            "wint_t towlower(wint_t)",
            "wint_t towupper(wint_t)",
        ],
    ),
    (
        "math.h",
        &[
            // C90 and C99.
            "T acos(T)",
            "T acosh(T)",
            "T asin(T)",
            "T asinh(T)",
            "T atan(T)",
            "T atan2(T, T)",
            "T atanh(T)",
            "T cbrt(T)",
            "T ceil(T)",
            "T copysign(T, T)",
            "T cos(T)",
            "T cosh(T)",
            "T erf(T)",
            "T erfc(T)",
            "T exp(T)",
            "T exp2(T)",
            "T expm1(T)",
            "T fabs(T)",
            "T fdim(T, T)",
            "T floor(T)",
            "T fma(T, T, T)",
            "T fmax(T, T)",
            "T fmin(T, T)",
            "T fmod(T, T)",
            "T frexp(T, int *)",
            "T hypot(T, T)",
            "int ilogb(T)",
            "T ldexp(T, int)",
            "T lgamma(T)",
            "long long llrint(T)",
            "long long llround(T)",
            "T log(T)",
            "T log10(T)",
            "T log1p(T)",
            "T log2(T)",
            "T logb(T)",
            "long lrint(T)",
            "long lround(T)",
            "T modf(T, T *)",
            "T nan(const char *)",
            "T nearbyint(T)",
            "T nextafter(T, T)",
            "T nexttoward(T, long double)",
            "T pow(T, T)",
            "T remainder(T, T)",
            "T remquo(T, T, int *)",
            "T rint(T)",
            "T round(T)",
            "T scalbln(T, long)",
            "T scalbn(T, int)",
            "T sin(T)",
            "T sinh(T)",
            "T sqrt(T)",
            "T tan(T)",
            "T tanh(T)",
            "T tgamma(T)",
            "T trunc(T)",
            // GNU and X/Open.
            "T drem(T, T)",
            "T exp10(T)",
            "int finite(T)",
            "T gamma(T)",
            "int isinf(T)",
            "int isnan(T)",
            "T j0(T)",
            "T j1(T)",
            "T jn(int, T)",
            "double lgamma_r(double, int *)",
            "float lgammaf_r(float, int *)",
            "long double lgammal_r(long double, int *)",
            "T scalb(T, T)",
            "T significand(T)",
            "void sincos(T, T *, T *)",
            "T y0(T)",
            "T y1(T)",
            "T yn(int, T)",
        ],
    ),
    (
        "",
        &[
            // x to an integer power, by repeated multiplication (libgcc's helpers).
            "double powi(double, int) = __powidf2",
            "float powif(float, int) = __powisf2",
            "long double powil(long double, int) = __powixf2",
            // The object-size-checking variants (`__builtin___memcpy_chk`): glibc's own
            // checking functions.
            "void *__memcpy_chk(void *, const void *, size_t, size_t)",
            "void *__memmove_chk(void *, const void *, size_t, size_t)",
            "void *__mempcpy_chk(void *, const void *, size_t, size_t)",
            "void *__memset_chk(void *, int, size_t, size_t)",
            "char *__strcpy_chk(char *, const char *, size_t)",
            "char *__stpcpy_chk(char *, const char *, size_t)",
            "char *__strncpy_chk(char *, const char *, size_t, size_t)",
            "char *__stpncpy_chk(char *, const char *, size_t, size_t)",
            "char *__strcat_chk(char *, const char *, size_t)",
            "char *__strncat_chk(char *, const char *, size_t, size_t)",
            "int __sprintf_chk(char *, int, size_t, const char *, ...)",
            "int __snprintf_chk(char *, size_t, int, size_t, const char *, ...)",
            "int __vsprintf_chk(char *, int, size_t, const char *, va_list)",
            "int __vsnprintf_chk(char *, size_t, int, size_t, const char *, va_list)",
            "int __printf_chk(int, const char *, ...)",
            "int __fprintf_chk(FILE *, int, const char *, ...)",
            "int __vprintf_chk(int, const char *, va_list)",
            "int __vfprintf_chk(FILE *, int, const char *, va_list)",
        ],
    ),
];

/// The builtins sema implements itself (`sema::expr`, `builtin_call`), besides the
/// library's: what `__has_builtin` answers yes for, with the table's names.
const SPECIAL: &[&str] = &[
    "add_overflow",
    "add_overflow_p",
    "alloca",
    "alloca_with_align",
    "assume_aligned",
    "bswap16",
    "bswap32",
    "bswap64",
    "choose_expr",
    "classify_type",
    "clrsb",
    "clrsbl",
    "clrsbll",
    "clz",
    "clzl",
    "clzll",
    "constant_p",
    "ctz",
    "ctzl",
    "ctzll",
    "dynamic_object_size",
    "expect",
    "expect_with_probability",
    "ffs",
    "ffsl",
    "ffsll",
    "finite",
    "finitef",
    "finitel",
    "fpclassify",
    "frame_address",
    "huge_val",
    "huge_valf",
    "huge_vall",
    "inf",
    "inff",
    "infl",
    "isfinite",
    "isgreater",
    "isgreaterequal",
    "isinf",
    "isinf_sign",
    "isinff",
    "isinfl",
    "isless",
    "islessequal",
    "islessgreater",
    "isnan",
    "isnanf",
    "isnanl",
    "isnormal",
    "isunordered",
    "longjmp",
    "mul_overflow",
    "mul_overflow_p",
    "nan",
    "nanf",
    "nanl",
    "nans",
    "nansf",
    "nansl",
    "object_size",
    "offsetof",
    "parity",
    "parityl",
    "parityll",
    "popcount",
    "popcountl",
    "popcountll",
    "prefetch",
    "return_address",
    "sadd_overflow",
    "saddl_overflow",
    "saddll_overflow",
    "setjmp",
    "signbit",
    "signbitf",
    "signbitl",
    "smul_overflow",
    "smull_overflow",
    "smulll_overflow",
    "ssub_overflow",
    "ssubl_overflow",
    "ssubll_overflow",
    "sub_overflow",
    "sub_overflow_p",
    "trap",
    "types_compatible_p",
    "uadd_overflow",
    "uaddl_overflow",
    "uaddll_overflow",
    "umul_overflow",
    "umull_overflow",
    "umulll_overflow",
    "unreachable",
    "usub_overflow",
    "usubl_overflow",
    "usubll_overflow",
    "va_arg",
    "va_copy",
    "va_end",
    "va_list",
    "va_start",
    "__clear_cache",
];

/// A C library function GCC knows as a builtin.
#[derive(Clone, Debug)]
pub struct LibFn {
    /// The header that declares it (`""` for the ones only `__builtin_X` reaches).
    pub header: &'static str,
    /// The symbol a call goes to.
    pub symbol: String,
    pub ty: FnType,
    /// Some parameter is a `FILE *` (a `void *` here: the table has no `FILE`).
    pub uses_file: bool,
}

/// The library function `name` (`malloc`, `sqrtf`, `__memcpy_chk`), if GCC knows it as a
/// builtin.
pub fn library(name: &str) -> Option<&'static LibFn> {
    table().get(name)
}

/// Every library builtin: (name, function).
pub fn library_functions() -> impl Iterator<Item = (&'static str, &'static LibFn)> {
    table().iter().map(|(k, v)| (k.as_str(), v))
}

/// `__has_builtin(name)`.
pub fn has_builtin(name: &str) -> bool {
    let Some(base) = name.strip_prefix("__builtin_") else {
        return false;
    };
    SPECIAL.contains(&base) || library(base).is_some()
}

fn table() -> &'static HashMap<String, LibFn> {
    static TABLE: OnceLock<HashMap<String, LibFn>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut m = HashMap::new();
        for (header, protos) in LIBRARY {
            for p in *protos {
                let variants: &[(&str, &str)] = if p.contains('T') {
                    &[("double", ""), ("float", "f"), ("long double", "l")]
                } else {
                    &[("", "")]
                };
                for (t, suffix) in variants {
                    let (name, f) = parse(&p.replace('T', t), suffix, header);
                    let old = m.insert(name, f);
                    debug_assert!(old.is_none(), "{p}");
                }
            }
        }
        m
    })
}

/// Parses one prototype of the table (`void *memcpy(void *, const void *, size_t)`, with
/// an optional `= symbol`); `suffix` is appended to the name (`sqrt` + `f`).
fn parse(text: &str, suffix: &str, header: &'static str) -> (String, LibFn) {
    let (proto, symbol) = match text.split_once(" = ") {
        Some((p, s)) => (p, Some(s.to_string())),
        None => (text, None),
    };
    let open = proto.find('(').expect("prototype without '('");
    let head = &proto[..open];
    let name_start = head
        .rfind(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .map_or(0, |i| i + 1);
    let name = format!("{}{suffix}", &head[name_start..]);
    let mut uses_file = false;
    let ret = parse_type(&head[..name_start], &mut uses_file);
    let inner = proto[open + 1..].trim_end_matches(')');
    let mut params = Vec::new();
    let mut variadic = false;
    for p in inner.split(',').map(str::trim) {
        match p {
            "void" => {}
            "..." => variadic = true,
            _ => params.push(parse_type(p, &mut uses_file)),
        }
    }
    let f = LibFn {
        header,
        symbol: symbol.unwrap_or_else(|| name.clone()),
        ty: FnType {
            ret,
            params,
            variadic,
            unprototyped: false,
        },
        uses_file,
    };
    (name, f)
}

/// A type of the table: a few words and stars (`const char *`, `unsigned long`, `FILE *`).
fn parse_type(text: &str, uses_file: &mut bool) -> Type {
    let spaced = text.replace('*', " * ");
    let words: Vec<&str> = spaced.split_whitespace().collect();
    let stars = words.iter().filter(|w| **w == "*").count();
    let is_const = words.first() == Some(&"const");
    let base: Vec<&str> = words
        .iter()
        .copied()
        .filter(|w| *w != "*" && *w != "const")
        .collect();
    use TypeKind::*;
    let kind = match base.join(" ").as_str() {
        "void" => Void,
        "char" => Char,
        "int" => Int,
        "long" => Long,
        "long long" => LongLong,
        "float" => Float,
        "double" => Double,
        "long double" => LongDouble,
        "size_t" => ULong,
        "intmax_t" => Long,
        "wint_t" => UInt,
        "FILE" => {
            *uses_file = true;
            Void
        }
        // A parameter of array type is a pointer (`__builtin_va_list` is an array).
        "va_list" => return Type::ptr_to(Type::new(VaList)),
        other => panic!("unknown type '{other}' in the builtin table"),
    };
    let mut t = Type::new(kind).with_const(is_const);
    for _ in 0..stars {
        t = Type::ptr_to(t);
    }
    t
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_parses() {
        let f = library("memcpy").unwrap();
        assert_eq!(f.header, "string.h");
        assert_eq!(f.ty.params.len(), 3);
        assert!(f.ty.ret.is_pointer());
        assert_eq!(library("sqrtl").unwrap().ty.ret.kind, TypeKind::LongDouble);
        assert_eq!(library("sqrtf").unwrap().ty.params[0].kind, TypeKind::Float);
        assert_eq!(library("lgammaf_r").unwrap().symbol, "lgammaf_r");
        assert_eq!(library("sscanf").unwrap().symbol, "__isoc99_sscanf");
        assert!(library("printf").unwrap().ty.variadic);
        assert!(library("fputs").unwrap().uses_file);
        assert!(library("frobnicate").is_none());
        assert!(has_builtin("__builtin_memcpy"));
        assert!(has_builtin("__builtin_popcountll"));
        assert!(!has_builtin("memcpy"));
        assert!(library_functions().count() > 300);
    }
}
