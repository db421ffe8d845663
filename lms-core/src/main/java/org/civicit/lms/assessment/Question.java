package org.civicit.lms.assessment;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.civicit.lms.assessment.gift.GiftParser;
import org.civicit.lms.assessment.gift.GiftWriter;

/**
 * One version of a question. A bank that changes a question adds a revision and marks
 * it current; attempts keep pointing at the revision they showed.
 */
@Entity
@Table(name = "question")
@NamedQuery(name = Question.CURRENT_IN_CATEGORY,
        query = "SELECT q FROM Question q WHERE q.category = :category AND q.current = true ORDER BY q.id")
// The questions a paper draws from; the descriptions of the category are shown, not drawn.
@NamedQuery(name = Question.CURRENT_IDS_IN_CATEGORY,
        query = "SELECT q.id FROM Question q WHERE q.category = :category AND q.current = true"
                + " AND q.type <> org.civicit.lms.assessment.QuestionType.DESCRIPTION")
@NamedQuery(name = Question.CURRENT_DESCRIPTIONS_IN_CATEGORY,
        query = "SELECT q FROM Question q WHERE q.category = :category AND q.current = true"
                + " AND q.type = org.civicit.lms.assessment.QuestionType.DESCRIPTION ORDER BY q.id")
@NamedQuery(name = Question.CURRENT_BY_TITLE,
        query = "SELECT q FROM Question q WHERE q.category = :category AND q.title = :title AND q.current = true")
@NamedQuery(name = Question.CURRENT_CATEGORIES,
        query = "SELECT q.category, COUNT(q) FROM Question q WHERE q.current = true GROUP BY q.category ORDER BY q.category")
public class Question {

    public static final String CURRENT_IN_CATEGORY = "Question.currentInCategory";
    public static final String CURRENT_IDS_IN_CATEGORY = "Question.currentIdsInCategory";
    public static final String CURRENT_DESCRIPTIONS_IN_CATEGORY = "Question.currentDescriptionsInCategory";
    public static final String CURRENT_BY_TITLE = "Question.currentByTitle";
    public static final String CURRENT_CATEGORIES = "Question.currentCategories";

    @Id
    @SequenceGenerator(name = "question_seq", sequenceName = "question_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "question_seq")
    private Long id;

    @Column(nullable = false, length = GiftParser.CATEGORY_LENGTH)
    private String category;

    @Column(nullable = false, length = GiftParser.TITLE_LENGTH)
    private String title;

    @Column(nullable = false)
    private int revision;

    @Column(name = "is_current", nullable = false)
    private boolean current;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private QuestionType type;

    @Column(nullable = false)
    private double points;

    /** The question's structure, see {@link QuestionBody}. */
    @Column(nullable = false, length = QuestionBody.LENGTH)
    private String body;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Version
    private long version;

    protected Question() {
    }

    Question(BankQuestion parsed, String title, int revision, OffsetDateTime createdAt) {
        this.category = parsed.category();
        this.title = title;
        this.revision = revision;
        this.current = true;
        this.type = parsed.type();
        this.points = parsed.points();
        this.body = QuestionBody.write(parsed);
        this.createdAt = createdAt;
    }

    /** The question with its key; its pictures come without their bytes. */
    public BankQuestion parsed() {
        return QuestionBody.read(body, category, type, points);
    }

    /** Whether {@code parsed} says the same as this revision. */
    boolean sameAs(BankQuestion parsed) {
        return body.equals(QuestionBody.write(parsed)) && type == parsed.type() && points == parsed.points();
    }

    void retire() {
        current = false;
    }

    /** A corrected key in place: the text and options stay, so attempts keep their meaning. */
    void correctKey(BankQuestion corrected) {
        this.body = QuestionBody.write(corrected);
    }

    public Long getId() {
        return id;
    }

    public String getCategory() {
        return category;
    }

    public String getTitle() {
        return title;
    }

    public int getRevision() {
        return revision;
    }

    public boolean isCurrent() {
        return current;
    }

    public QuestionType getType() {
        return type;
    }

    public double getPoints() {
        return points;
    }

    /** The question as GIFT, as a bank file would write it. */
    public String gift() {
        return GiftWriter.question(parsed());
    }
}
