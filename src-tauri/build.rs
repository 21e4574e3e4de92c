//! Builds the Tauri context from the one list of app commands: the `#[tauri::command]`
//! functions in `src/commands/`. From them it derives the permission per command, the handler
//! `src/lib.rs` registers, the capability that allows exactly those commands, and the
//! TypeScript name of each, so no list is kept by hand.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// What the main window may use besides the app's own commands: write to the clipboard, and
/// zoom its own page (Ctrl + / Ctrl − / Ctrl 0).
/// (File dialogs are opened by the commands themselves: the webview never names a path.)
const PLUGIN_PERMISSIONS: &[&str] = &[
    "clipboard-manager:allow-write-text",
    "core:webview:allow-set-webview-zoom",
];

/// An app command: the module under `commands/` and the function's name.
struct Command {
    module: String,
    name: String,
}

fn main() {
    let commands = match app_commands(Path::new("src/commands")) {
        Ok(commands) => commands,
        Err(error) => {
            println!("cargo::error=reading the app commands: {error}");
            return;
        }
    };
    println!("cargo::rerun-if-changed=src/commands");
    let written = write_handler(&commands)
        .and_then(|()| {
            write_if_changed(
                Path::new("capabilities/default.json"),
                &capability(&commands),
            )
        })
        .and_then(|()| {
            write_if_changed(
                Path::new("../ui/src/lib/backend/commands.ts"),
                &typescript(&commands),
            )
        });
    if let Err(error) = written {
        println!("cargo::error=writing what the command list derives: {error}");
        return;
    }
    // The manifest takes a static list; a build script runs once, so leaking it costs nothing.
    let names: &'static [&'static str] = Box::leak(
        commands
            .iter()
            .map(|c| &*Box::leak(c.name.clone().into_boxed_str()))
            .collect::<Vec<_>>()
            .into_boxed_slice(),
    );
    let attributes = tauri_build::Attributes::new()
        .app_manifest(tauri_build::AppManifest::new().commands(names));
    if let Err(error) = tauri_build::try_build(attributes) {
        println!("cargo::error={error:#}");
    }
}

/// Every `#[tauri::command]` function, module by module in name order, each in file order.
fn app_commands(dir: &Path) -> std::io::Result<Vec<Command>> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "rs"))
        .collect();
    files.sort();
    let mut commands = Vec::new();
    for file in files {
        let module = file
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let text = std::fs::read_to_string(&file)?;
        for after in text.split("#[tauri::command]").skip(1) {
            let name = after
                .split_once("fn ")
                .and_then(|(_, rest)| rest.split(['(', '<']).next())
                .map(str::trim)
                .unwrap_or_default();
            if !name.is_empty() {
                commands.push(Command {
                    module: module.clone(),
                    name: name.to_owned(),
                });
            }
        }
    }
    Ok(commands)
}

/// `tauri::generate_handler![…]` over every command, included by `src/lib.rs`.
fn write_handler(commands: &[Command]) -> std::io::Result<()> {
    let mut code = String::from("tauri::generate_handler![\n");
    for c in commands {
        let _ = writeln!(code, "    commands::{}::{},", c.module, c.name);
    }
    code.push(']');
    let out = std::env::var_os("OUT_DIR")
        .map(PathBuf::from)
        .unwrap_or_default();
    std::fs::write(out.join("handler.rs"), code)
}

fn capability(commands: &[Command]) -> String {
    let permissions: Vec<String> = commands
        .iter()
        .map(|c| format!("allow-{}", c.name.replace('_', "-")))
        .chain(PLUGIN_PERMISSIONS.iter().map(|p| (*p).to_owned()))
        .map(|p| format!("    \"{p}\""))
        .collect();
    format!(
        "{{\n  \"$schema\": \"../gen/schemas/desktop-schema.json\",\n  \"identifier\": \"default\",\n  \"description\": \"The main window may call the app's own commands, write to the clipboard and zoom its page; nothing else (file dialogs open from the commands). Written by build.rs from the app's commands.\",\n  \"windows\": [\"main\"],\n  \"permissions\": [\n{}\n  ]\n}}\n",
        permissions.join(",\n")
    )
}

fn typescript(commands: &[Command]) -> String {
    let mut code = String::from(
        "// Written by src-tauri/build.rs from the app's #[tauri::command] functions; do not edit.\n\n/** The name of every command the app registers. */\nexport type Command =\n",
    );
    for c in commands {
        let _ = writeln!(code, "  | '{}'", c.name);
    }
    code.truncate(code.trim_end().len());
    code.push_str(";\n");
    code
}

/// Writes `text` unless the file holds it already, so an unchanged build touches nothing.
fn write_if_changed(path: &Path, text: &str) -> std::io::Result<()> {
    if std::fs::read_to_string(path).is_ok_and(|old| old == text) {
        return Ok(());
    }
    std::fs::write(path, text)
}
