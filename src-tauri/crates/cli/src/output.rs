//! How results reach the terminal: aligned tables for people, JSON for scripts (`--json`),
//! bold headers only on a terminal without `NO_COLOR`.

use serde::Serialize;
use std::io::{IsTerminal, Write};

/// How this run prints.
#[derive(Debug, Clone, Copy)]
pub struct Output {
    pub json: bool,
    /// Stdout is a terminal and `NO_COLOR` is not set.
    pub styled: bool,
    /// Stderr is a terminal: progress redraws one line.
    pub live_progress: bool,
}

impl Output {
    pub fn new(json: bool) -> Self {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        Self {
            json,
            styled: std::io::stdout().is_terminal() && !no_color,
            live_progress: std::io::stderr().is_terminal(),
        }
    }

    /// Prints `value` as one JSON document.
    pub fn json(&self, value: &impl Serialize) {
        match serde_json::to_string_pretty(value) {
            Ok(text) => println!("{text}"),
            Err(e) => eprintln!("sms-admin: the result could not be written as JSON: {e}"),
        }
    }

    pub fn heading(&self, text: &str) {
        if self.styled {
            println!("\x1b[1m{text}\x1b[0m");
        } else {
            println!("{text}");
        }
    }

    pub fn table(&self, table: &Table) {
        let mut out = std::io::stdout().lock();
        let _ = table.write(&mut out, self.styled);
    }
}

/// Rows under a header, each column as wide as its widest cell.
pub struct Table {
    header: Vec<&'static str>,
    rows: Vec<Vec<String>>,
}

impl Table {
    pub fn new(header: Vec<&'static str>) -> Self {
        Self {
            header,
            rows: Vec::new(),
        }
    }

    pub fn row(&mut self, cells: Vec<String>) {
        self.rows.push(cells);
    }

    pub fn write(&self, out: &mut impl Write, styled: bool) -> std::io::Result<()> {
        let width = |i: usize| {
            self.rows
                .iter()
                .filter_map(|r| r.get(i))
                .map(|c| c.chars().count())
                .chain([self.header[i].len()])
                .max()
                .unwrap_or(0)
        };
        let widths: Vec<usize> = (0..self.header.len()).map(width).collect();
        let line = |cells: Vec<&str>| {
            let mut text = String::new();
            for (i, cell) in cells.iter().enumerate() {
                // API-provided text is shown as text: control characters never reach the terminal.
                let clean: String = cell
                    .chars()
                    .map(|c| if c.is_control() { ' ' } else { c })
                    .collect();
                if i + 1 == cells.len() {
                    text.push_str(&clean);
                } else {
                    let pad = widths[i].saturating_sub(clean.chars().count());
                    text.push_str(&clean);
                    text.push_str(&" ".repeat(pad + 2));
                }
            }
            text.trim_end().to_owned()
        };
        let header = line(self.header.clone());
        if styled {
            writeln!(out, "\x1b[1m{header}\x1b[0m")?;
        } else {
            writeln!(out, "{header}")?;
        }
        for row in &self.rows {
            writeln!(out, "{}", line(row.iter().map(String::as_str).collect()))?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_align_and_control_characters_are_blanked() {
        let mut table = Table::new(vec!["NUMBER", "NAME"]);
        table.row(vec!["+1 858-437-6048".into(), "Front\x1b[31m desk".into()]);
        table.row(vec!["+1 1".into(), "B".into()]);
        let mut out = Vec::new();
        table.write(&mut out, false).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert_eq!(
            text,
            "NUMBER           NAME\n+1 858-437-6048  Front [31m desk\n+1 1             B\n"
        );
    }
}
