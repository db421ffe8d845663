package org.civicit.lms.platform;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

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

    /** A number without a needless fraction: 8, not 8.0; 2.5 stays 2.5. */
    public static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }
}
