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
}
