//! How the simulated services answer where the published sources leave a question open. The
//! default follows the published shapes exactly and nothing more; each open question of
//! services.md is a switch that makes the sandbox answer the other way, so the app can be
//! tried against every reading.

use domain::AssumptionId;

/// How a wrong Ringotel API key is refused, on `/api` and on the integration form.
/// Deployments differ: some answer HTTP 401, some an error inside HTTP 200.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum AuthFailure {
    /// HTTP 401 with an `{"error": ...}` body.
    #[default]
    Http401,
    /// HTTP 200 with `{"error": {"message": ..., "code": 401}}`.
    ErrorIn200,
}

/// One open question answered the unpublished way.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum WireSwitch {
    /// getServices' thinQ entry carries the webhook URL (as `webhook`).
    WebhookField,
    /// search2 rows carry each DID's `features` and `sms_routing_profile_id`.
    DidDetails,
    /// `null` is accepted for object fields (as "none") instead of refused.
    NullsAccepted,
    /// Updates merge what they are sent into the object, nested objects key by key, instead
    /// of replacing it.
    NestedMerged,
    /// `sessionTimeout` counts minutes on the wire, not seconds.
    TimeoutMinutes,
    /// search2 sends DID ids as numbers, not strings.
    DidIdsNumbers,
    /// search2 ignores `rows` and pages by its own size.
    PageSizeFixed,
    /// getOrganization answers a bare object, not a one-element array.
    OrganizationObject,
    /// The integration form answers with a redirect (to a page that does not exist).
    FormRedirect,
    /// A wrong API key is refused inside HTTP 200, not with 401.
    AuthIn200,
    /// A completed features order resets every feature its lines leave out (to off), as
    /// services.md warns an order may.
    OrderReplaces,
    /// getOptoutList answers a bare list of customer numbers per SMS number, not entries.
    OptOutBare,
}

impl WireSwitch {
    pub const ALL: [Self; 12] = [
        Self::WebhookField,
        Self::DidDetails,
        Self::NullsAccepted,
        Self::NestedMerged,
        Self::TimeoutMinutes,
        Self::DidIdsNumbers,
        Self::PageSizeFixed,
        Self::OrganizationObject,
        Self::FormRedirect,
        Self::AuthIn200,
        Self::OrderReplaces,
        Self::OptOutBare,
    ];

    /// Its name on the command line (`--wire did-details,form-redirect`).
    pub fn name(self) -> &'static str {
        match self {
            Self::WebhookField => "webhook-field",
            Self::DidDetails => "did-details",
            Self::NullsAccepted => "nulls-accepted",
            Self::NestedMerged => "nested-merged",
            Self::TimeoutMinutes => "timeout-minutes",
            Self::DidIdsNumbers => "did-ids-numbers",
            Self::PageSizeFixed => "page-size-fixed",
            Self::OrganizationObject => "organization-object",
            Self::FormRedirect => "form-redirect",
            Self::AuthIn200 => "auth-in-200",
            Self::OrderReplaces => "order-replaces",
            Self::OptOutBare => "optout-bare",
        }
    }

    pub fn parse(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.name() == name)
    }

    /// The app's assumptions this switch answers, each with whether it holds once the switch is
    /// turned (the strict default answers it the other way). Empty where no answer the app
    /// reads can show it: the app never sends a null, never relies on a merge, a wrong key is
    /// refused either way, and a reset feature the DID list does not report cannot be seen.
    pub fn answers(self) -> &'static [(AssumptionId, bool)] {
        use AssumptionId as A;
        match self {
            Self::WebhookField => &[(A::WebhookField, true)],
            Self::DidDetails => &[(A::DidRouting, true), (A::DidFeatureFlags, true)],
            Self::TimeoutMinutes => &[(A::SessionTimeoutSeconds, false)],
            Self::DidIdsNumbers => &[(A::DidIdType, false)],
            Self::PageSizeFixed => &[(A::DidPageSize, false)],
            Self::OrganizationObject => &[(A::OrganizationShape, false)],
            Self::FormRedirect => &[(A::FormAnswer, false)],
            Self::OptOutBare => &[(A::OptOutList, false)],
            Self::NullsAccepted | Self::NestedMerged | Self::AuthIn200 | Self::OrderReplaces => &[],
        }
    }
}

/// [`WireSwitch::PageSizeFixed`]'s page size.
pub const FIXED_PAGE_ROWS: usize = 25;

/// Where the [`WireSwitch::FormRedirect`] form sends the browser: a page the API does not have.
pub const FORM_REDIRECT_TO: &str = "/integrations/saved";

/// Which way each open question is answered; the default is the strict, published one.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct WireVariant {
    pub webhook_field: bool,
    pub did_details: bool,
    pub nulls_accepted: bool,
    pub nested_merged: bool,
    pub timeout_minutes: bool,
    pub did_ids_numbers: bool,
    pub page_size_fixed: bool,
    pub organization_object: bool,
    pub form_redirect: bool,
    pub auth_failure: AuthFailure,
    pub order_replaces: bool,
    pub optout_bare: bool,
}

impl WireVariant {
    /// The strict default with `switch` turned.
    pub fn with(mut self, switch: WireSwitch) -> Self {
        match switch {
            WireSwitch::WebhookField => self.webhook_field = true,
            WireSwitch::DidDetails => self.did_details = true,
            WireSwitch::NullsAccepted => self.nulls_accepted = true,
            WireSwitch::NestedMerged => self.nested_merged = true,
            WireSwitch::TimeoutMinutes => self.timeout_minutes = true,
            WireSwitch::DidIdsNumbers => self.did_ids_numbers = true,
            WireSwitch::PageSizeFixed => self.page_size_fixed = true,
            WireSwitch::OrganizationObject => self.organization_object = true,
            WireSwitch::FormRedirect => self.form_redirect = true,
            WireSwitch::AuthIn200 => self.auth_failure = AuthFailure::ErrorIn200,
            WireSwitch::OrderReplaces => self.order_replaces = true,
            WireSwitch::OptOutBare => self.optout_bare = true,
        }
        self
    }

    pub fn of(switches: &[WireSwitch]) -> Self {
        switches
            .iter()
            .fold(Self::default(), |variant, s| variant.with(*s))
    }

    /// What the app's diagnostics must say about each assumption a switch answers, once the
    /// app has read every kind of answer from a sandbox answering this way.
    pub fn shows(&self) -> Vec<(AssumptionId, bool)> {
        WireSwitch::ALL
            .into_iter()
            .flat_map(|switch| {
                let on = self.with(switch) == *self;
                switch
                    .answers()
                    .iter()
                    .map(move |(id, held)| (*id, if on { *held } else { !held }))
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_switch_has_a_name_and_changes_the_default() {
        for switch in WireSwitch::ALL {
            assert_eq!(WireSwitch::parse(switch.name()), Some(switch));
            assert_ne!(WireVariant::default().with(switch), WireVariant::default());
        }
    }
}
