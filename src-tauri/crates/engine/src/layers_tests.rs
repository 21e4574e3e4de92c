//! The house rules of `docs/architecture.md`, checked on the source: the engine's layers only
//! look down, its areas do not reach into each other, and in no crate do two files import
//! each other, directly or in a loop.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// A crate's files by module path ("" for the crate root, "a::b" for `a/b.rs` or `a/b/mod.rs`).
type Modules = BTreeMap<String, String>;
/// Which module names which, excluding itself.
type Edges = BTreeSet<(String, String)>;

fn crates_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn modules_of(src: &Path) -> Modules {
    let mut modules = Modules::new();
    let mut stack = vec![src.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("source folder") {
            let path = entry.expect("source entry").path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            if path.extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let relative = path
                .strip_prefix(src)
                .expect("under src")
                .with_extension("");
            let mut parts: Vec<String> = relative
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            if matches!(
                parts.last().map(String::as_str),
                Some("mod" | "lib" | "main")
            ) {
                parts.pop();
            }
            let text = std::fs::read_to_string(&path).expect("source file");
            // Unit tests inside a file may reach anywhere; the rules are for the code itself.
            let code = text
                .split("#[cfg(test)]\nmod tests")
                .next()
                .unwrap_or_default()
                .to_owned();
            modules.insert(parts.join("::"), code);
        }
    }
    modules
}

/// Every path in `code` that starts with a name (`crate::a::B`, `super::x`, `child::y`),
/// with `{...}` groups expanded one level per segment, as written.
fn paths_in(code: &str) -> Vec<Vec<String>> {
    let chars: Vec<char> = code.chars().collect();
    let mut paths = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let starts = (chars[i].is_ascii_lowercase() || chars[i] == '_')
            && (i == 0
                || !(chars[i - 1].is_alphanumeric() || chars[i - 1] == '_' || chars[i - 1] == ':'));
        if !starts {
            i += 1;
            continue;
        }
        let (found, next) = path_at(&chars, i);
        paths.extend(found.into_iter().filter(|p| p.len() > 1));
        i = next.max(i + 1);
    }
    paths
}

/// The path (or, with a group, the paths) starting at `i`, and where it ends.
fn path_at(chars: &[char], mut i: usize) -> (Vec<Vec<String>>, usize) {
    let mut segments = Vec::new();
    loop {
        let start = i;
        while i < chars.len() && (chars[i].is_alphanumeric() || chars[i] == '_') {
            i += 1;
        }
        if i == start {
            break;
        }
        segments.push(chars[start..i].iter().collect::<String>());
        if chars.get(i) == Some(&':') && chars.get(i + 1) == Some(&':') {
            i += 2;
            if chars.get(i) == Some(&'{') {
                let mut depth = 0;
                let open = i;
                while i < chars.len() {
                    match chars[i] {
                        '{' => depth += 1,
                        '}' => {
                            depth -= 1;
                            if depth == 0 {
                                break;
                            }
                        }
                        _ => {}
                    }
                    i += 1;
                }
                let inner: String = chars[open + 1..i.min(chars.len())].iter().collect();
                let items = inner
                    .split(',')
                    .map(|item| {
                        item.trim()
                            .split("::")
                            .next()
                            .unwrap_or("")
                            .trim()
                            .to_owned()
                    })
                    .filter(|item| !item.is_empty() && item != "self")
                    .map(|item| {
                        let mut path = segments.clone();
                        path.push(item.split_whitespace().next().unwrap_or("").to_owned());
                        path
                    })
                    .collect();
                return (items, i + 1);
            }
            continue;
        }
        break;
    }
    (vec![segments], i)
}

/// The module a path names, seen from `from`: the longest prefix that is a module.
fn resolve(modules: &Modules, from: &str, path: &[String]) -> Option<String> {
    let here: Vec<String> = if from.is_empty() {
        Vec::new()
    } else {
        from.split("::").map(str::to_owned).collect()
    };
    let (mut base, rest): (Vec<String>, &[String]) = match path[0].as_str() {
        "crate" => (Vec::new(), &path[1..]),
        "self" => (here.clone(), &path[1..]),
        "super" => {
            let mut base = here.clone();
            let mut rest = path;
            while rest.first().map(String::as_str) == Some("super") {
                base.pop();
                rest = &rest[1..];
            }
            (base, rest)
        }
        first => {
            let mut child = here.clone();
            child.push(first.to_owned());
            if !modules.contains_key(&child.join("::")) {
                return None;
            }
            (here.clone(), path)
        }
    };
    let mut found = modules
        .contains_key(&base.join("::"))
        .then(|| base.join("::"));
    for segment in rest {
        base.push(segment.clone());
        if modules.contains_key(&base.join("::")) {
            found = Some(base.join("::"));
        } else {
            break;
        }
    }
    found.filter(|m| m != from && !m.is_empty())
}

fn edges_of(modules: &Modules) -> Edges {
    let mut edges = Edges::new();
    for (module, code) in modules {
        for path in paths_in(code) {
            if let Some(target) = resolve(modules, module, &path) {
                edges.insert((module.clone(), target));
            }
        }
    }
    edges
}

/// Pairs of modules that reach each other (directly or through others).
fn loops(edges: &Edges) -> Vec<(String, String)> {
    let mut next: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for (from, to) in edges {
        next.entry(from).or_default().push(to);
    }
    let reaches = |from: &str, goal: &str| {
        let mut seen = BTreeSet::new();
        let mut stack = vec![from];
        while let Some(at) = stack.pop() {
            if at == goal {
                return true;
            }
            if seen.insert(at) {
                stack.extend(next.get(at).into_iter().flatten().copied());
            }
        }
        false
    };
    edges
        .iter()
        .filter(|(from, to)| reaches(to, from))
        .cloned()
        .collect()
}

#[test]
fn the_parser_sees_what_rust_would_resolve() {
    let modules: Modules = ["", "a", "a::b", "a::b::e", "a::d", "c"]
        .into_iter()
        .map(|m| (m.to_owned(), String::new()))
        .collect();
    let code = "use super::{X, d::Y};\nuse crate::c::Z; let v = e::f(); let w = x::y();";
    let found: Vec<_> = paths_in(code)
        .iter()
        .filter_map(|p| resolve(&modules, "a::b", p))
        .collect();
    assert_eq!(found, ["a", "a::d", "c", "a::b::e"]);
    let looped: Edges = [("a", "c"), ("c", "a::b"), ("a::b", "a")]
        .into_iter()
        .map(|(x, y)| (x.to_owned(), y.to_owned()))
        .collect();
    assert_eq!(loops(&looped).len(), 3);
}

#[test]
fn no_two_files_of_any_crate_import_each_other() {
    let root = crates_root();
    let mut sources: Vec<PathBuf> = std::fs::read_dir(&root)
        .expect("crates folder")
        .filter_map(|e| Some(e.ok()?.path().join("src")))
        .filter(|src| src.is_dir())
        .collect();
    sources.push(root.join("../src"));
    assert!(sources.len() >= 9, "every crate is checked: {sources:?}");
    let found: Vec<String> = sources
        .iter()
        .flat_map(|src| {
            loops(&edges_of(&modules_of(src)))
                .into_iter()
                .map(move |(a, b)| format!("{}: {a} -> {b}", src.display()))
        })
        .collect();
    assert!(
        found.is_empty(),
        "imports that loop back:\n{}",
        found.join("\n")
    );
}

#[test]
fn the_engine_layers_only_look_down_and_areas_keep_to_themselves() {
    let rank = |module: &str| match module.split("::").next() {
        Some("base") => Some(0),
        Some("stored") => Some(1),
        Some("areas") => Some(2),
        Some("across") => Some(3),
        _ => None,
    };
    let modules = modules_of(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"));
    for layer in ["base", "stored", "areas", "across"] {
        assert!(modules.contains_key(layer), "the {layer} layer exists");
    }
    let area = |m: &str| m.split("::").nth(1).map(str::to_owned);
    let wrong: Vec<String> = edges_of(&modules)
        .into_iter()
        .filter(|(from, to)| match (rank(from), rank(to)) {
            (Some(a), Some(b)) => b > a || (a == 2 && b == 2 && area(from) != area(to)),
            (Some(_), None) => true,
            _ => false,
        })
        .map(|(from, to)| format!("{from} -> {to}"))
        .collect();
    assert!(
        wrong.is_empty(),
        "imports against the layers:\n{}",
        wrong.join("\n")
    );
}
