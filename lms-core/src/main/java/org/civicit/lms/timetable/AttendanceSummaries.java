package org.civicit.lms.timetable;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import org.civicit.lms.enrolment.Enrolment;
import org.civicit.lms.enrolment.Offering;
import org.civicit.lms.enrolment.OfferingStatus;
import org.civicit.lms.platform.MailOnce;
import org.civicit.lms.platform.NoticeClaims;
import org.civicit.lms.platform.NoticeText;
import org.civicit.lms.platform.Today;
import org.civicit.lms.platform.Written;
import org.civicit.lms.roster.Account;
import org.civicit.lms.roster.Role;
import org.civicit.lms.roster.Scope;

/**
 * Once a week, an e-mail to each HR account with an address: for the classes that met in the
 * week before, which officials of its agency's subtree were absent, and which are at risk of
 * failing on attendance or already failing ({@link AttendanceShare#standing()}). An HR with
 * nothing to report gets no mail that week. Sent once per account and week, however many
 * nodes run this (see {@link MailOnce}).
 */
@ApplicationScoped
public class AttendanceSummaries {

    public static final String KIND = "ATTENDANCE_WEEK";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy");

    private static final String RECIPIENTS = "SELECT a FROM Account a JOIN FETCH a.agency JOIN FETCH a.official"
            + " WHERE :hr MEMBER OF a.roles ORDER BY a.username";
    private static final String ABSENCES = "SELECT o.id, s.startsAt, off.employeeCode, off.fullName"
            + " FROM Attendance a, ClassSession s JOIN s.offering o, Official off"
            + " WHERE s.id = a.sessionId AND off.id = a.officialId AND s.cancelled = false AND a.status = :absent"
            + " AND s.startsAt >= :from AND s.startsAt < :until AND off.agency.path LIKE :agencies"
            + " ORDER BY o.code, s.startsAt, off.employeeCode";
    private static final String CLASSES_THAT_MET = "SELECT DISTINCT o FROM ClassSession s JOIN s.offering o WHERE s.cancelled = false"
            + " AND s.startsAt >= :from AND s.startsAt < :until ORDER BY o.code";
    private static final String SEATS_IN_SCOPE = "SELECT e FROM Enrolment e JOIN FETCH e.official off"
            + " WHERE e.offering = :offering AND off.agency.path LIKE :agencies AND e.status IN"
            + " (org.civicit.lms.enrolment.EnrolmentStatus.ENROLLED, org.civicit.lms.enrolment.EnrolmentStatus.COMPLETED,"
            + " org.civicit.lms.enrolment.EnrolmentStatus.FAILED) ORDER BY off.employeeCode";

    @PersistenceContext(unitName = "lms")
    EntityManager em;

    @Inject
    AttendanceRegister register;

    @Inject
    MailOnce mail;

    /** This bean through its proxy, so that each read runs in a transaction of its own, and no send in one. */
    @Inject
    AttendanceSummaries self;

    /** An HR account that may receive the summary of its agency's subtree. */
    public record Recipient(String username, long agencyId) {
    }

    /** When the summary of the week holding {@code today} is due: that week's {@code day} at {@code hour}. */
    public static LocalDateTime dueAt(LocalDate today, DayOfWeek day, int hour) {
        return today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).plusDays(day.getValue() - 1L)
                .atTime(hour, 0);
    }

    /** The ISO week of a day, as {@code 2026-W49}: a summary's key. */
    public static String week(LocalDate day) {
        return "%d-W%02d".formatted(day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    /**
     * Sends this week's summaries not sent yet, once the week's moment has come. Each covers
     * the seven days before that moment.
     *
     * @return how many summaries this run sent
     */
    public int run(OffsetDateTime now, DayOfWeek day, int hour) {
        if (!mail.enabled()) {
            return 0;
        }
        LocalDateTime local = now.atZoneSameInstant(Today.VIETNAM).toLocalDateTime();
        LocalDateTime until = dueAt(local.toLocalDate(), day, hour);
        if (local.isBefore(until)) {
            return 0;
        }
        LocalDateTime from = until.minusWeeks(1);
        int sent = 0;
        for (Recipient recipient : self.recipients()) {
            NoticeClaims.Key key = new NoticeClaims.Key(KIND,
                    "agency:" + recipient.agencyId() + "/" + week(until.toLocalDate()),
                    "account:" + recipient.username());
            sent += mail.send(key, now, () -> self.compose(recipient.username(), from, until)) ? 1 : 0;
        }
        return sent;
    }

    /** The HR accounts that may log in and have an address. */
    @Transactional
    public List<Recipient> recipients() {
        return em.createQuery(RECIPIENTS, Account.class).setParameter("hr", Role.HR).getResultStream()
                .filter(a -> a.mayLogIn() && a.getEmail() != null && !a.getEmail().isBlank())
                .map(a -> new Recipient(a.getUsername(), a.getAgency().getId())).toList();
    }

    /** One class's lines of the summary. */
    private record ClassLines(Offering offering, List<String> lines) {
    }

    /** The summary of one HR account for the days from {@code from} until {@code until}; empty with nothing to report. */
    @Transactional
    public Optional<MailOnce.Mail> compose(String username, LocalDateTime from, LocalDateTime until) {
        Account account = em.createQuery(RECIPIENTS.replace(" ORDER BY a.username", " AND a.username = :username"),
                Account.class).setParameter("hr", Role.HR).setParameter("username", username).getSingleResult();
        Locale locale = NoticeText.chosen(account.getLanguage());
        String agencies = Scope.subtree(account.getAgency()).pathPattern();
        Map<Long, ClassLines> classes = new LinkedHashMap<>();
        List<Offering> met = em.createQuery(CLASSES_THAT_MET, Offering.class).setParameter("from", from)
                .setParameter("until", until).getResultList();
        met.forEach(o -> classes.put(o.getId(), new ClassLines(o, new ArrayList<>())));
        em.createQuery(ABSENCES, Object[].class).setParameter("absent", AttendanceStatus.ABSENT)
                .setParameter("from", from).setParameter("until", until).setParameter("agencies", agencies)
                .getResultStream().forEach(row -> classes.get(((Number) row[0]).longValue()).lines().add(NoticeText.of(
                        locale, "notice.summary.absent", row[3], row[2], WHEN.format((LocalDateTime) row[1]))));
        for (Offering offering : met) {
            if (offering.getMinAttendancePercent() == null || offering.getStatus() == OfferingStatus.CANCELLED) {
                continue;
            }
            for (Enrolment seat : em.createQuery(SEATS_IN_SCOPE, Enrolment.class).setParameter("offering", offering)
                    .setParameter("agencies", agencies).getResultList()) {
                AttendanceShare share = register.share(offering, seat.getOfficial());
                AttendanceStanding standing = share.standing();
                if (standing != AttendanceStanding.ON_TRACK) {
                    classes.get(offering.getId()).lines().add(NoticeText.of(locale,
                            standing == AttendanceStanding.AT_RISK ? "notice.summary.atRisk" : "notice.summary.failing",
                            seat.getOfficial().getFullName(), seat.getOfficial().getEmployeeCode(),
                            String.valueOf(share.attended()), String.valueOf(share.sessions()),
                            String.valueOf(share.needed())));
                }
            }
        }
        StringBuilder body = new StringBuilder();
        for (ClassLines lines : classes.values()) {
            if (!lines.lines().isEmpty()) {
                body.append(NoticeText.of(locale, "notice.summary.class", lines.offering().getTitle(),
                        lines.offering().getCode())).append('\n');
                lines.lines().forEach(line -> body.append(line).append('\n'));
            }
        }
        if (body.isEmpty()) {
            return Optional.empty();
        }
        String firstDay = Written.day(from.toLocalDate());
        String lastDay = Written.day(until.minusSeconds(1).toLocalDate());
        Object[] arguments = {account.getOfficial().getFullName(), account.getAgency().getName(), firstDay, lastDay,
            body.toString()};
        return Optional.of(new MailOnce.Mail(account.getEmail(), NoticeText.of(locale, "notice.summary.subject",
                arguments), NoticeText.of(locale, "notice.summary.body", arguments)));
    }
}
