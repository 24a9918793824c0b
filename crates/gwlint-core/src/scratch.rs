//! Lists a hot function works in, kept by each thread from call to call instead of allocated and
//! grown for each call (the split of every run, the readings and stretches of the typo
//! detectors).

use std::cell::RefCell;
use std::thread::LocalKey;

/// Calls `f` with the thread's value in `key`, or with a new one when the thread's is in use
/// already (a call made from inside another). What `f` leaves in the value is kept for the next
/// call: `f` empties or shrinks it as its caller needs.
#[inline(always)]
pub(crate) fn with_scratch<T: Default + 'static, R>(
    key: &'static LocalKey<RefCell<T>>,
    f: impl FnOnce(&mut T) -> R,
) -> R {
    key.with(|cell| match cell.try_borrow_mut() {
        Ok(mut kept) => f(&mut kept),
        Err(_) => f(&mut T::default()),
    })
}

#[cfg(test)]
mod tests {
    use super::with_scratch;
    use std::cell::RefCell;

    thread_local! {
        static LIST: RefCell<Vec<u32>> = const { RefCell::new(Vec::new()) };
    }

    #[test]
    fn the_value_is_kept_and_a_nested_call_gets_its_own() {
        with_scratch(&LIST, |list| list.push(1));
        let (outer, inner) = with_scratch(&LIST, |list| {
            list.push(2);
            let inner = with_scratch(&LIST, |nested| {
                nested.push(9);
                nested.clone()
            });
            (list.clone(), inner)
        });
        assert_eq!((outer, inner), (vec![1, 2], vec![9]));
        assert_eq!(with_scratch(&LIST, |list| list.clone()), [1, 2]);
    }
}
