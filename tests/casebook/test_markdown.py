from casebook.markdown import render_markdown


def test_markdown_renders_emphasis_and_lists():
    html = render_markdown("**Let op**\n\n- één\n- twee")
    assert "<strong>Let op</strong>" in html
    assert "<li>één</li>" in html


def test_script_tag_is_shown_as_text_not_run():
    html = render_markdown("Hallo <script>alert('x')</script>")
    assert "<script" not in html
    assert "&lt;script&gt;" in html


def test_event_handlers_and_javascript_links_are_removed():
    html = render_markdown('<img src="x" onerror="alert(1)"> [klik](javascript:alert(1)) <a href="#" onclick="x()">a</a>')
    assert "<img" not in html  # the tag is escaped into visible text, so its handler can never run
    assert "javascript:" not in html
    assert "onclick" not in html


def test_links_get_safe_rel():
    html = render_markdown("[uitleg](https://example.org/uitleg)")
    assert 'href="https://example.org/uitleg"' in html
    assert "noopener" in html
