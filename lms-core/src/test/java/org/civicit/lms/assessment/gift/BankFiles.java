package org.civicit.lms.assessment.gift;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;

import org.civicit.lms.assessment.BankQuestion;
import org.civicit.lms.assessment.QuestionBody;

/** What the fuzz targets of the bank formats demand of any read. */
final class BankFiles {

    private BankFiles() {
    }

    /**
     * A read either rejects the file with its problems listed, or yields questions that the
     * database's form keeps as they are, and that GIFT writes and reads back the same, as an
     * export does. Anything else thrown escapes and is a finding.
     */
    static void checkRead(Supplier<List<BankQuestion>> read) {
        List<BankQuestion> questions = readOrRejected(read);
        if (questions != null) {
            checkKept(questions);
        }
    }

    /**
     * As {@link #checkRead}, for a format that carries pictures: Moodle XML also writes and
     * reads back the same questions, pictures and all.
     */
    static void checkReadWithPictures(Supplier<List<BankQuestion>> read) {
        List<BankQuestion> questions = readOrRejected(read);
        if (questions == null) {
            return;
        }
        checkKept(questions);
        if (questions.isEmpty()) {
            return;
        }
        List<BankQuestion> again = MoodleXmlReader.parse(MoodleXmlWriter.write(questions).content());
        assertThat(again).usingRecursiveFieldByFieldElementComparatorIgnoringFields("line").isEqualTo(questions);
    }

    private static List<BankQuestion> readOrRejected(Supplier<List<BankQuestion>> read) {
        try {
            return read.get();
        } catch (BankRejectedException rejected) {
            assertThat(rejected.errors()).isNotEmpty();
            return null;
        }
    }

    private static void checkKept(List<BankQuestion> questions) {
        if (questions.isEmpty()) {
            // A file that only names a category: nothing is kept, so nothing is written to read back.
            return;
        }
        for (BankQuestion question : questions) {
            BankQuestion kept = QuestionBody.read(QuestionBody.write(question), question.category(), question.type(),
                    question.points());
            // The database keeps a picture's reference; its bytes are stored apart.
            assertThat(kept).usingRecursiveComparison().ignoringFields("line", "media.content").isEqualTo(question);
            // Numbers go to the database and into JSON, where NaN and infinity do not fit.
            assertThat(question.ranges()).allSatisfy(range -> assertThat(range.min()).isFinite());
            assertThat(question.ranges()).allSatisfy(range -> assertThat(range.max()).isFinite());
            assertThat(question.options()).allSatisfy(option -> assertThat(option.fraction()).isFinite());
        }
        // GIFT carries no pictures, nor some matching questions; its writer says so.
        BankFile gift = GiftWriter.write(questions);
        List<BankQuestion> writable = questions.stream().filter(GiftWriter::writable).toList();
        assertThat(gift.leftOut().stream().filter(left -> left.what().startsWith("the question")))
                .hasSize(questions.size() - writable.size());
        if (writable.isEmpty()) {
            assertThat(gift.content()).isEmpty();
            return;
        }
        List<BankQuestion> again = GiftParser.parse(new String(gift.content(), StandardCharsets.UTF_8));
        assertThat(again).usingRecursiveFieldByFieldElementComparatorIgnoringFields("line", "media")
                .isEqualTo(writable);
    }
}
