//! `sms-admin readiness`: the nine pre-flight checks of one organization, or of all of them
//! (`--all`, one line each); exit 1 when any fails.

use super::when;
use crate::args::ReadinessArgs;
use crate::exit::{FAILED_ITEMS, Failure};
use crate::output::Output;
use crate::session::Session;
use domain::CheckOutcome;
use domain::OrgId;
use engine::Cancel;
use engine::readiness::{CheckAllProgress, ReadinessReport, ReadinessState};
use engine::snapshot::Freshness;

pub async fn run(session: &Session, args: ReadinessArgs, out: Output) -> Result<(), Failure> {
    let Some(org) = args.org.as_deref() else {
        return all(session, args.fix, args.confirm_billable, out).await;
    };
    let org = session.org(org).await?;
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
        let s = &report.summary;
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
    let (_, stopped) = session
        .engine
        .readiness()
        .draft_wanted(org, report, confirm_billable)
        .await;
    stopped.map_or(Ok(()), |error| Err(error.into()))
}

/// `--all`: every organization at the engine's concurrency, one line each, progress on a
/// terminal; with `--fix`, each one's fixes drafted as for one organization.
async fn all(
    session: &Session,
    fix: bool,
    confirm_billable: bool,
    out: Output,
) -> Result<(), Failure> {
    let live = out.live_progress && !out.json;
    let mut report = session
        .engine
        .readiness()
        .check_all(&Cancel::new(), move |p: CheckAllProgress| {
            if live {
                eprint!("\rchecked {} of {} organizations", p.done, p.total);
            }
        })
        .await?;
    if live {
        eprintln!();
    }
    if fix {
        for one in &mut report.orgs {
            if let Some(checked) = one.report.as_mut() {
                draft_fixes(session, &one.org, checked, confirm_billable).await?;
            }
        }
    }
    if out.json {
        out.json(&report);
    } else {
        for one in &report.orgs {
            let why = match (&one.report, &one.problem) {
                (Some(r), _) => {
                    let failing: Vec<&str> = r
                        .checks
                        .iter()
                        .filter(|c| c.outcome != CheckOutcome::Pass)
                        .map(|c| c.label.as_str())
                        .collect();
                    format!(
                        "{}/{} pass{}",
                        r.summary.passed,
                        r.checks.len(),
                        if failing.is_empty() {
                            String::new()
                        } else {
                            format!(" · {}", failing.join("; "))
                        }
                    )
                }
                (None, Some(problem)) => problem.message.clone(),
                (None, None) => "not checked".to_owned(),
            };
            println!("{:<12}{}  {why}", one.state_label, one.name);
        }
        let count = |s| report.count(s);
        println!(
            "{} organizations: {} not ready, {} unknown, {} ready{}.",
            report.orgs.len(),
            count(ReadinessState::NotReady),
            count(ReadinessState::Unknown),
            count(ReadinessState::Ready),
            match count(ReadinessState::NotChecked) {
                0 => String::new(),
                n => format!(", {n} not checked"),
            }
        );
    }
    let failed = report.count(ReadinessState::NotReady);
    let unchecked = report.orgs.iter().filter(|o| o.problem.is_some()).count();
    if failed > 0 || unchecked > 0 {
        return Err(Failure {
            code: FAILED_ITEMS,
            message: format!(
                "{failed} organization(s) not ready{}",
                if unchecked > 0 {
                    format!(", {unchecked} could not be checked")
                } else {
                    String::new()
                }
            ),
        });
    }
    Ok(())
}
