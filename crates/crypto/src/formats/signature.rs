//! ECDSA signatures: the ASN.1 DER `ECDSA-Sig-Value` (`SEQUENCE { r INTEGER, s INTEGER }`,
//! Node's default) and the fixed-width `r || s` of WebCrypto and JOSE.

use der::asn1::UintRef;
use der::{Decode, DecodeValue, Encode, EncodeValue, Header, Length, Reader, Sequence, Writer};

use super::pkcs1::uint;
use super::strip_zeros;

/// `ECDSA-Sig-Value` (RFC 3279).
struct EcdsaSigValue<'a> {
    r: UintRef<'a>,
    s: UintRef<'a>,
}

impl<'a> DecodeValue<'a> for EcdsaSigValue<'a> {
    type Error = der::Error;

    fn decode_value<R: Reader<'a>>(reader: &mut R, _header: Header) -> der::Result<Self> {
        Ok(EcdsaSigValue { r: reader.decode()?, s: reader.decode()? })
    }
}

impl EncodeValue for EcdsaSigValue<'_> {
    fn value_len(&self) -> der::Result<Length> {
        self.r.encoded_len()? + self.s.encoded_len()?
    }

    fn encode_value(&self, writer: &mut impl Writer) -> der::Result<()> {
        self.r.encode(writer)?;
        self.s.encode(writer)
    }
}

impl<'a> Sequence<'a> for EcdsaSigValue<'a> {}

/// The fixed-width `r || s` (each `field_len` bytes) of a DER signature; `None` if it is
/// not a DER `ECDSA-Sig-Value` or an integer is too long.
pub(crate) fn der_to_fixed(der: &[u8], field_len: usize) -> Option<Vec<u8>> {
    let value = EcdsaSigValue::from_der(der).ok()?;
    let mut fixed = vec![0u8; 2 * field_len];
    for (integer, half) in [value.r, value.s].iter().zip(fixed.chunks_mut(field_len)) {
        let bytes = strip_zeros(integer.as_bytes());
        let start = field_len.checked_sub(bytes.len())?;
        half[start..].copy_from_slice(bytes);
    }
    Some(fixed)
}

/// The DER signature of a fixed-width `r || s`; `None` unless it is `2 × field_len` bytes.
pub(crate) fn fixed_to_der(fixed: &[u8], field_len: usize) -> Option<Vec<u8>> {
    if fixed.len() != 2 * field_len {
        return None;
    }
    let (r, s) = fixed.split_at(field_len);
    EcdsaSigValue { r: uint(r).ok()?, s: uint(s).ok()? }.to_der().ok()
}
