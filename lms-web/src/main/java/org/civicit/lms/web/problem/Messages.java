package org.civicit.lms.web.problem;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The {@code i18n} bundle for the API: Vietnamese unless the caller prefers English.
 * (The pages read the same bundle through Faces.)
 */
public final class Messages {

    public static final Locale VIETNAMESE = Locale.forLanguageTag("vi");
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private Messages() {
    }

    /** The first language the caller accepts that we speak, else Vietnamese. */
    public static Locale pick(List<Locale> acceptable) {
        for (Locale locale : acceptable) {
            if (locale.getLanguage().equals("vi")) {
                return VIETNAMESE;
            }
            if (locale.getLanguage().equals("en")) {
                return Locale.ENGLISH;
            }
        }
        return VIETNAMESE;
    }

    public static String text(Locale locale, String key, List<?> arguments) {
        String pattern = ResourceBundle.getBundle("i18n", locale, Messages.class.getClassLoader(), NO_FALLBACK)
                .getString(key);
        return arguments.isEmpty() ? pattern : new MessageFormat(pattern, locale).format(arguments.toArray());
    }

    public static String text(Locale locale, String key, Object... arguments) {
        return text(locale, key, List.of(arguments));
    }
}
