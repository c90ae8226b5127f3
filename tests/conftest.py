"""Shared fixtures: where the seed documents are."""

from __future__ import annotations

from pathlib import Path

import pytest

SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"
SEED_TABLES = "002_be3af3bae581de8e.txt"


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    if not SEEDS.is_dir():
        pytest.fail(f"the seed documents are expected in {SEEDS} (beside the project root)")
    return SEEDS
