"""ReplyCoach Streamlit entry point: navigation only; each page lives in ui/."""

import streamlit as st

st.set_page_config(page_title="ReplyCoach", page_icon=":material/mail:", layout="wide")

# One section per kind of user; reviewers' and prompt engineers' pages join their own sections.
pages = {
    "Agents": [
        st.Page("ui/agent_page.py", title="Draft a reply", icon=":material/edit_note:", url_path="draft", default=True),
        st.Page("ui/history_page.py", title="History", icon=":material/history:", url_path="history"),
    ],
    "Knowledge": [st.Page("ui/knowledge_page.py", title="Playbook and policy", icon=":material/menu_book:",
                          url_path="knowledge")],
    "Admin": [st.Page("ui/settings_page.py", title="Settings", icon=":material/settings:", url_path="settings")],
}
st.navigation(pages).run()
