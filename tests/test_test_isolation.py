"""The suite's own isolation (conftest._isolated_environment) holds for the whole of a test."""

from __future__ import annotations

import os

from imsmap import paths


def test_a_test_taking_back_its_own_patches_stays_out_of_the_users_folders(monkeypatch,
                                                                           tmp_path):
    """tests/test_upgrade.py took back its own patch with `monkeypatch.undo()`, which also took
    back the isolation: the upgrade it ran next kept its copy of the file in the real data
    folder (~/.local/share/imsmap/backups/old/, one more at every run of the suite)."""
    data, config = os.environ["IMSMAP_DATA_DIR"], os.environ["XDG_CONFIG_HOME"]
    monkeypatch.setenv("LANG", "C.UTF-8")
    monkeypatch.undo()
    assert os.environ.get("IMSMAP_DATA_DIR") == data
    assert os.environ.get("XDG_CONFIG_HOME") == config == str(tmp_path / "config")
    assert paths.data_dir() == type(paths.data_dir())(data)
