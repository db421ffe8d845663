package org.civicit.lms.reporting;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** The arithmetic of the certification report, one decimal, rounded half up. */
public final class Rates {

    private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(1);

    private Rates() {
    }

    /** 100 × certified / officials; 0.0 for an empty group. */
    public static BigDecimal rate(long certified, long officials) {
        if (officials == 0) {
            return ZERO;
        }
        return BigDecimal.valueOf(certified * 100).divide(BigDecimal.valueOf(officials), 1, RoundingMode.HALF_UP);
    }

    /** How far the rate is below the target, never below 0; {@code null} without a target. */
    public static BigDecimal gap(BigDecimal target, BigDecimal rate) {
        if (target == null) {
            return null;
        }
        return target.subtract(rate).max(BigDecimal.ZERO).setScale(1, RoundingMode.HALF_UP);
    }
}
