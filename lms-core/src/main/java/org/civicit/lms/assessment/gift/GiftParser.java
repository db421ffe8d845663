package org.civicit.lms.assessment.gift;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.civicit.lms.assessment.BankQuestion;
import org.civicit.lms.assessment.BankQuestion.Option;
import org.civicit.lms.assessment.BankQuestion.Pair;
import org.civicit.lms.assessment.BankQuestion.Range;
import org.civicit.lms.assessment.QuestionType;
import org.civicit.lms.platform.FileErrors;

/**
 * Reads Moodle's GIFT format. Questions are separated by blank lines; {@code //} starts a
 * comment line; {@code $CATEGORY:} names the category of the questions after it. Besides
 * Moodle's syntax, {@code $POINTS: n} makes the questions after it worth {@code n} points
 * until the next category. Every problem of the file is reported with the line where its
 * question starts, and a file with any problem yields nothing. What Moodle's importer
 * takes, this reader takes, and means the same by it.
 */
public final class GiftParser {

    public static final String DEFAULT_CATEGORY = "default";
    public static final int TEXT_LENGTH = 10_000;
    /** The longest GIFT text of one question, its answers included. */
    public static final int SOURCE_LENGTH = 20_000;
    public static final int CATEGORY_LENGTH = 100;
    public static final int TITLE_LENGTH = 200;
    static final double MAX_POINTS = 1000;

    private static final Pattern WEIGHT = Pattern.compile("^%(-?\\d+(?:\\.\\d+)?)%");
    private static final Pattern FORMAT = Pattern.compile("^\\[(?:html|moodle|plain|markdown)\\]", Pattern.CASE_INSENSITIVE);
    private static final Pattern TRUE_FALSE = Pattern.compile("T|TRUE|F|FALSE");
    // DOTALL: a line may hold separators such as U+2028 that a plain dot does not match.
    private static final Pattern DIRECTIVE = Pattern.compile("^\\$[A-Za-z]+:.*", Pattern.DOTALL);
    static final int MAX_OPTIONS = 50;
    /** What a backslash escapes; before anything else it is a plain backslash. */
    private static final String ESCAPED = "~=#{}:\\";
    private static final String[] CATEGORY_PREFIXES = {"$course$/", "$system$/", "$module$/", "$cat1$/", "$cat2$/", "$cat3$/", "top/"};

    private final BankErrors errors = new BankErrors();
    private final List<BankQuestion> questions = new ArrayList<>();
    private boolean namedCategory;
    private final Map<String, Integer> twins = new HashMap<>();

    private GiftParser() {
    }

    /** Every question of a file, or every problem in it. */
    public static List<BankQuestion> parse(String text) {
        GiftParser parser = new GiftParser();
        parser.readFile(text);
        if (parser.errors.total() > 0) {
            throw parser.errors.rejection();
        }
        // A file that only names a category is one Moodle takes, with nothing to add.
        if (parser.questions.isEmpty() && !parser.namedCategory) {
            throw new BankRejectedException(List.of(GiftError.of(1, "gift.empty")), 1);
        }
        return List.copyOf(parser.questions);
    }

    private void readFile(String text) {
        String[] lines = text.replace("\uFEFF", "").replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        String category = DEFAULT_CATEGORY;
        double points = 1;
        Set<String> titles = new HashSet<>();
        StringBuilder chunk = null;
        int start = 0;
        for (int i = 0; i <= lines.length; i++) {
            String line = i < lines.length ? lines[i] : "";
            String trimmed = line.strip();
            if (trimmed.startsWith("//")) {
                continue;
            }
            if (trimmed.isEmpty()) {
                if (chunk != null) {
                    BankQuestion question = readQuestion(chunk.toString(), start, category, points);
                    if (question != null) {
                        questions.add(titles.add(category + "\n" + identity(question))
                                ? question : numbered(question, titles));
                    }
                    chunk = null;
                }
                continue;
            }
            if (chunk == null && DIRECTIVE.matcher(trimmed).matches()) {
                if (startsWithIgnoreCase(trimmed, "$CATEGORY:")) {
                    category = category(trimmed.substring("$CATEGORY:".length()).strip(), i + 1);
                    namedCategory = true;
                    points = 1;
                } else if (startsWithIgnoreCase(trimmed, "$POINTS:")) {
                    points = points(trimmed.substring("$POINTS:".length()).strip(), i + 1, points);
                } else {
                    errors.add(GiftError.of(i + 1, "gift.unknownDirective", FileErrors.echo(trimmed)));
                }
                continue;
            }
            if (chunk == null) {
                chunk = new StringBuilder(line);
                start = i + 1;
            } else {
                chunk.append('\n').append(line);
            }
        }
    }

    /**
     * A question whose title, or text, an earlier question of the file in its category
     * already has: Moodle keeps both, so it stays a question of its own, named with the
     * first free number after it ("Q1 (2)"), the same each time the file is read.
     */
    private BankQuestion numbered(BankQuestion question, Set<String> titles) {
        String identity = identity(question);
        String key = question.category() + "\n" + identity;
        // Counted on from the last number given, so that a file of many twins reads in linear time.
        for (int n = twins.getOrDefault(key, 2); ; n++) {
            String suffix = " (" + n + ")";
            String title = identity.substring(0, Math.min(identity.length(), TITLE_LENGTH - suffix.length())) + suffix;
            if (titles.add(question.category() + "\n" + title)) {
                twins.put(key, n + 1);
                return question.titled(title);
            }
        }
    }

    /**
     * What names a question across versions of its bank: its title, or for an untitled
     * question its text (as Moodle, GIFT does not require titles).
     */
    public static String identity(BankQuestion question) {
        String identity = question.title() != null ? question.title() : question.text().replaceAll("\\s+", " ");
        return identity.length() > TITLE_LENGTH ? identity.substring(0, TITLE_LENGTH) : identity;
    }

    private String category(String value, int line) {
        String name = categoryName(value);
        if (name.isEmpty() || name.length() > CATEGORY_LENGTH) {
            errors.add(GiftError.of(line, "gift.category", FileErrors.echo(value)));
            return DEFAULT_CATEGORY;
        }
        return name;
    }

    /** A category path as Moodle writes it, without its "$course$/top/" prefixes; possibly empty. */
    static String categoryName(String value) {
        // Skipped by position, not by cutting the string each time: a line of a million prefixes would take minutes.
        int start = 0;
        boolean stripped = true;
        while (stripped) {
            stripped = false;
            for (String prefix : CATEGORY_PREFIXES) {
                if (value.regionMatches(true, start, prefix, 0, prefix.length())) {
                    start += prefix.length();
                    stripped = true;
                }
            }
        }
        return value.substring(start).strip();
    }

    private double points(String value, int line, double current) {
        try {
            double points = Double.parseDouble(value);
            if (points > 0 && points <= MAX_POINTS) {
                return points;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add(GiftError.of(line, "gift.points", FileErrors.echo(value)));
        return current;
    }

    /** One question, or {@code null} with its problems recorded. */
    private BankQuestion readQuestion(String source, int line, String category, double points) {
        int before = errors.total();
        String rest = source.strip();
        String title = null;
        if (rest.startsWith("::")) {
            int end = indexOfUnescaped(rest, "::", 2);
            if (end < 0) {
                return fail(line, "gift.titleNotClosed");
            }
            title = unescape(rest.substring(2, end)).strip();
            if (title.isEmpty() || title.length() > TITLE_LENGTH) {
                return fail(line, "gift.title");
            }
            rest = rest.substring(end + 2).strip();
        }
        Matcher format = FORMAT.matcher(rest);
        if (format.find()) {
            rest = rest.substring(format.end()).strip();
        }
        int open = indexOfUnescaped(rest, "{", 0);
        if (open < 0) {
            return description(rest, line, category, title, source);
        }
        int close = indexOfUnescaped(rest, "}", open + 1);
        if (close < 0) {
            return fail(line, "gift.blockNotClosed");
        }
        int nested = indexOfUnescaped(rest, "{", open + 1);
        if (nested >= 0 && nested < close) {
            return fail(line, "gift.blockNotClosed");
        }
        String after = rest.substring(close + 1).strip();
        if (indexOfUnescaped(after, "{", 0) >= 0 || indexOfUnescaped(after, "}", 0) >= 0) {
            return fail(line, "gift.twoBlocks");
        }
        String text = unescape(rest.substring(0, open)).strip();
        if (!after.isEmpty()) {
            // An answer block at the very start leaves no text before the blank.
            text = (text + " _____ " + unescape(after)).strip();
        }
        if (text.isEmpty()) {
            return fail(line, "gift.noText");
        }
        if (text.length() > TEXT_LENGTH || source.strip().length() > SOURCE_LENGTH) {
            return fail(line, "gift.textTooLong", TEXT_LENGTH);
        }
        BankQuestion question = readBlock(rest.substring(open + 1, close), line, category, title, text, points);
        return errors.total() == before ? question : null;
    }

    /** Text with no answer block: Moodle keeps it as a description shown in the paper, worth nothing. */
    private BankQuestion description(String rest, int line, String category, String title, String source) {
        if (indexOfUnescaped(rest, "}", 0) >= 0) {
            return fail(line, "gift.blockNotOpened");
        }
        String text = unescape(rest).strip();
        if (text.isEmpty()) {
            return fail(line, "gift.noText");
        }
        if (text.length() > TEXT_LENGTH || source.strip().length() > SOURCE_LENGTH) {
            return fail(line, "gift.textTooLong", TEXT_LENGTH);
        }
        return new BankQuestion(line, category, title, text, QuestionType.DESCRIPTION, 0, List.of(), List.of(),
                List.of(), null, List.of());
    }

    private BankQuestion readBlock(String block, int line, String category, String title, String text,
            double points) {
        String body = block.strip();
        String feedback = null;
        int general = indexOfUnescaped(body, "####", 0);
        if (general >= 0) {
            feedback = feedbackText(body.substring(general + 4));
            body = body.substring(0, general).strip();
        }
        if (body.isEmpty()) {
            return new BankQuestion(line, category, title, text, QuestionType.ESSAY, points, List.of(), List.of(),
                    List.of(), feedback, List.of());
        }
        int hash = indexOfUnescaped(body, "#", 0);
        String head = hash < 0 ? body : body.substring(0, hash).strip();
        if (hash != 0 && TRUE_FALSE.matcher(head).matches()) {
            return trueFalse(body, hash, line, category, title, text, points, feedback);
        }
        if (body.startsWith("#")) {
            List<Range> ranges = numerical(body.substring(1).strip(), line);
            return ranges == null ? null : new BankQuestion(line, category, title, text, QuestionType.NUMERICAL,
                    points, List.of(), ranges, List.of(), feedback, List.of());
        }
        if (body.charAt(0) != '=' && body.charAt(0) != '~') {
            // As Moodle reads it, text before the first '=' or '~' is an answer too: a wrong choice
            // when the block has choices, else a right form of a short answer ("{One}").
            body = (indexOfUnescaped(body, "~", 0) >= 0 ? "~" : "=") + body;
        }
        List<String> answers = splitAnswers(body);
        if (answers.size() > MAX_OPTIONS) {
            return fail(line, "gift.tooManyOptions", MAX_OPTIONS);
        }
        boolean allRight = answers.stream().allMatch(answer -> answer.charAt(0) == '=');
        if (allRight && answers.stream().anyMatch(answer -> indexOfUnescaped(answer, "->", 0) >= 0)) {
            List<Pair> pairs = matching(answers, line);
            return pairs == null ? null : new BankQuestion(line, category, title, text, QuestionType.MATCHING,
                    points, List.of(), List.of(), pairs, feedback, List.of());
        }
        List<Option> options = new ArrayList<>();
        for (String answer : answers) {
            Option option = option(answer, line);
            if (option == null) {
                return null;
            }
            options.add(option);
        }
        if (allRight) {
            return new BankQuestion(line, category, title, text, QuestionType.SHORT_ANSWER, points, options,
                    List.of(), List.of(), feedback, List.of());
        }
        return choice(answers, options, line, category, title, text, points, feedback);
    }

    private BankQuestion trueFalse(String body, int hash, int line, String category, String title, String text,
            double points, String generalFeedback) {
        boolean truth = Character.toUpperCase(body.charAt(0)) == 'T';
        String wrongFeedback = null;
        String rightFeedback = null;
        if (hash > 0) {
            String[] parts = splitUnescaped(body.substring(hash + 1), '#');
            if (parts.length > 2) {
                return fail(line, "gift.trueFalseFeedback");
            }
            wrongFeedback = feedbackText(parts[0]);
            rightFeedback = parts.length > 1 ? feedbackText(parts[1]) : null;
        }
        List<Option> options = List.of(
                new Option("Đúng", truth ? 1 : 0, truth ? rightFeedback : wrongFeedback),
                new Option("Sai", truth ? 0 : 1, truth ? wrongFeedback : rightFeedback));
        return new BankQuestion(line, category, title, text, QuestionType.TRUE_FALSE, points, options, List.of(),
                List.of(), generalFeedback, List.of());
    }

    private BankQuestion choice(List<String> answers, List<Option> options, int line, String category, String title,
            String text, double points, String feedback) {
        long marked = answers.stream().filter(answer -> answer.charAt(0) == '=').count();
        if (options.size() < 2) {
            return fail(line, "gift.tooFewOptions");
        }
        if (marked >= 1) {
            return new BankQuestion(line, category, title, text, QuestionType.SINGLE_CHOICE, points, options,
                    List.of(), List.of(), feedback, List.of());
        }
        double positive = options.stream().mapToDouble(Option::fraction).filter(f -> f > 0).sum();
        if (positive == 0) {
            return fail(line, "gift.noRightAnswer");
        }
        if (Math.abs(positive - 1) > 0.005) {
            return fail(line, "gift.weightsSum", formatPercent(positive));
        }
        return new BankQuestion(line, category, title, text, QuestionType.MULTIPLE_CHOICE, points, options,
                List.of(), List.of(), feedback, List.of());
    }

    /** An answer after its {@code =} or {@code ~}: an optional weight, the text, an optional feedback. */
    private Option option(String answer, int line) {
        boolean right = answer.charAt(0) == '=';
        String rest = answer.substring(1).strip();
        double fraction = right ? 1 : 0;
        Matcher weight = WEIGHT.matcher(rest);
        if (weight.find()) {
            fraction = percent(weight.group(1));
            if (fraction < -1 || fraction > 1) {
                errors.add(GiftError.of(line, "gift.weightRange", FileErrors.echo(weight.group(1))));
                return null;
            }
            rest = rest.substring(weight.end()).strip();
        } else if (rest.startsWith("%")) {
            errors.add(GiftError.of(line, "gift.weight", firstWords(rest)));
            return null;
        }
        int hash = indexOfUnescaped(rest, "#", 0);
        String text = unescape(hash < 0 ? rest : rest.substring(0, hash)).strip();
        String feedback = hash < 0 ? null : feedbackText(rest.substring(hash + 1));
        if (text.isEmpty()) {
            errors.add(GiftError.of(line, "gift.emptyAnswer"));
            return null;
        }
        return new Option(text, fraction, feedback);
    }

    private List<Pair> matching(List<String> answers, int line) {
        List<Pair> pairs = new ArrayList<>();
        for (String answer : answers) {
            String rest = answer.substring(1);
            int arrow = indexOfUnescaped(rest, "->", 0);
            if (arrow < 0) {
                fail(line, "gift.matchingArrow", firstWords(unescape(rest).strip()));
                return null;
            }
            String left = unescape(rest.substring(0, arrow)).strip();
            String right = unescape(rest.substring(arrow + 2)).strip();
            if (right.isEmpty()) {
                fail(line, "gift.emptyAnswer");
                return null;
            }
            pairs.add(new Pair(left, right));
        }
        if (pairs.stream().filter(pair -> !pair.left().isEmpty()).count() < 2) {
            fail(line, "gift.matchingTooFew");
            return null;
        }
        return pairs;
    }

    private List<Range> numerical(String body, int line) {
        List<String> answers = body.startsWith("=") || body.startsWith("~") ? splitAnswers(body) : List.of("=" + body);
        List<Range> ranges = new ArrayList<>();
        for (String answer : answers) {
            String rest = answer.substring(1).strip();
            double fraction = answer.charAt(0) == '=' ? 1 : 0;
            Matcher weight = WEIGHT.matcher(rest);
            if (weight.find()) {
                fraction = percent(weight.group(1));
                rest = rest.substring(weight.end()).strip();
            }
            int hash = indexOfUnescaped(rest, "#", 0);
            String value = unescape(hash < 0 ? rest : rest.substring(0, hash)).strip();
            String feedback = hash < 0 ? null : feedbackText(rest.substring(hash + 1));
            // A wrong answer with no number, as Moodle reads it: any other number, with its feedback.
            Range range = value.isEmpty() && answer.charAt(0) == '~' && fraction == 0
                    ? new Range(-Double.MAX_VALUE, Double.MAX_VALUE, 0, feedback)
                    : range(value, fraction, feedback);
            if (range == null || fraction < -1 || fraction > 1) {
                fail(line, "gift.number", FileErrors.echo(value));
                return null;
            }
            ranges.add(range);
        }
        if (ranges.stream().noneMatch(range -> range.fraction() > 0)) {
            fail(line, "gift.noRightAnswer");
            return null;
        }
        return ranges;
    }

    private static Range range(String value, double fraction, String feedback) {
        try {
            int dots = value.indexOf("..");
            if (dots >= 0) {
                double min = number(value.substring(0, dots));
                double max = number(value.substring(dots + 2));
                return min <= max && Double.isFinite(min) && Double.isFinite(max)
                        ? new Range(min, max, fraction, feedback) : null;
            }
            int colon = value.indexOf(':');
            if (colon >= 0) {
                double centre = number(value.substring(0, colon));
                double tolerance = Math.abs(number(value.substring(colon + 1)));
                double min = centre - tolerance;
                double max = centre + tolerance;
                return Double.isFinite(min) && Double.isFinite(max) ? new Range(min, max, fraction, feedback) : null;
            }
            double exact = number(value);
            return Double.isFinite(exact) ? new Range(exact, exact, fraction, feedback) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A weight written as a percentage, shifted as a decimal so that writing it again gives the same text. */
    static double percent(String written) {
        return new java.math.BigDecimal(written).movePointLeft(2).doubleValue() + 0.0;
    }

    /** A number as written; -0 is 0, which is what it means here. */
    private static double number(String written) {
        return Double.parseDouble(written.strip()) + 0.0;
    }

    /** Feedback as written; an empty one is none. */
    private static String feedbackText(String written) {
        String text = unescape(written).strip();
        return text.isEmpty() ? null : text;
    }

    private BankQuestion fail(int line, String key, Object... arguments) {
        errors.add(GiftError.of(line, key, arguments));
        return null;
    }

    /** The answers of a block, each still starting with its {@code =} or {@code ~}. */
    private static List<String> splitAnswers(String body) {
        List<String> answers = new ArrayList<>();
        int start = 0;
        for (int i = 1; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '=' || c == '~') {
                answers.add(body.substring(start, i).strip());
                start = i;
            }
        }
        answers.add(body.substring(start).strip());
        return answers;
    }

    private static String[] splitUnescaped(String text, char separator) {
        List<String> parts = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == separator) {
                parts.add(text.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(text.substring(start));
        return parts.toArray(String[]::new);
    }

    static int indexOfUnescaped(String text, String token, int from) {
        for (int i = from; i < text.length(); i++) {
            if (text.charAt(i) == '\\') {
                i++;
            } else if (text.startsWith(token, i)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Resolves GIFT's escapes: a backslash before a control character or another backslash,
     * and {@code \n} for a line break. Any other backslash is itself, as Moodle reads it.
     */
    static String unescape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char next = i + 1 < text.length() ? text.charAt(i + 1) : 0;
            if (c == '\\' && (next == 'n' || ESCAPED.indexOf(next) >= 0)) {
                out.append(next == 'n' ? '\n' : next);
                i++;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Whether text begins with a format marker such as {@code [html]}, which the reader takes off once. */
    static boolean startsWithFormat(String text) {
        return FORMAT.matcher(text).find();
    }

    /** Writes text so that GIFT reads it back unchanged. */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            if (ESCAPED.indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c == '\n' ? "\\n" : String.valueOf(c));
        }
        return out.toString();
    }

    private static String firstWords(String text) {
        return FileErrors.echo(text.strip().lines().findFirst().orElse(""));
    }

    private static String formatPercent(double fraction) {
        return String.format(Locale.ROOT, "%.2f", fraction * 100).replaceAll("\\.?0+$", "");
    }

    private static boolean startsWithIgnoreCase(String text, String prefix) {
        return text.regionMatches(true, 0, prefix, 0, prefix.length());
    }
}
