//! `scan`: the modules one file of an Action's dependency graph asks for, found by parsing
//! it with oxc. Packages are untrusted input and oxc's parser recurses without a depth
//! guard, so this runs here, in the sandbox: a file nested too deeply overflows the
//! guest's stack, which ends the call with a trap the host reports, not the host.
//!
//! Found: `require('x')`, `require.resolve('x')`, `import`/`export ... from 'x'` and
//! `import('x')` with a literal name (a template literal without substitutions counts);
//! each place where `require` or `import()` gets a computed name instead; and whether the
//! file is an ES module. A file Node would read as CommonJS is parsed as such (top-level
//! `return` allowed) unless it uses ES module syntax, as Node 22 detects it.

use oxc_allocator::Allocator;
use oxc_ast::ast::{
    CallExpression, ExportAllDeclaration, ExportFromDeclaration, Expression, ImportDeclaration, ImportExpression,
    TryStatement,
};
use oxc_ast_visit::{Visit, walk};
use oxc_parser::{ParseOptions, Parser};
use oxc_span::SourceType;

use crate::actionbox_sandbox::contract::scan_types::{
    Request, RequestKind, ScanError, ScanSyntaxError, Scanned, Syntax, SyntaxHint,
};
use crate::actionbox_sandbox::contract::types::Location;

pub fn scan(source: &str, hint: SyntaxHint) -> Result<Scanned, ScanError> {
    let allocator = Allocator::default();
    let source_type = match hint {
        SyntaxHint::Commonjs => SourceType::unambiguous(),
        SyntaxHint::Esm => SourceType::mjs(),
    };
    let options =
        ParseOptions { allow_return_outside_function: matches!(hint, SyntaxHint::Commonjs), ..ParseOptions::default() };
    let parsed = Parser::new(&allocator, source, source_type).with_options(options).parse();
    let lines = Lines::of(source);
    if let Some(error) = parsed.diagnostics.errors().next() {
        let location = error.labels.first().map(|label| lines.locate(label.offset()));
        return Err(ScanError::Syntax(ScanSyntaxError { message: error.message.to_string(), location }));
    }
    if parsed.panicked {
        return Err(ScanError::Syntax(ScanSyntaxError { message: "the file does not parse".into(), location: None }));
    }
    let esm = matches!(hint, SyntaxHint::Esm) || parsed.module_record.has_module_syntax;
    let mut finder = Finder { lines: &lines, guarded: 0, requests: Vec::new(), computed: Vec::new() };
    finder.visit_program(&parsed.program);
    Ok(Scanned {
        syntax: if esm { Syntax::Esm } else { Syntax::Commonjs },
        requests: finder.requests,
        computed: finder.computed,
    })
}

struct Finder<'l> {
    lines: &'l Lines<'l>,
    /// How many `try` blocks enclose the node being visited.
    guarded: usize,
    requests: Vec<Request>,
    computed: Vec<Location>,
}

impl Finder<'_> {
    fn request(&mut self, specifier: &str, kind: RequestKind, offset: u32) {
        if self.requests.iter().any(|r| r.specifier == specifier && r.kind == kind) {
            // The first place stays; a later one outside a `try` makes it required.
            if self.guarded == 0 {
                for r in self.requests.iter_mut().filter(|r| r.specifier == specifier && r.kind == kind) {
                    r.guarded = false;
                }
            }
            return;
        }
        self.requests.push(Request {
            specifier: specifier.to_owned(),
            kind,
            guarded: self.guarded > 0,
            location: self.lines.locate(offset),
        });
    }
}

/// A literal module name: a string, or a template literal without substitutions.
fn literal<'a>(expression: &'a Expression<'_>) -> Option<&'a str> {
    match expression {
        Expression::StringLiteral(s) => Some(s.value.as_str()),
        Expression::TemplateLiteral(t) if t.expressions.is_empty() && t.quasis.len() == 1 => {
            t.quasis[0].value.cooked.as_ref().map(|c| c.as_str())
        }
        _ => None,
    }
}

impl<'a> Visit<'a> for Finder<'_> {
    fn visit_call_expression(&mut self, call: &CallExpression<'a>) {
        let kind = match &call.callee {
            Expression::Identifier(id) if id.name == "require" => Some(RequestKind::Require),
            Expression::StaticMemberExpression(member)
                if member.property.name == "resolve"
                    && matches!(&member.object, Expression::Identifier(id) if id.name == "require") =>
            {
                Some(RequestKind::RequireResolve)
            }
            _ => None,
        };
        if let (Some(kind), Some(argument)) = (kind, call.arguments.first()) {
            match argument.as_expression().and_then(literal) {
                Some(specifier) => self.request(specifier, kind, call.span.start),
                None => self.computed.push(self.lines.locate(call.span.start)),
            }
        }
        walk::walk_call_expression(self, call);
    }

    fn visit_import_expression(&mut self, import: &ImportExpression<'a>) {
        match literal(&import.source) {
            Some(specifier) => self.request(specifier, RequestKind::DynamicImport, import.span.start),
            None => self.computed.push(self.lines.locate(import.span.start)),
        }
        walk::walk_import_expression(self, import);
    }

    fn visit_import_declaration(&mut self, declaration: &ImportDeclaration<'a>) {
        self.request(declaration.source.value.as_str(), RequestKind::StaticImport, declaration.span.start);
    }

    fn visit_export_from_declaration(&mut self, declaration: &ExportFromDeclaration<'a>) {
        self.request(declaration.source.value.as_str(), RequestKind::StaticImport, declaration.span.start);
    }

    fn visit_export_all_declaration(&mut self, declaration: &ExportAllDeclaration<'a>) {
        self.request(declaration.source.value.as_str(), RequestKind::StaticImport, declaration.span.start);
    }

    fn visit_try_statement(&mut self, statement: &TryStatement<'a>) {
        self.guarded += 1;
        self.visit_block_statement(&statement.block);
        self.guarded -= 1;
        if let Some(handler) = &statement.handler {
            self.visit_catch_clause(handler);
        }
        if let Some(finalizer) = &statement.finalizer {
            self.visit_block_statement(finalizer);
        }
    }
}

/// Byte offsets to 1-based lines and columns (columns in characters).
struct Lines<'s> {
    /// Where each line starts.
    starts: Vec<u32>,
    text: &'s str,
}

impl<'s> Lines<'s> {
    fn of(text: &'s str) -> Self {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(at, _)| u32::try_from(at + 1).unwrap_or(u32::MAX)))
            .collect();
        Lines { starts, text }
    }

    fn locate(&self, offset: u32) -> Location {
        let line = self.starts.partition_point(|&start| start <= offset).max(1);
        let start = self.starts[line - 1] as usize;
        let end = (offset as usize).min(self.text.len());
        let column = self.text.get(start..end).map_or(end - start, |text| text.chars().count());
        Location {
            line: u32::try_from(line).unwrap_or(u32::MAX),
            column: u32::try_from(column + 1).unwrap_or(u32::MAX),
        }
    }
}
