package org.civicit.lms.web.assessment;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import org.civicit.lms.assessment.Answer;
import org.civicit.lms.assessment.Assessment;
import org.civicit.lms.assessment.Attempt;
import org.civicit.lms.assessment.AttemptItem;
import org.civicit.lms.assessment.AttemptStatus;
import org.civicit.lms.assessment.AttemptUpload;
import org.civicit.lms.assessment.Attempts;
import org.civicit.lms.assessment.BankQuestion;
import org.civicit.lms.assessment.Presentation;
import org.civicit.lms.assessment.QuestionType;
import org.civicit.lms.assessment.Results;
import org.civicit.lms.assessment.Review;

/**
 * An attempt as JSON, written field by field: what a trainee may see and nothing more.
 * Options are numbered in the attempt's own order; no right answer, weight, feedback or
 * score per question appears (a trainee with attempts left could read the key from them)
 * until the window has closed, and then only what the assessment's review allows.
 * Graders also see each answer's points, comment and version, the last needed to grade
 * an answer again.
 */
final class AttemptJson {

    private AttemptJson() {
    }

    /**
     * The attempt for its trainee: once it is submitted and the assessment's window has closed,
     * with what the assessment's review shows (each answer's points and comment; also whether it
     * was right and the bank's feedback).
     */
    static JsonObject forTrainee(Attempts.View view) {
        Attempt attempt = view.attempt();
        OffsetDateTime closesAt = attempt.getAssessment().getClosesAt();
        boolean reviewable = attempt.getStatus() != AttemptStatus.OPEN && closesAt != null
                && !OffsetDateTime.now().isBefore(closesAt);
        return of(view, false, reviewable ? attempt.getAssessment().getReview() : Review.NONE);
    }

    static JsonObject forGrader(Attempts.View view) {
        return of(view, true, Review.NONE);
    }

    private static JsonObject of(Attempts.View view, boolean grader, Review review) {
        Attempt attempt = view.attempt();
        JsonArrayBuilder questions = Json.createArrayBuilder();
        JsonArrayBuilder answers = Json.createArrayBuilder();
        boolean graded = attempt.getStatus() == AttemptStatus.GRADED;
        for (Attempts.Item entry : view.items()) {
            questions.add(question(entry.item(), entry.question()));
            if (entry.item().isAnswered() || graded) {
                JsonObjectBuilder answer = answer(entry.item(), entry.file(), grader);
                if (review != Review.NONE) {
                    reviewed(answer, entry, review);
                }
                answers.add(answer);
            }
        }
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("id", attempt.getId())
                .add("assessment", attempt.getAssessment().getCode())
                .add("title", attempt.getAssessment().getTitle())
                .add("number", attempt.getNumber())
                .add("status", attempt.getStatus().name())
                .add("startedAt", attempt.getStartedAt().toString())
                .add("deadline", attempt.getDeadline().toString())
                .add("serverTime", OffsetDateTime.now().toString())
                .add("questions", questions)
                .add("answers", answers);
        if (attempt.getStatus() == AttemptStatus.OPEN) {
            json.addNull("result");
        } else {
            json.add("result", result(attempt));
        }
        return json.build();
    }

    /** An assessment in its trainee's list, with the trainee's attempts and their results. */
    static JsonObject sitting(Attempts.Sitting sitting) {
        Assessment assessment = sitting.assessment();
        JsonArrayBuilder attempts = Json.createArrayBuilder();
        for (Attempt attempt : sitting.attempts()) {
            JsonObjectBuilder json = Json.createObjectBuilder().add("id", attempt.getId())
                    .add("number", attempt.getNumber()).add("status", attempt.getStatus().name());
            if (attempt.getStatus() == AttemptStatus.OPEN) {
                json.addNull("result");
            } else {
                json.add("result", result(attempt));
            }
            attempts.add(json);
        }
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("code", assessment.getCode())
                .add("title", assessment.getTitle())
                .add("timeLimitMinutes", assessment.getTimeLimitMinutes())
                .add("maxAttempts", assessment.getMaxAttempts())
                .add("takeable", sitting.takeable())
                .add("attempts", attempts);
        moment(json, "opensAt", assessment.getOpensAt());
        moment(json, "closesAt", assessment.getClosesAt());
        return json.build();
    }

    private static void moment(JsonObjectBuilder json, String name, OffsetDateTime value) {
        if (value == null) {
            json.addNull(name);
        } else {
            json.add(name, value.toString());
        }
    }

    /** The answer of a submission: status, score, maximum, percent and verdict ({@code null} while grading). */
    static JsonObject result(Attempt attempt) {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("status", attempt.getStatus().name());
        if (attempt.getScore() == null) {
            json.addNull("score").addNull("percent");
        } else {
            json.add("score", attempt.getScore()).add("percent", Results.percent(attempt.getScore(), attempt.getMaxScore()));
        }
        json.add("maxScore", attempt.getMaxScore());
        if (attempt.getPassed() == null) {
            json.addNull("passed");
        } else {
            json.add("passed", attempt.getPassed());
        }
        return json.build();
    }

    private static JsonObject question(AttemptItem item, BankQuestion question) {
        Presentation presentation = item.presentation();
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("id", item.getQuestionId())
                .add("type", question.type().name())
                .add("text", question.text())
                .add("points", item.getMaxPoints());
        JsonArrayBuilder options = Json.createArrayBuilder();
        List<Integer> order = presentation.optionOrder();
        for (int shown = 0; shown < order.size(); shown++) {
            String text = question.type() == QuestionType.MATCHING
                    ? question.matchedPairs().get(order.get(shown)).left()
                    : question.options().get(order.get(shown)).text();
            options.add(Json.createObjectBuilder().add("id", shown + 1).add("text", text));
        }
        json.add("options", options);
        if (!question.media().isEmpty()) {
            JsonArrayBuilder pictures = Json.createArrayBuilder();
            question.media().forEach(media -> pictures.add(Json.createObjectBuilder().add("name", media.name())
                    .add("sha256", media.sha256())));
            json.add("pictures", pictures);
        }
        if (question.type() == QuestionType.MATCHING) {
            JsonArrayBuilder choices = Json.createArrayBuilder();
            List<Integer> choiceOrder = presentation.choiceOrder();
            for (int shown = 0; shown < choiceOrder.size(); shown++) {
                choices.add(Json.createObjectBuilder().add("id", shown + 1)
                        .add("text", question.choices().get(choiceOrder.get(shown))));
            }
            json.add("choices", choices);
        }
        return json.build();
    }

    /** A file handed in, described: name, type and size, never its content. */
    static JsonObject file(AttemptUpload.Described file) {
        return Json.createObjectBuilder().add("name", file.fileName()).add("contentType", file.contentType())
                .add("size", file.sizeBytes()).build();
    }

    /** What review adds to an answer: its points and comment; with FULL, whether it was right and the feedback. */
    private static void reviewed(JsonObjectBuilder json, Attempts.Item entry, Review review) {
        AttemptItem item = entry.item();
        if (item.getPoints() == null) {
            json.addNull("points");
        } else {
            json.add("points", item.getPoints());
        }
        if (item.getComment() != null) {
            json.add("comment", item.getComment());
        }
        if (review != Review.FULL) {
            return;
        }
        if (item.getPoints() == null) {
            json.addNull("correct");
        } else {
            json.add("correct", item.getPoints() >= item.getMaxPoints() - 1e-9);
        }
        BankQuestion question = entry.question();
        List<String> feedback = new ArrayList<>();
        List<Integer> order = item.presentation().optionOrder();
        if (question.type() != QuestionType.MATCHING) {
            for (int shown : item.answer().selected()) {
                if (shown >= 1 && shown <= order.size()) {
                    String said = question.options().get(order.get(shown - 1)).feedback();
                    if (said != null && !said.isBlank()) {
                        feedback.add(said);
                    }
                }
            }
        }
        if (question.feedback() != null && !question.feedback().isBlank()) {
            feedback.add(question.feedback());
        }
        if (feedback.isEmpty()) {
            json.addNull("feedback");
        } else {
            json.add("feedback", String.join("\n", feedback));
        }
    }

    private static JsonObjectBuilder answer(AttemptItem item, AttemptUpload.Described file, boolean grader) {
        Answer answer = item.answer();
        JsonArrayBuilder selected = Json.createArrayBuilder();
        answer.selected().forEach(selected::add);
        JsonArrayBuilder pairs = Json.createArrayBuilder();
        for (Map.Entry<Integer, Integer> pair : answer.pairs().entrySet()) {
            pairs.add(Json.createObjectBuilder().add("option", pair.getKey()).add("choice", pair.getValue()));
        }
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("questionId", item.getQuestionId())
                .add("selected", selected)
                .add("pairs", pairs);
        if (answer.text() == null) {
            json.addNull("text");
        } else {
            json.add("text", answer.text());
        }
        if (file != null) {
            json.add("file", file(file));
        }
        if (grader) {
            if (item.getPoints() == null) {
                json.addNull("points");
            } else {
                json.add("points", item.getPoints());
            }
            if (item.getComment() != null) {
                json.add("comment", item.getComment());
            }
            json.add("version", item.getVersion());
        }
        return json;
    }
}
