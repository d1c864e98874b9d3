"""One factory for the chat model: ``openai``, ``openai-compatible`` or ``local``.

Every provider goes through ``langchain_openai.ChatOpenAI``, so streaming, structured output,
timeouts and retries behave the same everywhere: the OpenAI client retries 429, 5xx and
connection errors with exponential backoff (``llm_max_retries``) and gives up after
``llm_timeout`` seconds per request. ``local`` is the embedded llama.cpp server with the offline
Qwen2.5-Coder-1.5B model (:mod:`drafting.local_model`), started on first use.
"""

from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass

import openai
from langchain_openai import ChatOpenAI

from replycoach.errors import ConfigError, ModelError
from replycoach.settings import Settings

DEFAULT_OPENAI_MODEL = "gpt-4o-mini"


@dataclass(frozen=True)
class ProviderInfo:
    provider: str
    model: str
    base_url: str | None

    @property
    def label(self) -> str:
        return f"{self.model} ({self.provider})"

    @property
    def is_local(self) -> bool:
        return self.provider == "local"


def provider_info(settings: Settings) -> ProviderInfo:
    """What ``chat_model`` would use, without starting anything; ConfigError if misconfigured."""
    provider = settings.effective_provider
    if provider == "openai":
        if not settings.api_key:
            raise ConfigError("the openai provider needs an API key",
                              "set OPENAI_API_KEY (or REPLYCOACH_API_KEY), or choose the local provider")
        return ProviderInfo(provider, settings.model or DEFAULT_OPENAI_MODEL, settings.base_url)
    if provider == "openai-compatible":
        if not settings.base_url:
            raise ConfigError("the openai-compatible provider needs a base URL",
                              "set REPLYCOACH_BASE_URL, e.g. http://127.0.0.1:11434/v1 for Ollama")
        if not settings.model:
            raise ConfigError("the openai-compatible provider needs a model name", "set REPLYCOACH_MODEL")
        return ProviderInfo(provider, settings.model, settings.base_url)
    from drafting.local_model import MODEL_NAME

    return ProviderInfo("local", MODEL_NAME, None)


def chat_model(settings: Settings, temperature: float = 0.3, max_tokens: int | None = None,
               timeout: float | None = None) -> ChatOpenAI:
    """A ready ChatOpenAI for the configured provider (the local server starts here if needed)."""
    info = provider_info(settings)
    common = dict(model=info.model, temperature=temperature, max_tokens=max_tokens,
                  timeout=timeout or settings.llm_timeout, max_retries=settings.llm_max_retries)
    if info.is_local:
        from drafting.local_model import get_local_server

        server = get_local_server(settings)
        # The server's own key (see LocalModelServer); one request at a time on 2 cores.
        return ChatOpenAI(base_url=server.base_url, api_key=server.api_key, **common)
    return ChatOpenAI(base_url=info.base_url, api_key=settings.api_key or "not-needed", **common)


@contextmanager
def llm_errors(settings: Settings):
    """Turn the OpenAI client's exceptions into errors that say what to do."""
    where = settings.base_url or ("the offline model" if settings.effective_provider == "local" else "OpenAI")
    try:
        yield
    except openai.APITimeoutError:
        raise ModelError(f"the model at {where} did not answer within {settings.llm_timeout:.0f} s",
                         "try again, or raise REPLYCOACH_LLM_TIMEOUT") from None
    except openai.AuthenticationError:
        raise ConfigError(f"{where} refused the API key", "check OPENAI_API_KEY / REPLYCOACH_API_KEY") from None
    except openai.NotFoundError as exc:
        raise ConfigError(f"{where} does not know the model {settings.model!r} ({exc.message})",
                          "check REPLYCOACH_MODEL") from None
    except openai.RateLimitError:
        raise ModelError(f"{where} is rate-limiting requests (still failing after "
                         f"{settings.llm_max_retries} retries)", "wait a minute and try again") from None
    except openai.APIConnectionError:
        raise ModelError(f"cannot reach the model at {where}",
                         "check REPLYCOACH_BASE_URL and that the server is running") from None
    except openai.BadRequestError as exc:
        raise ModelError(f"the model rejected the request: {exc.message}",
                         "shorten the message or the draft") from None
    except openai.APIStatusError as exc:
        raise ModelError(f"the model at {where} failed with HTTP {exc.status_code}", "try again") from None
    except openai.OpenAIError as exc:  # e.g. the answer was cut off at the token limit
        raise ModelError(f"the model at {where} gave an unusable answer ({type(exc).__name__})", "try again") from None
