package org.civicit.lms.assessment;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import org.civicit.lms.audit.AuditAction;
import org.civicit.lms.audit.AuditLog;
import org.civicit.lms.audit.Details;
import org.civicit.lms.platform.BusinessException;

/**
 * What instructors do after the exam: grade essays and practical answers from a queue,
 * rescore an assessment after a key is corrected, and read how each question performed.
 * An instructor sees the assessments it grades; an administrator sees all.
 */
@ApplicationScoped
public class Grading {

    private static final Logger LOG = Logger.getLogger(Grading.class.getName());

    @PersistenceContext(unitName = "lms")
    EntityManager em;

    @Inject
    Assessments assessments;

    @Inject
    Results results;

    @Inject
    Attempts attempts;

    @Inject
    AuditLog audit;

    /** An answer waiting for an instructor, with the file handed in if any. */
    public record Pending(Attempt attempt, AttemptItem item, BankQuestion question, AttemptUpload.Described file) {
    }

    /** What a regrade changed. */
    public record Regraded(int attempts, int changed, int certificatesIssued, int certificatesRevoked) {
    }

    /** How one question performed: facility and discrimination as Moodle defines them, in percent. */
    public record ItemStatistics(Question question, int answered, double facility, Double discrimination) {
    }

    /** An assessment an instructor grades, with how its submitted attempts stand. */
    public record Graded(Assessment assessment, long submitted, long awaitingGrading, long passed) {
    }

    /** The assessments an instructor grades (the admin: all), by code, with their attempts counted. */
    public List<Graded> assessmentsGradedBy(String username, boolean admin) {
        List<Assessment> graded = em.createNamedQuery(Assessment.ALL, Assessment.class).getResultStream()
                .filter(assessment -> admin || assessment.isGradedBy(username)).toList();
        if (graded.isEmpty()) {
            return List.of();
        }
        Map<Long, long[]> counts = new HashMap<>();
        for (Object[] row : em.createNamedQuery(Attempt.COUNTS_BY_ASSESSMENT, Object[].class)
                .setParameter("ids", graded.stream().map(Assessment::getId).toList()).getResultList()) {
            long[] count = counts.computeIfAbsent((Long) row[0], id -> new long[3]);
            long number = ((Number) row[3]).longValue();
            AttemptStatus status = (AttemptStatus) row[1];
            if (status != AttemptStatus.OPEN) {
                count[0] += number;
            }
            if (status == AttemptStatus.AWAITING_GRADING) {
                count[1] += number;
            }
            if (status == AttemptStatus.GRADED && Boolean.TRUE.equals(row[2])) {
                count[2] += number;
            }
        }
        return graded.stream().map(assessment -> {
            long[] count = counts.getOrDefault(assessment.getId(), new long[3]);
            return new Graded(assessment, count[0], count[1], count[2]);
        }).toList();
    }

    public List<Pending> queue(String username, boolean admin) {
        List<Pending> pending = new ArrayList<>();
        Map<Long, Map<Long, AttemptUpload.Described>> files = new HashMap<>();
        for (Object[] row : em.createNamedQuery(AttemptItem.AWAITING_GRADING, Object[].class).getResultList()) {
            AttemptItem item = (AttemptItem) row[0];
            Attempt attempt = (Attempt) row[1];
            if (admin || attempt.getAssessment().isGradedBy(username)) {
                pending.add(new Pending(attempt, item, em.find(Question.class, item.getQuestionId()).parsed(),
                        files.computeIfAbsent(attempt.getId(), attempts::files).get(item.getQuestionId())));
            }
        }
        return pending;
    }

    /**
     * Grades one essay or practical answer. Grading an answer again needs the version that
     * was read, so two instructors never silently overwrite each other: the later gets a
     * conflict. The attempt's row lock makes "was this the last one?" a question with one answer.
     */
    @Transactional
    public Attempt grade(long attemptId, long questionId, Double points, String comment, Long expectedVersion,
            String by, boolean admin) {
        Attempt attempt = em.find(Attempt.class, attemptId, LockModeType.PESSIMISTIC_WRITE);
        if (attempt == null || !(admin || attempt.getAssessment().isGradedBy(by))) {
            throw new BusinessException.NotFound("attempt.notFound", attemptId);
        }
        AttemptItem item = em.find(AttemptItem.class, new AttemptItem.Key(attemptId, questionId));
        if (item == null) {
            throw new BusinessException.NotFound("attempt.question.notFound", questionId);
        }
        if (attempt.getStatus() == AttemptStatus.OPEN) {
            throw new BusinessException.Conflict("grading.attemptOpen");
        }
        if (em.find(Question.class, questionId).getType().autoGraded()) {
            throw new BusinessException.Invalid("grading.autoGraded");
        }
        if (points == null || points < 0 || points > item.getMaxPoints() || points.isNaN()) {
            throw new BusinessException.Invalid("grading.points", item.getMaxPoints());
        }
        if (comment != null && comment.length() > AttemptItem.COMMENT_LENGTH) {
            throw new BusinessException.Invalid("grading.comment", AttemptItem.COMMENT_LENGTH);
        }
        boolean gradedBefore = item.getGradedBy() != null;
        if (expectedVersion != null ? expectedVersion != item.getVersion() : gradedBefore) {
            throw new BusinessException.Conflict("grading.changed", Objects.toString(item.getGradedBy(), "-"));
        }
        Double oldPoints = gradedBefore ? item.getPoints() : null;
        item.grade(points, comment == null || comment.isBlank() ? null : comment.strip(), by, OffsetDateTime.now());
        audit.record(AuditAction.GRADED, "attempt:" + attemptId + "/question:" + questionId,
                Details.of("assessment", attempt.getAssessment().getCode(), "official",
                        attempt.getOfficial().getEmployeeCode(), "oldPoints", oldPoints, "newPoints", points));
        em.flush();
        results.settle(attempt, results.items(attempt));
        LOG.fine(() -> "Attempt " + attemptId + " question " + questionId + " graded by " + by);
        return attempt;
    }

    /**
     * Rescores every submitted attempt of an assessment by its questions' keys as they
     * stand now, logging each score that changes; certificates follow the changed verdicts.
     * Only the admin regrades a certifying assessment, since that issues and revokes certificates.
     */
    @Transactional
    public Regraded regrade(String assessmentCode, String by, boolean admin) {
        Assessment assessment = gradedBy(assessmentCode, by, admin);
        if (assessment.isCertifies() && !admin) {
            throw new BusinessException.Forbidden("assessment.certifies.regradeAdminOnly", assessmentCode);
        }
        int attempts = 0;
        int changed = 0;
        int issued = 0;
        int revoked = 0;
        for (Attempt attempt : em.createNamedQuery(Attempt.SUBMITTED_OF_ASSESSMENT, Attempt.class)
                .setParameter("assessment", assessment)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList()) {
            attempts++;
            Double oldScore = attempt.getScore();
            Boolean oldPassed = attempt.getPassed();
            List<AttemptItem> items = results.items(attempt);
            for (AttemptItem item : items) {
                BankQuestion question = em.find(Question.class, item.getQuestionId()).parsed();
                if (question.type().autoGraded()) {
                    item.score(Results.points(question, item));
                }
            }
            // Certification follows each changed verdict of a certifying assessment: a new pass
            // issues a certificate, a pass withdrawn revokes it.
            if (results.settle(attempt, items) && assessment.isCertifies()) {
                issued += Boolean.TRUE.equals(attempt.getPassed()) ? 1 : 0;
                revoked += Boolean.TRUE.equals(oldPassed) ? 1 : 0;
            }
            if (!Objects.equals(oldScore, attempt.getScore())
                    || !Objects.equals(oldPassed, attempt.getPassed())) {
                changed++;
                em.persist(new Regrade(attempt.getId(), oldScore, attempt.getScore(), oldPassed, attempt.getPassed(),
                        by, OffsetDateTime.now()));
            }
        }
        Regraded result = new Regraded(attempts, changed, issued, revoked);
        audit.record(AuditAction.REGRADED, "assessment:" + assessmentCode, Details.of("attempts", attempts,
                "changed", changed, "certificatesIssued", issued, "certificatesRevoked", revoked));
        LOG.info(() -> "Assessment " + assessmentCode + " regraded by " + by + ": " + result);
        return result;
    }

    /** Every attempt of an assessment with its trainee, by employee code then attempt number. */
    public List<Attempt> gradebook(String assessmentCode, String username, boolean admin) {
        return em.createNamedQuery(Attempt.GRADEBOOK, Attempt.class)
                .setParameter("assessment", gradedBy(assessmentCode, username, admin))
                .getResultList();
    }

    /**
     * Facility (the mean share of marks earned) and discrimination (the correlation between
     * a question's marks and the marks of the rest of the attempt), over graded attempts.
     */
    public List<ItemStatistics> itemAnalysis(String assessmentCode, String username, boolean admin) {
        Assessment assessment = gradedBy(assessmentCode, username, admin);
        List<Attempt> graded = em.createNamedQuery(Attempt.SUBMITTED_OF_ASSESSMENT, Attempt.class)
                .setParameter("assessment", assessment)
                .getResultList().stream()
                .filter(attempt -> attempt.getStatus() == AttemptStatus.GRADED)
                .toList();
        Map<Long, List<double[]>> byQuestion = new LinkedHashMap<>();
        for (Attempt attempt : graded) {
            for (AttemptItem item : results.items(attempt)) {
                double fraction = item.getPoints() / item.getMaxPoints();
                double restFraction = attempt.getMaxScore() > item.getMaxPoints()
                        ? (attempt.getScore() - item.getPoints()) / (attempt.getMaxScore() - item.getMaxPoints()) : 0;
                byQuestion.computeIfAbsent(item.getQuestionId(), id -> new ArrayList<>())
                        .add(new double[] {fraction, restFraction});
            }
        }
        List<ItemStatistics> statistics = new ArrayList<>();
        byQuestion.forEach((questionId, marks) -> statistics.add(new ItemStatistics(em.find(Question.class, questionId),
                marks.size(), Math.round(mean(marks, 0) * 10000) / 100.0, correlation(marks))));
        return statistics;
    }

    private Assessment gradedBy(String assessmentCode, String username, boolean admin) {
        Assessment assessment = assessments.byCode(assessmentCode);
        if (!admin && !assessment.isGradedBy(username)) {
            throw new BusinessException.NotFound("assessment.notFound", assessmentCode);
        }
        return assessment;
    }

    private static double mean(List<double[]> marks, int column) {
        return marks.stream().mapToDouble(mark -> mark[column]).average().orElse(0);
    }

    /** Pearson's correlation in percent, or {@code null} when either side never varies. */
    static Double correlation(List<double[]> marks) {
        if (marks.size() < 2) {
            return null;
        }
        double meanX = mean(marks, 0);
        double meanY = mean(marks, 1);
        double covariance = 0;
        double varianceX = 0;
        double varianceY = 0;
        for (double[] mark : marks) {
            covariance += (mark[0] - meanX) * (mark[1] - meanY);
            varianceX += (mark[0] - meanX) * (mark[0] - meanX);
            varianceY += (mark[1] - meanY) * (mark[1] - meanY);
        }
        if (varianceX == 0 || varianceY == 0) {
            return null;
        }
        return Math.round(covariance / Math.sqrt(varianceX * varianceY) * 10000) / 100.0;
    }
}
