package org.civicit.lms.audit;

/** The details of an entry as a small flat JSON object, written without a JSON library in reach. */
public final class Details {

    /** Longer text is cut, so that an entry stays small whatever a caller typed. */
    static final int VALUE_LENGTH = 200;

    private Details() {
    }

    /**
     * A JSON object of names and values in the order given; numbers and booleans stay bare,
     * {@code null} is {@code null}, anything else is a string of at most {@link #VALUE_LENGTH}
     * characters.
     */
    public static String of(Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("Names and values come in pairs");
        }
        StringBuilder json = new StringBuilder("{");
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (i > 0) {
                json.append(',');
            }
            quoted(json, String.valueOf(namesAndValues[i])).append(':');
            Object value = namesAndValues[i + 1];
            if (value == null || value instanceof Number || value instanceof Boolean) {
                json.append(value);
            } else {
                quoted(json, AuditLog.cut(value.toString(), VALUE_LENGTH));
            }
        }
        return json.append('}').toString();
    }

    private static StringBuilder quoted(StringBuilder json, String text) {
        json.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"');
    }
}
