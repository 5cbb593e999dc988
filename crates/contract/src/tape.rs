//! The event tape: how the host hands the guest an `event` it has already parsed and
//! checked, so the guest builds the object graph without tokenizing JSON text.
//!
//! Values are in prefix order. Each is a tag byte and its payload; lengths and counts are
//! unsigned LEB128 that fit in 32 bits: [`NULL`], [`FALSE`], [`TRUE`], [`INT`] (an i32,
//! 4 bytes little-endian), [`FLOAT`] (an f64, 8 bytes little-endian), [`STRING`]
//! (length, UTF-8 bytes), [`ARRAY`] (count, then the items), [`OBJECT`] (count, then per
//! member a key as length and UTF-8 bytes, then the value). Keys keep their order.
//! Arrays and objects nest at most [`MAX_EVENT_DEPTH`] levels, the outermost counting as
//! the first.
//!
//! [`Writer`] writes a tape; [`decode`] reads one into a [`Visitor`], which builds its
//! values directly (the guest makes QuickJS values, with no value in between).

use crate::limits::MAX_EVENT_DEPTH;

pub const NULL: u8 = 0;
pub const FALSE: u8 = 1;
pub const TRUE: u8 = 2;
pub const INT: u8 = 3;
pub const FLOAT: u8 = 4;
pub const STRING: u8 = 5;
pub const ARRAY: u8 = 6;
pub const OBJECT: u8 = 7;

/// Whether an array or object may start at `depth` (0 for the outermost value).
pub const fn container_allowed(depth: usize) -> bool {
    depth < MAX_EVENT_DEPTH
}

/// Writes values in prefix order: an array's or object's count first, then its items
/// (an object's as [`key`](Writer::key) and value pairs).
#[derive(Debug, Default)]
pub struct Writer {
    bytes: Vec<u8>,
}

impl Writer {
    pub fn with_capacity(bytes: usize) -> Self {
        Writer { bytes: Vec::with_capacity(bytes) }
    }

    pub fn null(&mut self) {
        self.bytes.push(NULL);
    }

    pub fn boolean(&mut self, value: bool) {
        self.bytes.push(if value { TRUE } else { FALSE });
    }

    pub fn int(&mut self, value: i32) {
        self.bytes.push(INT);
        self.bytes.extend_from_slice(&value.to_le_bytes());
    }

    pub fn float(&mut self, value: f64) {
        self.bytes.push(FLOAT);
        self.bytes.extend_from_slice(&value.to_le_bytes());
    }

    pub fn string(&mut self, value: &str) {
        self.bytes.push(STRING);
        self.text(value);
    }

    /// Starts an array of `count` items.
    pub fn array(&mut self, count: usize) {
        self.bytes.push(ARRAY);
        self.length(count);
    }

    /// Starts an object of `count` members.
    pub fn object(&mut self, count: usize) {
        self.bytes.push(OBJECT);
        self.length(count);
    }

    /// An object member's key; its value follows.
    pub fn key(&mut self, key: &str) {
        self.text(key);
    }

    /// Bytes written so far.
    pub fn len(&self) -> usize {
        self.bytes.len()
    }

    pub fn is_empty(&self) -> bool {
        self.bytes.is_empty()
    }

    pub fn into_bytes(self) -> Vec<u8> {
        self.bytes
    }

    fn text(&mut self, text: &str) {
        self.length(text.len());
        self.bytes.extend_from_slice(text.as_bytes());
    }

    /// Unsigned LEB128.
    fn length(&mut self, mut n: usize) {
        loop {
            let byte = (n & 0x7f) as u8;
            n >>= 7;
            if n == 0 {
                self.bytes.push(byte);
                return;
            }
            self.bytes.push(byte | 0x80);
        }
    }
}

/// Builds the values of a tape as [`decode`] reads them.
///
/// [`push`](Visitor::push) and [`member`](Visitor::member) take ownership of the item
/// whatever they return; [`discard`](Visitor::discard) receives the container being
/// built when decoding stops inside it.
pub trait Visitor {
    type Value;
    type Error;

    fn null(&mut self) -> Result<Self::Value, Self::Error>;
    fn boolean(&mut self, value: bool) -> Result<Self::Value, Self::Error>;
    fn int(&mut self, value: i32) -> Result<Self::Value, Self::Error>;
    fn float(&mut self, value: f64) -> Result<Self::Value, Self::Error>;
    fn string(&mut self, value: &str) -> Result<Self::Value, Self::Error>;
    /// An empty array that will receive `count` items.
    fn array(&mut self, count: usize) -> Result<Self::Value, Self::Error>;
    fn push(&mut self, array: &mut Self::Value, index: u32, item: Self::Value) -> Result<(), Self::Error>;
    /// An empty object that will receive `count` members.
    fn object(&mut self, count: usize) -> Result<Self::Value, Self::Error>;
    fn member(&mut self, object: &mut Self::Value, key: &str, value: Self::Value) -> Result<(), Self::Error>;
    fn discard(&mut self, value: Self::Value);
}

/// What is wrong with a tape.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum Malformed {
    #[error("truncated value")]
    Truncated,
    #[error("unknown tag {0}")]
    UnknownTag(u8),
    #[error("malformed length")]
    Length,
    #[error("a string that is not UTF-8")]
    Utf8,
    #[error("nested more than {MAX_EVENT_DEPTH} levels")]
    TooDeep,
    #[error("bytes after the value")]
    Trailing,
}

/// Why [`decode`] stopped.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError<E> {
    #[error("{problem} at byte {at}")]
    Malformed { problem: Malformed, at: usize },
    /// The visitor failed.
    #[error("the value could not be built")]
    Visitor(E),
}

/// Reads the one value `tape` holds.
pub fn decode<V: Visitor>(tape: &[u8], visitor: &mut V) -> Result<V::Value, DecodeError<V::Error>> {
    let mut reader = Reader { tape, at: 0, failure: None };
    match reader.value(visitor, 0) {
        Ok(value) if reader.at == tape.len() => Ok(value),
        Ok(value) => {
            visitor.discard(value);
            Err(DecodeError::Malformed { problem: Malformed::Trailing, at: reader.at })
        }
        Err(Stop) => Err(reader.failure.unwrap_or(DecodeError::Malformed { problem: Malformed::Truncated, at: 0 })),
    }
}

/// Decoding stopped; why is in [`Reader::failure`]. Kept apart so that the results the
/// reader passes around per value are no larger than the value (this is on every
/// execution's path).
struct Stop;

type Step<T> = Result<T, Stop>;

struct Reader<'a, E> {
    tape: &'a [u8],
    at: usize,
    failure: Option<DecodeError<E>>,
}

impl<'a, E> Reader<'a, E> {
    fn value<V: Visitor<Error = E>>(&mut self, visitor: &mut V, depth: usize) -> Step<V::Value> {
        let tag = self.byte()?;
        let value = match tag {
            NULL => visitor.null(),
            FALSE => visitor.boolean(false),
            TRUE => visitor.boolean(true),
            INT => {
                let b = self.take(4)?;
                visitor.int(i32::from_le_bytes([b[0], b[1], b[2], b[3]]))
            }
            FLOAT => {
                let b = self.take(8)?;
                visitor.float(f64::from_le_bytes([b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7]]))
            }
            STRING => {
                let text = self.text()?;
                visitor.string(text)
            }
            ARRAY | OBJECT => return self.container(visitor, tag, depth),
            other => return self.malformed(Malformed::UnknownTag(other)),
        };
        self.visited(value)
    }

    fn container<V: Visitor<Error = E>>(&mut self, visitor: &mut V, tag: u8, depth: usize) -> Step<V::Value> {
        if !container_allowed(depth) {
            return self.malformed(Malformed::TooDeep);
        }
        let count = self.length()?;
        let built = if tag == ARRAY { visitor.array(count) } else { visitor.object(count) };
        let mut container = self.visited(built)?;
        let filled = if tag == ARRAY {
            self.items(visitor, &mut container, count, depth)
        } else {
            self.members(visitor, &mut container, count, depth)
        };
        match filled {
            Ok(()) => Ok(container),
            Err(stop) => {
                visitor.discard(container);
                Err(stop)
            }
        }
    }

    fn items<V: Visitor<Error = E>>(
        &mut self,
        visitor: &mut V,
        array: &mut V::Value,
        count: usize,
        depth: usize,
    ) -> Step<()> {
        for index in 0..count {
            let item = self.value(visitor, depth + 1)?;
            // `count` fits in 32 bits (`length`).
            let pushed = visitor.push(array, index as u32, item);
            self.visited(pushed)?;
        }
        Ok(())
    }

    fn members<V: Visitor<Error = E>>(
        &mut self,
        visitor: &mut V,
        object: &mut V::Value,
        count: usize,
        depth: usize,
    ) -> Step<()> {
        for _ in 0..count {
            let key = self.text()?;
            let member = self.value(visitor, depth + 1)?;
            let added = visitor.member(object, key, member);
            self.visited(added)?;
        }
        Ok(())
    }

    #[cold]
    fn malformed<T>(&mut self, problem: Malformed) -> Step<T> {
        self.malformed_at(problem, self.at)
    }

    #[cold]
    fn malformed_at<T>(&mut self, problem: Malformed, at: usize) -> Step<T> {
        self.failure = Some(DecodeError::Malformed { problem, at });
        Err(Stop)
    }

    #[inline(always)]
    fn visited<T>(&mut self, result: Result<T, E>) -> Step<T> {
        match result {
            Ok(value) => Ok(value),
            Err(error) => {
                self.failure = Some(DecodeError::Visitor(error));
                Err(Stop)
            }
        }
    }

    #[inline(always)]
    fn byte(&mut self) -> Step<u8> {
        match self.tape.get(self.at) {
            Some(byte) => {
                self.at += 1;
                Ok(*byte)
            }
            None => self.malformed(Malformed::Truncated),
        }
    }

    #[inline(always)]
    fn take(&mut self, n: usize) -> Step<&'a [u8]> {
        match self.tape.get(self.at..self.at.saturating_add(n)) {
            Some(bytes) => {
                self.at += n;
                Ok(bytes)
            }
            None => self.malformed(Malformed::Truncated),
        }
    }

    /// An unsigned LEB128 number that fits in 32 bits.
    #[inline(always)]
    fn length(&mut self) -> Step<usize> {
        let mut value: u32 = 0;
        let mut shift = 0;
        loop {
            let byte = self.byte()?;
            value |= u32::from(byte & 0x7f) << shift;
            if byte & 0x80 == 0 {
                return Ok(value as usize);
            }
            shift += 7;
            // The fifth byte may hold the top 4 bits only, and nothing follows it.
            if shift == 28 {
                let last = self.byte()?;
                if last > 0x0f {
                    return self.malformed(Malformed::Length);
                }
                return Ok((value | u32::from(last) << 28) as usize);
            }
        }
    }

    #[inline(always)]
    fn text(&mut self) -> Step<&'a str> {
        let length = self.length()?;
        let at = self.at;
        let bytes = self.take(length)?;
        match std::str::from_utf8(bytes) {
            Ok(text) => Ok(text),
            Err(_) => self.malformed_at(Malformed::Utf8, at),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A plain tree, for checking that what is written is what is read.
    #[derive(Debug, Clone, PartialEq)]
    enum Tree {
        Null,
        Bool(bool),
        Int(i32),
        Float(f64),
        Str(String),
        List(Vec<Tree>),
        Map(Vec<(String, Tree)>),
    }

    struct Build {
        discarded: usize,
    }

    impl Visitor for Build {
        type Value = Tree;
        type Error = ();

        fn null(&mut self) -> Result<Tree, ()> {
            Ok(Tree::Null)
        }
        fn boolean(&mut self, value: bool) -> Result<Tree, ()> {
            Ok(Tree::Bool(value))
        }
        fn int(&mut self, value: i32) -> Result<Tree, ()> {
            Ok(Tree::Int(value))
        }
        fn float(&mut self, value: f64) -> Result<Tree, ()> {
            Ok(Tree::Float(value))
        }
        fn string(&mut self, value: &str) -> Result<Tree, ()> {
            if value == "refuse" { Err(()) } else { Ok(Tree::Str(value.into())) }
        }
        fn array(&mut self, _: usize) -> Result<Tree, ()> {
            Ok(Tree::List(Vec::new()))
        }
        fn push(&mut self, array: &mut Tree, _: u32, item: Tree) -> Result<(), ()> {
            let Tree::List(items) = array else { return Err(()) };
            items.push(item);
            Ok(())
        }
        fn object(&mut self, _: usize) -> Result<Tree, ()> {
            Ok(Tree::Map(Vec::new()))
        }
        fn member(&mut self, object: &mut Tree, key: &str, value: Tree) -> Result<(), ()> {
            let Tree::Map(members) = object else { return Err(()) };
            members.push((key.into(), value));
            Ok(())
        }
        fn discard(&mut self, _: Tree) {
            self.discarded += 1;
        }
    }

    fn write(tree: &Tree, writer: &mut Writer) {
        match tree {
            Tree::Null => writer.null(),
            Tree::Bool(b) => writer.boolean(*b),
            Tree::Int(i) => writer.int(*i),
            Tree::Float(f) => writer.float(*f),
            Tree::Str(s) => writer.string(s),
            Tree::List(items) => {
                writer.array(items.len());
                items.iter().for_each(|item| write(item, writer));
            }
            Tree::Map(members) => {
                writer.object(members.len());
                for (key, value) in members {
                    writer.key(key);
                    write(value, writer);
                }
            }
        }
    }

    fn read(tape: &[u8]) -> (Result<Tree, DecodeError<()>>, usize) {
        let mut build = Build { discarded: 0 };
        let result = decode(tape, &mut build);
        (result, build.discarded)
    }

    fn nested(levels: usize) -> Tree {
        (1..levels).fold(Tree::List(vec![]), |inner, _| Tree::List(vec![inner]))
    }

    #[test]
    fn what_is_written_is_read_back() {
        let long = "x".repeat(300);
        let tree = Tree::Map(vec![
            ("__proto__".into(), Tree::Null),
            ("b".into(), Tree::List(vec![Tree::Bool(true), Tree::Bool(false), Tree::Int(-7), Tree::Float(2.5)])),
            (long.clone(), Tree::Str("é🙂".into())),
            ("a".into(), Tree::Map(vec![])),
        ]);
        let mut writer = Writer::default();
        write(&tree, &mut writer);
        assert_eq!(read(&writer.into_bytes()).0, Ok(tree));
    }

    #[test]
    fn the_format_is_tags_and_leb128_lengths() {
        let mut writer = Writer::default();
        write(&Tree::Map(vec![("n".into(), Tree::List(vec![Tree::Int(1), Tree::Str("x".repeat(128))]))]), &mut writer);
        let expected =
            [&[OBJECT, 1, 1, b'n', ARRAY, 2, INT, 1, 0, 0, 0, STRING, 0x80, 0x01][..], &[b'x'; 128]].concat();
        assert_eq!(writer.into_bytes(), expected);
    }

    #[test]
    fn nesting_stops_at_the_limit() {
        let mut writer = Writer::default();
        write(&nested(MAX_EVENT_DEPTH), &mut writer);
        assert!(read(&writer.into_bytes()).0.is_ok());
        let mut writer = Writer::default();
        write(&nested(MAX_EVENT_DEPTH + 1), &mut writer);
        let (result, discarded) = read(&writer.into_bytes());
        assert!(matches!(result, Err(DecodeError::Malformed { problem: Malformed::TooDeep, .. })));
        assert_eq!(discarded, MAX_EVENT_DEPTH, "every container begun is discarded");
    }

    #[test]
    fn malformed_tapes_are_refused_with_where() {
        let refused = |tape: &[u8]| match read(tape).0 {
            Err(DecodeError::Malformed { problem, at }) => (problem, at),
            other => panic!("{tape:?} gave {other:?}"),
        };
        assert_eq!(refused(&[]), (Malformed::Truncated, 0));
        assert_eq!(refused(&[9]), (Malformed::UnknownTag(9), 1));
        assert_eq!(refused(&[INT, 1, 2]), (Malformed::Truncated, 1));
        assert_eq!(refused(&[STRING, 2, 0xff, 0xfe]), (Malformed::Utf8, 2));
        assert_eq!(refused(&[STRING, 0xff, 0xff, 0xff, 0xff, 0x7f]).0, Malformed::Length);
        assert_eq!(refused(&[NULL, NULL]), (Malformed::Trailing, 1));
        assert_eq!(refused(&[ARRAY, 3, NULL]).0, Malformed::Truncated);
    }

    /// Counts what it makes and what it is given back, to check that every value begun
    /// is either returned (inside the result) or discarded.
    struct Count {
        made: usize,
        discarded: usize,
    }

    impl Visitor for Count {
        type Value = usize;
        type Error = ();

        fn null(&mut self) -> Result<usize, ()> {
            Ok(0)
        }
        fn boolean(&mut self, _: bool) -> Result<usize, ()> {
            Ok(0)
        }
        fn int(&mut self, _: i32) -> Result<usize, ()> {
            Ok(0)
        }
        fn float(&mut self, _: f64) -> Result<usize, ()> {
            Ok(0)
        }
        fn string(&mut self, _: &str) -> Result<usize, ()> {
            Ok(0)
        }
        fn array(&mut self, _: usize) -> Result<usize, ()> {
            self.made += 1;
            Ok(1)
        }
        fn push(&mut self, array: &mut usize, _: u32, item: usize) -> Result<(), ()> {
            *array += item;
            Ok(())
        }
        fn object(&mut self, _: usize) -> Result<usize, ()> {
            self.made += 1;
            Ok(1)
        }
        fn member(&mut self, object: &mut usize, _: &str, value: usize) -> Result<(), ()> {
            *object += value;
            Ok(())
        }
        fn discard(&mut self, value: usize) {
            self.discarded += value;
        }
    }

    #[test]
    fn arbitrary_bytes_decode_or_are_refused_and_nothing_begun_is_lost() {
        let mut seed: u64 = 0x5eed;
        let mut next = move || {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            (seed >> 33) as u8
        };
        let mut valid = Writer::default();
        write(
            &Tree::Map(vec![("a".into(), Tree::List(vec![Tree::Int(1), Tree::Map(vec![]), Tree::Str("x".into())]))]),
            &mut valid,
        );
        let valid = valid.into_bytes();
        for round in 0..20_000 {
            let tape: Vec<u8> = if round % 2 == 0 {
                // A valid tape with a few bytes changed, cut, or extended.
                let mut tape = valid.clone();
                for _ in 0..=(next() % 3) {
                    let at = next() as usize % tape.len();
                    tape[at] = next() % 9;
                }
                tape.truncate(tape.len() - (next() as usize % 3));
                tape
            } else {
                (0..(next() % 24)).map(|_| if next() % 2 == 0 { next() % 9 } else { next() }).collect()
            };
            let mut count = Count { made: 0, discarded: 0 };
            let kept = decode(&tape, &mut count).unwrap_or(0);
            assert_eq!(kept + count.discarded, count.made, "{tape:?}");
        }
    }

    #[test]
    fn a_visitor_failure_discards_what_was_begun() {
        let mut writer = Writer::default();
        write(&Tree::List(vec![Tree::Map(vec![("k".into(), Tree::Str("refuse".into()))])]), &mut writer);
        assert_eq!(read(&writer.into_bytes()), (Err(DecodeError::Visitor(())), 2));
    }
}
