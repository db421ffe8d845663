package org.civicit.lms.assessment.gift;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.civicit.lms.assessment.BankQuestion;
import org.civicit.lms.assessment.BankQuestion.Media;
import org.civicit.lms.assessment.BankQuestion.Option;
import org.civicit.lms.assessment.BankQuestion.Pair;
import org.civicit.lms.assessment.BankQuestion.Range;
import org.civicit.lms.assessment.QuestionType;
import org.civicit.lms.platform.FileErrors;

/**
 * Reads Moodle's question XML ({@code <quiz><question type="...">}) into questions: the
 * types the application holds, categories, feedback, weights and the pictures of the question
 * text. HTML text becomes plain text with its line breaks. Any type the application does not
 * hold (calculated, cloze...) is refused by name, never skipped. No DTD or entity is read.
 * Every problem of the file is reported with its line and question; nothing is kept then.
 */
public final class MoodleXmlReader {

    static final String PLUGINFILE = "@@PLUGINFILE@@/";
    /** Well beyond Moodle's own nesting (quiz/question/answer/feedback/text). */
    private static final int MAX_DEPTH = 12;
    private static final int MAX_QUESTIONS = 5_000;
    private static final int MAX_PICTURE_BYTES = 2 * 1024 * 1024;

    private final BankErrors errors = new BankErrors();
    private final List<BankQuestion> questions = new ArrayList<>();
    private final Set<String> identities = new HashSet<>();
    private final Map<String, Integer> twins = new HashMap<>();
    private String category = GiftParser.DEFAULT_CATEGORY;

    /** An element as read: its attributes, its text and its children, and the line it starts on. */
    private record El(String name, Map<String, String> attributes, StringBuilder text, List<El> children, int line) {

        El child(String childName) {
            return children.stream().filter(c -> c.name.equals(childName)).findFirst().orElse(null);
        }

        List<El> all(String childName) {
            return children.stream().filter(c -> c.name.equals(childName)).toList();
        }

        /** The text of {@code <childName><text>}, or null when there is none. */
        String textOf(String childName) {
            El child = child(childName);
            El text = child == null ? null : child.child("text");
            return text == null ? null : text.text.toString();
        }

        /** The text of its own {@code <text>}, empty when it has none. */
        String ownText() {
            El text = child("text");
            return text == null ? "" : text.text.toString();
        }

        /** The text of a child holding only a value, such as {@code <defaultgrade>}. */
        String value(String childName) {
            El child = child(childName);
            return child == null ? "" : child.text.toString().strip();
        }
    }

    private MoodleXmlReader() {
    }

    /** Every question of a file, in the encoding its XML declaration names, or every problem in it. */
    public static List<BankQuestion> parse(byte[] xml) {
        return parse(factory -> factory.createXMLStreamReader(new ByteArrayInputStream(xml)));
    }

    /** Every question of a file already read as text, or every problem in it. */
    public static List<BankQuestion> parse(String xml) {
        return parse(factory -> factory.createXMLStreamReader(new StringReader(xml)));
    }

    private interface Source {
        XMLStreamReader open(XMLInputFactory factory) throws XMLStreamException;
    }

    private static List<BankQuestion> parse(Source source) {
        MoodleXmlReader reader = new MoodleXmlReader();
        El quiz = reader.tree(source);
        if (quiz != null) {
            if (!quiz.name.equals("quiz")) {
                reader.errors.add(GiftError.of(quiz.line, "mxml.notQuiz", FileErrors.echo(quiz.name)));
            } else {
                reader.readQuiz(quiz);
            }
        }
        if (reader.errors.total() > 0) {
            throw reader.errors.rejection();
        }
        if (reader.questions.isEmpty()) {
            throw new BankRejectedException(List.of(GiftError.of(1, "gift.empty")), 1);
        }
        return List.copyOf(reader.questions);
    }

    /** The whole document as elements, or null with the problem recorded. */
    private El tree(Source source) {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        int line = 1;
        try {
            XMLStreamReader in = source.open(factory);
            try {
                List<El> open = new ArrayList<>();
                El root = null;
                while (in.hasNext()) {
                    int event = in.next();
                    line = Math.max(1, in.getLocation().getLineNumber());
                    switch (event) {
                        case XMLStreamConstants.DTD, XMLStreamConstants.ENTITY_REFERENCE -> {
                            errors.add(GiftError.of(line, "mxml.doctype"));
                            return null;
                        }
                        case XMLStreamConstants.START_ELEMENT -> {
                            if (open.size() >= MAX_DEPTH) {
                                errors.add(GiftError.of(line, "mxml.tooDeep"));
                                return null;
                            }
                            Map<String, String> attributes = new LinkedHashMap<>();
                            for (int i = 0; i < in.getAttributeCount(); i++) {
                                attributes.put(in.getAttributeLocalName(i), in.getAttributeValue(i));
                            }
                            El element = new El(in.getLocalName(), attributes, new StringBuilder(), new ArrayList<>(),
                                    line);
                            if (open.isEmpty()) {
                                root = element;
                            } else {
                                open.get(open.size() - 1).children.add(element);
                            }
                            open.add(element);
                        }
                        case XMLStreamConstants.END_ELEMENT -> open.remove(open.size() - 1);
                        case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA,
                                XMLStreamConstants.SPACE -> {
                            if (!open.isEmpty()) {
                                // A zero-width no-break space (a byte order mark gone astray) is dropped, as GIFT drops it.
                                open.get(open.size() - 1).text.append(in.getText().replace("\uFEFF", ""));
                            }
                        }
                        default -> {
                            // comments and processing instructions say nothing about questions
                        }
                    }
                }
                if (root == null) {
                    errors.add(GiftError.of(1, "mxml.notXml", ""));
                }
                return root;
            } finally {
                in.close();
            }
        } catch (XMLStreamException | RuntimeException e) {
            int at = e instanceof XMLStreamException x && x.getLocation() != null
                    ? Math.max(1, x.getLocation().getLineNumber()) : line;
            String why = e.getMessage() == null ? "" : e.getMessage().replaceAll("(?s)^ParseError at \\[row,col]:\\[\\d+,\\d+]\\s*Message:\\s*", "");
            errors.add(GiftError.of(at, "mxml.notXml", FileErrors.echo(why)));
            return null;
        }
    }

    private void readQuiz(El quiz) {
        List<El> all = quiz.all("question");
        if (all.size() > MAX_QUESTIONS) {
            errors.add(GiftError.of(quiz.line, "mxml.tooManyQuestions", MAX_QUESTIONS));
            return;
        }
        for (El question : all) {
            String type = question.attributes.getOrDefault("type", "");
            if (type.equals("category")) {
                String path = question.textOf("category");
                String name = path == null ? "" : GiftParser.categoryName(path);
                if (name.isEmpty() || name.length() > GiftParser.CATEGORY_LENGTH) {
                    errors.add(GiftError.of(question.line, "gift.category", FileErrors.echo(path == null ? "" : path)));
                } else {
                    category = name;
                }
                continue;
            }
            int before = errors.total();
            BankQuestion read = question(question, type);
            if (read != null && errors.total() == before) {
                questions.add(identities.add(category + "\n" + GiftParser.identity(read)) ? read : numbered(read));
            }
        }
    }

    /**
     * A question named as an earlier one of its category: Moodle keeps both, so it stays a
     * question of its own, numbered as GIFT numbers its twins ("Q1 (2)"), the same each time.
     */
    private BankQuestion numbered(BankQuestion question) {
        String identity = GiftParser.identity(question);
        String key = question.category() + "\n" + identity;
        // Counted on from the last number given, so that a file of many twins reads in linear time.
        for (int n = twins.getOrDefault(key, 2); ; n++) {
            String suffix = " (" + n + ")";
            String title = identity.substring(0, Math.min(identity.length(), GiftParser.TITLE_LENGTH - suffix.length()))
                    + suffix;
            if (identities.add(question.category() + "\n" + title)) {
                twins.put(key, n + 1);
                return question.titled(title);
            }
        }
    }

    /** One question, or null with its problems recorded. */
    private BankQuestion question(El q, String type) {
        String title = plain(q.textOf("name"));
        String name = title.isEmpty() ? "" : title;
        if (title.length() > GiftParser.TITLE_LENGTH) {
            return fail(q, name, "gift.title");
        }
        QuestionType kind = switch (type) {
            case "multichoice" -> "false".equalsIgnoreCase(q.value("single")) ? QuestionType.MULTIPLE_CHOICE
                    : QuestionType.SINGLE_CHOICE;
            case "truefalse" -> QuestionType.TRUE_FALSE;
            case "shortanswer" -> QuestionType.SHORT_ANSWER;
            case "numerical" -> QuestionType.NUMERICAL;
            case "matching" -> QuestionType.MATCHING;
            case "essay" -> QuestionType.ESSAY;
            case "description" -> QuestionType.DESCRIPTION;
            default -> null;
        };
        if (kind == null) {
            return fail(q, name, "mxml.unknownType", FileErrors.echo(type));
        }
        El questionText = q.child("questiontext");
        List<Media> media = new ArrayList<>();
        String text = questionText == null ? "" : rich(questionText, q, name, media);
        if (text == null) {
            return null;
        }
        if (text.isEmpty()) {
            return fail(q, name, "gift.noText");
        }
        if (text.length() > GiftParser.TEXT_LENGTH) {
            return fail(q, name, "gift.textTooLong", GiftParser.TEXT_LENGTH);
        }
        String feedback = feedback(q.child("generalfeedback"), q, name);
        double points = 0;
        if (kind.answered()) {
            String grade = q.value("defaultgrade");
            points = grade.isEmpty() ? 1 : number(grade);
            if (!(points > 0 && points <= GiftParser.MAX_POINTS)) {
                return fail(q, name, "gift.points", FileErrors.echo(grade));
            }
        }
        List<El> answers = q.all(kind == QuestionType.MATCHING ? "subquestion" : "answer");
        if (answers.size() > GiftParser.MAX_OPTIONS) {
            return fail(q, name, "gift.tooManyOptions", GiftParser.MAX_OPTIONS);
        }
        List<Option> options = new ArrayList<>();
        List<Range> ranges = new ArrayList<>();
        List<Pair> pairs = new ArrayList<>();
        switch (kind) {
            case SINGLE_CHOICE, MULTIPLE_CHOICE, SHORT_ANSWER, TRUE_FALSE -> {
                for (El answer : answers) {
                    Option option = option(answer, kind, q, name);
                    if (option == null) {
                        return null;
                    }
                    options.add(option);
                }
                if (!checkOptions(kind, options, q, name)) {
                    return null;
                }
                if (kind == QuestionType.TRUE_FALSE) {
                    options = trueFalse(options);
                }
            }
            case NUMERICAL -> {
                for (El answer : answers) {
                    Range range = range(answer, q, name);
                    if (range == null) {
                        return null;
                    }
                    ranges.add(range);
                }
                if (ranges.stream().noneMatch(range -> range.fraction() > 0)) {
                    return fail(q, name, "gift.noRightAnswer");
                }
            }
            case MATCHING -> {
                for (El sub : answers) {
                    String left = rich(sub, q, name, null);
                    String right = plain(sub.textOf("answer"));
                    if (left == null) {
                        return null;
                    }
                    if (right.isEmpty()) {
                        return fail(sub, name, "gift.emptyAnswer");
                    }
                    pairs.add(new Pair(left, right));
                }
                if (pairs.stream().filter(pair -> !pair.left().isEmpty()).count() < 2) {
                    return fail(q, name, "gift.matchingTooFew");
                }
            }
            default -> {
                // an essay or a description has no answers
            }
        }
        return new BankQuestion(q.line, category, title.isEmpty() ? null : title, text, kind, points,
                List.copyOf(options), List.copyOf(ranges), List.copyOf(pairs), feedback, List.copyOf(media));
    }

    private Option option(El answer, QuestionType kind, El q, String name) {
        Double fraction = fraction(answer, q, name);
        if (fraction == null) {
            return null;
        }
        String text = kind == QuestionType.SINGLE_CHOICE || kind == QuestionType.MULTIPLE_CHOICE
                ? rich(answer, q, name, null) : plain(answer.ownText());
        if (text == null) {
            return null;
        }
        if (text.isEmpty()) {
            return fail(answer, name, "gift.emptyAnswer");
        }
        return new Option(text, fraction, feedback(answer.child("feedback"), q, name));
    }

    /** The checks GIFT makes of the same question, so that every bank reads the same whatever its format. */
    private boolean checkOptions(QuestionType kind, List<Option> options, El q, String name) {
        double positive = options.stream().mapToDouble(Option::fraction).filter(f -> f > 0).sum();
        if (kind == QuestionType.TRUE_FALSE) {
            boolean shape = options.size() == 2
                    && options.stream().map(o -> o.text().toLowerCase(Locale.ROOT)).sorted().toList()
                            .equals(List.of("false", "true"))
                    && options.stream().mapToDouble(Option::fraction).sorted().boxed().toList().equals(List.of(0.0, 1.0));
            return shape || fail(q, name, "mxml.trueFalse") != null;
        }
        if (kind != QuestionType.SHORT_ANSWER && options.size() < 2) {
            return fail(q, name, "gift.tooFewOptions") != null;
        }
        if (options.isEmpty() || positive == 0) {
            return fail(q, name, "gift.noRightAnswer") != null;
        }
        if (kind == QuestionType.SHORT_ANSWER && options.stream().anyMatch(o -> o.fraction() < 0)) {
            return fail(q, name, "mxml.shortAnswerWeight") != null;
        }
        if (kind == QuestionType.MULTIPLE_CHOICE && Math.abs(positive - 1) > 0.005) {
            return fail(q, name, "gift.weightsSum", new BigDecimal(Double.toString(positive)).movePointRight(2)
                    .stripTrailingZeros().toPlainString()) != null;
        }
        return true;
    }

    /** True first, as GIFT reads it, named in Vietnamese. */
    private static List<Option> trueFalse(List<Option> options) {
        Option truth = options.get(0).text().equalsIgnoreCase("true") ? options.get(0) : options.get(1);
        Option falsity = truth == options.get(0) ? options.get(1) : options.get(0);
        return List.of(new Option("Đúng", truth.fraction(), truth.feedback()),
                new Option("Sai", falsity.fraction(), falsity.feedback()));
    }

    /** A number with its tolerance, worked out exactly so that a range written as centre and tolerance reads back. */
    private Range range(El answer, El q, String name) {
        Double fraction = fraction(answer, q, name);
        if (fraction == null) {
            return null;
        }
        String value = plain(answer.ownText());
        String feedback = feedback(answer.child("feedback"), q, name);
        if (value.equals("*")) {
            return new Range(-Double.MAX_VALUE, Double.MAX_VALUE, fraction, feedback);
        }
        String written = answer.value("tolerance");
        double centre = number(value);
        double tolerance = written.isEmpty() ? 0 : Math.abs(number(written));
        double min = bound(centre, -tolerance);
        double max = bound(centre, tolerance);
        if (!Double.isFinite(min) || !Double.isFinite(max)) {
            return fail(answer, name, "gift.number", FileErrors.echo(value + (written.isEmpty() ? "" : ":" + written)));
        }
        return new Range(min, max, fraction, feedback);
    }

    static double bound(double centre, double offset) {
        if (!Double.isFinite(centre) || !Double.isFinite(offset)) {
            return Double.NaN;
        }
        return new BigDecimal(centre).add(new BigDecimal(offset)).doubleValue() + 0.0;
    }

    /** A weight as Moodle writes it, a percentage from -100 to 100. */
    private Double fraction(El answer, El q, String name) {
        String written = answer.attributes.getOrDefault("fraction", "0").strip();
        try {
            if (written.length() <= 20) {
                double fraction = GiftParser.percent(written);
                if (fraction >= -1 && fraction <= 1) {
                    return fraction;
                }
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        fail(answer, name, "gift.weight", FileErrors.echo(written));
        return null;
    }

    /** Feedback as plain text; none when empty. A picture in feedback is refused: only the question text shows them. */
    private String feedback(El feedback, El q, String name) {
        if (feedback == null) {
            return null;
        }
        String text = rich(feedback, q, name, null);
        return text == null || text.isEmpty() ? null : text;
    }

    /**
     * The {@code <text>} of an element with a {@code format} attribute, as plain text: HTML is
     * read as a browser shows it. The pictures it shows are added to {@code media}; where no
     * picture is allowed ({@code media} null) one is an error. Null with the problem recorded.
     */
    private String rich(El element, El q, String name, List<Media> media) {
        String source = element.ownText();
        if (source.length() > GiftParser.SOURCE_LENGTH * 5) {
            return fail(element, name, "gift.textTooLong", GiftParser.TEXT_LENGTH);
        }
        if (!"html".equalsIgnoreCase(element.attributes.getOrDefault("format", ""))) {
            return plain(source);
        }
        List<String> pictures = new ArrayList<>();
        String text = HtmlText.of(source, pictures);
        if (pictures.isEmpty()) {
            return text;
        }
        if (media == null) {
            return fail(element, name, "mxml.pictureOutsideText");
        }
        Map<String, El> files = new LinkedHashMap<>();
        for (El file : element.all("file")) {
            files.putIfAbsent(file.attributes.getOrDefault("name", ""), file);
        }
        for (String src : pictures) {
            if (!src.startsWith(PLUGINFILE)) {
                return fail(element, name, "mxml.pictureNotInFile", FileErrors.echo(src));
            }
            String file = URLDecoder.decode(src.substring(PLUGINFILE.length()).replace("+", "%2B"), StandardCharsets.UTF_8);
            El data = files.get(file);
            if (data == null) {
                return fail(element, name, "mxml.pictureNotInFile", FileErrors.echo(file));
            }
            String type = contentType(file);
            if (type == null) {
                return fail(data, name, "mxml.pictureType", FileErrors.echo(file));
            }
            byte[] bytes;
            try {
                bytes = Base64.getDecoder().decode(data.text.toString().replaceAll("\\s+", ""));
            } catch (IllegalArgumentException e) {
                return fail(data, name, "mxml.base64", FileErrors.echo(file));
            }
            if (bytes.length == 0 || bytes.length > MAX_PICTURE_BYTES) {
                return fail(data, name, "mxml.pictureSize", FileErrors.echo(file), MAX_PICTURE_BYTES / 1024 / 1024);
            }
            if (media.stream().noneMatch(m -> m.name().equals(file))) {
                media.add(Media.of(file, type, bytes));
            }
        }
        return text;
    }

    /** The picture types a question may show, by the file's extension. */
    static String contentType(String file) {
        String lower = file.toLowerCase(Locale.ROOT);
        String extension = lower.substring(lower.lastIndexOf('.') + 1);
        return lower.indexOf('.') < 0 ? null : switch (extension) {
            case "png" -> "image/png";
            case "jpg", "jpeg" -> "image/jpeg";
            case "gif" -> "image/gif";
            case "svg" -> "image/svg+xml";
            default -> null;
        };
    }

    private static String plain(String text) {
        return text == null ? "" : text.replace("\r\n", "\n").replace('\r', '\n').strip();
    }

    private static double number(String written) {
        try {
            return written.length() > 40 ? Double.NaN : Double.parseDouble(written.strip()) + 0.0;
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** A problem of one question, told with the question's name; the key is a gift.* or mxml.* message. */
    private <T> T fail(El at, String question, String key, Object... arguments) {
        Object[] named = new Object[arguments.length + 1];
        System.arraycopy(arguments, 0, named, 1, arguments.length);
        named[0] = FileErrors.echo(question);
        errors.add(GiftError.of(at.line, "mxml.q." + key.substring(key.indexOf('.') + 1), named));
        return null;
    }
}
