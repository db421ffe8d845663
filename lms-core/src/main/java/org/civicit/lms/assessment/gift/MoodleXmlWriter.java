package org.civicit.lms.assessment.gift;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.civicit.lms.assessment.BankQuestion;
import org.civicit.lms.assessment.BankQuestion.Media;
import org.civicit.lms.assessment.BankQuestion.Option;
import org.civicit.lms.assessment.BankQuestion.Pair;
import org.civicit.lms.assessment.BankQuestion.Range;
import org.civicit.lms.assessment.QuestionType;
import org.civicit.lms.platform.Written;

/**
 * Writes questions as Moodle XML that Moodle, and {@link MoodleXmlReader}, read back as the
 * same questions, pictures included: each is shown by an {@code @@PLUGINFILE@@} image at the
 * end of the question text, its bytes in a base64 {@code <file>} beside it.
 */
public final class MoodleXmlWriter {

    private MoodleXmlWriter() {
    }

    public static BankFile write(List<BankQuestion> questions) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<quiz>\n");
        List<BankFile.LeftOut> leftOut = new ArrayList<>();
        String category = null;
        for (BankQuestion question : questions) {
            if (!question.category().equals(category)) {
                category = question.category();
                xml.append("  <question type=\"category\">\n    <category><text>$course$/top/")
                        .append(escape(category)).append("</text></category>\n  </question>\n");
            }
            List<String> lost = new ArrayList<>();
            xml.append(question(question, lost));
            for (String what : lost) {
                leftOut.add(new BankFile.LeftOut(category, GiftParser.identity(question), what));
            }
        }
        xml.append("</quiz>\n");
        return new BankFile(xml.toString().getBytes(StandardCharsets.UTF_8), "application/xml; charset=UTF-8", "xml",
                leftOut);
    }

    private static String question(BankQuestion q, List<String> lost) {
        StringBuilder out = new StringBuilder("  <question type=\"").append(type(q)).append("\">\n");
        out.append("    <name><text>").append(escape(q.title() == null ? "" : q.title())).append("</text></name>\n");
        StringBuilder text = new StringBuilder(HtmlText.escape(q.text()));
        for (Media media : q.media()) {
            text.append("<br><img src=\"").append(MoodleXmlReader.PLUGINFILE)
                    .append(URLEncoder.encode(media.name(), StandardCharsets.UTF_8).replace("+", "%20"))
                    .append("\" alt=\"\">");
        }
        out.append("    <questiontext format=\"html\">\n      <text>").append(escape(text.toString())).append("</text>\n");
        for (Media media : q.media()) {
            if (media.content() == null) {
                lost.add("picture " + media.name() + ": its bytes were not loaded");
                continue;
            }
            out.append("      <file name=\"").append(escape(media.name())).append("\" path=\"/\" encoding=\"base64\">")
                    .append(Base64.getEncoder().encodeToString(media.content())).append("</file>\n");
        }
        out.append("    </questiontext>\n");
        out.append("    <generalfeedback format=\"html\"><text>").append(html(q.feedback())).append("</text></generalfeedback>\n");
        out.append("    <defaultgrade>").append(Written.number(q.points())).append("</defaultgrade>\n");
        switch (q.type()) {
            case SINGLE_CHOICE, MULTIPLE_CHOICE -> {
                out.append("    <single>").append(q.type() == QuestionType.SINGLE_CHOICE).append("</single>\n");
                out.append("    <shuffleanswers>true</shuffleanswers>\n    <answernumbering>abc</answernumbering>\n");
                for (Option option : q.options()) {
                    answer(out, option.fraction(), "html", html(option.text()), option.feedback(), "");
                }
            }
            case TRUE_FALSE -> {
                for (Option option : q.options()) {
                    answer(out, option.fraction(), "moodle_auto_format", option.text().equals("Đúng") ? "true" : "false",
                            option.feedback(), "");
                }
            }
            case SHORT_ANSWER -> {
                out.append("    <usecase>0</usecase>\n");
                for (Option option : q.options()) {
                    answer(out, option.fraction(), "moodle_auto_format", escape(option.text()), option.feedback(), "");
                }
            }
            case NUMERICAL -> {
                for (Range range : q.ranges()) {
                    range(out, range, lost);
                }
            }
            case MATCHING -> {
                out.append("    <shuffleanswers>true</shuffleanswers>\n");
                for (Pair pair : q.pairs()) {
                    out.append("    <subquestion format=\"html\">\n      <text>").append(html(pair.left()))
                            .append("</text>\n      <answer><text>").append(escape(pair.right()))
                            .append("</text></answer>\n    </subquestion>\n");
                }
            }
            case ESSAY -> out.append("    <responseformat>editor</responseformat>\n");
            default -> {
                // a description has nothing more
            }
        }
        if (q.text().chars().anyMatch(c -> !xmlChar((char) c))) {
            lost.add("characters XML cannot hold");
        }
        return out.append("  </question>\n").toString();
    }

    private static String type(BankQuestion q) {
        return switch (q.type()) {
            case SINGLE_CHOICE, MULTIPLE_CHOICE -> "multichoice";
            case TRUE_FALSE -> "truefalse";
            case SHORT_ANSWER -> "shortanswer";
            case NUMERICAL -> "numerical";
            case MATCHING -> "matching";
            case ESSAY -> "essay";
            case DESCRIPTION -> "description";
        };
    }

    private static void answer(StringBuilder out, double fraction, String format, String text, String feedback,
            String more) {
        out.append("    <answer fraction=\"").append(percent(fraction)).append("\" format=\"").append(format)
                .append("\">\n      <text>").append(text).append("</text>\n").append(more)
                .append("      <feedback format=\"html\"><text>").append(html(feedback))
                .append("</text></feedback>\n    </answer>\n");
    }

    /**
     * Moodle writes a range as its centre and a tolerance: the two are chosen so that the reader's exact
     * sum gives back both ends, else the range is said to be changed.
     */
    private static void range(StringBuilder out, Range range, List<String> lost) {
        if (range.min() == -Double.MAX_VALUE && range.max() == Double.MAX_VALUE) {
            answer(out, range.fraction(), "moodle_auto_format", "*", range.feedback(), "");
            return;
        }
        double centre = range.min() / 2 + range.max() / 2;
        double tolerance = range.max() / 2 - range.min() / 2;
        if (MoodleXmlReader.bound(centre, -tolerance) != range.min()
                || MoodleXmlReader.bound(centre, tolerance) != range.max()) {
            lost.add("the range " + number(range.min()) + ".." + number(range.max()) + " is written as "
                    + number(centre) + "±" + number(tolerance));
        }
        answer(out, range.fraction(), "moodle_auto_format", number(centre), range.feedback(),
                "      <tolerance>" + number(tolerance) + "</tolerance>\n");
    }

    private static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
    }

    private static String percent(double fraction) {
        return new BigDecimal(Double.toString(fraction)).movePointRight(2).stripTrailingZeros().toPlainString();
    }

    private static String html(String text) {
        return text == null ? "" : escape(HtmlText.escape(text));
    }

    /** Text as XML character data; characters XML 1.0 cannot hold at all are dropped. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\r' -> out.append("&#13;");
                default -> {
                    if (xmlChar(c)) {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    private static boolean xmlChar(char c) {
        return c == '\t' || c == '\n' || c == '\r' || c >= 0x20 && c != 0xFFFE && c != 0xFFFF;
    }
}
