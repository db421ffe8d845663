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

/**
 * One version of a question. A bank that changes a question adds a revision and marks
 * it current; attempts keep pointing at the revision they showed.
 */
@Entity
@Table(name = "question")
@NamedQuery(name = Question.CURRENT_IN_CATEGORY,
        query = "SELECT q FROM Question q WHERE q.category = :category AND q.current = true ORDER BY q.id")
@NamedQuery(name = Question.CURRENT_IDS_IN_CATEGORY,
        query = "SELECT q.id FROM Question q WHERE q.category = :category AND q.current = true")
@NamedQuery(name = Question.CURRENT_BY_TITLE,
        query = "SELECT q FROM Question q WHERE q.category = :category AND q.title = :title AND q.current = true")
@NamedQuery(name = Question.CURRENT_CATEGORIES,
        query = "SELECT q.category, COUNT(q) FROM Question q WHERE q.current = true GROUP BY q.category ORDER BY q.category")
public class Question {

    public static final String CURRENT_IN_CATEGORY = "Question.currentInCategory";
    public static final String CURRENT_IDS_IN_CATEGORY = "Question.currentIdsInCategory";
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

    @Column(nullable = false, length = 20000)
    private String source;

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
        this.source = parsed.source();
        this.createdAt = createdAt;
    }

    /** The question with its key, read from its GIFT text. */
    public BankQuestion parsed() {
        return GiftParser.parseStored(source, category, points);
    }

    /** Whether {@code parsed} says the same as this revision. */
    boolean sameAs(BankQuestion parsed) {
        return source.equals(parsed.source()) && points == parsed.points();
    }

    void retire() {
        current = false;
    }

    /** A corrected key in place: the text and options stay, so attempts keep their meaning. */
    void correctKey(BankQuestion corrected) {
        this.source = corrected.source();
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

    public String getSource() {
        return source;
    }
}
