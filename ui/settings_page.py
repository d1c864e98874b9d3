"""Settings: the model provider, the knowledge store, delivery; and whether the offline model is ready.

Saved to the config file (environment variables still win). The API key is never shown back:
the field stays empty and only says whether a key is saved.
"""

from __future__ import annotations

import streamlit as st

from drafting.local_model import offline_model_status
from drafting.providers import provider_info
from knowledge.store import describe
from replycoach.errors import ReplyCoachError
from replycoach.settings import PROVIDERS, config_file_path, save_config_file
from ui.services import current_settings

st.title("Settings")
settings = current_settings()

try:
    st.success(f"Active model: {provider_info(settings).label}")
except ReplyCoachError as error:
    st.error(f"The model provider is misconfigured: {error}")
status = offline_model_status(settings)
st.caption(f"Offline model (Qwen2.5-Coder-1.5B): {status}. Knowledge: {describe(settings)}. "
           f"Config file: {config_file_path()}.")
if status in ("ready", "not assembled yet") and st.button("Start the offline model now"):
    from drafting.local_model import get_local_server

    with st.status("Assembling and loading the offline model (about 10 s the first time)..."):
        try:
            get_local_server(settings).start()
            st.write("The offline model is running.")
        except ReplyCoachError as error:
            st.error(str(error))

with st.form("settings"):
    st.subheader("Model")
    provider = st.selectbox("Provider", PROVIDERS, index=PROVIDERS.index(settings.effective_provider),
                            format_func={"local": "Offline model on this machine", "openai": "OpenAI",
                                         "openai-compatible": "OpenAI-compatible server (vLLM, Ollama, LM Studio, Azure)"}.get)
    model = st.text_input("Model name (empty: the provider's default)", value=settings.model or "")
    base_url = st.text_input("Base URL (OpenAI-compatible servers)", value=settings.base_url or "")
    key_state = "a key is saved" if settings.api_key else "no key saved"
    api_key = st.text_input(f"API key ({key_state}; leave empty to keep it)", value="", type="password")
    forget_key = st.checkbox("Remove the saved API key")

    st.subheader("Knowledge store")
    server = st.toggle("Use a Chroma server", value=settings.chroma_mode == "server")
    host, port = st.columns([3, 1])
    chroma_host = host.text_input("Chroma host", value=settings.chroma_host or "127.0.0.1")
    chroma_port = port.number_input("Port", value=settings.chroma_port, min_value=1, max_value=65535)
    chroma_path = st.text_input("Embedded store folder", value=str(settings.store_path))

    st.subheader("Replies and delivery")
    names = st.columns(2)
    company = names[0].text_input("Company name", value=settings.company_name)
    agent = names[1].text_input("Sign replies as", value=settings.agent_name)
    smtp = st.columns([3, 1, 3])
    smtp_host = smtp[0].text_input("SMTP host (empty: save replies to the outbox folder)", value=settings.smtp_host or "")
    smtp_port = smtp[1].number_input("SMTP port", value=settings.smtp_port, min_value=1, max_value=65535)
    sender = smtp[2].text_input("From address", value=settings.sender)
    saved = st.form_submit_button("Save settings", type="primary")

if saved:
    updates = {
        "provider": provider, "model": model.strip() or None, "base_url": base_url.strip() or None,
        "chroma_host": chroma_host.strip() if server else None, "chroma_port": int(chroma_port),
        "chroma_path": chroma_path.strip() or None, "company_name": company.strip() or None,
        "agent_name": agent.strip() or None, "smtp_host": smtp_host.strip() or None, "smtp_port": int(smtp_port),
        "sender": sender.strip() or None,
    }
    if forget_key:
        updates["api_key"] = None
    elif api_key.strip():
        updates["api_key"] = api_key.strip()
    try:
        path = save_config_file(updates)
        provider_info(current_settings())
    except ReplyCoachError as error:
        st.error(f"Saved, but the provider is not usable yet: {error}")
    else:
        st.success(f"Saved to {path}. Environment variables, where set, still take precedence.")
