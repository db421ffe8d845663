package org.civicit.lms.csv;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Reads an enumeration constant as people type it: any case, or one of its aliases. */
public final class EnumText {

    private EnumText() {
    }

    /** Each type's words, folded once: an import reads several per line. */
    private static final ClassValue<Map<String, Enum<?>>> WORDS = new ClassValue<>() {
        @Override
        protected Map<String, Enum<?>> computeValue(Class<?> type) {
            Map<String, Enum<?>> words = new HashMap<>();
            for (Object constant : type.getEnumConstants()) {
                Enum<?> value = (Enum<?>) constant;
                // The first constant to claim a word keeps it, as when they were tried in order.
                words.putIfAbsent(fold(value.name()), value);
                if (value instanceof Aliased aliased) {
                    aliased.aliases().forEach(alias -> words.putIfAbsent(fold(alias), value));
                }
            }
            return Map.copyOf(words);
        }
    };

    public static <E extends Enum<E>> Optional<E> parse(Class<E> type, String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        return Optional.ofNullable(type.cast(WORDS.get(type).get(fold(text))));
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
