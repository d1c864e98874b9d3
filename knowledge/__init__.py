"""The knowledge base: playbook and policy documents -> clean chunks -> embeddings -> Chroma.

Modules: documents/formats/clutter (load and clean files), chunking, embeddings (offline
MiniLM), store (Chroma client and collections), ingest (idempotent), retrieval (hybrid
search), lexical (re-ranking evidence), catalog (list and remove documents).
"""
