package org.civicit.lms.web.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContext;

import org.civicit.lms.assessment.QuestionBanks;
import org.civicit.lms.catalog.Catalog;
import org.civicit.lms.catalog.CourseFile;
import org.civicit.lms.csv.CsvRejectedException;
import org.civicit.lms.platform.Database;
import org.civicit.lms.roster.Accounts;
import org.civicit.lms.roster.Roster;
import org.civicit.lms.web.assessment.ExamClock;
import org.civicit.lms.web.timetable.NoticeClock;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What happens once at every start, before the first request: the schema is migrated,
 * the built-in admin made sure of, and the demo province loaded when asked for.
 */
@ApplicationScoped
public class Startup {

    private static final Logger LOG = Logger.getLogger(Startup.class.getName());
    private static final String CATALOG = "/WEB-INF/classes/content/catalog/";
    private static final String BANKS = "/WEB-INF/classes/content/banks/";
    private static final int STARTUP_ATTEMPTS = 5;

    @Resource(lookup = Database.JNDI_NAME)
    DataSource dataSource;

    @Inject
    Accounts accounts;

    @Inject
    Catalog catalog;

    @Inject
    Roster roster;

    @Inject
    QuestionBanks questionBanks;

    @Inject
    ExamClock examClock;

    @Inject
    NoticeClock noticeClock;

    @Inject
    DemoProvince demoProvince;

    @Inject
    @ConfigProperty(name = "lms.admin.password")
    Optional<String> adminPassword;

    @Inject
    @ConfigProperty(name = "lms.demo.data", defaultValue = "false")
    boolean demoData;

    private volatile boolean ready;

    /** In a web module the event carries the servlet context, through which the catalogue files are listed. */
    void start(@Observes @Initialized(ApplicationScoped.class) ServletContext context) {
        int migrations = Database.migrate(dataSource, getClass().getClassLoader());
        LOG.info(() -> "Database schema up to date (" + migrations + " migration(s) applied now)");
        loadShippedContent(context);
        if (demoData && !roster.hasAgencies()) {
            loadDemo();
        }
        examClock.start();
        noticeClock.start();
        ready = true;
    }

    /**
     * The shipped courses and banks, and the built-in admin. Nodes of a cluster started
     * together on an empty database may each find a course missing and add it: one of them
     * then breaks a unique key and rolls back. It tries again a moment later, when the
     * other's rows are there to be found.
     */
    private void loadShippedContent(ServletContext context) {
        for (int attempt = 1; ; attempt++) {
            try {
                loadOnce(context);
                return;
            } catch (RuntimeException e) {
                if (attempt == STARTUP_ATTEMPTS) {
                    throw e;
                }
                LOG.log(Level.INFO, "Another node was loading the shipped content at the same time; trying again", e);
                pause(ThreadLocalRandom.current().nextLong(1_000, 3_000));
            }
        }
    }

    private void loadOnce(ServletContext context) {
        catalog.load(courseFiles(context));
        List<String> banks = new ArrayList<>(contentFiles(context, BANKS, ".gift"));
        // Banks with pictures come as Moodle XML, which carries them.
        banks.addAll(contentFiles(context, BANKS, ".xml"));
        for (String bank : banks) {
            String name = bank.substring(BANKS.length());
            questionBanks.loadShipped(name, read(context, bank)).ifPresent(imported -> LOG.info(() -> "Question bank "
                    + name + ": " + imported.created() + " new, " + imported.updated() + " changed, "
                    + imported.unchanged() + " unchanged"));
        }
        accounts.ensureAdmin(adminPassword.filter(p -> !p.isBlank())).ifPresent(generated -> LOG.warning(
                "The built-in account 'admin' was created with the password " + generated
                        + " . It is shown only this once; set LMS_ADMIN_PASSWORD to choose one."));
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while starting", e);
        }
    }

    /** A demo that cannot load leaves the application serving, with the reason in the log. */
    private void loadDemo() {
        long started = System.nanoTime();
        try {
            demoProvince.load();
            LOG.info(() -> "Demo province ready in " + (System.nanoTime() - started) / 1_000_000 + " ms");
        } catch (CsvRejectedException e) {
            LOG.log(Level.SEVERE, "The demo province was not loaded: a sample file was refused: " + e.errors(), e);
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "The demo province was not fully loaded", e);
        }
    }

    public boolean isReady() {
        return ready;
    }

    private static List<CourseFile> courseFiles(ServletContext context) {
        return contentFiles(context, CATALOG, ".md").stream()
                .map(path -> CourseFile.parse(path, read(context, path)))
                .toList();
    }

    private static List<String> contentFiles(ServletContext context, String folder, String extension) {
        Set<String> paths = context.getResourcePaths(folder);
        return paths == null ? List.of() : new TreeSet<>(paths).stream().filter(p -> p.endsWith(extension)).toList();
    }

    private static String read(ServletContext context, String path) {
        try (InputStream in = context.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
