//! Reading one document into text.
//!
//! Text must be UTF-8 (a byte-order mark is kept in the text and ignored by
//! matching, so offsets still count the file's bytes). A file with a NUL
//! byte in its first 8 KiB is taken for binary and skipped; a file that is
//! not valid UTF-8 is reported with the offset of the first bad byte.

use std::path::Path;

use crate::InputError;

/// How much of a file is checked for NUL bytes.
const BINARY_PROBE: usize = 8 * 1024;

/// Reads `path` as UTF-8 text.
pub fn read_text(path: &Path) -> Result<String, InputError> {
    let bytes = std::fs::read(path).map_err(|e| InputError::io(path, &e))?;
    decode(path, bytes)
}

/// Checks and converts a document's bytes; `path` names errors.
pub fn decode(path: &Path, bytes: Vec<u8>) -> Result<String, InputError> {
    let probe = &bytes[..bytes.len().min(BINARY_PROBE)];
    if let Some(at) = memchr::memchr(0, probe) {
        return Err(InputError::new(
            path,
            format!("binary file (NUL byte at offset {at}), skipped"),
        ));
    }
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        InputError::new(
            path,
            format!("not valid UTF-8 (first bad byte at offset {at})"),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_and_rejects() {
        let p = Path::new("f.txt");
        assert_eq!(decode(p, b"\xef\xbb\xbfhi".to_vec()).unwrap(), "\u{feff}hi");
        let e = decode(p, b"ok \xff".to_vec()).unwrap_err();
        assert!(e.to_string().contains("offset 3"), "{e}");
        let e = decode(p, b"PNG\0\0".to_vec()).unwrap_err();
        assert!(e.to_string().contains("binary"), "{e}");
    }
}
