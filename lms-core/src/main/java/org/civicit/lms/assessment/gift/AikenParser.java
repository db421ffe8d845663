package org.civicit.lms.assessment.gift;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.civicit.lms.assessment.BankQuestion;
import org.civicit.lms.platform.FileErrors;

/**
 * Reads the Aiken format: a question line, options {@code A.} or {@code A)} one per line,
 * then {@code ANSWER: B}. Each question becomes a single-choice GIFT question, so that a
 * bank is always kept and exported as GIFT.
 */
public final class AikenParser {

    private static final Pattern OPTION = Pattern.compile("^([A-Z])[.)]\\s+(.+)$");
    private static final Pattern ANSWER = Pattern.compile("^ANSWER:\\s*([A-Z])\\s*$", Pattern.CASE_INSENSITIVE);

    private AikenParser() {
    }

    /** The questions of an Aiken file in {@code category}, or every problem in it. */
    public static List<BankQuestion> parse(String text, String category) {
        BankErrors errors = new BankErrors();
        // The category line is a directive, read as written: escaping would put backslashes into the name.
        if (category.indexOf('\n') >= 0 || category.indexOf('\r') >= 0) {
            errors.add(GiftError.of(1, "aiken.categoryLine", FileErrors.echo(category)));
            throw errors.rejection();
        }
        StringBuilder gift = new StringBuilder("$CATEGORY: ").append(category).append("\n\n");
        String[] lines = text.replace("\uFEFF", "").replace("\r\n", "\n").split("\n", -1);
        StringBuilder question = null;
        List<String> options = new ArrayList<>();
        List<Character> letters = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() && question == null) {
                continue;
            }
            Matcher answer = ANSWER.matcher(line);
            Matcher option = OPTION.matcher(line);
            if (question == null) {
                question = new StringBuilder(line);
                start = i + 1;
            } else if (answer.matches()) {
                int right = letters.indexOf(Character.toUpperCase(answer.group(1).charAt(0)));
                if (options.size() < 2) {
                    errors.add(GiftError.of(start, "gift.tooFewOptions"));
                } else if (right < 0) {
                    errors.add(GiftError.of(i + 1, "aiken.answerLetter", answer.group(1)));
                } else {
                    appendQuestion(gift, question.toString(), options, right);
                }
                question = null;
                options.clear();
                letters.clear();
            } else if (option.matches()) {
                letters.add(option.group(1).charAt(0));
                options.add(option.group(2).strip());
            } else if (options.isEmpty() && !line.isEmpty()) {
                question.append('\n').append(line);
            } else {
                errors.add(GiftError.of(start, "aiken.noAnswerLine"));
                question = null;
                options.clear();
                letters.clear();
            }
        }
        if (question != null) {
            errors.add(GiftError.of(start, "aiken.noAnswerLine"));
        }
        if (errors.total() > 0) {
            throw errors.rejection();
        }
        List<BankQuestion> questions = GiftParser.parse(gift.toString());
        if (questions.isEmpty()) {
            throw new BankRejectedException(List.of(GiftError.of(1, "gift.empty")), 1);
        }
        return questions;
    }

    private static void appendQuestion(StringBuilder gift, String text, List<String> options, int right) {
        gift.append(GiftParser.escape(text)).append(" {\n");
        for (int i = 0; i < options.size(); i++) {
            gift.append(i == right ? '=' : '~').append(GiftParser.escape(options.get(i))).append('\n');
        }
        gift.append("}\n\n");
    }
}
