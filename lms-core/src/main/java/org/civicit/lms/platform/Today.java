package org.civicit.lms.platform;

import java.time.LocalDate;
import java.time.ZoneId;

/** The date in the province, whatever zone the server's clock is set to. */
public final class Today {

    public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private Today() {
    }

    public static LocalDate date() {
        return LocalDate.now(VIETNAM);
    }
}
