package org.civicit.lms.roster;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Optional;

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
import org.civicit.lms.platform.ImportLock;

/**
 * The admin's changes to one agency: rename it, move it under another parent, deactivate or
 * reactivate it. They run under the roster's import lock, so a move and an import cannot
 * together make a cycle. The rules keep the reports true: an agency is deactivated only
 * once no active official is left in it or under it, no active agency under it and no HR
 * account that may log in attached to it; a deactivated agency receives no one (no move
 * under it, no official placed in it, no HR account attached to it).
 */
@ApplicationScoped
public class AgencyChanges {

    @Resource(lookup = Database.JNDI_NAME)
    DataSource dataSource;

    @Inject
    AuditLog audit;

    private record Stored(long id, String code, String name, Level level, Long parentId, String path, boolean active) {
    }

    @Transactional
    public void rename(String code, String name) {
        String wanted = name == null ? "" : name.strip();
        if (wanted.isEmpty() || wanted.length() > Agency.NAME_LENGTH) {
            throw new BusinessException.Invalid("roster.agency.name", Agency.NAME_LENGTH);
        }
        change(connection -> {
            Stored agency = existing(connection, code);
            if (!agency.name().equals(wanted)) {
                update(connection, "UPDATE agency SET name = ? WHERE id = ?", wanted, agency.id());
                audit.record(AuditAction.AGENCY_CHANGED, "agency:" + code, Details.of("name", wanted));
            }
        });
    }

    /**
     * Puts an agency under another parent, or at the top when {@code parentCode} is blank. Its
     * whole subtree moves with it; reports group by the tree, so they follow at once.
     */
    @Transactional
    public void move(String code, String parentCode) {
        String parent = parentCode == null || parentCode.isBlank() ? null : parentCode.strip();
        change(connection -> {
            Stored agency = existing(connection, code);
            Long parentId = null;
            if (parent != null) {
                if (parent.equals(agency.code())) {
                    throw new BusinessException.Invalid("roster.agency.ownParent", code);
                }
                Stored newParent = find(connection, parent)
                        .orElseThrow(() -> new BusinessException.Invalid("roster.agency.unknownParent", parent));
                if (newParent.path().startsWith(agency.path())) {
                    throw new BusinessException.Invalid("roster.agency.cycle", code, parent);
                }
                if (!agency.level().mayBeUnder(newParent.level())) {
                    throw new BusinessException.Invalid("roster.agency.levelAboveParent", agency.level(), newParent.level());
                }
                if (!newParent.active()) {
                    throw new BusinessException.Invalid("roster.agency.parentInactive", parent);
                }
                parentId = newParent.id();
            }
            if (Objects.equals(parentId, agency.parentId())) {
                return;
            }
            update(connection, "UPDATE agency SET parent_id = ? WHERE id = ?", parentId, agency.id());
            AgencyPaths.rebuild(connection);
            audit.record(AuditAction.AGENCY_CHANGED, "agency:" + code, Details.of("parent", parent));
        });
    }

    /** Deactivates or reactivates an agency; doing either twice changes nothing. */
    @Transactional
    public void setActive(String code, boolean active) {
        change(connection -> {
            Stored agency = existing(connection, code);
            if (agency.active() == active) {
                return;
            }
            if (active) {
                if (agency.parentId() != null && !activeById(connection, agency.parentId())) {
                    throw new BusinessException.Invalid("roster.agency.parentInactive", parentCode(connection, agency));
                }
            } else {
                long children = count(connection,
                        "SELECT COUNT(*) FROM agency WHERE parent_id = ? AND active", agency.id());
                if (children > 0) {
                    throw new BusinessException.Invalid("roster.agency.activeChildren", code, children);
                }
                long officials = count(connection, "SELECT COUNT(*) FROM official o JOIN agency a"
                        + " ON a.id = o.agency_id WHERE o.active AND a.path LIKE ?", agency.path() + "%");
                if (officials > 0) {
                    throw new BusinessException.Invalid("roster.agency.activeOfficials", code, officials);
                }
                long hr = count(connection, "SELECT COUNT(*) FROM account WHERE agency_id = ? AND NOT disabled",
                        agency.id());
                if (hr > 0) {
                    throw new BusinessException.Invalid("roster.agency.hrAccounts", code, hr);
                }
            }
            update(connection, "UPDATE agency SET active = ? WHERE id = ?", active, agency.id());
            audit.record(AuditAction.AGENCY_CHANGED, "agency:" + code, Details.of("active", active));
        });
    }

    private interface Change {
        void on(Connection connection) throws SQLException;
    }

    private void change(Change change) {
        try (Connection connection = dataSource.getConnection()) {
            ImportLock.take(connection, ImportLock.ROSTER);
            change.on(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not change the agency", e);
        }
    }

    private static Stored existing(Connection connection, String code) throws SQLException {
        return find(connection, code).orElseThrow(() -> new BusinessException.NotFound("roster.agency.notFound", code));
    }

    private static Optional<Stored> find(Connection connection, String code) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT id, code, name, level, parent_id, path, active FROM agency WHERE code = ?")) {
            select.setString(1, code);
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                long parentId = rs.getLong(5);
                Long parent = rs.wasNull() ? null : parentId;
                return Optional.of(new Stored(rs.getLong(1), rs.getString(2), rs.getString(3),
                        Level.valueOf(rs.getString(4)), parent, rs.getString(6), rs.getBoolean(7)));
            }
        }
    }

    private static boolean activeById(Connection connection, long id) throws SQLException {
        return count(connection, "SELECT COUNT(*) FROM agency WHERE id = ? AND active", id) > 0;
    }

    private static String parentCode(Connection connection, Stored agency) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT code FROM agency WHERE id = ?")) {
            select.setLong(1, agency.parentId());
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static long count(Connection connection, String sql, Object parameter) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setObject(1, parameter);
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static void update(Connection connection, String sql, Object value, long id) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(sql)) {
            update.setObject(1, value);
            update.setLong(2, id);
            update.executeUpdate();
        }
    }
}
