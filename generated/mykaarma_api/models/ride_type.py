# GENERATED from openapi/openapi.yaml by `make generate` (scripts/codegen/generate.py). Do not edit.
from enum import StrEnum


class RideType(StrEnum):
    DROPOFF_CUSTOMER = "DROPOFF_CUSTOMER"
    DROPOFF_VEHICLE = "DROPOFF_VEHICLE"
    LOANER_SWAP = "LOANER_SWAP"
    MISCELLANEOUS = "MISCELLANEOUS"
    PICKUP_CUSTOMER = "PICKUP_CUSTOMER"
    PICKUP_VEHICLE = "PICKUP_VEHICLE"
    RIDE_SHARE = "RIDE_SHARE"

    def __str__(self) -> str:
        return str(self.value)
