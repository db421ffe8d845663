package org.civicit.lms.certification;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Keeps {@code certification_span} true to the certificates: per official and programme,
 * the days on which some certificate of it is valid ({@link Validity}), as spans that do
 * not overlap, so that counting spans that cover a day counts each holder once. Every
 * change to certificates passes through here in the same transaction, and so keeps
 * {@link HeldCertificates} true as well.
 */
public final class CertificationSpans {

    /** Whether a span, aliased {@code s}, covers the day bound twice. */
    public static final String COVERS_SQL = "s.valid_from <= ? AND (s.valid_until IS NULL OR s.valid_until >= ?)";

    /** More officials than this at once are cheaper to rebuild whole than one by one. */
    private static final int REBUILD_ABOVE = 5000;
    private static final int CHUNK = 500;
    private static final String FOREVER = "DATE '9999-12-31'";

    /**
     * The spans from the certificates: sorted by issue day, a certificate starts a new span
     * unless it is issued on or before the last day any earlier one runs to. {@code %s} is
     * the filter on certificates.
     */
    private static final String MERGE = """
            INSERT INTO certification_span (official_id, programme_id, valid_from, valid_until)
            SELECT official_id, programme_id, MIN(issued_on), NULLIF(MAX(runs_to), %1$s)
            FROM (SELECT official_id, programme_id, issued_on, runs_to,
                         SUM(starts) OVER (PARTITION BY official_id, programme_id ORDER BY issued_on, runs_to
                                           ROWS UNBOUNDED PRECEDING) AS span
                  FROM (SELECT official_id, programme_id, issued_on, runs_to,
                               CASE WHEN issued_on <= MAX(runs_to) OVER (PARTITION BY official_id, programme_id
                                        ORDER BY issued_on, runs_to ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)
                                    THEN 0 ELSE 1 END AS starts
                        FROM (SELECT official_id, programme_id, issued_on,
                                     COALESCE(expires_on, %1$s) AS runs_to
                              FROM certificate c
                              WHERE c.revoked_at IS NULL AND COALESCE(c.expires_on, %1$s) >= c.issued_on
                                AND %2$s) valid) marked) numbered
            GROUP BY official_id, programme_id, span
            """;

    private CertificationSpans() {
    }

    /** Makes the spans and held certificates of these officials true again after their certificates changed. */
    public static void refresh(Connection connection, Collection<Long> officialIds) throws SQLException {
        if (officialIds.isEmpty()) {
            return;
        }
        // Held certificates are worked out in Java: only for these officials, however many.
        HeldCertificates.refresh(connection, officialIds);
        if (officialIds.size() > REBUILD_ABOVE) {
            rebuild(connection);
            return;
        }
        List<Long> ids = new ArrayList<>(officialIds);
        for (int from = 0; from < ids.size(); from += CHUNK) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
            String in = "official_id IN (" + "?,".repeat(chunk.size() - 1) + "?)";
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM certification_span WHERE " + in);
                 PreparedStatement insert = connection.prepareStatement(MERGE.formatted(FOREVER, "c." + in))) {
                for (int i = 0; i < chunk.size(); i++) {
                    delete.setLong(i + 1, chunk.get(i));
                    insert.setLong(i + 1, chunk.get(i));
                }
                delete.executeUpdate();
                insert.executeUpdate();
            }
        }
    }

    /** All the spans again, from every certificate. */
    public static void rebuild(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("DELETE FROM certification_span");
            statement.executeUpdate(MERGE.formatted(FOREVER, "1 = 1"));
        }
    }
}
