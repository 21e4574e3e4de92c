//! The Numbers tab and its draft: offline from the saved snapshot, live again when the sandbox
//! is back, with the draft on top and a status per row.

use crate::{endpoints, setup};
use domain::OrgId;
use domain::{InboundFormat, OutboundFormat, SmsNumberInput, StickinessInput};
use engine::Engine;
use engine::numbers::{NumberCheck, NumberKey, NumberStatus, SaveNumberOutcome};
use engine::snapshot::Freshness;
use sandbox::Sandbox;

fn new_number(number: &str, users: Vec<String>) -> SmsNumberInput {
    SmsNumberInput {
        country: "US".into(),
        number: number.into(),
        name: "Front Desk 2".into(),
        users,
        stickiness: StickinessInput::Preset { seconds: 86_400 },
        inbound_format: InboundFormat::E164,
        outbound_format: OutboundFormat::E164,
        send_name: false,
        opt_out_keyword: String::new(),
        opt_out_reply: String::new(),
        auto_replies: Vec::new(),
    }
}

#[tokio::test]
async fn with_the_sandbox_stopped_the_numbers_view_and_every_edit_still_work() {
    let setup = setup().await;
    let org = setup.fetched("Harbor Dental Group").await;
    let [ringotel_port, thinq_port] = setup.sandbox.addresses().map(|a| a.port());
    let engine: Engine = setup.reopen();
    drop(setup.sandbox);

    let offline = engine
        .numbers()
        .view(org.clone(), Freshness::Live)
        .await
        .unwrap();
    assert!(
        offline.offline.is_some(),
        "a failed refresh says the data is saved"
    );
    let live_count = offline.rows.len();
    assert!(
        offline
            .rows
            .iter()
            .all(|r| r.status == NumberStatus::Synced)
    );

    let editor = engine.numbers().editor(org.clone(), None).await.unwrap();
    let user = editor.connections[0].users[0].id.to_string();
    let typed = new_number("(858) 437-6047", vec![user]);
    let check = engine
        .numbers()
        .check(org.clone(), typed.clone(), None)
        .await
        .unwrap();
    let NumberCheck::Valid { preview } = check else {
        panic!("a new valid number passes the check: {check:?}")
    };
    assert_eq!(preview.wire, "18584376047");
    let saved = engine
        .numbers()
        .save(org.clone(), None, typed.clone())
        .await
        .unwrap();
    let SaveNumberOutcome::Saved { key, view } = saved else {
        panic!("saving offline works: {saved:?}")
    };
    assert!(matches!(key, NumberKey::New { .. }));
    assert_eq!(view.rows.len(), live_count + 1);
    assert_eq!(view.rows.last().unwrap().status, NumberStatus::New);

    let again = engine
        .numbers()
        .save(org.clone(), None, typed)
        .await
        .unwrap();
    assert!(
        matches!(again, SaveNumberOutcome::Invalid { ref problems } if problems[0].message.contains("already in the draft")),
        "the same number twice is refused at the field: {again:?}"
    );

    let existing = view.rows[0].key.clone();
    let deleted = engine
        .numbers()
        .delete(org.clone(), existing.clone())
        .await
        .unwrap();
    assert_eq!(deleted.rows[0].status, NumberStatus::Deleted);
    assert_eq!(deleted.drafted, 2);

    // The sandbox comes back on the same ports: live data again, with the draft on top.
    let back = Sandbox::start_on(ringotel_port, thinq_port).await.unwrap();
    assert_eq!(
        endpoints(&back).ringotel.as_str(),
        endpoints(&back).ringotel.as_str()
    );
    let live = engine
        .numbers()
        .view(org.clone(), Freshness::Live)
        .await
        .unwrap();
    assert!(live.offline.is_none(), "live again: {:?}", live.offline);
    assert_eq!(live.drafted, 2);
    assert_eq!(live.rows[0].status, NumberStatus::Deleted);
    assert_eq!(live.rows.last().unwrap().status, NumberStatus::New);
    let reverted = engine.numbers().revert(org, existing).await.unwrap();
    assert_eq!(reverted.rows[0].status, NumberStatus::Synced);
}

/// Harbor's numbers fetched live, and the editor opened on row `index`.
async fn open_harbor_row(
    setup: &crate::Setup,
    index: usize,
) -> (OrgId, NumberKey, engine::numbers::NumberEditor) {
    let org = setup.org("Harbor Dental Group").await;
    let view = setup
        .engine
        .numbers()
        .view(org.clone(), Freshness::Live)
        .await
        .unwrap();
    let key = view.rows[index].key.clone();
    let editor = setup
        .engine
        .numbers()
        .editor(org.clone(), Some(key.clone()))
        .await
        .unwrap();
    (org, key, editor)
}

#[tokio::test]
async fn an_edit_made_in_ringotel_since_the_draft_is_a_conflict_on_that_row() {
    let setup = setup().await;
    let (org, key, editor) = open_harbor_row(&setup, 0).await;
    let mut values = editor.values.clone();
    values.name = "Reception".into();
    let saved = setup
        .engine
        .numbers()
        .save(org.clone(), Some(key.clone()), values)
        .await
        .unwrap();
    assert!(
        matches!(saved, SaveNumberOutcome::Saved { .. }),
        "{saved:?}"
    );

    let NumberKey::Existing { trunk_id } = &key else {
        panic!("an existing number")
    };
    let org_id = org.to_string();
    setup.sandbox.with_world(|world| {
        let record = world.org_mut(&org_id).unwrap();
        let trunk = record
            .trunks
            .iter_mut()
            .find(|t| t["id"] == trunk_id.as_str())
            .unwrap();
        trunk.insert("name".into(), "Front Office".into());
    });
    let after = setup
        .engine
        .numbers()
        .view(org, Freshness::Live)
        .await
        .unwrap();
    assert_eq!(after.rows[0].status, NumberStatus::Conflict);
    assert_eq!(after.rows[0].conflict_labels, ["display name"]);
}

#[tokio::test]
async fn saving_an_unchanged_number_leaves_no_draft_and_drafts_survive_a_restart() {
    let setup = setup().await;
    let (org, key, editor) = open_harbor_row(&setup, 0).await;
    let saved = setup
        .engine
        .numbers()
        .save(org.clone(), Some(key.clone()), editor.values.clone())
        .await
        .unwrap();
    let SaveNumberOutcome::Saved { view, .. } = saved else {
        panic!("{saved:?}")
    };
    assert_eq!(view.drafted, 0, "nothing changed, nothing drafted");

    let mut values = editor.values;
    values.stickiness = StickinessInput::Preset { seconds: 3_600 };
    setup
        .engine
        .numbers()
        .save(org.clone(), Some(key), values)
        .await
        .unwrap();
    let reopened = setup.reopen();
    let after = reopened
        .numbers()
        .view(org, Freshness::Saved)
        .await
        .unwrap();
    assert_eq!(after.drafted, 1);
    assert_eq!(after.rows[0].status, NumberStatus::Changed);
    assert_eq!(after.rows[0].stickiness, "1 hour");
}
