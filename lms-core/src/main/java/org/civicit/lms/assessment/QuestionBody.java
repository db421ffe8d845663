package org.civicit.lms.assessment;

import java.io.StringReader;
import java.util.List;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;

import org.civicit.lms.assessment.BankQuestion.Media;
import org.civicit.lms.assessment.BankQuestion.Option;
import org.civicit.lms.assessment.BankQuestion.Pair;
import org.civicit.lms.assessment.BankQuestion.Range;

/**
 * A question's structure as the database keeps it: JSON of its text, answers with their
 * weights and feedback, pairs, ranges and pictures (by hash; the bytes are kept once in
 * {@code question_media}), and its own title when it has one (the title column names every
 * question, an untitled one by its text). Its category, type and points are columns of their own.
 */
public final class QuestionBody {

    /** The longest body kept: far beyond a question of the longest text with the most options. */
    public static final int LENGTH = 200_000;

    private QuestionBody() {
    }

    public static String write(BankQuestion question) {
        JsonArrayBuilder options = Json.createArrayBuilder();
        question.options().forEach(o -> options.add(withFeedback(Json.createObjectBuilder()
                .add("text", o.text()).add("fraction", o.fraction()), o.feedback())));
        JsonArrayBuilder ranges = Json.createArrayBuilder();
        question.ranges().forEach(r -> ranges.add(withFeedback(Json.createObjectBuilder()
                .add("min", r.min()).add("max", r.max()).add("fraction", r.fraction()), r.feedback())));
        JsonArrayBuilder pairs = Json.createArrayBuilder();
        question.pairs().forEach(p -> pairs.add(Json.createObjectBuilder().add("left", p.left()).add("right", p.right())));
        JsonArrayBuilder media = Json.createArrayBuilder();
        question.media().forEach(m -> media.add(Json.createObjectBuilder()
                .add("name", m.name()).add("contentType", m.contentType()).add("sha256", m.sha256())));
        JsonObjectBuilder body = Json.createObjectBuilder().add("text", question.text());
        if (question.title() != null) {
            body.add("title", question.title());
        }
        return withFeedback(body, question.feedback())
                .add("options", options).add("ranges", ranges).add("pairs", pairs).add("media", media)
                .build().toString();
    }

    /** The question a body holds; its pictures come without their bytes. */
    public static BankQuestion read(String body, String category, QuestionType type, double points) {
        JsonObject json;
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            json = reader.readObject();
        }
        List<Option> options = json.getJsonArray("options").getValuesAs(JsonObject.class).stream()
                .map(o -> new Option(o.getString("text"), number(o, "fraction"), feedback(o))).toList();
        List<Range> ranges = json.getJsonArray("ranges").getValuesAs(JsonObject.class).stream()
                .map(r -> new Range(number(r, "min"), number(r, "max"), number(r, "fraction"), feedback(r))).toList();
        List<Pair> pairs = json.getJsonArray("pairs").getValuesAs(JsonObject.class).stream()
                .map(p -> new Pair(p.getString("left"), p.getString("right"))).toList();
        List<Media> media = json.getJsonArray("media").getValuesAs(JsonObject.class).stream()
                .map(m -> new Media(m.getString("name"), m.getString("contentType"), m.getString("sha256"), null))
                .toList();
        String title = json.containsKey("title") ? json.getString("title") : null;
        return new BankQuestion(0, category, title, json.getString("text"), type, points, options, ranges, pairs,
                feedback(json), media);
    }

    private static JsonObjectBuilder withFeedback(JsonObjectBuilder builder, String feedback) {
        return feedback == null ? builder : builder.add("feedback", feedback);
    }

    private static String feedback(JsonObject json) {
        JsonValue value = json.get("feedback");
        return value == null || value == JsonValue.NULL ? null : json.getString("feedback");
    }

    private static double number(JsonObject json, String name) {
        return json.getJsonNumber(name).doubleValue();
    }
}
