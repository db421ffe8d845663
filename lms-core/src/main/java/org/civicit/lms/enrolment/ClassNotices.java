package org.civicit.lms.enrolment;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.civicit.lms.platform.Mailer;
import org.civicit.lms.platform.NoticeText;
import org.civicit.lms.platform.Written;
import org.civicit.lms.roster.Official;

/**
 * E-mail to officials about their classes: enrolled, waitlisted, moved up from the
 * waitlist, request received or refused, class cancelled, failed for attendance or back in
 * after a correction, and an exam of their class opened. Written in
 * Vietnamese with an English copy. Messages are composed in the transaction that made the
 * change and sent only once it commits, off the request thread; nothing is sent when no
 * SMTP server is configured or the official has no address.
 */
@ApplicationScoped
public class ClassNotices {

    private static final Logger LOG = Logger.getLogger(ClassNotices.class.getName());
    private static final Locale VIETNAMESE = NoticeText.VIETNAMESE;
    private static final Object PENDING = ClassNotices.class.getName() + ".pending";

    /** One e-mail waiting for its transaction to commit. */
    private record Notice(String to, String subject, String text) {
    }

    @Inject
    Mailer mailer;

    @PersistenceContext(unitName = "lms")
    EntityManager em;

    @Resource
    TransactionSynchronizationRegistry transactions;

    @Resource
    ManagedExecutorService executor;

    void enrolmentChanged(@Observes EnrolmentChanged changed) {
        Enrolment enrolment = changed.enrolment();
        if (!mailer.enabled() || !hasAddress(enrolment.getOfficial())) {
            return;
        }
        String kind = switch (enrolment.getStatus()) {
            case ENROLLED -> changed.before() == EnrolmentStatus.WAITLISTED ? "promoted"
                    : changed.before() == EnrolmentStatus.FAILED ? "reinstated" : "enrolled";
            case WAITLISTED -> "waitlisted";
            case REQUESTED -> "requested";
            case WITHDRAWN -> enrolment.getOffering().getStatus() == OfferingStatus.CANCELLED ? "cancelled"
                    : changed.before() == EnrolmentStatus.REQUESTED ? "refused" : null;
            case FAILED -> enrolment.getFailedReason() == FailReason.ATTENDANCE ? "failedAttendance" : null;
            default -> null;
        };
        if (kind != null) {
            Offering offering = enrolment.getOffering();
            queue(enrolment.getOfficial(), kind, enrolment.getOfficial().getFullName(), offering.getTitle(),
                    offering.getCode(), Written.day(offering.getStartsOn()), Written.day(offering.getEndsOn()),
                    offering.getPlace() == null ? "" : offering.getPlace());
        }
    }

    /** Tells the trainees of a class, once the transaction commits, that one of its exams opened. */
    public void examOpened(Offering offering, String title, String code, OffsetDateTime closesAt,
            int timeLimitMinutes) {
        if (!mailer.enabled()) {
            return;
        }
        String closes = closesAt == null ? "-" : Written.moment(closesAt);
        for (Enrolment seat : em.createNamedQuery(Enrolment.SEATS_IN_OFFERING, Enrolment.class)
                .setParameter("offering", offering).getResultList()) {
            if (hasAddress(seat.getOfficial())) {
                queue(seat.getOfficial(), "exam", seat.getOfficial().getFullName(), title, code, closes,
                        timeLimitMinutes);
            }
        }
    }

    private static boolean hasAddress(Official official) {
        return official.getEmail() != null && !official.getEmail().isBlank();
    }

    private void queue(Official official, String kind, Object... arguments) {
        String subject = text(VIETNAMESE, "notice." + kind + ".subject", arguments);
        String text = text(VIETNAMESE, "notice." + kind + ".body", arguments) + "\n\n---\n\n"
                + text(Locale.ENGLISH, "notice." + kind + ".body", arguments);
        pending().add(new Notice(official.getEmail(), subject, text));
    }

    /** The notices of the current transaction, sent after it commits and dropped if it rolls back. */
    @SuppressWarnings("unchecked")
    private List<Notice> pending() {
        List<Notice> pending = (List<Notice>) transactions.getResource(PENDING);
        if (pending == null) {
            List<Notice> created = new ArrayList<>();
            transactions.putResource(PENDING, created);
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                    // nothing to do before the commit
                }

                @Override
                public void afterCompletion(int status) {
                    if (status == Status.STATUS_COMMITTED) {
                        List<Notice> committed = List.copyOf(created);
                        executor.execute(() -> committed.forEach(ClassNotices.this::send));
                    }
                }
            });
            pending = created;
        }
        return pending;
    }

    private void send(Notice notice) {
        try {
            mailer.send(notice.to(), notice.subject(), notice.text());
        } catch (MessagingException | RuntimeException e) {
            LOG.log(Level.WARNING, "Could not send the notice \"" + notice.subject() + "\" to " + notice.to(), e);
        }
    }

    private static String text(Locale locale, String key, Object... arguments) {
        return NoticeText.of(locale, key, arguments);
    }
}
