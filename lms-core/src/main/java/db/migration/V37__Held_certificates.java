package db.migration;

import java.sql.Statement;

import org.civicit.lms.certification.HeldCertificates;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * The certificate each official holds of a programme, day by day (see {@link HeldCertificates}),
 * filled from the certificates already there. valid_until NULL: for good. The number and dates
 * are copied so that the officials export reads one row per holder and no certificate.
 */
public class V37__Held_certificates extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        try (Statement statement = context.getConnection().createStatement()) {
            statement.execute("""
                    CREATE TABLE held_certificate (
                        official_id    BIGINT      NOT NULL REFERENCES official (id),
                        programme_id   BIGINT      NOT NULL REFERENCES programme (id),
                        valid_from     DATE        NOT NULL,
                        valid_until    DATE,
                        certificate_id BIGINT      NOT NULL REFERENCES certificate (id),
                        number         VARCHAR(40) NOT NULL,
                        issued_on      DATE        NOT NULL,
                        expires_on     DATE,
                        PRIMARY KEY (official_id, programme_id, valid_from)
                    )""");
        }
        HeldCertificates.rebuild(context.getConnection());
    }
}
