package org.civicit.lms.assessment;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

import org.civicit.lms.assessment.BankQuestion.Option;
import org.civicit.lms.assessment.BankQuestion.Pair;
import org.civicit.lms.assessment.BankQuestion.Range;

/**
 * Scores an answer with Moodle's rules: the weights of the options picked add up, and a
 * question never scores below nothing nor above full marks; a short answer matches
 * ignoring case and extra spaces, with {@code *} standing for any text, and the first
 * accepted form that matches (in the bank's order) decides; a number counts by the first
 * accepted range it falls in; matching earns an equal share per item.
 */
public final class Scoring {

    private Scoring() {
    }

    /** The share of the question's points earned, from 0 to 1; an essay is never scored here. */
    public static double fraction(BankQuestion question, Response response) {
        double fraction = switch (question.type()) {
            case SINGLE_CHOICE, TRUE_FALSE -> response.selected().size() == 1
                    ? option(question, response.selected().get(0)) : 0;
            case MULTIPLE_CHOICE -> response.selected().stream().distinct()
                    .mapToDouble(index -> option(question, index)).sum();
            case SHORT_ANSWER -> shortAnswer(question, response.text());
            case NUMERICAL -> numerical(question, response.text());
            case MATCHING -> matching(question, response);
            case ESSAY, DESCRIPTION -> throw new IllegalArgumentException(question.type() + " is not scored here");
        };
        return Math.max(0, Math.min(1, fraction));
    }

    private static double option(BankQuestion question, int index) {
        return index >= 0 && index < question.options().size() ? question.options().get(index).fraction() : 0;
    }

    private static double shortAnswer(BankQuestion question, String text) {
        if (text == null || text.isBlank()) {
            return 0;
        }
        String given = normalise(text);
        for (Option form : question.options()) {
            if (wildcard(normalise(form.text())).matcher(given).matches()) {
                return form.fraction();
            }
        }
        return 0;
    }

    private static Pattern wildcard(String form) {
        StringBuilder regex = new StringBuilder();
        for (String part : form.split("\\*", -1)) {
            if (regex.length() > 0) {
                regex.append(".*");
            }
            regex.append(Pattern.quote(part));
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }

    private static String normalise(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFC).strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    private static double numerical(BankQuestion question, String text) {
        Double value = number(text);
        if (value == null) {
            return 0;
        }
        for (Range range : question.ranges()) {
            double slack = Math.ulp(Math.max(Math.abs(range.min()), Math.abs(range.max()))) * 4;
            if (value >= range.min() - slack && value <= range.max() + slack) {
                return range.fraction();
            }
        }
        return 0;
    }

    /** A number as typed: a decimal point or, as written in Vietnamese, a decimal comma. */
    static Double number(String text) {
        if (text == null) {
            return null;
        }
        String plain = text.strip().replace(" ", "");
        if (plain.contains(",") && !plain.contains(".") && plain.indexOf(',') == plain.lastIndexOf(',')) {
            plain = plain.replace(',', '.');
        }
        if (!plain.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?")) {
            return null;
        }
        return Double.parseDouble(plain);
    }

    private static double matching(BankQuestion question, Response response) {
        var items = question.matchedPairs();
        var choices = question.choices();
        int right = 0;
        for (int item = 0; item < items.size(); item++) {
            Integer choice = response.pairs().get(item);
            Pair pair = items.get(item);
            if (choice != null && choice >= 0 && choice < choices.size() && choices.get(choice).equals(pair.right())) {
                right++;
            }
        }
        return (double) right / items.size();
    }
}
