//! Properties of the plan: it sends the draft where nothing conflicts, nothing for an unchanged
//! draft, and once applied leaves nothing more to do.

use super::*;
use domain::DraftId;
use domain::OrgId;
use domain::SmsNumberId;
use domain::UserId;
use domain::formats::WireChoice;
use domain::{InboundFormat, OutboundFormat, ServiceId, Stickiness};
use proptest::prelude::*;
use store::tables::drafted::numbers::DraftRecord;

fn us() -> Country {
    Country::parse("US").unwrap_or(domain::DEFAULT_COUNTRY)
}

fn id(n: u64) -> SmsNumberId {
    SmsNumberId::parse(&n.to_string()).unwrap_or_else(|_| unreachable!())
}

fn user(n: u64) -> UserId {
    UserId::parse(&n.to_string()).unwrap_or_else(|_| unreachable!())
}

/// Fields drawn from small sets, so two draws often agree on a field.
fn fields() -> impl Strategy<Value = SmsNumberFields> {
    (
        0..3usize,
        0..3usize,
        proptest::collection::vec(1..4u64, 0..3),
        0..4usize,
        0..4usize,
        0..3i64,
        any::<bool>(),
    )
        .prop_map(|(number, name, users, inbound, outbound, hours, send)| {
            let numbers = ["8584376048", "8584376049", "6195550100"];
            SmsNumberFields {
                number: PhoneNumber::parse(numbers[number], us())
                    .unwrap_or_else(|_| unreachable!()),
                name: ["Desk", "Front", "Sales"][name].into(),
                service: ServiceId::parse("ThinQ").unwrap_or_else(|_| unreachable!()),
                users: users.into_iter().map(user).collect(),
                country: us(),
                inbound_format: InboundFormat::ALL[inbound],
                outbound_format: OutboundFormat::ALL[outbound],
                stickiness: Stickiness::from_wire(hours * 3600).unwrap_or(Stickiness::DISABLED),
                send_name: send,
                opt_out: None,
                auto_replies: vec![],
            }
        })
}

/// Harbor's front desk as a new number, named.
fn desk() -> SmsNumberFields {
    let number = PhoneNumber::parse("8584376048", us()).unwrap_or_else(|_| unreachable!());
    SmsNumberFields {
        name: "Desk".into(),
        ..SmsNumberFields::new(
            number,
            ServiceId::parse("ThinQ").unwrap_or_else(|_| unreachable!()),
            us(),
        )
    }
}

fn trunk(trunk_id: u64, fields: &SmsNumberFields) -> SmsTrunk {
    SmsTrunk {
        id: id(trunk_id),
        body: ringotel::SmsTrunkBody::from_fields(fields),
    }
}

/// What a planned step comes to, said without the plan's own helpers: `Settled` (no call and
/// nothing waiting), `Sends`, or `Waits` for the admin.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Outcome {
    Settled,
    Sends(Box<Action>),
    Waits(Blocker),
}

/// Plans the drafted changes against the server's numbers, as the engine does; each step's
/// outcome, and the calls a server would get.
fn plan_of(drafts: Vec<DraftRecord>, server: &[SmsTrunk]) -> Vec<Outcome> {
    let drafts: Vec<Draft> = drafts.into_iter().map(|d| Draft::new(d, us())).collect();
    let live = LiveIndex::new(server, us());
    plan(&drafts, &live)
        .steps
        .into_iter()
        .map(|s| match (s.blocker, s.action) {
            (Some(blocker), _) => Outcome::Waits(blocker),
            (None, Some(action)) => Outcome::Sends(Box::new(action)),
            (None, None) => Outcome::Settled,
        })
        .collect()
}

fn nothing_waits(plan: &[Outcome]) -> bool {
    !plan.iter().any(|o| matches!(o, Outcome::Waits(_)))
}

fn existing(draft_id: i64, base: &SmsTrunk, change: DraftChange) -> DraftRecord {
    DraftRecord {
        id: DraftId(draft_id),
        org: OrgId::parse("1").unwrap_or_else(|e| panic!("{e}")),
        target: DraftTarget::Existing {
            trunk_id: base.id.clone(),
            base: serde_json::to_string(base).unwrap_or_default(),
            base_fetched_at: 0,
        },
        change,
        updated_at: 0,
    }
}

fn new(draft_id: i64, fields: &SmsNumberFields) -> DraftRecord {
    DraftRecord {
        id: DraftId(draft_id),
        org: OrgId::parse("1").unwrap_or_else(|e| panic!("{e}")),
        target: DraftTarget::New,
        change: DraftChange::Upsert(Box::new(fields.clone())),
        updated_at: 0,
    }
}

/// What a server does with the plan's calls (as the sandbox does: an update replaces).
fn apply(plan: &[Outcome], server: &mut Vec<SmsTrunk>) {
    let mut next_id = 1000;
    let sendable = plan.iter().filter_map(|o| match o {
        Outcome::Sends(action) => Some(action.as_ref()),
        _ => None,
    });
    for action in sendable {
        match action {
            Action::Create { fields } => {
                next_id += 1;
                server.push(trunk(next_id, fields));
            }
            Action::Update {
                trunk_id,
                fields,
                changed,
            } => {
                if let Some(t) = server.iter_mut().find(|t| &t.id == trunk_id) {
                    for field in changed {
                        t.write_field(*field, fields);
                    }
                }
            }
            Action::Delete { trunk_id } => server.retain(|t| &t.id != trunk_id),
        }
    }
}

fn read(trunk: &SmsTrunk) -> SmsNumberFields {
    trunk.fields(us()).unwrap_or_else(|e| panic!("{e}"))
}

proptest! {
    #[test]
    fn with_ringotel_unchanged_applying_the_plan_gives_the_draft(
        base in fields(), mine in fields()
    ) {
        let original = trunk(7, &base);
        let mut server = vec![original.clone()];
        let plan = plan_of(vec![existing(1, &original, DraftChange::Upsert(Box::new(mine.clone())))], &server);
        prop_assert!(nothing_waits(&plan), "{plan:?}");
        apply(&plan, &mut server);
        prop_assert!(changed_fields(&read(&server[0]), &mine).is_empty());
    }

    #[test]
    fn an_unchanged_draft_plans_nothing(base in fields(), theirs in fields()) {
        let original = trunk(7, &base);
        let live = vec![trunk(7, &theirs)];
        let plan = plan_of(vec![existing(1, &original, DraftChange::Upsert(Box::new(base.clone())))], &live);
        prop_assert_eq!(plan, vec![Outcome::Settled]);
    }

    #[test]
    fn once_applied_a_plan_without_conflicts_leaves_nothing_to_do(
        base in fields(), mine in fields(), other in fields(), created in fields(),
        theirs_change in proptest::collection::vec(any::<bool>(), SmsField::ALL.len()),
        delete in any::<bool>()
    ) {
        // Ringotel changed some of the fields the draft left alone (all of them, for a deletion).
        let mut theirs = base.clone();
        if !delete {
            for (field, changes) in SmsField::ALL.into_iter().zip(theirs_change) {
                if changes && !field.differs(&base, &mine) {
                    field.copy(&other, &mut theirs);
                }
            }
        }
        let original = trunk(7, &base);
        let mut server = vec![trunk(7, &theirs)];
        let change = if delete { DraftChange::Delete } else { DraftChange::Upsert(Box::new(mine)) };
        let mut drafts = vec![existing(1, &original, change)];
        if created.number != theirs.number {
            drafts.push(new(2, &created));
        }
        let first = plan_of(drafts.clone(), &server);
        prop_assert!(nothing_waits(&first), "{first:?}");
        apply(&first, &mut server);
        let second = plan_of(drafts.clone(), &server);
        prop_assert!(second.iter().all(|o| *o == Outcome::Settled), "{second:?}");
    }

    #[test]
    fn a_field_changed_on_both_sides_blocks_and_sends_nothing_of_mine(
        base in fields(), mine in fields(), theirs in fields()
    ) {
        let original = trunk(7, &base);
        let live = vec![trunk(7, &theirs)];
        let plan = plan_of(vec![existing(1, &original, DraftChange::Upsert(Box::new(mine.clone())))], &live);
        // A conflict, from first principles: both sides moved the field away from the base,
        // to different values.
        let conflicts: Vec<SmsField> = SmsField::ALL
            .into_iter()
            .filter(|f| f.differs(&base, &mine) && f.differs(&base, &theirs) && f.differs(&mine, &theirs))
            .collect();
        match &plan[0] {
            Outcome::Waits(Blocker::Fields(fields)) => prop_assert_eq!(fields, &conflicts),
            other => prop_assert!(conflicts.is_empty(), "{conflicts:?} but {other:?}"),
        }
    }
}

#[test]
fn a_new_number_found_in_ringotel_as_drafted_is_done_and_otherwise_waits_for_the_admin() {
    let mut desk = SmsNumberFields {
        name: "Desk".into(),
        users: vec![user(1)],
        ..desk()
    };
    let live = vec![trunk(9, &desk)];
    assert_eq!(plan_of(vec![new(1, &desk)], &live), [Outcome::Settled]);
    desk.name = "Other".into();
    assert_eq!(
        plan_of(vec![new(1, &desk)], &live),
        [Outcome::Waits(Blocker::AlreadyInRingotel {
            trunk_id: id(9)
        })]
    );
    assert_eq!(
        plan_of(vec![new(1, &desk)], &[]),
        [Outcome::Sends(Box::new(Action::Create {
            fields: desk.clone()
        }))]
    );
}

#[test]
fn an_edit_of_a_number_deleted_in_ringotel_waits_and_a_deletion_of_it_is_done() {
    let desk = trunk(7, &desk());
    let mut renamed = read(&desk);
    renamed.name = "Renamed".into();
    let edit = plan_of(
        vec![existing(1, &desk, DraftChange::Upsert(Box::new(renamed)))],
        &[],
    );
    assert_eq!(edit, [Outcome::Waits(Blocker::GoneFromRingotel)]);
    let deletion = plan_of(vec![existing(1, &desk, DraftChange::Delete)], &[]);
    assert_eq!(deletion, [Outcome::Settled]);
}
