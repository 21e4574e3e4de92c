//! CSV files as spreadsheets save them: LF or CRLF line ends, a byte-order mark, quoted cells
//! that span lines, a Windows-1252 export; each bad row named by the file's own line, and only
//! `number` and `users` required.

use crate::setup;
use domain::OrgId;
use domain::{InboundFormat, OutboundFormat};
use engine::numbers::CsvImportOutcome;
use engine::snapshot::Freshness;

/// 60 rows for Harbor's San Diego users with three bad ones: an unknown extension (line 11), a
/// format (line 31), a bad number (line 51). With `spanning`, row 5's name spans two lines.
fn rows(spanning: bool) -> Vec<String> {
    let mut lines = vec!["number,name,users,stickiness,inbound,outbound".to_owned()];
    for i in 0..60 {
        let line = i + 2;
        let number = if line == 51 {
            "858-20".to_owned()
        } else {
            format!("858-300-{:04}", 1000 + i)
        };
        let users = if line == 11 { "999" } else { "101;102" };
        let outbound = if line == 31 { "sideways" } else { "e164" };
        let name = if spanning && line == 5 {
            "\"Front\nDesk\"".to_owned()
        } else {
            format!("Line {i}")
        };
        lines.push(format!("{number},{name},{users},1h,e164,{outbound}"));
    }
    lines
}

async fn import(s: &crate::Setup, org: &OrgId, bytes: &[u8]) -> CsvImportOutcome {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("numbers.csv");
    std::fs::write(&path, bytes).unwrap();
    s.engine
        .numbers()
        .import_csv(org.clone(), &path)
        .await
        .unwrap()
}

fn named_lines(outcome: &CsvImportOutcome) -> Vec<(u64, String)> {
    match outcome {
        CsvImportOutcome::Refused { problems } => problems
            .iter()
            .map(|p| (p.line, p.column.clone()))
            .collect(),
        other => panic!("refused expected: {other:?}"),
    }
}

#[tokio::test]
async fn the_same_bad_rows_are_named_by_the_files_own_lines_whatever_the_line_ends() {
    let s = setup().await;
    let org = s.org("Harbor Dental Group").await;
    s.engine.organizations().detail(org.clone()).await.unwrap();
    let expected = vec![
        (11, "users".to_owned()),
        (31, "outbound".to_owned()),
        (51, "number".to_owned()),
    ];
    let lf = rows(false).join("\n");
    let crlf = rows(false).join("\r\n");
    let bom = [b"\xEF\xBB\xBF".as_slice(), crlf.as_bytes()].concat();
    for (what, bytes) in [
        ("LF", lf.as_bytes().to_vec()),
        ("CRLF", crlf.clone().into_bytes()),
        ("BOM", bom),
    ] {
        assert_eq!(
            named_lines(&import(&s, &org, &bytes).await),
            expected,
            "{what}"
        );
    }
    // A quoted name on lines 5-6 (a name may not hold a line break: it is named by its first
    // line) moves every later row one line down in the file.
    for joiner in ["\n", "\r\n"] {
        let spanning = rows(true).join(joiner);
        assert_eq!(
            named_lines(&import(&s, &org, spanning.as_bytes()).await),
            vec![
                (5, "name".to_owned()),
                (12, "users".to_owned()),
                (32, "outbound".to_owned()),
                (52, "number".to_owned())
            ],
            "a cell spanning lines, joined by {joiner:?}"
        );
    }
    let view = s
        .engine
        .numbers()
        .view(org, Freshness::Saved)
        .await
        .unwrap();
    assert_eq!(view.drafted, 0, "nothing imported from a bad file");
}

#[tokio::test]
async fn a_windows_export_is_read_and_said_and_utf16_is_refused_with_what_to_do() {
    let s = setup().await;
    let org = s.org("Harbor Dental Group").await;
    s.engine.organizations().detail(org.clone()).await.unwrap();
    let cp1252 = b"number,users,name\r\n858-300-2000,101,Jos\xE9 \x96 front\r\n".to_vec();
    let outcome = import(&s, &org, &cp1252).await;
    let CsvImportOutcome::Imported {
        added: 1,
        note: Some(note),
    } = outcome
    else {
        panic!("{outcome:?}")
    };
    assert!(note.contains("Windows-1252"), "{note}");
    let view = s
        .engine
        .numbers()
        .view(org.clone(), Freshness::Saved)
        .await
        .unwrap();
    assert!(
        view.rows.iter().any(|r| r.name == "José – front"),
        "{:?}",
        view.rows.iter().map(|r| &r.name).collect::<Vec<_>>()
    );

    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain("number,users\n".encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let refused = import(&s, &org, &utf16).await;
    let CsvImportOutcome::Refused { problems } = refused else {
        panic!("{refused:?}")
    };
    assert!(problems[0].message.contains("UTF-16") && problems[0].message.contains("CSV UTF-8"));
}

#[tokio::test]
async fn only_number_and_users_are_required_the_rest_take_the_editors_defaults() {
    let s = setup().await;
    let org = s.org("Harbor Dental Group").await;
    s.engine.organizations().detail(org.clone()).await.unwrap();
    let outcome = import(&s, &org, b"users,number\n101,858-300-3000\n").await;
    assert!(
        matches!(
            outcome,
            CsvImportOutcome::Imported {
                added: 1,
                note: None
            }
        ),
        "{outcome:?}"
    );
    let view = s
        .engine
        .numbers()
        .view(org.clone(), Freshness::Saved)
        .await
        .unwrap();
    let row = view
        .rows
        .iter()
        .find(|r| r.number.ends_with("3000"))
        .unwrap();
    let editor = s
        .engine
        .numbers()
        .editor(org.clone(), Some(row.key.clone()))
        .await
        .unwrap();
    assert_eq!(
        editor.values.inbound_format,
        domain::sms_number::NEW_NUMBER_INBOUND
    );
    assert_eq!(
        editor.values.outbound_format,
        domain::sms_number::NEW_NUMBER_OUTBOUND
    );
    assert_eq!(
        (InboundFormat::E164, OutboundFormat::E164),
        (editor.values.inbound_format, editor.values.outbound_format)
    );
    let missing = import(&s, &org, b"number,name\n858-300-3001,x\n").await;
    let CsvImportOutcome::Refused { problems } = missing else {
        panic!("{missing:?}")
    };
    assert_eq!(
        (problems[0].line, problems[0].column.as_str()),
        (1, "header")
    );
    assert!(
        problems[0].message.contains("lacks users"),
        "{}",
        problems[0].message
    );
}
