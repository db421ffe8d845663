package org.civicit.lms.reporting;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;

import org.civicit.lms.platform.Database;
import org.civicit.lms.roster.ItDegree;
import org.civicit.lms.roster.Position;
import org.civicit.lms.roster.Scope;

/**
 * The province's other yearly figure: of the active officials whose position is IT staff,
 * how many hold an IT degree (college or above), per group of agencies.
 */
@ApplicationScoped
public class ItStaffReport {

    @Resource(lookup = Database.JNDI_NAME)
    DataSource dataSource;

    public List<ReportRow> run(Scope scope, Grouping grouping, Slice slice, Locale locale) {
        try (Connection connection = dataSource.getConnection()) {
            Map<Long, GroupedRows.Counts> counts = new HashMap<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT o.agency_id, o.it_degree, COUNT(*)"
                    + " FROM official o JOIN agency a ON a.id = o.agency_id"
                    + " WHERE o.active AND o.position = ? AND a.path LIKE ? GROUP BY o.agency_id, o.it_degree")) {
                select.setString(1, Position.IT_SPECIALIST.name());
                select.setString(2, scope.pathPattern());
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        String degree = rs.getString(2);
                        long officials = rs.getLong(3);
                        long qualified = degree != null && ItDegree.valueOf(degree).isDegree() ? officials : 0;
                        counts.merge(rs.getLong(1), new GroupedRows.Counts(officials, qualified),
                                (a, b) -> new GroupedRows.Counts(a.officials() + b.officials(), a.counted() + b.counted()));
                    }
                }
            }
            return GroupedRows.of(AgencyTree.load(connection), scope, grouping, slice,
                    agency -> counts.getOrDefault(agency, GroupedRows.Counts.NONE), level -> null, locale);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not compute the IT staff report", e);
        }
    }
}
