package org.civicit.lms.assessment;

import java.util.List;
import java.util.Objects;

import org.civicit.lms.platform.ContentHash;

/**
 * A question as a bank holds it, with its key: the structure every bank format is read into
 * and written from. Which list is filled depends on the type: {@code options} for choice,
 * true/false and the accepted forms of a short answer, {@code ranges} for a numerical answer,
 * {@code pairs} for matching; a description has none and is not graded.
 *
 * @param line  where the question starts in the file it came from
 * @param title the name that identifies the question across versions of its bank
 * @param media the pictures shown with the question, in order
 */
public record BankQuestion(int line, String category, String title, String text, QuestionType type, double points,
                           List<Option> options, List<Range> ranges, List<Pair> pairs, String feedback,
                           List<Media> media) {

    /** A choice, or an accepted short-answer form; {@code fraction} runs from -1 to 1. */
    public record Option(String text, double fraction, String feedback) {
    }

    /** Numbers from {@code min} to {@code max} inclusive earn {@code fraction}. */
    public record Range(double min, double max, double fraction, String feedback) {
    }

    /** A matching item and its right-hand answer; an empty {@code left} only adds a wrong choice. */
    public record Pair(String left, String right) {
    }

    /**
     * A picture shown with the question: a PNG, JPEG, GIF or SVG file, named as the bank file
     * named it, and known by the SHA-256 of its bytes. {@code content} is there when the
     * bytes travel with the question (a file read or written) and {@code null} when only the
     * question is read; two pictures are the same when their names, types and hashes are.
     */
    public record Media(String name, String contentType, String sha256, byte[] content) {

        public static Media of(String name, String contentType, byte[] content) {
            return new Media(name, contentType, ContentHash.sha256(content), content);
        }

        /** The picture without its bytes, as a question read from the database holds it. */
        public Media reference() {
            return new Media(name, contentType, sha256, null);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Media that && name.equals(that.name) && contentType.equals(that.contentType)
                    && sha256.equals(that.sha256);
        }

        @Override
        public int hashCode() {
            return Objects.hash(name, contentType, sha256);
        }

        @Override
        public String toString() {
            return name + " (" + contentType + ", " + sha256 + ")";
        }
    }

    /** The same question under another title. */
    public BankQuestion titled(String newTitle) {
        return new BankQuestion(line, category, newTitle, text, type, points, options, ranges, pairs, feedback, media);
    }

    /** The items of a matching question to be matched, without the extra wrong choices. */
    public List<Pair> matchedPairs() {
        return pairs.stream().filter(pair -> !pair.left().isEmpty()).toList();
    }

    /** The distinct right-hand items of a matching question, in the order first written. */
    public List<String> choices() {
        return pairs.stream().map(Pair::right).distinct().toList();
    }
}
