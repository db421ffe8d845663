package org.civicit.lms.reporting;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.civicit.lms.roster.Level;
import org.civicit.lms.roster.Sector;

/**
 * Every agency of the province with its parent and area, read once per report: a province
 * has hundreds, so where each one belongs is worked out here rather than in SQL. The whole
 * tree is read, not only the caller's scope, because the district an agency belongs to may
 * sit above the part of the tree the caller sees.
 */
final class AgencyTree {

    record Node(long id, String code, String name, Level level, Sector sector, Long parentId, String path,
                String area) {
    }

    /** A district as the reports show it: an area, or a district-level agency without one. */
    record District(String key, String name) {
    }

    private final Map<Long, Node> nodes = new HashMap<>();

    private AgencyTree() {
    }

    static AgencyTree load(Connection connection) throws SQLException {
        AgencyTree tree = new AgencyTree();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT id, code, name, level, sector, parent_id, path, area FROM agency");
             ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                long parentId = rs.getLong(6);
                Long parent = rs.wasNull() ? null : parentId;
                String area = rs.getString(8);
                tree.nodes.put(rs.getLong(1), new Node(rs.getLong(1), rs.getString(2), rs.getString(3),
                        Level.valueOf(rs.getString(4)), Sector.valueOf(rs.getString(5)), parent, rs.getString(7),
                        area == null || area.isBlank() ? null : area.strip()));
            }
        }
        return tree;
    }

    Collection<Node> nodes() {
        return nodes.values();
    }

    Node node(long id) {
        return nodes.get(id);
    }

    /** The agency's own area, else its nearest ancestor's. */
    String areaOf(Node node) {
        for (Node at = node; at != null; at = parent(at)) {
            if (at.area() != null) {
                return at.area();
            }
        }
        return null;
    }

    /**
     * The district an agency reports under: the area of the nearest district-level agency at
     * or above it; without an area, the topmost district-level agency above it, as a district
     * was before areas. {@code null} for the province's own agencies (and for communes that
     * sit right under the province, as in a province without districts).
     */
    District districtOf(Node node) {
        Node nearest = null;
        Node topmost = null;
        for (Node at = node; at != null; at = parent(at)) {
            if (at.level() == Level.DISTRICT) {
                nearest = nearest == null ? at : nearest;
                topmost = at;
            }
        }
        if (nearest == null) {
            return null;
        }
        String area = areaOf(nearest);
        return area != null ? new District(area, area) : new District(topmost.code(), topmost.name());
    }

    private Node parent(Node node) {
        return node.parentId() == null ? null : nodes.get(node.parentId());
    }
}
