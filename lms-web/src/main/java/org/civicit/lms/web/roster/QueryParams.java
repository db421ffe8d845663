package org.civicit.lms.web.roster;

import org.civicit.lms.csv.EnumText;
import org.civicit.lms.platform.BusinessException;

/**
 * Reads query parameters as clerks and scripts write them. JAX-RS would answer a
 * malformed typed parameter with a bare 404; here it is a 422 naming the parameter.
 */
final class QueryParams {

    private QueryParams() {
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    static <E extends Enum<E>> E enumValue(String name, String value, Class<E> type) {
        if (blankToNull(value) == null) {
            return null;
        }
        return EnumText.parse(type, value).orElseThrow(() ->
                new BusinessException.Invalid("query.enum", name, value, EnumText.accepted(type)));
    }

    static boolean bool(String name, String value, boolean absent) {
        if (blankToNull(value) == null) {
            return absent;
        }
        return switch (value.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new BusinessException.Invalid("query.boolean", name, value);
        };
    }

    static int integer(String name, String value, int absent) {
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
