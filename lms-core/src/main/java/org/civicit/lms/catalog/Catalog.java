package org.civicit.lms.catalog;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
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

/** The programmes and their courses; the courses come from the files in {@code content/catalog}. */
@ApplicationScoped
public class Catalog {

    private static final Logger LOG = Logger.getLogger(Catalog.class.getName());

    @PersistenceContext(unitName = "lms")
    EntityManager em;

    @Inject
    AuditLog audit;

    /** Brings the courses in line with the files; an unchanged file is left alone. */
    @Transactional
    public int load(Collection<CourseFile> files) {
        int changed = 0;
        for (CourseFile file : files) {
            Programme programme = programme(file.programme()).orElseThrow(() -> new IllegalArgumentException(
                    "Course " + file.code() + " names an unknown programme " + file.programme()));
            Course course = course(file.code()).orElseGet(() -> {
                Course created = new Course(file.code());
                em.persist(created);
                return created;
            });
            // Compared with the file shipped last, so that a version uploaded since stays until the file changes.
            String shipped = course.getShippedHash() == null ? course.getContentHash() : course.getShippedHash();
            if (course.getRevision() == 0 || !file.hash().equals(shipped) && !file.hash().equals(course.getContentHash())) {
                loadVersion(course, programme, file, null);
                changed++;
            }
            course.shipped(file.hash());
        }
        int loaded = changed;
        LOG.info(() -> "Catalogue: " + files.size() + " course file(s), " + loaded + " new or changed");
        return changed;
    }

    /**
     * Loads a file uploaded as the next version of a course; the lessons of earlier versions
     * stay, so that what each trainee read is still known. Who may upload is the caller's to decide.
     */
    @Transactional
    public Course upload(String courseCode, String fileName, String text, String by) {
        Course course = course(courseCode)
                .orElseThrow(() -> new BusinessException.NotFound("catalog.course.notFound", courseCode));
        // One version at a time: two uploads at once would both take the same revision number.
        em.refresh(course, LockModeType.PESSIMISTIC_WRITE);
        CourseFile file;
        try {
            file = CourseFile.parse(fileName, text);
        } catch (IllegalArgumentException e) {
            throw new BusinessException.Invalid("courseFile.unreadable", e.getMessage());
        }
        Set<String> codes = new HashSet<>(courses().stream().map(Course::getCode).toList());
        file.checkAsVersionOf(course.getCode(), course.getProgramme().getCode(), course.getContentHash(), codes);
        loadVersion(course, course.getProgramme(), file, by);
        audit.record(AuditAction.COURSE_VERSION_UPLOADED, "course:" + course.getCode(),
                Details.of("revision", course.getRevision(), "file", fileName));
        LOG.info(() -> "Course " + courseCode + ": version " + course.getRevision() + " uploaded by " + by);
        return course;
    }

    private void loadVersion(Course course, Programme programme, CourseFile file, String by) {
        course.load(programme, file.title(), file.titleEn(), file.hours(), file.prerequisites(), file.body(),
                file.hash());
        em.createNamedQuery(Lesson.RETIRE_OF_COURSE).setParameter("course", course).executeUpdate();
        file.lessons().forEach(text -> em.persist(new Lesson(course, text)));
        em.flush();
        em.persist(new CourseVersion(course, by, OffsetDateTime.now()));
    }

    /** The versions of a course, the newest first. */
    public List<CourseVersion> versions(Course course) {
        return em.createNamedQuery(CourseVersion.OF_COURSE, CourseVersion.class).setParameter("course", course.getId())
                .getResultList();
    }

    public Optional<Programme> programme(String code) {
        return em.createNamedQuery(Programme.FIND_BY_CODE, Programme.class)
                .setParameter("code", code).getResultStream().findFirst();
    }

    /** The admin changes a programme's validity, renewal window and minimum pass mark. */
    @Transactional
    public void changeProgramme(String code, Integer validityMonths, int renewalWindowDays, double minPassPercent) {
        Programme programme = programme(code)
                .orElseThrow(() -> new BusinessException.NotFound("reporting.unknownProgramme", code));
        if (Objects.equals(programme.getValidityMonths(), validityMonths)
                && programme.getRenewalWindowDays() == renewalWindowDays
                && programme.getMinPassPercent() == minPassPercent) {
            return;
        }
        programme.changeTerms(validityMonths, renewalWindowDays, minPassPercent);
        audit.record(AuditAction.PROGRAMME_CHANGED, "programme:" + code, Details.of("validityMonths", validityMonths,
                "renewalWindowDays", renewalWindowDays, "minPassPercent", minPassPercent));
    }

    public List<Programme> programmes() {
        return em.createNamedQuery(Programme.FIND_ALL, Programme.class).getResultList();
    }

    public Optional<Course> course(String code) {
        return em.createNamedQuery(Course.FIND_BY_CODE, Course.class)
                .setParameter("code", code).getResultStream().findFirst();
    }

    /** The lessons of the course as it stands now, in order. */
    public List<Lesson> lessons(Course course) {
        return em.createNamedQuery(Lesson.CURRENT_OF_COURSE, Lesson.class).setParameter("course", course).getResultList();
    }

    public List<Course> courses() {
        return em.createNamedQuery(Course.FIND_ALL, Course.class).getResultList();
    }
}
