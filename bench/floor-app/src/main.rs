//! The floor app: one window, one static page, nothing else.

fn main() {
    if let Err(error) = tauri::Builder::default().run(tauri::generate_context!()) {
        eprintln!("the floor app could not run: {error}");
        std::process::exit(1);
    }
}
