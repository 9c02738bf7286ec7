//! Bit-field arithmetic shared by every place that reads or writes one: the interpreter,
//! static initializers and the value printer (the baseline tier emits the same steps).
//!
//! A bit-field lives in a storage unit of its declared type (1, 2, 4 or 8 bytes) at
//! `bit`..`bit + width`. One case does not fit the unit: a packed field that starts inside
//! a byte and is up to 64 bits wide (`unsigned pad : 18; long long z : 63;` packed) covers
//! nine bytes. Its unit is 8 bytes and the field continues into the byte after it
//! (`bit + width` ≤ 72); [`span_bytes`] says how many bytes an access touches.

/// The bytes an access to a field at `bit`, `width` of a unit of `unit` bytes touches.
pub fn span_bytes(unit: usize, bit: u32, width: u32) -> usize {
    unit.max((bit + width).div_ceil(8) as usize)
}

/// The field's value from the little-endian bytes of its span, sign-extended if `signed`.
pub fn get(raw: u128, bit: u32, width: u32, signed: bool) -> u64 {
    let v = (raw >> bit) as u64;
    if width >= 64 {
        return v;
    }
    let v = v & ((1u64 << width) - 1);
    if signed && (v >> (width - 1)) & 1 == 1 {
        v | !((1u64 << width) - 1)
    } else {
        v
    }
}

/// The span's bytes with the field replaced by the low `width` bits of `v`.
pub fn set(raw: u128, bit: u32, width: u32, v: u64) -> u128 {
    let mask = if width >= 64 {
        u64::MAX as u128
    } else {
        (1u128 << width) - 1
    };
    (raw & !(mask << bit)) | ((v as u128 & mask) << bit)
}

/// Reads the `n` (≤ 16) bytes at the start of `bytes` as a little-endian integer.
pub fn read_le(bytes: &[u8], n: usize) -> u128 {
    let mut b = [0u8; 16];
    b[..n].copy_from_slice(&bytes[..n]);
    u128::from_le_bytes(b)
}

/// Writes the low `n` (≤ 16) bytes of `v` to the start of `bytes`, little-endian.
pub fn write_le(bytes: &mut [u8], n: usize, v: u128) {
    bytes[..n].copy_from_slice(&v.to_le_bytes()[..n]);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nine_byte_field_round_trips() {
        // A 63-bit field 2 bits into its unit: bytes 0..9.
        assert_eq!(span_bytes(8, 2, 63), 9);
        assert_eq!(span_bytes(4, 3, 5), 4);
        let raw = set(0b11, 2, 63, u64::MAX);
        assert_eq!(raw, (1u128 << 65) - 1);
        assert_eq!(get(raw, 2, 63, true) as i64, -1);
        assert_eq!(get(raw, 2, 63, false), u64::MAX >> 1);
        assert_eq!(get(raw, 0, 2, false), 3);
    }
}
