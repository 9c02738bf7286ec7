//! When is a REPL input complete? Open brackets, an unterminated comment, or a trailing
//! backslash mean "keep reading".

/// True if `text` needs more lines before it can be compiled.
pub fn needs_more(text: &str) -> bool {
    let mut depth: i64 = 0;
    let mut in_block_comment = false;
    let mut last_line_continues = false;
    for line in text.strip_suffix('\n').unwrap_or(text).split('\n') {
        let line = line.strip_suffix('\r').unwrap_or(line);
        let trimmed = line.trim_start();
        last_line_continues = line.ends_with('\\');
        let b = line.as_bytes();
        let directive = !in_block_comment && trimmed.starts_with('#');
        let mut i = 0;
        let mut quote: Option<u8> = None;
        while i < b.len() {
            let c = b[i];
            if in_block_comment {
                if c == b'*' && b.get(i + 1) == Some(&b'/') {
                    in_block_comment = false;
                    i += 1;
                }
            } else if let Some(q) = quote {
                if c == b'\\' {
                    i += 1;
                } else if c == q {
                    quote = None;
                }
            } else if c == b'/' && b.get(i + 1) == Some(&b'*') {
                in_block_comment = true;
                i += 1;
            } else if c == b'/' && b.get(i + 1) == Some(&b'/') {
                break;
            } else if c == b'"' || c == b'\'' {
                quote = Some(c);
            } else if !directive {
                match c {
                    b'(' | b'[' | b'{' => depth += 1,
                    b')' | b']' | b'}' => depth -= 1,
                    _ => {}
                }
            }
            i += 1;
        }
        // A string left open at the end of a line is an error for the lexer to report,
        // unless the line continues with a backslash.
    }
    depth > 0 || in_block_comment || last_line_continues
}

#[cfg(test)]
mod tests {
    use super::needs_more;

    #[test]
    fn completeness() {
        assert!(!needs_more("int x = 3;"));
        assert!(needs_more("int f(void) {"));
        assert!(!needs_more("int f(void) {\n return 1;\n}"));
        assert!(needs_more("/* comment"));
        assert!(!needs_more("/* comment */ 1"));
        assert!(needs_more("int x = \\"));
        assert!(needs_more("int x = \\\n"));
        assert!(!needs_more("int x = \\\n3;\n"));
        assert!(!needs_more("char *s = \"{\";"));
        assert!(!needs_more("char c = '{';"));
        assert!(!needs_more("#define BEGIN {"));
        assert!(!needs_more("// {"));
        assert!(needs_more("foo(1,\n"));
        assert!(!needs_more("}"));
        assert!(!needs_more("\"unterminated"));
    }
}
