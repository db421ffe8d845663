package org.civicit.lms.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** The texts users read, in Vietnamese and English: the same keys, each once, and patterns that format. */
class MessageBundlesTest {

    private static final Pattern ARGUMENT = Pattern.compile("\\{\\d");

    /** The key and value of each line, in order, keeping a key that appears twice (Properties would hide it). */
    private static List<Map.Entry<String, String>> entries(String name) throws IOException {
        try (InputStream in = MessageBundlesTest.class.getResourceAsStream("/" + name)) {
            List<Map.Entry<String, String>> entries = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                int equals = line.indexOf('=');
                if (!line.isBlank() && !line.startsWith("#") && equals > 0) {
                    entries.add(Map.entry(line.substring(0, equals).strip(), line.substring(equals + 1)));
                }
            }
            return entries;
        }
    }

    private static Map<String, String> messages(String name) throws IOException {
        Map<String, String> messages = new LinkedHashMap<>();
        for (Map.Entry<String, String> entry : entries(name)) {
            assertThat(messages.put(entry.getKey(), entry.getValue())).as("%s holds %s twice", name, entry.getKey())
                    .isNull();
        }
        return messages;
    }

    @Test
    void bothLanguagesHaveTheSameKeysEachOnce() throws IOException {
        assertThat(messages("i18n_en.properties").keySet())
                .containsExactlyInAnyOrderElementsOf(messages("i18n_vi.properties").keySet());
    }

    @Test
    void everyPatternWithArgumentsFormatsAndKeepsItsApostrophes() throws IOException {
        for (String name : List.of("i18n_en.properties", "i18n_vi.properties")) {
            messages(name).forEach((key, pattern) -> {
                if (ARGUMENT.matcher(pattern).find()) {
                    assertThatCode(() -> new MessageFormat(pattern)).as("%s in %s", key, name).doesNotThrowAnyException();
                    assertThat(pattern.replace("''", "")).as("%s in %s: a lone ' swallows text; write ''", key, name)
                            .doesNotContain("'");
                }
            });
        }
    }
}
