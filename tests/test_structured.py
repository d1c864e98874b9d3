"""Structured output: constrained first, lenient parsing of plain text as the fallback."""

import pytest
from langchain_core.language_models.fake_chat_models import FakeListChatModel
from pydantic import BaseModel

from drafting.structured import extract_json_object, parse_structured, structured_invoke
from replycoach.errors import ModelError


class Answer(BaseModel):
    mood: str
    questions: list[str]


@pytest.mark.parametrize("text", [
    '{"mood": "angry", "questions": ["when?"]}',
    'Sure! ```json\n{"mood": "angry", "questions": ["when?"]}\n```',
    '{"mood": "angry", "questions": ["when?",],}',
    "{'mood': 'angry', 'questions': ['when?']}",
    '{“mood”: “angry”, "questions": ["when?"]}',
    '{"mood": "angry", "questions": ["when?"]',
])
def test_broken_json_from_small_models_is_repaired(text):
    assert parse_structured(text, Answer) == Answer(mood="angry", questions=["when?"])


def test_braces_inside_strings_do_not_confuse_the_parser():
    assert extract_json_object('x {"a": "}{", "b": 1} y') == {"a": "}{", "b": 1}


@pytest.mark.parametrize("text", ["no json here", '{"mood": 3}', "[1, 2]"])
def test_junk_is_a_model_error(text):
    with pytest.raises(ModelError, match="not valid Answer JSON"):
        parse_structured(text, Answer)


def test_falls_back_to_plain_text_when_constrained_output_is_unavailable():
    llm = FakeListChatModel(responses=['Here you go: {"mood": "calm", "questions": []}'])
    assert structured_invoke(llm, Answer, ["hi"]) == Answer(mood="calm", questions=[])


class TruncatingModel(FakeListChatModel):
    """Answers with cut-off JSON, and raises what the OpenAI client raises at the token limit."""

    def with_structured_output(self, schema, **kwargs):
        import openai
        from langchain_core.runnables import RunnableLambda

        def cut_off(_):
            from openai.types import CompletionUsage
            from openai.types.chat import ChatCompletion

            usage = CompletionUsage(completion_tokens=400, prompt_tokens=10, total_tokens=410)
            raise openai.LengthFinishReasonError(completion=ChatCompletion.model_construct(usage=usage))
        return RunnableLambda(cut_off)


def test_an_answer_cut_off_at_the_token_limit_is_parsed_leniently():
    llm = TruncatingModel(responses=['{"mood": "tired", "questions": ["why?", "when'])
    assert structured_invoke(llm, Answer, ["hi"]).mood == "tired"
