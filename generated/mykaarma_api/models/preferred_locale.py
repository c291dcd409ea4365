# GENERATED from openapi/openapi.yaml by `make generate` (scripts/codegen/generate.py). Do not edit.
from enum import StrEnum


class PreferredLocale(StrEnum):
    EN_US = "en-us"
    FR_CA = "fr-ca"

    def __str__(self) -> str:
        return str(self.value)
