"""Review checks, the gate that combines them, the LLM judge, and the evaluation scripts."""
