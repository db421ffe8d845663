package org.civicit.lms.assessment.gift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.civicit.lms.assessment.BankQuestion;
import org.civicit.lms.assessment.QuestionType;
import org.junit.jupiter.api.Test;

/**
 * Reads a public GIFT test suite, kept outside the repository, whose files Moodle's own
 * importer accepts, and compares each file's questions with the suite's expected parse:
 * how many questions, of which kind, in which order. The folder comes from the system
 * property {@code lms.gift.peerSuite}; without it the check has nothing to read.
 */
class GiftPeerSuiteTest {


    @Test
    void readsEveryFileAsMoodleDoes() throws IOException {
        String folder = System.getProperty("lms.gift.peerSuite", "");
        assumeTrue(!folder.isBlank() && Files.isDirectory(Path.of(folder)), "no GIFT peer suite at '" + folder + "'");
        List<String> differences = new ArrayList<>();
        int files = 0;
        try (Stream<Path> gifts = Files.list(Path.of(folder))) {
            for (Path gift : gifts.filter(p -> p.toString().endsWith(".gift")).sorted().toList()) {
                files++;
                String name = gift.getFileName().toString();
                List<String> expected = expectedKinds(gift.resolveSibling(name.replace(".gift", ".json")));
                List<String> actual;
                try {
                    actual = GiftParser.parse(Files.readString(gift, StandardCharsets.UTF_8)).stream()
                            .map(GiftPeerSuiteTest::kind).toList();
                } catch (BankRejectedException rejected) {
                    actual = List.of("rejected " + rejected.errors());
                }
                if (!actual.equals(expected)) {
                    differences.add(name + ": expected " + expected + " but read " + actual);
                }
            }
        }
        assertThat(files).as("GIFT files in the suite").isPositive();
        assertThat(differences).as("files read otherwise than Moodle reads them, of " + files).isEmpty();
    }

    private static List<String> expectedKinds(Path json) throws IOException {
        try (var reader = Json.createReader(new StringReader(Files.readString(json, StandardCharsets.UTF_8)))) {
            return reader.readArray().getValuesAs(JsonObject.class).stream()
                    .map(item -> item.getString("type"))
                    .filter(type -> !type.equals("Category"))
                    .toList();
        }
    }

    private static String kind(BankQuestion question) {
        return switch (question.type()) {
            case SINGLE_CHOICE, MULTIPLE_CHOICE -> "MC";
            case TRUE_FALSE -> "TF";
            case SHORT_ANSWER -> "Short";
            case NUMERICAL -> "Numerical";
            case MATCHING -> "Matching";
            case ESSAY -> "Essay";
            case DESCRIPTION -> "Description";
        };
    }
}
