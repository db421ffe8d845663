package org.civicit.lms.platform;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/** The words of an e-mail notice from the {@code i18n} bundles, in one language, never falling back to another. */
public final class NoticeText {

    public static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    private NoticeText() {
    }

    public static String of(Locale locale, String key, Object... arguments) {
        return new MessageFormat(ResourceBundle.getBundle("i18n", locale, NoticeText.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES))
                .getString(key), locale).format(arguments);
    }

    /** The language a person chose ({@code en}), Vietnamese otherwise. */
    public static Locale chosen(String language) {
        return "en".equals(language) ? Locale.ENGLISH : VIETNAMESE;
    }
}
