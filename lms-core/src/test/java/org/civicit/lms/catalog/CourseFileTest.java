package org.civicit.lms.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

class CourseFileTest {

    private static final String GOOD = """
            ---
            code: IU04
            programme: BASIC-IT
            title: Sử dụng bảng tính cơ bản
            title_en: Basic spreadsheets
            hours: 12
            ---
            ## Bài 1. Ô và công thức
            Nội dung.
            """;

    @Test
    void readsTheFrontMatterAndKeepsTheLessons() {
        CourseFile file = CourseFile.parse("IU04.md", GOOD);
        assertThat(file.code()).isEqualTo("IU04");
        assertThat(file.programme()).isEqualTo("BASIC-IT");
        assertThat(file.title()).isEqualTo("Sử dụng bảng tính cơ bản");
        assertThat(file.hours()).isEqualTo(12);
        assertThat(file.body()).isEqualTo("## Bài 1. Ô và công thức\nNội dung.");
        assertThat(file.hash()).hasSize(64).isEqualTo(CourseFile.parse("IU04.md", GOOD.replace("\n", "\r\n")).hash());
    }

    @Test
    void aChangedFileHasAnotherHash() {
        assertThat(CourseFile.parse("a", GOOD).hash()).isNotEqualTo(CourseFile.parse("a", GOOD + "Thêm.\n").hash());
    }

    @Test
    void brokenFilesSayWhatIsWrong() {
        assertThatThrownBy(() -> CourseFile.parse("x.md", "code: IU01\n")).hasMessageContaining("line 1");
        assertThatThrownBy(() -> CourseFile.parse("x.md", GOOD.replace("hours: 12", "hours: twelve")))
                .hasMessageContaining("whole number");
        assertThatThrownBy(() -> CourseFile.parse("x.md", GOOD.replace("title_en: Basic spreadsheets\n", "")))
                .hasMessageContaining("title_en");
        assertThatThrownBy(() -> CourseFile.parse("x.md", "---\ncode: IU01\nprogramme: BASIC-IT\n"))
                .hasMessageContaining("closing");
        assertThatThrownBy(() -> CourseFile.parse("x.md", GOOD.replace("title: Sử", "title Sử")))
                .hasMessageContaining("line 4");
    }

    @Test
    void lessonsAreTheNumberedSectionsAndTheTextBeforeThemIntroducesTheCourse() {
        CourseFile file = CourseFile.parse("X.md", """
                ---
                code: X
                programme: BASIC-IT
                title: Thử
                title_en: Test
                hours: 2
                prerequisites: IU01, IU02
                ---
                ## Mục tiêu

                Giới thiệu.

                ## Bài 1. Máy tính

                Nội dung **một**.

                ## Bài 2. Phần mềm
                Nội dung hai.

                ## Tài liệu tham khảo

                Sách.
                """);
        assertThat(file.prerequisites()).containsExactly("IU01", "IU02");
        assertThat(file.lessons()).containsExactly(
                new CourseFile.LessonText(1, "Máy tính", "Nội dung **một**."),
                new CourseFile.LessonText(2, "Phần mềm", "Nội dung hai."));
    }

    /** Every file the application ships loads, and the contract's course codes are all there. */
    @Test
    void everyCatalogueFileInContentLoads() throws IOException {
        Path catalog = Path.of("..", "content", "catalog");
        List<CourseFile> files;
        try (Stream<Path> paths = Files.list(catalog)) {
            files = paths.filter(p -> p.toString().endsWith(".md")).sorted().map(p -> {
                try {
                    return CourseFile.parse(p.getFileName().toString(), Files.readString(p, StandardCharsets.UTF_8));
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }).toList();
        }
        assertThat(files).extracting(CourseFile::code).contains("IU01", "IU02", "IU03", "IU04", "IU05", "IU06",
                "CIO-01", "CIO-06", "ITS-01", "ITS-04");
        assertThat(files).allSatisfy(file -> {
            assertThat(file.programme()).isIn("BASIC-IT", "CIO", "IT-SPECIALIST");
            assertThat(file.hours()).isPositive();
            assertThat(file.body()).contains("## Bài 1.");
            assertThat(file.lessons()).extracting(CourseFile.LessonText::number)
                    .as(file.code()).startsWith(1, 2, 3).isSorted().doesNotHaveDuplicates();
        });
    }
}
