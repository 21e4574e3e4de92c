//! The configuration model shared by every other crate: ids, numbers, secrets, URLs,
//! credentials, SMS number settings and their rules. No I/O.

pub mod assumptions;
pub mod country;
pub mod field;
pub mod format_simulator;
pub mod formats;
pub mod ids;
pub mod number_diff;
pub mod observe;
pub mod organization;
pub mod phone;
pub mod readiness;
pub mod secret;
pub mod setup;
pub mod shape;
pub mod sms_number;
pub mod stickiness;
pub mod sync;
pub mod thinq;
pub mod time;
pub mod urls;
pub mod wire;

pub use assumptions::{Api, Assumption, AssumptionId, Fact, NoticeArea, Verdict};
pub use country::{Country, CountryOption, CountryProblem, DEFAULT_COUNTRY};
pub use field::{FieldKey, FieldProblem, Problems};
pub use formats::{Choice, InboundFormat, OutboundFormat, WireChoice};
pub use ids::{
    ConnectionId, DidId, DraftId, IdProblem, OrgId, ServiceId, SmsNumberId, UserId, WorkspaceId,
};
pub use number_diff::{Merged, SmsField, changed_fields, conflicting_fields, merge};
pub use observe::{Observed, Observer};
pub use organization::{Package, SmsMode};
pub use phone::{NumberProblem, PhoneNumber};
pub use readiness::{CheckId, CheckOutcome};
pub use secret::Secret;
pub use setup::{SetupChange, SetupKind, SetupService};
pub use sms_number::{AutoReply, OptOut, SmsNumberFields, SmsNumberInput, StickinessInput};
pub use stickiness::{Stickiness, StickinessUnit};
pub use sync::{JournalState, SyncAction};
pub use thinq::{ThinqAccountId, ThinqCredentials, ThinqSettingsInput, ThinqUsername};
pub use urls::{BaseUrl, UrlProblem, WebhookUrl};
