package org.civicit.lms.assessment;

import java.time.OffsetDateTime;
import java.util.ArrayList;
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
import org.civicit.lms.assessment.gift.BankFormat;
import org.civicit.lms.assessment.gift.GiftParser;
import org.civicit.lms.audit.AuditAction;
import org.civicit.lms.audit.AuditLog;
import org.civicit.lms.audit.Details;
import org.civicit.lms.csv.ImportResult;
import org.civicit.lms.platform.BusinessException;
import org.civicit.lms.platform.ContentHash;
import org.civicit.lms.platform.ImportLock;
import org.civicit.lms.roster.Accounts;
import org.civicit.lms.roster.Official;
import org.civicit.lms.roster.Role;

/**
 * The question banks: importing keeps every version of a question (known by category and
 * title), so that an attempt always shows what it showed when taken; exporting writes GIFT.
 * A category belongs to whoever first imported into it and to whom the admin adds; only
 * they (and the admin) read its keys or change it, and no one reads the keys of a category
 * while an attempt of theirs that draws from it is open. The categories of a certifying
 * assessment only the admin changes. Anyone may draw questions from any category.
 */
@ApplicationScoped
public class QuestionBanks {

    private static final Logger LOG = Logger.getLogger(QuestionBanks.class.getName());

    @PersistenceContext(unitName = "lms")
    EntityManager em;

    @Inject
    Accounts accounts;

    @Inject
    AuditLog audit;

    /** What an import did: questions per category of the file, and how many were new, changed or the same. */
    public record Imported(int total, Map<String, Integer> categories, int created, int updated, int unchanged) {
    }

    /**
     * Loads a bank file shipped with the application (GIFT, or Moodle XML when it ends in
     * {@code .xml}) when it is new or changed since it was
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
        List<BankQuestion> questions = (name.endsWith(".xml") ? BankFormat.MOODLEXML : BankFormat.GIFT).parse(text, null);
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
     * change (see {@link #requireMayChange}); a category the file creates becomes theirs.
     */
    @Transactional
    public Imported importBank(List<BankQuestion> questions, String username, boolean admin) {
        List<String> categories = questions.stream().map(BankQuestion::category).distinct().toList();
        ImportLock.take(em, ImportLock.QUESTION_BANKS);
        requireMayChange(categories, username, admin);
        List<String> created = categories.stream().filter(category -> !exists(category)).toList();
        Imported imported = importQuestions(questions);
        created.forEach(category -> addOwnerRow(category, username));
        audit.imported(AuditAction.QUESTIONS_IMPORTED,
                new ImportResult(imported.created(), imported.updated(), imported.unchanged()));
        return imported;
    }

    /**
     * Only a category's owners (and the admin) change it, so no one alters another's exam;
     * only the admin changes a category a certifying assessment draws from, since that changes
     * who holds a certificate. A new category is anyone's to create.
     */
    void requireMayChange(List<String> categories, String username, boolean admin) {
        if (admin) {
            return;
        }
        for (String category : categories) {
            boolean certifying = em.createNamedQuery(Assessment.DRAWING_FROM, Assessment.class)
                    .setParameter("category", category).getResultStream().anyMatch(Assessment::isCertifies);
            if (certifying) {
                throw new BusinessException.Forbidden("bank.category.certifying", category);
            }
            if (exists(category) && !owns(category, username)) {
                throw new BusinessException.Forbidden("bank.category.notYours", category);
            }
        }
    }

    /**
     * Whether a caller may read a category's answer keys: its owners and the admin, but no one
     * while an attempt of theirs that draws from it is open.
     */
    private boolean mayReadKeys(String category, String username, boolean admin, Optional<Official> official) {
        return (admin || owns(category, username)) && official.map(o -> !takingExamFrom(category, o)).orElse(true);
    }

    void requireMayReadKeys(String category, String username, boolean admin, Optional<Official> official) {
        if (official.isPresent() && takingExamFrom(category, official.get())) {
            throw new BusinessException.Forbidden("bank.category.openAttempt", category);
        }
        if (!admin && !owns(category, username)) {
            throw new BusinessException.Forbidden("bank.category.keysNotYours", category);
        }
    }

    private boolean takingExamFrom(String category, Official official) {
        return em.createQuery("SELECT COUNT(t) FROM Attempt t JOIN t.assessment a JOIN a.sections s"
                        + " WHERE t.official = :official AND s.category = :category"
                        + " AND t.status = org.civicit.lms.assessment.AttemptStatus.OPEN", Long.class)
                .setParameter("official", official).setParameter("category", category).getSingleResult() > 0;
    }

    private boolean exists(String category) {
        return ((Number) em.createNativeQuery("SELECT COUNT(*) FROM question WHERE category = ?")
                .setParameter(1, category).getSingleResult()).longValue() > 0;
    }

    private boolean owns(String category, String username) {
        return !em.createNativeQuery("SELECT username FROM category_owner WHERE category = ? AND username = ?")
                .setParameter(1, category).setParameter(2, username).getResultList().isEmpty();
    }

    private void addOwnerRow(String category, String username) {
        if (!owns(category, username)) {
            em.createNativeQuery("INSERT INTO category_owner (category, username) VALUES (?, ?)")
                    .setParameter(1, category).setParameter(2, username).executeUpdate();
        }
    }

    /** The admin makes an instructor an owner of a category; adding an owner twice changes nothing. */
    @Transactional
    public void addOwner(String category, String username) {
        if (!exists(category)) {
            throw new BusinessException.NotFound("bank.category.notFound", category);
        }
        boolean teaches = accounts.find(username)
                .map(account -> account.getRoles().contains(Role.INSTRUCTOR) || account.getRoles().contains(Role.ADMIN))
                .orElse(false);
        if (!teaches) {
            throw new BusinessException.Invalid("bank.owner.notInstructor", username);
        }
        addOwnerRow(category, username);
        LOG.info(() -> "Category " + category + " now also belongs to " + username);
    }

    /** The categories whose keys a caller may read now. */
    public Set<String> keysReadableBy(String username, boolean admin, Optional<Official> official) {
        Set<String> readable = new HashSet<>();
        categories().keySet().stream().filter(category -> mayReadKeys(category, username, admin, official))
                .forEach(readable::add);
        return readable;
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
            keepPictures(parsed);
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

    /** Keeps the bytes of a question's pictures once each, whoever else shows them. */
    private void keepPictures(BankQuestion question) {
        for (BankQuestion.Media media : question.media()) {
            if (media.content() != null && em.find(QuestionMedia.class, media.sha256()) == null) {
                em.persist(new QuestionMedia(media.sha256(), media.contentType(), media.content()));
            }
        }
    }

    /** A question with the bytes of its pictures, to be written to a bank file. */
    private BankQuestion withPictures(BankQuestion question) {
        if (question.media().isEmpty()) {
            return question;
        }
        List<BankQuestion.Media> media = question.media().stream()
                .map(m -> new BankQuestion.Media(m.name(), m.contentType(), m.sha256(),
                        em.find(QuestionMedia.class, m.sha256()).getContent()))
                .toList();
        return new BankQuestion(question.line(), question.category(), question.title(), question.text(),
                question.type(), question.points(), question.options(), question.ranges(), question.pairs(),
                question.feedback(), media);
    }

    /** The bytes of a picture some question shows; the caller has checked who may see it. */
    public QuestionMedia picture(String sha256) {
        QuestionMedia picture = em.find(QuestionMedia.class, sha256);
        if (picture == null) {
            throw new BusinessException.NotFound("attempt.picture.notFound", sha256);
        }
        return picture;
    }

    /** How many current questions each category holds. */
    public Map<String, Long> categories() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Object[] row : em.createNamedQuery(Question.CURRENT_CATEGORIES, Object[].class).getResultList()) {
            counts.put((String) row[0], ((Number) row[1]).longValue());
        }
        return counts;
    }

    /**
     * The current questions of a category, keys and pictures and all, to be written to a bank
     * file; when {@code null}, of every category whose keys the caller may read.
     */
    public List<BankQuestion> export(String category, String username, boolean admin, Optional<Official> official) {
        if (category != null && !categories().containsKey(category)) {
            throw new BusinessException.NotFound("bank.category.notFound", category);
        }
        List<String> names;
        if (category != null) {
            requireMayReadKeys(category, username, admin, official);
            names = List.of(category);
        } else {
            Set<String> readable = keysReadableBy(username, admin, official);
            names = categories().keySet().stream().filter(readable::contains).toList();
        }
        List<BankQuestion> questions = new ArrayList<>();
        for (String name : names) {
            em.createNamedQuery(Question.CURRENT_IN_CATEGORY, Question.class).setParameter("category", name)
                    .getResultStream().forEach(question -> questions.add(withPictures(question.parsed())));
        }
        return questions;
    }

    /** The current questions of a category, for who may read its keys. */
    public List<Question> questionsOf(String category, String username, boolean admin, Optional<Official> official) {
        if (category == null || !categories().containsKey(category)) {
            throw new BusinessException.NotFound("bank.category.notFound", String.valueOf(category));
        }
        requireMayReadKeys(category, username, admin, official);
        return em.createNamedQuery(Question.CURRENT_IN_CATEGORY, Question.class).setParameter("category", category)
                .getResultList();
    }

    /** A question with its key, for who may read the keys of its category. */
    public Question question(long id, String username, boolean admin, Optional<Official> official) {
        Question question = em.find(Question.class, id);
        if (question == null) {
            throw new BusinessException.NotFound("bank.question.notFound", id);
        }
        requireMayReadKeys(question.getCategory(), username, admin, official);
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
        // GIFT carries no pictures: a corrected key keeps the question's own.
        BankQuestion corrected = new BankQuestion(was.line(), was.category(), was.title(), parsed.get(0).text(),
                parsed.get(0).type(), was.points(), parsed.get(0).options(), parsed.get(0).ranges(),
                parsed.get(0).pairs(), parsed.get(0).feedback(), was.media());
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
