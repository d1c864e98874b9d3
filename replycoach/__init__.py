"""ReplyCoach: cross-cutting pieces (settings, errors, CLI) shared by knowledge/, drafting/ and evals/."""
