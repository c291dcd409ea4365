"""Put the committed generated/ tree first on sys.path, so these tests check it and not an installed copy."""

from __future__ import annotations

import sys
from pathlib import Path

GENERATED_DIR = Path(__file__).resolve().parents[2] / "generated"

if str(GENERATED_DIR) not in sys.path:
    sys.path.insert(0, str(GENERATED_DIR))
