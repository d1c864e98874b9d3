"""The provider factory, against a real OpenAI-compatible HTTP server on loopback."""

import json
import threading
from dataclasses import replace
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from drafting.providers import chat_model, llm_errors, provider_info
from replycoach.errors import ConfigError, ModelError
from replycoach.settings import Settings


def test_local_is_the_default_without_a_key(tmp_path):
    assert provider_info(Settings(home=tmp_path)).provider == "local"


def test_openai_is_chosen_with_a_key(tmp_path):
    info = provider_info(Settings(home=tmp_path, api_key="sk-x"))
    assert (info.provider, info.model) == ("openai", "gpt-4o-mini")


@pytest.mark.parametrize("settings, error", [
    (dict(provider="openai"), "needs an API key"),
    (dict(provider="openai-compatible", model="m"), "needs a base URL"),
    (dict(provider="openai-compatible", base_url="http://127.0.0.1:1/v1"), "needs a model name"),
])
def test_misconfigured_providers_say_what_to_set(tmp_path, settings, error):
    with pytest.raises(ConfigError, match=error):
        provider_info(Settings(home=tmp_path, **settings))


class FakeOpenAI(BaseHTTPRequestHandler):
    """Answers /v1/chat/completions from a script of (status, delay) steps."""

    script: list = []
    calls: list = []

    def do_POST(self):
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        FakeOpenAI.calls.append(body)
        status, delay = FakeOpenAI.script.pop(0) if FakeOpenAI.script else (200, 0)
        time.sleep(delay)
        payload = {"error": {"message": "nope", "type": "x"}} if status != 200 else {
            "id": "c1", "object": "chat.completion", "created": 0, "model": body["model"],
            "choices": [{"index": 0, "finish_reason": "stop", "message": {"role": "assistant", "content": "hello"}}],
            "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2}}
        data = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


@pytest.fixture
def server(tmp_path):
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), FakeOpenAI)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    FakeOpenAI.script, FakeOpenAI.calls = [], []
    yield Settings(home=tmp_path, provider="openai-compatible", model="test-model", api_key="k",
                   base_url=f"http://127.0.0.1:{httpd.server_address[1]}/v1", llm_timeout=2, llm_max_retries=2)
    httpd.shutdown()


def test_retries_5xx_and_429_then_succeeds(server):
    FakeOpenAI.script = [(503, 0), (429, 0)]
    answer = chat_model(server).invoke("hi")
    assert answer.content == "hello" and len(FakeOpenAI.calls) == 3


def test_gives_up_after_the_retries_with_a_clear_error(server):
    FakeOpenAI.script = [(500, 0)] * 3
    with pytest.raises(ModelError, match="failed with HTTP 500"), llm_errors(server):
        chat_model(server).invoke("hi")


def test_a_slow_model_times_out_with_a_clear_error(server):
    FakeOpenAI.script = [(200, 3)] * 3
    with pytest.raises(ModelError, match="did not answer within 2 s"), llm_errors(server):
        chat_model(replace(server, llm_max_retries=0)).invoke("hi")


def test_a_refused_key_is_a_config_error(server):
    FakeOpenAI.script = [(401, 0)]
    with pytest.raises(ConfigError, match="refused the API key"), llm_errors(server):
        chat_model(server).invoke("hi")


def test_an_unreachable_server_is_a_model_error(tmp_path):
    settings = Settings(home=tmp_path, provider="openai-compatible", model="m", base_url="http://127.0.0.1:9/v1",
                        llm_max_retries=0, llm_timeout=2)
    with pytest.raises(ModelError, match="cannot reach the model"), llm_errors(settings):
        chat_model(settings).invoke("hi")
