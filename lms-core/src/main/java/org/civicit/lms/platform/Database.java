package org.civicit.lms.platform;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;

/** The application's one database: where to find it, and how its schema comes to be. */
public final class Database {

    /** The data source every feature uses, defined by the web module from configuration. */
    public static final String JNDI_NAME = "java:app/jdbc/lms";

    private Database() {
    }

    /** Brings the schema up to date with the migrations in {@code db/migration}. */
    public static int migrate(DataSource dataSource, ClassLoader classLoader) {
        return Flyway.configure(classLoader)
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate()
                .migrationsExecuted;
    }
}
