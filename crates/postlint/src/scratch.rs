//! Per-draft scratch buffers that stay on the stack for a tweet-sized
//! draft and move to the heap only for a long one.

/// The first `n` slots of `stack`, or, when `n` is past its length, `heap`
/// grown to `n` copies of `fill` (`stack` is expected to hold `fill` too).
pub(crate) fn slots<'a, T: Copy, const N: usize>(
    stack: &'a mut [T; N],
    heap: &'a mut Vec<T>,
    n: usize,
    fill: T,
) -> &'a mut [T] {
    match stack.get_mut(..n) {
        Some(slots) => slots,
        None => {
            heap.resize(n, fill);
            heap
        }
    }
}

/// A list that holds its first `N` items on the stack and moves to the heap
/// only past them (a tweet's phrase occurrences or learned words: no heap
/// block for most drafts).
pub(crate) struct Stacked<T, const N: usize> {
    on_stack: [T; N],
    len: usize,
    on_heap: Vec<T>,
    /// How many to make room for when the stack is full.
    hint: usize,
}

impl<T: Copy + Default, const N: usize> Stacked<T, N> {
    /// An empty list; past the stack, room for `hint` items (at least
    /// twice the stack's) at once.
    pub(crate) fn new(hint: usize) -> Self {
        Self {
            on_stack: [T::default(); N],
            len: 0,
            on_heap: Vec::new(),
            hint,
        }
    }

    pub(crate) fn push(&mut self, x: T) {
        if self.len < N {
            self.on_stack[self.len] = x;
            self.len += 1;
        } else {
            if self.on_heap.is_empty() {
                self.on_heap.reserve(self.hint.max(2 * N));
                self.on_heap.extend_from_slice(&self.on_stack);
            }
            self.on_heap.push(x);
        }
    }

    pub(crate) fn as_slice(&self) -> &[T] {
        if self.on_heap.is_empty() {
            &self.on_stack[..self.len]
        } else {
            &self.on_heap
        }
    }

    pub(crate) fn as_mut_slice(&mut self) -> &mut [T] {
        if self.on_heap.is_empty() {
            &mut self.on_stack[..self.len]
        } else {
            &mut self.on_heap
        }
    }
}

/// The vectors one draft's analysis fills and then drops, kept per thread
/// and handed, emptied, to the next draft: taking them and giving them back
/// is a thread-local access each, where each was a heap block of its own
/// (a `malloc` and a `free`, a few hundred instructions). Natively only:
/// the WebAssembly module allocates them afresh, for its size.
#[derive(Default)]
pub(crate) struct Spare {
    pub tokens: Vec<crate::tokenizer::Token>,
    pub sentences: Vec<crate::report::Span>,
    pub hits: Vec<crate::lexicon::Hit>,
    pub features: Vec<crate::features::Feature>,
    pub items: Vec<crate::normalize::Item>,
}

/// A spare vector with room for more items than this goes back to the
/// allocator instead: a long draft's do not stay with the thread.
#[cfg(not(target_arch = "wasm32"))]
const KEEP: usize = 1024;

#[cfg(not(target_arch = "wasm32"))]
thread_local! {
    static SPARE: std::cell::Cell<Spare> = const {
        std::cell::Cell::new(Spare {
            tokens: Vec::new(),
            sentences: Vec::new(),
            hits: Vec::new(),
            features: Vec::new(),
            items: Vec::new(),
        })
    };
}

impl Spare {
    /// The thread's spare vectors (empty ones the first time).
    pub(crate) fn take() -> Self {
        #[cfg(not(target_arch = "wasm32"))]
        return SPARE.try_with(std::cell::Cell::take).unwrap_or_default();
        #[cfg(target_arch = "wasm32")]
        Self::default()
    }

    /// Gives the vectors back to the thread, emptied, for its next draft.
    pub(crate) fn give_back(self) {
        #[cfg(not(target_arch = "wasm32"))]
        {
            fn emptied<T>(mut v: Vec<T>) -> Vec<T> {
                if v.capacity() > KEEP {
                    return Vec::new();
                }
                v.clear();
                v
            }
            let spare = Spare {
                tokens: emptied(self.tokens),
                sentences: emptied(self.sentences),
                hits: emptied(self.hits),
                features: emptied(self.features),
                items: emptied(self.items),
            };
            // (After the thread's locals are gone, they are just dropped.)
            let _ = SPARE.try_with(|s| s.set(spare));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_runs_use_the_stack_long_ones_the_heap() {
        let (mut stack, mut heap) = ([7u8; 4], Vec::new());
        assert_eq!(slots(&mut stack, &mut heap, 3, 7), [7, 7, 7]);
        assert!(heap.is_empty());
        let long = slots(&mut stack, &mut heap, 6, 7);
        long[5] = 1;
        assert_eq!(long, [7, 7, 7, 7, 7, 1]);
        assert_eq!(heap.len(), 6);
    }

    #[test]
    fn stacked_lists_keep_every_item_in_order_across_the_move() {
        let mut list: Stacked<u32, 3> = Stacked::new(0);
        assert!(list.as_slice().is_empty());
        for x in 0..3 {
            list.push(x);
        }
        assert_eq!(list.as_slice(), [0, 1, 2]);
        assert_eq!(list.on_heap.capacity(), 0);
        for x in 3..10 {
            list.push(x);
        }
        assert_eq!(list.as_slice(), (0..10).collect::<Vec<_>>());
        list.as_mut_slice().reverse();
        assert_eq!(list.as_slice()[0], 9);
        // Past the stack, room for the hint at once.
        let mut hinted: Stacked<u8, 2> = Stacked::new(50);
        for x in 0..3 {
            hinted.push(x);
        }
        assert!(hinted.on_heap.capacity() >= 50);
        assert_eq!(hinted.as_slice(), [0, 1, 2]);
    }
}
