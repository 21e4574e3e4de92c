//! The whole Harbor job in one round: DIDs imported from thinQ into the draft are judged with
//! Ringotel's numbers, so *Fix all* once and one Sync leave every check passing.

use super::{check, fix, readiness};
use crate::setup;
use domain::{CheckId, CheckOutcome};
use engine::numbers::ImportDidsOutcome;
use engine::readiness::Fix;

#[tokio::test]
async fn drafted_numbers_are_judged_before_sync_so_one_round_of_fixes_makes_every_check_pass() {
    let s = setup().await;
    let org = s.harbor_with_thinq().await;
    let dids = s.engine.numbers().thinq_dids(org.clone()).await.unwrap();
    let free: Vec<String> = dids
        .dids
        .iter()
        .filter(|d| !d.taken)
        .map(|d| d.number.clone())
        .collect();
    assert_eq!(free.len(), 22);
    let user = s.first_user(&org).await;
    let imported = s.import_dids(&org, free, vec![user]).await;
    assert!(
        matches!(imported, ImportDidsOutcome::Imported { added: 22, .. }),
        "{imported:?}"
    );

    let report = readiness(&s, &org).await;
    use CheckId as C;
    // The drafted numbers' DIDs are judged now: one that has SMS off is named as drafted.
    let sms = check(&report, C::DidsSmsOn);
    assert!(
        sms.items
            .contains(&"+1 858-437-6040 (new in the draft): SMS is off in thinQ".to_owned()),
        "{:?}",
        sms.items
    );
    let Fix::ThinqSmsOn { dids, .. } = fix(&report, C::DidsSmsOn) else {
        panic!("an SMS fix expected");
    };
    assert_eq!(dids.len(), 5, "Billing's DID and four imported: {dids:?}");
    let Fix::ThinqInbound { dids, .. } = fix(&report, C::InboundRouting) else {
        panic!("a routing fix expected");
    };
    assert_eq!(dids.len(), 24, "every thinQ number, drafted ones too");
    let offered: Vec<CheckId> = report
        .checks
        .iter()
        .filter(|c| c.fix.as_ref().is_some_and(|o| o.in_fix_all))
        .map(|c| c.id)
        .collect();
    assert_eq!(
        offered,
        [
            C::ConnectionsSmsMode,
            C::DidsSmsOn,
            C::InboundRouting,
            C::DeliveryUrl,
            C::NumbersUsers,
            C::ConsistentFormats
        ]
    );

    // *Fix all*: one step drafts the six.
    let fixes = report
        .checks
        .iter()
        .filter_map(|c| c.fix.as_ref().filter(|o| o.in_fix_all))
        .map(|o| o.fix.clone())
        .collect();
    let offers = s
        .engine
        .readiness()
        .draft_fixes(org.clone(), fixes)
        .await
        .unwrap();
    assert!(offers.iter().all(|o| o.drafted && !o.in_fix_all));
    let drafted = readiness(&s, &org).await;
    assert!(
        drafted
            .checks
            .iter()
            .filter_map(|c| c.fix.as_ref())
            .all(|o| o.drafted && !o.in_fix_all),
        "{:#?}",
        drafted.checks
    );
    // A fault the draft mends still fails until Sync sends it, and says so.
    let users = check(&drafted, C::NumbersUsers);
    assert_eq!(users.outcome, CheckOutcome::Fail);
    assert_eq!(
        users.items,
        [
            "+1 858-437-6050 (as drafted): in Ringotel, 1 user no longer in the organization; the draft mends it (Sync sends it)"
        ]
    );

    let sync = s.sync(&org).await;
    assert_eq!(sync.failed, 0, "{sync:#?}");
    let after = readiness(&s, &org).await;
    assert!(
        after.checks.iter().all(|c| c.outcome == CheckOutcome::Pass),
        "{:#?}",
        after.checks
    );
    assert!(check(&after, C::DidsSmsOn).detail.starts_with("24 DIDs"));
    assert!(after.checks.iter().all(|c| c.fix.is_none()));
}

#[tokio::test]
async fn a_fault_on_a_number_drafted_for_deletion_stays_open_until_sync_deletes_it() {
    let s = setup().await;
    let org = s.harbor_with_thinq().await;
    let billing = s.number_named(&org, "Harbor Billing").await;
    s.engine
        .numbers()
        .delete(org.clone(), billing)
        .await
        .unwrap();
    let report = readiness(&s, &org).await;
    let users = check(&report, CheckId::NumbersUsers);
    assert_eq!(users.outcome, CheckOutcome::Fail);
    assert_eq!(
        users.items,
        [
            "+1 858-437-6050 (deleted in the draft): in Ringotel, 1 user no longer in the organization; the draft deletes it (Sync sends it)"
        ]
    );
    assert!(users.fix.is_none(), "nothing left to fix: Sync deletes it");
}
