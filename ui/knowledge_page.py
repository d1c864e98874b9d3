"""Knowledge page: search the playbook and policy, see what is stored, add and remove documents."""

from __future__ import annotations

import streamlit as st

from knowledge.catalog import document_chunks, list_documents, remove_document
from knowledge.ingest import ingest_paths
from knowledge.retrieval import search
from knowledge.store import COLLECTIONS, describe
from replycoach.errors import ReplyCoachError
from replycoach.settings import load_settings
from ui.uploads import save_uploads

COLLECTION_LABELS = {"playbook": "Playbook (how to talk)", "policy": "Policy (what we can do)", "all": "Both"}

st.title("Playbook and policy")
try:
    settings = load_settings()
except ReplyCoachError as error:
    st.error(str(error))
    st.stop()
st.caption(f"Using the {describe(settings)}.")

search_tab, documents_tab, add_tab = st.tabs(["Search", "Documents", "Add documents"])

with search_tab:
    with st.form("search"):
        query = st.text_input("What does the customer need, or what did they say?",
                              placeholder="Customer wants a refund on an opened product")
        left, right = st.columns([2, 1])
        collection = left.radio("Search in", ["playbook", "policy", "all"], horizontal=True,
                                format_func=COLLECTION_LABELS.get)
        k = right.slider("Passages", 1, 10, 4)
        submitted = st.form_submit_button("Search", type="primary")
    if submitted:
        try:
            passages = search(query, k=k, collection=collection, settings=settings)
        except ReplyCoachError as error:
            st.error(str(error))
        else:
            for passage in passages:
                with st.container(border=True):
                    heading = f" · {passage.heading}" if passage.heading else ""
                    st.markdown(f"**{passage.title}**{heading}")
                    st.caption(f"{passage.source} · {passage.collection} · relevance {passage.score:.2f}")
                    st.write(passage.text)

with documents_tab:
    for name in COLLECTIONS:
        st.subheader(COLLECTION_LABELS[name])
        try:
            documents = list_documents(name, settings)
        except ReplyCoachError as error:
            st.info(str(error))
            continue
        if not documents:
            st.info("No documents yet.")
            continue
        st.dataframe(
            [{"Title": d.title, "File": d.source, "Author": d.author or "", "Date": d.date or "",
              "Chunks": d.chunks} for d in documents],
            hide_index=True, width="stretch",
        )
        chosen = st.selectbox("Open a document", [d.key for d in documents], key=f"open-{name}",
                              format_func=lambda key, docs=documents: next(d.title for d in docs if d.key == key))
        with st.expander("Chunks"):
            for chunk in document_chunks(name, chosen, settings):
                st.markdown(f"**{chunk['position'] + 1}.** {('*' + chunk['heading'] + '* — ') if chunk['heading'] else ''}"
                            f"{chunk['text']}")
        if st.button("Remove this document", key=f"remove-{name}"):
            st.session_state[f"confirm-remove-{name}"] = chosen
        if st.session_state.get(f"confirm-remove-{name}") == chosen:
            st.warning(f"Remove **{chosen}** from the {name} collection? Drafts will no longer cite it.")
            yes, no = st.columns(2)
            if yes.button("Yes, remove it", key=f"yes-{name}", type="primary"):
                removed = remove_document(name, chosen, settings)
                st.session_state.pop(f"confirm-remove-{name}")
                st.toast(f"Removed {chosen} ({removed} chunks).")
                st.rerun()
            if no.button("Cancel", key=f"no-{name}"):
                st.session_state.pop(f"confirm-remove-{name}")
                st.rerun()

with add_tab:
    st.write("Add playbook articles (how to talk to customers) or policy documents (what the company "
             "can and cannot do). Supported: .txt, .md, .html. Page clutter is stripped.")
    target = st.radio("Add to", list(COLLECTIONS), horizontal=True, format_func=COLLECTION_LABELS.get)
    files = st.file_uploader("Files", type=["txt", "md", "markdown", "html", "htm"], accept_multiple_files=True)
    if st.button("Ingest", type="primary", disabled=not files):
        progress = st.progress(0.0, text="Reading files")
        try:
            paths = save_uploads(files, settings.home / "uploads" / target)
            report = ingest_paths(paths, target, settings,
                                  progress=lambda done, total: progress.progress(done / total,
                                                                                 text=f"Embedding {done}/{total} chunks"))
        except ReplyCoachError as error:
            progress.empty()
            st.error(str(error))
        else:
            progress.progress(1.0, text="Done")
            st.success(f"{report.documents} documents: {report.added} chunks added, {report.unchanged} unchanged, "
                       f"{report.removed} removed ({report.seconds:.1f} s).")
