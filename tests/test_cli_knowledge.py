"""`replycoach ingest`, `search`, `documents` and `remove` as a user runs them (real subprocess)."""

import json

import pytest

from helpers import free_port, run_cli


@pytest.fixture(scope="module")
def home(tmp_path_factory):
    """A store built by `replycoach ingest` itself."""
    home = tmp_path_factory.mktemp("cli-home")
    result = run_cli("ingest", "--json", env={"REPLYCOACH_HOME": str(home)})
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert {"documents", "chunks", "added", "unchanged", "removed", "seconds"} <= set(report)
    assert report["documents"] == 6 and report["added"] == report["chunks"] > 50
    assert set(report["collections"]) == {"playbook", "policy"}
    return home


def _env(home):
    return {"REPLYCOACH_HOME": str(home)}


def assert_one_line_error(result, *fragments):
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("replycoach: error: ")
    for fragment in fragments:
        assert fragment in lines[0]


def test_reingest_reports_everything_unchanged(home):
    report = json.loads(run_cli("ingest", "--json", env=_env(home)).stdout)
    assert report["added"] == 0 and report["unchanged"] == report["chunks"] and report["removed"] == 0


def test_search_json_is_a_list_of_passages(home):
    result = run_cli("search", "customer passed from person to person", "-k", "2", "--json", env=_env(home))
    passages = json.loads(result.stdout)
    assert len(passages) == 2
    assert all(set(p) == {"title", "source", "text", "score"} for p in passages)


def test_search_text_output_names_the_article(home):
    result = run_cli("search", "refund for opened toothpaste", "--collection", "policy", "-k", "1", env=_env(home))
    assert result.returncode == 0
    assert result.stdout.startswith("1. [") and "SAMPLE customer policy" in result.stdout


def test_documents_lists_both_collections(home):
    documents = json.loads(run_cli("documents", "--json", env=_env(home)).stdout)
    assert sorted({d["collection"] for d in documents}) == ["playbook", "policy"]
    assert len(documents) == 6


def test_ingest_a_user_file_into_policy_then_remove_it(home, tmp_path):
    policy = tmp_path / "gift-cards.md"
    policy.write_text("# Gift cards\n\nGift cards cannot be exchanged for cash, but they never expire "
                      "and can be moved to another account on request.\n", encoding="utf-8")
    added = json.loads(run_cli("ingest", str(policy), "--collection", "policy", "--json", env=_env(home)).stdout)
    assert added["documents"] == 1 and added["added"] >= 1
    found = json.loads(run_cli("search", "can I get cash for my gift card", "--collection", "policy",
                               "-k", "1", "--json", env=_env(home)).stdout)
    assert found[0]["source"] == "gift-cards.md"
    removed = run_cli("remove", "gift-cards.md", "--collection", "policy", env=_env(home))
    assert removed.returncode == 0 and "removed gift-cards.md" in removed.stdout


def test_missing_path(home, tmp_path):
    assert_one_line_error(run_cli("ingest", str(tmp_path / "nope.txt"), env=_env(home)), "does not exist")


def test_empty_file(home, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    assert_one_line_error(run_cli("ingest", str(empty), env=_env(home)), "is empty")


def test_binary_file_loses_nothing(home, tmp_path):
    before = json.loads(run_cli("documents", "--json", env=_env(home)).stdout)
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(range(256)) * 4)
    assert_one_line_error(run_cli("ingest", str(binary), env=_env(home)), "binary")
    assert json.loads(run_cli("documents", "--json", env=_env(home)).stdout) == before


def test_store_never_ingested(tmp_path):
    result = run_cli("search", "refund", env={"REPLYCOACH_HOME": str(tmp_path)})
    assert_one_line_error(result, "no knowledge store", "replycoach ingest")


def test_unreachable_chroma_server(tmp_path):
    port = free_port()
    result = run_cli("search", "refund", env={"REPLYCOACH_HOME": str(tmp_path), "REPLYCOACH_CHROMA_HOST": "127.0.0.1",
                                              "REPLYCOACH_CHROMA_PORT": str(port)})
    assert_one_line_error(result, f"cannot reach the Chroma server at 127.0.0.1:{port}", "chroma run")


@pytest.mark.server
def test_cli_against_a_chroma_server(chroma_server, tmp_path):
    host, port = chroma_server
    env = {"REPLYCOACH_HOME": str(tmp_path), "REPLYCOACH_CHROMA_HOST": host, "REPLYCOACH_CHROMA_PORT": str(port)}
    ingest = run_cli("ingest", "--collection", "policy", "--json", env=env)
    assert ingest.returncode == 0, ingest.stderr
    passages = json.loads(run_cli("search", "duplicate charge", "--collection", "policy", "--json", env=env).stdout)
    assert passages and "charge" in passages[0]["text"].lower()
