package org.civicit.lms.assessment;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/**
 * Turns answers into a result: scores what can be scored, waits for instructors where
 * needed (no score is told until every answer has one), decides pass or fail overall and
 * per part, and tells others ({@link AttemptGraded}) when the verdict changes; certification
 * keeps the certificate in step from that. Callers hold the attempt's row lock.
 */
@ApplicationScoped
public class Results {

    private static final Logger LOG = Logger.getLogger(Results.class.getName());
    private static final double EPSILON = 1e-9;

    @PersistenceContext(unitName = "lms")
    EntityManager em;

    @Inject
    Event<AttemptGraded> graded;

    /** Closes an attempt with the answers it has and scores them. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void finish(Attempt attempt, OffsetDateTime at, String by) {
        attempt.submitted(at, by);
        List<AttemptItem> items = items(attempt);
        for (AttemptItem item : items) {
            BankQuestion question = em.find(Question.class, item.getQuestionId()).parsed();
            if (question.type().autoGraded()) {
                item.score(points(question, item));
            } else if (!item.isAnswered()) {
                item.score(0);
            }
        }
        settle(attempt, items);
        LOG.fine(() -> "Attempt " + attempt.getId() + " submitted by " + by + ": " + attempt.getStatus());
    }

    /** The points an answer earns by the question's key as it stands now. */
    static double points(BankQuestion question, AttemptItem item) {
        double fraction = Scoring.fraction(question, item.presentation().toResponse(item.answer()));
        return round(fraction * item.getMaxPoints());
    }

    List<AttemptItem> items(Attempt attempt) {
        return em.createNamedQuery(AttemptItem.OF_ATTEMPT, AttemptItem.class)
                .setParameter("attempt", attempt.getId())
                .getResultList();
    }

    /**
     * Sets the attempt's status, score and verdict from its items: awaiting grading while
     * any item has no points, otherwise graded, passed when the overall mark and every part
     * with its own mark are reached. An attempt with no answer never passes, whatever the
     * marks; a certifying assessment's marks, and each of its parts, are held to at least
     * the programme's minimum (also for one set before the minimum was checked).
     *
     * @return whether the verdict changed
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean settle(Attempt attempt, List<AttemptItem> items) {
        Boolean before = attempt.getPassed();
        if (items.stream().anyMatch(item -> item.getPoints() == null)) {
            attempt.result(AttemptStatus.AWAITING_GRADING, null, null);
            return false;
        }
        double score = round(items.stream().mapToDouble(AttemptItem::getPoints).sum());
        Assessment assessment = attempt.getAssessment();
        double minimum = assessment.isCertifies() ? assessment.getProgramme().getMinPassPercent() : 0;
        boolean passed = items.stream().anyMatch(AttemptItem::isAnswered)
                && reaches(score, attempt.getMaxScore(), Math.max(assessment.getPassPercent(), minimum));
        List<AssessmentSection> sections = assessment.getSections();
        for (int index = 0; index < sections.size(); index++) {
            Double ownMark = sections.get(index).getPassPercent();
            Double partMark = ownMark == null && minimum == 0 ? null
                    : Math.max(ownMark == null ? 0 : ownMark, minimum);
            int section = index;
            List<AttemptItem> part = items.stream().filter(item -> item.getSection() == section).toList();
            if (partMark != null && !reaches(part.stream().mapToDouble(AttemptItem::getPoints).sum(),
                    part.stream().mapToDouble(AttemptItem::getMaxPoints).sum(), partMark)) {
                passed = false;
            }
        }
        attempt.result(AttemptStatus.GRADED, score, passed);
        if (Boolean.valueOf(passed).equals(before)) {
            return false;
        }
        graded.fire(new AttemptGraded(attempt.getId(), attempt.getOfficial().getId(), assessment.getId(),
                assessment.isCertifies(), passed, Boolean.TRUE.equals(before)));
        return true;
    }

    private static boolean reaches(double score, double max, double percent) {
        return max <= 0 || score / max * 100 + EPSILON >= percent;
    }

    /** A percentage with two decimals. */
    public static double percent(double score, double max) {
        return max <= 0 ? 0 : Math.round(score / max * 10000) / 100.0;
    }

    static double round(double points) {
        return Math.round(points * 10000) / 10000.0;
    }
}
