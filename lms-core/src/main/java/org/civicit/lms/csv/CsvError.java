package org.civicit.lms.csv;

import java.util.List;

/**
 * One problem in a file a clerk sent, located as a spreadsheet shows it: the header is
 * line 1. The message is a key of the {@code i18n} bundle with its arguments, so that each
 * reader gets it in their own language.
 *
 * @param line   the spreadsheet line, 1 for the header
 * @param column the column name, or {@code null} when the problem is the whole line
 */
public record CsvError(long line, String column, String messageKey, List<Object> arguments) {

    public static CsvError of(long line, String column, String messageKey, Object... arguments) {
        return new CsvError(line, column, messageKey, List.of(arguments));
    }
}
