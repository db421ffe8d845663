package org.civicit.lms.assessment.gift;

import com.code_intelligence.jazzer.junit.FuzzTest;

import org.civicit.lms.Fuzzing;

/** Any bytes an instructor uploads as Moodle XML: a bank, or its problems, within a second. */
class MoodleXmlReaderFuzzTest {

    @FuzzTest(maxDuration = Fuzzing.PER_TARGET)
    void readsABankOrRejectsIt(byte[] file) {
        Fuzzing.withinASecond(() -> BankFiles.checkReadWithPictures(() -> MoodleXmlReader.parse(file)));
    }
}
