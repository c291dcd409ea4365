# GENERATED from openapi/openapi.yaml by `make generate` (scripts/codegen/generate.py). Do not edit.
from enum import StrEnum


class TripStatus(StrEnum):
    ASSIGNED = "ASSIGNED"
    AT_DEALERSHIP = "AT_DEALERSHIP"
    AT_DESTINATION = "AT_DESTINATION"
    AUTO_DRAFT = "AUTO_DRAFT"
    CANCELLED = "CANCELLED"
    COMPLETED = "COMPLETED"
    DRAFT = "DRAFT"
    INBOUND = "INBOUND"
    OUTBOUND = "OUTBOUND"
    READY_TO_DRIVE = "READY_TO_DRIVE"
    UNASSIGNED = "UNASSIGNED"

    def __str__(self) -> str:
        return str(self.value)
