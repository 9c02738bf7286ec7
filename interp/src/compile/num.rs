//! The integer and floating kinds the closures are specialized for, as one trait, so each
//! operator is written once and monomorphized per kind.

/// A scalar kind: how its value sits in the 64-bit value bits and in memory.
pub(crate) trait Num: Copy + PartialOrd + 'static {
    fn from_bits(v: u64) -> Self;
    fn to_bits(self) -> u64;
    fn add(self, o: Self) -> Self;
    fn sub(self, o: Self) -> Self;
    fn mul(self, o: Self) -> Self;
    /// `None` for integer division by zero.
    fn div(self, o: Self) -> Option<Self>;
    fn rem(self, o: Self) -> Option<Self>;
    fn one() -> Self;
    fn neg(self) -> Self;
    /// # Safety
    /// `p` must be valid for reads of the kind's size.
    unsafe fn read(p: *const u8) -> Self {
        std::ptr::read_unaligned(p as *const Self)
    }
    /// # Safety
    /// `p` must be valid for writes of the kind's size.
    unsafe fn write(p: *mut u8, v: Self) {
        std::ptr::write_unaligned(p as *mut Self, v)
    }
}

/// Integer kinds additionally have bit operations.
pub(crate) trait Int: Num {
    fn and(self, o: Self) -> Self;
    fn or(self, o: Self) -> Self;
    fn xor(self, o: Self) -> Self;
    fn not(self) -> Self;
    /// Shift counts are masked to the width, as x86-64 does.
    fn shl(self, n: u64) -> Self;
    fn shr(self, n: u64) -> Self;
}

macro_rules! int_num {
    ($t:ty, $to:expr) => {
        impl Num for $t {
            #[inline(always)]
            fn from_bits(v: u64) -> Self {
                v as $t
            }
            #[inline(always)]
            fn to_bits(self) -> u64 {
                $to(self)
            }
            #[inline(always)]
            fn add(self, o: Self) -> Self {
                self.wrapping_add(o)
            }
            #[inline(always)]
            fn sub(self, o: Self) -> Self {
                self.wrapping_sub(o)
            }
            #[inline(always)]
            fn mul(self, o: Self) -> Self {
                self.wrapping_mul(o)
            }
            #[inline(always)]
            fn div(self, o: Self) -> Option<Self> {
                if o == 0 {
                    None
                } else {
                    Some(self.wrapping_div(o))
                }
            }
            #[inline(always)]
            fn rem(self, o: Self) -> Option<Self> {
                if o == 0 {
                    None
                } else {
                    Some(self.wrapping_rem(o))
                }
            }
            #[inline(always)]
            fn one() -> Self {
                1
            }
            #[inline(always)]
            fn neg(self) -> Self {
                self.wrapping_neg()
            }
        }
        impl Int for $t {
            #[inline(always)]
            fn and(self, o: Self) -> Self {
                self & o
            }
            #[inline(always)]
            fn or(self, o: Self) -> Self {
                self | o
            }
            #[inline(always)]
            fn xor(self, o: Self) -> Self {
                self ^ o
            }
            #[inline(always)]
            fn not(self) -> Self {
                !self
            }
            #[inline(always)]
            fn shl(self, n: u64) -> Self {
                self.wrapping_shl(n as u32)
            }
            #[inline(always)]
            fn shr(self, n: u64) -> Self {
                self.wrapping_shr(n as u32)
            }
        }
    };
}

int_num!(i8, |v: i8| v as i64 as u64);
int_num!(u8, |v: u8| v as u64);
int_num!(i16, |v: i16| v as i64 as u64);
int_num!(u16, |v: u16| v as u64);
int_num!(i32, |v: i32| v as i64 as u64);
int_num!(u32, |v: u32| v as u64);
int_num!(i64, |v: i64| v as u64);
int_num!(u64, |v: u64| v);

macro_rules! float_num {
    ($t:ty, $bits:ty) => {
        impl Num for $t {
            #[inline(always)]
            fn from_bits(v: u64) -> Self {
                <$t>::from_bits(v as $bits)
            }
            #[inline(always)]
            fn to_bits(self) -> u64 {
                <$t>::to_bits(self) as u64
            }
            #[inline(always)]
            fn add(self, o: Self) -> Self {
                self + o
            }
            #[inline(always)]
            fn sub(self, o: Self) -> Self {
                self - o
            }
            #[inline(always)]
            fn mul(self, o: Self) -> Self {
                self * o
            }
            #[inline(always)]
            fn div(self, o: Self) -> Option<Self> {
                Some(self / o)
            }
            #[inline(always)]
            fn rem(self, _o: Self) -> Option<Self> {
                None
            }
            #[inline(always)]
            fn one() -> Self {
                1.0
            }
            #[inline(always)]
            fn neg(self) -> Self {
                -self
            }
        }
    };
}

float_num!(f32, u32);
float_num!(f64, u64);
