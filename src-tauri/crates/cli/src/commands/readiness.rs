//! `sms-admin readiness`: the nine pre-flight checks; exit 1 when any fails.

use super::when;
use crate::args::ReadinessArgs;
use crate::exit::{FAILED_ITEMS, Failure};
use crate::output::Output;
use crate::session::Session;
use domain::CheckOutcome;
use domain::OrgId;
use engine::readiness::ReadinessReport;
use engine::snapshot::Freshness;

pub async fn run(session: &Session, args: ReadinessArgs, out: Output) -> Result<(), Failure> {
    let org = session.org(&args.org.org).await?;
    let mut report = session
        .engine
        .readiness()
        .run(org.clone(), Freshness::Live, |_| {})
        .await?;
    if args.fix {
        draft_fixes(session, &org, &mut report, args.confirm_billable).await?;
    }
    if out.json {
        out.json(&report);
    } else {
        for c in &report.checks {
            let outcome = c.outcome_label.to_uppercase();
            if out.styled {
                println!("\x1b[1m{outcome:<8}{}\x1b[0m  ({})", c.label, when(c.as_of));
            } else {
                println!("{outcome:<8}{}  ({})", c.label, when(c.as_of));
            }
            println!("        {}", c.detail);
            for item in &c.items {
                println!("        - {item}");
            }
            match &c.fix {
                Some(fix) if fix.drafted => {
                    println!(
                        "        fix drafted: {} (`sms-admin apply` sends it)",
                        fix.label
                    )
                }
                Some(fix) if !fix.drafts => println!("        fix: {} in the app", fix.label),
                Some(fix) if fix.billable => println!(
                    "        fix: {} (billable: --fix --confirm-billable drafts it)",
                    fix.label
                ),
                Some(fix) => println!("        fix: {} (--fix drafts it)", fix.label),
                None => {}
            }
        }
        let s = report.summary;
        println!(
            "{} pass, {} fail, {} unknown.",
            s.passed, s.failed, s.unknown
        );
    }
    if report
        .checks
        .iter()
        .any(|c| c.outcome == CheckOutcome::Fail)
    {
        return Err(Failure {
            code: FAILED_ITEMS,
            message: format!("{} check(s) failed", report.summary.failed),
        });
    }
    Ok(())
}

/// Drafts each check's fix that goes into the draft — failing checks', and unknown ones' that
/// would settle them — billable ones only when confirmed; marks them drafted in the report.
async fn draft_fixes(
    session: &Session,
    org: &OrgId,
    report: &mut ReadinessReport,
    confirm_billable: bool,
) -> Result<(), Failure> {
    for check in &mut report.checks {
        let Some(offer) = check.fix.as_mut() else {
            continue;
        };
        if offer.drafted || !offer.drafts || (offer.billable && !confirm_billable) {
            continue;
        }
        *offer = session
            .engine
            .readiness()
            .draft_fix(org.clone(), offer.fix.clone(), confirm_billable)
            .await?;
    }
    Ok(())
}
