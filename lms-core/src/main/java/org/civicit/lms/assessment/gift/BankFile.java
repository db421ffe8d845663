package org.civicit.lms.assessment.gift;

import java.util.List;

/**
 * A bank written in one of the formats, with what the format could not carry, per question:
 * a format that drops a feature says so rather than losing it quietly.
 */
public record BankFile(byte[] content, String contentType, String extension, List<LeftOut> leftOut) {

    /** A feature of one question that the format left out, as a clerk would name it. */
    public record LeftOut(String category, String question, String what) {
    }
}
