# GENERATED from openapi/openapi.yaml by `make generate` (scripts/codegen/generate.py). Do not edit.
from enum import StrEnum


class AddressType(StrEnum):
    BILLING = "BILLING"
    COMMON = "COMMON"
    OTHER = "OTHER"
    PRIMARY = "PRIMARY"

    def __str__(self) -> str:
        return str(self.value)
