"""The Compare page in a real browser: two versions of one text (a sample and an edited copy),
and the matrix's short column titles with the full names on hover.

Two different agreements set side by side, with no "weakened", are in test_app_browser.py.
"""

from __future__ import annotations

import re

from browser_support import SAMPLE, SECOND, UPLOAD, open_page  # tests/e2e/ is on sys.path
from edited_copies import MANUFACTURING, a_few_articles_edited  # tests/, like app_agreements


def test_versions_show_what_changed_with_the_removed_article_and_tracked_changes(page, server, tmp_path):
    edited = tmp_path / "edited.docx"
    edited.write_bytes(a_few_articles_edited())
    open_page(page, server, "compare", "Compare agreements")
    page.locator(UPLOAD).set_input_files([str(MANUFACTURING), str(edited)])
    page.get_by_text(re.compile(r"^Versions of one text: \d+% of the wording is the same")).wait_for()
    page.get_by_role("heading", name="What changed between the two").wait_for()
    page.get_by_text("Protections weakened").first.wait_for()
    weakened = page.locator('[data-testid="stMetric"]', has_text="Protections weakened")
    assert weakened.locator('[data-testid="stMetricValue"]').inner_text().strip() == "1"
    article = page.locator('[data-testid="stExpander"]', has_text="Article 6 → Article 6")
    article.locator("summary").click()
    article.get_by_text("by the worker's representative where", exact=False).wait_for()
    assert "employer, and by the worker's representative where the worker so wishes" in article.inner_text()
    removed = page.locator('[data-testid="stExpander"]', has_text="Only in the earlier version: Article 16")
    removed.locator("summary").click()
    removed.get_by_text("Workers shall have the right to submit complaints", exact=False).wait_for()
    with page.expect_download() as info:
        page.get_by_role("button", name="Tracked changes (Word)").click()
    assert info.value.suggested_filename.endswith(".tracked-changes.docx")


def test_matrix_columns_show_parties_and_year_with_the_full_name_on_hover(page, server):
    open_page(page, server, "compare", "Compare agreements")
    page.locator(UPLOAD).set_input_files([str(SAMPLE), str(SECOND)])
    page.get_by_text("Two different agreements, not versions of one text").wait_for()
    matrix = page.locator('[data-testid="stDataFrame"]').nth(1)  # after the summary table
    matrix.scroll_into_view_if_needed()
    page.wait_for_timeout(1500)  # the grid draws on a canvas once scrolled into view
    box = matrix.bounding_box()
    page.mouse.move(box["x"] + box["width"] - 60, box["y"] + 18)  # the last column's header: SECOND
    page.get_by_text(re.compile(r"^AGREEMENT between the Republic of Pelora .* \(pelora_azuria_nurses\.docx\)$")).wait_for()
