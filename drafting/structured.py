"""Structured output that survives a small model: schema-constrained first, then a lenient parse.

llama.cpp enforces ``method="json_schema"`` with a grammar, which the offline model follows;
hosted models follow it natively. If that still fails (a provider without json_schema, a
truncated answer), the same prompt is sent as plain text and the first JSON object in the
answer is parsed leniently: code fences, trailing commas, single quotes and smart quotes are
repaired, then the object is validated against the schema. Junk raises ModelError.
"""

from __future__ import annotations

import json
import re
from typing import TypeVar

import openai
from langchain_core.exceptions import OutputParserException
from langchain_core.language_models import BaseChatModel
from pydantic import BaseModel, ValidationError

from replycoach.errors import ModelError

Schema = TypeVar("Schema", bound=BaseModel)


def extract_json_object(text: str) -> dict:
    """The first balanced {...} in ``text``, repaired where small models typically break JSON."""
    text = re.sub(r"```(?:json)?", "", text or "")
    text = text.replace("“", '"').replace("”", '"').replace("’", "'")
    start = text.find("{")
    if start < 0:
        raise ValueError("no JSON object in the answer")
    stack, in_string, escaped = [], False, False
    for index in range(start, len(text)):
        char = text[index]
        if in_string:
            escaped = char == "\\" and not escaped
            if char == '"' and not escaped:
                in_string = False
            continue
        if char == '"':
            in_string = True
        elif char in "{[":
            stack.append("}" if char == "{" else "]")
        elif char in "}]" and stack:
            stack.pop()
            if not stack:
                return _loads_lenient(text[start : index + 1])
    # A truncated answer: close the open string, then every open array and object, innermost first.
    return _loads_lenient(text[start:] + ('"' if in_string else "") + "".join(reversed(stack)))


def _loads_lenient(candidate: str) -> dict:
    for attempt in (candidate, re.sub(r",\s*([}\]])", r"\1", candidate)):
        try:
            value = json.loads(attempt)
            if isinstance(value, dict):
                return value
        except json.JSONDecodeError:
            continue
    repaired = re.sub(r"(?<![\w\\])'([^'\n]*)'(?![\w])", r'"\1"', re.sub(r",\s*([}\]])", r"\1", candidate))
    value = json.loads(repaired)
    if not isinstance(value, dict):
        raise ValueError("the answer is JSON but not an object")
    return value


def parse_structured(text: str, schema: type[Schema]) -> Schema:
    try:
        return schema.model_validate(extract_json_object(text))
    except (ValueError, ValidationError) as error:
        raise ModelError(f"the model's answer was not valid {schema.__name__} JSON ({str(error)[:120]})",
                         "try again, or use a stronger model") from None


def structured_invoke(llm: BaseChatModel, schema: type[Schema], messages: list) -> Schema:
    """Ask for ``schema``; fall back to parsing plain text when constrained output fails."""
    try:
        result = llm.with_structured_output(schema, method="json_schema").invoke(messages)
        if isinstance(result, schema):
            return result
        if isinstance(result, dict):
            return schema.model_validate(result)
    except (OutputParserException, ValidationError, NotImplementedError, ValueError, TypeError,
            openai.LengthFinishReasonError, openai.ContentFilterFinishReasonError):
        pass  # e.g. the answer hit the token limit mid-JSON: the lenient parser can close it
    answer = llm.invoke(messages)
    return parse_structured(getattr(answer, "content", str(answer)), schema)
