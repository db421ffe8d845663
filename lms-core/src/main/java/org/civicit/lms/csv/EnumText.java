package org.civicit.lms.csv;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;

/** Reads an enumeration constant as people type it: any case, or one of its aliases. */
public final class EnumText {

    private EnumText() {
    }

    public static <E extends Enum<E>> Optional<E> parse(Class<E> type, String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String wanted = fold(text);
        for (E constant : type.getEnumConstants()) {
            if (fold(constant.name()).equals(wanted)) {
                return Optional.of(constant);
            }
            if (constant instanceof Aliased aliased
                    && aliased.aliases().stream().map(EnumText::fold).anyMatch(wanted::equals)) {
                return Optional.of(constant);
            }
        }
        return Optional.empty();
    }

    /** The accepted words of a type, for telling a clerk what would have been right. */
    public static <E extends Enum<E>> String accepted(Class<E> type) {
        StringBuilder words = new StringBuilder();
        for (E constant : type.getEnumConstants()) {
            if (!words.isEmpty()) {
                words.append(", ");
            }
            words.append(constant.name());
            if (constant instanceof Aliased aliased && !aliased.aliases().isEmpty()) {
                words.append(" (").append(String.join(", ", aliased.aliases())).append(')');
            }
        }
        return words.toString();
    }

    // Composed and decomposed diacritics are the same word to a reader.
    private static String fold(String text) {
        return Normalizer.normalize(text.strip(), Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    }
}
