//! Source files and locations: file ids, (line, column) positions, the source line for a caret.

use std::cell::OnceCell;
use std::rc::Rc;

/// Index of a file in the [`SourceMap`].
pub type FileId = u32;

/// A position in a source file. Lines and columns start at 1; column counts bytes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Loc {
    pub file: FileId,
    pub line: u32,
    pub col: u32,
}

/// One file (or REPL input) known to the front end.
#[derive(Debug)]
pub struct SourceFile {
    /// Name used in diagnostics: a path, `input_line_3`, or `<command line>`.
    pub name: String,
    pub text: Rc<str>,
    /// Byte offset of the start of every line, computed the first time a diagnostic needs a
    /// line (most files, system headers above all, never need one).
    line_starts: OnceCell<Vec<usize>>,
}

impl SourceFile {
    pub fn new(name: String, text: Rc<str>) -> SourceFile {
        SourceFile {
            name,
            text,
            line_starts: OnceCell::new(),
        }
    }

    fn line_starts(&self) -> &[usize] {
        self.line_starts.get_or_init(|| {
            let mut starts = vec![0];
            // `str::match_indices` with a char pattern is memchr-accelerated.
            starts.extend(self.text.match_indices('\n').map(|(i, _)| i + 1));
            starts
        })
    }

    /// The text of line `line` (1-based) without its newline, or "" past the end.
    pub fn line_text(&self, line: u32) -> &str {
        let starts = self.line_starts();
        let i = line as usize;
        if i == 0 || i > starts.len() {
            return "";
        }
        let start = starts[i - 1];
        let end = starts.get(i).copied().unwrap_or(self.text.len());
        self.text[start..end].trim_end_matches(['\n', '\r'])
    }
}

/// Every file the session has read. Files are never removed, so a [`Loc`] stays valid.
#[derive(Debug, Default)]
pub struct SourceMap {
    files: Vec<SourceFile>,
}

impl SourceMap {
    pub fn add(&mut self, name: impl Into<String>, text: impl Into<Rc<str>>) -> FileId {
        self.files.push(SourceFile::new(name.into(), text.into()));
        (self.files.len() - 1) as FileId
    }

    pub fn file(&self, id: FileId) -> &SourceFile {
        &self.files[id as usize]
    }

    pub fn len(&self) -> usize {
        self.files.len()
    }

    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }
}

/// Where bytes that are not UTF-8 go: C source is bytes, and a string literal keeps a raw
/// byte 0xFF as that byte. Each such byte becomes the code point `RAW_BYTE + byte` (the
/// last 256 code points of plane 16, private use), which literals turn back into the byte.
pub const RAW_BYTE: u32 = 0x10_FF00;

/// Source bytes as text: UTF-8 as it is, any other byte as `RAW_BYTE + byte`.
pub fn decode_source(bytes: Vec<u8>) -> String {
    match String::from_utf8(bytes) {
        Ok(s) => s,
        Err(e) => {
            let bytes = e.into_bytes();
            let mut out = String::with_capacity(bytes.len() + 16);
            for chunk in bytes.utf8_chunks() {
                out.push_str(chunk.valid());
                for &b in chunk.invalid() {
                    out.push(char::from_u32(RAW_BYTE + b as u32).unwrap_or('\u{fffd}'));
                }
            }
            out
        }
    }
}
