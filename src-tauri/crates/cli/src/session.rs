//! One run's engine, on the same data folder and keychain as the app. The Sandbox workspace's
//! simulated services are started in-process only when the active workspace is the Sandbox
//! and the command talks to the services.

use crate::exit::Failure;
use domain::OrgId;
use engine::{Engine, builtin_sandbox, home};
use sandbox::Sandbox;
use std::path::PathBuf;

pub struct Session {
    pub engine: Engine,
    /// Kept alive while the command runs: dropping it stops the simulated services.
    _sandbox: Option<Sandbox>,
}

/// Opens the engine; `services`: the command calls Ringotel or thinQ.
pub async fn open(data_dir: Option<PathBuf>, services: bool) -> Result<Session, Failure> {
    let dir = home::data_dir(data_dir).ok_or_else(|| {
        Failure::usage(format!(
            "this system names no app-data folder: give one with --data-dir or {}",
            home::DATA_DIR_ENV
        ))
    })?;
    let engine = Engine::open(&dir, home::KEYCHAIN_SERVICE, None)?;
    if !services {
        return Ok(Session {
            engine,
            _sandbox: None,
        });
    }
    let workspaces = engine.workspaces().list().await?;
    let on_sandbox = workspaces
        .workspaces
        .iter()
        .any(|w| w.active && w.simulated);
    if !on_sandbox {
        return Ok(Session {
            engine,
            _sandbox: None,
        });
    }
    drop(engine);
    let (sandbox, endpoints) = builtin_sandbox::start(&dir)
        .await
        .map_err(|e| Failure::general(format!("the Sandbox could not start: {e}")))?;
    let engine = Engine::open(&dir, home::KEYCHAIN_SERVICE, Some(endpoints))?;
    Ok(Session {
        engine,
        _sandbox: Some(sandbox),
    })
}

impl Session {
    /// The organization `given` names: its id, its name (any case), or the one name it is part of.
    pub async fn org(&self, given: &str) -> Result<OrgId, Failure> {
        let list = self.engine.organizations().list().await?;
        let wanted = given.trim().to_lowercase();
        let orgs = &list.organizations;
        if let Some(o) = orgs
            .iter()
            .find(|o| o.id.as_str() == given.trim() || o.name.to_lowercase() == wanted)
        {
            return Ok(o.id.clone());
        }
        let partial: Vec<_> = orgs
            .iter()
            .filter(|o| o.name.to_lowercase().contains(&wanted))
            .collect();
        match partial.as_slice() {
            [one] => Ok(one.id.clone()),
            [] => Err(Failure::usage(format!(
                "no organization is called \"{given}\" (--org); `sms-admin orgs` lists them"
            ))),
            many => Err(Failure::usage(format!(
                "\"{given}\" names {} organizations (--org): {}",
                many.len(),
                many.iter()
                    .map(|o| o.name.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            ))),
        }
    }
}
