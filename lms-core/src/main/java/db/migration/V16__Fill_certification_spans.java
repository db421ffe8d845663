package db.migration;

import org.civicit.lms.certification.CertificationSpans;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/** Fills the spans of V15 from the certificates already there, by the one query that keeps them. */
public class V16__Fill_certification_spans extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        CertificationSpans.rebuild(context.getConnection());
    }
}
