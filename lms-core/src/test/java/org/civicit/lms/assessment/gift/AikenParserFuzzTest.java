package org.civicit.lms.assessment.gift;

import java.nio.charset.StandardCharsets;

import com.code_intelligence.jazzer.junit.FuzzTest;

import org.civicit.lms.Fuzzing;

/**
 * Any bytes an instructor uploads as Aiken, with any category typed beside them: the input's
 * first line is the category, the rest the file.
 */
class AikenParserFuzzTest {

    @FuzzTest(maxDuration = Fuzzing.PER_TARGET)
    void readsABankOrRejectsIt(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        int newline = text.indexOf('\n');
        String category = newline < 0 ? "" : text.substring(0, newline);
        String file = text.substring(newline + 1);
        Fuzzing.withinASecond(() -> BankFiles.checkRead(() -> BankFormat.AIKEN.parse(file, category)));
    }
}
