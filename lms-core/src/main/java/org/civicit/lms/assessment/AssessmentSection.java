package org.civicit.lms.assessment;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * A part of an assessment: how many questions to draw from a category, and the mark this
 * part must reach on its own when the standard asks for one.
 */
@Embeddable
public class AssessmentSection {

    @Column(nullable = false)
    private String category;

    @Column(name = "question_count", nullable = false)
    private int questionCount;

    @Column(name = "pass_percent")
    private Double passPercent;

    protected AssessmentSection() {
    }

    public AssessmentSection(String category, int questionCount, Double passPercent) {
        this.category = category;
        this.questionCount = questionCount;
        this.passPercent = passPercent;
    }

    public String getCategory() {
        return category;
    }

    public int getQuestionCount() {
        return questionCount;
    }

    public Double getPassPercent() {
        return passPercent;
    }
}
