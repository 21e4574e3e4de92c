//! SMS numbers of an organization as Ringotel has them now.

use crate::Engine;
use crate::error::EngineResult;
use crate::organizations::now_ms;
use domain::RingotelId;
use domain::phone_display::display_number;
use serde::Serialize;
use std::collections::HashMap;
use ts_rs::TS;

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SmsNumberRow {
    pub id: String,
    /// As stored in Ringotel (E.164 digits without '+').
    pub number: String,
    pub formatted: String,
    pub name: String,
    /// Assigned users as "Name (ext)"; ids no longer among the users show as "unknown user".
    pub users: Vec<String>,
    /// Session stickiness in seconds; 0 = disabled. [assumed] unit, see services.md.
    pub session_timeout: Option<i64>,
    pub inbound_format: String,
    pub outbound_format: String,
    pub service: String,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SmsNumberList {
    pub numbers: Vec<SmsNumberRow>,
    pub fetched_at: i64,
    pub simulated: bool,
}

impl Engine {
    pub async fn list_sms_numbers(&self, org: RingotelId) -> EngineResult<SmsNumberList> {
        let connected = self.connect().await?;
        let client = &connected.ringotel;
        let (trunks, users) =
            tokio::try_join!(client.get_sms_trunks(&org), client.get_users(&org, None))?;
        let names: HashMap<&str, String> = users
            .iter()
            .map(|u| (u.id.as_str(), format!("{} ({})", u.name, u.extension)))
            .collect();
        let numbers = trunks
            .into_iter()
            .map(|t| SmsNumberRow {
                id: t.id.to_string(),
                formatted: display_number(&t.number),
                users: t
                    .users
                    .iter()
                    .map(|id| {
                        names
                            .get(id.as_str())
                            .cloned()
                            .unwrap_or_else(|| format!("unknown user {id}"))
                    })
                    .collect(),
                number: t.number,
                name: t.name,
                session_timeout: t.session_timeout,
                inbound_format: t.inbound_format,
                outbound_format: t.outbound_format,
                service: t.service,
            })
            .collect();
        Ok(SmsNumberList {
            numbers,
            fetched_at: now_ms(),
            simulated: connected.is_sandbox(),
        })
    }
}
