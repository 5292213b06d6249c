//! Where something stands in a rule file. Owned by the model, because every rule keeps
//! the place it was written for its messages; the YAML reader fills it in. Depends on
//! nothing.

/// Where a node starts and how far it reaches, as 1-based line and column plus byte range.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Pos {
    /// 1-based line, 0 when unknown.
    pub line: usize,
    /// 1-based column in characters, 0 when unknown.
    pub column: usize,
    /// Length in characters (0 for collections, whose extent the parser does not report).
    pub len: usize,
}

impl Pos {
    /// Whether the parser told us where this is.
    pub fn is_known(&self) -> bool {
        self.line > 0
    }
}
