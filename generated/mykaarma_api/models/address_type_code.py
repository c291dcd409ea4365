# GENERATED from openapi/openapi.yaml by `make generate` (scripts/codegen/generate.py). Do not edit.
from enum import StrEnum


class AddressTypeCode(StrEnum):
    B = "B"
    P = "P"

    def __str__(self) -> str:
        return str(self.value)
