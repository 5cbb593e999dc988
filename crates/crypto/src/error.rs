//! The one error type of the crate, [`Error`], and the short `kind` names that the guest's
//! JavaScript layer turns into Node's or WebCrypto's errors.

/// Why a cryptographic operation did not give a result.
///
/// The messages say what was wrong in terms the JavaScript caller can act on; none of them
/// contains key material.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Error {
    /// The algorithm, key type, format or parameter exists but is not supported here
    /// (for instance an ECDSA curve/hash pairing that aws-lc-rs does not offer).
    #[error("unsupported: {0}")]
    Unsupported(String),
    /// The key is malformed, inconsistent, or of the wrong type or kind for the operation.
    #[error("invalid key: {0}")]
    InvalidKey(String),
    /// An argument other than the key is malformed or out of range.
    #[error("invalid data: {0}")]
    InvalidData(String),
    /// An argument exceeds one of the crate's limits (the `MAX_*` constants).
    #[error("{what} is too large: the limit is {max}")]
    TooLarge {
        /// What was too large, e.g. `"pbkdf2 iterations"`.
        what: &'static str,
        /// The largest value allowed.
        max: u64,
    },
    /// The operation failed: an AES-GCM tag did not authenticate the data, or the
    /// underlying library refused without saying why.
    #[error("the operation failed")]
    Failed,
}

impl Error {
    /// The error's kind as the guest's natives name it: `unsupported`, `invalid-key`,
    /// `invalid-data`, `too-large` or `failed`.
    pub fn kind(&self) -> &'static str {
        match self {
            Error::Unsupported(_) => "unsupported",
            Error::InvalidKey(_) => "invalid-key",
            Error::InvalidData(_) => "invalid-data",
            Error::TooLarge { .. } => "too-large",
            Error::Failed => "failed",
        }
    }

    pub(crate) fn unsupported(what: impl Into<String>) -> Error {
        Error::Unsupported(what.into())
    }

    pub(crate) fn invalid_key(what: impl Into<String>) -> Error {
        Error::InvalidKey(what.into())
    }

    pub(crate) fn invalid_data(what: impl Into<String>) -> Error {
        Error::InvalidData(what.into())
    }

    /// `TooLarge` unless `value <= max`.
    pub(crate) fn check_max(what: &'static str, value: u64, max: u64) -> Result<(), Error> {
        if value > max { Err(Error::TooLarge { what, max }) } else { Ok(()) }
    }
}

/// The crate's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;
