package org.civicit.lms.assessment;

import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

import org.civicit.lms.assessment.BankQuestion.Option;
import org.civicit.lms.assessment.gift.GiftParser;
import org.civicit.lms.audit.AuditAction;
import org.civicit.lms.audit.AuditLog;
import org.civicit.lms.audit.Details;
import org.civicit.lms.csv.ImportResult;
import org.civicit.lms.platform.BusinessException;
import org.civicit.lms.platform.ContentHash;
import org.civicit.lms.platform.ImportLock;
import org.civicit.lms.platform.Written;

/**
 * The question banks: importing keeps every version of a question (known by category and
 * title), so that an attempt always shows what it showed when taken; exporting writes GIFT.
 */
@ApplicationScoped
public class QuestionBanks {

    private static final Logger LOG = Logger.getLogger(QuestionBanks.class.getName());

    @PersistenceContext(unitName = "lms")
    EntityManager em;

    @Inject
    AuditLog audit;

    /** What an import did: questions per category of the file, and how many were new, changed or the same. */
    public record Imported(int total, Map<String, Integer> categories, int created, int updated, int unchanged) {
    }

    /**
     * Loads a bank file shipped with the application when it is new or changed since it was
     * last loaded: the file then speaks for its categories, so a question taken out of it
     * stops being drawn. An unchanged file is left alone.
     *
     * @return what was done, or empty when the file had not changed
     */
    @Transactional
    public Optional<Imported> loadShipped(String name, String text) {
        ImportLock.take(em, ImportLock.QUESTION_BANKS);
        String hash = ContentHash.sha256(text);
        List<?> stored = em.createNativeQuery("SELECT content_hash FROM bank_file WHERE name = ?")
                .setParameter(1, name).getResultList();
        if (!stored.isEmpty() && hash.equals(stored.get(0))) {
            return Optional.empty();
        }
        List<BankQuestion> questions = GiftParser.parse(text);
        Imported imported = importQuestions(questions);
        Set<String> kept = new HashSet<>();
        questions.forEach(q -> kept.add(q.category() + "\n" + GiftParser.identity(q)));
        for (String category : imported.categories().keySet()) {
            em.createNamedQuery(Question.CURRENT_IN_CATEGORY, Question.class).setParameter("category", category)
                    .getResultStream()
                    .filter(q -> !kept.contains(category + "\n" + q.getTitle()))
                    .forEach(Question::retire);
        }
        em.createNativeQuery(stored.isEmpty() ? "INSERT INTO bank_file (content_hash, name) VALUES (?, ?)"
                        : "UPDATE bank_file SET content_hash = ? WHERE name = ?")
                .setParameter(1, hash).setParameter(2, name).executeUpdate();
        return Optional.of(imported);
    }

    /**
     * Imports questions for an instructor: the categories of the file must be theirs to
     * change (see {@link #requireMayChange}).
     */
    @Transactional
    public Imported importBank(List<BankQuestion> questions, String username, boolean admin) {
        requireMayChange(questions.stream().map(BankQuestion::category).distinct().toList(), username, admin);
        Imported imported = importQuestions(questions);
        audit.imported(AuditAction.QUESTIONS_IMPORTED,
                new ImportResult(imported.created(), imported.updated(), imported.unchanged()));
        return imported;
    }

    /**
     * An instructor changes the questions of a category no assessment draws from yet, or of
     * one that an assessment they grade draws from; the admin changes any. So no one alters
     * the exam of a course they do not teach.
     */
    void requireMayChange(List<String> categories, String username, boolean admin) {
        if (admin) {
            return;
        }
        for (String category : categories) {
            List<Assessment> drawing = em.createNamedQuery(Assessment.DRAWING_FROM, Assessment.class)
                    .setParameter("category", category).getResultList();
            if (!drawing.isEmpty() && drawing.stream().noneMatch(a -> a.isGradedBy(username))) {
                throw new BusinessException.Forbidden("bank.category.notYours", category);
            }
        }
    }

    @Transactional
    public Imported importQuestions(List<BankQuestion> questions) {
        ImportLock.take(em, ImportLock.QUESTION_BANKS);
        OffsetDateTime now = OffsetDateTime.now();
        Map<String, Integer> categories = new LinkedHashMap<>();
        int created = 0;
        int updated = 0;
        for (BankQuestion parsed : questions) {
            categories.merge(parsed.category(), 1, Integer::sum);
            String title = GiftParser.identity(parsed);
            Question current = em.createNamedQuery(Question.CURRENT_BY_TITLE, Question.class)
                    .setParameter("category", parsed.category())
                    .setParameter("title", title)
                    .getResultStream().findFirst().orElse(null);
            if (current == null) {
                em.persist(new Question(parsed, title, 1, now));
                created++;
            } else if (!current.sameAs(parsed)) {
                current.retire();
                em.persist(new Question(parsed, title, current.getRevision() + 1, now));
                updated++;
            }
        }
        int unchanged = questions.size() - created - updated;
        LOG.info(() -> "Question bank imported: " + questions.size() + " question(s), " + categories);
        return new Imported(questions.size(), categories, created, updated, unchanged);
    }

    /** How many current questions each category holds. */
    public Map<String, Long> categories() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Object[] row : em.createNamedQuery(Question.CURRENT_CATEGORIES, Object[].class).getResultList()) {
            counts.put((String) row[0], ((Number) row[1]).longValue());
        }
        return counts;
    }

    /** The current questions of a category (of every category when {@code null}) as one GIFT file. */
    public String export(String category) {
        List<String> names = category == null ? List.copyOf(categories().keySet()) : List.of(category);
        if (category != null && !categories().containsKey(category)) {
            throw new BusinessException.NotFound("bank.category.notFound", category);
        }
        StringBuilder gift = new StringBuilder();
        for (String name : names) {
            gift.append("$CATEGORY: ").append(GiftParser.escape(name)).append("\n\n");
            double points = 1;
            for (Question question : em.createNamedQuery(Question.CURRENT_IN_CATEGORY, Question.class)
                    .setParameter("category", name).getResultList()) {
                if (question.getPoints() != points) {
                    points = question.getPoints();
                    gift.append("$POINTS: ").append(Written.number(points)).append("\n\n");
                }
                gift.append(question.getSource()).append("\n\n");
            }
        }
        return gift.toString();
    }

    public Question question(long id) {
        Question question = em.find(Question.class, id);
        if (question == null) {
            throw new BusinessException.NotFound("bank.question.notFound", id);
        }
        return question;
    }

    /**
     * Corrects the key of a question in place: the text, the options and their order must
     * stay as they are, so that every attempt keeps meaning what its trainee answered; only
     * which answers are right (and how much) may change. A regrade then rescores attempts.
     */
    @Transactional
    public Question correctKey(long id, String gift, String username, boolean admin) {
        Question question = em.find(Question.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (question == null) {
            throw new BusinessException.NotFound("bank.question.notFound", id);
        }
        requireMayChange(List.of(question.getCategory()), username, admin);
        List<BankQuestion> parsed = GiftParser.parse(gift);
        if (parsed.size() != 1) {
            throw new BusinessException.Invalid("bank.correct.oneQuestion");
        }
        BankQuestion was = question.parsed();
        BankQuestion corrected = new BankQuestion(was.line(), was.category(), was.title(), parsed.get(0).text(),
                parsed.get(0).type(), was.points(), parsed.get(0).options(), parsed.get(0).ranges(),
                parsed.get(0).pairs(), parsed.get(0).feedback(), parsed.get(0).source());
        if (!Objects.equals(corrected.title(), parsed.get(0).title()) || !sameShape(was, corrected)) {
            throw new BusinessException.Invalid("bank.correct.sameQuestion");
        }
        question.correctKey(corrected);
        audit.record(AuditAction.KEY_CORRECTED, "question:" + id,
                Details.of("category", was.category(), "title", question.getTitle()));
        LOG.info(() -> "Key of question " + id + " (" + was.category() + "/" + question.getTitle() + ") corrected");
        return question;
    }

    /** Whether two questions show the same thing to a trainee, whatever their keys. */
    static boolean sameShape(BankQuestion a, BankQuestion b) {
        if (a.type() != b.type() || !a.text().equals(b.text())) {
            return false;
        }
        return switch (a.type()) {
            case SINGLE_CHOICE, MULTIPLE_CHOICE, TRUE_FALSE ->
                    a.options().stream().map(Option::text).toList().equals(b.options().stream().map(Option::text).toList());
            case MATCHING -> a.matchedPairs().stream().map(BankQuestion.Pair::left).toList()
                    .equals(b.matchedPairs().stream().map(BankQuestion.Pair::left).toList())
                    && a.choices().equals(b.choices());
            default -> true;
        };
    }
}
