package org.civicit.lms.certification;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * Keeps {@code held_certificate} true to the certificates: per official and programme, which
 * certificate is the one they hold on each day, as spans of days. The one held is the latest
 * issued of those valid that day ({@link Validity}), so that the officials export finds it by
 * one join instead of ranking every certificate again. Every change to certificates passes
 * through here in the same transaction, by way of {@link CertificationSpans#refresh}.
 */
public final class HeldCertificates {

    /** Whether a held span, aliased {@code h}, covers the day bound twice. */
    public static final String COVERS_SQL = "h.valid_from <= ? AND (h.valid_until IS NULL OR h.valid_until >= ?)";

    private static final int CHUNK = 500;
    private static final int BATCH = 1000;
    private static final String CERTIFICATES = "SELECT official_id, programme_id, id, number, issued_on, expires_on"
            + " FROM certificate WHERE revoked_at IS NULL AND %s ORDER BY official_id, programme_id";
    private static final String INSERT = "INSERT INTO held_certificate (official_id, programme_id, valid_from,"
            + " valid_until, certificate_id, number, issued_on, expires_on) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

    private HeldCertificates() {
    }

    private record Certificate(long officialId, long programmeId, long id, String number, LocalDate issuedOn,
                               LocalDate expiresOn) {

        boolean validOn(LocalDate day) {
            return Validity.validOn(day, issuedOn, expiresOn, false);
        }

        boolean laterThan(Certificate other) {
            int byDay = issuedOn.compareTo(other.issuedOn);
            return byDay > 0 || byDay == 0 && id > other.id;
        }
    }

    /** Makes the held certificates of these officials true again after their certificates changed. */
    public static void refresh(Connection connection, Collection<Long> officialIds) throws SQLException {
        List<Long> ids = new ArrayList<>(officialIds);
        for (int from = 0; from < ids.size(); from += CHUNK) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
            String in = "official_id IN (" + "?,".repeat(chunk.size() - 1) + "?)";
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM held_certificate WHERE " + in);
                 PreparedStatement select = connection.prepareStatement(CERTIFICATES.formatted(in))) {
                for (int i = 0; i < chunk.size(); i++) {
                    delete.setLong(i + 1, chunk.get(i));
                    select.setLong(i + 1, chunk.get(i));
                }
                delete.executeUpdate();
                write(connection, select);
            }
        }
    }

    /** All of them again, from every certificate. */
    public static void rebuild(Connection connection) throws SQLException {
        try (Statement delete = connection.createStatement();
             PreparedStatement select = connection.prepareStatement(CERTIFICATES.formatted("1 = 1"))) {
            delete.executeUpdate("DELETE FROM held_certificate");
            select.setFetchSize(BATCH);
            write(connection, select);
        }
    }

    /** Reads the certificates, grouped by official and programme, and writes what each holds when. */
    private static void write(Connection connection, PreparedStatement select) throws SQLException {
        try (ResultSet rs = select.executeQuery();
             PreparedStatement insert = connection.prepareStatement(INSERT)) {
            List<Certificate> group = new ArrayList<>();
            int[] pending = {0};
            while (rs.next()) {
                Certificate next = new Certificate(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
                        rs.getDate(5).toLocalDate(), rs.getDate(6) == null ? null : rs.getDate(6).toLocalDate());
                if (!group.isEmpty() && (group.get(0).officialId() != next.officialId()
                        || group.get(0).programmeId() != next.programmeId())) {
                    spans(group, insert, pending);
                    group.clear();
                }
                group.add(next);
            }
            spans(group, insert, pending);
            insert.executeBatch();
        }
    }

    /**
     * The spans of one official and programme. Which certificates are valid changes only on
     * a day one is issued or the day after one expires, so the one held is decided on those
     * days and kept until the next.
     */
    private static void spans(List<Certificate> certificates, PreparedStatement insert, int[] pending)
            throws SQLException {
        TreeSet<LocalDate> changes = new TreeSet<>();
        for (Certificate c : certificates) {
            changes.add(c.issuedOn());
            if (c.expiresOn() != null) {
                changes.add(c.expiresOn().plusDays(1));
            }
        }
        Certificate held = null;
        LocalDate heldFrom = null;
        for (LocalDate day : changes) {
            Certificate best = null;
            for (Certificate c : certificates) {
                if (c.validOn(day) && (best == null || c.laterThan(best))) {
                    best = c;
                }
            }
            if (best != held) {
                if (held != null) {
                    add(insert, held, heldFrom, day.minusDays(1), pending);
                }
                held = best;
                heldFrom = day;
            }
        }
        if (held != null) {
            add(insert, held, heldFrom, null, pending);
        }
    }

    private static void add(PreparedStatement insert, Certificate held, LocalDate from, LocalDate until,
            int[] pending) throws SQLException {
        insert.setLong(1, held.officialId());
        insert.setLong(2, held.programmeId());
        insert.setDate(3, Date.valueOf(from));
        insert.setDate(4, until == null ? null : Date.valueOf(until));
        insert.setLong(5, held.id());
        insert.setString(6, held.number());
        insert.setDate(7, Date.valueOf(held.issuedOn()));
        insert.setDate(8, held.expiresOn() == null ? null : Date.valueOf(held.expiresOn()));
        insert.addBatch();
        if (++pending[0] % BATCH == 0) {
            insert.executeBatch();
        }
    }
}
