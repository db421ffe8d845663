package org.civicit.lms.assessment.gift;

import java.nio.charset.StandardCharsets;

import com.code_intelligence.jazzer.junit.FuzzTest;

import org.civicit.lms.Fuzzing;

/** Any bytes an instructor uploads as GIFT: a bank, or its problems, within a second. */
class GiftParserFuzzTest {

    @FuzzTest(maxDuration = Fuzzing.PER_TARGET)
    void readsABankOrRejectsIt(byte[] file) {
        String text = new String(file, StandardCharsets.UTF_8);
        Fuzzing.withinASecond(() -> BankFiles.checkRead(() -> BankFormat.GIFT.parse(text, null)));
    }
}
