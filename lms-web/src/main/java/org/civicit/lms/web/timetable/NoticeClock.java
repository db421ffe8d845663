package org.civicit.lms.web.timetable;

import java.time.DayOfWeek;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.civicit.lms.platform.Today;
import org.civicit.lms.timetable.AttendanceSummaries;
import org.civicit.lms.timetable.SessionReminders;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends the timetable's scheduled notices every few minutes: from {@code lms.notices.reminder-hour}
 * on, a reminder to each trainee of each of tomorrow's sessions; from the weekly day and hour on,
 * each HR's attendance summary of the week. Every node runs it, and that is safe: before sending,
 * a node claims the notice by inserting its row into {@code notice_claim}, whose primary key lets
 * exactly one insert win, so each notice goes out once however many nodes run at the same moment.
 */
@ApplicationScoped
public class NoticeClock {

    private static final Logger LOG = Logger.getLogger(NoticeClock.class.getName());

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    SessionReminders reminders;

    @Inject
    AttendanceSummaries summaries;

    @Inject
    @ConfigProperty(name = "lms.notices.clock-seconds", defaultValue = "300")
    int intervalSeconds;

    /** From this hour of the day before (province time) reminders go out. */
    @Inject
    @ConfigProperty(name = "lms.notices.reminder-hour", defaultValue = "7")
    int reminderHour;

    @Inject
    @ConfigProperty(name = "lms.notices.weekly-day", defaultValue = "MONDAY")
    String weeklyDay;

    @Inject
    @ConfigProperty(name = "lms.notices.weekly-hour", defaultValue = "7")
    int weeklyHour;

    private ScheduledFuture<?> task;

    public void start() {
        DayOfWeek day = DayOfWeek.valueOf(weeklyDay.strip().toUpperCase(Locale.ROOT));
        if (reminderHour < 0 || reminderHour > 23 || weeklyHour < 0 || weeklyHour > 23) {
            throw new IllegalArgumentException("lms.notices.reminder-hour and lms.notices.weekly-hour are hours, 0 to 23");
        }
        task = scheduler.scheduleWithFixedDelay(() -> tick(day), intervalSeconds, intervalSeconds, TimeUnit.SECONDS);
        LOG.info(() -> "Session reminders (from " + reminderHour + ":00 the day before) and weekly attendance"
                + " summaries (" + day + " from " + weeklyHour + ":00) are checked every " + intervalSeconds + " s");
    }

    void tick(DayOfWeek day) {
        OffsetDateTime now = OffsetDateTime.now(Today.VIETNAM);
        // One kind of notice failing must not hold back the other.
        try {
            if (now.getHour() >= reminderHour) {
                int sent = reminders.run(now);
                if (sent > 0) {
                    LOG.info(() -> sent + " session reminder(s) sent");
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not send session reminders; trying again at the next run", e);
        }
        try {
            int sent = summaries.run(now, day, weeklyHour);
            if (sent > 0) {
                LOG.info(() -> sent + " weekly attendance summary(ies) sent");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not send weekly attendance summaries; trying again at the next run", e);
        }
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }
}
