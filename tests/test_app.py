"""app.py: navigation only; every page opens without errors."""

import pytest
from streamlit.testing.v1 import AppTest

from helpers import REPO


@pytest.mark.parametrize("page", ["ui/agent_page.py", "ui/history_page.py", "ui/knowledge_page.py", "ui/settings_page.py"])
def test_every_page_opens_from_the_navigation(page):
    at = AppTest.from_file(str(REPO / "app.py"), default_timeout=60).run()
    assert not at.exception
    at.switch_page(page).run()
    assert not at.exception and at.title
