package org.civicit.lms.web.assessment;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.civicit.lms.assessment.Assessment;
import org.civicit.lms.assessment.Attempt;
import org.civicit.lms.assessment.AttemptStatus;
import org.civicit.lms.assessment.Attempts;
import org.civicit.lms.assessment.Results;
import org.civicit.lms.certification.Certificate;
import org.civicit.lms.certification.Certificates;
import org.civicit.lms.platform.Written;
import org.civicit.lms.roster.Scope;
import org.civicit.lms.web.problem.PageMessages;
import org.civicit.lms.web.security.Caller;

/** Behind {@code trainee/exams.xhtml}: a trainee's exams with their results, and its certificates. */
@Named
@RequestScoped
public class ExamsBacking {

    /** One exam as the page shows it (getters, for the page's EL). */
    public static final class Row {
        private final Attempts.Sitting sitting;

        Row(Attempts.Sitting sitting) {
            this.sitting = sitting;
        }

        public String getCode() {
            return sitting.assessment().getCode();
        }

        public String getTitle() {
            return sitting.assessment().getTitle();
        }

        /** When it may be taken, in Vietnam's time; blank ends are open. */
        public String getWindow() {
            Assessment assessment = sitting.assessment();
            return moment(assessment.getOpensAt()) + " – " + moment(assessment.getClosesAt());
        }

        public int getTimeLimitMinutes() {
            return sitting.assessment().getTimeLimitMinutes();
        }

        public String getAttempts() {
            return sitting.attempts().size() + "/" + sitting.assessment().getMaxAttempts();
        }

        /** The latest attempt's standing: being taken, awaiting grading, or its score and verdict. */
        public String getResult() {
            if (sitting.attempts().isEmpty()) {
                return "";
            }
            Attempt latest = sitting.attempts().get(sitting.attempts().size() - 1);
            if (latest.getStatus() != AttemptStatus.GRADED) {
                return PageMessages.text("AttemptStatus." + latest.getStatus());
            }
            return Written.number(latest.getScore()) + "/" + Written.number(latest.getMaxScore()) + " ("
                    + Written.number(Results.percent(latest.getScore(), latest.getMaxScore())) + "%) — "
                    + PageMessages.text(Boolean.TRUE.equals(latest.getPassed()) ? "exam.passed" : "exam.failed");
        }

        public boolean isTakeable() {
            return sitting.takeable();
        }

        private static String moment(OffsetDateTime at) {
            return at == null ? "" : Written.moment(at);
        }
    }

    @Inject
    Attempts attempts;

    @Inject
    Certificates certificates;

    @Inject
    Caller caller;

    private List<Row> exams;

    private List<Certificate> held;

    /** The exams that can be taken now first, then the rest, each part in the order they close. */
    public List<Row> getExams() {
        if (exams == null) {
            exams = attempts.sittings(caller.trainee()).stream()
                    .sorted(Comparator.comparing((Attempts.Sitting sitting) -> !sitting.takeable()))
                    .map(Row::new).toList();
        }
        return exams;
    }

    /** The trainee's own certificates, newest first. */
    public List<Certificate> getCertificates() {
        if (held == null) {
            held = certificates.of(Scope.ALL, caller.trainee().getEmployeeCode());
        }
        return held;
    }

    /** A certificate's standing today, as the page names it. */
    public String status(Certificate certificate) {
        return PageMessages.text("CertificateStatus." + certificate.statusOn(certificates.today()));
    }

    /** Whether a certificate may still be printed: a revoked one may not. */
    public boolean printable(Certificate certificate) {
        return certificate.getRevokedAt() == null;
    }

    /** A day as people here write it. */
    public String day(LocalDate day) {
        return day == null ? "" : Written.day(day);
    }
}
