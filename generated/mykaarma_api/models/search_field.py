# GENERATED from openapi/openapi.yaml by `make generate` (scripts/codegen/generate.py). Do not edit.
from enum import StrEnum


class SearchField(StrEnum):
    COMMUNICATIONS_COMMVALUE = "communications.commValue"
    COMPANY = "company"
    CUSTOMERKEY = "customerKey"
    FNAME = "fname"
    LNAME = "lname"
    VEHICLES_VIN = "vehicles.vin"

    def __str__(self) -> str:
        return str(self.value)
