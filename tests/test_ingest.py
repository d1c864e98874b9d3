"""Idempotent ingestion into real Chroma, embedded and as a `chroma run` server."""

import shutil
import uuid

import pytest

from knowledge.catalog import document_chunks, list_documents, remove_document
from knowledge.ingest import ingest_bundled, ingest_paths
from knowledge.retrieval import search
from knowledge.store import bundled_folder, open_collection
from replycoach.errors import InputError, StoreError
from replycoach.settings import Settings

ARTICLE = bundled_folder("playbook") / "when-the-customer-is-to-blame.txt"


@pytest.fixture(params=["embedded", pytest.param("server", marks=pytest.mark.server)])
def store_settings(request, tmp_path):
    if request.param == "embedded":
        return Settings(home=tmp_path / "home")
    host, port = request.getfixturevalue("chroma_server")
    # The server is shared by the session: a fresh home is not enough, so start from empty collections.
    settings = Settings(home=tmp_path / "home", chroma_host=host, chroma_port=port)
    from knowledge.store import open_client, _CHROMA_NAMES
    client = open_client(settings)
    for name in _CHROMA_NAMES.values():
        if name in [c.name for c in client.list_collections()]:
            client.delete_collection(name)
    return settings


SMALL_SET = ("when-the-customer-is-to-blame.txt", "how-to-survive-bad-customer-service.txt")


def _folder_with_playbook(tmp_path):
    """Two real articles: enough to test the mechanics, quick to embed."""
    folder = tmp_path / f"playbook-{uuid.uuid4().hex[:6]}"
    folder.mkdir()
    for name in SMALL_SET:
        shutil.copy(bundled_folder("playbook") / name, folder / name)
    return folder


def test_reingesting_an_unchanged_folder_embeds_nothing(store_settings, tmp_path):
    folder = _folder_with_playbook(tmp_path)
    first = ingest_paths([folder], "playbook", store_settings)
    assert (first.documents, first.added, first.unchanged, first.removed) == (2, first.chunks, 0, 0)
    assert first.chunks >= 10
    second = ingest_paths([folder], "playbook", store_settings)
    assert (second.added, second.unchanged, second.removed) == (0, first.chunks, 0)
    assert open_collection(store_settings, "playbook").count() == first.chunks


def test_an_edited_document_replaces_only_its_changed_chunks(store_settings, tmp_path):
    folder = _folder_with_playbook(tmp_path)
    first = ingest_paths([folder], "playbook", store_settings)
    article = folder / ARTICLE.name
    text = article.read_text(encoding="utf-8")
    article.write_text(text.replace("Bad customer service is like a fatal illness.",
                                    "Poor service spreads like a rumour."), encoding="utf-8")
    second = ingest_paths([folder], "playbook", store_settings)
    assert (second.added, second.removed) == (1, 1)
    assert second.unchanged == first.chunks - 1
    texts = [c["text"] for c in document_chunks("playbook", ARTICLE.name, store_settings)]
    assert any("Poor service spreads like a rumour." in t for t in texts)
    assert not any("fatal illness" in t for t in texts)


def test_a_document_deleted_from_the_folder_goes_away(store_settings, tmp_path):
    folder = _folder_with_playbook(tmp_path)
    ingest_paths([folder], "playbook", store_settings)
    (folder / ARTICLE.name).unlink()
    report = ingest_paths([folder], "playbook", store_settings)
    assert report.removed > 0 and report.added == 0
    assert ARTICLE.name not in [d.key for d in list_documents("playbook", store_settings)]


def test_single_files_do_not_remove_their_folder_neighbours(store_settings, tmp_path):
    folder = _folder_with_playbook(tmp_path)
    ingest_paths([folder], "playbook", store_settings)
    report = ingest_paths([folder / ARTICLE.name], "playbook", store_settings)
    assert (report.documents, report.added, report.removed) == (1, 0, 0)
    assert len(list_documents("playbook", store_settings)) == 2


def test_a_bad_file_stops_the_ingest_before_the_store_changes(store_settings, tmp_path):
    folder = _folder_with_playbook(tmp_path)
    before = ingest_paths([folder], "playbook", store_settings)
    (folder / ARTICLE.name).write_text("edited but will never be stored", encoding="utf-8")
    (folder / "broken.txt").write_bytes(b"\x00\x01\x02binary")
    with pytest.raises(InputError, match="binary"):
        ingest_paths([folder], "playbook", store_settings)
    assert open_collection(store_settings, "playbook").count() == before.chunks
    assert any("say \"no\" in a way that sounds like \"yes.\"" in c["text"]
               for c in document_chunks("playbook", ARTICLE.name, store_settings))


def test_playbook_and_policy_are_separate_collections(store_settings):
    playbook = ingest_bundled("playbook", store_settings)
    policy = ingest_bundled("policy", store_settings)
    assert playbook.documents == 5 and policy.documents == 1
    policy_hits = search("Can I refund opened toothpaste?", k=3, collection="policy", settings=store_settings)
    assert all(p.collection == "policy" and p.source.startswith("sample-policy") for p in policy_hits)
    assert "toothpaste" in policy_hits[0].text
    playbook_hits = search("Can I refund opened toothpaste?", k=3, settings=store_settings)
    assert all(p.collection == "playbook" for p in playbook_hits)


def test_remove_document_deletes_its_chunks(store_settings):
    ingest_bundled("playbook", store_settings)
    removed = remove_document("playbook", ARTICLE.name, store_settings)
    assert removed > 0
    assert ARTICLE.name not in [d.key for d in list_documents("playbook", store_settings)]
    with pytest.raises(InputError, match="no document"):
        remove_document("playbook", ARTICLE.name, store_settings)


def test_the_embedded_store_reopens_from_disk_in_a_new_process(tmp_path):
    from helpers import run_cli

    home = tmp_path / "home"
    ingest_bundled("playbook", Settings(home=home))
    result = run_cli("search", "customer wants to vent", "--json", env={"REPLYCOACH_HOME": str(home)})
    assert result.returncode == 0, result.stderr
    assert "when-the-customer-is-to-blame.txt" in result.stdout


def test_an_unreachable_server_is_a_store_error(tmp_path):
    from helpers import free_port

    settings = Settings(home=tmp_path, chroma_host="127.0.0.1", chroma_port=free_port())
    with pytest.raises(StoreError, match="cannot reach the Chroma server"):
        ingest_bundled("playbook", settings)
