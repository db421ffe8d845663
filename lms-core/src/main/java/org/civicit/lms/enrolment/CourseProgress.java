package org.civicit.lms.enrolment;

import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import org.civicit.lms.catalog.Catalog;
import org.civicit.lms.catalog.Course;
import org.civicit.lms.catalog.Lesson;
import org.civicit.lms.platform.BusinessException;
import org.civicit.lms.roster.Official;

/**
 * A trainee's way through a course: lessons marked done, assessments passed. A course is
 * complete when every lesson of its current version is done (a lesson done in an earlier
 * version stays done) and every assessment that completes it for this trainee (open to all,
 * or of the trainee's class) is passed; then the
 * trainee's places in its classes become COMPLETED and certification is told
 * ({@link CourseCompleted}). Failing an assessment with no attempt left makes them FAILED.
 * The exams are the assessment feature's: it answers through {@link CourseExams} and
 * tells of each grading through {@link #followGrading}. Attendance is the timetable's: it
 * answers through {@link CourseAttendance} and tells of each mark through {@link #followAttendance}.
 */
@ApplicationScoped
public class CourseProgress {

    private static final Logger LOG = Logger.getLogger(CourseProgress.class.getName());

    @PersistenceContext(unitName = "lms")
    EntityManager em;

    @Inject
    Catalog catalog;

    @Inject
    CourseExams exams;

    @Inject
    CourseAttendance attendance;

    @Inject
    Event<CourseCompleted> completed;

    @Inject
    Event<EnrolmentChanged> changes;

    public record LessonState(Lesson lesson, boolean done) {
    }

    /** Where a trainee stands in a course; {@code completedAt} is {@code null} until it is complete. */
    public record Progress(Course course, List<LessonState> lessons, List<CourseExams.Exam> assessments,
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
                exams.completing(course, official),
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
     * Follows a graded attempt of an assessment that completes a course. The caller holds the
     * official's row lock and tells what the grading means: {@code passed} when an attempt of
     * the assessment passes; {@code reopen} when a pass was withdrawn and the completion may
     * have rested on it (it came after the official's first attempt); {@code failed} when no
     * attempt left could still pass. A pass may complete the course; a reopened completion
     * puts the seats back to ENROLLED; a failure makes them FAILED.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void followGrading(Official official, Course course, boolean passed, boolean reopen, boolean failed) {
        if (passed) {
            completeIfDone(official, course);
            return;
        }
        if (reopen) {
            reopen(official, course);
        }
        if (failed) {
            seatsIn(official, course).stream().filter(e -> e.getStatus() == EnrolmentStatus.ENROLLED)
                    .forEach(e -> e.fail(FailReason.EXAMS));
        }
    }

    /**
     * Follows attendance marked in a class. The caller holds the official's row lock and
     * tells whether the class's minimum share of sessions can still be reached: when it
     * cannot, a seat still studying becomes FAILED for attendance; when it can again (a
     * mark corrected), such a seat studies on; either way the course may now be complete.
     * The trainee is told of a failure and of its taking back ({@link EnrolmentChanged}):
     * only the instructor's marks decide them, nothing the trainee did on the day.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void followAttendance(Official official, Offering offering, boolean unreachable) {
        Enrolment seat = em.createNamedQuery(Enrolment.FIND, Enrolment.class).setParameter("offering", offering)
                .setParameter("official", official).getResultStream().findFirst().orElse(null);
        if (seat == null) {
            return;
        }
        // Read before the official's lock, the seat may have changed since; under it, it cannot.
        em.refresh(seat);
        if (unreachable) {
            if (seat.getStatus() == EnrolmentStatus.ENROLLED) {
                seat.fail(FailReason.ATTENDANCE);
                changes.fire(new EnrolmentChanged(seat, EnrolmentStatus.ENROLLED));
                LOG.info(() -> official.getEmployeeCode() + " can no longer attend enough sessions of class "
                        + offering.getCode());
            }
            return;
        }
        if (seat.getStatus() == EnrolmentStatus.FAILED && seat.getFailedReason() == FailReason.ATTENDANCE) {
            seat.reopen();
            changes.fire(new EnrolmentChanged(seat, EnrolmentStatus.FAILED));
        }
        completeIfDone(official, offering.getCourse());
    }

    /** When the official completed a course, if it did. */
    public OffsetDateTime completedAt(Official official, Course course) {
        CourseCompletion completion = em.find(CourseCompletion.class,
                new CourseCompletion.Key(official.getId(), course.getId()));
        return completion == null ? null : completion.getCompletedAt();
    }

    /** Takes back a completion: the seats go back to ENROLLED, and certification is told. */
    private void reopen(Official official, Course course) {
        CourseCompletion completion = em.find(CourseCompletion.class,
                new CourseCompletion.Key(official.getId(), course.getId()));
        if (completion == null) {
            return;
        }
        em.remove(completion);
        seatsIn(official, course).stream().filter(e -> e.getStatus() == EnrolmentStatus.COMPLETED)
                .forEach(Enrolment::reopen);
        LOG.info(() -> "Course " + course.getCode() + " of " + official.getEmployeeCode()
                + " is no longer complete: an assessment no longer passes after a regrade");
        em.flush();
        completed.fire(new CourseCompleted(official.getId(), course.getId(), true));
    }

    private void completeIfDone(Official official, Course course) {
        CourseCompletion.Key key = new CourseCompletion.Key(official.getId(), course.getId());
        if (em.find(CourseCompletion.class, key) != null) {
            return;
        }
        Set<Integer> done = lessonsDone(official, course);
        boolean lessonsDone = catalog.lessons(course).stream().allMatch(lesson -> done.contains(lesson.getNumber()));
        boolean assessmentsPassed = exams.completing(course, official).stream().allMatch(CourseExams.Exam::passed);
        if (!lessonsDone || !assessmentsPassed || !attendance.met(course, official)) {
            return;
        }
        em.persist(new CourseCompletion(official.getId(), course.getId(), course.getRevision(), OffsetDateTime.now()));
        seatsIn(official, course).stream()
                .filter(e -> e.getStatus() == EnrolmentStatus.ENROLLED || e.getStatus() == EnrolmentStatus.FAILED)
                .forEach(Enrolment::complete);
        LOG.info(() -> official.getEmployeeCode() + " completed course " + course.getCode());
        em.flush();
        completed.fire(new CourseCompleted(official.getId(), course.getId(), false));
    }

    private Set<Integer> lessonsDone(Official official, Course course) {
        return new HashSet<>(em.createNamedQuery(LessonCompletion.NUMBERS_DONE, Integer.class)
                .setParameter("official", official.getId()).setParameter("course", course.getId()).getResultList());
    }

    /** The official's places in the classes of a course that give a seat. */
    private List<Enrolment> seatsIn(Official official, Course course) {
        return em.createNamedQuery(Enrolment.SEATS_IN_COURSE, Enrolment.class)
                .setParameter("official", official).setParameter("course", course).getResultList();
    }
}
