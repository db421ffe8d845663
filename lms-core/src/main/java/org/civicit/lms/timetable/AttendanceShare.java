package org.civicit.lms.timetable;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A trainee's attendance in one class: of its {@code sessions}, how many it {@code attended}
 * (present or late) and how many are not marked yet, against the class's minimum share
 * ({@code null}: none). A class without sessions asks nothing.
 */
public record AttendanceShare(int sessions, int attended, int unmarked, Integer minPercent) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** The sessions needed to meet the minimum: the share rounded up to a whole session. */
    public int needed() {
        if (minPercent == null || sessions == 0) {
            return 0;
        }
        return (minPercent * sessions + 99) / 100;
    }

    /** Whether the minimum is met now. */
    public boolean met() {
        return attended >= needed();
    }

    /** Whether the minimum can no longer be met, even if the trainee comes to every session not yet marked. */
    public boolean unreachable() {
        return attended + unmarked < needed();
    }

    /**
     * Failed once the minimum is out of reach; at risk while the sessions already marked were
     * attended below the minimum share; on track otherwise.
     */
    public AttendanceStanding standing() {
        if (unreachable()) {
            return AttendanceStanding.FAILED;
        }
        int marked = sessions - unmarked;
        if (minPercent != null && attended * 100 < minPercent * marked) {
            return AttendanceStanding.AT_RISK;
        }
        return AttendanceStanding.ON_TRACK;
    }

    /** The share attended so far, in percent with one decimal; 0.0 without sessions. */
    public BigDecimal percent() {
        if (sessions == 0) {
            return BigDecimal.ZERO.setScale(1);
        }
        return BigDecimal.valueOf(attended).multiply(HUNDRED).divide(BigDecimal.valueOf(sessions), 1,
                RoundingMode.HALF_UP);
    }
}
