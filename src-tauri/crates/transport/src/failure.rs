//! What a failed call was, decided once here for every caller: the clients classify their own
//! errors into these kinds, and the engine decides on the kind, never on a client's variant.

/// The kind of a failed call to either service.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Failure {
    /// No connection could be made (wrong address, no network, the service down).
    Unreachable,
    /// The service did not answer within the call's time budget.
    TimedOut,
    /// The service refused the credentials (`status` 401) or what they may reach (403, or
    /// thinQ's 404 on an account path).
    RefusedCredentials { status: u16 },
    /// The service's API answered and said no to the request.
    Rejected,
    /// An HTTP error status from the service or a proxy in front of it (5xx, 429, or a 4xx
    /// where the API itself should have answered).
    ServerError { status: u16 },
    /// An answer came back that could not be read.
    AnswerLost,
}

impl Failure {
    /// The kind of an HTTP error status that is not the API's own answer.
    pub fn of_status(status: u16) -> Self {
        match status {
            401 | 403 => Self::RefusedCredentials { status },
            _ => Self::ServerError { status },
        }
    }

    /// A call that got no answer: in time or not at all.
    pub fn no_answer(timed_out: bool) -> Self {
        if timed_out {
            Self::TimedOut
        } else {
            Self::Unreachable
        }
    }

    /// The service's API could not be asked: nothing answered, nothing in time, or only an
    /// HTTP error came back. The admin checks the address and the network, not the request.
    pub fn is_unreachable(self) -> bool {
        matches!(
            self,
            Self::Unreachable | Self::TimedOut | Self::ServerError { .. }
        )
    }

    /// The service is down or failing right now (no answer, or a 5xx): saved data may stand
    /// in for it. A 4xx is not this: it more likely means a wrong address, which saved data
    /// would hide.
    pub fn is_service_down(self) -> bool {
        match self {
            Self::Unreachable | Self::TimedOut => true,
            Self::ServerError { status } => status >= 500,
            _ => false,
        }
    }

    /// The credentials are the problem: the admin enters them again.
    pub fn is_refused_credentials(self) -> bool {
        matches!(self, Self::RefusedCredentials { .. })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_missing_answer_or_a_server_fault_lets_saved_data_stand_in() {
        assert!(Failure::Unreachable.is_service_down());
        assert!(Failure::TimedOut.is_service_down());
        assert!(Failure::of_status(502).is_service_down());
        assert!(!Failure::of_status(404).is_service_down());
        assert!(Failure::of_status(404).is_unreachable());
        assert!(!Failure::Rejected.is_unreachable());
        assert!(!Failure::AnswerLost.is_unreachable());
        assert_eq!(
            Failure::of_status(401),
            Failure::RefusedCredentials { status: 401 }
        );
    }
}
