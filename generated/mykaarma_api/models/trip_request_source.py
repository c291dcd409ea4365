# GENERATED from openapi/openapi.yaml by `make generate` (scripts/codegen/generate.py). Do not edit.
from enum import StrEnum


class TripRequestSource(StrEnum):
    DEALER_APP = "DEALER_APP"
    EXTERNAL_CONTROLLER = "EXTERNAL_CONTROLLER"
    PND_API = "PND_API"
    WEB = "WEB"

    def __str__(self) -> str:
        return str(self.value)
