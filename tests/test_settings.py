"""Settings: environment over config file over defaults."""

import pytest

from replycoach.errors import ConfigError
from replycoach.settings import config_file_path, load_settings, save_config_file


def test_defaults_live_under_the_home(tmp_path):
    settings = load_settings({"REPLYCOACH_HOME": str(tmp_path)})
    assert settings.store_path == tmp_path / "chroma"
    assert settings.chroma_mode == "embedded"
    assert settings.effective_provider == "local"
    assert settings.effective_database_url == f"sqlite:///{tmp_path / 'replycoach.db'}"
    assert settings.model_cache == tmp_path / "models"


def test_default_home_is_under_the_user_data_directory(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert load_settings({}).home == tmp_path / "replycoach"


def test_config_file_is_read_and_environment_wins(tmp_path):
    (tmp_path / "config.toml").write_text('chroma_host = "127.0.0.1"\nchroma_port = 9000\nprovider = "openai-compatible"\n')
    env = {"REPLYCOACH_HOME": str(tmp_path), "REPLYCOACH_CHROMA_PORT": "9100"}
    settings = load_settings(env)
    assert (settings.chroma_host, settings.chroma_port, settings.provider) == ("127.0.0.1", 9100, "openai-compatible")
    assert settings.chroma_mode == "server"


def test_openai_key_selects_the_openai_provider(tmp_path):
    settings = load_settings({"REPLYCOACH_HOME": str(tmp_path), "OPENAI_API_KEY": "sk-test"})
    assert settings.effective_provider == "openai"
    assert "sk-test" not in repr(settings)


@pytest.mark.parametrize("content, error", [
    ("provider = ", "not valid TOML"),
    ("colour = 'blue'", "unknown setting"),
    ("chroma_port = 'eighty'", "invalid value"),
    ("provider = 'anthropic'", "not one of"),
])
def test_bad_config_is_a_clear_error(tmp_path, content, error):
    (tmp_path / "config.toml").write_text(content)
    with pytest.raises(ConfigError, match=error):
        load_settings({"REPLYCOACH_HOME": str(tmp_path)})


def test_saving_merges_and_protects_the_file(tmp_path):
    env = {"REPLYCOACH_HOME": str(tmp_path)}
    save_config_file({"provider": "openai", "api_key": "sk-secret"}, env)
    path = save_config_file({"model": "gpt-4o-mini", "api_key": None}, env)
    assert path == config_file_path(env)
    assert oct(path.stat().st_mode & 0o777) == "0o600"
    settings = load_settings(env)
    assert (settings.provider, settings.model, settings.api_key) == ("openai", "gpt-4o-mini", None)
