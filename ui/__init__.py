"""Streamlit pages: thin shells over the functions the CLI and the tests call too."""
