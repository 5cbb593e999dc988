//! Fault injection for tests (the `testing` feature, off by default): writes made on the
//! calling thread, of files whose names start with a prefix, fail part-way, as on a full
//! disk. Only the writes of [`files`](crate::files) consult it. Per thread, so that tests
//! running side by side do not fail each other's writes.

use std::cell::RefCell;

thread_local! {
    static FAILING: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
}

/// Makes every write on this thread of a file whose name starts with `prefix` fail after
/// half its bytes, with `StorageFull`, until the guard is dropped.
pub fn fail_writes(prefix: &str) -> FailingWrites {
    FAILING.with_borrow_mut(|failing| failing.push(prefix.to_owned()));
    FailingWrites { prefix: prefix.to_owned() }
}

/// While it lives, writes under its prefix fail on the thread that made it.
#[must_use = "writes fail only while the guard lives"]
pub struct FailingWrites {
    prefix: String,
}

impl Drop for FailingWrites {
    fn drop(&mut self) {
        FAILING.with_borrow_mut(|failing| {
            if let Some(at) = failing.iter().position(|p| *p == self.prefix) {
                failing.remove(at);
            }
        });
    }
}

/// Whether the write of `name` is to fail.
pub(crate) fn write_fails(name: &str) -> bool {
    FAILING.with_borrow(|failing| failing.iter().any(|prefix| name.starts_with(prefix.as_str())))
}
