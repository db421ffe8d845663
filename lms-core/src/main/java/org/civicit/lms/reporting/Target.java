package org.civicit.lms.reporting;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.civicit.lms.roster.Level;

/** A share of a level's officials to be certified in a programme by a due date. */
public record Target(Level level, BigDecimal percent, LocalDate dueOn) {
}
