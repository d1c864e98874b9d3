"""ReplyCoach Streamlit entry point: navigation only; each page lives in ui/."""

import streamlit as st

st.set_page_config(page_title="ReplyCoach", page_icon="✉️", layout="wide")

pages = [
    st.Page("ui/knowledge_page.py", title="Knowledge", icon="📚", url_path="knowledge"),
]
st.navigation(pages).run()
