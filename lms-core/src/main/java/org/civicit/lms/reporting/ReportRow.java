package org.civicit.lms.reporting;

import java.math.BigDecimal;

/**
 * One line of a report of rates: the group's key (a level, sector, district or agency
 * code, or {@code TOTAL}) and its display name, the active officials in it, how many of
 * them count (certified, or qualified), the rate, and the target and gap where a target
 * applies (else null).
 */
public record ReportRow(String group, String name, long officials, long counted, BigDecimal ratePercent,
                        BigDecimal targetPercent, BigDecimal gapPercent) {

    public static final String TOTAL = "TOTAL";

    static ReportRow of(String group, String name, long officials, long counted, BigDecimal target) {
        BigDecimal rate = Rates.rate(counted, officials);
        return new ReportRow(group, name, officials, counted, rate, target, Rates.gap(target, rate));
    }

    public boolean isTotal() {
        return TOTAL.equals(group);
    }
}
