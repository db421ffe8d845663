package org.civicit.lms.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * {@code scripts/run} as a newcomer uses it: start, wait for the ready line, work, stop
 * with Ctrl-C (SIGTERM), start again on the same data and find the work still there. On
 * the embedded H2 by default; on PostgreSQL through {@code LMS_DB_URL} in that profile.
 */
class ScriptsRunIT {

    private static final Pattern GENERATED_PASSWORD = Pattern.compile("'admin' was created with the password (\\S+)");

    /** On PostgreSQL in that profile, through LMS_DB_URL; else the embedded default. */
    private static Map<String, String> database() {
        String url = System.getProperty("lms.it.scripts.dbUrl", "");
        if (url.isBlank()) {
            return Map.of();
        }
        return Map.of("LMS_DB_URL", url, "LMS_DB_USER", System.getProperty("lms.it.scripts.dbUser"),
                "LMS_DB_PASSWORD", System.getProperty("lms.it.scripts.dbPassword"));
    }

    private static String generatedPassword(LmsProcess run) {
        return run.output.stream().map(GENERATED_PASSWORD::matcher).filter(Matcher::find)
                .map(m -> m.group(1)).findFirst().orElse(null);
    }

    @Test
    void dataSurvivesARestartAndTheGeneratedAdminPasswordIsShownOnce() throws Exception {
        Path dataDir = Files.createDirectories(Path.of(System.getProperty("lms.it.workDir"), "scripts-run-data"));
        String password;
        URL base;
        try (LmsProcess first = new LmsProcess(dataDir, database())) {
            first.awaitReady();
            base = first.base();
            password = generatedPassword(first);
            assertThat(password).as("a generated admin password is printed at first start").isNotBlank();
            Api admin = Api.as(base, "admin", password);
            assertThat(admin.csv("api/agencies/import", """
                    code,name,level,sector,parent_code
                    RUN-TINH,Ủy ban nhân dân tỉnh,tỉnh,chính quyền,
                    RUN-XA,Ủy ban nhân dân xã Hòa Bình,xã,chính quyền,RUN-TINH
                    """).status()).isEqualTo(200);
            List<ProcessHandle> server = first.process.descendants().toList();
            assertThat(server).isNotEmpty();
            assertThat(first.stop()).isZero();
            assertThat(server).as("no Payara Micro left behind").noneMatch(ProcessHandle::isAlive);
        }
        try (LmsProcess second = new LmsProcess(dataDir, database())) {
            second.awaitReady();
            base = second.base();
            assertThat(generatedPassword(second)).as("the password is shown only once").isNull();
            Api.Reply tree = Api.as(base, "admin", password).get("api/agencies");
            assertThat(tree.status()).isEqualTo(200);
            assertThat(tree.body()).contains("RUN-TINH", "Ủy ban nhân dân xã Hòa Bình");
            assertThat(Api.anonymous(base).get("").body()).contains("Bồi dưỡng");
            second.stop();
        }
    }
}
