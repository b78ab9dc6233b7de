//! Statics built on first use (the lexicon, the model, the TLD list...).
//!
//! A `Lazy` on `once_cell::race::OnceBox`: first use builds the value, and
//! if two threads race, both build it and one result is kept. Every static
//! here is a pure function of compiled-in data, so that is harmless, and it
//! needs only an atomic pointer: `once_cell::sync::Lazy` (and std's
//! `LazyLock` natively) park waiting threads, which linked std's thread
//! bookkeeping and a second allocator into the WebAssembly module (about
//! 6 KB gzipped).

use std::ops::Deref;

use once_cell::race::OnceBox;

/// A value built by `init` on first dereference.
pub(crate) struct Lazy<T> {
    cell: OnceBox<T>,
    init: fn() -> T,
}

impl<T> Lazy<T> {
    /// A static whose value `init` builds on first use.
    pub(crate) const fn new(init: fn() -> T) -> Self {
        Self {
            cell: OnceBox::new(),
            init,
        }
    }
}

impl<T> Deref for Lazy<T> {
    type Target = T;

    fn deref(&self) -> &T {
        self.cell.get_or_init(|| Box::new((self.init)()))
    }
}

#[cfg(test)]
mod tests {
    use super::Lazy;
    use std::sync::atomic::{AtomicUsize, Ordering};

    static BUILDS: AtomicUsize = AtomicUsize::new(0);
    static VALUE: Lazy<Vec<u32>> = Lazy::new(|| {
        BUILDS.fetch_add(1, Ordering::SeqCst);
        vec![1, 2, 3]
    });

    #[test]
    fn builds_once_and_every_thread_sees_the_same_value() {
        let seen: Vec<usize> = std::thread::scope(|s| {
            let handles: Vec<_> = (0..8)
                .map(|_| s.spawn(|| VALUE.as_ptr() as usize))
                .collect();
            handles.into_iter().map(|h| h.join().unwrap()).collect()
        });
        assert!(seen.windows(2).all(|w| w[0] == w[1]), "one value kept");
        assert_eq!(*VALUE, [1, 2, 3]);
        // A race may build it more than once, never more than once per thread.
        assert!((1..=8).contains(&BUILDS.load(Ordering::SeqCst)));
        let again = BUILDS.load(Ordering::SeqCst);
        assert_eq!(VALUE.len(), 3);
        assert_eq!(
            BUILDS.load(Ordering::SeqCst),
            again,
            "built on first use only"
        );
    }
}
