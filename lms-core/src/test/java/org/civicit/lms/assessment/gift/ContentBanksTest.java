package org.civicit.lms.assessment.gift;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.civicit.lms.assessment.BankQuestion;
import org.civicit.lms.assessment.QuestionType;
import org.civicit.lms.catalog.CourseFile;
import org.junit.jupiter.api.Test;

/** The question banks shipped in content/banks: each parses, and each course's bank is there. */
class ContentBanksTest {

    private static final Path CONTENT = Path.of("..", "content");

    private static List<BankQuestion> bank(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            return file.toString().endsWith(".xml") ? MoodleXmlReader.parse(text) : GiftParser.parse(text);
        } catch (BankRejectedException e) {
            throw new AssertionError(file + ": " + e.errors());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void everyBankParsesWithEnoughQuestionsPerModuleAndAPracticalPart() throws IOException {
        List<BankQuestion> all = new ArrayList<>();
        try (Stream<Path> files = Files.list(CONTENT.resolve("banks"))) {
            files.filter(p -> p.toString().endsWith(".gift") || p.toString().endsWith(".xml")).sorted()
                    .forEach(file -> all.addAll(bank(file)));
        }
        Map<String, Long> perCategory = all.stream()
                .collect(Collectors.groupingBy(BankQuestion::category, Collectors.counting()));
        for (String module : List.of("IU01", "IU02", "IU03", "IU04", "IU05", "IU06")) {
            assertThat(perCategory.get(module)).as(module).isGreaterThanOrEqualTo(30);
            assertThat(all).filteredOn(q -> q.category().equals(module + "-TH"))
                    .as(module + " practical").isNotEmpty()
                    .allSatisfy(q -> assertThat(q.type()).isIn(QuestionType.ESSAY, QuestionType.DESCRIPTION))
                    .anySatisfy(q -> assertThat(q.type()).isEqualTo(QuestionType.ESSAY));
        }
        assertThat(perCategory.get("CIOF")).isGreaterThanOrEqualTo(30);
        assertThat(all).extracting(BankQuestion::type).contains(QuestionType.values());
        assertThat(all).filteredOn(q -> !q.media().isEmpty()).as("questions with pictures").hasSizeGreaterThanOrEqualTo(3)
                .allSatisfy(q -> assertThat(q.media()).allSatisfy(m -> assertThat(m.contentType()).isEqualTo("image/svg+xml")));
        assertThat(all).extracting(q -> q.category() + "/" + q.title()).doesNotHaveDuplicates();
    }

    @Test
    void everyBankACourseNamesExistsAndParses() throws IOException {
        try (Stream<Path> files = Files.list(CONTENT.resolve("catalog"))) {
            List<CourseFile> courses = files.filter(p -> p.toString().endsWith(".md")).map(p -> {
                try {
                    return CourseFile.parse(p.getFileName().toString(), Files.readString(p, StandardCharsets.UTF_8));
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }).filter(course -> course.bank() != null).toList();
            assertThat(courses).extracting(CourseFile::code).contains("IU01", "IU06");
            for (CourseFile course : courses) {
                assertThat(bank(CONTENT.resolve("banks").resolve(course.bank())))
                        .extracting(BankQuestion::category).contains(course.code());
            }
        }
    }
}
