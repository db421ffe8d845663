package org.civicit.lms.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import org.civicit.lms.csv.EnumText;
import org.civicit.lms.platform.BusinessException;

/**
 * Reads query parameters as clerks and scripts write them. JAX-RS would answer a
 * malformed typed parameter with a bare 404; here it is a 422 naming the parameter.
 */
public final class QueryParams {

    private QueryParams() {
    }

    public static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    public static <E extends Enum<E>> E enumValue(String name, String value, Class<E> type) {
        if (blankToNull(value) == null) {
            return null;
        }
        return EnumText.parse(type, value).orElseThrow(() ->
                new BusinessException.Invalid("query.enum", name, value, EnumText.accepted(type)));
    }

    public static boolean bool(String name, String value, boolean absent) {
        if (blankToNull(value) == null) {
            return absent;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new BusinessException.Invalid("query.boolean", name, value);
        };
    }

    /** A date written yyyy-mm-dd; {@code absent} when not given. */
    public static LocalDate date(String name, String value, LocalDate absent) {
        if (blankToNull(value) == null) {
            return absent;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new BusinessException.Invalid("query.date", name, value);
        }
    }

    public static String required(String name, String value) {
        if (blankToNull(value) == null) {
            throw new BusinessException.Invalid("query.required", name);
        }
        return value.strip();
    }

    public static int integer(String name, String value, int absent) {
        if (blankToNull(value) == null) {
            return absent;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new BusinessException.Invalid("query.integer", name, value);
        }
    }
}
