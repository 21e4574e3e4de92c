//! Builds the floor app's Tauri context (its config and the one static page).

fn main() {
    tauri_build::build();
}
