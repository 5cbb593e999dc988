//! Bulk memory in pages: rewrites the guest module so that its `memory.fill` and
//! `memory.copy` instructions call two functions added to it, which do the same work a
//! page at a time.
//!
//! wasmtime charges a bulk-memory instruction its fuel by the byte and checks the fuel
//! and the epoch before it, then runs it in one go on the host. An Action that fills or
//! copies large buffers (`new Uint8Array(n)` is a `calloc`, `.fill()` and `.set()` are
//! `memset` and `memmove`) thus holds its thread for the whole operation: a megabyte of
//! memory touched for the first time takes a millisecond here, its page faults included,
//! which no yield interval splits. Rewritten, the operation is a loop of page-sized
//! instructions, each charged and checked on its own: the execution yields, or is
//! stopped, within a page of its yield interval or its deadline.
//!
//! Semantics are the instructions': an operation out of bounds traps before writing
//! anything (the whole range is checked first), and overlapping copies move the bytes as
//! if through a temporary buffer (pages are copied front to back when the destination is
//! below the source, back to front otherwise). Only memory 0 exists in the guest; an
//! operation on another memory is refused rather than left whole.

use wasm_encoder::reencode::{self, Reencode, RoundtripReencoder};
use wasm_encoder::{BlockType, CodeSection, Function, FunctionSection, Instruction, TypeSection, ValType};
use wasmparser::{Operator, Parser, Payload, TypeRef};

/// The bytes an operation moves between two checks of the fuel and the epoch: a page,
/// at most about 3.5 µs here (filling a page touched for the first time, its page fault
/// included).
pub const PAGE: u32 = 4096;

/// `module` with every `memory.fill` and `memory.copy` replaced by a call of a function
/// added at the end of its function index space (no other index moves) that does it a
/// page at a time.
pub fn in_pages(module: &[u8]) -> Result<Vec<u8>, String> {
    let counts = Counts::of(module)?;
    let mut rewriter = Rewriter { ty: counts.types, fill: counts.functions, copy: counts.functions + 1, refused: None };
    let mut encoded = wasm_encoder::Module::new();
    let parsed = rewriter.parse_core_module(&mut encoded, Parser::new(0), module);
    if let Some(refused) = rewriter.refused {
        return Err(refused);
    }
    parsed.map_err(|e| format!("rewriting bulk-memory instructions: {e}"))?;
    Ok(encoded.finish())
}

/// The sizes of the index spaces the added type and functions go at the end of.
struct Counts {
    types: u32,
    functions: u32,
}

impl Counts {
    fn of(module: &[u8]) -> Result<Self, String> {
        let mut counts = Counts { types: 0, functions: 0 };
        for payload in Parser::new(0).parse_all(module) {
            match payload.map_err(|e| format!("reading the guest module: {e}"))? {
                Payload::TypeSection(reader) => {
                    for group in reader {
                        let group = group.map_err(|e| format!("reading the guest's types: {e}"))?;
                        counts.types += u32::try_from(group.types().len()).map_err(|_| "too many types")?;
                    }
                }
                Payload::ImportSection(reader) => {
                    for import in reader.into_imports() {
                        let import = import.map_err(|e| format!("reading the guest's imports: {e}"))?;
                        if matches!(import.ty, TypeRef::Func(_) | TypeRef::FuncExact(_)) {
                            counts.functions += 1;
                        }
                    }
                }
                Payload::FunctionSection(reader) => counts.functions += reader.count(),
                _ => {}
            }
        }
        Ok(counts)
    }
}

/// Copies the module, swapping the bulk-memory instructions for calls and appending the
/// functions that work in pages and their type.
struct Rewriter {
    /// The index of the added type `(i32, i32, i32) -> ()`.
    ty: u32,
    /// The function indices of the fill and the copy in pages.
    fill: u32,
    copy: u32,
    /// Why the module cannot be rewritten, when it cannot.
    refused: Option<String>,
}

impl Reencode for Rewriter {
    type Error = std::convert::Infallible;

    fn instruction<'a>(&mut self, op: Operator<'a>) -> Result<Instruction<'a>, reencode::Error> {
        match op {
            Operator::MemoryFill { mem: 0 } => Ok(Instruction::Call(self.fill)),
            Operator::MemoryCopy { dst_mem: 0, src_mem: 0 } => Ok(Instruction::Call(self.copy)),
            Operator::MemoryFill { .. } | Operator::MemoryCopy { .. } => {
                self.refused = Some("the guest uses bulk-memory instructions on a second memory".into());
                RoundtripReencoder.instruction(op)
            }
            other => reencode::utils::instruction(self, other),
        }
    }

    fn parse_type_section(
        &mut self,
        types: &mut TypeSection,
        section: wasmparser::TypeSectionReader<'_>,
    ) -> Result<(), reencode::Error> {
        reencode::utils::parse_type_section(self, types, section)?;
        types.ty().function([ValType::I32; 3], []);
        Ok(())
    }

    fn parse_function_section(
        &mut self,
        functions: &mut FunctionSection,
        section: wasmparser::FunctionSectionReader<'_>,
    ) -> Result<(), reencode::Error> {
        reencode::utils::parse_function_section(self, functions, section)?;
        functions.function(self.ty);
        functions.function(self.ty);
        Ok(())
    }

    fn parse_code_section(
        &mut self,
        code: &mut CodeSection,
        section: wasmparser::CodeSectionReader<'_>,
    ) -> Result<(), reencode::Error> {
        reencode::utils::parse_code_section(self, code, section)?;
        code.function(&fill_in_pages());
        code.function(&copy_in_pages());
        Ok(())
    }
}

// The parameters of both functions: the destination, then the value or the source, then
// the length. Both are built from the instructions they replace, run a page at a time.
const DST: u32 = 0;
const SRC_OR_VALUE: u32 = 1;
const LEN: u32 = 2;

/// `fill(dst, value, len)`: `memory.fill` a page at a time.
fn fill_in_pages() -> Function {
    let fill = Instruction::MemoryFill(0);
    let mut f = Function::new([]);
    let mut emit = |instructions: &[Instruction]| instructions.iter().for_each(|i| _ = f.instruction(i));
    short_operation(&mut emit, &fill);
    trap_unless_in_bounds(&mut emit, DST, &fill);
    emit(&[
        Instruction::Loop(BlockType::Empty),
        Instruction::LocalGet(DST),
        Instruction::LocalGet(SRC_OR_VALUE),
        Instruction::I32Const(PAGE as i32),
        fill.clone(),
    ]);
    advance(&mut emit, &[DST]);
    repeat_while_more_than_a_page(&mut emit);
    // What is left: a page or less.
    on_the_arguments(&mut emit, &fill);
    emit(&[Instruction::End]);
    f
}

/// `copy(dst, src, len)`: `memory.copy` a page at a time, front to back when the
/// destination is below the source and back to front otherwise, so an overlap reads
/// each byte before it is overwritten.
fn copy_in_pages() -> Function {
    let copy = Instruction::MemoryCopy { src_mem: 0, dst_mem: 0 };
    let mut f = Function::new([]);
    let mut emit = |instructions: &[Instruction]| instructions.iter().for_each(|i| _ = f.instruction(i));
    short_operation(&mut emit, &copy);
    trap_unless_in_bounds(&mut emit, DST, &copy);
    trap_unless_in_bounds(&mut emit, SRC_OR_VALUE, &copy);
    emit(&[
        Instruction::LocalGet(DST),
        Instruction::LocalGet(SRC_OR_VALUE),
        Instruction::I32LeU,
        Instruction::If(BlockType::Empty),
        // Front to back: the first page, then move both offsets up.
        Instruction::Loop(BlockType::Empty),
        Instruction::LocalGet(DST),
        Instruction::LocalGet(SRC_OR_VALUE),
        Instruction::I32Const(PAGE as i32),
        copy.clone(),
    ]);
    advance(&mut emit, &[DST, SRC_OR_VALUE]);
    repeat_while_more_than_a_page(&mut emit);
    // Back to front: the last page (at `len - PAGE` once `len` is lowered), then the one
    // below it.
    emit(&[Instruction::Else, Instruction::Loop(BlockType::Empty)]);
    advance(&mut emit, &[]);
    emit(&[
        Instruction::LocalGet(DST),
        Instruction::LocalGet(LEN),
        Instruction::I32Add,
        Instruction::LocalGet(SRC_OR_VALUE),
        Instruction::LocalGet(LEN),
        Instruction::I32Add,
        Instruction::I32Const(PAGE as i32),
        copy.clone(),
    ]);
    repeat_while_more_than_a_page(&mut emit);
    emit(&[Instruction::End]);
    // What is left, a page or less, at the start in either order.
    on_the_arguments(&mut emit, &copy);
    emit(&[Instruction::End]);
    f
}

/// The original instruction on the function's arguments.
fn on_the_arguments(emit: &mut impl FnMut(&[Instruction]), original: &Instruction<'static>) {
    emit(&[
        Instruction::LocalGet(DST),
        Instruction::LocalGet(SRC_OR_VALUE),
        Instruction::LocalGet(LEN),
        original.clone(),
    ]);
}

/// When the condition `test` leaves is true: the original instruction on the
/// arguments, then return.
fn original_if(emit: &mut impl FnMut(&[Instruction]), test: &[Instruction], original: &Instruction<'static>) {
    emit(test);
    emit(&[Instruction::If(BlockType::Empty)]);
    on_the_arguments(emit, original);
    emit(&[Instruction::Return, Instruction::End]);
}

/// A page or less: the original instruction, whose cost is bounded.
fn short_operation(emit: &mut impl FnMut(&[Instruction]), original: &Instruction<'static>) {
    let test = [Instruction::LocalGet(LEN), Instruction::I32Const(PAGE as i32), Instruction::I32LeU];
    original_if(emit, &test, original);
}

/// When `offset + len` (computed in 64 bits) passes the end of the memory: the original
/// instruction, which traps before writing anything, as an out-of-bounds operation does.
fn trap_unless_in_bounds(emit: &mut impl FnMut(&[Instruction]), offset: u32, original: &Instruction<'static>) {
    let test = [
        Instruction::LocalGet(offset),
        Instruction::I64ExtendI32U,
        Instruction::LocalGet(LEN),
        Instruction::I64ExtendI32U,
        Instruction::I64Add,
        Instruction::MemorySize(0),
        Instruction::I64ExtendI32U,
        Instruction::I64Const(16),
        Instruction::I64Shl,
        Instruction::I64GtU,
    ];
    original_if(emit, &test, original);
}

/// Ends a loop's body: back to its start while more than a page is left.
fn repeat_while_more_than_a_page(emit: &mut impl FnMut(&[Instruction])) {
    emit(&[
        Instruction::LocalGet(LEN),
        Instruction::I32Const(PAGE as i32),
        Instruction::I32GtU,
        Instruction::BrIf(0),
        Instruction::End,
    ]);
}

/// Moves each of `offsets` up by a page, and lowers the length by one.
fn advance(emit: &mut impl FnMut(&[Instruction]), offsets: &[u32]) {
    for &offset in offsets {
        emit(&[
            Instruction::LocalGet(offset),
            Instruction::I32Const(PAGE as i32),
            Instruction::I32Add,
            Instruction::LocalSet(offset),
        ]);
    }
    emit(&[
        Instruction::LocalGet(LEN),
        Instruction::I32Const(PAGE as i32),
        Instruction::I32Sub,
        Instruction::LocalSet(LEN),
    ]);
}

#[cfg(test)]
mod tests {
    use wasm_encoder::{ExportKind, ExportSection, MemorySection, MemoryType, Module};
    use wasmtime::{Engine, Instance, Store, TypedFunc};

    use super::*;

    /// Memory pages (64 KiB) of the test module.
    const MEMORY_PAGES: u64 = 4;
    const MEMORY_BYTES: u32 = (MEMORY_PAGES * 65536) as u32;

    /// A module with one memory and two exports, `fill` and `copy`, each its bare
    /// instruction on its three parameters.
    fn bulk_module() -> Vec<u8> {
        let mut module = Module::new();
        let mut types = TypeSection::new();
        types.ty().function([ValType::I32; 3], []);
        module.section(&types);
        let mut functions = FunctionSection::new();
        functions.function(0);
        functions.function(0);
        module.section(&functions);
        let mut memories = MemorySection::new();
        memories.memory(MemoryType {
            minimum: MEMORY_PAGES,
            maximum: Some(MEMORY_PAGES),
            memory64: false,
            shared: false,
            page_size_log2: None,
        });
        module.section(&memories);
        let mut exports = ExportSection::new();
        exports.export("fill", ExportKind::Func, 0);
        exports.export("copy", ExportKind::Func, 1);
        exports.export("memory", ExportKind::Memory, 0);
        module.section(&exports);
        let mut code = CodeSection::new();
        for op in [Instruction::MemoryFill(0), Instruction::MemoryCopy { src_mem: 0, dst_mem: 0 }] {
            let mut f = Function::new([]);
            f.instruction(&Instruction::LocalGet(0))
                .instruction(&Instruction::LocalGet(1))
                .instruction(&Instruction::LocalGet(2))
                .instruction(&op)
                .instruction(&Instruction::End);
            code.function(&f);
        }
        module.section(&code);
        module.finish()
    }

    /// An instance of `wasm` with plenty of fuel, its memory set to a pattern.
    struct Bulk {
        store: Store<()>,
        instance: Instance,
        fill: TypedFunc<(u32, u32, u32), ()>,
        copy: TypedFunc<(u32, u32, u32), ()>,
    }

    const FUEL: u64 = 1 << 40;

    impl Bulk {
        fn new(engine: &Engine, wasm: &[u8]) -> Bulk {
            let module = wasmtime::Module::new(engine, wasm).expect("the module compiles");
            let mut store = Store::new(engine, ());
            store.set_fuel(FUEL).unwrap();
            let instance = Instance::new(&mut store, &module, &[]).expect("the module instantiates");
            let fill = instance.get_typed_func(&mut store, "fill").unwrap();
            let copy = instance.get_typed_func(&mut store, "copy").unwrap();
            let mut bulk = Bulk { store, instance, fill, copy };
            for (i, byte) in bulk.memory_mut().iter_mut().enumerate() {
                *byte = (i % 251) as u8;
            }
            bulk
        }

        fn memory_mut(&mut self) -> &mut [u8] {
            let memory = self.instance.get_memory(&mut self.store, "memory").unwrap();
            memory.data_mut(&mut self.store)
        }

        /// Runs `fill` or `copy`, then returns whether it trapped, the memory after it,
        /// and the fuel it took.
        fn run(&mut self, copy: bool, args: (u32, u32, u32)) -> (bool, Vec<u8>, u64) {
            self.store.set_fuel(FUEL).unwrap();
            let func = if copy { &self.copy } else { &self.fill };
            let trapped = func.call(&mut self.store, args).is_err();
            let fuel = FUEL - self.store.get_fuel().unwrap();
            (trapped, self.memory_mut().to_vec(), fuel)
        }
    }

    fn engine() -> Engine {
        Engine::new(wasmtime::Config::new().consume_fuel(true)).unwrap()
    }

    /// Every length around the page size and its multiples, in and out of bounds, with
    /// copies overlapping either way, leaves the same memory (and traps the same) as the
    /// bare instructions.
    #[test]
    fn paged_operations_do_what_the_instructions_do() {
        let engine = engine();
        let original = bulk_module();
        let paged = in_pages(&original).expect("the module is rewritten");
        let page = PAGE;
        let lengths = [0, 1, 33, page - 1, page, page + 1, 3 * page, 3 * page + 17, 40 * page + 5];
        let shifts: [i64; 9] =
            [0, 1, -1, 7, -7, page as i64 - 1, -(page as i64) - 3, 2 * page as i64 + 9, -3 * page as i64];
        let mut cases = Vec::new();
        for &len in &lengths {
            for &dst in &[0, 5, page, MEMORY_BYTES / 2 + 3, MEMORY_BYTES - len, MEMORY_BYTES - len + 1] {
                cases.push((false, dst, 0xa5, len));
                for &shift in &shifts {
                    let src = i64::from(dst) + shift;
                    if let Ok(src) = u32::try_from(src) {
                        cases.push((true, dst, src, len));
                    }
                }
            }
        }
        // Past the end, or wrapping around 2^32.
        cases.extend([
            (false, MEMORY_BYTES + 1, 1, 0),
            (false, 16, 1, u32::MAX),
            (false, u32::MAX - page, 1, 2 * page),
            (true, 0, MEMORY_BYTES - page, 2 * page),
            (true, MEMORY_BYTES - page, 0, 2 * page),
            (true, 8, u32::MAX - 3 * page, 5 * page),
            (true, u32::MAX - 3 * page, 8, 5 * page),
        ]);
        let (mut plain, mut rewritten) = (Bulk::new(&engine, &original), Bulk::new(&engine, &paged));
        let mut trapped = 0;
        for &(copy, dst, src_or_value, len) in &cases {
            let expected = plain.run(copy, (dst, src_or_value, len));
            let got = rewritten.run(copy, (dst, src_or_value, len));
            let what = if copy { "copy" } else { "fill" };
            assert_eq!(got.0, expected.0, "{what}({dst}, {src_or_value}, {len}) trapped differently");
            assert!(got.1 == expected.1, "{what}({dst}, {src_or_value}, {len}) left different memory");
            trapped += usize::from(got.0);
        }
        assert!(trapped >= 7, "the out-of-bounds cases trap ({trapped})");
    }

    /// Fuel is what the bare instruction costs (a unit a byte) and a few units a page,
    /// and it is checked between pages: with fuel for a quarter of a large fill, the bare
    /// instruction traps before writing anything, the paged one after writing pages.
    #[test]
    fn paged_operations_cost_their_bytes_and_stop_between_pages() {
        let engine = engine();
        let original = bulk_module();
        let paged = in_pages(&original).expect("the module is rewritten");
        let (mut plain, mut rewritten) = (Bulk::new(&engine, &original), Bulk::new(&engine, &paged));
        let pages = 40;
        for copy in [false, true] {
            let args = (0, if copy { 20 * PAGE } else { 1 }, pages * PAGE);
            let (_, _, bare) = plain.run(copy, args);
            let (_, _, in_pages) = rewritten.run(copy, args);
            assert!(bare >= u64::from(pages * PAGE), "the bare instruction took {bare} units");
            assert!(
                (bare..bare + 40 * u64::from(pages)).contains(&in_pages),
                "in pages it took {in_pages}, bare {bare}"
            );
            let (_, _, short) = rewritten.run(copy, (0, 64, 100));
            assert!(short < 150, "a short operation took {short} units");

            let before: Vec<u8> = (0..MEMORY_BYTES as usize).map(|i| (i % 253) as u8).collect();
            let quarter = u64::from(pages * PAGE / 4);
            for (bulk, paged) in [(&mut plain, false), (&mut rewritten, true)] {
                bulk.memory_mut().copy_from_slice(&before);
                bulk.store.set_fuel(quarter).unwrap();
                let func = if copy { &bulk.copy } else { &bulk.fill };
                assert!(func.call(&mut bulk.store, args).is_err(), "it runs out of fuel");
                let memory = bulk.memory_mut();
                let changed = (0..pages as usize).filter(|p| {
                    let range = p * PAGE as usize..(p + 1) * PAGE as usize;
                    memory[range.clone()] != before[range]
                });
                let changed = changed.count();
                if paged {
                    assert!((5..15).contains(&changed), "{changed} pages written before the fuel ran out");
                } else {
                    assert_eq!(changed, 0, "the bare instruction wrote before the fuel ran out");
                }
            }
        }
    }

    /// The guest as built holds bulk-memory instructions (QuickJS's `memset` and
    /// `memmove`, Rust's copies); rewritten, none is left outside the two functions added.
    #[test]
    fn the_guest_has_no_bulk_instruction_left_outside_the_paged_functions() {
        let bulk_in = |wasm: &[u8]| -> Vec<usize> {
            let mut per_function = Vec::new();
            for payload in Parser::new(0).parse_all(wasm) {
                if let Payload::CodeSectionEntry(body) = payload.unwrap() {
                    let mut reader = body.get_operators_reader().unwrap();
                    let mut count = 0;
                    while !reader.eof() {
                        if matches!(reader.read().unwrap(), Operator::MemoryFill { .. } | Operator::MemoryCopy { .. }) {
                            count += 1;
                        }
                    }
                    per_function.push(count);
                }
            }
            per_function
        };
        let guest = super::super::GUEST_WASM;
        let before = bulk_in(guest);
        assert!(before.iter().sum::<usize>() > 100, "the guest's bulk instructions: {}", before.iter().sum::<usize>());
        let paged = in_pages(guest).expect("the guest is rewritten");
        let after = bulk_in(&paged);
        assert_eq!(after.len(), before.len() + 2);
        assert_eq!(after[..before.len()].iter().sum::<usize>(), 0, "bulk instructions left whole");
        assert!(after[before.len()..].iter().all(|&n| n > 0));
        wasmparser::Validator::new().validate_all(&paged).expect("the rewritten guest validates");
    }

    /// A bulk instruction on a second memory has no paged function: refused.
    #[test]
    fn a_second_memory_is_refused() {
        let mut module = Module::new();
        let mut types = TypeSection::new();
        types.ty().function([], []);
        module.section(&types);
        let mut functions = FunctionSection::new();
        functions.function(0);
        module.section(&functions);
        let mut memories = MemorySection::new();
        for _ in 0..2 {
            memories.memory(MemoryType {
                minimum: 1,
                maximum: None,
                memory64: false,
                shared: false,
                page_size_log2: None,
            });
        }
        module.section(&memories);
        let mut code = CodeSection::new();
        let mut f = Function::new([]);
        f.instruction(&Instruction::I32Const(0))
            .instruction(&Instruction::I32Const(0))
            .instruction(&Instruction::I32Const(0))
            .instruction(&Instruction::MemoryFill(1))
            .instruction(&Instruction::End);
        code.function(&f);
        module.section(&code);
        assert!(in_pages(&module.finish()).is_err());
    }
}
