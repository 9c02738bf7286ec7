//! crepl's own compiler headers (`<stddef.h>`, `<stdarg.h>`, `<limits.h>`, ...), embedded in the
//! binary: a header name into the header's text.

/// The names of all embedded headers.
pub const BUILTIN_HEADERS: &[&str] = &[
    "stddef.h",
    "stdarg.h",
    "stdbool.h",
    "float.h",
    "stdalign.h",
    "stdnoreturn.h",
    "limits.h",
    "iso646.h",
    "complex.h",
    "stdatomic.h",
];

/// The text of crepl's own header `name` (as written between `<` and `>`), if it has one.
pub fn builtin_header(name: &str) -> Option<&'static str> {
    Some(match name {
        "stddef.h" => include_str!("../include/stddef.h"),
        "stdarg.h" => include_str!("../include/stdarg.h"),
        "stdbool.h" => include_str!("../include/stdbool.h"),
        "float.h" => include_str!("../include/float.h"),
        "stdalign.h" => include_str!("../include/stdalign.h"),
        "stdnoreturn.h" => include_str!("../include/stdnoreturn.h"),
        "limits.h" => include_str!("../include/limits.h"),
        "iso646.h" => include_str!("../include/iso646.h"),
        "complex.h" => include_str!("../include/complex.h"),
        "stdatomic.h" => include_str!("../include/stdatomic.h"),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn all_listed_headers_exist() {
        for h in BUILTIN_HEADERS {
            assert!(builtin_header(h).is_some(), "{h}");
        }
        assert!(builtin_header("stdio.h").is_none());
    }
}
