//! Executable memory for compiled code: chunks mapped read-write-execute, filled by a bump
//! allocator, never unmapped and never moved.
//!
//! This sidesteps two dynasmrt pitfalls: an incremental `Assembler` moves committed code
//! when it grows (pointers into it dangle), and dropping an `ExecutableBuffer` unmaps code
//! that a slot or a frame may still use. The baseline tier assembles into a `Vec<u8>`
//! (position-independent code) and copies it here.
//!
//! The mapping is writable and executable at once: the executor runs the user's arbitrary
//! code anyway, so W^X would protect nothing here, and single mappings keep installs cheap.

use std::sync::Mutex;

const CHUNK: usize = 1 << 20;

struct Arena {
    next: usize,
    left: usize,
}

static ARENA: Mutex<Arena> = Mutex::new(Arena { next: 0, left: 0 });

fn map(size: usize) -> usize {
    let p = unsafe {
        libc::mmap(
            std::ptr::null_mut(),
            size,
            libc::PROT_READ | libc::PROT_WRITE | libc::PROT_EXEC,
            // Pages faulted in now, once per chunk, rather than one fault per function
            // (a visible part of a 20 us compile).
            libc::MAP_PRIVATE | libc::MAP_ANONYMOUS | libc::MAP_POPULATE,
            -1,
            0,
        )
    };
    if p == libc::MAP_FAILED {
        panic!("cannot map executable memory for compiled code");
    }
    p as usize
}

/// Copies `code` into executable memory; returns its address (16-byte aligned).
pub fn install(code: &[u8]) -> usize {
    let mut a = ARENA.lock().unwrap_or_else(|e| e.into_inner());
    let size = (code.len() + 15) & !15;
    if size > a.left {
        let n = size.max(CHUNK);
        a.next = map(n);
        a.left = n;
    }
    let at = a.next;
    a.next += size;
    a.left -= size;
    unsafe { std::ptr::copy_nonoverlapping(code.as_ptr(), at as *mut u8, code.len()) };
    at
}
