package org.civicit.lms.assessment.gift;

import java.util.List;

import org.civicit.lms.assessment.BankQuestion;

/**
 * The question bank formats read on import: Moodle GIFT, Aiken, which names no category, and
 * Moodle XML. QTI (a zip package) is to come beside them.
 */
public enum BankFormat {
    GIFT, AIKEN, MOODLEXML;

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
        return AikenParser.parse(text, category == null || category.isBlank() ? GiftParser.DEFAULT_CATEGORY : category.strip());
    }

    /** The bank written in this format, with what the format left out. */
    public BankFile write(List<BankQuestion> questions) {
        return switch (this) {
            case GIFT -> GiftWriter.write(questions);
            case MOODLEXML -> MoodleXmlWriter.write(questions);
            case AIKEN -> throw new IllegalArgumentException("Aiken is read, not written");
        };
    }
}
