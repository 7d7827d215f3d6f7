//! Core's modules stay in the layers `src/lib.rs` documents: a module uses only modules on
//! lower layers. Reads every file under `src/` (without `#[cfg(test)]` items, which may use
//! the whole crate) and fails on each `crate::…` or climbing `super::…` path that points
//! to a peer or upwards, naming the file, the line and the layers involved.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

use syn::visit::{self, Visit};

/// The layers as `src/lib.rs` lists them, bottom first: module names per layer.
fn layers(lib: &str) -> Vec<Vec<String>> {
    let mut lines = lib
        .lines()
        .skip_while(|line| line.trim() != "//! ## Layers")
        .skip_while(|line| line.trim() != "//! ```text")
        .skip(1);
    let mut layers = Vec::new();
    for line in lines.by_ref() {
        let line = line.trim_start_matches("//!").trim();
        if line == "```" {
            break;
        }
        // The module names end where the description starts (two spaces or more).
        let names = line.split("  ").next().unwrap_or_default();
        layers.push(names.split(',').map(|m| m.trim().to_owned()).collect());
    }
    layers
}

/// Where a name the crate root re-exports (`crate::Engine`) is defined: `pub use m::…`.
fn root_reexports(file: &syn::File) -> BTreeMap<String, String> {
    fn names(tree: &syn::UseTree, out: &mut Vec<String>) {
        match tree {
            syn::UseTree::Path(path) => names(&path.tree, out),
            syn::UseTree::Name(name) => out.push(name.ident.to_string()),
            syn::UseTree::Rename(rename) => out.push(rename.rename.to_string()),
            syn::UseTree::Group(group) => group.items.iter().for_each(|t| names(t, out)),
            syn::UseTree::Glob(_) => {}
        }
    }
    let mut map = BTreeMap::new();
    for item in &file.items {
        if let syn::Item::Use(item) = item
            && let syn::UseTree::Path(path) = &item.tree
        {
            let mut found = Vec::new();
            names(&path.tree, &mut found);
            for name in found {
                map.insert(name, path.ident.to_string());
            }
        }
    }
    map
}

/// Whether an item is compiled for tests only.
fn is_test_only(attrs: &[syn::Attribute]) -> bool {
    attrs.iter().any(|attr| {
        attr.path().is_ident("cfg")
            && attr
                .parse_args::<syn::Ident>()
                .is_ok_and(|ident| ident == "test")
    })
}

fn item_attrs(item: &syn::Item) -> &[syn::Attribute] {
    match item {
        syn::Item::Const(i) => &i.attrs,
        syn::Item::Enum(i) => &i.attrs,
        syn::Item::Fn(i) => &i.attrs,
        syn::Item::Impl(i) => &i.attrs,
        syn::Item::Macro(i) => &i.attrs,
        syn::Item::Mod(i) => &i.attrs,
        syn::Item::Static(i) => &i.attrs,
        syn::Item::Struct(i) => &i.attrs,
        syn::Item::Trait(i) => &i.attrs,
        syn::Item::Type(i) => &i.attrs,
        syn::Item::Use(i) => &i.attrs,
        _ => &[],
    }
}

/// A path to another top-level module: where it is written and where it points.
struct Reference {
    line: usize,
    target: String,
}

/// Collects the top-level module each `crate::`/`super::` path of one file names.
struct Collector<'a> {
    /// The module path of the code being read (`["rules", "address", "grammar"]`).
    module: Vec<String>,
    reexports: &'a BTreeMap<String, String>,
    references: Vec<Reference>,
    /// Files of `#[cfg(test)] mod x;` declarations, skipped as a whole.
    test_files: Vec<Vec<String>>,
}

impl Collector<'_> {
    /// The top-level module that `segments` (a path as written) reaches from the crate
    /// root, if it starts at the root or climbs there with `super`.
    fn top_level(&self, segments: &[String]) -> Option<String> {
        let first = segments.first()?;
        let rest = if first == "crate" {
            &segments[1..]
        } else if first == "super" {
            let climbs = segments.iter().take_while(|s| *s == "super").count();
            if climbs < self.module.len() {
                return None; // stays inside the top-level module
            }
            &segments[climbs..]
        } else {
            return None;
        };
        let name = rest.first()?;
        Some(
            self.reexports
                .get(name)
                .cloned()
                .unwrap_or_else(|| name.clone()),
        )
    }

    fn note(&mut self, segments: &[String], line: usize) {
        if let Some(target) = self.top_level(segments) {
            self.references.push(Reference { line, target });
        }
    }

    fn use_tree(&mut self, prefix: &mut Vec<String>, tree: &syn::UseTree) {
        match tree {
            syn::UseTree::Path(path) => {
                prefix.push(path.ident.to_string());
                self.use_tree(prefix, &path.tree);
                prefix.pop();
            }
            syn::UseTree::Name(name) => {
                prefix.push(name.ident.to_string());
                self.note(prefix, name.ident.span().start().line);
                prefix.pop();
            }
            syn::UseTree::Rename(rename) => {
                prefix.push(rename.ident.to_string());
                self.note(prefix, rename.ident.span().start().line);
                prefix.pop();
            }
            syn::UseTree::Glob(glob) => {
                self.note(prefix, glob.star_token.spans[0].start().line);
            }
            syn::UseTree::Group(group) => {
                for tree in &group.items {
                    self.use_tree(prefix, tree);
                }
            }
        }
    }

    /// Paths inside macro bodies (`$crate::config::read::…` in `macro_rules!`, arguments
    /// of invocations) are tokens, not parsed paths: found as `crate`/`super` `::` name.
    fn tokens(&mut self, tokens: proc_macro2::TokenStream) {
        use proc_macro2::TokenTree;
        let trees: Vec<TokenTree> = tokens.into_iter().collect();
        let mut i = 0;
        while i < trees.len() {
            if let TokenTree::Group(group) = &trees[i] {
                self.tokens(group.stream());
            }
            if let TokenTree::Ident(ident) = &trees[i]
                && (ident == "crate" || ident == "super")
            {
                let mut segments = vec![ident.to_string()];
                let mut j = i + 1;
                while let (Some(TokenTree::Punct(a)), Some(TokenTree::Punct(b)), Some(next)) =
                    (trees.get(j), trees.get(j + 1), trees.get(j + 2))
                {
                    let TokenTree::Ident(next) = next else { break };
                    if a.as_char() != ':' || b.as_char() != ':' {
                        break;
                    }
                    segments.push(next.to_string());
                    j += 3;
                }
                if segments.len() > 1 {
                    self.note(&segments, ident.span().start().line);
                }
                i = j;
                continue;
            }
            i += 1;
        }
    }
}

impl<'ast> Visit<'ast> for Collector<'_> {
    fn visit_item(&mut self, item: &'ast syn::Item) {
        if !is_test_only(item_attrs(item)) {
            visit::visit_item(self, item);
        } else if let syn::Item::Mod(module) = item
            && module.content.is_none()
        {
            let mut file = self.module.clone();
            file.push(module.ident.to_string());
            self.test_files.push(file);
        }
    }

    fn visit_item_mod(&mut self, module: &'ast syn::ItemMod) {
        self.module.push(module.ident.to_string());
        visit::visit_item_mod(self, module);
        self.module.pop();
    }

    fn visit_item_use(&mut self, item: &'ast syn::ItemUse) {
        self.use_tree(&mut Vec::new(), &item.tree);
    }

    fn visit_path(&mut self, path: &'ast syn::Path) {
        let segments: Vec<String> = path.segments.iter().map(|s| s.ident.to_string()).collect();
        if let Some(first) = path.segments.first() {
            self.note(&segments, first.ident.span().start().line);
        }
        visit::visit_path(self, path);
    }

    fn visit_macro(&mut self, mac: &'ast syn::Macro) {
        visit::visit_macro(self, mac);
        self.tokens(mac.tokens.clone());
    }
}

/// Every `.rs` file under `dir`.
fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The module path of a file: `src/rules/address/mod.rs` is `["rules", "address"]`.
fn module_of(src: &Path, file: &Path) -> Vec<String> {
    let relative = file.strip_prefix(src).unwrap_or(file).with_extension("");
    let mut parts: Vec<String> = relative
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if parts.last().is_some_and(|p| p == "mod") {
        parts.pop();
    }
    parts
}

#[test]
fn modules_use_only_lower_layers() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let lib_text = fs::read_to_string(src.join("lib.rs")).unwrap();
    let layers = layers(&lib_text);
    assert!(
        layers.len() > 3,
        "src/lib.rs lists no layers under `## Layers`"
    );
    let layer_of: BTreeMap<&str, usize> = layers
        .iter()
        .enumerate()
        .flat_map(|(i, names)| names.iter().map(move |n| (n.as_str(), i)))
        .collect();
    let order = layers
        .iter()
        .map(|names| names.join(", "))
        .collect::<Vec<_>>()
        .join(" → ");
    let reexports = root_reexports(&syn::parse_file(&lib_text).unwrap());

    let mut files = Vec::new();
    rust_files(&src, &mut files);
    files.sort();
    let mut parsed = Vec::new();
    let mut test_files = BTreeSet::new();
    for file in &files {
        let module = module_of(&src, file);
        if module == ["lib"] {
            continue;
        }
        let text = fs::read_to_string(file).unwrap();
        let syntax = syn::parse_file(&text).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        let mut collector = Collector {
            module: module.clone(),
            reexports: &reexports,
            references: Vec::new(),
            test_files: Vec::new(),
        };
        collector.visit_file(&syntax);
        test_files.extend(collector.test_files);
        parsed.push((file, module, collector.references));
    }

    let mut broken = Vec::new();
    for (file, module, references) in parsed {
        // A file of a `#[cfg(test)] mod x;` (or a module below it) is test code.
        if test_files.iter().any(|t| module.starts_with(t)) {
            continue;
        }
        let workspace = src.parent().and_then(Path::parent).unwrap();
        let shown = file.strip_prefix(workspace).unwrap_or(file);
        let own = &module[0];
        let Some(&own_layer) = layer_of.get(own.as_str()) else {
            broken.push(format!(
                "{}: module `{own}` is on no layer: add it to the `## Layers` block of src/lib.rs",
                shown.display()
            ));
            continue;
        };
        for reference in references {
            if &reference.target == own {
                continue;
            }
            let Some(&target_layer) = layer_of.get(reference.target.as_str()) else {
                broken.push(format!(
                    "{}:{}: `crate::{}` is on no layer: add it to the `## Layers` block of src/lib.rs",
                    shown.display(),
                    reference.line,
                    reference.target
                ));
                continue;
            };
            if target_layer >= own_layer {
                let relation = if target_layer == own_layer {
                    "a peer on its layer"
                } else {
                    "above it"
                };
                broken.push(format!(
                    "{}:{}: `{own}` uses `{}`, {relation}; a module uses only the layers below its own ({order})",
                    shown.display(),
                    reference.line,
                    reference.target,
                ));
            }
        }
    }
    assert!(broken.is_empty(), "layers broken:\n{}", broken.join("\n"));
}
