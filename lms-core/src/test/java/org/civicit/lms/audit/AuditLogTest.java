package org.civicit.lms.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;

import jakarta.transaction.Transactional;

import org.junit.jupiter.api.Test;

class AuditLogTest {

    /** A rolled-back change must take its entry with it: no entry may commit on its own while a change is under way. */
    @Test
    void everyEntryJoinsTheTransactionOfTheChange() {
        Method[] writers = Arrays.stream(AuditLog.class.getDeclaredMethods())
                .filter(m -> Modifier.isPublic(m.getModifiers())).toArray(Method[]::new);
        assertThat(writers).isNotEmpty().allSatisfy(m -> {
            assertThat(m.getAnnotation(Transactional.class)).as(m.getName()).isNotNull();
            assertThat(m.getAnnotation(Transactional.class).value()).as(m.getName())
                    .isEqualTo(Transactional.TxType.REQUIRED);
        });
    }
}
