package org.civicit.lms.assessment;

import java.util.List;

/**
 * A question as a bank writes it, with its key. Which list is filled depends on the type:
 * {@code options} for choice, true/false and the accepted forms of a short answer,
 * {@code ranges} for a numerical answer, {@code pairs} for matching.
 *
 * @param line   where the question starts in the file it came from
 * @param title  the name that identifies the question across versions of its bank
 * @param source the question's own GIFT text, enough to read it again alone
 */
public record BankQuestion(int line, String category, String title, String text, QuestionType type, double points,
                           List<Option> options, List<Range> ranges, List<Pair> pairs, String feedback,
                           String source) {

    /** A choice, or an accepted short-answer form; {@code fraction} runs from -1 to 1. */
    public record Option(String text, double fraction, String feedback) {
    }

    /** Numbers from {@code min} to {@code max} inclusive earn {@code fraction}. */
    public record Range(double min, double max, double fraction, String feedback) {
    }

    /** A matching item and its right-hand answer; an empty {@code left} only adds a wrong choice. */
    public record Pair(String left, String right) {
    }

    /** The items of a matching question to be matched, without the extra wrong choices. */
    public List<Pair> matchedPairs() {
        return pairs.stream().filter(pair -> !pair.left().isEmpty()).toList();
    }

    /** The distinct right-hand items of a matching question, in the order first written. */
    public List<String> choices() {
        return pairs.stream().map(Pair::right).distinct().toList();
    }
}
