package org.civicit.lms.assessment.gift;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.code_intelligence.jazzer.junit.FuzzTest;

import org.civicit.lms.Fuzzing;
import org.civicit.lms.assessment.BankQuestion;
import org.civicit.lms.assessment.QuestionBody;

/**
 * Any bytes an instructor uploads as a QTI package: its questions, or its problems, within a
 * second; and what is read, QTI writes and reads back the same.
 */
class QtiPackageFuzzTest {

    @FuzzTest(maxDuration = Fuzzing.PER_TARGET)
    void readsAPackageOrRejectsIt(byte[] file) {
        Fuzzing.withinASecond(() -> {
            List<BankQuestion> questions;
            try {
                questions = QtiPackage.read(file, null);
            } catch (BankRejectedException rejected) {
                assertThat(rejected.errors()).isNotEmpty();
                return;
            }
            for (BankQuestion question : questions) {
                BankQuestion kept = QuestionBody.read(QuestionBody.write(question), question.category(),
                        question.type(), question.points());
                assertThat(kept).usingRecursiveComparison().ignoringFields("line", "media").isEqualTo(question);
            }
            List<BankQuestion> again = QtiPackage.read(QtiPackage.write(questions).content(), null);
            assertThat(again).hasSameSizeAs(questions);
        });
    }
}
