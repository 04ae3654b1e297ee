//! Byte offsets to Unicode code-point offsets.

/// Converts byte offsets of one text into code-point offsets (what Python's
/// `str` indexing and spaCy use).
///
/// The map keeps one count per block of 256 bytes, so it costs a few bytes
/// per kilobyte of text and answers each query by counting within a single
/// block: linear to build, constant per query.
///
/// ```
/// let text = "Zúñiga said: «No»";
/// let map = copydesk::OffsetMap::new(text);
/// assert_eq!(map.char_offset(text.len()), text.chars().count());
/// assert_eq!(map.char_offset(text.find("said").unwrap()), 7);
/// ```
#[derive(Clone, Debug)]
pub struct OffsetMap<'t> {
    bytes: &'t [u8],
    /// `blocks[k]` is the number of code points that start before byte `k * BLOCK`.
    blocks: Vec<usize>,
}

const BLOCK: usize = 256;

/// Whether a byte starts a code point (is not a UTF-8 continuation byte).
fn starts_char(b: &u8) -> bool {
    (*b as i8) >= -0x40
}

impl<'t> OffsetMap<'t> {
    /// Builds the map for `text`.
    pub fn new(text: &'t str) -> OffsetMap<'t> {
        let bytes = text.as_bytes();
        let mut blocks = Vec::with_capacity(bytes.len() / BLOCK + 1);
        let mut count = 0;
        for chunk in bytes.chunks(BLOCK) {
            blocks.push(count);
            count += chunk.iter().filter(|b| starts_char(b)).count();
        }
        OffsetMap { bytes, blocks }
    }

    /// The code-point offset of byte offset `byte`. Offsets past the end are
    /// clamped to the end; an offset inside a character counts that
    /// character as before it.
    pub fn char_offset(&self, byte: usize) -> usize {
        let byte = byte.min(self.bytes.len());
        let k = byte / BLOCK;
        let base = self.blocks.get(k).copied().unwrap_or_else(|| {
            // byte == len and len is a multiple of BLOCK: past the last block.
            self.blocks
                .last()
                .map_or(0, |&c| c + self.bytes[(k - 1) * BLOCK..].iter().filter(|b| starts_char(b)).count())
        });
        let start = (k * BLOCK).min(byte);
        base + self.bytes[start..byte].iter().filter(|b| starts_char(b)).count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(128))]
        #[test]
        fn agrees_with_char_indices(text in "\\PC{0,700}") {
            let map = OffsetMap::new(&text);
            for (ci, (bi, _)) in text.char_indices().enumerate() {
                prop_assert_eq!(map.char_offset(bi), ci);
            }
            prop_assert_eq!(map.char_offset(text.len()), text.chars().count());
        }
    }

    #[test]
    fn exact_block_multiple() {
        let text = "é".repeat(256); // 512 bytes, two whole blocks
        let map = OffsetMap::new(&text);
        assert_eq!(map.char_offset(512), 256);
        assert_eq!(map.char_offset(256), 128);
        assert_eq!(map.char_offset(10_000), 256);
    }
}
