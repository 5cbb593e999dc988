//! X.509 certificates (RFC 5280): only their subject public key is read.

use der::{Decode, Encode};
use x509_cert::Certificate;

use super::malformed;
use crate::error::{Error, Result};

/// The DER `SubjectPublicKeyInfo` of a DER certificate.
pub(crate) fn public_key_info(der: &[u8]) -> Result<Vec<u8>> {
    let certificate = Certificate::from_der(der).map_err(malformed("X.509 certificate"))?;
    certificate
        .tbs_certificate()
        .subject_public_key_info()
        .to_der()
        .map_err(|error| Error::invalid_key(format!("cannot re-encode the certificate's public key: {error}")))
}
