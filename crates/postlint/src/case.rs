//! `char::to_lowercase` and `char::to_uppercase`, char for char, from small
//! tables.
//!
//! The std's case mappings are two sorted tables of (char, char) pairs,
//! about 24 KB of read-only data (9 KB of the gzipped WebAssembly module).
//! Case pairs come in runs: a block of capitals a fixed distance from its
//! small letters (A-Z, Greek, Cyrillic, Deseret), or capitals and small
//! letters alternating (Latin Extended-A, Coptic). [`LOWER`] and [`UPPER`]
//! hold those runs, 381 of them, and [`UPPER_MULTI`] the 102 chars whose
//! capital is two or three chars ("ß" -> "SS"). The only such lower-case
//! mapping is "İ" -> "i̇". The tests compare every char with the std and
//! rebuild the tables from it (a toolchain with newer Unicode fails them and
//! prints the new tables).

/// The chars a char maps to: one to three.
#[derive(Clone)]
pub(crate) struct CaseMapping {
    chars: [char; 3],
    pos: u8,
    len: u8,
}

impl CaseMapping {
    const fn one(c: char) -> CaseMapping {
        CaseMapping {
            chars: [c, '\0', '\0'],
            pos: 0,
            len: 1,
        }
    }
}

impl Iterator for CaseMapping {
    type Item = char;

    #[inline]
    fn next(&mut self) -> Option<char> {
        if self.pos >= self.len {
            return None;
        }
        let c = self.chars.get(usize::from(self.pos)).copied();
        self.pos += 1;
        c
    }

    #[inline]
    fn size_hint(&self) -> (usize, Option<usize>) {
        let n = usize::from(self.len - self.pos);
        (n, Some(n))
    }
}

impl ExactSizeIterator for CaseMapping {}

/// Bits of a run's key that hold its first code point; above them, the
/// run's length less one (7 bits), then whether it takes every other code
/// point (bit 28).
const START: u32 = 0x1F_FFFF;

/// `c` through the runs of `table`, or `c` itself.
fn map(c: char, table: &[(u32, i32)]) -> char {
    let u = c as u32;
    let i = table.partition_point(|&(key, _)| key & START <= u);
    let Some(&(key, delta)) = i.checked_sub(1).and_then(|i| table.get(i)) else {
        return c;
    };
    let step = 1 + (key >> 28 & 1);
    let offset = u - (key & START);
    if offset % step != 0 || offset / step > (key >> 21 & 0x7F) {
        return c;
    }
    char::from_u32(u.wrapping_add_signed(delta)).unwrap_or(c)
}

/// What `c.to_lowercase()` yields.
#[inline]
pub(crate) fn lower(c: char) -> CaseMapping {
    if c.is_ascii() {
        CaseMapping::one(c.to_ascii_lowercase())
    } else if c == '\u{130}' {
        CaseMapping {
            chars: ['i', '\u{307}', '\0'],
            pos: 0,
            len: 2,
        }
    } else {
        CaseMapping::one(map(c, LOWER))
    }
}

/// What `c.to_uppercase()` yields.
pub(crate) fn upper(c: char) -> CaseMapping {
    if c.is_ascii() {
        return CaseMapping::one(c.to_ascii_uppercase());
    }
    let u = c as u32;
    if let Ok(i) = UPPER_MULTI.binary_search_by(|e| u32::from(e[0]).cmp(&u)) {
        let e = UPPER_MULTI[i];
        let ch = |x: u16| char::from_u32(u32::from(x)).unwrap_or('\0');
        let len = if e[3] == 0 { 2 } else { 3 };
        return CaseMapping {
            chars: [ch(e[1]), ch(e[2]), ch(e[3])],
            pos: 0,
            len,
        };
    }
    CaseMapping::one(map(c, UPPER))
}

// The tables below are printed by the test `tables_come_from_the_std` when
// they differ from what it builds from the std.

/// Runs of non-ASCII chars whose lower case is one other char: (first code
/// point | (length - 1) << 21 | every other << 28, distance to the lower
/// case), by first code point.
#[rustfmt::skip]
const LOWER: &[(u32, i32)] = &[
    (0x2C000C0, 32), (0xC000D8, 32), (0x12E00100, 1), (0x10400132, 1), (0x10E00139, 1), (0x12C0014A, 1),
    (0x178, -121), (0x10400179, 1), (0x181, 210), (0x10200182, 1), (0x186, 206), (0x187, 1),
    (0x200189, 205), (0x18B, 1), (0x18E, 79), (0x18F, 202), (0x190, 203), (0x191, 1),
    (0x193, 205), (0x194, 207), (0x196, 211), (0x197, 209), (0x198, 1), (0x19C, 211),
    (0x19D, 213), (0x19F, 214), (0x104001A0, 1), (0x1A6, 218), (0x1A7, 1), (0x1A9, 218),
    (0x1AC, 1), (0x1AE, 218), (0x1AF, 1), (0x2001B1, 217), (0x102001B3, 1), (0x1B7, 219),
    (0x1B8, 1), (0x1BC, 1), (0x1C4, 2), (0x1C5, 1), (0x1C7, 2), (0x1C8, 1),
    (0x1CA, 2), (0x110001CB, 1), (0x110001DE, 1), (0x1F1, 2), (0x102001F2, 1), (0x1F6, -97),
    (0x1F7, -56), (0x126001F8, 1), (0x220, -130), (0x11000222, 1), (0x23A, 10795), (0x23B, 1),
    (0x23D, -163), (0x23E, 10792), (0x241, 1), (0x243, -195), (0x244, 69), (0x245, 71),
    (0x10800246, 1), (0x10200370, 1), (0x376, 1), (0x37F, 116), (0x386, 38), (0x400388, 37),
    (0x38C, 64), (0x20038E, 63), (0x2000391, 32), (0x10003A3, 32), (0x3CF, 8), (0x116003D8, 1),
    (0x3F4, -60), (0x3F7, 1), (0x3F9, -7), (0x3FA, 1), (0x4003FD, -130), (0x1E00400, 80),
    (0x3E00410, 32), (0x12000460, 1), (0x1340048A, 1), (0x4C0, 15), (0x10C004C1, 1), (0x15E004D0, 1),
    (0x4A00531, 48), (0x4A010A0, 7264), (0x10C7, 7264), (0x10CD, 7264), (0x9E013A0, 38864), (0xA013F0, 8),
    (0x1C89, 1), (0x5401C90, -3008), (0x401CBD, -3008), (0x19401E00, 1), (0x1E9E, -7615), (0x15E01EA0, 1),
    (0xE01F08, -8), (0xA01F18, -8), (0xE01F28, -8), (0xE01F38, -8), (0xA01F48, -8), (0x10601F59, -8),
    (0xE01F68, -8), (0xE01F88, -8), (0xE01F98, -8), (0xE01FA8, -8), (0x201FB8, -8), (0x201FBA, -74),
    (0x1FBC, -9), (0x601FC8, -86), (0x1FCC, -9), (0x201FD8, -8), (0x201FDA, -100), (0x201FE8, -8),
    (0x201FEA, -112), (0x1FEC, -7), (0x201FF8, -128), (0x201FFA, -126), (0x1FFC, -9), (0x2126, -7517),
    (0x212A, -8383), (0x212B, -8262), (0x2132, 28), (0x1E02160, 16), (0x2183, 1), (0x32024B6, 26),
    (0x5E02C00, 48), (0x2C60, 1), (0x2C62, -10743), (0x2C63, -3814), (0x2C64, -10727), (0x10402C67, 1),
    (0x2C6D, -10780), (0x2C6E, -10749), (0x2C6F, -10783), (0x2C70, -10782), (0x2C72, 1), (0x2C75, 1),
    (0x202C7E, -10815), (0x16202C80, 1), (0x10202CEB, 1), (0x2CF2, 1), (0x12C0A640, 1), (0x11A0A680, 1),
    (0x10C0A722, 1), (0x13C0A732, 1), (0x1020A779, 1), (0xA77D, -35332), (0x1080A77E, 1), (0xA78B, 1),
    (0xA78D, -42280), (0x1020A790, 1), (0x1120A796, 1), (0xA7AA, -42308), (0xA7AB, -42319), (0xA7AC, -42315),
    (0xA7AD, -42305), (0xA7AE, -42308), (0xA7B0, -42258), (0xA7B1, -42282), (0xA7B2, -42261), (0xA7B3, 928),
    (0x10E0A7B4, 1), (0xA7C4, -48), (0xA7C5, -42307), (0xA7C6, -35384), (0x1020A7C7, 1), (0xA7CB, -42343),
    (0x10E0A7CC, 1), (0xA7DC, -42561), (0xA7F5, 1), (0x320FF21, 32), (0x4E10400, 40), (0x46104B0, 40),
    (0x1410570, 39), (0x1C1057C, 39), (0xC1058C, 39), (0x210594, 39), (0x6410C80, 64), (0x2A10D50, 32),
    (0x3E118A0, 32), (0x3E16E40, 32), (0x3016EA0, 27), (0x421E900, 34),
];

/// The same for upper case.
#[rustfmt::skip]
const UPPER: &[(u32, i32)] = &[
    (0xB5, 743), (0x2C000E0, -32), (0xC000F8, -32), (0xFF, 121), (0x12E00101, -1), (0x131, -232),
    (0x10400133, -1), (0x10E0013A, -1), (0x12C0014B, -1), (0x1040017A, -1), (0x17F, -300), (0x180, 195),
    (0x10200183, -1), (0x188, -1), (0x18C, -1), (0x192, -1), (0x195, 97), (0x199, -1),
    (0x19A, 163), (0x19B, 42561), (0x19E, 130), (0x104001A1, -1), (0x1A8, -1), (0x1AD, -1),
    (0x1B0, -1), (0x102001B4, -1), (0x1B9, -1), (0x1BD, -1), (0x1BF, 56), (0x1C5, -1),
    (0x1C6, -2), (0x1C8, -1), (0x1C9, -2), (0x1CB, -1), (0x1CC, -2), (0x10E001CE, -1),
    (0x1DD, -79), (0x110001DF, -1), (0x1F2, -1), (0x1F3, -2), (0x1F5, -1), (0x126001F9, -1),
    (0x11000223, -1), (0x23C, -1), (0x20023F, 10815), (0x242, -1), (0x10800247, -1), (0x250, 10783),
    (0x251, 10780), (0x252, 10782), (0x253, -210), (0x254, -206), (0x200256, -205), (0x259, -202),
    (0x25B, -203), (0x25C, 42319), (0x260, -205), (0x261, 42315), (0x263, -207), (0x264, 42343),
    (0x265, 42280), (0x266, 42308), (0x268, -209), (0x269, -211), (0x26A, 42308), (0x26B, 10743),
    (0x26C, 42305), (0x26F, -211), (0x271, 10749), (0x272, -213), (0x275, -214), (0x27D, 10727),
    (0x280, -218), (0x282, 42307), (0x283, -218), (0x287, 42282), (0x288, -218), (0x289, -69),
    (0x20028A, -217), (0x28C, -71), (0x292, -219), (0x29D, 42261), (0x29E, 42258), (0x345, 84),
    (0x10200371, -1), (0x377, -1), (0x40037B, 130), (0x3AC, -38), (0x4003AD, -37), (0x20003B1, -32),
    (0x3C2, -31), (0x10003C3, -32), (0x3CC, -64), (0x2003CD, -63), (0x3D0, -62), (0x3D1, -57),
    (0x3D5, -47), (0x3D6, -54), (0x3D7, -8), (0x116003D9, -1), (0x3F0, -86), (0x3F1, -80),
    (0x3F2, 7), (0x3F3, -116), (0x3F5, -96), (0x3F8, -1), (0x3FB, -1), (0x3E00430, -32),
    (0x1E00450, -80), (0x12000461, -1), (0x1340048B, -1), (0x10C004C2, -1), (0x4CF, -15), (0x15E004D1, -1),
    (0x4A00561, -48), (0x54010D0, 3008), (0x4010FD, 3008), (0xA013F8, -8), (0x1C80, -6254), (0x1C81, -6253),
    (0x1C82, -6244), (0x201C83, -6242), (0x1C85, -6243), (0x1C86, -6236), (0x1C87, -6181), (0x1C88, 35266),
    (0x1C8A, -1), (0x1D79, 35332), (0x1D7D, 3814), (0x1D8E, 35384), (0x19401E01, -1), (0x1E9B, -59),
    (0x15E01EA1, -1), (0xE01F00, 8), (0xA01F10, 8), (0xE01F20, 8), (0xE01F30, 8), (0xA01F40, 8),
    (0x10601F51, 8), (0xE01F60, 8), (0x201F70, 74), (0x601F72, 86), (0x201F76, 100), (0x201F78, 128),
    (0x201F7A, 112), (0x201F7C, 126), (0x201FB0, 8), (0x1FBE, -7205), (0x201FD0, 8), (0x201FE0, 8),
    (0x1FE5, 7), (0x214E, -28), (0x1E02170, -16), (0x2184, -1), (0x32024D0, -26), (0x5E02C30, -48),
    (0x2C61, -1), (0x2C65, -10795), (0x2C66, -10792), (0x10402C68, -1), (0x2C73, -1), (0x2C76, -1),
    (0x16202C81, -1), (0x10202CEC, -1), (0x2CF3, -1), (0x4A02D00, -7264), (0x2D27, -7264), (0x2D2D, -7264),
    (0x12C0A641, -1), (0x11A0A681, -1), (0x10C0A723, -1), (0x13C0A733, -1), (0x1020A77A, -1), (0x1080A77F, -1),
    (0xA78C, -1), (0x1020A791, -1), (0xA794, 48), (0x1120A797, -1), (0x10E0A7B5, -1), (0x1020A7C8, -1),
    (0x10E0A7CD, -1), (0xA7F6, -1), (0xAB53, -928), (0x9E0AB70, -38864), (0x320FF41, -32), (0x4E10428, -40),
    (0x46104D8, -40), (0x1410597, -39), (0x1C105A3, -39), (0xC105B3, -39), (0x2105BB, -39), (0x6410CC0, -64),
    (0x2A10D70, -32), (0x3E118C0, -32), (0x3E16E60, -32), (0x3016EBB, -27), (0x421E922, -34),
];

/// Chars whose upper case is two or three chars: [char, upper case...,
/// 0 when two], by char. All in the Basic Multilingual Plane.
#[rustfmt::skip]
const UPPER_MULTI: &[[u16; 4]] = &[
    [0xDF, 0x53, 0x53, 0x0], [0x149, 0x2BC, 0x4E, 0x0], [0x1F0, 0x4A, 0x30C, 0x0], [0x390, 0x399, 0x308, 0x301],
    [0x3B0, 0x3A5, 0x308, 0x301], [0x587, 0x535, 0x552, 0x0], [0x1E96, 0x48, 0x331, 0x0], [0x1E97, 0x54, 0x308, 0x0],
    [0x1E98, 0x57, 0x30A, 0x0], [0x1E99, 0x59, 0x30A, 0x0], [0x1E9A, 0x41, 0x2BE, 0x0], [0x1F50, 0x3A5, 0x313, 0x0],
    [0x1F52, 0x3A5, 0x313, 0x300], [0x1F54, 0x3A5, 0x313, 0x301], [0x1F56, 0x3A5, 0x313, 0x342], [0x1F80, 0x1F08, 0x399, 0x0],
    [0x1F81, 0x1F09, 0x399, 0x0], [0x1F82, 0x1F0A, 0x399, 0x0], [0x1F83, 0x1F0B, 0x399, 0x0], [0x1F84, 0x1F0C, 0x399, 0x0],
    [0x1F85, 0x1F0D, 0x399, 0x0], [0x1F86, 0x1F0E, 0x399, 0x0], [0x1F87, 0x1F0F, 0x399, 0x0], [0x1F88, 0x1F08, 0x399, 0x0],
    [0x1F89, 0x1F09, 0x399, 0x0], [0x1F8A, 0x1F0A, 0x399, 0x0], [0x1F8B, 0x1F0B, 0x399, 0x0], [0x1F8C, 0x1F0C, 0x399, 0x0],
    [0x1F8D, 0x1F0D, 0x399, 0x0], [0x1F8E, 0x1F0E, 0x399, 0x0], [0x1F8F, 0x1F0F, 0x399, 0x0], [0x1F90, 0x1F28, 0x399, 0x0],
    [0x1F91, 0x1F29, 0x399, 0x0], [0x1F92, 0x1F2A, 0x399, 0x0], [0x1F93, 0x1F2B, 0x399, 0x0], [0x1F94, 0x1F2C, 0x399, 0x0],
    [0x1F95, 0x1F2D, 0x399, 0x0], [0x1F96, 0x1F2E, 0x399, 0x0], [0x1F97, 0x1F2F, 0x399, 0x0], [0x1F98, 0x1F28, 0x399, 0x0],
    [0x1F99, 0x1F29, 0x399, 0x0], [0x1F9A, 0x1F2A, 0x399, 0x0], [0x1F9B, 0x1F2B, 0x399, 0x0], [0x1F9C, 0x1F2C, 0x399, 0x0],
    [0x1F9D, 0x1F2D, 0x399, 0x0], [0x1F9E, 0x1F2E, 0x399, 0x0], [0x1F9F, 0x1F2F, 0x399, 0x0], [0x1FA0, 0x1F68, 0x399, 0x0],
    [0x1FA1, 0x1F69, 0x399, 0x0], [0x1FA2, 0x1F6A, 0x399, 0x0], [0x1FA3, 0x1F6B, 0x399, 0x0], [0x1FA4, 0x1F6C, 0x399, 0x0],
    [0x1FA5, 0x1F6D, 0x399, 0x0], [0x1FA6, 0x1F6E, 0x399, 0x0], [0x1FA7, 0x1F6F, 0x399, 0x0], [0x1FA8, 0x1F68, 0x399, 0x0],
    [0x1FA9, 0x1F69, 0x399, 0x0], [0x1FAA, 0x1F6A, 0x399, 0x0], [0x1FAB, 0x1F6B, 0x399, 0x0], [0x1FAC, 0x1F6C, 0x399, 0x0],
    [0x1FAD, 0x1F6D, 0x399, 0x0], [0x1FAE, 0x1F6E, 0x399, 0x0], [0x1FAF, 0x1F6F, 0x399, 0x0], [0x1FB2, 0x1FBA, 0x399, 0x0],
    [0x1FB3, 0x391, 0x399, 0x0], [0x1FB4, 0x386, 0x399, 0x0], [0x1FB6, 0x391, 0x342, 0x0], [0x1FB7, 0x391, 0x342, 0x399],
    [0x1FBC, 0x391, 0x399, 0x0], [0x1FC2, 0x1FCA, 0x399, 0x0], [0x1FC3, 0x397, 0x399, 0x0], [0x1FC4, 0x389, 0x399, 0x0],
    [0x1FC6, 0x397, 0x342, 0x0], [0x1FC7, 0x397, 0x342, 0x399], [0x1FCC, 0x397, 0x399, 0x0], [0x1FD2, 0x399, 0x308, 0x300],
    [0x1FD3, 0x399, 0x308, 0x301], [0x1FD6, 0x399, 0x342, 0x0], [0x1FD7, 0x399, 0x308, 0x342], [0x1FE2, 0x3A5, 0x308, 0x300],
    [0x1FE3, 0x3A5, 0x308, 0x301], [0x1FE4, 0x3A1, 0x313, 0x0], [0x1FE6, 0x3A5, 0x342, 0x0], [0x1FE7, 0x3A5, 0x308, 0x342],
    [0x1FF2, 0x1FFA, 0x399, 0x0], [0x1FF3, 0x3A9, 0x399, 0x0], [0x1FF4, 0x38F, 0x399, 0x0], [0x1FF6, 0x3A9, 0x342, 0x0],
    [0x1FF7, 0x3A9, 0x342, 0x399], [0x1FFC, 0x3A9, 0x399, 0x0], [0xFB00, 0x46, 0x46, 0x0], [0xFB01, 0x46, 0x49, 0x0],
    [0xFB02, 0x46, 0x4C, 0x0], [0xFB03, 0x46, 0x46, 0x49], [0xFB04, 0x46, 0x46, 0x4C], [0xFB05, 0x53, 0x54, 0x0],
    [0xFB06, 0x53, 0x54, 0x0], [0xFB13, 0x544, 0x546, 0x0], [0xFB14, 0x544, 0x535, 0x0], [0xFB15, 0x544, 0x53B, 0x0],
    [0xFB16, 0x54E, 0x546, 0x0], [0xFB17, 0x544, 0x53D, 0x0],
];

#[cfg(test)]
mod tests {
    use super::*;

    /// The runs of `f` over the non-ASCII chars whose mapping is one other
    /// char, as the tables hold them.
    fn runs(f: fn(char) -> Vec<char>) -> Vec<(u32, i32)> {
        let singles: Vec<(u32, i32)> = (0x80..=0x10FFFF)
            .filter_map(char::from_u32)
            .filter_map(|c| match f(c)[..] {
                [m] if m != c => Some((c as u32, m as i32 - c as i32)),
                _ => None,
            })
            .collect();
        let mut out = vec![];
        let mut i = 0;
        while i < singles.len() {
            let (start, delta) = singles[i];
            let (mut step, mut len) = (1, 1);
            for s in [1, 2] {
                let n = singles[i..]
                    .iter()
                    .zip(0..128)
                    .take_while(|&(&(u, d), k)| u == start + k * s && d == delta)
                    .count() as u32;
                if n > len {
                    (step, len) = (s, n);
                }
            }
            out.push((start | (len - 1) << 21 | (step - 1) << 28, delta));
            i += len as usize;
        }
        out
    }

    fn std_lower(c: char) -> Vec<char> {
        c.to_lowercase().collect()
    }

    fn std_upper(c: char) -> Vec<char> {
        c.to_uppercase().collect()
    }

    fn print_runs(name: &str, runs: &[(u32, i32)]) -> String {
        let mut s = format!("const {name}: &[(u32, i32)] = &[\n");
        for chunk in runs.chunks(6) {
            let row: Vec<String> = chunk
                .iter()
                .map(|(k, d)| format!("(0x{k:X}, {d})"))
                .collect();
            s += &format!("    {},\n", row.join(", "));
        }
        s + "];\n"
    }

    #[test]
    fn tables_come_from_the_std() {
        let lower = runs(std_lower);
        let upper = runs(std_upper);
        let multi: Vec<[u16; 4]> = (0x80..=0x10FFFF)
            .filter_map(char::from_u32)
            .filter_map(|c| {
                let m = std_upper(c);
                (m.len() > 1).then(|| {
                    let mut e = [c as u32 as u16, 0, 0, 0];
                    for (slot, &x) in e[1..].iter_mut().zip(&m) {
                        assert!((x as u32) < 0x10000 && (c as u32) < 0x10000);
                        *slot = x as u32 as u16;
                    }
                    e
                })
            })
            .collect();
        let multi_src = {
            let mut s = String::from("const UPPER_MULTI: &[[u16; 4]] = &[\n");
            for chunk in multi.chunks(4) {
                let row: Vec<String> = chunk
                    .iter()
                    .map(|e| format!("[0x{:X}, 0x{:X}, 0x{:X}, 0x{:X}]", e[0], e[1], e[2], e[3]))
                    .collect();
                s += &format!("    {},\n", row.join(", "));
            }
            s + "];\n"
        };
        let ok = lower == LOWER && upper == UPPER && multi == UPPER_MULTI;
        assert!(
            ok,
            "new tables:\n{}{}{}",
            print_runs("LOWER", &lower),
            print_runs("UPPER", &upper),
            multi_src
        );
        // Lengths fit their seven bits.
        assert!(lower.iter().chain(&upper).all(|&(k, _)| k >> 29 == 0));
    }

    #[test]
    fn every_char_maps_as_in_the_std() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(lower(c).collect::<Vec<_>>(), std_lower(c), "{c:?}");
            assert_eq!(upper(c).collect::<Vec<_>>(), std_upper(c), "{c:?}");
            assert_eq!(lower(c).len(), std_lower(c).len());
            assert_eq!(upper(c).len(), std_upper(c).len());
        }
    }
}
