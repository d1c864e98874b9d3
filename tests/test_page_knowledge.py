"""The Knowledge page with Streamlit's AppTest: search, list, open, remove and upload."""

from streamlit.testing.v1 import AppTest

from helpers import REPO
from knowledge.catalog import list_documents
from replycoach.settings import Settings

PAGE = str(REPO / "ui" / "knowledge_page.py")


def _run():
    return AppTest.from_file(PAGE, default_timeout=60).run()


def test_search_shows_passages_with_their_titles(ingested_home):
    at = _run()
    at.text_input[0].input("Customer wants a refund for an opened product")
    at.button[0].click().run()
    assert not at.exception and not at.error
    titles = [m.value for m in at.markdown]
    assert any("When the Customer is to Blame" in t for t in titles)
    assert any("relevance" in c.value for c in at.caption)


def test_empty_search_says_what_is_wrong(ingested_home):
    at = _run()
    at.button[0].click().run()
    assert at.error and "empty" in at.error[0].value


def test_documents_are_listed_and_removable_after_confirmation(ingested_home):
    at = _run()
    assert len(at.dataframe) == 2
    remove = next(b for b in at.button if b.label == "Remove this document")
    remove.click().run()
    assert at.warning and "Remove" in at.warning[0].value
    next(b for b in at.button if b.label == "Yes, remove it").click().run()
    assert not at.exception
    assert len(list_documents("playbook", Settings(home=ingested_home))) == 4


def test_cancelling_a_removal_keeps_the_document(ingested_home):
    at = _run()
    next(b for b in at.button if b.label == "Remove this document").click().run()
    next(b for b in at.button if b.label == "Cancel").click().run()
    assert not at.warning
    assert len(list_documents("playbook", Settings(home=ingested_home))) == 5


def test_never_ingested_store_says_what_to_run(home):
    at = _run()
    assert not at.exception
    assert any("replycoach ingest" in i.value for i in at.info)


def test_upload_ingests_into_the_chosen_collection(ingested_home):
    at = _run()
    at.radio[1].set_value("policy")
    at.get("file_uploader")[0].set_value(("gift-cards.md", b"# Gift cards\n\nGift cards never expire and "
                                          b"can be moved to another account on request.\n", "text/markdown"))
    at.run()
    next(b for b in at.button if b.label == "Ingest").click().run()
    assert not at.exception and not at.error
    assert at.success and "1 documents" in at.success[0].value
    assert "gift-cards.md" in [d.key for d in list_documents("policy", Settings(home=ingested_home))]
    assert (ingested_home / "uploads" / "policy" / "gift-cards.md").exists()


def test_a_bad_upload_is_refused_and_not_kept(ingested_home):
    at = _run()
    at.get("file_uploader")[0].set_value(("empty.txt", b"", "text/plain"))
    at.run()
    next(b for b in at.button if b.label == "Ingest").click().run()
    assert at.error and "empty" in at.error[0].value
    assert not (ingested_home / "uploads" / "playbook" / "empty.txt").exists()
