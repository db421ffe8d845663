package org.civicit.lms.assessment;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import org.civicit.lms.catalog.Catalog;
import org.civicit.lms.catalog.Course;
import org.civicit.lms.catalog.Programme;
import org.civicit.lms.csv.CsvLine;
import org.civicit.lms.enrolment.ClassNotices;
import org.civicit.lms.enrolment.Enrolment;
import org.civicit.lms.enrolment.Enrolments;
import org.civicit.lms.enrolment.Offering;
import org.civicit.lms.platform.BusinessException;
import org.civicit.lms.platform.Networks;
import org.civicit.lms.roster.Accounts;
import org.civicit.lms.roster.Official;
import org.civicit.lms.roster.Role;

/** Creating and finding assessments; the rules of a sound one are checked here. */
@ApplicationScoped
public class Assessments {

    static final int MAX_TIME_LIMIT_MINUTES = 600;
    static final int MAX_ATTEMPTS = 20;
    static final int MAX_NETWORKS_LENGTH = 1000;

    @PersistenceContext(unitName = "lms")
    EntityManager em;

    @Inject
    Enrolments enrolments;

    @Inject
    Accounts accounts;

    @Inject
    Catalog catalog;

    @Inject
    ClassNotices notices;

    /**
     * Creates an assessment. Only the admin creates one that certifies, since its pass issues a
     * certificate that counts in the province's rates; its marks are at least the programme's minimum.
     */
    @Transactional
    public Assessment create(AssessmentDraft draft, String createdBy, boolean admin) {
        if (draft.certifies() && !admin) {
            throw new BusinessException.Forbidden("assessment.certifies.adminOnly");
        }
        String code = draft.code();
        if (code == null || code.isBlank() || code.length() > CsvLine.CODE_LENGTH
                || !code.matches("[\\p{IsAlphabetic}\\p{Digit}._-]+")) {
            throw new BusinessException.Invalid("assessment.code", String.valueOf(code));
        }
        Checked checked = check(draft, admin);
        if (find(code) != null) {
            throw new BusinessException.Conflict("assessment.exists", code);
        }
        Assessment assessment = new Assessment(draft, checked.programme(), checked.course(), checked.offering(),
                createdBy);
        em.persist(assessment);
        announceIfOpen(assessment, OffsetDateTime.now());
        return assessment;
    }

    /**
     * Changes an assessment; its code stays. Only the admin and its instructors change one,
     * and only before anyone has started it, so every attempt of an assessment was taken under
     * the same rules and questions; one that certifies only the admin changes, as only the
     * admin creates one.
     */
    @Transactional
    public Assessment update(String code, AssessmentDraft draft, String username, boolean admin) {
        Assessment assessment = find(code);
        if (assessment == null || !(admin || assessment.isGradedBy(username))) {
            throw new BusinessException.NotFound("assessment.notFound", code);
        }
        em.lock(assessment, LockModeType.PESSIMISTIC_WRITE);
        requireMayEdit(assessment.isCertifies(), admin, attempts(assessment));
        Checked checked = check(draft, admin);
        assessment.revise(draft, checked.programme(), checked.course(), checked.offering());
        announceIfOpen(assessment, OffsetDateTime.now());
        return assessment;
    }

    /** Why the caller may not change the assessment now, as a refusal; nothing when it may. */
    static void requireMayEdit(boolean certifies, boolean admin, long attempts) {
        if (certifies && !admin) {
            throw new BusinessException.Forbidden("assessment.edit.certifiesAdminOnly");
        }
        if (attempts > 0) {
            throw new BusinessException.Conflict("assessment.edit.attempted", attempts);
        }
    }

    /** Whether the caller may change the assessment now; see {@link #update}. */
    public boolean mayEdit(Assessment assessment, String username, boolean admin) {
        try {
            if (!(admin || assessment.isGradedBy(username))) {
                return false;
            }
            requireMayEdit(assessment.isCertifies(), admin, attempts(assessment));
            return true;
        } catch (BusinessException e) {
            return false;
        }
    }

    /** How many attempts were started at the assessment, open or not. */
    public long attempts(Assessment assessment) {
        return em.createQuery("SELECT COUNT(a) FROM Attempt a WHERE a.assessment = :assessment", Long.class)
                .setParameter("assessment", assessment).getSingleResult();
    }

    /** An assessment for those who may build or grade it: the admin and its instructors; anyone else's is absent. */
    public Assessment forInstructor(String code, String username, boolean admin) {
        Assessment assessment = find(code);
        if (assessment == null || !(admin || assessment.isGradedBy(username))) {
            throw new BusinessException.NotFound("assessment.notFound", code);
        }
        return assessment;
    }

    /** The classes the caller may give an assessment to: those it teaches, every one for the admin; none cancelled. */
    public List<Offering> classChoices(String username, boolean admin) {
        String notCancelled = " WHERE o.status <> org.civicit.lms.enrolment.OfferingStatus.CANCELLED";
        if (admin) {
            return em.createQuery("SELECT o FROM Offering o" + notCancelled + " ORDER BY o.code", Offering.class)
                    .getResultList();
        }
        return em.createQuery("SELECT DISTINCT o FROM Offering o JOIN o.instructors i" + notCancelled
                + " AND i = :username ORDER BY o.code", Offering.class).setParameter("username", username).getResultList();
    }

    private record Checked(Programme programme, Course course, Offering offering) {
    }

    /** The rules of a sound assessment, with the programme, course and class it names. */
    private Checked check(AssessmentDraft draft, boolean admin) {
        if (draft.certifies() && !admin) {
            throw new BusinessException.Forbidden("assessment.certifies.adminOnly");
        }
        if (draft.title() == null || draft.title().isBlank() || draft.title().length() > 255) {
            throw new BusinessException.Invalid("assessment.title");
        }
        Programme programme = em.createNamedQuery(Programme.FIND_BY_CODE, Programme.class)
                .setParameter("code", draft.programme())
                .getResultStream().findFirst()
                .orElseThrow(() -> new BusinessException.Invalid("assessment.unknownProgramme",
                        String.valueOf(draft.programme())));
        Course course = null;
        if (draft.course() != null) {
            course = catalog.course(draft.course())
                    .orElseThrow(() -> new BusinessException.Invalid("assessment.unknownCourse", draft.course()));
            if (!course.getProgramme().getCode().equals(programme.getCode())) {
                throw new BusinessException.Invalid("assessment.courseOfOtherProgramme", course.getCode(),
                        course.getProgramme().getCode());
            }
        }
        Offering offering = null;
        if (draft.offering() != null) {
            offering = enrolments.find(draft.offering())
                    .orElseThrow(() -> new BusinessException.Invalid("assessment.unknownOffering", draft.offering()));
        }
        if (draft.timeLimitMinutes() < 1 || draft.timeLimitMinutes() > MAX_TIME_LIMIT_MINUTES) {
            throw new BusinessException.Invalid("assessment.timeLimit", MAX_TIME_LIMIT_MINUTES);
        }
        if (draft.passPercent() < 0 || draft.passPercent() > 100) {
            throw new BusinessException.Invalid("assessment.passPercent");
        }
        if (draft.maxAttempts() < 1 || draft.maxAttempts() > MAX_ATTEMPTS) {
            throw new BusinessException.Invalid("assessment.maxAttempts", MAX_ATTEMPTS);
        }
        if (draft.opensAt() != null && draft.closesAt() != null && !draft.closesAt().isAfter(draft.opensAt())) {
            throw new BusinessException.Invalid("assessment.window");
        }
        checkSections(draft.sections());
        checkExamDay(draft);
        if (draft.certifies()) {
            checkCertifyingMarks(draft, programme);
        }
        for (String username : draft.instructors()) {
            if (username == null) {
                throw new BusinessException.Invalid("assessment.unknownInstructor", "null");
            }
            boolean teaches = accounts.find(username)
                    .map(account -> account.getRoles().contains(Role.INSTRUCTOR) || account.getRoles().contains(Role.ADMIN))
                    .orElse(false);
            if (!teaches) {
                throw new BusinessException.Invalid("assessment.unknownInstructor", username);
            }
        }
        return new Checked(programme, course, offering);
    }

    private static void checkExamDay(AssessmentDraft draft) {
        if (draft.accessCode() != null && draft.accessCode().length() > Assessment.ACCESS_CODE_LENGTH) {
            throw new BusinessException.Invalid("assessment.accessCode", Assessment.ACCESS_CODE_LENGTH);
        }
        try {
            Networks.parse(draft.networks());
        } catch (IllegalArgumentException e) {
            throw new BusinessException.Invalid("assessment.network", e.getMessage());
        }
        if (String.join(",", draft.networks()).length() > MAX_NETWORKS_LENGTH) {
            throw new BusinessException.Invalid("assessment.networks.tooLong", MAX_NETWORKS_LENGTH);
        }
    }

    private void checkSections(List<AssessmentSection> sections) {
        if (sections == null || sections.isEmpty()) {
            throw new BusinessException.Invalid("assessment.sections");
        }
        for (AssessmentSection section : sections) {
            if (section.getCategory() == null || section.getCategory().isBlank()) {
                throw new BusinessException.Invalid("assessment.section.category");
            }
            if (section.getQuestionCount() < 1) {
                throw new BusinessException.Invalid("assessment.section.count", section.getCategory());
            }
            if (section.getPassPercent() != null && (section.getPassPercent() < 0 || section.getPassPercent() > 100)) {
                throw new BusinessException.Invalid("assessment.passPercent");
            }
            long available = em.createNamedQuery(Question.CURRENT_IDS_IN_CATEGORY, Long.class)
                    .setParameter("category", section.getCategory()).getResultList().size();
            if (available < section.getQuestionCount()) {
                throw new BusinessException.Invalid("assessment.section.tooFew", section.getCategory(), available,
                        section.getQuestionCount());
            }
        }
        if (Set.copyOf(sections.stream().map(AssessmentSection::getCategory).toList()).size() != sections.size()) {
            throw new BusinessException.Invalid("assessment.section.repeated");
        }
    }

    /** A certifying assessment's overall mark and each part's own mark reach the programme's minimum. */
    private static void checkCertifyingMarks(AssessmentDraft draft, Programme programme) {
        double minimum = programme.getMinPassPercent();
        if (draft.passPercent() < minimum) {
            throw new BusinessException.Invalid("assessment.certifies.passPercent", draft.passPercent(), minimum,
                    programme.getCode());
        }
        for (AssessmentSection section : draft.sections()) {
            if (section.getPassPercent() != null && section.getPassPercent() < minimum) {
                throw new BusinessException.Invalid("assessment.certifies.sectionPassPercent", section.getCategory(),
                        section.getPassPercent(), minimum, programme.getCode());
            }
        }
    }

    /**
     * Tells the trainees of their classes that assessments have opened, each once: the
     * row lock and the flag make sure of it on any number of nodes.
     *
     * @return how many were announced
     */
    @Transactional
    public int announceOpenings() {
        OffsetDateTime now = OffsetDateTime.now();
        int announced = 0;
        for (Long id : em.createNamedQuery(Assessment.OPENING_UNANNOUNCED, Long.class).setParameter("now", now)
                .getResultList()) {
            announced += announceIfOpen(em.find(Assessment.class, id, LockModeType.PESSIMISTIC_WRITE), now) ? 1 : 0;
        }
        return announced;
    }

    private boolean announceIfOpen(Assessment assessment, OffsetDateTime now) {
        if (!assessment.opensForItsClassAt(now)) {
            return false;
        }
        assessment.openingAnnounced();
        notices.examOpened(assessment.getOffering(), assessment.getTitle(), assessment.getCode(),
                assessment.getClosesAt(), assessment.getTimeLimitMinutes());
        return true;
    }

    /** Whether an official may take the assessment: every active official, or those with a seat in its class. */
    public boolean openTo(Assessment assessment, Official official) {
        return assessment.getOffering() == null || em.createNamedQuery(Enrolment.FIND, Enrolment.class)
                .setParameter("offering", assessment.getOffering())
                .setParameter("official", official)
                .getResultStream()
                .anyMatch(enrolment -> enrolment.getStatus().holdsSeat());
    }

    /** An assessment as a trainee may know it: one of its class's, or open to all. */
    public Assessment forTrainee(String code, Official official) {
        Assessment assessment = byCode(code);
        if (!openTo(assessment, official)) {
            throw new BusinessException.NotFound("assessment.notFound", code);
        }
        return assessment;
    }

    public Assessment byCode(String code) {
        Assessment assessment = find(code);
        if (assessment == null) {
            throw new BusinessException.NotFound("assessment.notFound", code);
        }
        return assessment;
    }

    private Assessment find(String code) {
        return em.createNamedQuery(Assessment.FIND_BY_CODE, Assessment.class)
                .setParameter("code", code)
                .getResultStream().findFirst().orElse(null);
    }
}
