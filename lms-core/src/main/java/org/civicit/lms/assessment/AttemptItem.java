package org.civicit.lms.assessment;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * One question of an attempt as its trainee sees it (the order of its options is kept, so
 * a resumed attempt looks the same), the answer saved so far and its grade.
 */
@Entity
@Table(name = "attempt_item")
@IdClass(AttemptItem.Key.class)
@NamedQuery(name = AttemptItem.OF_ATTEMPT,
        query = "SELECT i FROM AttemptItem i WHERE i.attemptId = :attempt ORDER BY i.position")
@NamedQuery(name = AttemptItem.OF_ASSESSMENT_QUESTION,
        query = "SELECT i FROM AttemptItem i WHERE i.questionId = :question AND i.attemptId IN"
                + " (SELECT a.id FROM Attempt a WHERE a.assessment = :assessment)")
@NamedQuery(name = AttemptItem.AWAITING_GRADING,
        query = "SELECT i, a FROM AttemptItem i, Attempt a WHERE a.id = i.attemptId"
                + " AND a.status = org.civicit.lms.assessment.AttemptStatus.AWAITING_GRADING AND i.points IS NULL"
                + " ORDER BY a.submittedAt, a.id, i.position")
public class AttemptItem {

    public static final String OF_ATTEMPT = "AttemptItem.ofAttempt";
    public static final String OF_ASSESSMENT_QUESTION = "AttemptItem.ofAssessmentQuestion";
    public static final String AWAITING_GRADING = "AttemptItem.awaitingGrading";
    public static final int TEXT_LENGTH = 20000;
    public static final int COMMENT_LENGTH = 4000;

    /** The key of an item: its attempt and question. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        private Long attemptId;
        private Long questionId;

        public Key() {
        }

        public Key(Long attemptId, Long questionId) {
            this.attemptId = attemptId;
            this.questionId = questionId;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(attemptId, key.attemptId)
                    && Objects.equals(questionId, key.questionId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(attemptId, questionId);
        }
    }

    @Id
    @Column(name = "attempt_id")
    private Long attemptId;

    @Id
    @Column(name = "question_id")
    private Long questionId;

    @Column(nullable = false)
    private int position;

    @Column(nullable = false)
    private int section;

    @Column(name = "option_order", length = 400)
    private String optionOrder;

    @Column(name = "choice_order", length = 400)
    private String choiceOrder;

    @Column(name = "max_points", nullable = false)
    private double maxPoints;

    @Column(length = 400)
    private String selected;

    @Column(name = "answer_text", length = TEXT_LENGTH)
    private String answerText;

    @Column(length = 800)
    private String pairs;

    @Column(name = "answered_at")
    private OffsetDateTime answeredAt;

    private Double points;

    @Column(length = COMMENT_LENGTH)
    private String comment;

    @Column(name = "graded_by", length = 40)
    private String gradedBy;

    @Column(name = "graded_at")
    private OffsetDateTime gradedAt;

    @Version
    private long version;

    protected AttemptItem() {
    }

    AttemptItem(Long attemptId, Long questionId, int position, int section, Presentation presentation,
            double maxPoints) {
        this.attemptId = attemptId;
        this.questionId = questionId;
        this.position = position;
        this.section = section;
        this.optionOrder = join(presentation.optionOrder());
        this.choiceOrder = join(presentation.choiceOrder());
        this.maxPoints = maxPoints;
    }

    public Presentation presentation() {
        return new Presentation(split(optionOrder), split(choiceOrder));
    }

    /** The answer as the trainee gave it, in the numbers of its own view. */
    public Answer answer() {
        return new Answer(split(selected), answerText, Presentation.readPairs(pairs));
    }

    void answer(Answer answer, OffsetDateTime at) {
        this.selected = answer.selected().isEmpty() ? null : join(answer.selected());
        this.answerText = answer.text();
        this.pairs = Presentation.writePairs(answer.pairs());
        this.answeredAt = at;
    }

    /** A file handed in counts as an answer, beside any text. */
    void fileHandedIn(OffsetDateTime at) {
        this.answeredAt = at;
    }

    void score(double points) {
        this.points = points;
        this.comment = null;
        this.gradedBy = null;
        this.gradedAt = null;
    }

    /** No points until the attempt is submitted again (it was reopened). */
    void unscore() {
        this.points = null;
    }

    void grade(double points, String comment, String by, OffsetDateTime at) {
        this.points = points;
        this.comment = comment;
        this.gradedBy = by;
        this.gradedAt = at;
    }

    public boolean isAnswered() {
        return answeredAt != null;
    }

    private static String join(List<Integer> numbers) {
        return numbers.isEmpty() ? null : String.join(",", numbers.stream().map(String::valueOf).toList());
    }

    private static List<Integer> split(String numbers) {
        return numbers == null || numbers.isEmpty() ? List.of()
                : Arrays.stream(numbers.split(",")).map(Integer::valueOf).toList();
    }

    public Long getAttemptId() {
        return attemptId;
    }

    public Long getQuestionId() {
        return questionId;
    }

    public int getPosition() {
        return position;
    }

    public int getSection() {
        return section;
    }

    public double getMaxPoints() {
        return maxPoints;
    }

    public Double getPoints() {
        return points;
    }

    public String getComment() {
        return comment;
    }

    public String getGradedBy() {
        return gradedBy;
    }

    public long getVersion() {
        return version;
    }

    public OffsetDateTime getAnsweredAt() {
        return answeredAt;
    }
}
