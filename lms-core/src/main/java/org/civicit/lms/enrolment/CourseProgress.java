package org.civicit.lms.enrolment;

import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import org.civicit.lms.assessment.Assessment;
import org.civicit.lms.assessment.Assessments;
import org.civicit.lms.assessment.Attempt;
import org.civicit.lms.assessment.AttemptStatus;
import org.civicit.lms.catalog.Catalog;
import org.civicit.lms.catalog.Course;
import org.civicit.lms.catalog.Lesson;
import org.civicit.lms.catalog.Programme;
import org.civicit.lms.certification.Certificates;
import org.civicit.lms.platform.BusinessException;
import org.civicit.lms.roster.Official;

/**
 * A trainee's way through a course: lessons marked done, assessments passed. A course is
 * complete when every lesson of its current version is done (a lesson done in an earlier
 * version stays done) and every assessment that completes it for this trainee (open to all,
 * or of the trainee's class) is passed; then the
 * trainee's places in its classes become COMPLETED, and completing every course of a
 * programme issues the programme's certificate. Failing an assessment with no attempt
 * left makes them FAILED.
 */
@ApplicationScoped
public class CourseProgress {

    private static final Logger LOG = Logger.getLogger(CourseProgress.class.getName());

    @PersistenceContext(unitName = "lms")
    EntityManager em;

    @Inject
    Catalog catalog;

    @Inject
    Certificates certificates;

    @Inject
    Assessments assessments;

    public record LessonState(Lesson lesson, boolean done) {
    }

    public record AssessmentState(Assessment assessment, boolean passed) {
    }

    /** Where a trainee stands in a course; {@code completedAt} is {@code null} until it is complete. */
    public record Progress(Course course, List<LessonState> lessons, List<AssessmentState> assessments,
                           OffsetDateTime completedAt) {
    }

    public Course course(String code) {
        return catalog.course(code).orElseThrow(() -> new BusinessException.NotFound("catalog.course.notFound", code));
    }

    public Lesson lesson(String courseCode, int number) {
        return catalog.lessons(course(courseCode)).stream().filter(lesson -> lesson.getNumber() == number).findFirst()
                .orElseThrow(() -> new BusinessException.NotFound("catalog.lesson.notFound", number, courseCode));
    }

    public Progress of(String courseCode, Official official) {
        Course course = course(courseCode);
        Set<Integer> done = lessonsDone(official, course);
        CourseCompletion completion = em.find(CourseCompletion.class,
                new CourseCompletion.Key(official.getId(), course.getId()));
        return new Progress(course,
                catalog.lessons(course).stream().map(l -> new LessonState(l, done.contains(l.getNumber()))).toList(),
                assessmentsOf(course, official).stream().map(a -> new AssessmentState(a, passed(official, a))).toList(),
                completion == null ? null : completion.getCompletedAt());
    }

    /** Marks a lesson done; only a trainee with a seat in a class of the course may. Twice changes nothing. */
    @Transactional
    public Progress markDone(String courseCode, int number, Official trainee) {
        Lesson lesson = lesson(courseCode, number);
        Course course = lesson.getCourse();
        // One change to an official's progress at a time: completions and certificates are decided once.
        Official official = em.find(Official.class, trainee.getId(), LockModeType.PESSIMISTIC_WRITE);
        if (seatsIn(official, course).isEmpty()) {
            throw new BusinessException.Forbidden("progress.notEnrolled", courseCode);
        }
        LessonCompletion.Key key = new LessonCompletion.Key(official.getId(), course.getId(), number);
        if (em.find(LessonCompletion.class, key) == null) {
            em.persist(new LessonCompletion(official.getId(), course.getId(), number, lesson.getId(),
                    OffsetDateTime.now()));
            em.flush();
        }
        completeIfDone(official, course);
        return of(courseCode, official);
    }

    /**
     * Follows a graded attempt of an assessment that completes a course, once the grading
     * committed and in a transaction of its own, so that a problem here never undoes a grade.
     * A pass may complete the course. A pass withdrawn by a regrade reopens a completion that
     * may have rested on it; with no attempt left that could still pass, the official's seats
     * become FAILED.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void followGrading(long officialId, long assessmentId, boolean passWithdrawn) {
        Assessment assessment = em.find(Assessment.class, assessmentId);
        Course course = assessment.getCourse();
        if (course == null) {
            return;
        }
        Official official = em.find(Official.class, officialId, LockModeType.PESSIMISTIC_WRITE);
        if (passed(official, assessment)) {
            completeIfDone(official, course);
            return;
        }
        if (passWithdrawn) {
            reopen(official, course, assessment);
        }
        if (noAttemptCanPass(official, assessment)) {
            seatsIn(official, course).stream().filter(e -> e.getStatus() == EnrolmentStatus.ENROLLED)
                    .forEach(Enrolment::fail);
        }
    }

    /**
     * Takes back a completion once no attempt of an assessment passes any more: the seats go
     * back to ENROLLED and a programme certificate the courses earned is revoked. A completion
     * from before the official's first attempt at the assessment did not rest on it and stays.
     */
    private void reopen(Official official, Course course, Assessment assessment) {
        CourseCompletion completion = em.find(CourseCompletion.class,
                new CourseCompletion.Key(official.getId(), course.getId()));
        OffsetDateTime firstSubmitted = em.createNamedQuery(Attempt.OF_OFFICIAL, Attempt.class)
                .setParameter("assessment", assessment).setParameter("official", official).getResultStream()
                .map(Attempt::getSubmittedAt).filter(Objects::nonNull).min(Comparator.naturalOrder()).orElse(null);
        if (completion == null || firstSubmitted == null || completion.getCompletedAt().isBefore(firstSubmitted)) {
            return;
        }
        em.remove(completion);
        seatsIn(official, course).stream().filter(e -> e.getStatus() == EnrolmentStatus.COMPLETED)
                .forEach(Enrolment::reopen);
        certificates.revokeEarnedByCourses(official, course.getProgramme(), course.getCode());
        LOG.info(() -> "Course " + course.getCode() + " of " + official.getEmployeeCode()
                + " is no longer complete: an assessment no longer passes after a regrade");
        em.flush();
    }

    private void completeIfDone(Official official, Course course) {
        CourseCompletion.Key key = new CourseCompletion.Key(official.getId(), course.getId());
        if (em.find(CourseCompletion.class, key) != null) {
            return;
        }
        Set<Integer> done = lessonsDone(official, course);
        boolean lessonsDone = catalog.lessons(course).stream().allMatch(lesson -> done.contains(lesson.getNumber()));
        boolean assessmentsPassed = assessmentsOf(course, official).stream().allMatch(a -> passed(official, a));
        if (!lessonsDone || !assessmentsPassed) {
            return;
        }
        em.persist(new CourseCompletion(official.getId(), course.getId(), course.getRevision(), OffsetDateTime.now()));
        seatsIn(official, course).stream()
                .filter(e -> e.getStatus() == EnrolmentStatus.ENROLLED || e.getStatus() == EnrolmentStatus.FAILED)
                .forEach(Enrolment::complete);
        LOG.info(() -> official.getEmployeeCode() + " completed course " + course.getCode());
        Programme programme = course.getProgramme();
        em.flush();
        Set<Long> completed = new HashSet<>(em.createNamedQuery(CourseCompletion.COURSES_DONE, Long.class)
                .setParameter("official", official.getId()).getResultList());
        boolean programmeDone = catalog.courses().stream()
                .filter(c -> c.getProgramme().getId().equals(programme.getId()))
                .allMatch(c -> completed.contains(c.getId()));
        if (programmeDone) {
            certificates.issueForProgramme(official, programme);
        }
    }

    private Set<Integer> lessonsDone(Official official, Course course) {
        return new HashSet<>(em.createNamedQuery(LessonCompletion.NUMBERS_DONE, Integer.class)
                .setParameter("official", official.getId()).setParameter("course", course.getId()).getResultList());
    }

    /** The assessments that complete a course for this official: those open to all, and those of its classes. */
    private List<Assessment> assessmentsOf(Course course, Official official) {
        return em.createNamedQuery(Assessment.OF_COURSE, Assessment.class).setParameter("course", course)
                .getResultStream().filter(a -> assessments.openTo(a, official)).toList();
    }

    private boolean passed(Official official, Assessment assessment) {
        return em.createQuery("SELECT COUNT(t) FROM Attempt t WHERE t.assessment = :assessment AND t.official = :official"
                        + " AND t.status = org.civicit.lms.assessment.AttemptStatus.GRADED AND t.passed = true", Long.class)
                .setParameter("assessment", assessment).setParameter("official", official)
                .getSingleResult() > 0;
    }

    /** Whether every attempt allowed is used and graded, and none passed. */
    private boolean noAttemptCanPass(Official official, Assessment assessment) {
        List<Attempt> attempts = em.createNamedQuery(Attempt.OF_OFFICIAL, Attempt.class)
                .setParameter("assessment", assessment).setParameter("official", official).getResultList();
        return attempts.size() >= assessment.getMaxAttempts()
                && attempts.stream().allMatch(a -> a.getStatus() == AttemptStatus.GRADED && !Boolean.TRUE.equals(a.getPassed()));
    }

    /** The official's places in the classes of a course that give a seat. */
    private List<Enrolment> seatsIn(Official official, Course course) {
        return em.createNamedQuery(Enrolment.SEATS_IN_COURSE, Enrolment.class)
                .setParameter("official", official).setParameter("course", course).getResultList();
    }
}
