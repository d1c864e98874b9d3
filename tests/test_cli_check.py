"""`replycoach check` as a user runs it."""

import json

from helpers import run_cli

BLOCKED = "Hi Sam, calm down. As per our policy, opened items cannot be refunded."


def test_text_output_names_the_verdict_problems_and_playbook():
    result = run_cli("check", "--draft", BLOCKED)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("BLOCK")
    assert "x condescension" in result.stdout and "x rule_quoting" in result.stdout
    assert "playbook (" in result.stdout and "checks passed" in result.stdout


def test_json_output_has_the_review_contract(tmp_path):
    draft = tmp_path / "draft.txt"
    draft.write_text(BLOCKED, encoding="utf-16")
    review = json.loads(run_cli("check", "--draft-file", str(draft), "--json").stdout)
    assert review["verdict"] == "block"
    check = next(c for c in review["checks"] if c["name"] == "condescension")
    assert set(check) >= {"name", "flagged", "severity", "score", "spans", "reason", "suggestion", "guidance"}
    assert check["spans"][0] == {"start": 8, "end": 17, "text": "calm down"}


def test_message_and_decision_enable_the_context_checks():
    review = json.loads(run_cli("check", "--draft", "Hi Tobias, I've processed a full refund for the coffee.",
                                "--message", "I opened the coffee but I don't like it. Refund?",
                                "--decision", "decline refund (opened food); offer 50% store credit", "--json").stdout)
    assert review["verdict"] == "block"
    assert next(c for c in review["checks"] if c["name"] == "forbidden_promise")["flagged"]


def test_jsonl_skips_malformed_lines_by_number_and_checks_the_rest(tmp_path):
    batch = tmp_path / "drafts.jsonl"
    batch.write_text("\n".join([
        json.dumps({"id": "a", "draft": "Hi Sam, your parcel arrives on Thursday."}),
        "{not json",
        json.dumps({"id": "c", "nodraft": "x"}),
        json.dumps({"id": "d", "draft": BLOCKED, "message": "Refund please!"}),
    ]), encoding="utf-8")
    result = run_cli("check", "--jsonl", str(batch))
    assert result.returncode == 1
    assert "line 2: not valid JSON" in result.stderr and 'line 3: each line needs a "draft" string' in result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(line["id"], line["review"]["verdict"]) for line in lines] == [("a", "send"), ("d", "block")]
    assert set(lines[1]["review"]) >= {"verdict", "checks"}


def test_a_big_file_on_worker_processes_gives_the_same_lines(tmp_path):
    from evals.review_pool import MIN_POOLED

    drafts = ["Hi Sam, your parcel arrives on Thursday.", BLOCKED, "Hi Sam, please contact the courier directly."]
    batch = tmp_path / "big.jsonl"
    lines = [json.dumps({"id": n, "draft": drafts[n % 3]}) for n in range(MIN_POOLED)]
    lines[7] = "{broken"
    batch.write_text("\n".join(lines), encoding="utf-8")
    pooled = run_cli("check", "--jsonl", str(batch), "--workers", "2")
    alone = run_cli("check", "--jsonl", str(batch), "--workers", "1")
    assert pooled.returncode == alone.returncode == 1 and "line 8: not valid JSON" in pooled.stderr
    assert "Traceback" not in pooled.stderr and pooled.stdout == alone.stdout
    assert len(pooled.stdout.splitlines()) == MIN_POOLED - 1


def test_bad_input_is_one_line_without_traceback(tmp_path):
    for args, fragment in [(["--draft", "   "], "the draft is empty"),
                           (["--draft-file", str(tmp_path / "missing.txt")], "does not exist"),
                           (["--draft", "x" * 20001], "over the 20,000")]:
        result = run_cli("check", *args)
        assert result.returncode != 0 and "Traceback" not in result.stderr
        assert result.stderr.count("\n") == 1 and fragment in result.stderr
