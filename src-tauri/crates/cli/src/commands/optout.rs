//! `sms-admin optout list|add|remove`: a number's opt-out list, and changes to it drafted as the
//! app drafts them (each then sent by `apply` and kept in the journal).

use crate::args::{OptOutCommand, OptOutNumber};
use crate::exit::Failure;
use crate::output::{Output, Table};
use crate::session::Session;
use engine::opt_outs::OptOutView;
use engine::snapshot::Freshness;

pub async fn run(session: &Session, command: OptOutCommand, out: Output) -> Result<(), Failure> {
    let opt_outs = session.engine.opt_outs();
    let (view, search) = match command {
        OptOutCommand::List { number, search } => {
            let (org, number) = which(session, number).await?;
            (opt_outs.view(org, number, Freshness::Live).await?, search)
        }
        OptOutCommand::Add { number, customer } => {
            let (org, number) = which(session, number).await?;
            opt_outs
                .view(org.clone(), number.clone(), Freshness::Live)
                .await?;
            let view = opt_outs.draft_add(org, number, customer).await?;
            eprintln!("Drafted; `sms-admin apply` sends it.");
            (view, None)
        }
        OptOutCommand::Remove { number, customer } => {
            let (org, number) = which(session, number).await?;
            opt_outs
                .view(org.clone(), number.clone(), Freshness::Live)
                .await?;
            let view = opt_outs.draft_remove(org, number, customer).await?;
            eprintln!("Drafted; `sms-admin apply` sends it.");
            (view, None)
        }
    };
    print(&view, search.as_deref(), out);
    Ok(())
}

async fn which(
    session: &Session,
    number: OptOutNumber,
) -> Result<(domain::OrgId, String), Failure> {
    Ok((session.org(&number.org.org).await?, number.number))
}

fn print(view: &OptOutView, search: Option<&str>, out: Output) {
    let digits: String = search
        .unwrap_or_default()
        .chars()
        .filter(char::is_ascii_digit)
        .collect();
    let rows: Vec<_> = view
        .rows
        .iter()
        .filter(|r| r.customer.contains(&digits))
        .collect();
    if out.json {
        out.json(&rows);
        return;
    }
    out.heading(&format!(
        "{} ({}): {} on the opt-out list",
        view.formatted,
        view.name,
        rows.len()
    ));
    let mut table = Table::new(vec!["CUSTOMER", "KEYWORD", "STATUS"]);
    for r in rows {
        table.row(vec![
            r.formatted.clone(),
            r.keyword.clone().unwrap_or_else(|| "—".into()),
            r.status_label.clone(),
        ]);
    }
    out.table(&table);
}
