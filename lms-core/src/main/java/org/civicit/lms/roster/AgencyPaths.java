package org.civicit.lms.roster;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * Keeps each agency's {@code path} (its ancestors' ids) true after the tree changed, so
 * that "this agency and everything under it" stays one prefix match.
 */
final class AgencyPaths {

    private AgencyPaths() {
    }

    private record Node(long id, Long parentId, String path) {
    }

    static void rebuild(Connection connection) throws SQLException {
        Map<Long, Node> nodes = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT id, parent_id, path FROM agency");
             ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                long id = rs.getLong(1);
                long parentId = rs.getLong(2);
                nodes.put(id, new Node(id, rs.wasNull() ? null : parentId, rs.getString(3)));
            }
        }
        Map<Long, String> paths = new HashMap<>();
        try (PreparedStatement update = connection.prepareStatement("UPDATE agency SET path = ? WHERE id = ?")) {
            for (Node node : nodes.values()) {
                String path = pathOf(node, nodes, paths);
                if (!path.equals(node.path())) {
                    update.setString(1, path);
                    update.setLong(2, node.id());
                    update.addBatch();
                }
            }
            update.executeBatch();
        }
    }

    private static String pathOf(Node node, Map<Long, Node> nodes, Map<Long, String> paths) {
        String known = paths.get(node.id());
        if (known != null) {
            return known;
        }
        // Imports are checked for cycles and run one at a time; this only guards that promise.
        paths.put(node.id(), "");
        String parentPath = node.parentId() == null ? "/" : pathOf(nodes.get(node.parentId()), nodes, paths);
        if (parentPath.isEmpty()) {
            throw new IllegalStateException("The agency tree has a cycle through agency id " + node.id());
        }
        String path = parentPath + node.id() + "/";
        paths.put(node.id(), path);
        return path;
    }
}
