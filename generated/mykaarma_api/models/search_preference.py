# GENERATED from openapi/openapi.yaml by `make generate` (scripts/codegen/generate.py). Do not edit.
from enum import StrEnum


class SearchPreference(StrEnum):
    CUSTOMER = "customer"
    VEHICLE = "vehicle"

    def __str__(self) -> str:
        return str(self.value)
