package org.civicit.lms.enrolment;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;

import org.civicit.lms.catalog.Catalog;
import org.civicit.lms.catalog.Course;
import org.civicit.lms.catalog.CourseVersion;
import org.civicit.lms.platform.BusinessException;
import org.civicit.lms.roster.Official;

/**
 * New versions of a course's Markdown file, and which version each trainee read. Who may
 * upload is decided here, where the classes are known: the admin, and the instructors of a
 * class of the course (they teach from it). An instructor sees the trainees of its own
 * classes of the course; the admin, of every class.
 */
@ApplicationScoped
public class CourseVersions {

    @PersistenceContext(unitName = "lms")
    EntityManager em;

    @Inject
    Catalog catalog;

    /** A course and its versions, the newest first. */
    public record History(Course course, List<CourseVersion> versions) {
    }

    /**
     * A trainee of a class of the course: the lessons it marked done in each version
     * (revision → lessons), and the version it completed the course in, if it did.
     */
    public record Reader(Official official, String offeringCode, Map<Integer, Long> lessonsByRevision,
                         Integer completedRevision, OffsetDateTime completedAt) {
    }

    /** The courses the caller may upload a version of: every one for the admin, else those of the classes it teaches. */
    public List<Course> coursesFor(String username, boolean admin) {
        if (admin) {
            return catalog.courses();
        }
        return em.createQuery("SELECT DISTINCT c FROM Offering o JOIN o.course c JOIN o.instructors i"
                + " WHERE i = :username ORDER BY c.code", Course.class).setParameter("username", username).getResultList();
    }

    /** A course with its versions, for who may upload one; anyone else's is as good as absent. */
    public History history(String courseCode, String username, boolean admin) {
        Course course = mayUpload(courseCode, username, admin);
        return new History(course, catalog.versions(course));
    }

    /** Loads the next version of a course from its Markdown file; see {@link Catalog#upload}. */
    public Course upload(String courseCode, String fileName, String text, String username, boolean admin) {
        mayUpload(courseCode, username, admin);
        return catalog.upload(courseCode, fileName, text, username);
    }

    /** The trainees of the caller's classes of the course, each once, with what it read and completed. */
    public List<Reader> readers(String courseCode, String username, boolean admin) {
        Course course = mayUpload(courseCode, username, admin);
        TypedQuery<Enrolment> query = em.createQuery("SELECT e FROM Enrolment e JOIN FETCH e.official JOIN e.offering o"
                + (admin ? "" : " JOIN o.instructors i")
                + " WHERE o.course = :course AND e.status IN (org.civicit.lms.enrolment.EnrolmentStatus.ENROLLED,"
                + " org.civicit.lms.enrolment.EnrolmentStatus.COMPLETED, org.civicit.lms.enrolment.EnrolmentStatus.FAILED)"
                + (admin ? "" : " AND i = :username")
                + " ORDER BY o.code, e.position", Enrolment.class).setParameter("course", course);
        if (!admin) {
            query.setParameter("username", username);
        }
        Map<Long, Map<Integer, Long>> read = new HashMap<>();
        for (Object[] row : em.createQuery("SELECT c.officialId, l.courseRevision, COUNT(c) FROM LessonCompletion c,"
                        + " Lesson l WHERE l.id = c.lessonId AND c.courseId = :course"
                        + " GROUP BY c.officialId, l.courseRevision", Object[].class)
                .setParameter("course", course.getId()).getResultList()) {
            read.computeIfAbsent((Long) row[0], id -> new TreeMap<>())
                    .put(((Number) row[1]).intValue(), ((Number) row[2]).longValue());
        }
        Map<Long, CourseCompletion> completed = new HashMap<>();
        em.createQuery("SELECT c FROM CourseCompletion c WHERE c.courseId = :course", CourseCompletion.class)
                .setParameter("course", course.getId()).getResultStream()
                .forEach(completion -> completed.put(completion.getOfficialId(), completion));
        Map<Long, Reader> readers = new LinkedHashMap<>();
        for (Enrolment seat : query.getResultList()) {
            Official official = seat.getOfficial();
            CourseCompletion completion = completed.get(official.getId());
            readers.putIfAbsent(official.getId(), new Reader(official, seat.getOffering().getCode(),
                    read.getOrDefault(official.getId(), Map.of()),
                    completion == null ? null : completion.getCourseRevision(),
                    completion == null ? null : completion.getCompletedAt()));
        }
        return new ArrayList<>(readers.values());
    }

    private Course mayUpload(String courseCode, String username, boolean admin) {
        Course course = catalog.course(courseCode)
                .orElseThrow(() -> new BusinessException.NotFound("catalog.course.notFound", courseCode));
        if (!admin && coursesFor(username, false).stream().noneMatch(c -> c.getId().equals(course.getId()))) {
            throw new BusinessException.Forbidden("courseFile.notYours", courseCode);
        }
        return course;
    }
}
