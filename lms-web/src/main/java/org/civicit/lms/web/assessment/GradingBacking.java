package org.civicit.lms.web.assessment;

import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.civicit.lms.assessment.Attempt;
import org.civicit.lms.assessment.Grading;
import org.civicit.lms.platform.BusinessException;
import org.civicit.lms.web.problem.PageMessages;
import org.civicit.lms.web.security.Caller;

/**
 * Behind {@code instructor/grading.xhtml}: the essays and practical answers waiting for
 * the instructor, each graded with points and a comment. A grade carries the version read,
 * so a colleague's grade given meanwhile is never overwritten.
 */
@Named
@ViewScoped
public class GradingBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    /** One answer waiting, as the page shows it (getters, for the page's EL). */
    public static final class Row implements Serializable {
        private static final long serialVersionUID = 1L;
        private final long attemptId;
        private final long questionId;
        private final String assessment;
        private final String question;
        private final String answer;
        private final String fileName;
        private final double maxPoints;
        private final long version;

        Row(Grading.Pending pending) {
            this.attemptId = pending.attempt().getId();
            this.questionId = pending.item().getQuestionId();
            this.assessment = pending.attempt().getAssessment().getCode();
            this.question = pending.question().text();
            this.answer = pending.item().answer().text();
            this.fileName = pending.file() == null ? null : pending.file().fileName();
            this.maxPoints = pending.item().getMaxPoints();
            this.version = pending.item().getVersion();
        }

        public String getKey() {
            return attemptId + "-" + questionId;
        }

        public long getAttemptId() {
            return attemptId;
        }

        public long getQuestionId() {
            return questionId;
        }

        public String getAssessment() {
            return assessment;
        }

        public String getQuestion() {
            return question;
        }

        public String getAnswer() {
            return answer;
        }

        public String getFileName() {
            return fileName;
        }

        public double getMaxPoints() {
            return maxPoints;
        }
    }

    @Inject
    Grading grading;

    @Inject
    Caller caller;

    private List<Row> rows;
    private final Map<String, String> points = new HashMap<>();
    private final Map<String, String> comments = new HashMap<>();

    public List<Row> getRows() {
        if (rows == null) {
            rows = grading.queue(caller.username(), caller.isAdmin()).stream().map(Row::new).toList();
        }
        return rows;
    }

    public void grade(Row row) {
        try {
            Attempt attempt = grading.grade(row.attemptId, row.questionId, number(points.get(row.getKey())),
                    comments.get(row.getKey()), row.version, caller.username(), caller.isAdmin());
            PageMessages.info("grading.done", attempt.getId(),
                    PageMessages.text("AttemptStatus." + attempt.getStatus()));
        } catch (BusinessException e) {
            PageMessages.refusal(e);
        }
        rows = null;
    }

    /** Points as typed: a decimal point or, as written in Vietnamese, a decimal comma; anything else is no number. */
    private static Double number(String typed) {
        try {
            return typed == null || typed.isBlank() ? null : Double.valueOf(typed.strip().replace(',', '.'));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    public Map<String, String> getPoints() {
        return points;
    }

    public Map<String, String> getComments() {
        return comments;
    }
}
