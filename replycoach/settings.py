"""Settings from environment variables and an optional TOML config file.

Precedence: environment variable > config file > default. The config file is
``$REPLYCOACH_CONFIG`` if set, else ``$REPLYCOACH_HOME/config.toml``; its keys are the
environment names without the ``REPLYCOACH_`` prefix, in lower case (``provider = "local"``).
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field, fields
from pathlib import Path

from replycoach.errors import ConfigError

ENV_PREFIX = "REPLYCOACH_"
PROVIDERS = ("local", "openai", "openai-compatible")


def default_home() -> Path:
    """Under the user's data directory (XDG on Linux, the platform's equivalent elsewhere)."""
    xdg = os.environ.get("XDG_DATA_HOME")
    base = Path(xdg) if xdg else Path.home() / ".local" / "share"
    return base / "replycoach"


@dataclass(frozen=True)
class Settings:
    home: Path = field(default_factory=default_home)
    # Model files (the assembled offline LLM, the distilled embedding table): content-addressed and
    # hash-checked, so several homes (or test runs) can share one folder.
    models_dir: Path | None = None
    # Chroma: embedded at chroma_path unless chroma_host is set (then a `chroma run` server).
    chroma_path: Path | None = None
    chroma_host: str | None = None
    chroma_port: int = 8000
    # LLM provider (used by drafting and the LLM judge).
    provider: str | None = None  # None: "openai" when an API key is set, else "local"
    model: str | None = None
    base_url: str | None = None
    api_key: str | None = field(default=None, repr=False)
    llm_timeout: float = 120.0
    llm_max_retries: int = 3
    # Measured on a quiet 2-core machine: 2 generation threads ~15-18 tok/s, 1 thread ~9; under
    # load from other processes 2 threads swing (2.5-18 tok/s), so set 1 on a busy shared machine.
    local_threads: int = 2
    local_batch_threads: int = 2
    local_context: int = 4096
    judge_trust: str = "auto"  # full-mode LLM judge: evidence | advisory | auto (see evals/judge.py)
    # Who the replies come from (the sample policy's fictional shop until you set your own).
    company_name: str = "Brightside Home Goods"
    agent_name: str = "The Brightside Customer Care team"
    # Audit store and delivery (the agent page's Send).
    database_url: str | None = None
    smtp_host: str | None = None
    smtp_port: int = 25
    smtp_user: str | None = None
    smtp_password: str | None = field(default=None, repr=False)
    smtp_starttls: bool = False
    sender: str = "support@example.com"
    outbox: Path | None = None

    @property
    def store_path(self) -> Path:
        return self.chroma_path or self.home / "chroma"

    @property
    def chroma_mode(self) -> str:
        return "server" if self.chroma_host else "embedded"

    @property
    def model_cache(self) -> Path:
        return self.models_dir or self.home / "models"

    @property
    def effective_provider(self) -> str:
        return self.provider or ("openai" if self.api_key else "local")

    @property
    def effective_database_url(self) -> str:
        return self.database_url or f"sqlite:///{self.home / 'replycoach.db'}"

    @property
    def outbox_path(self) -> Path:
        return self.outbox or self.home / "outbox"


def _convert(name: str, raw, annotation: str):
    if raw is None or raw == "":
        return None
    try:
        if "Path" in annotation:
            return Path(str(raw)).expanduser()
        if annotation.startswith("int"):
            return int(raw)
        if annotation.startswith("float"):
            return float(raw)
        if annotation.startswith("bool"):
            if isinstance(raw, bool):
                return raw
            return str(raw).strip().lower() in ("1", "true", "yes", "on")
    except ValueError as exc:
        raise ConfigError(f"setting {name!r} has an invalid value {raw!r}: {exc}") from None
    return str(raw)


def _read_config_file(path: Path) -> dict:
    if not path.is_file():
        return {}
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"config file {path} is not valid TOML: {exc}") from None


def config_file_path(env: dict | None = None) -> Path:
    env = os.environ if env is None else env
    explicit = env.get(ENV_PREFIX + "CONFIG")
    if explicit:
        return Path(explicit).expanduser()
    home = env.get(ENV_PREFIX + "HOME")
    return (Path(home).expanduser() if home else default_home()) / "config.toml"


def load_settings(env: dict | None = None) -> Settings:
    """Build Settings from ``env`` (default: ``os.environ``) and the config file."""
    env = os.environ if env is None else env
    file_values = _read_config_file(config_file_path(env))
    known = {f.name: f for f in fields(Settings)}
    unknown = sorted(set(file_values) - set(known))
    if unknown:
        raise ConfigError(f"unknown setting(s) in {config_file_path(env)}: {', '.join(unknown)}")
    values = {}
    for name, spec in known.items():
        raw = env.get(ENV_PREFIX + name.upper(), file_values.get(name))
        if name == "api_key" and raw in (None, ""):
            raw = env.get("OPENAI_API_KEY")
        value = _convert(name, raw, str(spec.type))
        if value is not None:
            values[name] = value
    settings = Settings(**values)
    if settings.provider and settings.provider not in PROVIDERS:
        raise ConfigError(
            f"provider {settings.provider!r} is not one of {', '.join(PROVIDERS)}"
        )
    return settings


def save_config_file(updates: dict, env: dict | None = None) -> Path:
    """Write ``updates`` into the config file (merged with what is there), mode 0600.

    Keys with value None are removed. Used by the Settings page; the file may hold an API key,
    which is why it is readable by its owner only.
    """
    path = config_file_path(env)
    current = _read_config_file(path)
    for key, value in updates.items():
        if value is None or value == "":
            current.pop(key, None)
        else:
            current[key] = str(value) if isinstance(value, Path) else value
    path.parent.mkdir(parents=True, exist_ok=True)
    lines = [f"{key} = {_toml_value(value)}" for key, value in sorted(current.items())]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    path.chmod(0o600)
    return path


def _toml_value(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    escaped = str(value).replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"'
