package org.civicit.lms.web.platform;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;

import org.civicit.lms.platform.Database;

/**
 * Defines the application's data source from MicroProfile Config, so that the environment
 * ({@code LMS_DB_URL}, {@code LMS_DATA_DIR}, ...) chooses the database; the defaults in
 * {@code META-INF/microprofile-config.properties} give an embedded H2 file database.
 */
@DataSourceDefinition(
        name = Database.JNDI_NAME,
        className = "org.civicit.lms.web.platform.SwitchingDataSource",
        url = "${MPCONFIG=lms.db.url}",
        user = "${MPCONFIG=lms.db.user}",
        password = "${MPCONFIG=lms.db.password}",
        minPoolSize = 2,
        // Requests queued on one class's row each hold a connection while they wait: a hundred
        // at once ran a pool of 30 dry on PostgreSQL. Nodes × 40 must stay within max_connections
        // (scripts/cluster warns when they do not).
        maxPoolSize = 40,
        properties = {
            "fish.payara.is-connection-validation-required=true",
            "fish.payara.connection-validation-method=meta-data"
        })
@ApplicationScoped
public class DatabaseDefinition {
}
