package org.civicit.lms.web.catalog;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Lessons from Markdown to HTML. Raw HTML in a lesson is shown as text and unsafe links
 * are dropped, so a course file can never put a script on a trainee's page.
 */
public final class Markdown {

    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();

    private Markdown() {
    }

    public static String html(String markdown) {
        return RENDERER.render(PARSER.parse(markdown));
    }
}
