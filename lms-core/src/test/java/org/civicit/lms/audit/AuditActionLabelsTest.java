package org.civicit.lms.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.ResourceBundle;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The admin reads every action by name in its language. */
class AuditActionLabelsTest {

    @ParameterizedTest
    @ValueSource(strings = {"vi", "en"})
    void everyActionHasALabel(String language) {
        ResourceBundle bundle = ResourceBundle.getBundle("i18n", Locale.forLanguageTag(language));
        for (AuditAction action : AuditAction.values()) {
            assertThat(bundle.containsKey("AuditAction." + action.name())).as("%s in %s", action, language).isTrue();
        }
    }
}
