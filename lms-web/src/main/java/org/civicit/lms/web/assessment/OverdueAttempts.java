package org.civicit.lms.web.assessment;

import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;

import org.civicit.lms.assessment.Attempts;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Submits attempts left open past their deadline, with the answers saved so far, every
 * few seconds. Every node runs it; each attempt is submitted under its row lock after its
 * status is read again, so two nodes never submit one attempt twice.
 */
@ApplicationScoped
public class OverdueAttempts {

    private static final Logger LOG = Logger.getLogger(OverdueAttempts.class.getName());
    private static final int BATCH = 500;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    Attempts attempts;

    @Inject
    @ConfigProperty(name = "lms.exams.overdue-check-seconds", defaultValue = "15")
    int intervalSeconds;

    private ScheduledFuture<?> task;

    public void start() {
        task = scheduler.scheduleWithFixedDelay(this::submitOverdue, intervalSeconds, intervalSeconds, TimeUnit.SECONDS);
        LOG.info(() -> "Overdue exam attempts are submitted every " + intervalSeconds + " s");
    }

    void submitOverdue() {
        List<Long> overdue;
        try {
            overdue = attempts.overdue(BATCH);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not list overdue exam attempts; trying again at the next run", e);
            return;
        }
        int submitted = 0;
        for (Long id : overdue) {
            // One attempt that fails must not hold back the others.
            try {
                submitted += attempts.submitIfOverdue(id) ? 1 : 0;
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Could not submit overdue exam attempt " + id + "; trying again at the next run", e);
            }
        }
        if (submitted > 0) {
            int count = submitted;
            LOG.info(() -> count + " overdue exam attempt(s) submitted with the answers saved so far");
        }
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }
}
