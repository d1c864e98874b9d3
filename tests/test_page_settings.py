"""The Settings page with AppTest: active model, saving, and the API key never shown."""

from streamlit.testing.v1 import AppTest

from helpers import REPO
from replycoach.settings import load_settings

PAGE = str(REPO / "ui" / "settings_page.py")


def test_shows_the_active_model_and_offline_status(home):
    at = AppTest.from_file(PAGE, default_timeout=60).run()
    assert not at.exception
    assert "qwen2.5-coder-1.5b-instruct (local)" in at.success[0].value
    assert "Offline model" in at.caption[0].value


def test_saving_a_key_never_shows_it_back(home):
    at = AppTest.from_file(PAGE, default_timeout=60).run()
    at.selectbox[0].set_value("openai")
    next(t for t in at.text_input if t.label.startswith("API key")).input("sk-secret-123")
    at.button[-1].click().run()
    assert not at.exception and "Saved to" in at.success[-1].value
    settings = load_settings()
    assert settings.provider == "openai" and settings.api_key == "sk-secret-123"
    again = AppTest.from_file(PAGE, default_timeout=60).run()
    key_field = next(t for t in again.text_input if t.label.startswith("API key"))
    assert key_field.value == "" and "a key is saved" in key_field.label
    assert "sk-secret-123" not in str(again)


def test_a_misconfigured_provider_is_reported_on_save(home):
    at = AppTest.from_file(PAGE, default_timeout=60).run()
    at.selectbox[0].set_value("openai-compatible")
    at.button[-1].click().run()
    assert at.error and "needs a base URL" in at.error[0].value


def test_removing_the_key(home):
    at = AppTest.from_file(PAGE, default_timeout=60).run()
    next(t for t in at.text_input if t.label.startswith("API key")).input("sk-x")
    at.button[-1].click().run()
    again = AppTest.from_file(PAGE, default_timeout=60).run()
    again.checkbox[0].check()
    again.button[-1].click().run()
    assert load_settings().api_key is None
