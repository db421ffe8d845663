package org.civicit.lms;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import javax.sql.DataSource;

import org.civicit.lms.audit.AuditLog;
import org.civicit.lms.certification.CertificationSpans;
import org.civicit.lms.certification.HeldCertificates;
import org.civicit.lms.platform.Database;
import org.h2.jdbcx.JdbcDataSource;

/** A fresh in-memory H2 database, in the mode the application runs it, built by the migrations. */
public final class TestDatabase {

    private final JdbcDataSource dataSource = new JdbcDataSource();

    public TestDatabase() {
        dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        Database.migrate(dataSource, getClass().getClassLoader());
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** The rows of a query, cells joined by {@code |}, one line a row. */
    public String query(String sql) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            StringBuilder out = new StringBuilder();
            while (rs.next()) {
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    out.append(i > 1 ? "|" : "").append(rs.getString(i));
                }
                out.append('\n');
            }
            return out.toString();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public void execute(String sql) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The certification spans and held certificates again, after a test changed certificates by hand. */
    public void rebuildCertificationSpans() {
        try (Connection c = dataSource.getConnection()) {
            CertificationSpans.rebuild(c);
            HeldCertificates.rebuild(c);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Gives a bean the data source the container would inject, and an audit log writing to it. */
    public <T> T wire(T bean) {
        for (Class<?> type = bean.getClass(); type != Object.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                Object value = field.getType() == DataSource.class ? dataSource
                        : field.getType() == AuditLog.class ? wire(new AuditLog()) : null;
                if (value != null) {
                    try {
                        field.setAccessible(true);
                        field.set(bean, value);
                    } catch (IllegalAccessException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        }
        return bean;
    }

    public static InputStream csv(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    /** A file of the small province under {@code src/test/resources/province}. */
    public static InputStream province(String file) {
        try {
            return TestDatabase.class.getResource("/province/" + file).openStream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
