package org.civicit.lms.assessment.gift;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.civicit.lms.assessment.BankQuestion;
import org.civicit.lms.assessment.BankQuestion.Option;
import org.civicit.lms.assessment.BankQuestion.Pair;
import org.civicit.lms.assessment.BankQuestion.Range;
import org.civicit.lms.assessment.QuestionType;
import org.civicit.lms.platform.Written;

/**
 * Writes questions as GIFT that {@link GiftParser} (and Moodle) reads back as the same
 * questions. GIFT has no place for pictures, nor for a matching pair whose left side holds
 * "->": the pictures, or the whole question, are left out, and said to be.
 */
public final class GiftWriter {

    private GiftWriter() {
    }

    public static BankFile write(List<BankQuestion> questions) {
        StringBuilder gift = new StringBuilder();
        List<BankFile.LeftOut> leftOut = new ArrayList<>();
        String category = null;
        double points = 1;
        for (BankQuestion question : questions) {
            if (!writable(question)) {
                leftOut.add(new BankFile.LeftOut(question.category(), GiftParser.identity(question),
                        "the question: GIFT splits a pair at its first \"->\", which a left side here holds"));
                continue;
            }
            if (!question.category().equals(category)) {
                category = question.category();
                points = 1;
                gift.append("$CATEGORY: ").append(category).append("\n\n");
            }
            if (question.type().answered() && question.points() != points) {
                points = question.points();
                gift.append("$POINTS: ").append(Written.number(points)).append("\n\n");
            }
            gift.append(question(question)).append("\n\n");
            if (!question.media().isEmpty()) {
                leftOut.add(new BankFile.LeftOut(category, GiftParser.identity(question),
                        question.media().size() + " picture(s): GIFT carries no pictures"));
            }
        }
        return new BankFile(gift.toString().getBytes(StandardCharsets.UTF_8), "text/plain; charset=UTF-8", "gift",
                leftOut);
    }

    /**
     * Whether GIFT can hold the question at all. Moodle reads a matching pair up to its first
     * "->", and GIFT has no escape for it, so a left side holding one would read back as
     * another pair.
     */
    static boolean writable(BankQuestion question) {
        return question.pairs().stream().noneMatch(pair -> pair.left().contains("->"));
    }

    /** One question alone, without its category or points. */
    public static String question(BankQuestion question) {
        StringBuilder out = new StringBuilder();
        if (question.title() != null) {
            out.append("::").append(GiftParser.escape(question.title())).append(":: ");
        }
        String text = GiftParser.escape(question.text());
        if (GiftParser.startsWithFormat(text)) {
            // Text that begins like a format marker would be read as one; a marker of its own keeps it text.
            out.append("[plain]");
        }
        out.append(text);
        if (!question.type().answered()) {
            return out.toString();
        }
        List<String> answers = switch (question.type()) {
            case SINGLE_CHOICE, MULTIPLE_CHOICE, SHORT_ANSWER -> {
                Option marked = question.type() == QuestionType.SINGLE_CHOICE ? best(question.options()) : null;
                yield question.options().stream().map(option -> option(option, question.type(), marked)).toList();
            }
            case TRUE_FALSE -> List.of(trueFalse(question.options()));
            case NUMERICAL -> question.ranges().stream().map(GiftWriter::range).toList();
            case MATCHING -> question.pairs().stream().map(GiftWriter::pair).toList();
            default -> List.of();
        };
        List<String> lines = new ArrayList<>(answers);
        if (question.feedback() != null) {
            lines.add("####" + GiftParser.escape(question.feedback()));
        }
        String open = question.type() == QuestionType.NUMERICAL ? " {#" : " {";
        return out.append(lines.isEmpty() ? open + "}" : open + "\n" + String.join("\n", lines) + "\n}").toString();
    }

    /**
     * A short answer's forms are all written with '='; a multiple choice writes every weight
     * after '~'. A single choice marks with '=' what earns full marks (or, when nothing does,
     * its best answer) and writes the rest after '~', so that answers worded with "->" do not
     * read back as the pairs of a matching question.
     */
    private static String option(Option option, QuestionType type, Option marked) {
        boolean right = switch (type) {
            case SHORT_ANSWER -> true;
            case SINGLE_CHOICE -> option.fraction() == 1 || option == marked;
            default -> false;
        };
        boolean weighed = right ? option.fraction() != 1 : option.fraction() != 0;
        return (right ? "=" : "~") + (weighed ? "%" + percent(option.fraction()) + "%" : "")
                + GiftParser.escape(option.text()) + feedback(option.feedback());
    }

    /** The answer a single choice without a full-mark answer marks with '=': its first best. */
    private static Option best(List<Option> options) {
        if (options.stream().anyMatch(option -> option.fraction() == 1)) {
            return null;
        }
        Option best = options.get(0);
        for (Option option : options) {
            best = option.fraction() > best.fraction() ? option : best;
        }
        return best;
    }

    /** Moodle's order: the first feedback is shown for a wrong answer, the second for the right one. */
    private static String trueFalse(List<Option> options) {
        Option right = options.get(0).fraction() == 1 ? options.get(0) : options.get(1);
        Option wrong = right == options.get(0) ? options.get(1) : options.get(0);
        String block = right == options.get(0) ? "TRUE" : "FALSE";
        if (wrong.feedback() == null && right.feedback() == null) {
            return block;
        }
        return block + "#" + GiftParser.escape(Objects.requireNonNullElse(wrong.feedback(), ""))
                + (right.feedback() == null ? "" : "#" + GiftParser.escape(right.feedback()));
    }

    private static String range(Range range) {
        if (range.min() == -Double.MAX_VALUE && range.max() == Double.MAX_VALUE && range.fraction() == 0) {
            return "~" + feedback(range.feedback());
        }
        String weight = range.fraction() == 1 ? "" : "%" + percent(range.fraction()) + "%";
        String value = range.min() == range.max() ? number(range.min())
                : number(range.min()) + ".." + number(range.max());
        return "=" + weight + value + feedback(range.feedback());
    }

    /** A number that reads back as itself: whole numbers without ".0", any other as Java writes it. */
    private static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
    }

    private static String pair(Pair pair) {
        return "=" + GiftParser.escape(pair.left()) + " -> " + GiftParser.escape(pair.right());
    }

    private static String feedback(String feedback) {
        return feedback == null ? "" : " #" + GiftParser.escape(feedback);
    }

    private static String percent(double fraction) {
        return new BigDecimal(Double.toString(fraction)).movePointRight(2).stripTrailingZeros().toPlainString();
    }
}
