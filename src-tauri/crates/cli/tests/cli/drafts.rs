//! Bulk setup from a CSV file: bad rows named by line and column with nothing imported, then
//! the fixed file imported, planned, applied, and planned again with nothing left to do.

use crate::Cli;
use sandbox::Sandbox;
use std::fmt::Write;

/// `count` numbers for Harbor's San Diego users (extensions 101 to 118), one per line.
pub fn csv(count: u32) -> String {
    let mut text = String::from("number,name,users,stickiness,inbound,outbound,country\n");
    for i in 0..count {
        let ext = 101 + i % 18;
        writeln!(
            text,
            "858-200-{:04},Line {i},{ext};101,1d,e164,e164,US",
            1000 + i
        )
        .unwrap();
    }
    text
}

#[tokio::test(flavor = "multi_thread")]
async fn a_csv_with_bad_rows_imports_nothing_and_names_them_then_the_fixed_file_applies() {
    let sandbox = Sandbox::start().await.unwrap();
    let cli = Cli::in_new_folder();
    cli.add_account(&sandbox).await;
    let file = cli.data.path().join("numbers.csv");
    let good = csv(200);
    // Three bad rows: an unknown extension (line 11), a format (line 51), a bad number (line 151).
    let bad: String = good
        .lines()
        .enumerate()
        .map(|(i, line)| match i + 1 {
            11 => line.replace(",110;101,", ",999;101,"),
            51 => line.replace(",e164,e164,", ",e164,sideways,"),
            151 => line.replace("858-200-1149", "858-20"),
            _ => line.to_owned(),
        })
        .collect::<Vec<_>>()
        .join("\n");
    std::fs::write(&file, bad).unwrap();
    let path = file.to_str().unwrap();
    let refused = cli
        .expect(2, &["draft", "import", path, "--org", "harbor"], "")
        .await;
    let named: Vec<&str> = refused
        .stderr
        .lines()
        .filter(|l| l.starts_with(path))
        .collect();
    assert_eq!(named.len(), 3, "{}", refused.stderr);
    assert!(named[0].contains(":11: users:"), "{}", named[0]);
    assert!(named[1].contains(":51: outbound:"), "{}", named[1]);
    assert!(named[2].contains(":151: number:"), "{}", named[2]);
    assert!(refused.stderr.contains("nothing was imported"));
    let empty = cli.expect(0, &["plan", "--org", "harbor"], "").await;
    assert!(empty.stdout.contains("Nothing to do"), "{}", empty.stdout);

    std::fs::write(&file, good).unwrap();
    let imported = cli
        .expect(0, &["draft", "import", path, "--org", "harbor"], "")
        .await;
    assert!(
        imported.stdout.contains("Added 200 new number(s)"),
        "{}",
        imported.stdout
    );
    let plan = cli
        .expect(0, &["plan", "--org", "harbor", "--json"], "")
        .await;
    let view: serde_json::Value = serde_json::from_str(&plan.stdout).unwrap();
    assert_eq!(view["items"].as_array().unwrap().len(), 200);

    let applied = cli.expect(0, &["apply", "--org", "harbor"], "").await;
    assert!(
        applied.stdout.contains("200 change(s) made, 0 failed."),
        "{}",
        applied.stdout
    );
    let again = cli.expect(0, &["plan", "--org", "harbor"], "").await;
    assert!(again.stdout.contains("Nothing to do"), "{}", again.stdout);
    let held = sandbox.with_world(|w| {
        w.orgs
            .iter()
            .find(|o| o.org["name"] == "Harbor Dental Group")
            .unwrap()
            .trunks
            .len()
    });
    assert_eq!(
        held, 202,
        "the two demo numbers and the 200 new ones, each once"
    );
}
