//! Exporting a draft to a file and importing it elsewhere; a bad file changes nothing.

use crate::setup;
use engine::draft_file::DraftTransfer;
use engine::numbers::{NumberStatus, SaveNumberOutcome};
use engine::snapshot::Freshness;

async fn draft_two_changes(setup: &crate::Setup) -> domain::OrgId {
    let org = setup.org("Harbor Dental Group").await;
    let view = setup
        .engine
        .numbers()
        .view(org.clone(), Freshness::Live)
        .await
        .unwrap();
    setup
        .engine
        .numbers()
        .delete(org.clone(), view.rows[1].key.clone())
        .await
        .unwrap();
    let mut values = setup
        .engine
        .numbers()
        .editor(org.clone(), None)
        .await
        .unwrap()
        .values;
    values.number = "858-437-6049".into();
    values.name = "Imported".into();
    let saved = setup
        .engine
        .numbers()
        .save(org.clone(), None, values)
        .await
        .unwrap();
    assert!(
        matches!(saved, SaveNumberOutcome::Saved { .. }),
        "{saved:?}"
    );
    org
}

/// A draft of two changes exported by one install: the install, its organization and the
/// file's text.
async fn an_exported_draft() -> (crate::Setup, domain::OrgId, String) {
    let from = setup().await;
    let org = draft_two_changes(&from).await;
    let file = from.data.path().join("draft.json");
    from.engine
        .draft_files()
        .export(file.clone())
        .await
        .unwrap();
    let text = std::fs::read_to_string(&file).unwrap();
    (from, org, text)
}

/// Another install, which has fetched `org` and drafted nothing.
async fn another_install(org: &domain::OrgId) -> crate::Setup {
    let to = setup().await;
    to.engine
        .numbers()
        .view(org.clone(), Freshness::Live)
        .await
        .unwrap();
    to
}

#[tokio::test]
async fn an_exported_draft_imports_into_another_install_with_the_same_rows() {
    let from = setup().await;
    let org = draft_two_changes(&from).await;
    let file = from.data.path().join("draft.json");
    let exported = from
        .engine
        .draft_files()
        .export(file.clone())
        .await
        .unwrap();
    assert!(
        matches!(exported, DraftTransfer::Exported { changes: 2, .. }),
        "{exported:?}"
    );
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(
        !text.contains(sandbox::DEMO_API_KEY),
        "no secret in an export"
    );

    let to = another_install(&org).await;
    let imported = to.engine.draft_files().import(file.clone()).await.unwrap();
    assert!(
        matches!(imported, DraftTransfer::Imported { changes: 2, .. }),
        "{imported:?}"
    );
    let view = to
        .engine
        .numbers()
        .view(org, Freshness::Saved)
        .await
        .unwrap();
    assert_eq!(view.rows[1].status, NumberStatus::Deleted);
    assert_eq!(view.rows.last().unwrap().status, NumberStatus::New);

    let twice = to.engine.draft_files().import(file).await.unwrap();
    assert!(
        matches!(&twice, DraftTransfer::Refused { problem } if problem.message.contains("already in the draft")),
        "importing the same new number twice is refused: {twice:?}"
    );
}

#[tokio::test]
async fn a_bad_file_is_refused_with_its_line_and_nothing_is_imported() {
    let (_from, org, good) = an_exported_draft().await;
    let to = another_install(&org).await;
    let number_line = good
        .lines()
        .position(|l| l.contains("+18584376049"))
        .unwrap()
        + 1;
    let bad_number = format!("Line {number_line}, column 25: +1858 is not a valid phone number");
    let cases = [
        (
            "broken.json",
            good.replacen("\"version\": 1,", "\"version\": 1", 1),
            "Line 4, column 3: expected `,`",
        ),
        (
            "bad-number.json",
            good.replace("+18584376049", "+1858"),
            bad_number.as_str(),
        ),
        ("other.json", "{\"hello\": 1}".to_owned(), "unknown field"),
    ];
    for (name, text, expected) in cases {
        let path = to.data.path().join(name);
        std::fs::write(&path, text).unwrap();
        let outcome = to.engine.draft_files().import(path).await.unwrap();
        let DraftTransfer::Refused { problem } = outcome else {
            panic!("{name} must be refused: {outcome:?}")
        };
        assert!(
            problem.message.contains(expected),
            "{name}: {}",
            problem.message
        );
    }
    let view = to
        .engine
        .numbers()
        .view(org, Freshness::Saved)
        .await
        .unwrap();
    assert_eq!(
        view.drafted, 0,
        "nothing of a refused file lands in the draft"
    );
}

#[tokio::test]
async fn an_imported_change_passes_the_editors_rules_or_nothing_is_imported() {
    let (from, org, text) = an_exported_draft().await;
    let good: serde_json::Value = serde_json::from_str(&text).unwrap();
    let new_at = good["changes"]
        .as_array()
        .unwrap()
        .iter()
        .position(|c| c["trunkId"].is_null())
        .unwrap();
    let live_number = from
        .engine
        .numbers()
        .view(org.clone(), Freshness::Saved)
        .await
        .unwrap()
        .rows[0]
        .number
        .clone();
    let to = another_install(&org).await;
    let n = new_at + 1;
    let cases: [(&str, &str, serde_json::Value, String); 5] = [
        (
            "fields",
            "name",
            "Front\u{7}desk".into(),
            format!("Change {n}: Display name: The display name has a line break"),
        ),
        (
            "fields",
            "users",
            serde_json::json!(["999999"]),
            format!("Change {n}: Users: User 999999 is no longer in this organization"),
        ),
        (
            "fields",
            "autoReplies",
            serde_json::json!([{"key": " ", "value": "Hi"}]),
            format!("Change {n}: Auto-replies: Auto-reply 1 has no keyword"),
        ),
        (
            "fields",
            "number",
            live_number.into(),
            format!("Change {n}: Phone number: "),
        ),
        (
            "",
            "orgId",
            "424242".into(),
            format!("Change {n}: organization 424242 is not one this workspace can read"),
        ),
    ];
    for (within, key, value, expected) in cases {
        let mut text = good.clone();
        let change = &mut text["changes"][new_at];
        let target = if within.is_empty() {
            change
        } else {
            &mut change[within]
        };
        target[key] = value;
        let path = to.data.path().join(format!("{key}.json"));
        std::fs::write(&path, text.to_string()).unwrap();
        let outcome = to.engine.draft_files().import(path).await.unwrap();
        let DraftTransfer::Refused { problem } = outcome else {
            panic!("{key} must be refused: {outcome:?}")
        };
        assert!(
            problem.message.contains(&expected),
            "{key}: {}",
            problem.message
        );
    }
    // One number set on two changes of the file: the editor would refuse the second.
    let mut twice = good.clone();
    let again = twice["changes"][new_at].clone();
    twice["changes"].as_array_mut().unwrap().push(again);
    let path = to.data.path().join("twice.json");
    std::fs::write(&path, twice.to_string()).unwrap();
    let outcome = to.engine.draft_files().import(path).await.unwrap();
    assert!(
        matches!(&outcome, DraftTransfer::Refused { problem } if problem.message.contains("drafted already")),
        "{outcome:?}"
    );
    let view = to
        .engine
        .numbers()
        .view(org, Freshness::Saved)
        .await
        .unwrap();
    assert_eq!(view.drafted, 0, "nothing of a refused file is imported");
}
