package org.civicit.lms.assessment.gift;

import java.util.List;
import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeVisitor;

/**
 * HTML question text as plain text, as a browser shows it: tags gone, entities decoded,
 * spaces run together, a line break for each {@code <br>} and around each block such as a
 * paragraph; a non-breaking space is a space, and a zero-width one (a byte order mark gone astray)
 * is dropped, as GIFT drops it. {@link #escape} writes plain text so that it reads back.
 */
final class HtmlText {

    private static final Set<String> BLOCKS = Set.of("p", "div", "li", "ul", "ol", "tr", "table", "h1", "h2", "h3",
            "h4", "h5", "h6", "pre", "blockquote");

    private HtmlText() {
    }

    /** The text of {@code html}; the {@code src} of each picture it shows is added to {@code pictures}. */
    static String of(String html, List<String> pictures) {
        StringBuilder out = new StringBuilder();
        Jsoup.parseBodyFragment(html).body().traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode text) {
                    String words = text.getWholeText().replaceAll("[ \\t\\r\\n\\f]+", " ");
                    boolean lineStart = out.isEmpty() || out.charAt(out.length() - 1) == '\n';
                    if (!(lineStart && words.isBlank())) {
                        out.append(words);
                    }
                } else if (node instanceof Element element) {
                    String tag = element.normalName();
                    if (tag.equals("br")) {
                        out.append('\n');
                    } else if (tag.equals("img")) {
                        pictures.add(element.attr("src"));
                    } else if (BLOCKS.contains(tag)) {
                        newLine(out);
                    }
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element element && BLOCKS.contains(element.normalName())) {
                    newLine(out);
                }
            }
        });
        return out.toString().replace('\u00A0', ' ').replace("\uFEFF", "").strip();
    }

    private static void newLine(StringBuilder out) {
        if (!out.isEmpty() && out.charAt(out.length() - 1) != '\n') {
            out.append('\n');
        }
    }

    /**
     * Plain text as HTML that {@link #of} reads back as the same text: markup characters as
     * entities, a line break as {@code <br>}, and a space that HTML would run together as {@code &#160;}.
     */
    static String escape(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean collapsed = i == 0 || text.charAt(i - 1) == ' ' || text.charAt(i - 1) == '\n'
                    || i == text.length() - 1 || text.charAt(i + 1) == '\n';
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\n' -> out.append("<br>");
                case ' ' -> out.append(collapsed ? "&#160;" : " ");
                case '\t', '\r', '\f' -> out.append("&#").append((int) c).append(';');
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
