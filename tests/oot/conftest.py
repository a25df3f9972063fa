from __future__ import annotations

import os

import pytest


@pytest.fixture(scope="module")
def cache_dir(tmp_path_factory: pytest.TempPathFactory):
    """A private cache per test module, so the precompiled headers are really built by it."""
    old = os.environ.get("CODEVET_CACHE_DIR")
    path = tmp_path_factory.mktemp("oot-cache")
    os.environ["CODEVET_CACHE_DIR"] = str(path)
    yield path
    if old is None:
        os.environ.pop("CODEVET_CACHE_DIR", None)
    else:
        os.environ["CODEVET_CACHE_DIR"] = old
