"""Drafting: LLM providers (and the offline model runtime), structured output, and the reply pipeline."""
