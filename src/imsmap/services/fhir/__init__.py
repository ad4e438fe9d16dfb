"""The record as HL7 FHIR R4 (docs/fhir.md): `fhir_bundle` gives a Bundle as JSON values."""

from imsmap.services.fhir.bundle import PdfSource, build_bundle, dumps, fhir_bundle

__all__ = ["PdfSource", "build_bundle", "dumps", "fhir_bundle"]
