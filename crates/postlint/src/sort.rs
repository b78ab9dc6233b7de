//! The crate's sorts, in one place.
//!
//! Natively these are the standard library's sorts. In the WebAssembly
//! module every `sort_by`/`sort_unstable` of a new element type or
//! comparator used to be a fresh copy of the standard sort (driftsort or
//! ipnsort with their small-sort networks, 3-6 KB each): about a fifth of the
//! module's code. There, every sort goes through [`sort_by_indices`] instead,
//! whose sorting part is compiled once: it sorts a list of indices with a
//! `dyn` comparator and then moves the elements into place by swaps. The
//! result is the same as the standard stable sort's (ties keep their order),
//! so every build orders alike.

use std::cmp::Ordering;

/// Sorts `v` by `cmp`, keeping equal elements in their order (a stable sort,
/// as `slice::sort_by`).
pub(crate) fn sort_by<T>(v: &mut [T], cmp: impl FnMut(&T, &T) -> Ordering) {
    #[cfg(target_family = "wasm")]
    sort_by_indices(v, cmp);
    #[cfg(not(target_family = "wasm"))]
    v.sort_by(cmp);
}

/// Sorts `v` by the key `f` gives, stably (as `slice::sort_by_key`).
pub(crate) fn sort_by_key<T, K: Ord>(v: &mut [T], mut f: impl FnMut(&T) -> K) {
    sort_by(v, |a, b| f(a).cmp(&f(b)));
}

/// Sorts `v` in ascending order. Equal elements keep their order, which no
/// caller can tell from `sort_unstable` for the types sorted here.
pub(crate) fn sort<T: Ord>(v: &mut [T]) {
    sort_by(v, T::cmp);
}

/// A stable sort whose only generic parts are the comparator's glue and the
/// swaps that put elements in place.
#[cfg_attr(not(target_family = "wasm"), allow(dead_code))]
pub(crate) fn sort_by_indices<T>(v: &mut [T], mut cmp: impl FnMut(&T, &T) -> Ordering) {
    if v.len() < 2 {
        return;
    }
    let mut order: Vec<usize> = (0..v.len()).collect();
    {
        let items: &[T] = v;
        sort_indices(&mut order, &mut |a, b| cmp(&items[a], &items[b]));
    }
    // `order[k]` is the index of the element that belongs at `k`. Follow each
    // cycle of that permutation with swaps, marking places done (`order[k] = k`).
    for start in 0..order.len() {
        let mut at = start;
        while order[at] != start {
            let from = order[at];
            v.swap(at, from);
            order[at] = at;
            at = from;
        }
        order[at] = at;
    }
}

/// Sorts indices by `cmp`, stably: a bottom-up merge sort, not generic, so
/// one small copy in the module (the standard unstable sort on `usize`
/// brings sorting networks of several kilobytes).
fn sort_indices(order: &mut Vec<usize>, cmp: &mut dyn FnMut(usize, usize) -> Ordering) {
    let n = order.len();
    let mut merged = vec![0; n];
    let mut width = 1;
    while width < n {
        for lo in (0..n).step_by(2 * width) {
            let mid = (lo + width).min(n);
            let hi = (lo + 2 * width).min(n);
            let (mut i, mut j) = (lo, mid);
            for slot in &mut merged[lo..hi] {
                // The left run wins ties: that keeps the sort stable.
                let left = j == hi || (i < mid && cmp(order[i], order[j]) != Ordering::Greater);
                if left {
                    *slot = order[i];
                    i += 1;
                } else {
                    *slot = order[j];
                    j += 1;
                }
            }
        }
        std::mem::swap(order, &mut merged);
        width *= 2;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// The index sort orders exactly as the standard stable sort, ties included.
        #[test]
        fn index_sort_is_the_stable_sort(v in prop::collection::vec((0u8..6, any::<u16>()), 0..200)) {
            let mut expected = v.clone();
            expected.sort_by_key(|p| p.0);
            let mut got = v.clone();
            sort_by_indices(&mut got, |a, b| a.0.cmp(&b.0));
            prop_assert_eq!(&got, &expected);
            let mut got = v;
            sort_by_key(&mut got, |p| p.0);
            prop_assert_eq!(got, expected);
        }
    }

    #[test]
    fn sorts_owned_values_in_place() {
        let mut v: Vec<String> = ["pear", "fig", "apple", "fig", "date"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        sort_by_indices(&mut v, |a, b| a.len().cmp(&b.len()));
        assert_eq!(v, ["fig", "fig", "pear", "date", "apple"]);
        sort(&mut v);
        assert_eq!(v, ["apple", "date", "fig", "fig", "pear"]);
    }
}
