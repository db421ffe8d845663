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

import org.civicit.lms.assessment.Assessments;
import org.civicit.lms.assessment.Attempts;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What the exams' clock does every few seconds: submits attempts left open past their
 * deadline, with the answers saved so far, and tells the trainees of a class that its
 * exam opened. Every node runs it; each attempt is submitted, and each opening told, under
 * its row lock after its state is read again, so two nodes never do one twice.
 */
@ApplicationScoped
public class ExamClock {

    private static final Logger LOG = Logger.getLogger(ExamClock.class.getName());
    private static final int BATCH = 500;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    Attempts attempts;

    @Inject
    Assessments assessments;

    @Inject
    @ConfigProperty(name = "lms.exams.clock-seconds", defaultValue = "15")
    int intervalSeconds;

    private ScheduledFuture<?> task;

    public void start() {
        task = scheduler.scheduleWithFixedDelay(this::tick, intervalSeconds, intervalSeconds, TimeUnit.SECONDS);
        LOG.info(() -> "Overdue exam attempts are submitted, and opened exams told, every " + intervalSeconds + " s");
    }

    void tick() {
        submitOverdue();
        try {
            assessments.announceOpenings();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not tell classes of their opened exams; trying again at the next run", e);
        }
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
