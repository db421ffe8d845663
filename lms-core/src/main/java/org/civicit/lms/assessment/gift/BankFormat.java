package org.civicit.lms.assessment.gift;

import java.util.List;

import org.civicit.lms.assessment.BankQuestion;

/** The question bank formats read on import: Moodle GIFT, and Aiken, which names no category. */
public enum BankFormat {
    GIFT, AIKEN;

    /**
     * Every question of a bank file, or every problem in it ({@link BankRejectedException}).
     * {@code category} places Aiken questions; blank means the default category.
     */
    public List<BankQuestion> parse(String text, String category) {
        if (this == GIFT) {
            return GiftParser.parse(text);
        }
        return AikenParser.parse(text, category == null || category.isBlank() ? GiftParser.DEFAULT_CATEGORY : category.strip());
    }
}
