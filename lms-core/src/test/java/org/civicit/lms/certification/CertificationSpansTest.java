package org.civicit.lms.certification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civicit.lms.TestDatabase.csv;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.civicit.lms.TestDatabase;
import org.civicit.lms.roster.AgencyImport;
import org.civicit.lms.roster.OfficialImport;
import org.civicit.lms.roster.Scope;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The spans a report counts holders from, against the rule they stand for ({@link Validity}). */
class CertificationSpansTest {

    private TestDatabase database;
    private long nextId = 1;

    @BeforeEach
    void officials() {
        database = new TestDatabase();
        database.wire(new AgencyImport()).apply(csv("code,name,level,sector\nT,Tỉnh,PROVINCE,STATE\n"));
        StringBuilder officials = new StringBuilder("employee_code,full_name,agency_code,position\n");
        for (int i = 1; i <= 30; i++) {
            officials.append("S").append(i).append(",Cán bộ ").append(i).append(",T,STAFF\n");
        }
        database.wire(new OfficialImport()).apply(csv(officials.toString()), Scope.ALL);
    }

    private record Held(long officialId, LocalDate issuedOn, LocalDate expiresOn, boolean revoked) {
    }

    /** The number of the certificate held on the day by the rule itself: the latest issued of the valid ones. */
    private static String heldByRule(List<Held> all, long officialId, LocalDate day) {
        String number = null;
        for (int i = 0; i < all.size(); i++) {
            Held h = all.get(i);
            if (h.officialId() == officialId && Validity.validOn(day, h.issuedOn(), h.expiresOn(), h.revoked())
                    && (number == null || !h.issuedOn().isBefore(issuedOfNumber(all, number)))) {
                number = "N-" + (i + 1);
            }
        }
        return number;
    }

    private static LocalDate issuedOfNumber(List<Held> all, String number) {
        return all.get(Integer.parseInt(number.substring(2)) - 1).issuedOn();
    }

    private static String heldInTable(Connection c, long officialId, LocalDate day) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT h.number FROM held_certificate h"
                + " WHERE h.official_id = ? AND h.programme_id = 1 AND " + HeldCertificates.COVERS_SQL)) {
            select.setLong(1, officialId);
            select.setDate(2, Date.valueOf(day));
            select.setDate(3, Date.valueOf(day));
            try (ResultSet rs = select.executeQuery()) {
                String number = rs.next() ? rs.getString(1) : null;
                assertThat(rs.next()).as("one held certificate at most on %s", day).isFalse();
                return number;
            }
        }
    }

    private void insert(Connection c, Held held) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO certificate (id, number, official_id,"
                + " programme_id, issued_on, expires_on, revoked_at, source, version)"
                + " VALUES (?, ?, ?, 1, ?, ?, ?, 'IMPORT', 0)")) {
            insert.setLong(1, nextId);
            insert.setString(2, "N-" + nextId++);
            insert.setLong(3, held.officialId());
            insert.setDate(4, Date.valueOf(held.issuedOn()));
            insert.setDate(5, held.expiresOn() == null ? null : Date.valueOf(held.expiresOn()));
            insert.setObject(6, held.revoked() ? java.sql.Timestamp.valueOf("2020-01-01 00:00:00") : null);
            insert.executeUpdate();
        }
    }

    private List<Long> officialIds() {
        return database.query("SELECT id FROM official ORDER BY id").lines().map(Long::valueOf).toList();
    }

    private long coveringSpans(Connection c, long officialId, LocalDate day) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT COUNT(*) FROM certification_span s"
                + " WHERE s.official_id = ? AND " + CertificationSpans.COVERS_SQL)) {
            select.setLong(1, officialId);
            select.setDate(2, Date.valueOf(day));
            select.setDate(3, Date.valueOf(day));
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Test
    void overlappingCertificatesMakeOneSpanAndRevokedOrBackwardOnesNone() throws SQLException {
        long holder = officialIds().get(0);
        try (Connection c = database.dataSource().getConnection()) {
            insert(c, new Held(holder, LocalDate.of(2010, 1, 1), LocalDate.of(2012, 12, 31), false));
            insert(c, new Held(holder, LocalDate.of(2012, 6, 1), LocalDate.of(2015, 5, 31), false));
            insert(c, new Held(holder, LocalDate.of(2013, 1, 1), LocalDate.of(2014, 1, 1), false));
            insert(c, new Held(holder, LocalDate.of(2016, 1, 1), LocalDate.of(2017, 1, 1), true));
            insert(c, new Held(holder, LocalDate.of(2018, 1, 1), null, false));
            insert(c, new Held(holder, LocalDate.of(2019, 1, 1), LocalDate.of(2018, 1, 1), false));
            CertificationSpans.refresh(c, List.of(holder));
        }
        assertThat(database.query("SELECT valid_from, valid_until FROM certification_span ORDER BY valid_from"))
                .isEqualTo("2010-01-01|2015-05-31\n2018-01-01|null\n");
    }

    @Test
    void aHolderIsCoveredByExactlyOneSpanOnEveryDayACertificateIsValidAndByNoneOtherwise() throws SQLException {
        Random random = new Random(42);
        List<Held> all = new ArrayList<>();
        try (Connection c = database.dataSource().getConnection()) {
            for (long official : officialIds()) {
                for (int n = random.nextInt(5); n > 0; n--) {
                    LocalDate issued = LocalDate.of(2009, 1, 1).plusDays(random.nextInt(5000));
                    LocalDate expires = random.nextInt(3) == 0 ? null : issued.plusDays(random.nextInt(2000) - 100);
                    Held held = new Held(official, issued, expires, random.nextInt(8) == 0);
                    insert(c, held);
                    all.add(held);
                }
            }
            CertificationSpans.refresh(c, officialIds());
            for (int probe = 0; probe < 400; probe++) {
                LocalDate day = LocalDate.of(2008, 6, 1).plusDays(random.nextInt(7000));
                long official = officialIds().get(random.nextInt(officialIds().size()));
                boolean valid = all.stream().anyMatch(h -> h.officialId() == official
                        && Validity.validOn(day, h.issuedOn(), h.expiresOn(), h.revoked()));
                assertThat(coveringSpans(c, official, day)).as("%s on %s", official, day).isEqualTo(valid ? 1 : 0);
                assertThat(heldInTable(c, official, day)).as("held by %s on %s", official, day)
                        .isEqualTo(heldByRule(all, official, day));
            }
            String held = database.query("SELECT * FROM held_certificate ORDER BY 1, 2, 3");
            HeldCertificates.rebuild(c);
            assertThat(database.query("SELECT * FROM held_certificate ORDER BY 1, 2, 3"))
                    .as("one by one or all at once, the same held certificates").isEqualTo(held);
            String refreshed = database.query("SELECT * FROM certification_span ORDER BY 1, 2, 3");
            CertificationSpans.rebuild(c);
            assertThat(database.query("SELECT * FROM certification_span ORDER BY 1, 2, 3"))
                    .as("one by one or all at once, the same spans").isEqualTo(refreshed);
        }
    }
}
