package org.civicit.lms.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;

import org.civicit.lms.platform.BusinessException;
import org.civicit.lms.platform.Database;
import org.civicit.lms.platform.Today;

/**
 * Reads the audit log, newest first: a page of it for the screen, or all of a selection
 * streamed, so that memory does not grow with the length of the log.
 */
@ApplicationScoped
public class AuditTrail {

    public static final int MAX_PAGE_SIZE = 200;
    private static final int FETCH_SIZE = 500;
    private static final String COLUMNS = "id, occurred_at, actor, address, action, subject, details";

    @Resource(lookup = Database.JNDI_NAME)
    DataSource dataSource;

    /** One page of a longer list, with how many entries the whole list has. */
    public record Found(long total, List<AuditEntry> items) {
    }

    /** The SQL condition of a query and its parameters in order. */
    record Condition(String sql, List<Object> parameters) {

        static Condition of(AuditQuery query) {
            StringBuilder sql = new StringBuilder(" WHERE 1 = 1");
            List<Object> parameters = new ArrayList<>();
            if (query.from() != null) {
                sql.append(" AND occurred_at >= ?");
                parameters.add(query.from().atStartOfDay(Today.VIETNAM).toOffsetDateTime());
            }
            if (query.to() != null) {
                sql.append(" AND occurred_at < ?");
                parameters.add(query.to().plusDays(1).atStartOfDay(Today.VIETNAM).toOffsetDateTime());
            }
            if (query.actor() != null) {
                sql.append(" AND actor = ?");
                parameters.add(query.actor());
            }
            if (query.action() != null) {
                sql.append(" AND action = ?");
                parameters.add(query.action().name());
            }
            if (query.subject() != null) {
                sql.append(" AND LOWER(subject) LIKE ? ESCAPE '\\'");
                parameters.add("%" + query.subject().toLowerCase(Locale.ROOT)
                        .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
            }
            return new Condition(sql.toString(), parameters);
        }

        void bind(PreparedStatement statement) throws SQLException {
            for (int i = 0; i < parameters.size(); i++) {
                statement.setObject(i + 1, parameters.get(i));
            }
        }
    }

    /** Page {@code page} (from 1) of the entries the query picks, and how many it picks in all. */
    public Found page(AuditQuery query, int page, int size) {
        long first = (long) (page - 1) * size;
        if (page < 1 || size < 1 || size > MAX_PAGE_SIZE || first > Integer.MAX_VALUE) {
            throw new BusinessException.Invalid("audit.paging", MAX_PAGE_SIZE);
        }
        Condition condition = Condition.of(query);
        try (Connection connection = dataSource.getConnection()) {
            long total;
            try (PreparedStatement count = connection.prepareStatement(
                    "SELECT COUNT(*) FROM audit_event" + condition.sql())) {
                condition.bind(count);
                try (ResultSet rs = count.executeQuery()) {
                    rs.next();
                    total = rs.getLong(1);
                }
            }
            List<AuditEntry> items = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM audit_event"
                    + condition.sql() + " ORDER BY occurred_at DESC, id DESC OFFSET ? ROWS FETCH NEXT ? ROWS ONLY")) {
                condition.bind(select);
                select.setLong(condition.parameters().size() + 1, first);
                select.setInt(condition.parameters().size() + 2, size);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        items.add(entry(rs));
                    }
                }
            }
            return new Found(total, items);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the audit log", e);
        }
    }

    /** Every entry the query picks, newest first, handed on one at a time. */
    public void each(AuditQuery query, Consumer<AuditEntry> consumer) {
        Condition condition = Condition.of(query);
        try (Connection connection = dataSource.getConnection()) {
            // PostgreSQL streams with a fetch size only inside a transaction.
            connection.setAutoCommit(false);
            try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM audit_event"
                    + condition.sql() + " ORDER BY occurred_at DESC, id DESC")) {
                select.setFetchSize(FETCH_SIZE);
                condition.bind(select);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        consumer.accept(entry(rs));
                    }
                }
            } finally {
                try {
                    connection.rollback();
                } finally {
                    connection.setAutoCommit(true);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the audit log", e);
        }
    }

    private static AuditEntry entry(ResultSet rs) throws SQLException {
        return new AuditEntry(rs.getLong(1),
                rs.getObject(2, OffsetDateTime.class).atZoneSameInstant(Today.VIETNAM).toOffsetDateTime(),
                rs.getString(3), rs.getString(4), AuditAction.valueOf(rs.getString(5)), rs.getString(6),
                rs.getString(7));
    }
}
