//! Values looked up by name, sharing the crate's string hash table type.
//!
//! Every distinct key and value type of a hash map is a copy of the hash
//! table's code (insert, rehash, look-up, drop) in the WebAssembly module,
//! about 1 KB each after `wasm-opt`. [`NameMap`] keeps its values in a
//! `Vec` and maps names to their index in the `FxHashMap<Box<str>, u32>`
//! that the model's long words, the lexicon's vocabulary and the JavaScript
//! view's string table already use, so a map by name of any value type
//! costs no new copy.

use rustc_hash::FxHashMap;

/// A map from names to values of type `V` (see the module docs).
#[derive(Clone, Debug)]
pub(crate) struct NameMap<V> {
    index: FxHashMap<Box<str>, u32>,
    /// The values, in insertion order.
    values: Vec<V>,
}

impl<V> Default for NameMap<V> {
    fn default() -> Self {
        Self {
            index: FxHashMap::default(),
            values: Vec::new(),
        }
    }
}

impl<V> NameMap<V> {
    /// Sets `name`'s value, returning the value it had.
    pub fn insert(&mut self, name: Box<str>, value: V) -> Option<V> {
        if let Some(&i) = self.index.get(&name) {
            return self
                .values
                .get_mut(i as usize)
                .map(|old| std::mem::replace(old, value));
        }
        // More than u32::MAX names cannot be: each takes memory.
        let i = u32::try_from(self.values.len()).unwrap_or(u32::MAX);
        self.index.insert(name, i);
        self.values.push(value);
        None
    }

    /// The value of `name`.
    pub fn get(&self, name: &str) -> Option<&V> {
        let &i = self.index.get(name)?;
        self.values.get(i as usize)
    }

    /// The names and values, in no particular order (as for a `HashMap`).
    pub fn iter(&self) -> impl Iterator<Item = (&Box<str>, &V)> {
        let values = &self.values;
        self.index
            .iter()
            .filter_map(move |(k, &i)| Some((k, values.get(i as usize)?)))
    }
}

/// Equal when they hold the same names with equal values, in any order (as
/// for a `HashMap`).
impl<V: PartialEq> PartialEq for NameMap<V> {
    fn eq(&self, other: &Self) -> bool {
        self.values.len() == other.values.len() && self.iter().all(|(k, v)| other.get(k) == Some(v))
    }
}

impl<V> FromIterator<(Box<str>, V)> for NameMap<V> {
    /// A later value of a name replaces an earlier one (as for a `HashMap`).
    fn from_iter<I: IntoIterator<Item = (Box<str>, V)>>(iter: I) -> Self {
        let mut map = Self::default();
        for (k, v) in iter {
            map.insert(k, v);
        }
        map
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn behaves_as_a_map() {
        let mut m: NameMap<[f64; 2]> = NameMap::default();
        assert_eq!(m.get("a"), None);
        assert_eq!(m.insert("a".into(), [1.0, 2.0]), None);
        assert_eq!(m.insert("b".into(), [3.0, 4.0]), None);
        assert_eq!(m.insert("a".into(), [5.0, 6.0]), Some([1.0, 2.0]));
        assert_eq!(m.get("a"), Some(&[5.0, 6.0]));
        assert_eq!(m.get("b"), Some(&[3.0, 4.0]));
        assert_eq!(m.get("c"), None);
        let mut names: Vec<&str> = m.iter().map(|(k, _)| &**k).collect();
        names.sort_unstable();
        assert_eq!(names, ["a", "b"]);

        let other: NameMap<[f64; 2]> = [
            ("b".into(), [3.0, 4.0]),
            ("a".into(), [0.0, 0.0]),
            ("a".into(), [5.0, 6.0]),
        ]
        .into_iter()
        .collect();
        assert_eq!(m, other, "order does not matter, later values win");
        let fewer: NameMap<[f64; 2]> = [("a".into(), [5.0, 6.0])].into_iter().collect();
        assert_ne!(m, fewer);
        let changed: NameMap<[f64; 2]> = [("a".into(), [5.0, 6.0]), ("b".into(), [3.0, 0.0])]
            .into_iter()
            .collect();
        assert_ne!(m, changed);
    }
}
