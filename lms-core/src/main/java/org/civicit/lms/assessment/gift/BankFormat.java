package org.civicit.lms.assessment.gift;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.civicit.lms.assessment.BankQuestion;

/**
 * The question bank formats: Moodle GIFT, Aiken (read only; it names no category), Moodle XML
 * and IMS QTI 2.1 content packages (a zip).
 */
public enum BankFormat {
    GIFT, AIKEN, MOODLEXML, QTI;

    /**
     * Every question of a bank file as uploaded, or every problem in it. XML says its own
     * encoding and QTI is a zip; the text formats are UTF-8. {@code category} places the
     * questions of formats that name none (Aiken, QTI); blank means the default category.
     */
    public List<BankQuestion> read(byte[] file, String category) {
        return switch (this) {
            case MOODLEXML -> MoodleXmlReader.parse(file);
            case QTI -> QtiPackage.read(file, category);
            default -> parse(new String(file, StandardCharsets.UTF_8), category);
        };
    }

    /**
     * Every question of a bank file, or every problem in it ({@link BankRejectedException}).
     * {@code category} places Aiken questions; blank means the default category.
     */
    public List<BankQuestion> parse(String text, String category) {
        if (this == GIFT) {
            return GiftParser.parse(text);
        }
        if (this == MOODLEXML) {
            return MoodleXmlReader.parse(text);
        }
        if (this == QTI) {
            throw new IllegalArgumentException("A QTI package is a zip, read with read(byte[], String)");
        }
        return AikenParser.parse(text, category == null || category.isBlank() ? GiftParser.DEFAULT_CATEGORY : category.strip());
    }

    /** The bank written in this format, with what the format left out. */
    public BankFile write(List<BankQuestion> questions) {
        return switch (this) {
            case GIFT -> GiftWriter.write(questions);
            case MOODLEXML -> MoodleXmlWriter.write(questions);
            case QTI -> QtiPackage.write(questions);
            case AIKEN -> throw new IllegalArgumentException("Aiken is read, not written");
        };
    }
}
