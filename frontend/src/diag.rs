//! Diagnostics: errors and warnings with a location, rendered in clang's style.
//!
//! ```text
//! input_line_3:1:9: error: use of undeclared identifier 'y'
//!     1 | int x = y;
//!       |         ^
//! ```

use crate::source::{Loc, SourceMap};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Level {
    Error,
    Warning,
    Note,
}

#[derive(Clone, Debug)]
pub struct Diag {
    pub level: Level,
    pub loc: Loc,
    pub msg: String,
}

impl Diag {
    pub fn error(loc: Loc, msg: impl Into<String>) -> Diag {
        Diag {
            level: Level::Error,
            loc,
            msg: msg.into(),
        }
    }
    pub fn warning(loc: Loc, msg: impl Into<String>) -> Diag {
        Diag {
            level: Level::Warning,
            loc,
            msg: msg.into(),
        }
    }
    pub fn note(loc: Loc, msg: impl Into<String>) -> Diag {
        Diag {
            level: Level::Note,
            loc,
            msg: msg.into(),
        }
    }
    pub fn is_error(&self) -> bool {
        self.level == Level::Error
    }

    /// Renders the diagnostic: `file:line:col: level: message`, the source line, a caret.
    /// With `color`, uses the ANSI colours clang uses on a terminal.
    pub fn render(&self, sm: &SourceMap, color: bool) -> String {
        let (lvl, code) = match self.level {
            Level::Error => ("error", "\x1b[1;31m"),
            Level::Warning => ("warning", "\x1b[1;35m"),
            Level::Note => ("note", "\x1b[1;30m"),
        };
        let mut out = String::new();
        if (self.loc.file as usize) < sm.len() && self.loc.line > 0 {
            let f = sm.file(self.loc.file);
            let head = format!("{}:{}:{}: ", f.name, self.loc.line, self.loc.col);
            if color {
                out.push_str(&format!(
                    "\x1b[1m{head}{code}{lvl}:\x1b[0m\x1b[1m {}\x1b[0m\n",
                    self.msg
                ));
            } else {
                out.push_str(&format!("{head}{lvl}: {}\n", self.msg));
            }
            let line = f.line_text(self.loc.line);
            out.push_str(&format!("{:5} | {}\n", self.loc.line, line));
            // Keep tabs so the caret lines up under the source.
            let pad: String = line
                .bytes()
                .take(self.loc.col.saturating_sub(1) as usize)
                .map(|b| if b == b'\t' { '\t' } else { ' ' })
                .collect();
            if color {
                out.push_str(&format!("      | {pad}\x1b[1;32m^\x1b[0m\n"));
            } else {
                out.push_str(&format!("      | {pad}^\n"));
            }
        } else if color {
            out.push_str(&format!("{code}{lvl}:\x1b[0m\x1b[1m {}\x1b[0m\n", self.msg));
        } else {
            out.push_str(&format!("{lvl}: {}\n", self.msg));
        }
        out
    }
}

/// The diagnostics to show: all of them, or (`warnings` false, `-w`) all but the warnings
/// and the notes that belong to them.
pub fn shown(diags: &[Diag], warnings: bool) -> impl Iterator<Item = &Diag> {
    let mut hidden = false;
    diags.iter().filter(move |d| {
        if d.level != Level::Note {
            hidden = d.level == Level::Warning && !warnings;
        }
        !hidden
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notes_follow_their_warning() {
        let l = Loc::default();
        let d = [
            Diag::warning(l, "w"),
            Diag::note(l, "n1"),
            Diag::error(l, "e"),
            Diag::note(l, "n2"),
        ];
        let msgs = |w| shown(&d, w).map(|d| d.msg.as_str()).collect::<Vec<_>>();
        assert_eq!(msgs(true), ["w", "n1", "e", "n2"]);
        assert_eq!(msgs(false), ["e", "n2"]);
    }
}
