package org.civicit.lms.reporting;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.civicit.lms.roster.Level;

/**
 * A programme's targets, every due date of every level. On a day, the target in force for
 * a level is the one with the earliest due date on or after it; after the last due date,
 * the last one.
 */
final class Targets {

    private final List<Target> all;

    private Targets(List<Target> all) {
        this.all = List.copyOf(all);
    }

    static Targets load(Connection connection, long programmeId) throws SQLException {
        List<Target> targets = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT level, target_percent, due_on"
                + " FROM certification_target WHERE programme_id = ?")) {
            select.setLong(1, programmeId);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    targets.add(new Target(Level.valueOf(rs.getString(1)), rs.getBigDecimal(2).setScale(1),
                            rs.getDate(3).toLocalDate()));
                }
            }
        }
        targets.sort(Comparator.comparing(Target::dueOn).thenComparing(Target::level));
        return new Targets(targets);
    }

    /** Every target by due date. */
    List<Target> all() {
        return all;
    }

    /** The target percent in force for the level on the day, or {@code null} when the level has none. */
    BigDecimal inForce(Level level, LocalDate day) {
        Target last = null;
        for (Target target : all) {
            if (target.level() != level) {
                continue;
            }
            if (!target.dueOn().isBefore(day)) {
                return target.percent();
            }
            last = target;
        }
        return last == null ? null : last.percent();
    }
}
