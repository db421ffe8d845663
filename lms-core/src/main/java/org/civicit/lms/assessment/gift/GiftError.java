package org.civicit.lms.assessment.gift;

import java.util.List;

/**
 * One problem in a question bank, at the line where the broken question starts. The
 * message is a key of the {@code i18n} bundle with its arguments.
 */
public record GiftError(int line, String messageKey, List<Object> arguments) {

    public static GiftError of(int line, String messageKey, Object... arguments) {
        return new GiftError(line, messageKey, List.of(arguments));
    }
}
