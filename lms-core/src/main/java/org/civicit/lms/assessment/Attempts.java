package org.civicit.lms.assessment;

import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import org.civicit.lms.platform.BusinessException;
import org.civicit.lms.platform.Networks;
import org.civicit.lms.roster.Official;

/**
 * Taking an exam. The server's clock is the only clock: an answer is stored only while
 * its attempt is open and before its deadline, and it is committed before the caller hears
 * back. Every change to an attempt holds the attempt's row lock, so an answer and the
 * submission that closes the attempt never cross, on one node or several.
 */
@ApplicationScoped
public class Attempts {

    private static final Logger LOG = Logger.getLogger(Attempts.class.getName());
    private static final Random RANDOM = new SecureRandom();

    @PersistenceContext(unitName = "lms")
    EntityManager em;

    @Inject
    Assessments assessments;

    @Inject
    Results results;

    @Inject
    ExamDay examDay;

    /** An attempt with its questions as its trainee sees them. */
    public record View(Attempt attempt, List<Item> items) {
    }

    /** One question of an attempt: how it is shown, what was answered, how it scored, the file handed in. */
    public record Item(AttemptItem item, BankQuestion question, AttemptUpload.Described file) {
    }

    /** An assessment in its trainee's list: the attempts made so far, and whether one may be started or resumed now. */
    public record Sitting(Assessment assessment, List<Attempt> attempts, boolean takeable) {
    }

    /** An attempt and whether this request started it (or resumed one already open). */
    /**
     * Where a trainee comes from when starting or answering: the code the invigilator read out
     * (only for starting), and the client's address as the server trusts it.
     */
    public record Entry(String accessCode, String address) {
    }

    public record Started(View view, boolean created) {
    }

    /**
     * A trainee's assessments: those open to it (its classes', and those open to all) that
     * have not closed, and every one it sat; the soonest to close first.
     */
    public List<Sitting> sittings(Official official) {
        OffsetDateTime now = OffsetDateTime.now();
        Map<Long, List<Attempt>> sat = new HashMap<>();
        Map<Long, Assessment> listed = new LinkedHashMap<>();
        for (Attempt attempt : em.createNamedQuery(Attempt.ALL_OF_OFFICIAL, Attempt.class)
                .setParameter("official", official).getResultList()) {
            sat.computeIfAbsent(attempt.getAssessment().getId(), id -> new ArrayList<>()).add(attempt);
            listed.put(attempt.getAssessment().getId(), attempt.getAssessment());
        }
        em.createNamedQuery(Assessment.OPEN_TO_OFFICIAL, Assessment.class).setParameter("official", official)
                .getResultStream()
                .filter(assessment -> assessment.getClosesAt() == null || now.isBefore(assessment.getClosesAt()))
                .forEach(assessment -> listed.putIfAbsent(assessment.getId(), assessment));
        return listed.values().stream().map(assessment -> {
            List<Attempt> mine = sat.getOrDefault(assessment.getId(), List.of());
            boolean takeable = mine.stream().anyMatch(attempt -> attempt.takesAnswersAt(now))
                    || official.isActive() && assessment.isOpenAt(now) && mine.size() < assessment.getMaxAttempts()
                    && assessments.openTo(assessment, official);
            return new Sitting(assessment, mine, takeable);
        }).sorted(Comparator.comparing((Sitting s) -> s.assessment().getClosesAt(),
                        Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(s -> s.assessment().getCode())).toList();
    }

    /**
     * Starts an attempt, or returns the one the official already has open. The official's
     * row lock keeps two simultaneous starts from making two attempts.
     */
    @Transactional
    public Started start(String assessmentCode, Official trainee, Entry entry) {
        Assessment assessment = assessments.byCode(assessmentCode);
        checkNetwork(assessment, entry.address());
        Official official = em.find(Official.class, trainee.getId(), LockModeType.PESSIMISTIC_WRITE);
        OffsetDateTime now = OffsetDateTime.now();
        List<Attempt> previous = em.createNamedQuery(Attempt.OF_OFFICIAL, Attempt.class)
                .setParameter("assessment", assessment)
                .setParameter("official", official)
                .getResultList();
        for (Attempt attempt : previous) {
            if (attempt.getStatus() == AttemptStatus.OPEN) {
                if (attempt.takesAnswersAt(now)) {
                    return new Started(view(attempt), false);
                }
                // Overdue: submitted here, under its own lock, unless the job got there first.
                em.refresh(attempt, LockModeType.PESSIMISTIC_WRITE);
                if (attempt.getStatus() == AttemptStatus.OPEN) {
                    results.finish(attempt, now, Attempt.BY_SERVER);
                }
            }
        }
        if (!official.isActive()) {
            throw new BusinessException.Forbidden("attempt.inactive");
        }
        if (!assessments.openTo(assessment, official)) {
            throw new BusinessException.Forbidden("attempt.notEnrolled", assessment.getOffering().getCode());
        }
        if (!assessment.isOpenAt(now)) {
            throw new BusinessException.Conflict("attempt.assessmentClosed", assessment.getCode());
        }
        ExamDay.Accommodation accommodation = examDay.accommodationOf(assessment, official);
        int allowed = assessment.getMaxAttempts() + accommodation.extraAttempts();
        if (previous.size() >= allowed) {
            throw new BusinessException.Conflict("attempt.noneLeft", allowed);
        }
        if (assessment.getAccessCode() != null && !assessment.getAccessCode().equals(
                entry.accessCode() == null ? null : entry.accessCode().strip())) {
            throw new BusinessException.Forbidden("attempt.accessCode");
        }
        List<Picked> drawn = draw(assessment);
        double maxScore = drawn.stream().mapToDouble(picked -> picked.question().getPoints()).sum();
        Attempt attempt = new Attempt(assessment, official, previous.size() + 1, now, maxScore,
                accommodation.extraMinutes());
        em.persist(attempt);
        List<Item> items = new ArrayList<>();
        int position = 1;
        for (Picked picked : drawn) {
            Question question = picked.question();
            BankQuestion parsed = question.parsed();
            AttemptItem item = new AttemptItem(attempt.getId(), question.getId(), position++,
                    picked.section(), Presentation.shuffle(parsed, RANDOM), question.getPoints());
            em.persist(item);
            items.add(new Item(item, parsed, null));
        }
        LOG.fine(() -> "Attempt " + attempt.getId() + " of " + assessment.getCode() + " started by "
                + official.getEmployeeCode());
        return new Started(new View(attempt, items), true);
    }

    /** Refuses an address outside the networks the assessment names, if it names any. */
    private static void checkNetwork(Assessment assessment, String address) {
        Networks networks = assessment.getNetworks();
        if (!networks.isEmpty() && !networks.contains(address)) {
            throw new BusinessException.Forbidden("attempt.network", String.valueOf(address));
        }
    }

    /** One question of a paper drawn for a preview: its part, how it would be shown, what it is worth. */
    public record Drawn(int section, BankQuestion question, Presentation presentation, double points) {
    }

    /**
     * A paper drawn as a new attempt would draw it, for the admin and the assessment's
     * instructors to see what trainees will see; nothing is written, so no attempt is used up
     * and no trainee's count changes.
     */
    public List<Drawn> preview(String assessmentCode, String username, boolean admin) {
        Assessment assessment = assessments.forInstructor(assessmentCode, username, admin);
        return draw(assessment).stream().map(picked -> {
            BankQuestion parsed = picked.question().parsed();
            return new Drawn(picked.section(), parsed, Presentation.shuffle(parsed, RANDOM),
                    picked.question().getPoints());
        }).toList();
    }

    /**
     * The questions of a new attempt: each section's count drawn at random, in random order,
     * after the descriptions of its category, which every paper shows first and which are worth nothing.
     */
    private List<Picked> draw(Assessment assessment) {
        List<Picked> drawn = new ArrayList<>();
        List<AssessmentSection> sections = assessment.getSections();
        for (int index = 0; index < sections.size(); index++) {
            AssessmentSection section = sections.get(index);
            int part = index;
            em.createNamedQuery(Question.CURRENT_DESCRIPTIONS_IN_CATEGORY, Question.class)
                    .setParameter("category", section.getCategory()).getResultStream()
                    .forEach(description -> drawn.add(new Picked(description, part)));
            List<Long> ids = new ArrayList<>(em.createNamedQuery(Question.CURRENT_IDS_IN_CATEGORY, Long.class)
                    .setParameter("category", section.getCategory())
                    .getResultList());
            if (ids.size() < section.getQuestionCount()) {
                throw new BusinessException.Conflict("assessment.section.tooFew", section.getCategory(), ids.size(),
                        section.getQuestionCount());
            }
            Collections.shuffle(ids, RANDOM);
            for (Long id : ids.subList(0, section.getQuestionCount())) {
                drawn.add(new Picked(em.find(Question.class, id), part));
            }
        }
        return drawn;
    }

    /** A question of a new paper and the part it was drawn for. */
    private record Picked(Question question, int section) {
    }

    /** Saves one answer, replacing the one before; refused once the attempt is closed. */
    @Transactional
    public void answer(long attemptId, long questionId, Official trainee, Answer answer, String address) {
        Attempt attempt = ownLocked(attemptId, trainee);
        checkNetwork(attempt.getAssessment(), address);
        if (!attempt.takesAnswersAt(OffsetDateTime.now())) {
            throw new BusinessException.Conflict("attempt.closed", attempt.getDeadline());
        }
        AttemptItem item = em.find(AttemptItem.class, new AttemptItem.Key(attemptId, questionId));
        if (item == null) {
            throw new BusinessException.NotFound("attempt.question.notFound", questionId);
        }
        BankQuestion question = em.find(Question.class, questionId).parsed();
        item.presentation().check(question, answer);
        item.answer(answer, OffsetDateTime.now());
    }

    /** Submits an attempt; submitting one already submitted returns its result unchanged. */
    @Transactional
    public Attempt submit(long attemptId, Official trainee) {
        Attempt attempt = ownLocked(attemptId, trainee);
        if (attempt.getStatus() == AttemptStatus.OPEN) {
            OffsetDateTime now = OffsetDateTime.now();
            results.finish(attempt, now, attempt.takesAnswersAt(now) ? Attempt.BY_TRAINEE : Attempt.BY_SERVER);
        }
        return attempt;
    }

    /**
     * Submits an attempt left open past its deadline, with the answers saved so far. Safe
     * to run on several nodes at once: the row lock and the status decide who does it.
     *
     * @return whether this call submitted it
     */
    @Transactional
    public boolean submitIfOverdue(long attemptId) {
        Attempt attempt = em.find(Attempt.class, attemptId, LockModeType.PESSIMISTIC_WRITE);
        OffsetDateTime now = OffsetDateTime.now();
        if (attempt == null || attempt.getStatus() != AttemptStatus.OPEN || attempt.getDeadline().isAfter(now)) {
            return false;
        }
        results.finish(attempt, now, Attempt.BY_SERVER);
        return true;
    }

    /** Attempts still open past their deadline, oldest first. */
    @Transactional
    public List<Long> overdue(int limit) {
        return em.createNamedQuery(Attempt.OVERDUE, Long.class)
                .setParameter("now", OffsetDateTime.now())
                .setMaxResults(limit)
                .getResultList();
    }

    /** An attempt for its own trainee; anyone else's is as good as absent. */
    public View ownView(long attemptId, Official trainee) {
        Attempt attempt = em.find(Attempt.class, attemptId);
        if (attempt == null || !attempt.getOfficial().getId().equals(trainee.getId())) {
            throw new BusinessException.NotFound("attempt.notFound", attemptId);
        }
        return view(attempt);
    }

    /** An attempt for those who grade its assessment. */
    public View gradersView(long attemptId, String username, boolean admin) {
        Attempt attempt = em.find(Attempt.class, attemptId);
        if (attempt == null || !(admin || attempt.getAssessment().isGradedBy(username))) {
            throw new BusinessException.NotFound("attempt.notFound", attemptId);
        }
        return view(attempt);
    }

    View view(Attempt attempt) {
        Map<Long, AttemptUpload.Described> files = files(attempt.getId());
        List<Item> items = new ArrayList<>();
        for (AttemptItem item : em.createNamedQuery(AttemptItem.OF_ATTEMPT, AttemptItem.class)
                .setParameter("attempt", attempt.getId()).getResultList()) {
            items.add(new Item(item, em.find(Question.class, item.getQuestionId()).parsed(),
                    files.get(item.getQuestionId())));
        }
        return new View(attempt, items);
    }

    /** The files handed in for an attempt, by question, without their content. */
    Map<Long, AttemptUpload.Described> files(long attemptId) {
        Map<Long, AttemptUpload.Described> files = new HashMap<>();
        for (Object[] row : em.createNamedQuery(AttemptUpload.DESCRIBE_OF_ATTEMPT, Object[].class)
                .setParameter("attempt", attemptId).getResultList()) {
            files.put((Long) row[0], new AttemptUpload.Described((String) row[1], (String) row[2], (Long) row[3]));
        }
        return files;
    }

    /**
     * Hands in a file for a practical question, replacing any file before; the same rules
     * as for an answer hold: the trainee's own attempt, open, before its deadline.
     */
    @Transactional
    public void handIn(long attemptId, long questionId, Official trainee, String fileName, String contentType,
            byte[] content, String address) {
        Attempt attempt = ownLocked(attemptId, trainee);
        checkNetwork(attempt.getAssessment(), address);
        OffsetDateTime now = OffsetDateTime.now();
        if (!attempt.takesAnswersAt(now)) {
            throw new BusinessException.Conflict("attempt.closed", attempt.getDeadline());
        }
        AttemptItem item = em.find(AttemptItem.class, new AttemptItem.Key(attemptId, questionId));
        if (item == null) {
            throw new BusinessException.NotFound("attempt.question.notFound", questionId);
        }
        if (em.find(Question.class, questionId).getType() != QuestionType.ESSAY) {
            throw new BusinessException.Invalid("attempt.file.notPractical");
        }
        if (content.length == 0) {
            throw new BusinessException.Invalid("attempt.file.empty");
        }
        String name = fileName == null ? "" : fileName.replaceAll(".*[/\\\\]", "").strip();
        if (name.isEmpty() || name.length() > AttemptUpload.NAME_LENGTH) {
            throw new BusinessException.Invalid("attempt.file.name", AttemptUpload.NAME_LENGTH);
        }
        String type = contentType == null || contentType.isBlank() || contentType.length() > AttemptUpload.TYPE_LENGTH
                ? "application/octet-stream" : contentType.strip();
        AttemptUpload upload = em.find(AttemptUpload.class, new AttemptItem.Key(attemptId, questionId));
        if (upload == null) {
            upload = new AttemptUpload(attemptId, questionId);
            upload.replace(name, type, content, now);
            em.persist(upload);
        } else {
            upload.replace(name, type, content, now);
        }
        item.fileHandedIn(now);
    }

    /** A file handed in, for its trainee or for those who grade the assessment. */
    public AttemptUpload handedIn(long attemptId, long questionId, Official trainee, String username, boolean admin) {
        Attempt attempt = em.find(Attempt.class, attemptId);
        boolean own = attempt != null && trainee != null && attempt.getOfficial().getId().equals(trainee.getId());
        boolean grader = attempt != null && (admin || attempt.getAssessment().isGradedBy(username));
        AttemptUpload upload = own || grader
                ? em.find(AttemptUpload.class, new AttemptItem.Key(attemptId, questionId)) : null;
        if (upload == null) {
            throw new BusinessException.NotFound("attempt.file.notFound", questionId);
        }
        return upload;
    }

    private Attempt ownLocked(long attemptId, Official trainee) {
        Attempt attempt = em.find(Attempt.class, attemptId, LockModeType.PESSIMISTIC_WRITE);
        if (attempt == null || !attempt.getOfficial().getId().equals(trainee.getId())) {
            throw new BusinessException.NotFound("attempt.notFound", attemptId);
        }
        return attempt;
    }
}
