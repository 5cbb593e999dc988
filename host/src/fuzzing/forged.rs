//! Forged host calls (the adversarial catalog's case 7): a component built here, not by
//! a compiler, whose core module calls the host's `console.write` import with raw
//! canonical-ABI values no guest compiled from Rust or C passes: a string whose pointer
//! lies past the memory, one whose length is 2^32-1, one that ends past the memory, bytes
//! that are not UTF-8, a `level` enum case that does not exist. wasmtime lifts the
//! arguments, checking each, before any host code runs; a bad one traps that instance.
//!
//! Each call gets an instance in a store of its own, linked as an execution's, so one
//! forged call cannot spoil the next: the test that uses this asserts that each traps,
//! that the well-formed call reaches the host, and that the engine still runs Actions.

use wasm_encoder::{
    CodeSection, ConstExpr, DataSection, EntityType, ExportKind, ExportSection, Function, FunctionSection,
    ImportSection, Instruction, MemorySection, MemoryType, Module, TypeSection,
};
use wasmtime::component::Component;
use wit_component::{ComponentEncoder, StringEncoding};
use wit_parser::Resolve;

use crate::error::{Error, Result};
use crate::outcome::LogLine;
use crate::state::Carried;
use crate::{Engine, Trigger};

/// The interface the forged calls go to, as its own package declares it.
const CONSOLE_WIT: &str = include_str!("../../../wit/console.wit");
/// The core module's name for that interface's functions (the canonical ABI's mangling).
const CONSOLE_IMPORT: &str = "actionbox-sandbox:contract/console@0.1.0";

/// Where the forged module keeps the text it writes, and the bytes that are not UTF-8.
const TEXT_AT: i32 = 0;
const TEXT: &[u8] = b"forged call";
const NOT_UTF8_AT: i32 = 64;
const NOT_UTF8: &[u8] = &[0x66, 0xff, 0xfe, 0x80];
/// The forged module's memory: one Wasm page.
const MEMORY_BYTES: i32 = 65_536;

/// One call the forged module makes, each an export of its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ForgedCall {
    /// A well-formed call, the control: the host logs the text.
    WellFormed,
    /// The string's pointer is past the end of the memory.
    PointerPastMemory,
    /// The string's length is 2^32-1 bytes.
    MaximalLength,
    /// The string starts inside the memory and ends past it.
    EndsPastMemory,
    /// The string's bytes are not UTF-8.
    NotUtf8,
    /// `level` is an enum case the interface does not have.
    LevelOutOfRange,
}

impl ForgedCall {
    pub const ALL: &[ForgedCall] = &[
        ForgedCall::WellFormed,
        ForgedCall::PointerPastMemory,
        ForgedCall::MaximalLength,
        ForgedCall::EndsPastMemory,
        ForgedCall::NotUtf8,
        ForgedCall::LevelOutOfRange,
    ];

    fn export(self) -> &'static str {
        match self {
            ForgedCall::WellFormed => "well-formed",
            ForgedCall::PointerPastMemory => "pointer-past-memory",
            ForgedCall::MaximalLength => "maximal-length",
            ForgedCall::EndsPastMemory => "ends-past-memory",
            ForgedCall::NotUtf8 => "not-utf8",
            ForgedCall::LevelOutOfRange => "level-out-of-range",
        }
    }

    /// `console.write`'s core arguments: the level's discriminant, the string's pointer
    /// and its length.
    fn arguments(self) -> [i32; 3] {
        let text_len = TEXT.len() as i32;
        match self {
            ForgedCall::WellFormed => [0, TEXT_AT, text_len],
            ForgedCall::PointerPastMemory => [0, MEMORY_BYTES + 4096, text_len],
            ForgedCall::MaximalLength => [0, TEXT_AT, -1],
            ForgedCall::EndsPastMemory => [0, MEMORY_BYTES - 4, 64],
            ForgedCall::NotUtf8 => [0, NOT_UTF8_AT, NOT_UTF8.len() as i32],
            ForgedCall::LevelOutOfRange => [5, TEXT_AT, text_len],
        }
    }
}

/// How a forged call ended: the lines the host logged, or the trap that ended its
/// instance.
#[derive(Debug)]
pub enum Forged {
    Logged(Vec<LogLine>),
    Trapped(String),
}

/// The forged component, compiled for one engine.
pub struct Forger {
    engine: Engine,
    component: Component,
}

impl Forger {
    /// Builds and compiles the forged component.
    pub fn new(engine: &Engine) -> Result<Self> {
        let bytes = component().map_err(|e| Error::Internal(format!("building the forged component: {e}")))?;
        let component = Component::new(engine.wasmtime(), &bytes)
            .map_err(|e| Error::Internal(format!("compiling the forged component: {e:#}")))?;
        Ok(Forger { engine: engine.clone(), component })
    }

    /// Makes `call` from a fresh instance, linked as an execution's, in a store of its own.
    pub async fn call(&self, call: ForgedCall) -> Result<Forged> {
        let engine = &self.engine;
        let mut store = engine.new_store(Trigger::PostLogin, engine.deadline()?, Carried::default());
        engine.arm(&mut store);
        let instance = engine
            .linker()
            .instantiate_async(&mut store, &self.component)
            .await
            .map_err(|e| Error::Internal(format!("instantiating the forged component: {e:#}")))?;
        let export = instance
            .get_typed_func::<(), ()>(&mut store, call.export())
            .map_err(|e| Error::Internal(format!("the forged export `{}`: {e:#}", call.export())))?;
        match export.call_async(&mut store, ()).await {
            Ok(()) => Ok(Forged::Logged(std::mem::take(&mut store.data_mut().record.logs).finish().lines)),
            Err(trap) => Ok(Forged::Trapped(format!("{trap:#}"))),
        }
    }
}

/// The forged component: its WIT world (the console import, an export per call), and
/// the core module that makes the calls.
fn component() -> std::result::Result<Vec<u8>, String> {
    let mut resolve = Resolve::default();
    resolve.push_str("console.wit", CONSOLE_WIT).map_err(|e| format!("{e:#}"))?;
    let exports: String =
        ForgedCall::ALL.iter().map(|call| format!("    export {}: func();\n", call.export())).collect();
    let world =
        format!("package actionbox-fuzzing:forged;\n\nworld forger {{\n    import {CONSOLE_IMPORT};\n{exports}}}\n");
    let package = resolve.push_str("forger.wit", &world).map_err(|e| format!("{e:#}"))?;
    let world = resolve.select_world(&[package], Some("forger")).map_err(|e| format!("{e:#}"))?;
    let mut module = core_module();
    wit_component::embed_component_metadata(&mut module, &resolve, world, StringEncoding::UTF8)
        .map_err(|e| format!("{e:#}"))?;
    let encoder = ComponentEncoder::default().module(&module).map_err(|e| format!("{e:#}"))?;
    encoder.validate(true).encode().map_err(|e| format!("{e:#}"))
}

/// The core module: `console.write` imported, one page of memory holding the text and
/// the bytes that are not UTF-8, and an export per call passing its forged arguments.
fn core_module() -> Vec<u8> {
    let mut types = TypeSection::new();
    types.ty().function([wasm_encoder::ValType::I32; 3], []);
    types.ty().function([], []);
    let mut imports = ImportSection::new();
    imports.import(CONSOLE_IMPORT, "write", EntityType::Function(0));
    let mut functions = FunctionSection::new();
    let mut code = CodeSection::new();
    let mut exports = ExportSection::new();
    for (index, call) in (1u32..).zip(ForgedCall::ALL) {
        functions.function(1);
        let mut body = Function::new([]);
        for argument in call.arguments() {
            body.instruction(&Instruction::I32Const(argument));
        }
        body.instruction(&Instruction::Call(0)).instruction(&Instruction::End);
        code.function(&body);
        exports.export(call.export(), ExportKind::Func, index);
    }
    let mut memories = MemorySection::new();
    memories.memory(MemoryType { minimum: 1, maximum: Some(1), memory64: false, shared: false, page_size_log2: None });
    exports.export("memory", ExportKind::Memory, 0);
    let mut data = DataSection::new();
    data.active(0, &ConstExpr::i32_const(TEXT_AT), TEXT.iter().copied());
    data.active(0, &ConstExpr::i32_const(NOT_UTF8_AT), NOT_UTF8.iter().copied());
    let mut module = Module::new();
    module
        .section(&types)
        .section(&imports)
        .section(&functions)
        .section(&memories)
        .section(&exports)
        .section(&code)
        .section(&data);
    module.finish()
}
