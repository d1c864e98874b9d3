"""Heavy objects for the pages, built once per process (``st.cache_resource``)."""

from __future__ import annotations

import hashlib

import streamlit as st

from drafting.pipeline import DraftPipeline
from replycoach.settings import Settings, load_settings


def current_settings() -> Settings:
    """Read on every run: the Settings page may have just changed the config file."""
    return load_settings()


def _key(settings: Settings) -> str:
    secret = hashlib.sha256((settings.api_key or "").encode()).hexdigest()[:12]
    return "|".join(str(v) for v in (settings.effective_provider, settings.model, settings.base_url, secret,
                                      settings.home, settings.company_name, settings.agent_name))


@st.cache_resource(show_spinner=False)
def _pipeline(key: str, _settings: Settings) -> DraftPipeline:
    return build_pipeline(_settings)


def build_pipeline(settings: Settings) -> DraftPipeline:
    return DraftPipeline(settings)


def pipeline(settings: Settings) -> DraftPipeline:
    return _pipeline(_key(settings), settings)
