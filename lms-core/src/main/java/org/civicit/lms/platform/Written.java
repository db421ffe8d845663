package org.civicit.lms.platform;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Days, moments and numbers as people in the province write them, in pages, e-mails and print. */
public final class Written {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy");

    private Written() {
    }

    public static String day(LocalDate day) {
        return day.format(DAY);
    }

    /** A moment on the province's clock, whatever zone it was stored in. */
    public static String moment(OffsetDateTime at) {
        return at.atZoneSameInstant(Today.VIETNAM).format(MOMENT);
    }

    /** A rate as the province writes it: {@code 96,0 %} in Vietnamese, {@code 96.0%} in English. */
    public static String percent(BigDecimal value, Locale locale) {
        DecimalFormat format = new DecimalFormat("0.0", DecimalFormatSymbols.getInstance(locale));
        return format.format(value) + (locale.getLanguage().equals("vi") ? " %" : "%");
    }

    /** A count with the language's thousands separator: {@code 1.234} in Vietnamese, {@code 1,234} in English. */
    public static String count(long value, Locale locale) {
        return NumberFormat.getIntegerInstance(locale).format(value);
    }

    /** A number without a needless fraction: 8, not 8.0; 2.5 stays 2.5. */
    public static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }
}
