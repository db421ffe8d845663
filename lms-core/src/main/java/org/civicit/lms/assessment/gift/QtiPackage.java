package org.civicit.lms.assessment.gift;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.civicit.lms.assessment.BankQuestion;
import org.civicit.lms.assessment.BankQuestion.Media;
import org.civicit.lms.assessment.BankQuestion.Option;
import org.civicit.lms.assessment.BankQuestion.Pair;
import org.civicit.lms.assessment.BankQuestion.Range;
import org.civicit.lms.assessment.QuestionType;
import org.civicit.lms.platform.FileErrors;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * IMS QTI 2.1 content packages: a zip with {@code imsmanifest.xml} listing one
 * {@code imsqti_item_xmlv2p1} resource per question, its pictures beside it. A question's
 * category is the first LOM keyword in its resource's metadata; an item without one falls in
 * the category the import names. Choice, short-answer and matching items are scored by the
 * standard {@code map_response} template so that other tools score them too; a numerical item
 * carries its ranges, and the feedback of each, as plain response conditions, which no template
 * can. A true/false question is a choice between {@code TRUE} and {@code FALSE}, and only a choice
 * with those two identifiers is read back as one. An untitled question is titled by its text, as
 * GIFT names it, and read back untitled. Feedback goes under the {@code FEEDBACK} outcome:
 * the general one as modal feedback {@code GENERAL}, a choice's inline in the choice.
 *
 * <p>A package is read whole or not at all, and only within {@link #MAX_ENTRIES} files and
 * {@link #MAX_BYTES} unpacked; XML with a DOCTYPE is refused, so no entity is ever resolved.
 */
public final class QtiPackage {

    public static final int MAX_ENTRIES = 2000;
    public static final long MAX_BYTES = 20L * 1024 * 1024;
    public static final String DEFAULT_CATEGORY = "default";
    static final int MAX_DEPTH = 100;

    private static final String QTI = "http://www.imsglobal.org/xsd/imsqti_v2p1";
    private static final String CP = "http://www.imsglobal.org/xsd/imscp_v1p1";
    private static final String LOM = "http://ltsc.ieee.org/xsd/LOM";
    private static final String ITEM_TYPE = "imsqti_item_xmlv2p1";
    private static final String MAP_RESPONSE = "http://www.imsglobal.org/question/qti_v2p1/rptemplates/map_response";
    private static final String MATCH_CORRECT = "http://www.imsglobal.org/question/qti_v2p1/rptemplates/match_correct";
    private static final Map<String, String> PICTURE_TYPES = Map.of("png", "image/png", "jpg", "image/jpeg",
            "jpeg", "image/jpeg", "gif", "image/gif", "svg", "image/svg+xml");
    private static final Set<String> READABLE = Set.of("choiceInteraction", "textEntryInteraction",
            "extendedTextInteraction", "matchInteraction");

    private QtiPackage() {
    }

    // ---------------------------------------------------------------- reading

    /** The questions of a QTI package, in the manifest's order, or every problem in it. */
    public static List<BankQuestion> read(byte[] zip, String category) {
        String fallback = category == null || category.isBlank() ? DEFAULT_CATEGORY : category.strip();
        Map<String, byte[]> files = unzip(zip);
        byte[] manifestBytes = files.get("imsmanifest.xml");
        if (manifestBytes == null) {
            throw reject("qti.noManifest");
        }
        Document manifest = parse(manifestBytes, "imsmanifest.xml");
        BankErrors errors = new BankErrors();
        List<BankQuestion> questions = new ArrayList<>();
        Set<String> titles = new HashSet<>();
        int number = 0;
        for (Element resource : descendants(manifest.getDocumentElement(), "resource")) {
            if (!ITEM_TYPE.equals(resource.getAttribute("type"))) {
                continue;
            }
            number++;
            String href = resource.getAttribute("href");
            byte[] item = files.get(href);
            if (item == null) {
                errors.add(GiftError.of(number, "qti.missingFile", FileErrors.echo(href)));
                continue;
            }
            String keyword = descendants(resource, "keyword").stream()
                    .flatMap(word -> descendants(word, "string").stream()).map(s -> s.getTextContent().strip())
                    .filter(s -> !s.isEmpty()).findFirst().orElse(fallback);
            try {
                ItemReader reader = new ItemReader(number, href, keyword, files);
                BankQuestion question = reader.checked(reader.read(parse(item, href)));
                // An untitled question goes out titled by its text, as GIFT names it, and comes back untitled.
                BankQuestion untitled = question.titled(null);
                if (question.title() == null || question.title().equals(GiftParser.identity(untitled))) {
                    question = untitled;
                }
                questions.add(titles.add(question.category() + "\n" + GiftParser.identity(question))
                        ? question : numbered(question, titles));
            } catch (BankRejectedException rejected) {
                rejected.errors().forEach(errors::add);
            }
        }
        if (errors.total() > 0) {
            throw errors.rejection();
        }
        if (questions.isEmpty()) {
            throw reject("qti.noItems");
        }
        return questions;
    }

    /** A question whose title an earlier one in its category has, numbered as GIFT numbers its twins. */
    private static BankQuestion numbered(BankQuestion question, Set<String> titles) {
        String identity = GiftParser.identity(question);
        for (int n = 2; ; n++) {
            String suffix = " (" + n + ")";
            String title = identity.substring(0, Math.min(identity.length(), GiftParser.TITLE_LENGTH - suffix.length()))
                    + suffix;
            if (titles.add(question.category() + "\n" + title)) {
                return question.titled(title);
            }
        }
    }

    /** Every file of the zip by its path, refusing what could escape a folder or fill the memory. */
    private static Map<String, byte[]> unzip(byte[] zip) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        long total = 0;
        int entries = 0;
        byte[] buffer = new byte[8192];
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (++entries > MAX_ENTRIES) {
                    throw reject("qti.tooManyFiles", MAX_ENTRIES);
                }
                String name = entry.getName();
                if (name.startsWith("/") || name.contains("\\") || name.contains(":")
                        || List.of(name.split("/")).contains("..")) {
                    throw reject("qti.badPath", FileErrors.echo(name));
                }
                if (entry.isDirectory()) {
                    continue;
                }
                ByteArrayOutputStream content = new ByteArrayOutputStream();
                for (int read = in.read(buffer); read > 0; read = in.read(buffer)) {
                    total += read;
                    if (total > MAX_BYTES) {
                        throw reject("qti.tooLarge", MAX_BYTES / (1024 * 1024));
                    }
                    content.write(buffer, 0, read);
                }
                if (files.put(name, content.toByteArray()) != null) {
                    throw reject("qti.duplicateFile", FileErrors.echo(name));
                }
            }
        } catch (IOException | IllegalArgumentException notZip) {
            throw reject("qti.notZip");
        }
        if (entries == 0) {
            throw reject("qti.notZip");
        }
        return files;
    }

    private static Document parse(byte[] xml, String file) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setExpandEntityReferences(false);
            factory.setXIncludeAware(false);
            // The tree is walked recursively: a document nested deeper than any item is refused before that.
            factory.setAttribute("jdk.xml.maxElementDepth", MAX_DEPTH);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new ErrorHandler() {
                @Override
                public void warning(SAXParseException exception) {
                    // Warnings leave the document readable.
                }

                @Override
                public void error(SAXParseException exception) throws SAXException {
                    throw exception;
                }

                @Override
                public void fatalError(SAXParseException exception) throws SAXException {
                    throw exception;
                }
            });
            Document document = builder.parse(new ByteArrayInputStream(xml));
            dropZeroWidthSpaces(document.getDocumentElement());
            return document;
        } catch (SAXParseException bad) {
            // Told by the bytes too: the parser's message is in the server's language.
            if (String.valueOf(bad.getMessage()).contains("DOCTYPE")
                    || new String(xml, StandardCharsets.ISO_8859_1).contains("<!DOCTYPE")) {
                throw reject("qti.doctype", FileErrors.echo(file));
            }
            throw reject("qti.badXml", FileErrors.echo(file), bad.getLineNumber(),
                    FileErrors.echo(String.valueOf(bad.getMessage())));
        } catch (SAXException | IOException bad) {
            throw reject("qti.badXml", FileErrors.echo(file), 0, FileErrors.echo(String.valueOf(bad.getMessage())));
        } catch (ParserConfigurationException broken) {
            throw new IllegalStateException("The XML parser cannot be made safe", broken);
        }
    }

    /** One item file read into a question. */
    private static final class ItemReader {

        private final int number;
        private final String href;
        private final String category;
        private final Map<String, byte[]> files;

        ItemReader(int number, String href, String category, Map<String, byte[]> files) {
            this.number = number;
            this.href = href;
            this.category = category;
            this.files = files;
        }

        BankQuestion read(Document document) {
            Element item = document.getDocumentElement();
            if (!"assessmentItem".equals(item.getLocalName())) {
                throw fail("qti.notItem");
            }
            String title = item.getAttribute("title").strip();
            if (title.isEmpty()) {
                title = item.getAttribute("identifier").strip();
            }
            Element body = child(item, "itemBody");
            if (body == null) {
                throw fail("qti.noBody");
            }
            List<Element> interactions = new ArrayList<>();
            for (Element element : descendants(body, null)) {
                if (element.getLocalName().endsWith("Interaction")) {
                    interactions.add(element);
                }
            }
            Map<String, String> modal = new LinkedHashMap<>();
            children(item, "modalFeedback")
                    .forEach(f -> modal.putIfAbsent(f.getAttribute("identifier"), f.getTextContent().strip()));
            // Written under GENERAL; another tool's first feedback stands for it, unless a range shows it.
            Set<String> ofRanges = new HashSet<>();
            descendants(item, "setOutcomeValue").stream().filter(set -> set.getAttribute("identifier").equals("FEEDBACK"))
                    .forEach(set -> ofRanges.add(set.getTextContent().strip()));
            String feedback = modal.containsKey("GENERAL") ? modal.get("GENERAL")
                    : modal.entrySet().stream().filter(e -> !ofRanges.contains(e.getKey())).map(Map.Entry::getValue)
                            .findFirst().orElse(null);
            List<Media> media = media(body);
            String text = text(body);
            for (Element prompt : descendants(body, "prompt")) {
                String line = prompt.getTextContent().strip();
                text = text.isEmpty() || line.isEmpty() ? text + line : text + "\n" + line;
            }
            if (interactions.isEmpty()) {
                return new BankQuestion(number, category, title, text, QuestionType.DESCRIPTION, 0, List.of(),
                        List.of(), List.of(), feedback, media);
            }
            if (interactions.size() > 1) {
                throw fail("qti.manyInteractions");
            }
            Element interaction = interactions.get(0);
            String kind = interaction.getLocalName();
            if (!READABLE.contains(kind)) {
                throw fail("qti.unknownInteraction", FileErrors.echo(kind));
            }
            Element declaration = declaration(item, interaction.getAttribute("responseIdentifier"));
            double points = points(item, declaration);
            return switch (kind) {
                case "choiceInteraction" -> choice(interaction, declaration, title, text, points, feedback, media);
                case "textEntryInteraction" -> textEntry(item, declaration, title, text, points, feedback, media, modal);
                case "matchInteraction" -> matching(interaction, declaration, title, text, points, feedback, media);
                default -> new BankQuestion(number, category, title, text, QuestionType.ESSAY, points, List.of(),
                        List.of(), List.of(), feedback, media);
            };
        }

        /** The limits every bank format keeps, so that what is read fits where it is stored. */
        BankQuestion checked(BankQuestion question) {
            if (question.category().isEmpty() || question.category().length() > GiftParser.CATEGORY_LENGTH) {
                throw fail("qti.category", FileErrors.echo(question.category()));
            }
            if (question.title() != null && question.title().length() > GiftParser.TITLE_LENGTH) {
                throw fail("qti.title", GiftParser.TITLE_LENGTH);
            }
            if (question.text().isEmpty()) {
                throw fail("qti.noText");
            }
            if (question.text().length() > GiftParser.TEXT_LENGTH) {
                throw fail("qti.textTooLong", GiftParser.TEXT_LENGTH);
            }
            if (question.options().size() > GiftParser.MAX_OPTIONS || question.pairs().size() > GiftParser.MAX_OPTIONS
                    || question.ranges().size() > GiftParser.MAX_OPTIONS) {
                throw fail("qti.tooManyAnswers", GiftParser.MAX_OPTIONS);
            }
            if (question.options().stream().anyMatch(option -> option.text().isEmpty())
                    || question.pairs().stream().anyMatch(pair -> pair.right().isEmpty())) {
                throw fail("qti.emptyAnswer");
            }
            if (question.ranges().stream().anyMatch(range -> range.min() > range.max())) {
                throw fail("qti.badRange");
            }
            if (question.type() == QuestionType.MULTIPLE_CHOICE) {
                double positive = question.options().stream().mapToDouble(Option::fraction).filter(f -> f > 0).sum();
                if (Math.abs(positive - 1) > 0.005) {
                    throw fail("qti.weightsSum", Math.round(positive * 100));
                }
            }
            return question;
        }

        private BankQuestion choice(Element interaction, Element declaration, String title, String text,
                double points, String feedback, List<Media> media) {
            List<Element> choices = children(interaction, "simpleChoice");
            if (choices.size() < 2) {
                throw fail("qti.tooFewChoices");
            }
            Set<String> correct = new HashSet<>(values(child(declaration, "correctResponse")));
            Map<String, Double> weights = mapping(declaration, points);
            int maxChoices = integer(interaction.getAttribute("maxChoices"), 1);
            QuestionType type = maxChoices == 1 ? QuestionType.SINGLE_CHOICE : QuestionType.MULTIPLE_CHOICE;
            if (type == QuestionType.SINGLE_CHOICE && choices.size() == 2
                    && choices.get(0).getAttribute("identifier").equals("TRUE")
                    && choices.get(1).getAttribute("identifier").equals("FALSE")) {
                type = QuestionType.TRUE_FALSE;
            }
            List<Option> options = new ArrayList<>();
            for (Element choice : choices) {
                String id = choice.getAttribute("identifier");
                double fraction;
                if (weights != null) {
                    fraction = weights.getOrDefault(id, 0.0);
                } else if (correct.contains(id)) {
                    fraction = type == QuestionType.MULTIPLE_CHOICE ? 1.0 / correct.size() : 1;
                } else {
                    fraction = 0;
                }
                Element inline = child(choice, "feedbackInline");
                options.add(new Option(textOutside(choice, "feedbackInline"), fraction,
                        inline == null ? null : inline.getTextContent().strip()));
            }
            if (options.stream().noneMatch(option -> option.fraction() > 0)) {
                throw fail("qti.noCorrect");
            }
            return new BankQuestion(number, category, title, text, type, points, options, List.of(), List.of(),
                    feedback, media);
        }

        private BankQuestion textEntry(Element item, Element declaration, String title, String text, double points,
                String feedback, List<Media> media, Map<String, String> modal) {
            String baseType = declaration.getAttribute("baseType");
            if (baseType.equals("float") || baseType.equals("integer")) {
                List<Range> ranges = ranges(item, points, modal);
                if (ranges.isEmpty()) {
                    for (String value : values(child(declaration, "correctResponse"))) {
                        double exact = number(value);
                        ranges.add(new Range(exact, exact, 1, null));
                    }
                }
                if (ranges.isEmpty()) {
                    throw fail("qti.noCorrect");
                }
                return new BankQuestion(number, category, title, text, QuestionType.NUMERICAL, points, List.of(),
                        ranges, List.of(), feedback, media);
            }
            Map<String, Double> weights = mapping(declaration, points);
            List<Option> options = new ArrayList<>();
            if (weights != null) {
                weights.forEach((answer, fraction) -> options.add(new Option(answer, fraction, null)));
            } else {
                values(child(declaration, "correctResponse")).forEach(answer -> options.add(new Option(answer, 1, null)));
            }
            if (options.stream().noneMatch(option -> option.fraction() > 0)) {
                throw fail("qti.noCorrect");
            }
            return new BankQuestion(number, category, title, text, QuestionType.SHORT_ANSWER, points, options,
                    List.of(), List.of(), feedback, media);
        }

        /**
         * The ranges of a numerical item as {@link QtiPackage#write} writes them: one response
         * condition each, testing RESPONSE between two numbers and setting SCORE, and FEEDBACK to
         * the modal feedback that goes with the range.
         */
        private List<Range> ranges(Element item, double points, Map<String, String> modal) {
            List<Range> ranges = new ArrayList<>();
            Element processing = child(item, "responseProcessing");
            if (processing == null) {
                return ranges;
            }
            for (Element condition : children(processing, "responseCondition")) {
                for (Element branch : children(condition, null)) {
                    String min = bound(child(branch, "and"), "gte");
                    String max = bound(child(branch, "and"), "lte");
                    String score = outcome(branch, "SCORE");
                    if (min == null || max == null || score == null) {
                        throw fail("qti.numericalRule");
                    }
                    String shown = outcome(branch, "FEEDBACK");
                    ranges.add(new Range(number(min), number(max), fraction(number(score), points),
                            shown == null ? null : modal.get(shown)));
                }
            }
            return ranges;
        }

        private static String bound(Element and, String comparison) {
            Element compared = child(and, comparison);
            Element value = child(compared, "baseValue");
            return value == null || child(compared, "variable") == null ? null : value.getTextContent();
        }

        private static String outcome(Element branch, String identifier) {
            for (Element set : children(branch, "setOutcomeValue")) {
                Element value = child(set, "baseValue");
                if (set.getAttribute("identifier").equals(identifier) && value != null) {
                    return value.getTextContent().strip();
                }
            }
            return null;
        }

        private BankQuestion matching(Element interaction, Element declaration, String title, String text,
                double points, String feedback, List<Media> media) {
            List<Element> sets = children(interaction, "simpleMatchSet");
            if (sets.size() != 2) {
                throw fail("qti.matchSets");
            }
            Map<String, String> lefts = new LinkedHashMap<>();
            children(sets.get(0), "simpleAssociableChoice")
                    .forEach(choice -> lefts.put(choice.getAttribute("identifier"), choice.getTextContent().strip()));
            Map<String, String> rights = new LinkedHashMap<>();
            children(sets.get(1), "simpleAssociableChoice")
                    .forEach(choice -> rights.put(choice.getAttribute("identifier"), choice.getTextContent().strip()));
            Map<String, String> matched = new LinkedHashMap<>();
            for (String value : values(child(declaration, "correctResponse"))) {
                String[] ids = value.strip().split("\\s+");
                if (ids.length != 2 || !lefts.containsKey(ids[0]) || !rights.containsKey(ids[1])) {
                    throw fail("qti.badPair", FileErrors.echo(value));
                }
                matched.put(ids[0], ids[1]);
            }
            List<Pair> pairs = new ArrayList<>();
            lefts.forEach((id, left) -> {
                if (!matched.containsKey(id)) {
                    throw fail("qti.unmatched", FileErrors.echo(left));
                }
                pairs.add(new Pair(left, rights.get(matched.get(id))));
            });
            rights.forEach((id, right) -> {
                if (!matched.containsValue(id)) {
                    pairs.add(new Pair("", right));
                }
            });
            if (pairs.stream().filter(pair -> !pair.left().isEmpty()).count() < 2) {
                throw fail("qti.tooFewChoices");
            }
            return new BankQuestion(number, category, title, text, QuestionType.MATCHING, points, List.of(),
                    List.of(), pairs, feedback, media);
        }

        private Element declaration(Element item, String identifier) {
            for (Element declaration : children(item, "responseDeclaration")) {
                if (declaration.getAttribute("identifier").equals(identifier)) {
                    return declaration;
                }
            }
            throw fail("qti.noDeclaration", FileErrors.echo(identifier));
        }

        /** SCORE's normal maximum, else the mapping's upper bound, else 1. */
        private double points(Element item, Element declaration) {
            for (Element outcome : children(item, "outcomeDeclaration")) {
                if (outcome.getAttribute("identifier").equals("SCORE") && outcome.hasAttribute("normalMaximum")) {
                    return positive(number(outcome.getAttribute("normalMaximum")));
                }
            }
            Element mapping = child(declaration, "mapping");
            if (mapping != null && mapping.hasAttribute("upperBound")) {
                return positive(number(mapping.getAttribute("upperBound")));
            }
            return 1;
        }

        private double positive(double points) {
            if (!(points > 0) || points > 1000) {
                throw fail("qti.badPoints", points);
            }
            return points;
        }

        /** The mapping's weights as fractions of the points, in the order written; null without a mapping. */
        private Map<String, Double> mapping(Element declaration, double points) {
            Element mapping = child(declaration, "mapping");
            if (mapping == null) {
                return null;
            }
            Map<String, Double> weights = new LinkedHashMap<>();
            for (Element entry : children(mapping, "mapEntry")) {
                weights.put(entry.getAttribute("mapKey"), fraction(number(entry.getAttribute("mappedValue")), points));
            }
            return weights;
        }

        private double fraction(double score, double points) {
            double fraction = Math.round(score / points * 1e7) / 1e7 + 0.0;
            if (!(fraction >= -1 && fraction <= 1)) {
                throw fail("qti.badWeight", score);
            }
            return fraction;
        }

        private double number(String written) {
            try {
                double value = Double.parseDouble(written.strip()) + 0.0;
                if (Double.isFinite(value)) {
                    return value;
                }
            } catch (NumberFormatException notANumber) {
                // Said below.
            }
            throw fail("qti.badNumber", FileErrors.echo(written));
        }

        private int integer(String written, int otherwise) {
            try {
                return written.isBlank() ? otherwise : Integer.parseInt(written.strip());
            } catch (NumberFormatException notANumber) {
                throw fail("qti.badNumber", FileErrors.echo(written));
            }
        }

        private List<Media> media(Element body) {
            List<Media> media = new ArrayList<>();
            for (Element img : descendants(body, "img")) {
                String src = img.getAttribute("src");
                try {
                    src = URLDecoder.decode(src.replace("+", "%2B"), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException badEscape) {
                    throw fail("qti.missingPicture", FileErrors.echo(src));
                }
                String path = resolve(src);
                byte[] content = files.get(path);
                if (content == null) {
                    throw fail("qti.missingPicture", FileErrors.echo(src));
                }
                String name = src.substring(src.lastIndexOf('/') + 1);
                String type = PICTURE_TYPES.get(name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT));
                if (type == null) {
                    throw fail("qti.pictureType", FileErrors.echo(name));
                }
                media.add(Media.of(name, type, content));
            }
            return media;
        }

        /** A path written in the item, from the item's own folder. */
        private String resolve(String src) {
            String folder = href.contains("/") ? href.substring(0, href.lastIndexOf('/') + 1) : "";
            List<String> parts = new ArrayList<>();
            for (String part : (folder + src).split("/")) {
                if (part.equals("..")) {
                    if (!parts.isEmpty()) {
                        parts.remove(parts.size() - 1);
                    }
                } else if (!part.isEmpty() && !part.equals(".")) {
                    parts.add(part);
                }
            }
            return String.join("/", parts);
        }

        private BankRejectedException fail(String key, Object... arguments) {
            Object[] named = new Object[arguments.length + 1];
            named[0] = FileErrors.echo(href);
            System.arraycopy(arguments, 0, named, 1, arguments.length);
            return new BankRejectedException(List.of(GiftError.of(number, key, named)), 1);
        }
    }

    /** A zero-width no-break space (a byte order mark gone astray) is dropped from text, as GIFT drops it. */
    private static void dropZeroWidthSpaces(Node node) {
        if (node.getNodeType() == Node.TEXT_NODE || node.getNodeType() == Node.CDATA_SECTION_NODE) {
            node.setNodeValue(node.getNodeValue().replace("\uFEFF", ""));
        }
        if (node.getAttributes() != null) {
            for (int i = 0; i < node.getAttributes().getLength(); i++) {
                Node attribute = node.getAttributes().item(i);
                attribute.setNodeValue(attribute.getNodeValue().replace("\uFEFF", ""));
            }
        }
        for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
            dropZeroWidthSpaces(child);
        }
    }

    /** The text of the item body's blocks, one line each, without the interactions in them. */
    private static String text(Element body) {
        List<String> lines = new ArrayList<>();
        for (Element block : children(body, null)) {
            String line = plain(block).strip();
            if (!line.isEmpty()) {
                lines.add(line);
            }
        }
        return String.join("\n", lines);
    }

    private static String plain(Node node) {
        if (node instanceof Element element && element.getLocalName() != null
                && (element.getLocalName().endsWith("Interaction") || element.getLocalName().startsWith("feedback"))) {
            return "";
        }
        if (!(node instanceof Element)) {
            return node.getNodeType() == Node.TEXT_NODE || node.getNodeType() == Node.CDATA_SECTION_NODE
                    ? node.getNodeValue() : "";
        }
        StringBuilder text = new StringBuilder();
        for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
            text.append(plain(child));
        }
        return text.toString();
    }

    private static String textOutside(Element element, String skipped) {
        StringBuilder text = new StringBuilder();
        for (Node node = element.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (!(node instanceof Element child && skipped.equals(child.getLocalName()))) {
                text.append(node.getTextContent());
            }
        }
        return text.toString().strip();
    }

    private static List<String> values(Element holder) {
        return holder == null ? List.of() : children(holder, "value").stream().map(v -> v.getTextContent().strip())
                .toList();
    }

    private static Element child(Element parent, String name) {
        if (parent == null) {
            return null;
        }
        List<Element> found = children(parent, name);
        return found.isEmpty() ? null : found.get(0);
    }

    /** The child elements named {@code name} (any when null), whatever their namespace. */
    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getLocalName() != null
                    && (name == null || name.equals(element.getLocalName()))) {
                found.add(element);
            }
        }
        return found;
    }

    private static List<Element> descendants(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        for (Element child : children(parent, null)) {
            if (name == null || name.equals(child.getLocalName())) {
                found.add(child);
            }
            found.addAll(descendants(child, name));
        }
        return found;
    }

    private static BankRejectedException reject(String key, Object... arguments) {
        return new BankRejectedException(List.of(GiftError.of(0, key, arguments)), 1);
    }

    // ---------------------------------------------------------------- writing

    /** A QTI 2.1 package of the questions, with what QTI could not carry per question. */
    public static BankFile write(List<BankQuestion> questions) {
        List<BankFile.LeftOut> leftOut = new ArrayList<>();
        StringBuilder manifest = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8"?>
                <manifest xmlns="%s" xmlns:imsmd="%s" identifier="MANIFEST">
                  <organizations/>
                  <resources>
                """.formatted(CP, LOM));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            for (int i = 0; i < questions.size(); i++) {
                BankQuestion question = questions.get(i);
                String id = "Q" + (i + 1);
                String folder = "items/" + id + "/";
                List<String> left = new ArrayList<>();
                String item = item(question, id, left);
                left.forEach(what -> leftOut.add(new BankFile.LeftOut(question.category(),
                        GiftParser.identity(question), what)));
                put(zip, folder + "item.xml", item.getBytes(StandardCharsets.UTF_8));
                manifest.append("    <resource identifier=\"").append(id).append("\" type=\"").append(ITEM_TYPE)
                        .append("\" href=\"").append(folder).append("item.xml\">\n")
                        .append("      <metadata><imsmd:lom><imsmd:general><imsmd:keyword><imsmd:string>")
                        .append(escape(question.category()))
                        .append("</imsmd:string></imsmd:keyword></imsmd:general></imsmd:lom></metadata>\n")
                        .append("      <file href=\"").append(folder).append("item.xml\"/>\n");
                for (Media media : question.media()) {
                    put(zip, folder + media.name(), media.content());
                    manifest.append("      <file href=\"").append(escape(folder + uri(media.name()))).append("\"/>\n");
                }
                manifest.append("    </resource>\n");
            }
            manifest.append("  </resources>\n</manifest>\n");
            put(zip, "imsmanifest.xml", manifest.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
        return new BankFile(bytes.toByteArray(), "application/zip", "zip", leftOut);
    }

    private static void put(ZipOutputStream zip, String name, byte[] content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content);
        zip.closeEntry();
    }

    private static String item(BankQuestion question, String id, List<String> leftOut) {
        QuestionType type = question.type();
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<assessmentItem xmlns=\"")
                .append(QTI).append("\" identifier=\"").append(id).append("\" title=\"")
                .append(escape(GiftParser.identity(question))).append("\" adaptive=\"false\" timeDependent=\"false\">\n");
        String template = null;
        StringBuilder interaction = new StringBuilder();
        switch (type) {
            case SINGLE_CHOICE, MULTIPLE_CHOICE, TRUE_FALSE -> {
                boolean single = type != QuestionType.MULTIPLE_CHOICE;
                xml.append(declaration(single ? "single" : "multiple", "identifier"));
                List<String> ids = new ArrayList<>();
                for (int i = 0; i < question.options().size(); i++) {
                    ids.add(type == QuestionType.TRUE_FALSE ? (i == 0 ? "TRUE" : "FALSE") : "C" + (i + 1));
                }
                correct(xml, ids, question.options().stream().map(Option::fraction).toList(), single);
                mapping(xml, ids, question.options(), question.points(), false);
                interaction.append("  <choiceInteraction responseIdentifier=\"RESPONSE\" shuffle=\"false\" maxChoices=\"")
                        .append(single ? 1 : 0).append("\">\n");
                for (int i = 0; i < ids.size(); i++) {
                    Option option = question.options().get(i);
                    interaction.append("    <simpleChoice identifier=\"").append(ids.get(i)).append("\">")
                            .append(escape(option.text()));
                    if (option.feedback() != null) {
                        interaction.append("<feedbackInline outcomeIdentifier=\"FEEDBACK\" identifier=\"")
                                .append(ids.get(i)).append("\" showHide=\"show\">").append(escape(option.feedback()))
                                .append("</feedbackInline>");
                    }
                    interaction.append("</simpleChoice>\n");
                }
                interaction.append("  </choiceInteraction>\n");
                template = MAP_RESPONSE;
            }
            case SHORT_ANSWER -> {
                xml.append(declaration("single", "string"));
                List<String> answers = question.options().stream().map(Option::text).toList();
                correct(xml, answers, question.options().stream().map(Option::fraction).toList(), true);
                mapping(xml, answers, question.options(), question.points(), true);
                interaction.append("  <p><textEntryInteraction responseIdentifier=\"RESPONSE\"/></p>\n");
                template = MAP_RESPONSE;
                if (question.options().stream().anyMatch(option -> option.feedback() != null)) {
                    leftOut.add("feedback per answer: QTI's text entry has no place for it");
                }
            }
            case NUMERICAL -> {
                xml.append(declaration("single", "float"));
                question.ranges().stream().filter(range -> range.fraction() == 1).findFirst()
                        .ifPresent(range -> xml.append("  <correctResponse><value>")
                                .append(number((range.min() + range.max()) / 2)).append("</value></correctResponse>\n"));
                xml.append("  </responseDeclaration>\n");
                interaction.append("  <p><textEntryInteraction responseIdentifier=\"RESPONSE\"/></p>\n");
            }
            case MATCHING -> {
                xml.append(declaration("multiple", "directedPair"));
                List<Pair> matched = question.matchedPairs();
                List<String> rights = question.choices();
                xml.append("    <correctResponse>\n");
                List<String> keys = new ArrayList<>();
                for (int i = 0; i < matched.size(); i++) {
                    keys.add("L" + (i + 1) + " R" + (rights.indexOf(matched.get(i).right()) + 1));
                    xml.append("      <value>").append(keys.get(i)).append("</value>\n");
                }
                xml.append("    </correctResponse>\n    <mapping defaultValue=\"0\" lowerBound=\"0\" upperBound=\"")
                        .append(number(question.points())).append("\">\n");
                for (String key : keys) {
                    xml.append("      <mapEntry mapKey=\"").append(key).append("\" mappedValue=\"")
                            .append(number(question.points() / keys.size())).append("\" caseSensitive=\"true\"/>\n");
                }
                xml.append("    </mapping>\n  </responseDeclaration>\n");
                interaction.append("  <matchInteraction responseIdentifier=\"RESPONSE\" shuffle=\"false\" maxAssociations=\"")
                        .append(matched.size()).append("\">\n    <simpleMatchSet>\n");
                for (int i = 0; i < matched.size(); i++) {
                    interaction.append("      <simpleAssociableChoice identifier=\"L").append(i + 1)
                            .append("\" matchMax=\"1\">").append(escape(matched.get(i).left()))
                            .append("</simpleAssociableChoice>\n");
                }
                interaction.append("    </simpleMatchSet>\n    <simpleMatchSet>\n");
                for (int i = 0; i < rights.size(); i++) {
                    interaction.append("      <simpleAssociableChoice identifier=\"R").append(i + 1)
                            .append("\" matchMax=\"").append(matched.size()).append("\">")
                            .append(escape(rights.get(i))).append("</simpleAssociableChoice>\n");
                }
                interaction.append("    </simpleMatchSet>\n  </matchInteraction>\n");
                template = MAP_RESPONSE;
            }
            case ESSAY -> {
                xml.append(declaration("single", "string")).append("  </responseDeclaration>\n");
                interaction.append("  <extendedTextInteraction responseIdentifier=\"RESPONSE\"/>\n");
            }
            case DESCRIPTION -> {
                // Text only: QTI allows an item with no interaction, and it is not scored.
            }
        }
        if (type.answered()) {
            xml.append("  <outcomeDeclaration identifier=\"SCORE\" cardinality=\"single\" baseType=\"float\" normalMaximum=\"")
                    .append(number(question.points())).append("\"><defaultValue><value>0</value></defaultValue></outcomeDeclaration>\n");
        }
        if (question.feedback() != null || question.ranges().stream().anyMatch(range -> range.feedback() != null)) {
            xml.append("  <outcomeDeclaration identifier=\"FEEDBACK\" cardinality=\"single\" baseType=\"identifier\"/>\n");
        }
        xml.append("  <itemBody>\n");
        if (!question.text().isEmpty()) {
            xml.append("  <p>").append(escape(question.text())).append("</p>\n");
        }
        for (Media media : question.media()) {
            xml.append("  <p><img src=\"").append(escape(uri(media.name()))).append("\" alt=\"")
                    .append(escape(media.name())).append("\"/></p>\n");
        }
        xml.append(interaction).append("  </itemBody>\n");
        if (template != null) {
            xml.append("  <responseProcessing template=\"").append(template).append("\"/>\n");
        } else if (type == QuestionType.NUMERICAL) {
            ranges(xml, question);
        }
        for (int i = 0; i < question.ranges().size(); i++) {
            String shown = question.ranges().get(i).feedback();
            if (shown != null) {
                xml.append("  <modalFeedback outcomeIdentifier=\"FEEDBACK\" identifier=\"R").append(i + 1)
                        .append("\" showHide=\"show\">").append(escape(shown)).append("</modalFeedback>\n");
            }
        }
        if (question.feedback() != null) {
            xml.append("  <modalFeedback outcomeIdentifier=\"FEEDBACK\" identifier=\"GENERAL\" showHide=\"show\">")
                    .append(escape(question.feedback())).append("</modalFeedback>\n");
        }
        return xml.append("</assessmentItem>\n").toString();
    }

    private static String declaration(String cardinality, String baseType) {
        return "  <responseDeclaration identifier=\"RESPONSE\" cardinality=\"" + cardinality + "\" baseType=\""
                + baseType + "\">\n";
    }

    /** The right answers: the full-marks ones, or for several, every one that earns something. */
    private static void correct(StringBuilder xml, List<String> keys, List<Double> fractions, boolean single) {
        if (fractions.stream().noneMatch(fraction -> single ? fraction == 1 : fraction > 0)) {
            // A correct response holds at least one value; the mapping alone carries partial credit.
            return;
        }
        xml.append("    <correctResponse>\n");
        for (int i = 0; i < keys.size(); i++) {
            if (single ? fractions.get(i) == 1 : fractions.get(i) > 0) {
                xml.append("      <value>").append(escape(keys.get(i))).append("</value>\n");
            }
        }
        xml.append("    </correctResponse>\n");
    }

    private static void mapping(StringBuilder xml, List<String> keys, List<Option> options, double points,
            boolean caseInsensitive) {
        xml.append("    <mapping defaultValue=\"0\" lowerBound=\"0\" upperBound=\"").append(number(points)).append("\">\n");
        for (int i = 0; i < keys.size(); i++) {
            xml.append("      <mapEntry mapKey=\"").append(escape(keys.get(i))).append("\" mappedValue=\"")
                    .append(number(options.get(i).fraction() * points)).append("\" caseSensitive=\"")
                    .append(!caseInsensitive).append("\"/>\n");
        }
        xml.append("    </mapping>\n  </responseDeclaration>\n");
    }

    /** Numerical ranges as response conditions, first match wins, as GIFT's ranges do. */
    private static void ranges(StringBuilder xml, BankQuestion question) {
        xml.append("  <responseProcessing>\n    <responseCondition>\n");
        for (int i = 0; i < question.ranges().size(); i++) {
            Range range = question.ranges().get(i);
            String branch = i == 0 ? "responseIf" : "responseElseIf";
            xml.append("      <").append(branch).append("><and>")
                    .append("<gte><variable identifier=\"RESPONSE\"/><baseValue baseType=\"float\">")
                    .append(number(range.min())).append("</baseValue></gte>")
                    .append("<lte><variable identifier=\"RESPONSE\"/><baseValue baseType=\"float\">")
                    .append(number(range.max())).append("</baseValue></lte></and>")
                    .append("<setOutcomeValue identifier=\"SCORE\"><baseValue baseType=\"float\">")
                    .append(number(range.fraction() * question.points())).append("</baseValue></setOutcomeValue>");
            if (range.feedback() != null) {
                xml.append("<setOutcomeValue identifier=\"FEEDBACK\"><baseValue baseType=\"identifier\">R").append(i + 1)
                        .append("</baseValue></setOutcomeValue>");
            }
            xml.append("</").append(branch).append(">\n");
        }
        xml.append("    </responseCondition>\n  </responseProcessing>\n");
    }

    /** A file name as a relative URI, every byte but the unreserved ones percent-encoded. */
    private static String uri(String name) {
        StringBuilder out = new StringBuilder();
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if (c < 0x80 && (Character.isLetterOrDigit(c) || "-._~".indexOf(c) >= 0)) {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xFF));
            }
        }
        return out.toString();
    }

    private static String number(double value) {
        return Double.toString(value + 0.0);
    }

    /** Text as XML content or attribute value; line breaks and tabs as references, which attributes keep too. */
    private static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\r' -> out.append("&#13;");
                case '\t' -> out.append("&#9;");
                case '\n' -> out.append("&#10;");
                default -> {
                    if (c < 0x20 || (c >= 0xD800 && c <= 0xDFFF) || c == 0xFFFE || c == 0xFFFF) {
                        out.append('\uFFFD');
                    } else {
                        out.appendCodePoint(c);
                    }
                }
            }
        });
        return out.toString();
    }
}
