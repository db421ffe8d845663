package org.civicit.lms.assessment.gift;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Supplier;

import org.civicit.lms.assessment.BankQuestion;

/** What the fuzz targets of the bank formats demand of any read. */
final class BankFiles {

    private BankFiles() {
    }

    /**
     * A read either rejects the file with its problems listed, or yields questions that each
     * read again alone from their stored source, as the application does when it grades them.
     * Anything else thrown escapes and is a finding.
     */
    static void checkRead(Supplier<List<BankQuestion>> read) {
        List<BankQuestion> questions;
        try {
            questions = read.get();
        } catch (BankRejectedException rejected) {
            assertThat(rejected.errors()).isNotEmpty();
            return;
        }
        assertThat(questions).isNotEmpty();
        for (BankQuestion question : questions) {
            BankQuestion again = GiftParser.parseStored(question.source(), question.category(), question.points());
            assertThat(again.type()).isEqualTo(question.type());
            // Numbers go to the database and into JSON, where NaN and infinity do not fit.
            assertThat(question.ranges()).allSatisfy(range -> assertThat(range.min()).isFinite());
            assertThat(question.ranges()).allSatisfy(range -> assertThat(range.max()).isFinite());
            assertThat(question.options()).allSatisfy(option -> assertThat(option.fraction()).isFinite());
        }
    }
}
