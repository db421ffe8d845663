package org.civicit.lms.certification;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.civicit.lms.audit.AuditAction;
import org.civicit.lms.audit.AuditLog;
import org.civicit.lms.audit.Details;
import org.civicit.lms.platform.BusinessException;
import org.civicit.lms.platform.Database;
import org.civicit.lms.roster.Level;

/**
 * The admin's edits of one programme's targets, one at a time, beside {@link TargetImport}
 * for whole files: the same key (programme, level, due date) and the same rule for a
 * percentage. Every change goes to the audit log with the value it replaced, which is the
 * targets' history.
 */
@ApplicationScoped
public class TargetChanges {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    @Resource(lookup = Database.JNDI_NAME)
    DataSource dataSource;

    @Inject
    AuditLog audit;

    /** A target as stored, with when it was last set (by a file or by hand). */
    public record Dated(Level level, BigDecimal percent, LocalDate dueOn, LocalDateTime setAt) {
    }

    /** The programme's targets by level, then due date. */
    public List<Dated> of(String programmeCode) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT level, target_percent, due_on, imported_at"
                     + " FROM certification_target WHERE programme_id = ? ORDER BY due_on")) {
            select.setLong(1, programmeId(connection, programmeCode));
            List<Dated> targets = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    targets.add(new Dated(Level.valueOf(rs.getString(1)), rs.getBigDecimal(2).setScale(1),
                            rs.getDate(3).toLocalDate(), rs.getTimestamp(4).toLocalDateTime()));
                }
            }
            targets.sort((a, b) -> a.level() != b.level() ? a.level().compareTo(b.level()) : a.dueOn().compareTo(b.dueOn()));
            return targets;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the targets", e);
        }
    }

    /**
     * Sets the share of a level's officials to certify by a date; the same programme, level
     * and date again replaces the earlier share.
     */
    @Transactional
    public void set(String programmeCode, Level level, LocalDate dueOn, BigDecimal percent) {
        BigDecimal share = checked(level, dueOn, percent);
        try (Connection connection = dataSource.getConnection()) {
            long programme = programmeId(connection, programmeCode);
            BigDecimal before = stored(connection, programme, level, dueOn);
            if (before != null && before.compareTo(share) == 0) {
                return;
            }
            try (PreparedStatement write = connection.prepareStatement(before == null
                    ? "INSERT INTO certification_target (target_percent, imported_at, programme_id, level, due_on)"
                            + " VALUES (?, ?, ?, ?, ?)"
                    : "UPDATE certification_target SET target_percent = ?, imported_at = ?"
                            + " WHERE programme_id = ? AND level = ? AND due_on = ?")) {
                write.setBigDecimal(1, share);
                write.setTimestamp(2, Timestamp.from(Instant.now()));
                bindKey(write, 3, programme, level, dueOn);
                write.executeUpdate();
            }
            audit.record(AuditAction.TARGET_SET, "target:" + programmeCode + "/" + level + "/" + dueOn,
                    Details.of("percent", share.toPlainString(), "before", before == null ? null : before.toPlainString()));
        } catch (SQLException e) {
            throw new IllegalStateException("Could not set the target", e);
        }
    }

    /** Removes one due date of a level's targets; removing one that is not there changes nothing. */
    @Transactional
    public void remove(String programmeCode, Level level, LocalDate dueOn) {
        try (Connection connection = dataSource.getConnection()) {
            long programme = programmeId(connection, programmeCode);
            BigDecimal before = stored(connection, programme, level, dueOn);
            if (before == null) {
                return;
            }
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM certification_target WHERE programme_id = ? AND level = ? AND due_on = ?")) {
                bindKey(delete, 1, programme, level, dueOn);
                delete.executeUpdate();
            }
            audit.record(AuditAction.TARGET_REMOVED, "target:" + programmeCode + "/" + level + "/" + dueOn,
                    Details.of("before", before.toPlainString()));
        } catch (SQLException e) {
            throw new IllegalStateException("Could not remove the target", e);
        }
    }

    /** The share as stored (one decimal), or the reason it cannot be a target. */
    static BigDecimal checked(Level level, LocalDate dueOn, BigDecimal percent) {
        if (level == null) {
            throw new BusinessException.Invalid("certification.target.level");
        }
        if (dueOn == null) {
            throw new BusinessException.Invalid("certification.target.dueOn");
        }
        if (percent == null || percent.signum() < 0 || percent.compareTo(HUNDRED) > 0
                || percent.stripTrailingZeros().scale() > 1) {
            throw new BusinessException.Invalid("certification.target.percent");
        }
        return percent.setScale(1);
    }

    private static long programmeId(Connection connection, String code) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT id FROM programme WHERE code = ?")) {
            select.setString(1, code);
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    throw new BusinessException.NotFound("reporting.unknownProgramme", code);
                }
                return rs.getLong(1);
            }
        }
    }

    private static BigDecimal stored(Connection connection, long programme, Level level, LocalDate dueOn)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT target_percent FROM certification_target"
                + " WHERE programme_id = ? AND level = ? AND due_on = ?")) {
            bindKey(select, 1, programme, level, dueOn);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? rs.getBigDecimal(1).setScale(1) : null;
            }
        }
    }

    private static void bindKey(PreparedStatement statement, int first, long programme, Level level, LocalDate dueOn)
            throws SQLException {
        statement.setLong(first, programme);
        statement.setString(first + 1, level.name());
        statement.setDate(first + 2, Date.valueOf(dueOn));
    }
}
